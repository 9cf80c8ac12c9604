import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { foldWithMap, tokenize } from '../../src/search/normalize.js';
import { parseQuery } from '../../src/search/query.js';
import { bestNoteLine, describeHits, highlightText, needlesFor, type Needle } from '../../src/search/snippet.js';
import { SEED } from '../helpers/seed.js';
import { hitsFor, storeOf } from './helpers.js';

const marked = (text: string, ranges: { start: number; end: number }[]): string => {
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += `${text.slice(at, r.start)}[${text.slice(r.start, r.end)}]`;
    at = r.end;
  }
  return out + text.slice(at);
};

function describe1(text: string, query: string) {
  const store = storeOf(text);
  const q = parseQuery(query.split(' '));
  return describeHits(store.entries, q, hitsFor(store, query));
}

describe('snippets', () => {
  it('picks the note line matching the most terms, with its line number in the file', () => {
    const [r] = describe1(SEED, 'mobius 变换');
    expect(r!.snippet!.line).toBe(8);
    expect(marked(r!.snippet!.text, r!.snippet!.highlights)).toMatch(/^提出了 \[mobius\] \[变换\]：/);
    expect(marked(r!.entry.title, r!.titleHighlights)).toBe('[Möbius] Transformation for Fast Inner Product Search on Graph');
  });

  it('finds a word written with hyphens in the note line (all-reduce for allreduce)', () => {
    const [r] = describe1("## S\n### Paper[KDD'19]\n- first\n- two all-reduce calls, and all reduce\n", 'allreduce');
    expect(r!.snippet!.line).toBe(4);
    expect(marked(r!.snippet!.text, r!.snippet!.highlights)).toBe('two [all-reduce] calls, and all reduce');
  });

  it('strips the list marker and indentation, and keeps line numbers after blank lines', () => {
    const [r] = describe1('## S\n### Paper[KDD\'19]\n\n- first\n\n  - nested kmeans here\n', 'kmeans');
    expect(r!.snippet).toEqual({ line: 6, text: 'nested kmeans here', highlights: [{ start: 7, end: 13 }] });
  });

  it('highlights original text for a folded match: full width and diacritics', () => {
    const q = parseQuery(['tvm', 'mobius']);
    const needles = needlesFor(q, { index: 0, score: 0, matched: 0, exact: null, phrase: false, matches: [] });
    expect(marked('ＴＶＭ and Möbius and tvms and atvm', highlightText('ＴＶＭ and Möbius and tvms and atvm', needles))).toBe('[ＴＶＭ] and [Möbius] and [tvms] and atvm');
  });

  it('highlights the corrected word of a typo, and a Chinese near miss pair by pair', () => {
    const [typo] = describe1(SEED, 'transfomer');
    expect(marked(typo!.snippet!.text, typo!.snippet!.highlights)).toContain('[Transformer]');
    const [pairs] = describe1(SEED, '混合精度训练');
    expect(marked(pairs!.snippet!.text, pairs!.snippet!.highlights)).toContain('[混合精度]');
  });

  it('has no snippet for a stub or when only the title or a field matched', () => {
    expect(describe1(SEED, 'dount')[0]!.snippet).toBeNull();
    const store = storeOf(SEED);
    const ocr = describeHits(store.entries, parseQuery(['ocr']), hitsFor(store, 'ocr'));
    expect(ocr.find((r) => r.entry.id === 'svtr-2022')!.snippet).toBeNull();
    expect(bestNoteLine(store.entries[0]!, [])).toBeNull();
  });

  it('ranks results 1, 2, 3 in the order of the hits', () => {
    expect(describe1(SEED, 'tvm').map((r) => [r.rank, r.entry.id])).toEqual([
      [1, 'tvm-2018'],
      [2, 'relax-2023'],
      [3, 'ladder-2024'],
    ]);
  });
});

describe('highlights without a token list', () => {
  // The token-based definition the scans replaced (it tokenized every candidate line whole).
  const byTokens = (text: string, needles: readonly Needle[]) => {
    const f = foldWithMap(text);
    const tokens = tokenize(f.folded);
    const ranges: { start: number; end: number }[] = [];
    for (const needle of needles) {
      if (needle.mode === 'any') {
        for (let i = f.folded.indexOf(needle.text); needle.text && i >= 0; i = f.folded.indexOf(needle.text, i + needle.text.length)) ranges.push({ start: i, end: i + needle.text.length });
      } else if (needle.mode === 'joined') {
        for (let i = 0; i < tokens.length; i++) {
          let joined = tokens[i]!.text;
          for (let j = i + 1; j < tokens.length && joined.length < needle.text.length && tokens[j]!.start === tokens[j - 1]!.end + 1 && f.folded[tokens[j - 1]!.end] === '-'; j++) {
            joined += tokens[j]!.text;
            if (joined === needle.text) ranges.push({ start: tokens[i]!.start, end: tokens[j]!.end });
          }
        }
      } else {
        for (const t of tokens) {
          if (!t.cjk && (needle.mode === 'word' ? t.text === needle.text : t.text.startsWith(needle.text))) ranges.push({ start: t.start, end: t.start + needle.text.length });
        }
      }
    }
    const sorted = ranges.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: { start: number; end: number }[] = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
      else merged.push({ ...r });
    }
    return merged.map((r) => ({ start: f.map[r.start]!, end: f.map[r.end]! }));
  };

  it('finds what the token list found, on any text and needles', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '-', ' ', '1', '中', '文', 'é', '\u0301', 'ｂ', 'ß', '𝐚', 'λ', '.');
    const text = fc.string({ unit: alphabet, maxLength: 40 });
    const needle = fc.record({
      term: fc.constant('t'),
      text: fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '1', 'λ', 'ss'), minLength: 1, maxLength: 4 }), fc.constantFrom('中', 'a-b', 'ab')),
      mode: fc.constantFrom('word', 'prefix', 'any', 'joined'),
    }) as fc.Arbitrary<Needle>;
    fc.assert(fc.property(text, fc.array(needle, { minLength: 1, maxLength: 3 }), (t, needles) => {
      expect(highlightText(t, needles)).toEqual(byTokens(t, needles));
    }), { numRuns: 2000 });
  });

  it('normalises each distinct character of a long line once, not each character (NFKC is the slow part)', () => {
    const line = '量化模型的推理速度，通信开销。'.repeat(20_000);
    const normalize = vi.spyOn(String.prototype, 'normalize');
    try {
      expect(highlightText(line, [{ term: '推理', text: '推理', mode: 'any' }])).toHaveLength(20_000);
      // foldText normalises twice (NFKD, then NFKC) per call; 13 distinct characters, folded before or not.
      expect(normalize.mock.calls.length).toBeLessThanOrEqual(2 * 13);
    } finally {
      normalize.mockRestore();
    }
  });

  it('highlights every occurrence in a line of a megabyte of Chinese with words in it', () => {
    const line = '量化模型的推理 x 速度，all-reduce 通信，'.repeat(40_000);
    const needles: Needle[] = [
      { term: 'x', text: 'x', mode: 'word' },
      { term: 'allreduce', text: 'allreduce', mode: 'joined' },
      { term: '量化', text: '量化', mode: 'any' },
    ];
    const highlights = highlightText(line, needles);
    expect(highlights).toHaveLength(3 * 40_000);
    expect(highlights.slice(0, 3)).toEqual([
      { start: 0, end: 2 },
      { start: 8, end: 9 },
      { start: 13, end: 23 },
    ]);
  });
});
