// The search index with an overlay of changed entries reads exactly as the index a build makes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, buildSearchIndexParts, emptyOverlay, openSearchIndex, updateOverlay, type Overlay, type SearchIndex } from '../../src/search/index.js';
import { buildPinyinParts } from '../../src/search/pinyin-index.js';
import { parseQuery } from '../../src/search/query.js';
import { searchEntries } from '../../src/search/search.js';
import { buildStore } from '../../src/store/build.js';
import { createOrgRegistry } from '../../src/store/orgs.js';
import { parseDigest } from '../../src/store/parse.js';
import type { Entry } from '../../src/store/schema.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const orgs = createOrgRegistry([], { informal: true });

// Few words, so entries share words and a word's first entry moves when one changes.
const WORDS = ['attention', 'graph', 'pre-training', 'sparse', 'kernel', 'all-reduce', 'allreduce', 'quant', 'quantized', '量化', '推理', 'cache', 'tvm', 'flash', 'mixture'];
const word = fc.constantFrom(...WORDS);
const spec = fc.record({
  title: fc.array(word, { minLength: 1, maxLength: 3 }),
  alias: fc.option(fc.constantFrom('DIN', 'TVM', 'MoE'), { nil: undefined }),
  venue: fc.option(fc.constantFrom("KDD'18", "OSDI'22", "NeurIPS'20"), { nil: undefined }),
  org: fc.option(fc.constantFrom('Ali', 'MSRA', 'Google'), { nil: undefined }),
  notes: fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

const headingOf = (s: Spec): string =>
  `### ${s.title.join(' ')}${s.alias ? `(${s.alias})` : ''}${s.venue ? `[${s.venue}]` : ''}${s.org ? `[${s.org}]` : ''}`;
const textOf = (specs: readonly Spec[]): string =>
  `## 推荐系统\n\n${specs.map((s) => [headingOf(s), ...s.notes.map((n) => `- ${n.join(' ')}`)].join('\n')).join('\n\n')}\n`;
const entriesOf = (specs: readonly Spec[]): Entry[] => buildStore([parseDigest(textOf(specs), 'd.md', { venues })], {}).entries;

/** Everything a query reads of an index, in a comparable form. */
function readAll(index: SearchIndex, words: readonly string[]) {
  return {
    size: index.size,
    docs: Array.from({ length: index.size }, (_, i) => index.doc(i)),
    initials: index.initials,
    vocabulary: [...index.vocabulary],
    postings: words.map((w) => [w, index.postings(w) ? Array.from(index.postings(w)!) : null]),
    texts: index.texts(),
  };
}

const edits = (n: number) => fc.array(fc.tuple(fc.nat(n - 1), spec), { maxLength: 4 });

describe('the search index overlay', () => {
  it('reads as a build of the store now, over one or two rounds of edits in place', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 14 }).chain((specs) => fc.tuple(fc.constant(specs), edits(specs.length), edits(specs.length))),
        ([specs, first, second]) => {
          const base = entriesOf(specs);
          fc.pre(base.length === specs.length);
          const whole = buildSearchIndexParts(base, venues, orgs);
          let now = specs;
          let entries = base;
          let over: Overlay = emptyOverlay();
          for (const round of [first, second]) {
            const next = now.slice();
            for (const [i, s] of round) next[i] = s;
            const after = entriesOf(next);
            const fresh = new Map<number, Entry>();
            next.forEach((s, i) => s !== now[i] && headingOf(s) + s.notes.join() !== headingOf(now[i]!) + now[i]!.notes.join() && fresh.set(i, after[i]!));
            over = updateOverlay(over, whole.core.docs.id, fresh, after.map((e) => e.id), venues, orgs)!;
            now = next;
            entries = after;
          }
          const built = buildSearchIndex(entries, venues, orgs);
          const pinyin = buildPinyinParts(entries);
          const laid = openSearchIndex(whole.core, { texts: () => whole.texts, syllables: () => pinyin.syllables, pinyin: () => pinyin.pinyin }, { overlay: over, forward: () => whole.forward });
          const words = [...new Set([...built.vocabulary, ...whole.core.vocabulary, 'absent'])];
          expect(readAll(laid, words)).toEqual(readAll(built, words));
          for (const q of ['attention', 'quant', 'allreduce', '量化', 'atention', 'tvm kdd']) {
            expect(searchEntries(laid, parseQuery(q.split(' ')))).toEqual(searchEntries(built, parseQuery(q.split(' '))));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('holds the changed entries and the renamed ones, and refuses to grow past its share', () => {
    const specs: Spec[] = Array.from({ length: 70 }, (_, i) => ({ title: ['graph', `w${i}`], alias: undefined, venue: undefined, org: undefined, notes: [['cache']] }));
    const base = entriesOf(specs);
    const whole = buildSearchIndexParts(base, venues, orgs);
    const ids = base.map((e) => e.id);
    const edited = entriesOf(specs.map((s, i) => (i === 3 ? { ...s, notes: [['flash', 'kernel']] } : s)));
    const over = updateOverlay(emptyOverlay(), whole.core.docs.id, new Map([[3, edited[3]!]]), ['renamed-0', ...ids.slice(1)], venues, orgs)!;
    expect([...over.docs]).toEqual([3]);
    expect({ at: [...over.renamed.at], id: over.renamed.id }).toEqual({ at: [0], id: ['renamed-0'] });
    expect(over.core.vocabulary).toContain('flash');
    // 65 of 70 entries changed: more than the overlay holds (64 or a 32nd of the entries).
    const many = new Map(base.slice(0, 65).map((e, i) => [i, e]));
    expect(updateOverlay(emptyOverlay(), whole.core.docs.id, many, ids, venues, orgs)).toBeNull();
  });
});
