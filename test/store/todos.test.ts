import { describe, expect, it } from 'vitest';
import { createTodoMatcher, quoteAround } from '../../src/store/todos.js';

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
