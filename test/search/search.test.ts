import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/index.js';
import { parseQuery } from '../../src/search/query.js';
import { cjkEdgeFactor, charPairs, searchEntries, termsNeeded, wordForms } from '../../src/search/search.js';
import { createVenueRegistry } from '../../src/store/venues.js';
import { SEED } from '../helpers/seed.js';
import { hitsFor, idsFor, storeOf } from './helpers.js';

const TIERS = `## S
### Notes Only[KDD'20]
- we used a kmeans tokenizer here
### Kmeans Clustering at Scale[ICML'19]
- nothing else
### Venue Only[KDD'21][KMEANS Lab]
- a note
### Kmeanz Typo Title[ICML'18]
- a note
### Prefix Title: kmeans2[ICML'17]
- a note
`;

describe('searchEntries: tiers', () => {
  const store = storeOf(TIERS);

  it('ranks a whole title word, then a title prefix, then an org, then the notes; typos are not tried when the word exists', () => {
    const hits = hitsFor(store, 'kmeans');
    expect(hits.map((h) => store.entries[h.index]!.id)).toEqual(['kmeans-clustering-scale-2019', 'prefix-title-2017', 'venue-only-2021', 'notes-only-2020']);
    expect(hits.map((h) => h.matches[0]!.kind)).toEqual(['word', 'prefix', 'word', 'word']);
    expect(hits.map((h) => h.matches[0]!.field)).toEqual(['title', 'title', 'org', 'notes']);
  });

  it('counts a short prefix of a long word less than a whole word elsewhere', () => {
    const s = storeOf(`## S\n### Scheduling Things[ICML'19]\n### Other[SC'20]\n`);
    expect(idsFor(s, 'sc')).toEqual(['other-2020', 'scheduling-things-2019']);
  });

  it('ranks the exact alias first, then the exact title', () => {
    const s = storeOf(`## S\n### Something About Din[KDD'19]\n- din din\n### Deep Interest Network(DIN)[KDD'18]\n- x\n### DIN[ICML'20]\n- y\n`);
    const hits = hitsFor(s, 'din');
    expect(hits.map((h) => [s.entries[h.index]!.id, h.exact])).toEqual([
      ['din-2018', 'alias'],
      ['din-2020', 'title'],
      ['something-about-din-2019', null],
    ]);
  });

  it('puts entries matching more of the words first, and a title phrase before scattered words', () => {
    const s = storeOf(`## S\n### Graph Neural Search[KDD'19]\n### Neural Graph[KDD'19]\n### Neural Networks[KDD'19]\n- about graph things\n### Graph Only[KDD'19]\n`);
    expect(idsFor(s, 'neural graph')).toEqual(['neural-graph-2019', 'graph-neural-search-2019', 'neural-networks-2019']);
    expect(idsFor(s, 'neural graph search')).toEqual(['graph-neural-search-2019', 'neural-graph-2019', 'neural-networks-2019']);
  });

  it('needs every term of a short query, and all but one in three of a longer one', () => {
    expect([1, 2, 3, 4, 5, 6].map(termsNeeded)).toEqual([1, 2, 2, 3, 4, 4]);
    const s = storeOf(`## S\n### Alpha Beta Gamma[KDD'19]\n### Alpha Delta Epsilon[KDD'19]\n`);
    expect(idsFor(s, 'alpha beta')).toEqual(['alpha-beta-gamma-2019']);
    expect(idsFor(s, 'alpha beta zeta')).toEqual(['alpha-beta-gamma-2019']);
    expect(idsFor(s, 'alpha omega')).toEqual([]);
  });

  it('counts plurals and other forms of a word as the word', () => {
    expect(wordForms('transformer')).toEqual(['transformer', 'transformers', 'transformeres']);
    expect(wordForms('models')).toContain('model');
    const s = storeOf(`## S\n### Distilled Models[KDD'19]\n### Quantization Everywhere[KDD'19]\n`);
    expect(idsFor(s, 'model')).toEqual(['distilled-models-2019']);
    expect(idsFor(s, 'distillation')).toEqual(['distilled-models-2019']);
    expect(idsFor(s, 'quantized')).toEqual(['quantization-everywhere-2019']);
  });

  it('matches the initials of title words side by side as an acronym', () => {
    const s = storeOf(`## S\n### Bring Your Own Codegen[KDD'19]\n### Other Paper[KDD'19]\n- mentions byoc in passing\n`);
    const hits = hitsFor(s, 'byoc');
    expect(hits.map((h) => s.entries[h.index]!.id)).toEqual(['bring-your-own-2019', 'other-paper-2019']);
    expect(hits[0]!.matches).toEqual([{ term: 'byoc', field: 'title', kind: 'acronym', word: null }]);
    expect(idsFor(s, 'byo')).toEqual(['bring-your-own-2019', 'other-paper-2019']);
    expect(idsFor(s, 'boc')).toEqual([]);
  });

  it('matches a number of one or two digits only in titles and aliases', () => {
    const s = storeOf(`## S\n### OCR-2.0 Model[KDD'19]\n### Other OCR[KDD'19]\n- 1. step 2. step 0 errors\n`);
    expect(idsFor(s, 'ocr 2.0')).toEqual(['ocr-2-0-model-2019']);
    expect(idsFor(s, '2')).toEqual(['ocr-2-0-model-2019']);
  });

  it('matches two neighbouring words of the query written as one word', () => {
    const s = storeOf(`## S\n### LayoutLM: Pre-training[KDD'19]\n### Layout Analysis[KDD'20]\n- lm heads\n`);
    const hits = hitsFor(s, 'layout lm');
    expect(hits.map((h) => s.entries[h.index]!.id)).toEqual(['layoutlm-2019', 'layout-analysis-2020']);
    expect(hits[0]!.matches).toEqual([
      { term: 'layout', field: 'title', kind: 'prefix', word: 'layoutlm' },
      { term: 'lm', field: 'title', kind: 'word', word: 'layoutlm' },
    ]);
  });

  it('matches hyphenated words written together, and apart', () => {
    const s = storeOf(`## S\n### Pre-training Things[KDD'19]\n### Pretraining Others[KDD'20]\n`);
    expect(idsFor(s, 'pretraining')).toEqual(['pre-training-things-2019', 'pretraining-others-2020']);
    expect(idsFor(s, 'pre-training')[0]).toBe('pre-training-things-2019');
  });
});

