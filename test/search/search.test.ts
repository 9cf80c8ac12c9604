import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, buildSearchIndexParts, openSearchIndex } from '../../src/search/index.js';
import { buildPinyinParts } from '../../src/search/pinyin-index.js';
import { parseQuery } from '../../src/search/query.js';
import { cjkEdgeFactor, charPairs, cjkWords, searchEntries, termsNeeded, wordForms } from '../../src/search/search.js';
import { createOrgRegistry } from '../../src/store/orgs.js';
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

  it('matches hyphenated words written together, and apart; the word as written first', () => {
    const s = storeOf(`## S\n### Pre-training Things[KDD'19]\n### Pretraining Others[KDD'20]\n`);
    expect(idsFor(s, 'pretraining')).toEqual(['pretraining-others-2020', 'pre-training-things-2019']);
    const n = storeOf(`## S\n### One[KDD'19]\n- two all-reduce calls per layer\n### Two[KDD'20]\n- ring allreduce, then all-reduce again\n`);
    expect(hitsFor(n, 'allreduce').map((h) => [n.entries[h.index]!.id, h.score])).toEqual([
      ['two-2020', 8],
      ['one-2019', 7.2],
    ]);
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

  it('corrects no word the digest holds anywhere, notes included', () => {
    const s = storeOf(`## S\n### Alpha[KDD'19]\n- made it\n### Beta[KDD'19]\n- mode one\n### Gamma[KDD'19]\n- mode two\n### Transformer Paper[KDD'19]\n- x\n### Transformer Again[KDD'20]\n- y\n### Note Typo[KDD'21]\n- a transfomer typo\n`);
    expect(idsFor(s, 'mode')).toEqual(['beta-2019', 'gamma-2019']);
    expect(idsFor(s, 'made')).toEqual(['alpha-2019']);
    expect(idsFor(s, 'transfomer')).toEqual(['note-typo-2021']);
    // Another form of the word counts as holding it: `batch` is not a typo of `patch` where notes say `batched`.
    const b = storeOf(`## S\n### Patch Models[KDD'19]\n- x\n### Other[KDD'20]\n- batched requests\n`);
    expect(idsFor(b, 'batch')).toEqual(['other-2020']);
    // `mips` in one note is not a typo of the venue NIPS.
    expect(idsFor(seed, 'mips')).toEqual(['mobius-transformation-fast-2019']);
    expect(hitsFor(seed, 'mips')[0]!.matches.map((m) => m.kind)).toEqual(['word']);
  });

  it.each([
    ['grape', 'graph'],
    ['story', 'store'],
    ['title', 'tile'],
  ])('finds nothing for %s: a changed or extra letter in a short word is not a typo (%s)', (query) => {
    expect(idsFor(seed, query)).toEqual([]);
  });

  it('corrects a short word only by a swap, a dropped or a doubled letter, never at its first letter, towards a title or field word', () => {
    const s = storeOf(`## S\n### Yandex Search[KDD'19]\n- x\n### Orca Things[KDD'20]\n- a ttile in notes\n### Batch Size[KDD'21]\n- y\n`);
    expect(idsFor(s, 'yandx')).toEqual(['yandex-search-2019']);
    expect(idsFor(s, 'yadnex')).toEqual(['yandex-search-2019']);
    expect(idsFor(s, 'orcca')).toEqual(['orca-things-2020']);
    expect(idsFor(s, 'orcs')).toEqual([]);
    expect(idsFor(s, 'patch')).toEqual([]);
    expect(idsFor(s, 'title')).toEqual([]);
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

  it('splits a term nothing holds whole into words, and finds its specific words close together', () => {
    expect(cjkWords('模型蒸馏')).toEqual(['模型', '蒸馏']);
    expect(cjkWords('注意力机制')).toEqual(['注意力', '机制']);
    // FastFormers' notes say 模型裁剪、蒸馏和量化; nothing says 知识.
    for (const q of ['模型蒸馏', '知识蒸馏']) {
      const hits = hitsFor(seed, q);
      expect(hits.map((h) => seed.entries[h.index]!.id)).toEqual(['fastformers-2020']);
      expect(hits[0]!.matches).toEqual([{ term: q, field: 'notes', kind: 'typo', word: null }]);
    }
    // 学习 alone is too general for 强化学习; TVM says 规划 but not 动态; SVTR says 图像 and 识别 on different lines.
    for (const q of ['强化学习', '动态规划', '图像识别', '图像分割', '深度强化']) expect(idsFor(seed, q)).toEqual([]);
  });

  it('ranks near misses of a Chinese term below entries holding it whole', () => {
    const s = storeOf(`## S\n### Alpha[KDD'19]\n- 完全基于自注意力的模型，多头注意力\n### Beta[KDD'20]\n- 加性注意力\n### Gamma[KDD'21]\n- 没有相关内容\n`);
    expect(idsFor(s, '注意力机制')).toEqual(['alpha-2019', 'beta-2020']);
    const t = storeOf(`## S\n### Alpha[KDD'19]\n- 多头注意力\n### Beta[KDD'20]\n- 注意力机制\n`);
    expect(idsFor(t, '注意力机制')).toEqual(['beta-2020']);
    expect(idsFor(t, 'transformer 注意力机制')).toEqual([]);
  });

  it('segments only short terms', () => {
    const long = '模型蒸馏'.repeat(20);
    expect(cjkWords(long)).toEqual([long]);
  });
});

describe('searchEntries: numbers', () => {
  const seed = storeOf(SEED);

  it.each([
    ["osdi'18", ['tvm-2018']],
    ['osdi 18', ['tvm-2018']],
    ['OSDI 2018', ['tvm-2018']],
    ["NeurIPS'22", ['transformer-memory-differentiable-2022', 'neural-corpus-indexer-2022']],
    ["nips'19", ['mobius-transformation-fast-2019']],
    ["osdi'19", []],
  ])('reads a number after a venue as its year: %s', (query, ids) => {
    expect(idsFor(seed, query)).toEqual(ids);
  });

  it('reads the year with the headings\' pivot, and only right after a venue', () => {
    const s = storeOf(`## S\n### Old One[KDD'99]\n- x\n### New One[KDD'09]\n- y\n### Model 18[ICML'20]\n- z\n`);
    expect(idsFor(s, "kdd'99")).toEqual(['old-one-1999']);
    expect(idsFor(s, 'kdd 9')).toEqual(['new-one-2009']);
    expect(hitsFor(s, "kdd'99")[0]!.matches[1]).toEqual({ term: '99', field: 'year', kind: 'word', word: '1999' });
    expect(idsFor(s, '99')).toEqual([]);
    expect(idsFor(s, 'model 18')).toEqual(['model-18-2020']);
  });

  it('does not let a small number that matches nowhere sink the query', () => {
    const s = storeOf(`## S\n### ZeRO: Memory Optimizations[SC'20]\n- 对应 ZeRO 1/2/3 三个阶段\n### Other[SC'21]\n- 3 stages\n`);
    expect(idsFor(s, 'ZeRO-3')).toEqual(['zero-2020']);
    expect(idsFor(s, 'zero 3')).toEqual(['zero-2020']);
    expect(hitsFor(s, 'ZeRO-3')[0]!.matched).toBe(1);
    expect(idsFor(s, '3')).toEqual([]);
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

  it('matches an organisation by any of its names', () => {
    expect(idsFor(seed, 'alibaba')).toEqual(['din-2018']);
    expect(idsFor(seed, 'berkeley')).toEqual(['ansor-2020']);
    expect(idsFor(seed, 'microsoft').sort()).toEqual(['fastformers-2020', 'ladder-2024', 'neural-corpus-indexer-2022']);
    // MSRA is part of Microsoft, not the other way round.
    expect(idsFor(seed, 'msra').sort()).toEqual(['fastformers-2020', 'neural-corpus-indexer-2022']);
    expect(hitsFor(seed, 'alibaba')[0]!.matches).toEqual([{ term: 'alibaba', field: 'org', kind: 'word', word: null }]);
    const s = storeOf(`## S\n### Alpha[KDD'19][字节跳动]\n- x\n### Beta[KDD'20][ByteDance]\n- y\n`);
    expect(idsFor(s, '字节跳动')).toEqual(['alpha-2019', 'beta-2020']);
    expect(idsFor(s, 'bytedance')).toEqual(['alpha-2019', 'beta-2020']);
  });

  it('lets a whole venue word beat the start of an alias for a short term', () => {
    const s = storeOf(`## S\n### Multi-gate Mixture-of-Experts(MMoE)[KDD'18]\n- x\n### LayoutLMv3[ACM MM'22]\n- y\n`);
    expect(idsFor(s, 'mm')).toEqual(['layoutlmv3-2022', 'mmoe-2018']);
    expect(idsFor(s, 'mmo')).toEqual(['mmoe-2018']);
  });

  it('matches agent nouns with their verb: recommendation finds Recommender', () => {
    const s = storeOf(`## S\n### Wide & Deep Learning for Recommender Systems[DLRS'16]\n- x\n### Other[KDD'20]\n- we recommend it\n`);
    expect(hitsFor(s, 'recommendation').map((h) => [s.entries[h.index]!.id, h.matches[0]!.kind, h.matches[0]!.word])).toEqual([
      ['wide-deep-learning-2016', 'stem', 'recommender'],
      ['other-2020', 'stem', 'recommend'],
    ]);
    expect(idsFor(s, 'transformation')).toEqual([]);
  });

  it('gives the typo bonus only to the nearest alias or title', () => {
    const s = storeOf(`## S\n### FlashAttention-2: Faster[ICLR'24]\n- 在 FlashAttention 的基础上\n### FlashAttention: Fast[NeurIPS'22]\n- x\n`);
    const hits = hitsFor(s, 'flashatention');
    expect(hits.map((h) => [s.entries[h.index]!.id, h.exact])).toEqual([
      ['flashattention-2022', 'title-typo'],
      ['flashattention-2-2024', null],
    ]);
  });

  it('searches only the entries it is given', () => {
    const only = new Set([seed.entries.findIndex((e) => e.id === 'ladder-2024')]);
    expect(idsFor(seed, 'tvm', only)).toEqual(['ladder-2024']);
  });
});

describe('the index', () => {
  it('is plain data in its parts: a structured clone searches the same', () => {
    const venues = createVenueRegistry();
    const store = storeOf(SEED);
    const sections = structuredClone(buildSearchIndexParts(store.entries, venues, createOrgRegistry([], { informal: true })));
    let textsRead = 0;
    const pinyin = buildPinyinParts(store.entries);
    const clone = openSearchIndex(sections.core, { texts: () => (textsRead++, sections.texts), syllables: () => pinyin.syllables, pinyin: () => pinyin.pinyin });
    expect(searchEntries(clone, parseQuery(['mobius']))).toEqual(searchEntries(store.index, parseQuery(['mobius'])));
    // Latin words never need the texts; a CJK term reads them once.
    expect(textsRead).toBe(0);
    for (const q of ['mobius', 'Donut', '量化', 'tvm 动态形状', 'neurips']) {
      expect(searchEntries(clone, parseQuery([q]))).toEqual(searchEntries(store.index, parseQuery([q])));
    }
    expect(textsRead).toBe(1);
    const none = { joined: '', ends: new Int32Array(0) };
    const empty = buildSearchIndexParts([], venues, createOrgRegistry());
    expect(empty.core).toEqual({
      docs: { id: [], aliasKey: [], titleKey: [], shortKey: [], titleWords: [], initials: none },
      vocabulary: [],
      postingEnds: new Int32Array(0),
      postings: new Int32Array(0),
    });
    expect(empty.texts).toEqual(FIELDS.map(() => none));
    const emptyPinyin = buildPinyinParts([]);
    expect(emptyPinyin).toEqual({ pinyin: [none, none, none], syllables: [] });
    expect(searchEntries(openSearchIndex(empty.core, { texts: () => empty.texts, syllables: () => [], pinyin: () => emptyPinyin.pinyin }), parseQuery(['量化 transformer lianghua']))).toEqual([]);
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
