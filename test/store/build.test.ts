import { describe, expect, it } from 'vitest';
import { buildStore, insertedEntry, rebuildWith } from '../../src/store/build.js';
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
