import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnAt, eachHolding, stringColumn } from '../../src/store/columns.js';

describe('string columns', () => {
  it('find the strings holding a term, never a match across two of them', () => {
    const column = stringColumn(['量化', '化学', '', 'abab', 'b', 'ab']);
    const holding = (term: string) => {
      const found: number[] = [];
      eachHolding(column, term, (i) => void found.push(i));
      return found;
    };
    expect(holding('化')).toEqual([0, 1]);
    expect(holding('化化')).toEqual([]);
    expect(holding('ab')).toEqual([3, 5]);
    expect(holding('bb')).toEqual([]);
    expect(holding('')).toEqual([]);
    expect([0, 1, 2, 3, 4, 5].map((i) => columnAt(column, i))).toEqual(['量化', '化学', '', 'abab', 'b', 'ab']);
  });

  it('agree with includes on every string (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '量') })), fc.string({ unit: fc.constantFrom('a', 'b', '量'), minLength: 1, maxLength: 3 }), (strings, term) => {
        const found: number[] = [];
        eachHolding(stringColumn(strings), term, (i) => void found.push(i));
        expect(found).toEqual(strings.flatMap((s, i) => (s.includes(term) ? [i] : [])));
      }),
      { numRuns: 300 },
    );
  });
});
