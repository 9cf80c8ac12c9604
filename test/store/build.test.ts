import { describe, expect, it } from 'vitest';
import { buildStore, idBase, insertedEntry, rebuildWith } from '../../src/store/build.js';
import { parseDigest } from '../../src/store/parse.js';

const files = {
  'a.md': "## A\n### Deep Interest Network(DIN)[KDD'18]\n### Other[KDD'18]\n",
  'b.md': "## B\n### DIN Again(DIN)[KDD'18]\n### Last(DIN)[KDD'18]\n",
};
const parseAll = (texts: Record<string, string>) => Object.entries(texts).map(([name, text]) => parseDigest(text, name));

describe('insertedEntry', () => {
  it.each([
    ['a.md', "## A\n### Deep Interest Network(DIN)[KDD'18]\n### New(DIN)[KDD'18]\n### Other[KDD'18]\n"],
    ['a.md', "## A\n### New(DIN)[KDD'18]\n### Deep Interest Network(DIN)[KDD'18]\n### Other[KDD'18]\n"],
    ['b.md', "## B\n### DIN Again(DIN)[KDD'18]\n### Last(DIN)[KDD'18]\n### New(DIN)[KDD'18]\n"],
    ['b.md', "## B\n### New Paper[KDD'18]\n### DIN Again(DIN)[KDD'18]\n### Last(DIN)[KDD'18]\n"],
  ])('gives the new entry in %s the id and slug a full rebuild gives it', (file, after) => {
    const digest = buildStore(parseAll(files), { a: 'A' });
    const parsed = parseDigest(after, file);
    const index = parsed.entries.findIndex((e) => e.title.startsWith('New'));
    const expected = rebuildWith(buildStore(parseAll(files), { a: 'A' }), parseDigest(after, file), { a: 'A' }).entries.find(
      (e) => e.file === file && e.title.startsWith('New'),
    )!;
    const got = insertedEntry(digest, file, index, parsed.entries[index]!, { a: 'A' });
    expect([got.id, got.sectionSlug]).toEqual([expected.id, expected.sectionSlug]);
  });
});

describe('idBase', () => {
  it.each([
    ['Paper A', 'paper-a-2020'],
    ['Paper B', 'paper-b-2020'],
    ['A Simple Framework for Contrastive Learning', 'simple-framework-contrastive-2020'],
    ['Attention Is All You Need', 'attention-is-all-2020'],
    ['Learning to Rank: A Survey', 'learning-rank-2020'],
    ['The Case for Learned Index Structures', 'case-learned-index-2020'],
  ])('keeps a stop word only where it ends the title, naming rather than joining: %s', (title, id) => {
    expect(idBase({ alias: null, title, year: 2020 })).toBe(id);
  });
});
