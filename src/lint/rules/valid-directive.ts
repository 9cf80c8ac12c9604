// PL014 valid-directive: a papers-lint directive with an unknown keyword or rule name.
import { defineRule } from '../types.js';

export const validDirective = defineRule({
  id: 'PL014',
  alias: 'valid-directive',
  description: 'A papers-lint directive names an unknown rule or is not a known directive',
  severity: 'error',
  fixable: false,
  docs: {
    details:
      'Directives are HTML comments: `<!-- papers-lint-disable-next-line no-todo -->`, `-disable-line`, `-disable` and `-enable`, followed by rule ids or aliases (none means all rules) and an optional `-- reason`. A misspelt rule name would silently switch nothing off, so it is reported, with the nearest rule name when there is one.',
    bad: "## IR\n<!-- papers-lint-disable-next-line no-todos -- proof pending -->\n### Möbius Transformation for Fast Inner Product Search on Graph[NIPS'19][Baidu]\n- TODO: 效果不佳如何证明\n",
    good: "## IR\n### Möbius Transformation for Fast Inner Product Search on Graph[NIPS'19][Baidu]\n<!-- papers-lint-disable-next-line no-todo -- proof pending -->\n- TODO: 效果不佳如何证明\n",
  },
  check(context, report) {
    for (const file of context.files) {
      for (const problem of file.directives.problems) report({ file: file.name, ...problem });
    }
  },
});
