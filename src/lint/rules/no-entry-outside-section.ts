// PL010 no-entry-outside-section: an entry (`###`) before the first section (`##`) of its file.
import { sectionMarkerOf } from '../dialect.js';
import { defineRule } from '../types.js';

export const noEntryOutsideSection = defineRule({
  id: 'PL010',
  alias: 'no-entry-outside-section',
  description: 'An entry comes before any section heading',
  severity: 'warn',
  fixable: false,
  docs: {
    details:
      'Every entry belongs to the `##` section above it. An entry before the first `##` of its file has no section: `papers list --section` never shows it and `papers sections` counts it as "(no section)".',
    bad: "# Papers\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n- page images to markdown\n\n## OCR\n",
    good: "# Papers\n\n## OCR\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n- page images to markdown\n",
  },
  check(context, report) {
    for (const entry of context.digest.entries) {
      if (entry.section !== null) continue;
      report({
        file: entry.file,
        start: entry.heading.start,
        end: entry.heading.end,
        message: `Entry "${entry.title || '(untitled)'}" is outside any section, expected a "${sectionMarkerOf(context.file(entry.file).info.entries.at)}Section" heading above it`,
      });
    }
  },
});
