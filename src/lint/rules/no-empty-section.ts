// PL011 no-empty-section: a section (`##`) with no entries and no other content.
import { hasContent } from '../../store/parse.js';
import { defineRule } from '../types.js';

export const noEmptySection = defineRule({
  id: 'PL011',
  alias: 'no-empty-section',
  description: 'A section has no entries and no other content',
  severity: 'warn',
  fixable: false,
  docs: {
    details:
      'A `##` heading followed directly by the next `#`/`##` heading (or the end of the file), with nothing but blank lines and HTML comments between, is usually a topic created and never filled. A section with prose but no entries is not reported.',
    bad: "## 模型优化\n\n## OCR 文字识别\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n- page images to markdown\n",
    good: "## OCR 文字识别\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n- page images to markdown\n",
  },
  check(context, report) {
    for (const section of context.digest.sections) {
      const { text, lines } = context.file(section.file);
      const bodyStart = section.line < lines.starts.length ? lines.starts[section.line]! : section.range.end;
      if (hasContent(text.slice(Math.min(bodyStart, section.range.end), section.range.end))) continue;
      report({
        file: section.file,
        start: section.heading.start,
        end: section.heading.end,
        message: `Empty section "${section.title}", expected entries under it`,
      });
    }
  },
});
