import { describe, expect, it, vi } from 'vitest';
import { splitLines } from '../../src/store/scan.js';
import { createTodoMatcher, findTodos, quoteAround } from '../../src/store/todos.js';

describe('TODO markers', () => {
  const m = createTodoMatcher();
  const markers = (text: string) => m.findAll(text).map((t) => [t.marker, t.term, t.index]);

  it.each([
    ['效果不佳（// TODO 效果不佳如何证明）', [['TODO', 'TODO', 8]]],
    ['todo: read the appendix', [['todo', 'TODO', 0]]],
    ['ＴＯＤＯ 全角', [['ＴＯＤＯ', 'TODO', 0]]],
    ['ｆｉｘｍｅ later', [['ｆｉｘｍｅ', 'FIXME', 0]]],
    ['FIXME and XXX and tbd', [['FIXME', 'FIXME', 0], ['XXX', 'XXX', 10], ['tbd', 'TBD', 18]]],
    ['实验部分待补充，结论待完善', [['待补充', '待补充', 4], ['待完善', '待完善', 10]]],
    ['方法待定', [['待定', '待定', 2]]],
    ['TODO写在中文前面', [['TODO', 'TODO', 0]]],
  ])('finds markers in %j', (text, expected) => {
    expect(markers(text)).toEqual(expected);
  });

  it.each([['TODOs are a list'], ['mastodon'], ['0xXXXX'], ['TODO_LIST'], ['ＴＯＤＯＳ'], ['a todolist']])('ignores %j', (text) => {
    expect(markers(text)).toEqual([]);
  });

  it('takes extra terms, and prefers the longest term at a place', () => {
    const custom = createTodoMatcher(['待补', '待补充', 'CHECK']);
    expect(custom.findAll('待补充 check')).toEqual([
      { marker: '待补充', term: '待补充', index: 0 },
      { marker: 'check', term: 'CHECK', index: 4 },
    ]);
  });

  it('quotes at most 40 characters each side', () => {
    const line = `${'a'.repeat(60)} TODO ${'b'.repeat(60)}`;
    const q = quoteAround(line, 61, 4);
    expect(q).toBe(`…${'a'.repeat(39)} TODO ${'b'.repeat(39)}…`);
  });
});

describe('markers that are no notes', () => {
  it('leaves out rule names in papers-lint directives and words in URLs, for list --todo and lint alike', async () => {
    const { memoryIo, run } = await import('../helpers/memory-io.js');
    const digest = [
      '## S',
      "### A[KDD'18][X]",
      '<!-- papers-lint-disable-next-line no-todo -->',
      '- see https://github.com/x/todo-app and [app](https://x.org/todo)',
      "### B[KDD'19][X]",
      '- TODO: real one',
      '',
    ].join('\n');
    const list = JSON.parse((await run(memoryIo({ '/work/notes/a.md': digest }), 'list', '--todo', '--json')).stdout) as Array<{ title: string; todos: Array<{ line: number }> }>;
    expect(list.map((e) => [e.title, e.todos.map((t) => t.line)])).toEqual([['B', [6]]]);
    const lint = await run(memoryIo({ '/work/notes/a.md': digest }), 'lint', '--rule', 'no-todo', '--format', 'unix');
    expect(lint.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^notes\/a\.md:6:3: Unfinished note: "TODO"/)]);
  });
});

describe('markers on a long line', () => {
  it('leaves out those in URLs and directives however many markers and URLs one line holds', () => {
    // Each piece: a marker in a URL, one in a directive, two real ones (one touching Chinese).
    const piece = 'see https://x.org/todo-app 和 <!-- papers-lint-disable-line no-todo --> TODO 待补充，';
    const line = `- ${piece.repeat(1_000)}`;
    const text = `${line}\n- FIXME\n`;
    const todos = findTodos(text, splitLines(text), createTodoMatcher());
    expect(todos).toHaveLength(2 * 1_000 + 1);
    expect(todos.slice(0, 2).map((t) => [t.marker, t.line, t.column])).toEqual([
      ['TODO', 1, 3 + piece.indexOf('TODO')],
      ['待补充', 1, 3 + piece.indexOf('待补充')],
    ]);
    expect(todos.at(-1)).toMatchObject({ marker: 'FIXME', line: 2, column: 3 });
    expect(todos.every((t) => t.context.length <= 40 * 2 + 8)).toBe(true);
  });

  it('looks for the URLs and directives of a line once, not once per marker (which made a long line quadratic)', () => {
    const line = `- ${'see https://x.org/a TODO, '.repeat(2_000)}`;
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    try {
      const todos = findTodos(line, splitLines(line), createTodoMatcher());
      expect(todos).toHaveLength(2_000);
      // The marker matcher's own calls, plus one per URL and a last one for the line: never 2,000 × 2,000.
      expect(exec.mock.calls.filter(([input]) => input === line).length).toBeLessThanOrEqual(3 * 2_000 + 2);
    } finally {
      exec.mockRestore();
    }
  });
});
