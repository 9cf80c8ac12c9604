import { describe, expect, it } from 'vitest';
import { parseYearRange, yearRangeProblem } from '../../src/query/filter.js';

describe('parseYearRange and yearRangeProblem', () => {
  it.each([
    ['2020', { from: 2020, to: 2020 }],
    ['2019..2022', { from: 2019, to: 2022 }],
    ['2019-2022', { from: 2019, to: 2022 }],
    ['2019..', { from: 2019, to: null }],
    ['..2022', { from: null, to: 2022 }],
    ['2020..2020', { from: 2020, to: 2020 }],
  ])('reads %s', (text, range) => {
    expect(parseYearRange(text)).toEqual(range);
    expect(yearRangeProblem(text)).toBeNull();
  });

  it.each([
    ['2030..2020', '"2030..2020" is reversed, expected from..to: 2020..2030'],
    ['2022-2019', '"2022-2019" is reversed, expected from..to: 2019..2022'],
    ['20x', '"20x" is not a year, expected 2020 or a range like 2019..2022'],
    ['..', '".." is not a year, expected 2020 or a range like 2019..2022'],
    ['', '"" is not a year, expected 2020 or a range like 2019..2022'],
  ])('refuses %j, saying why', (text, problem) => {
    expect(parseYearRange(text)).toBeNull();
    expect(yearRangeProblem(text)).toBe(problem);
  });
});
