// PL002 no-todo: TODO markers in an entry, in English (any case, full-width too) and Chinese.
import * as z from 'zod/mini';
import type { Todo } from '../../store/schema.js';
import { createTodoMatcher, findTodos } from '../../store/todos.js';
import { defineRule } from '../types.js';

const Options = z.strictObject({
  /** Replaces the markers for lint (the store's `todoTerms` still drive `list --todo`). */
  terms: z.optional(z.array(z.string().check(z.trim(), z.minLength(1, 'must not be empty')))),
});

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
        todos = findTodos(text, lines, matcher, entry.range.start, entry.range.end);
      }
      for (const todo of todos) {
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
