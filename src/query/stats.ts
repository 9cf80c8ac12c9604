// Counts of a set of entries: by section, venue, year and organisation, and the notes' health. Pure.
import type { EntrySummary } from '../store/layout.js';

/** One bar of a chart: a name (null: entries without one) and how many entries. */
export interface Count {
  name: string | null;
  count: number;
}

export interface SectionCount extends Count {
  slug: string | null;
}

/** A lint finding, as far as stats needs it. */
export interface Finding {
  file: string;
  line: number;
  ruleId: string;
  severity: 'error' | 'warn' | 'info' | 'off';
}

export interface LintHealth {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings by rule alias, most first. */
  byRule: Count[];
}

export interface Health {
  /** Entries with no notes. */
  stubs: number;
  /** TODO markers, and the entries that hold them. */
  todos: number;
  todoEntries: number;
  lint: LintHealth;
}

export interface Stats {
  total: number;
  bySection: SectionCount[];
  byVenue: Count[];
  byYear: Count[];
  byOrg: Count[];
  health: Health;
}

const byName = (a: string, b: string): number => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** Most first; ties by name (any case), names before "none". */
const byCount = (a: Count, b: Count): number => b.count - a.count || (a.name === null ? (b.name === null ? 0 : 1) : b.name === null ? -1 : byName(a.name, b.name));

function tally(names: Iterable<string | null>): Count[] {
  const counts = new Map<string | null, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

export interface StatsInput {
  entries: readonly EntrySummary[];
  /** Sections in store order with their slugs (empty ones count 0 and are left out). */
  sections: ReadonlyArray<{ title: string; slug: string | null }>;
  /** An organisation as written -> the name it is counted under (`Ali` -> `Alibaba`). */
  orgName?: (org: string) => string;
  /** Lint findings over the whole digest; only those inside these entries count when `spans` is given. */
  findings: readonly Finding[];
  /** The lines (file, first, last) of the entries counted, when they are not the whole digest. */
  spans?: ReadonlyArray<{ file: string; line: number; endLine: number }>;
}

/** Findings within one of the spans (by file, then line). */
function within(findings: readonly Finding[], spans: NonNullable<StatsInput['spans']>): Finding[] {
  const byFile = new Map<string, Array<{ line: number; endLine: number }>>();
  for (const s of spans) {
    let list = byFile.get(s.file);
    if (!list) byFile.set(s.file, (list = []));
    list.push(s);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.line - b.line);
  return findings.filter((f) => {
    const list = byFile.get(f.file);
    if (!list) return false;
    // The last span starting at or before the finding's line.
    let lo = 0;
    let hi = list.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.line <= f.line) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && f.line <= list[at]!.endLine;
  });
}

export function computeStats(input: StatsInput): Stats {
  const { entries } = input;
  const orgName = input.orgName ?? ((o: string) => o);
  const sectionCounts = new Map<string | null, number>();
  for (const e of entries) sectionCounts.set(e.section, (sectionCounts.get(e.section) ?? 0) + 1);
  const order = new Map<string | null, number>();
  const slugs = new Map<string, string | null>();
  input.sections.forEach((s) => {
    if (!order.has(s.title)) order.set(s.title, order.size);
    if (!slugs.has(s.title)) slugs.set(s.title, s.slug);
  });
  const bySection: SectionCount[] = [...sectionCounts]
    .map(([name, count]) => ({ name, slug: name === null ? null : (slugs.get(name) ?? null), count }))
    // Most first; ties in the digest's order, entries before any section last.
    .sort((a, b) => b.count - a.count || (order.get(a.name) ?? Infinity) - (order.get(b.name) ?? Infinity));
  const byVenue = tally(entries.map((e) => e.venue)).sort(byCount);
  const byYear = tally(entries.map((e) => (e.year === null ? null : String(e.year)))).sort((a, b) =>
    a.name === null ? 1 : b.name === null ? -1 : Number(a.name) - Number(b.name),
  );
  // An entry counts once for each organisation it names, however it spells them.
  const byOrg = tally(entries.flatMap((e) => (e.orgs.length ? [...new Set(e.orgs.map(orgName))] : [null]))).sort(byCount);
  const findings = input.spans ? within(input.findings, input.spans) : input.findings;
  const lint: LintHealth = {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warn').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    byRule: tally(findings.map((f) => f.ruleId)).sort(byCount),
  };
  return {
    total: entries.length,
    bySection,
    byVenue,
    byYear,
    byOrg,
    health: {
      stubs: entries.filter((e) => e.stub).length,
      todos: entries.reduce((n, e) => n + e.todoCount, 0),
      todoEntries: entries.filter((e) => e.todoCount > 0).length,
      lint,
    },
  };
}

/** The first `top` counts, and the rest summed into one (null when nothing is left over). */
export function topOf<C extends Count>(counts: readonly C[], top: number): { shown: C[]; rest: { names: number; count: number } | null } {
  if (counts.length <= top) return { shown: [...counts], rest: null };
  const left = counts.slice(top);
  return { shown: counts.slice(0, top), rest: { names: left.length, count: left.reduce((n, c) => n + c.count, 0) } };
}