describe('searchEntries: typos', () => {
  const seed = storeOf(SEED);

  it.each([
    ['Donut', 'dount'],
    ['Facbook', 'embedding-based-retrieval-facebook-2020'],
    ['transfomer', 'transformer-memory-differentiable-2022'],
  ])('%s finds %s', (query, id) => {
    expect(idsFor(seed, query)[0]).toBe(id);
    expect(hitsFor(seed, query)[0]!.matches.some((m) => m.kind === 'typo')).toBe(true);
  });

  it('tries no typos for words of 3 letters or fewer: tvm does not find LayoutLM', () => {
    expect(idsFor(seed, 'tvm')).toEqual(['tvm-2018', 'relax-2023', 'ladder-2024']);
    expect(idsFor(seed, 'tmv')).toEqual([]);
  });

  it('ranks typo hits after every exact hit', () => {
    const s = storeOf(`## S\n### Donut Paper[KDD'19]\n### Dount[KDD'19]\n- x\n### Other[KDD'19]\n- a note about donut\n`);
    expect(idsFor(s, 'donut')).toEqual(['donut-paper-2019', 'other-2019']);
    const t = storeOf(`## S\n### Kmaens Title[KDD'19]\n- x\n### Other[KDD'19]\n- a superkmeansification note\n`);
    expect(hitsFor(t, 'kmeans').map((h) => [t.entries[h.index]!.id, h.matches[0]!.kind])).toEqual([
      ['other-2019', 'substring'],
      ['kmaens-title-2019', 'typo'],
    ]);
  });

  it('does not correct a word towards a rarer neighbour, but does correct a rare note typo towards a title word', () => {
    const s = storeOf(`## S\n### Alpha[KDD'19]\n- made it\n### Beta[KDD'19]\n- mode one\n### Gamma[KDD'19]\n- mode two\n### Transformer Paper[KDD'19]\n- x\n### Transformer Again[KDD'20]\n- y\n### Note Typo[KDD'21]\n- a transfomer typo\n`);
    expect(idsFor(s, 'mode')).toEqual(['beta-2019', 'gamma-2019']);
    expect(idsFor(s, 'made')).toEqual(['alpha-2019', 'beta-2019', 'gamma-2019']);
    expect(idsFor(s, 'transfomer')).toEqual(['note-typo-2021', 'transformer-paper-2019', 'transformer-again-2020']);
  });

  it('finds nothing for a word near no word of the digest', () => {
    expect(idsFor(seed, 'xyzzy')).toEqual([]);
    expect(idsFor(seed, 'blockchain')).toEqual([]);
  });
});

