import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { applyHighlights, formatSearchResults, windowAround } from '../../src/report/search.js';
import { parseQuery } from '../../src/search/query.js';
import { describeHits } from '../../src/search/snippet.js';
import { SEED } from '../helpers/seed.js';
import { hitsFor, storeOf } from '../search/helpers.js';

const plain = new Chalk({ level: 0 });
const colored = new Chalk({ level: 1 });

function resultsFor(query: string) {
  const store = storeOf(SEED, { ocr: 'OCR 文字识别', systems: '系统、编译器设计、优化' });
  return describeHits(store.entries, parseQuery(query.split(' ')), hitsFor(store, query));
}

describe('windowAround', () => {
  it('keeps text that fits', () => {
    expect(windowAround('short text', [{ start: 0, end: 5 }], 20)).toEqual({ text: 'short text', highlights: [{ start: 0, end: 5 }] });
  });

  it('cuts around the first highlight, with an ellipsis at each cut end, and moves the highlights', () => {
    const text = `${'a'.repeat(50)}MATCH${'b'.repeat(50)}`;
    const w = windowAround(text, [{ start: 50, end: 55 }], 20);
    expect(w.text).toBe(`…${'a'.repeat(5)}MATCH${'b'.repeat(8)}…`);
    expect(w.text.slice(w.highlights[0]!.start, w.highlights[0]!.end)).toBe('MATCH');
  });

  it('measures only the text near the match of a very long line', () => {
    const text = `${'x'.repeat(100_000)}MATCH${'y'.repeat(100_000)}`;
    let measured = 0;
    const w = windowAround(text, [{ start: 100_000, end: 100_005 }], 30, (t) => ((measured += t.length), t.length));
    expect(w.text).toBe(`…${'x'.repeat(7)}MATCH${'y'.repeat(16)}…`);
    expect(measured).toBeLessThan(text.length + 1000);
  });

  it('keeps the last character when it fits in place of the ellipsis', () => {
    expect(windowAround('abcdefghij', [], 9).text).toBe('abcdefgh…');
    expect(windowAround('abcdefghij', [{ start: 9, end: 10 }], 9).text).toBe('…cdefghij');
  });

  it('counts Chinese characters as two columns', () => {
    const text = '一二三四五六七八九十一二三四五六七八九十';
    const w = windowAround(text, [], 10, (t) => [...t].length * 2);
    expect(w.text).toBe('一二三四…');
  });
});

describe('applyHighlights', () => {
  it('styles the ranges and ignores ranges past the end', () => {
    expect(applyHighlights('abcdef', [{ start: 1, end: 3 }, { start: 4, end: 10 }], (s) => `[${s}]`)).toBe('a[bc]d[ef]');
  });
});

describe('formatSearchResults', () => {
  it('prints rank, title, venue, section, then file:line and the snippet, without colour in a pipe', () => {
    const out = formatSearchResults(resultsFor('tvm'), { color: plain });
    expect(out.split('\n')).toEqual([
      expect.stringMatching(/^1\. {2}TVM: an automated end-to-end optimizing compiler for deep learning {2,}OSDI'18 {2,}系统、编译器设计、优化 \[systems\]$/),
      expect.stringMatching(/^ {4}d\.md:53 {2}TVM是一个能够将上层计算图表示编译/),
      expect.stringMatching(/^2\. {2}Relax: /),
      '    d.md:67  主要解决TVM推导过程中的动态形状问题',
      expect.stringMatching(/^3\. {2}Ladder: /),
      '    d.md:103  …大的搜索空间，1. 根据硬件带宽分配作为提示 2. 使用现有的tvm调度方法 3. 添加变换',
    ]);
    expect(out).not.toContain('\u001b[');
  });

  it('cuts snippets to 80 columns in a pipe', () => {
    const out = formatSearchResults(resultsFor('kmeans'), { color: plain });
    const snippet = out.split('\n')[1]!.replace(/^ {4}d\.md:24 {2}/, '');
    expect(snippet.startsWith('在预处理部分加入了kmeans')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect([...snippet].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)).toBeLessThanOrEqual(80);
  });

  it('says which field matched when no note line did, and marks stubs', () => {
    const out = formatSearchResults(resultsFor('ocr'), { color: plain });
    expect(out).toContain('    d.md:123  (matched its section)\n');
    expect(out).toContain('    d.md:145  (matched its section; no notes yet)\n');
    expect(out).toContain('    d.md:131  (matched its title)\n');
    expect(formatSearchResults(resultsFor('dount'), { color: plain })).toMatch(/ {4}d\.md:145 {2}\(matched its title; no notes yet\)$/);
  });

  it('shows the section by its slug on a narrow terminal rather than cut the title short', () => {
    const narrow = formatSearchResults(resultsFor('量化'), { color: plain, width: 60 }).split('\n');
    expect(narrow[0]).toMatch(/^1\. {2}Bring Your Own Codegen to Deep Le\S*… {2}arXiv'21 {2}systems$/);
    const wide = formatSearchResults(resultsFor('量化'), { color: plain, width: 140 }).split('\n');
    expect(wide[0]).toMatch(/ {2}系统、编译器设计、优化 \[systems\]$/);
  });

  it('highlights the matches in colour on a terminal, and fits the terminal width', () => {
    const out = formatSearchResults(resultsFor('mobius'), { color: colored, width: 60 });
    expect(out).toContain(colored.bold.red('Möbius'));
    expect(out).toContain(colored.bold.red('mobius'));
    for (const line of out.split('\n')) expect(line.replace(/\u001b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(60 + 20);
  });
});
