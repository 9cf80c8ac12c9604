import { describe, expect, it } from 'vitest';
import { isKnownType } from '../../src/bibtex/read.js';
import { aliasFromTitle, draftFromBibtex } from '../../src/bibtex/to-entry.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const draft = (fields: Record<string, string>, type = 'inproceedings', key = 'k', raw: Record<string, string> = fields) =>
  draftFromBibtex({ type, key, line: 3, raw, fields }, venues, isKnownType);

describe('draftFromBibtex', () => {
  it('takes the alias from a one-word Name: prefix, else none', () => {
    expect(aliasFromTitle('BERT: Pre-training of Deep Bidirectional Transformers')).toBe('BERT');
    expect(aliasFromTitle('LightSeq2: Accelerated Training')).toBe('LightSeq2');
    expect(aliasFromTitle('word2vec: explained')).toBe('word2vec');
    expect(aliasFromTitle('Faster R-CNN: Towards Real-Time Object Detection')).toBeNull();
    expect(aliasFromTitle('Towards Efficient Serving: A Survey')).toBeNull();
    expect(aliasFromTitle('attention: is all')).toBeNull();
    expect(aliasFromTitle('Attention Is All You Need')).toBeNull();
    expect(aliasFromTitle('BERT:')).toBeNull();
  });

  it('prefers shorttitle as the alias when it is a short name other than the title', () => {
    expect(draft({ title: 'Deep Interest Network for CTR', shorttitle: 'DIN', year: '2018' })).toMatchObject({ alias: 'DIN', aliasFrom: 'shorttitle' });
    // Zotero's shorttitle of a title without a colon is the whole title: no alias.
    expect(draft({ title: 'Attention Is All You Need', shorttitle: 'Attention is all you need', year: '2017' })).toMatchObject({ alias: null, aliasFrom: null });
    expect(draft({ title: 'BERT: Pre-training', shorttitle: 'A shorttitle of five words', year: '2019' })).toMatchObject({ alias: 'BERT', aliasFrom: 'title' });
  });

  it('reads the year from date, then year', () => {
    expect(draft({ title: 'T', date: '2019-05-01' }).year).toBe(2019);
    expect(draft({ title: 'T', date: '2019/2020', year: '2018' }).year).toBe(2019);
    expect(draft({ title: 'T', year: '2018' }).year).toBe(2018);
    expect(draft({ title: 'T' })).toMatchObject({ year: null, problems: [] });
  });

  it.each([
    [{ title: 'T', year: '19' }, 'its year "19" is not a four-digit year'],
    [{ title: 'T', year: 'in press' }, 'its year "in press" is not a four-digit year'],
    [{ title: 'T', date: 'spring' }, 'its date "spring" is not a date (expected 2019 or 2019-05-01)'],
    [{ year: '2019' }, 'it has no title'],
    [{ title: '', year: '2019' }, 'it has no title'],
  ])('refuses %j: %s', (fields, problem) => {
    expect(draft(fields).problems).toEqual([problem]);
  });

  it('refuses unknown entry types and keys that are not keys', () => {
    expect(draft({ title: 'T' }, 'artcle').problems).toEqual(['@artcle is not a BibTeX or biblatex entry type']);
    expect(draft({ title: 'T' }, 'article', 'title={A}').problems[0]).toMatch(/^its key "title=\{A\}" holds "="/);
    expect(draft({ title: 'T' }, 'online').problems).toEqual([]);
  });

  it('warns of an empty venue field (an undefined @string)', () => {
    const d = draft({ title: 'T', year: '2019' }, 'article', 'k', { title: 'T', year: '2019', journal: '' });
    expect(d).toMatchObject({ problems: [], warnings: ['its journal is empty (an undefined @string macro?)'], venue: { venue: null } });
  });
});
