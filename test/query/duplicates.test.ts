import { describe, expect, it } from 'vitest';
import { findDuplicates, nameKeys } from '../../src/query/duplicates.js';
import { memoryIo, run } from '../helpers/memory-io.js';
import { SEED, seedFiles } from '../helpers/seed.js';

const entries = [
  { title: 'TrOCR: Transformer-based Optical Character Recognition', alias: 'TrOCR' },
  { title: 'Deep Interest Network', alias: 'DIN' },
  { title: 'Welder', alias: null },
];

describe('findDuplicates', () => {
  it.each([
    ['deep interest network.', null, 1],
    ['Another paper', 'din', 1],
    ['TrOCR', null, 0], // a title that is another entry's alias
    ['Something', 'welder', 2], // an alias that is another entry's title
    ['New Paper', 'NP', -1],
  ])('title %j alias %j -> entry %i', (title, alias, index) => {
    const found = findDuplicates(entries, title, alias);
    expect(found).toEqual(index < 0 ? [] : [entries[index]]);
  });

  it('gives an entry whose alias is its title one name', () => {
    expect(nameKeys({ title: 'DIN', alias: 'din' })).toEqual(['din']);
  });
});

describe('papers add refuses a title that is an existing alias', () => {
  it('names the entry and writes nothing', async () => {
    const io = memoryIo(seedFiles());
    const r = await run(io, 'add', '--title', 'DCN', '--section', 'recsys');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes/papers.md:39');
    expect(new TextDecoder().decode(io.files.get('/work/notes/papers.md'))).toBe(SEED);
  });
});

describe('lint no-duplicate-entry across titles and aliases', () => {
  it('reports a title that repeats an alias, pointing at the first', async () => {
    const io = memoryIo({ '/work/notes/a.md': "## S\n### TrOCR: Transformer OCR(TrOCR)[AAAI'23][MS]\n- x\n### TrOCR[AAAI'23][MS]\n- y\n" });
    const r = await run(io, 'lint', '--format', 'unix', '--rule', 'no-duplicate-entry');
    expect(r.stdout.trim()).toBe('notes/a.md:4:1: Duplicate entry "TrOCR": a title that is the alias of the entry at line 2 [error/no-duplicate-entry]');
  });
});
