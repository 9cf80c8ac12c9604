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
      'Venues resolve through the registry (built in, plus the config\'s `venues`). A registered name in another case or punctuation (`Arxiv`, `arxiv`, `neurips`) is fixed to its registered spelling. A sure misspelling, the letters of exactly one registered name in another order (`Arivx`, `Arixv`) or one edit in a name of six letters or more (`Neurlps`), is fixed to it too. A name one letter off a short registered name (`COLM` beside COLT, `CVPRW` beside CVPR) may well be another venue: it gets a "did you mean" at info level and is never changed. Aliases (`NIPS`) and venues the registry does not know are left alone; add your own with `venues` in the config.',
    bad: "## Systems\n### Relax: Composable Abstractions for End-to-End Dynamic Machine Learning[Arxiv'23][UW]\n- dynamic shapes as first-class citizens\n\n### Bring Your Own Codegen to Deep Learning Compiler[Arivx'21][AWS]\n- partitions graphs between host and accelerators\n",
    good: "## Systems\n### Relax: Composable Abstractions for End-to-End Dynamic Machine Learning[arXiv'23][UW]\n- dynamic shapes as first-class citizens\n\n### Bring Your Own Codegen to Deep Learning Compiler[arXiv'21][AWS]\n- partitions graphs between host and accelerators\n",
  },
  check(context, report) {
    for (const entry of context.digest.entries) {
      const { suggestion } = context.venues.resolve(entry.venueRaw);
      if (!suggestion) continue;
      const span = context.heading(entry).venueSpan;
      if (!span) continue;
      const start = entry.heading.rawOffset + span[0];
      const end = entry.heading.rawOffset + span[1];
      if (entry.venueMatch === 'unknown') {
        // A guess, not a fix: the venue may be one the registry does not know.
        report({ file: entry.file, start, end, severity: 'info', message: `Unknown venue "${entry.venueRaw}"; did you mean "${suggestion}"? (add it to "venues" in the config if it is right)` });
        continue;
      }
      report({
        file: entry.file,
        start,
        end,
        message:
          entry.venueMatch === 'variant'
            ? `Unexpected venue spelling "${entry.venueRaw}", expected "${suggestion}"`
            : `Misspelled venue "${entry.venueRaw}", expected "${suggestion}"`,
        fix: { start, end, text: suggestion },
      });
    }
  },
});
