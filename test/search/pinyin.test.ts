import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPinyinParts, updatePinyinParts } from '../../src/search/pinyin-index.js';
import { buildStore } from '../../src/store/build.js';
import { parseDigest } from '../../src/store/parse.js';
import { createVenueRegistry } from '../../src/store/venues.js';
import { hitsFor, idsFor, storeOf } from './helpers.js';
import { memoryIo, run } from '../helpers/memory-io.js';
import { seedFiles } from '../helpers/seed.js';

const DIGEST = `## 模型优化
### Quantized Nets[ICLR'20]
- 量化 到 int8，精度几乎不变
### Vector Units[OSDI'19]
- 循环向量化，SIMD
### Long Context[ACL'23]
- long sequences change everything
### 动态形状编译[OSDI'22]
- dynamic shape
### 长度外推[ACL'24]
- 长额
`;

describe('pinyin in search', () => {
  it('matches a run of whole syllables, the Chinese it stands for named in the match', () => {
    const store = storeOf(DIGEST);
    const hits = hitsFor(store, 'lianghua');
    expect(hits.map((h) => store.entries[h.index]!.id)).toEqual(['quantized-nets-2020', 'vector-units-2019']);
    expect(hits[0]!.matches).toEqual([{ term: 'lianghua', field: 'notes', kind: 'pinyin', word: '量化' }]);
    // 量化 inside 向量化 counts less, as the Chinese query does.
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(idsFor(store, 'dongtai xingzhuang')).toEqual(['动态形状编译-2022']);
    expect(hitsFor(store, 'dongtaixingzhuang')[0]!.matches[0]).toMatchObject({ field: 'title', kind: 'pinyin', word: '动态形状' });
    expect(idsFor(store, 'moxing youhua').length).toBe(5);
  });

  it('never matches part of a syllable, one syllable alone, or words the digest holds in English', () => {
    const store = storeOf(DIGEST);
    expect(idsFor(store, 'ianghua')).toEqual([]);
    expect(idsFor(store, 'lianghu')).toEqual([]);
    expect(idsFor(store, 'liang')).toEqual([]);
    // `long` and `change` are English here (长 is chang here, 长额 chang e): only their English matches.
    expect(hitsFor(store, 'long').flatMap((h) => h.matches.map((m) => m.kind))).not.toContain('pinyin');
    expect(hitsFor(store, 'change').flatMap((h) => h.matches.map((m) => `${m.kind}:${m.field}`))).toEqual(['word:notes']);
  });

  it('ranks below a direct match in any field; a word the digest holds is never read as pinyin', () => {
    const store = storeOf(`## S
### Hunhe: A Library[ICLR'20]
- nothing
### 混合精度 Mixed Precision[ICLR'20]
- simd
`);
    expect(hitsFor(store, 'hunhe').map((h) => [store.entries[h.index]!.id, h.matches[0]!.kind])).toEqual([['hunhe-2020', 'word']]);
    const pinyinInTitle = hitsFor(store, 'jingdu')[0]!;
    expect(pinyinInTitle.matches[0]).toMatchObject({ field: 'title', kind: 'pinyin' });
    const wordInNotes = hitsFor(store, 'simd')[0]!;
    expect(wordInNotes.matches[0]).toMatchObject({ field: 'notes', kind: 'word' });
    expect(pinyinInTitle.score).toBeLessThan(wordInNotes.score);
  });

  it('pinyin parts updated after a change equal parts built afresh, syllables included', () => {
    const venues = createVenueRegistry();
    const entriesOf = (text: string) => buildStore([parseDigest(text, 'd.md', { venues })]).entries;
    const notes = ['量化', '动态形状', 'plain', '蒸馏 模型', '长度', '混合精度训练', '向量化', '𠀀中'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...notes), { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(...notes), { minLength: 0, maxLength: 6 }), (before, after) => {
        const text = (list: string[]) => `## 章节\n${list.map((n, i) => `### Paper ${i} ${n.length}\n- ${n}\n`).join('')}`;
        const old = entriesOf(text(before));
        const now = entriesOf(text(after));
        // Each entry now at the position of an old one with the same heading and notes, else new.
        const used = new Set<number>();
        const previous = Int32Array.from(now, (e) => {
          const at = old.findIndex((o, i) => !used.has(i) && o.title === e.title && o.notes === e.notes);
          if (at >= 0) used.add(at);
          return at;
        });
        const updated = updatePinyinParts(buildPinyinParts(old), { previous, previousSize: old.length }, (ps) => ps.map((p) => now[p]!));
        expect(updated).toEqual(buildPinyinParts(now));
      }),
      { numRuns: 60 },
    );
    expect(buildPinyinParts(entriesOf('## 推荐系统\n### A\n- 量化 lv 绿\n')).syllables).toEqual(['hua', 'jian', 'liang', 'lv', 'tong', 'tui', 'xi']);
  });

  it('papers search: a cached index updated by note finds the new pinyin as a fresh one does, snippets showing the Chinese', async () => {
    const io = memoryIo(seedFiles());
    expect((await run(io, 'search', 'lianghua')).code).toBe(0);
    expect((await run(io, 'note', 'din', '加入了注意力池化')).code).toBe(0);
    const again = memoryIo(Object.fromEntries(io.files));
    // The cache files carry over: the same XDG folder under /home/user.
    const cached = await run(memoryIo(Object.fromEntries(io.files)), 'search', 'chihua', '--json');
    const fresh = await run(again, '--no-cache', 'search', 'chihua', '--json');
    expect(cached.stdout).toBe(fresh.stdout);
    expect(JSON.parse(fresh.stdout).map((r: { id: string }) => r.id)).toEqual(['din-2018']);
    const shown = await run(memoryIo(seedFiles(), { tty: true, env: { FORCE_COLOR: '1' } }), 'search', 'hunhe', 'jingdu');
    // Both terms' Chinese highlighted, side by side.
    expect(shown.stdout).toContain('\u001b[31m混合精度\u001b[39m');
  });
});
