// PL012 heading-increment: a heading more than one level deeper than the heading before it.
import { defineRule } from '../types.js';

export const headingIncrement = defineRule({
  id: 'PL012',
  alias: 'heading-increment',
  description: 'A heading level is skipped (`###` right after `#`, `#####` inside an entry)',
  severity: 'warn',
  fixable: false,
  docs: {
    details:
      'Headings go down one level at a time: `#` digest title, `##` section, `###` entry, `####` and deeper inside an entry. A skipped level usually means a missing section or a mistyped marker. An entry outside any section is reported by no-entry-outside-section instead.',
    bad: "# Papers\n\n## OCR\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n##### Results\n- BLEU 0.89 on arXiv pages\n",
    good: "# Papers\n\n## OCR\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n#### Results\n- BLEU 0.89 on arXiv pages\n",
  },
  check(context, report) {
    const outside = new Set(context.digest.entries.filter((e) => e.section === null).map((e) => `${e.file}:${e.line}`));
    for (const file of context.files) {
      let previous = 0;
      for (const { line, level, html } of file.scan.outline) {
        if (html) continue;
        if (previous > 0 && level > previous + 1 && !outside.has(`${file.name}:${line}`)) {
          const start = file.lines.starts[line - 1]!;
          report({
            file: file.name,
            start,
            end: file.lines.ends[line - 1]!,
            message: `Heading level skipped: "${'#'.repeat(level)}" after "${'#'.repeat(previous)}", expected "${'#'.repeat(previous + 1)}"`,
          });
        }
        previous = level;
      }
    }
  },
});
