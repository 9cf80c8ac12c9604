// PL004 heading-trailing-punctuation: a `:` or spaces after an entry's title.
import { defineRule } from '../types.js';

const ITEM_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;

export const headingTrailingPunctuation = defineRule({
  id: 'PL004',
  alias: 'heading-trailing-punctuation',
  description: 'An entry heading ends with ":" or spaces, or has a ":" right before its metadata',
  severity: 'warn',
  fixable: true,
  docs: {
    details:
      'A trailing `:` usually means the title is unfinished (`Dount:` waiting for its subtitle), so removing it is only a suggestion; --fix never does it. Trailing spaces alone mean nothing in a heading, and --fix removes them; two or more at the end of a list item line (an entry of a digest of paper lists) are a line break, and are left alone.',
    bad: "## OCR\n### Donut:\n- OCR-free document understanding\n\n### Nougat: Neural Optical Understanding for Academic Documents:[ICLR'24][Meta]\n- page images to markdown\n",
    good: "## OCR\n### Donut: OCR-free Document Understanding Transformer[ECCV'22][NAVER]\n- OCR-free document understanding\n\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n- page images to markdown\n",
  },
  check(context, report) {
    for (const entry of context.digest.entries) {
      const { raw, rawOffset } = entry.heading;
      let reported = false;
      for (const issue of context.heading(entry).issues) {
        if (issue.code !== 'trailing-punctuation') continue;
        reported = true;
        const start = rawOffset + issue.start;
        const end = rawOffset + issue.end;
        report({
          file: entry.file,
          start,
          end,
          message: issue.message,
          suggestions: [{ desc: `Remove "${raw.slice(issue.start, issue.end)}"`, fix: { start, end, text: issue.fix ?? '' } }],
        });
      }
      const trimmed = raw.trimEnd().length;
      // NOTE: two spaces at the end of a list item's line break it (`1. **Title**  ` then its authors): markdown, no slip.
      const hardBreak = raw.length - trimmed >= 2 && ITEM_MARKER.test(context.file(entry.file).text.slice(entry.heading.start, rawOffset));
      if (!reported && !hardBreak && trimmed < raw.length && trimmed > 0) {
        report({
          file: entry.file,
          start: rawOffset + trimmed,
          end: rawOffset + raw.length,
          message: 'Unexpected spaces at the end of the heading, expected nothing',
          fix: { start: rawOffset + trimmed, end: rawOffset + raw.length, text: '' },
        });
      }
    }
  },
});
