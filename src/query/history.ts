// When each entry's heading first appeared, from `git log -p` of its file, and counts by month or week. Pure.

export const PERIODS = ['month', 'week'] as const;
export type Period = (typeof PERIODS)[number];

/** One commit of `git log --format=%x01%H %aI -p -U0`: its author date (YYYY-MM-DD) and the lines it added. */
export interface Commit {
  date: string;
  added: string[];
}

/** The format `parseGitLog` reads: a marker line per commit, then its patch. */
export const GIT_LOG_FORMAT = '%x01%H %aI';

const stripCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** Commits as git printed them (newest first), each with the lines its patch adds. */
export function parseGitLog(output: string): Commit[] {
  const commits: Commit[] = [];
  let current: Commit | undefined;
  for (const raw of output.split('\n')) {
    if (raw.startsWith('\u0001')) {
      const m = /^\u0001[0-9a-f]+ (\d{4}-\d{2}-\d{2})/.exec(raw);
      current = m ? { date: m[1]!, added: [] } : undefined;
      if (current) commits.push(current);
    } else if (current && raw.startsWith('+') && !raw.startsWith('+++ ')) {
      current.added.push(stripCr(raw.slice(1)));
    }
  }
  return commits;
}

/**
 * For each heading line, the date of the oldest commit that added exactly that line; null when no
 * commit did (written since the last commit). `commits` are newest first, as git prints them.
 */
export function firstAppearance(commits: readonly Commit[], headings: readonly string[]): Array<string | null> {
  const wanted = new Set(headings.map(stripCr));
  // By date, not by order: commits made out of order (a rebase, a clock set wrong) still give the oldest.
  const oldest = new Map<string, string>();
  for (const c of commits) {
    for (const line of c.added) {
      if (!wanted.has(line)) continue;
      const d = oldest.get(line);
      if (d === undefined || c.date < d) oldest.set(line, c.date);
    }
  }
  return headings.map((h) => oldest.get(stripCr(h)) ?? null);
}

/** The ISO week of a date: `2024-W09` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((t.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodOf(date: string, by: Period): string {
  return by === 'month' ? date.slice(0, 7) : isoWeek(date);
}

/** The period after this one. */
function nextPeriod(period: string, by: Period): string {
  if (by === 'month') {
    const [y, m] = period.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const [y, w] = period.split('-W').map(Number) as [number, number];
  // The Thursday of week w + 1, then its week (the last week of a year may be 52 or 53).
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const thursday = new Date(jan4.getTime() + ((3 - ((jan4.getUTCDay() + 6) % 7)) + 7 * w) * 86_400_000);
  return isoWeek(thursday.toISOString().slice(0, 10));
}

/** Entries per period, oldest first, every period from the first to the last (empty ones counted 0). */
export function countByPeriod(dates: ReadonlyArray<string | null>, by: Period): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const d of dates) if (d !== null) counts.set(periodOf(d, by), (counts.get(periodOf(d, by)) ?? 0) + 1);
  if (counts.size === 0) return [];
  const sorted = [...counts.keys()].sort();
  const out: Array<{ name: string; count: number }> = [];
  const last = sorted[sorted.length - 1]!;
  // NOTE: bounded: periods only move forward, but a bug here must not hang papers.
  for (let p = sorted[0]!, n = 0; n < 100_000; p = nextPeriod(p, by), n++) {
    out.push({ name: p, count: counts.get(p) ?? 0 });
    if (p >= last) break;
  }
  return out;
}
