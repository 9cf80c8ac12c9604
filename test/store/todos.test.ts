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
