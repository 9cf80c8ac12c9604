import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVenueRegistry } from '../../src/store/venues.js';
import { editDistance } from '../../src/store/text.js';

describe('venue registry', () => {
  const venues = createVenueRegistry();

  it.each([
    ['NeurIPS', 'NeurIPS', 'canonical', null],
    ['NIPS', 'NeurIPS', 'alias', null],
    ['nips', 'NeurIPS', 'variant', 'NIPS'],
    ['arXiv', 'arXiv', 'canonical', null],
    ['Arxiv', 'arXiv', 'variant', 'arXiv'],
    ['arxiv', 'arXiv', 'variant', 'arXiv'],
    ['Arivx', 'arXiv', 'misspelled', 'arXiv'],
    ['Arixv', 'arXiv', 'misspelled', 'arXiv'],
    ['Arxv', 'Arxv', 'unknown', 'arXiv'],
    ['Neurlps', 'NeurIPS', 'misspelled', 'NeurIPS'],
    ['Interspech', 'Interspeech', 'misspelled', 'Interspeech'],
    // One letter off a short registered name: another venue as likely as a typo.
    ['COLM', 'COLM', 'unknown', 'COLT'],
    ['ECML', 'ECML', 'unknown', 'ICML'],
    ['ICPP', 'ICPP', 'unknown', 'ICPR'],
    ['CVPRW', 'CVPRW', 'unknown', 'CVPR'],
    ['CoRL', 'CoRL', 'unknown', 'CoRR'],
    ['KDD', 'KDD', 'canonical', null],
    ['SIGKDD', 'KDD', 'alias', null],
    ['DLRS', 'DLRS', 'canonical', null],
    ['SC', 'SC', 'canonical', null],
    ['ＫＤＤ', 'KDD', 'variant', 'KDD'],
    ['MyWorkshop', 'MyWorkshop', 'unknown', null],
    ['XYZ', 'XYZ', 'unknown', null],
  ])('%s -> %s (%s)', (raw, venue, match, suggestion) => {
    expect(venues.resolve(raw)).toEqual({ venue, match, suggestion });
  });

  it('has no venue for null or blank', () => {
    expect(venues.resolve(null)).toEqual({ venue: null, match: 'none', suggestion: null });
    expect(venues.resolve('  ')).toEqual({ venue: null, match: 'none', suggestion: null });
  });

  it('takes only registered names (any case) for a venue without a year, never near ones', () => {
    expect(['OSDI', 'osdi', 'NIPS'].map((n) => venues.isKnown(n))).toEqual([true, true, true]);
    expect(['KAIST', 'BAAI', 'Cisco', 'Arivx', 'COLM'].map((n) => venues.isKnown(n))).toEqual([false, false, false, false, false]);
  });

  it('knows a name exactly when resolve reads it as canonical, alias or variant (property)', () => {
    const names = venues.names().flatMap((n) => [n, n.toLowerCase(), ` ${n}`, `${n}x`, n.slice(1)]);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...names, 'NIPS', 'Arivx', 'ACM-MM', 'acm mm', '', ' '), fc.string({ maxLength: 8 })), (name) => {
        const match = venues.resolve(name).match;
        expect(venues.isKnown(name)).toBe(match === 'canonical' || match === 'alias' || match === 'variant');
      }),
      { numRuns: 3000 },
    );
  });

  it('knows a venue by its full names, exactly or in another case, never by a near one', () => {
    expect(venues.resolve('Journal of Machine Learning Research')).toEqual({ venue: 'JMLR', match: 'alias', suggestion: null });
    expect(venues.resolve('journal of machine learning research')).toEqual({ venue: 'JMLR', match: 'variant', suggestion: 'Journal of Machine Learning Research' });
    expect(venues.isKnown('Transactions of the Association for Computational Linguistics')).toBe(true);
    expect(venues.isKnown('Journal of Machine Learning Resarch')).toBe(false);
    expect(venues.resolve('Journal of Machine Learning Resarch').match).toBe('unknown');
  });

  it('does not guess for short unknown names', () => {
    // One letter away from ACL, but three letters leave no room for typos.
    expect(venues.resolve('ACX').match).toBe('unknown');
  });

  it('takes extra venues from config', () => {
    const extended = createVenueRegistry([{ name: 'MyConf', aliases: ['MC'] }]);
    expect(extended.resolve('mc')).toEqual({ venue: 'MyConf', match: 'variant', suggestion: 'MC' });
    expect(extended.resolve('MyConf').match).toBe('canonical');
  });
});

describe('names of a canonical venue', () => {
  it('lists every registered spelling and key, the canonical first', () => {
    const venues = createVenueRegistry();
    expect(venues.spellingsOf('NeurIPS')).toEqual(['NeurIPS', 'NIPS']);
    expect(venues.keysOf('NeurIPS')).toEqual(['neurips', 'nips']);
    expect(venues.spellingsOf('ACM MM')).toEqual(['ACM MM', 'ACMMM', 'MM']);
    expect(venues.spellingsOf('Unknown Venue')).toEqual(['Unknown Venue']);
  });
});

describe('editDistance', () => {
  it.each([
    ['arixv', 'arxiv', 1],
    ['arivx', 'arxiv', 2],
    ['donut', 'dount', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('venue full names and kinds', () => {
  it('gives every built-in venue a kind and a full name, and no full name to two venues', async () => {
    const { VENUES } = await import('../../src/store/venues.js');
    const seen = new Map<string, string>();
    for (const v of VENUES) {
      expect(v.kind, v.name).toMatch(/^(conference|journal|preprint)$/);
      expect(v.fullNames?.length, v.name).toBeGreaterThan(0);
      for (const full of v.fullNames!) {
        const key = full.toLowerCase();
        expect(seen.get(key) ?? v.name, `${full} names ${seen.get(key)} and ${v.name}`).toBe(v.name);
        seen.set(key, v.name);
      }
    }
  });

  it('merges config venues into the built-in ones: their full names first, their kind', () => {
    const venues = createVenueRegistry([{ name: 'NeurIPS', fullNames: ['Neural Information Processing Systems (NeurIPS)'] }, { name: 'MyConf', aliases: ['MC'], fullNames: ['My Conference'], kind: 'journal' }]);
    expect(venues.definition('NeurIPS')).toEqual({
      name: 'NeurIPS',
      aliases: ['NIPS'],
      fullNames: ['Neural Information Processing Systems (NeurIPS)', 'Advances in Neural Information Processing Systems', 'Neural Information Processing Systems', 'Conference on Neural Information Processing Systems'],
      kind: 'conference',
    });
    expect(venues.definition('MyConf')).toEqual({ name: 'MyConf', aliases: ['MC'], fullNames: ['My Conference'], kind: 'journal' });
    expect(venues.definition('Nowhere')).toBeNull();
    expect(venues.definitions().at(-1)!.name).toBe('MyConf');
  });
});
