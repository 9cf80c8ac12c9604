// PL002 no-todo: TODO markers in an entry, in English (any case, full-width too) and Chinese.
import * as z from 'zod/mini';
import { lineOfOffset } from '../../store/scan.js';
import type { Link, Todo } from '../../store/schema.js';
import { createTodoMatcher, quoteAround } from '../../store/todos.js';
import { defineRule } from '../types.js';

const Options = z.strictObject({
  /** Replaces the markers for lint (the store's `todoTerms` still drive `list --todo`). */
  terms: z.optional(z.array(z.string().check(z.trim(), z.minLength(1, 'must not be empty')))),
});

/** Where the URLs of an entry's links are (`…/todo-app` is no marker); link texts stay in. */
function urlRanges(links: readonly Link[], text: string): Array<[number, number]> {
  return links.map((link): [number, number] => {
    if (link.kind === 'bare' || link.kind === 'autolink') return [link.offset, link.endOffset];
    const source = text.slice(link.offset, link.endOffset);
    const at = link.kind === 'definition' ? source.indexOf(']:') : source.lastIndexOf('](');
    return at < 0 ? [0, 0] : [link.offset + at + 2, link.endOffset];
  });
}

export const noTodo = defineRule({
  id: 'PL002',
  alias: 'no-todo',
  description: 'An entry has a TODO marker (TODO, FIXME, XXX, TBD, 待补充, 待完善, 待定...)',
  severity: 'warn',
  fixable: false,
  options: Options,
  docs: {
    details:
      'Latin markers match in any case and in full-width letters (ＴＯＤＯ) when no other ASCII letter, digit or `_` touches them, so `TODO:`, `(// todo ...)` and `TODO效果` match but `todos` and `XXXL` do not. Chinese markers match anywhere, also inside a longer phrase. The message quotes up to 40 characters each side. Markers inside link URLs and inside papers-lint directives are not reported. The markers are the built-in ones plus the config\'s `todoTerms`.',
    options: ['terms: string[]: the markers to look for instead (Latin terms keep the word-boundary rule)'],
    bad: '## IR\n### Möbius Transformation for Fast Inner Product Search on Graph[NIPS\'19][Baidu]\n- 效果不佳（// TODO 效果不佳如何证明）\n- 实验部分待补充\n',
    good: '## IR\n### Möbius Transformation for Fast Inner Product Search on Graph[NIPS\'19][Baidu]\n- 效果不佳：在 MIPS 上类德劳内图不再成立\n- 实验：同等算力下 Recall 提升 20% ～ 30%\n',
  },
  check(context, report, options) {
    const matcher = options.terms ? createTodoMatcher(options.terms) : null;
    for (const entry of context.digest.entries) {
      let todos: readonly Todo[] = entry.todos;
      if (matcher) {
        const { text, lines } = context.file(entry.file);
        const found: Todo[] = [];
        const last = lineOfOffset(lines, Math.max(entry.range.start, entry.range.end - 1));
        for (let n = entry.line; n <= last; n++) {
          const start = lines.starts[n - 1]!;
          const line = text.slice(start, lines.ends[n - 1]!);
          for (const m of matcher.find(line)) {
            found.push({ marker: m.marker, term: m.term, context: quoteAround(line, m.index, m.marker.length), line: n, column: m.index + 1, offset: start + m.index });
          }
        }
        todos = found;
      }
      const { directives, text } = context.file(entry.file);
      const urls = todos.length ? urlRanges(entry.links, text) : [];
      for (const todo of todos) {
        if (directives.inDirective(todo.offset) || urls.some(([s, e]) => todo.offset >= s && todo.offset < e)) continue;
        report({
          file: entry.file,
          start: todo.offset,
          end: todo.offset + todo.marker.length,
          message: `Unfinished note: "${todo.marker}" in "${todo.context}", expected the note to be finished or the marker removed`,
        });
      }
    }
  },
});
