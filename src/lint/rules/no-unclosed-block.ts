// PL013 no-unclosed-block: a code fence or HTML comment that is never closed hides every heading after it.
import { defineRule } from '../types.js';

export const noUnclosedBlock = defineRule({
  id: 'PL013',
  alias: 'no-unclosed-block',
  description: 'A code fence or HTML comment is never closed, so the rest of the file is read as code or comment',
  severity: 'error',
  fixable: false,
  docs: {
    details:
      'Headings inside fenced code and HTML comments are not headings. A fence (```` ``` ```` or `~~~`) or `<!--` without its end swallows every entry after it: they disappear from list, show and search.',
    bad: "## Systems\n### TVM: an automated end-to-end optimizing compiler for deep learning[OSDI'18][UW]\n```python\nmod = relay.build(func)\n\n### Ansor: Generating High-Performance Tensor Programs for Deep Learning[OSDI'20][Berkeley]\n- a larger search space\n",
    good: "## Systems\n### TVM: an automated end-to-end optimizing compiler for deep learning[OSDI'18][UW]\n```python\nmod = relay.build(func)\n```\n\n### Ansor: Generating High-Performance Tensor Programs for Deep Learning[OSDI'20][Berkeley]\n- a larger search space\n",
  },
  check(context, report) {
    for (const file of context.files) {
      for (const problem of file.scan.problems) {
        const start = file.lines.starts[problem.line - 1]!;
        report({ file: file.name, start, end: file.lines.ends[problem.line - 1]!, message: problem.message });
      }
    }
  },
});
