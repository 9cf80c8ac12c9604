// PL006 venue-spelling: a venue written in the wrong case (`Arxiv`) or misspelled (`Arivx`).
import { defineRule } from '../types.js';

export const venueSpelling = defineRule({
  id: 'PL006',
  alias: 'venue-spelling',
  description: 'A known venue is misspelled or written in the wrong case',
  severity: 'warn',
  fixable: true,
  docs: {
    details:
      'Venues resolve through the registry (built in, plus the config\'s `venues`). A registered name in another case or punctuation (`Arxiv`, `arxiv`, `neurips`) is fixed to its registered spelling. A name within a small edit distance of exactly one registered name (`Arivx`, `Arixv`) is fixed to it too: the registry only answers when the nearest name is unique. Aliases (`NIPS`) and venues the registry does not know are left alone; add your own with `venues` in the config.',
    bad: "## Systems\n### Relax: Composable Abstractions for End-to-End Dynamic Machine Learning[Arxiv'23][UW]\n- dynamic shapes as first-class citizens\n\n### Bring Your Own Codegen to Deep Learning Compiler[Arivx'21][AWS]\n- partitions graphs between host and accelerators\n",
    good: "## Systems\n### Relax: Composable Abstractions for End-to-End Dynamic Machine Learning[arXiv'23][UW]\n- dynamic shapes as first-class citizens\n\n### Bring Your Own Codegen to Deep Learning Compiler[arXiv'21][AWS]\n- partitions graphs between host and accelerators\n",
  },
  check(context, report) {
    for (const entry of context.digest.entries) {
      if (entry.venueMatch !== 'variant' && entry.venueMatch !== 'misspelled') continue;
      const span = context.heading(entry).venueSpan;
      const { suggestion } = context.venues.resolve(entry.venueRaw);
      if (!span || !suggestion) continue;
      const start = entry.heading.rawOffset + span[0];
      const end = entry.heading.rawOffset + span[1];
      report({
        file: entry.file,
        start,
        end,
        message:
          entry.venueMatch === 'variant'
            ? `Unexpected venue spelling "${entry.venueRaw}", expected "${suggestion}"`
            : `Unknown venue "${entry.venueRaw}"; did you mean "${suggestion}"?`,
        fix: { start, end, text: suggestion },
      });
    }
  },
});
