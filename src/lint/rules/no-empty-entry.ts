// PL001 no-empty-entry: an entry whose body has no notes (blank lines and HTML comments only).
import { defineRule } from '../types.js';

export const noEmptyEntry = defineRule({
  id: 'PL001',
  alias: 'no-empty-entry',
  description: 'An entry has no notes under its heading',
  severity: 'warn',
  fixable: false,
  docs: {
    details:
      'An entry whose body holds nothing but blank lines and HTML comments is a stub: a paper you meant to read or summarise. It is reported at its heading; `papers list --stub` lists them all. In a digest of one paper per list item (a reading list) an item without notes is not reported.',
    bad: "## OCR\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n\n### SVTR: Scene Text Recognition with a Single Visual Model[IJCAI'22][Baidu]\n- mixing blocks: global and local attention\n",
    good: "## OCR\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n- an encoder-decoder that reads a page image into markdown\n\n### SVTR: Scene Text Recognition with a Single Visual Model[IJCAI'22][Baidu]\n- mixing blocks: global and local attention\n",
  },
  check(context, report) {
    for (const entry of context.digest.entries) {
      if (!entry.stub) continue;
      // NOTE: a paper per list item is a reading list: notes under an item are welcome, not expected.
      if ('bullets' in context.file(entry.file).info.entries.at) continue;
      report({
        file: entry.file,
        start: entry.heading.start,
        end: entry.heading.end,
        message: `Empty entry "${entry.title || '(untitled)'}", expected notes under its heading`,
      });
    }
  },
});
