// `papers stats`: counts by section, venue, year and organisation, the notes' health, and (from git) the reading pace.
import * as path from 'node:path';
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK, UsageError } from '../errors.js';
import { activeRules } from '../lint/config.js';
import { lintStore } from '../lint/lint.js';
import { rules } from '../lint/rules/index.js';
import { filterPositions } from '../query/filter.js';
import { countByPeriod, firstAppearance, GIT_LOG_FORMAT, parseGitLog, PERIODS, type Period } from '../query/history.js';
import { computeStats, type Finding } from '../query/stats.js';
import { formatStats } from '../report/stats.js';
import { measureFor } from '../report/width.js';
import { createOrgRegistry } from '../store/orgs.js';
import type { Store } from '../store/store.js';
import { markdownFor } from '../store/texts.js';
import type { Context } from './context.js';
import { Flag, parseOptions, positiveInt } from './options.js';
import { ListFilterOptions, listFilter } from './filters.js';

export const DEFAULT_TOP = 10;
/** A pipe gets charts this wide. */
const PIPE_WIDTH = 80;

export const StatsOptionsSchema = z.object({
  ...ListFilterOptions,
  top: positiveInt(),
  by: z.optional(z.enum(PERIODS)),
  json: Flag,
});

/** Every lint finding over the store, as `papers lint` reports them with the config's rules. */
async function lintFindings(ctx: Context, store: Store): Promise<Finding[]> {
  const digest = await store.linkedDigest();
  const texts = new Map(store.files.map((f) => [f.file, store.text(f.file)]));
  const paths = new Map(store.files.map((f) => [f.file, store.path(f.file)]));
  const active = activeRules(rules, store.config.lint, { configFile: store.configFile });
  const exists = (target: string): boolean => ctx.io.stat(target) !== null;
  const result = lintStore({ digest, venues: store.venues, markdown: await markdownFor(texts.values()), texts, paths, config: store.config, active, exists });
  return result.files.flatMap((f) => f.messages.map((m) => ({ file: m.file, line: m.line, ruleId: m.ruleId, severity: m.severity })));
}

/** Runs git in a folder; a usage error when git is missing or the folder is not in a repository. */
async function git(ctx: Context, cwd: string, args: string[]): Promise<string> {
  const r = await ctx.io.runProcess('git', args, { cwd });
  if (r.kind === 'not-found') throw new UsageError('--by needs git, and git is not installed', 'install git, or leave out --by');
  if (r.kind === 'failed') throw new UsageError(`--by: cannot run git: ${r.message}`, 'leave out --by');
  if (r.status !== 0) {
    // A repository without a commit yet: no history, every entry uncommitted.
    if (args[0] === 'log' && /does not have any commits yet/i.test(r.stderr)) return '';
    if (/not a git repository/i.test(r.stderr)) throw new UsageError(`--by needs the notes in a git repository, and ${cwd} is not in one`, 'commit the notes with git, or leave out --by');
    throw new UsageError(`--by: git ${args[0]} failed: ${r.stderr.trim().split('\n')[0] ?? `exit ${r.status}`}`, 'leave out --by');
  }
  return r.stdout;
}

/** The date each entry's heading line was first committed (null: not committed yet), in store order of `positions`. */
async function headingDates(ctx: Context, store: Store, positions: readonly number[]): Promise<Array<string | null>> {
  const summaries = store.summaries();
  const dates = new Array<string | null>(positions.length).fill(null);
  const byFile = new Map<string, number[]>();
  positions.forEach((p, k) => {
    const file = summaries[p]!.file;
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push(k);
  });
  for (const [file, ks] of byFile) {
    const abs = store.path(file);
    const dir = path.dirname(abs);
    await git(ctx, dir, ['rev-parse', '--show-toplevel']);
    const log = await git(ctx, dir, ['log', '--follow', '--no-color', '--no-ext-diff', '--no-textconv', `--format=${GIT_LOG_FORMAT}`, '-p', '-U0', '--', path.basename(abs)]);
    const lines = store.text(file).split('\n');
    const headings = ks.map((k) => lines[summaries[positions[k]!]!.line - 1] ?? '');
    firstAppearance(parseGitLog(log), headings).forEach((d, j) => (dates[ks[j]!] = d));
  }
  return dates;
}

export async function runStats(ctx: Context, rawOptions: unknown): Promise<number> {
  const options = parseOptions(StatsOptionsSchema, rawOptions);
  const store = await ctx.load({ progress: !options.json, readsText: options.by !== undefined });
  const summaries = store.summaries();
  const filter = listFilter(store, options);
  const positions = filter ? filterPositions(summaries, filter, store.venues) : summaries.map((_, i) => i);
  const entries = positions.map((i) => summaries[i]!);
  const findings = await lintFindings(ctx, store);
  const orgs = createOrgRegistry(store.config.orgs ?? []);
  const stats = computeStats({
    entries,
    sections: store.sections,
    orgName: (o) => orgs.canonicalOf(o) ?? o,
    findings,
    spans: filter ? store.entries(positions).map((e) => ({ file: e.file, line: e.line, endLine: e.endLine })) : undefined,
  });
  let history: { by: Period; counts: Array<{ name: string; count: number }>; uncommitted: number } | undefined;
  if (options.by) {
    const dates = await headingDates(ctx, store, positions);
    history = { by: options.by, counts: countByPeriod(dates, options.by), uncommitted: dates.filter((d) => d === null).length };
  }
  if (options.json) {
    const json: Record<string, unknown> = { ...stats };
    if (history) json[options.by === 'week' ? 'byWeek' : 'byMonth'] = history.counts, (json.uncommitted = history.uncommitted);
    ctx.out(JSON.stringify(json, null, 2));
    return stats.total ? EXIT_OK : EXIT_FOUND;
  }
  if (stats.total === 0) {
    ctx.err('no entries match');
    return EXIT_FOUND;
  }
  // NOTE: a terminal of unknown size reports 0 columns: treat it like a pipe.
  const width = ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : PIPE_WIDTH;
  const labels = [...stats.bySection.map((s) => s.name ?? ''), ...stats.byVenue.map((c) => c.name ?? ''), ...stats.byOrg.map((c) => c.name ?? '')];
  ctx.out(formatStats({ stats, top: options.top ?? DEFAULT_TOP, history }, { width, measure: await measureFor(labels), color: ctx.color }));
  return EXIT_OK;
}