describe('searchEntries: Chinese', () => {
  const seed = storeOf(SEED);

  it('finds substrings of Chinese notes, mixed with Latin words', () => {
    expect(idsFor(seed, '动态形状')).toEqual(['relax-2023']);
    expect(idsFor(seed, 'tvm 动态形状')[0]).toBe('relax-2023');
  });

  it('prefers a term standing on its own to one inside a longer word (量化 vs 向量化)', () => {
    expect(cjkEdgeFactor('并行、向量化外部', '量化')).toBeCloseTo(0.8);
    expect(cjkEdgeFactor('向量化，和', '量化')).toBeCloseTo(0.85);
    expect(cjkEdgeFactor('的量化类型', '量化')).toBeCloseTo(0.95);
    expect(cjkEdgeFactor('蒸馏和量化，是', '量化')).toBe(1);
    expect(cjkEdgeFactor('abc', '量化')).toBe(0);
    const ids = idsFor(seed, '量化');
    expect(ids.slice(0, 3).sort()).toEqual(['bring-your-own-2021', 'fastformers-2020', 'ladder-2024']);
    expect(ids.slice(3).sort()).toEqual(['ansor-2020', 'tvm-2018']);
  });

  it('falls back to most of the character pairs when nothing holds the whole term', () => {
    expect(charPairs('混合精度训练')).toEqual(['混合', '合精', '精度', '度训', '训练']);
    const hits = hitsFor(seed, '混合精度训练');
    expect(hits.map((h) => seed.entries[h.index]!.id)).toEqual(['lightseq2-2022']);
    expect(hits[0]!.matches[0]!.kind).toBe('typo');
    expect(idsFor(seed, '区块链共识')).toEqual([]);
  });
});

describe('searchEntries: fields', () => {
  const seed = storeOf(SEED, { ocr: 'OCR 文字识别' });

  it('matches venues through their aliases, orgs, years and section slugs', () => {
    expect(idsFor(seed, 'neurips')).toHaveLength(3);
    expect(idsFor(seed, 'nips')).toEqual(idsFor(seed, 'neurips'));
    expect(idsFor(seed, 'bytedance')).toEqual(['lightseq-2021', 'lightseq2-2022']);
    expect(idsFor(seed, 'ocr')).toEqual(['general-ocr-theory-2024', 'dbnet-2020', 'svtr-2022', 'nougat-2024', 'dount', 'layoutlm']);
    expect(hitsFor(seed, 'osdi 2018')[0]!.matches.map((m) => m.field)).toEqual(['venue', 'year']);
  });

  it('searches only the entries it is given', () => {
    const only = new Set([seed.entries.findIndex((e) => e.id === 'ladder-2024')]);
    expect(idsFor(seed, 'tvm', only)).toEqual(['ladder-2024']);
  });
});

describe('the index', () => {
  it('is plain data: a structured clone searches the same', () => {
    const venues = createVenueRegistry();
    const store = storeOf(SEED);
    const clone = structuredClone(store.index);
    for (const q of ['mobius', 'Donut', '量化', 'tvm 动态形状', 'neurips']) {
      expect(searchEntries(clone, parseQuery([q]))).toEqual(searchEntries(store.index, parseQuery([q])));
    }
    expect(buildSearchIndex([], venues)).toEqual({ version: 1, docs: [], postings: new Map(), vocabulary: [] });
  });

  it('never throws, and returns each entry at most once, whatever the query', () => {
    const store = storeOf(SEED);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 4 }), (words) => {
        let query;
        try {
          query = parseQuery(words);
        } catch {
          return;
        }
        const hits = searchEntries(store.index, query);
        expect(new Set(hits.map((h) => h.index)).size).toBe(hits.length);
        for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.matched).toBeGreaterThanOrEqual(hits[i]!.matched);
      }),
    );
  });
});
