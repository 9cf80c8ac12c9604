import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query.js';
import { bestNoteLine, describeHits, highlightText, needlesFor } from '../../src/search/snippet.js';
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
