import { describe, expect, it } from 'vitest';
import { computeStats, topOf, type Finding } from '../../src/query/stats.js';
import type { EntrySummary } from '../../src/store/layout.js';

const entry = (over: Partial<EntrySummary>): EntrySummary => ({
  id: 'x',
  title: 'X',
  alias: null,
  venue: null,
  year: null,
  orgs: [],
  section: null,
  sectionSlug: null,
  file: 'n.md',
  line: 1,
  stub: false,
  todoCount: 0,
  ...over,
});

const entries = [
  entry({ section: '推荐系统', venue: 'KDD', year: 2018, orgs: ['Ali', 'Alibaba'], line: 3, todoCount: 2 }),
  entry({ section: '推荐系统', venue: 'KDD', year: 2020, orgs: ['Google'], line: 6, stub: true }),
  entry({ section: 'OCR', venue: 'arXiv', year: 2018, orgs: [], line: 10 }),
  entry({ section: 'OCR', venue: null, year: null, orgs: ['Google'], line: 12, todoCount: 1 }),
  entry({ section: null, venue: 'arXiv', year: 2016, line: 1 }),
];
const sections = [
  { title: '推荐系统', slug: 'recsys' },
  { title: 'OCR', slug: null },
  { title: 'Empty', slug: null },
];
const findings: Finding[] = [
  { file: 'n.md', line: 3, ruleId: 'no-todo', severity: 'warn' },
  { file: 'n.md', line: 4, ruleId: 'no-todo', severity: 'warn' },
  { file: 'n.md', line: 6, ruleId: 'no-empty-entry', severity: 'warn' },
  { file: 'n.md', line: 12, ruleId: 'heading-syntax', severity: 'error' },
  { file: 'other.md', line: 3, ruleId: 'no-todo', severity: 'info' },
];

describe('computeStats', () => {
  const stats = computeStats({ entries, sections, findings, orgName: (o) => (o === 'Ali' ? 'Alibaba' : o) });

  it('counts sections by size, ties in the digest order, no section last; empty sections left out', () => {
    expect(stats.total).toBe(5);
    expect(stats.bySection).toEqual([
      { name: '推荐系统', slug: 'recsys', count: 2 },
      { name: 'OCR', slug: null, count: 2 },
      { name: null, slug: null, count: 1 },
    ]);
  });

  it('counts venues and organisations most first (ties by name), years in order, missing ones as null', () => {
    expect(stats.byVenue).toEqual([
      { name: 'arXiv', count: 2 },
      { name: 'KDD', count: 2 },
      { name: null, count: 1 },
    ]);
    expect(stats.byYear).toEqual([
      { name: '2016', count: 1 },
      { name: '2018', count: 2 },
      { name: '2020', count: 1 },
      { name: null, count: 1 },
    ]);
    // Ali and Alibaba are one organisation, counted once for the entry that names both.
    expect(stats.byOrg).toEqual([
      { name: 'Google', count: 2 },
      { name: null, count: 2 },
      { name: 'Alibaba', count: 1 },
    ]);
  });

  it('counts stubs, TODOs and lint findings by severity and rule', () => {
    expect(stats.health).toEqual({
      stubs: 1,
      todos: 3,
      todoEntries: 2,
      lint: {
        errors: 1,
        warnings: 3,
        infos: 1,
        byRule: [
          { name: 'no-todo', count: 3 },
          { name: 'heading-syntax', count: 1 },
          { name: 'no-empty-entry', count: 1 },
        ],
      },
    });
  });

  it('counts only the findings inside the entries counted when filtered', () => {
    const some = computeStats({ entries: entries.slice(0, 1), sections, findings, spans: [{ file: 'n.md', line: 3, endLine: 4 }] });
    expect(some.health.lint).toEqual({ errors: 0, warnings: 2, infos: 0, byRule: [{ name: 'no-todo', count: 2 }] });
    expect(computeStats({ entries: [], sections, findings, spans: [] })).toMatchObject({ total: 0, bySection: [], health: { stubs: 0, lint: { errors: 0, byRule: [] } } });
  });

  it('keeps the top N and sums the rest', () => {
    expect(topOf(stats.byVenue, 1)).toEqual({ shown: [{ name: 'arXiv', count: 2 }], rest: { names: 2, count: 3 } });
    expect(topOf(stats.byVenue, 3).rest).toBeNull();
  });
});
