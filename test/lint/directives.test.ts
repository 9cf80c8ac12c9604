import { splitLines } from '../../src/store/scan.js';
import { createTodoMatcher, findTodos } from '../../src/store/todos.js';
import { describe, expect, it } from 'vitest';
import { ruleNames } from '../../src/lint/config.js';
import { parseDirectives } from '../../src/lint/directives.js';
import { rules } from '../../src/lint/rules/index.js';
import { scanDigest } from '../../src/store/scan.js';

const directivesOf = (text: string) => {
  const scan = scanDigest(text);
  return parseDirectives(text, scan.lines, scan.fences, ruleNames(rules));
};

/** Which of lines 1..n have `rule` switched off. */
const offLines = (text: string, rule: string): number[] => {
  const d = directivesOf(text);
  const n = text.split('\n').length;
  return Array.from({ length: n }, (_, i) => i + 1).filter((line) => d.suppressed(rule, line));
};

describe('papers-lint directives', () => {
  it('disable-line switches off its own line; disable-next-line the line after the comment', () => {
    const text = 'a\nb <!-- papers-lint-disable-line no-todo -->\n<!-- papers-lint-disable-next-line no-todo -->\nd\ne\n';
    expect(offLines(text, 'no-todo')).toEqual([2, 4]);
    expect(offLines(text, 'no-empty-entry')).toEqual([]);
  });

  it('disable-next-line after a comment spanning lines means the line after its end', () => {
    const text = '<!-- papers-lint-disable-next-line\n  no-todo -->\nc\nd\n';
    expect(offLines(text, 'no-todo')).toEqual([3]);
  });

  it('disable and enable cover the lines between them, from the directive line on', () => {
    const text = 'a\n<!-- papers-lint-disable no-todo -->\nc\nd\n<!-- papers-lint-enable no-todo -->\nf\n';
    expect(offLines(text, 'no-todo')).toEqual([2, 3, 4]);
  });

  it('disable without rules switches everything off; enable <rule> brings one back', () => {
    const text = '<!-- papers-lint-disable -->\nb\n<!-- papers-lint-enable no-todo -->\nd\n<!-- papers-lint-enable -->\nf\n';
    expect(offLines(text, 'no-empty-entry')).toEqual([1, 2, 3, 4]);
    expect(offLines(text, 'no-todo')).toEqual([1, 2]);
  });

  it('accepts ids and aliases in any case, separated by commas or spaces, and a -- reason', () => {
    const text = '<!-- papers-lint-disable-next-line PL002, No-Empty-Entry venue-spelling -- because -->\nb\n';
    for (const rule of ['no-todo', 'no-empty-entry', 'venue-spelling']) expect(offLines(text, rule)).toEqual([2]);
    expect(offLines(text, 'org-spelling')).toEqual([]);
    expect(directivesOf(text).problems).toEqual([]);
  });

  it('reports unknown rules and keywords at their place, with a suggestion when one is close', () => {
    const text = 'x\n<!-- papers-lint-disable-next-line no-todos, zzzzzz -->\n<!-- papers-lint-enabel -->\n';
    const problems = directivesOf(text).problems.map((p) => [text.slice(p.start, p.end), p.message]);
    expect(problems).toEqual([
      ['no-todos', 'Unknown rule "no-todos" in a papers-lint directive; did you mean "no-todo"?'],
      ['zzzzzz', 'Unknown rule "zzzzzz" in a papers-lint directive, expected a rule id or alias (see papers lint --list-rules)'],
      ['papers-lint-enabel', 'Unknown directive "papers-lint-enabel", expected papers-lint-disable, -enable, -disable-line or -disable-next-line'],
    ]);
  });

  it('a directive naming only unknown rules switches nothing off', () => {
    expect(offLines('<!-- papers-lint-disable-next-line nope -->\nb\n', 'no-todo')).toEqual([]);
  });

  it('ignores directives inside fenced code', () => {
    const text = '```\n<!-- papers-lint-disable -->\n```\nd\n';
    expect(offLines(text, 'no-todo')).toEqual([]);
    expect(directivesOf('~~~\n<!-- papers-lint-disable nope -->\n~~~\n').problems).toEqual([]);
  });

  it('knows that rule names inside a directive comment are not TODO markers', () => {
    const text = 'a <!-- papers-lint-disable-line no-todo --> b TODO';
    const todos = findTodos(text, splitLines(text), createTodoMatcher());
    expect(todos.map((t) => t.offset)).not.toContain(text.indexOf('todo'));
    expect(todos.map((t) => t.offset)).toEqual([text.lastIndexOf('TODO')]);
  });
});
