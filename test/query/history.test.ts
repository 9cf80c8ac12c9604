import { describe, expect, it } from 'vitest';
import { countByPeriod, firstAppearance, isoWeek, parseGitLog, periodOf } from '../../src/query/history.js';

const LOG = [
  '\u0001cccc 2024-05-02T09:00:00+08:00',
  '',
  'diff --git a/notes/papers.md b/notes/papers.md',
  '--- a/notes/papers.md',
  '+++ b/notes/papers.md',
  '@@ -3,0 +4,2 @@',
  "+### B[KDD'18]\r",
  '+- note',
  '\u0001bbbb 2024-03-10T23:30:00-05:00',
  '+### A',
  "-### Old[KDD'18]",
  '\u0001aaaa 2024-01-31T10:00:00+00:00',
  '+### A',
  '+++ not a file header when it is content? it is skipped, as git marks files so',
].join('\n');

describe('git history', () => {
  it('reads commits newest first, with their author date and added lines (CR dropped)', () => {
    expect(parseGitLog(LOG)).toEqual([
      { date: '2024-05-02', added: ["### B[KDD'18]", '- note'] },
      { date: '2024-03-10', added: ['### A'] },
      { date: '2024-01-31', added: ['### A'] },
    ]);
    expect(parseGitLog('')).toEqual([]);
    expect(parseGitLog('garbage\n+### A\n')).toEqual([]);
  });

  it('dates a heading by the oldest commit that added exactly that line; null when none did', () => {
    expect(firstAppearance(parseGitLog(LOG), ['### A', "### B[KDD'18]", '### C', "### Old[KDD'18]"])).toEqual(['2024-01-31', '2024-05-02', null, null]);
  });

  it.each([
    ['2024-01-01', '2024-W01'],
    ['2023-01-01', '2022-W52'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'],
    ['2024-03-10', '2024-W10'],
  ])('ISO week of %s is %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
    expect(periodOf(date, 'week')).toBe(week);
  });

  it('counts by month with every month between, empty ones 0', () => {
    expect(countByPeriod(['2023-11-05', null, '2024-02-01', '2023-11-30', '2024-02-29'], 'month')).toEqual([
      { name: '2023-11', count: 2 },
      { name: '2023-12', count: 0 },
      { name: '2024-01', count: 0 },
      { name: '2024-02', count: 2 },
    ]);
    expect(countByPeriod([null], 'month')).toEqual([]);
  });

  it('counts by week across a year with 53 weeks', () => {
    expect(countByPeriod(['2020-12-21', '2021-01-11'], 'week').map((c) => `${c.name}:${c.count}`)).toEqual(['2020-W52:1', '2020-W53:0', '2021-W01:0', '2021-W02:1']);
  });
});
