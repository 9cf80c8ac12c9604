// `papers stats` as text: horizontal bar charts of Unicode blocks, labels aligned by display width. Pure.
import { topOf, type Count, type Stats } from '../query/stats.js';
import { terminalSafe } from './safe.js';
import { plural, truncate, type ChalkInstance } from './terminal.js';
import type { Measure } from './width.js';

/** Eighths of a cell, from one to seven; a whole cell is █. */
const PARTS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `count / max` of `width` cells, in eighths; a count above 0 shows at least ▏. */
export function bar(count: number, max: number, width: number): string {
  if (count <= 0 || max <= 0 || width <= 0) return '';
  const eighths = Math.max(1, Math.round((count / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + PARTS[eighths % 8]!;
}

export interface ChartOptions {
  /** Columns to fit in. */
  width: number;
  measure: Measure;
  color: ChalkInstance;
}

export interface ChartRow {
  label: string;
  count: number;
  /** The rest summed: dimmed, with its count and no bar (it would dwarf the bars it sums). */
  dim?: boolean;
}

const INDENT = '  ';
/** A label never takes more than this share of the width, nor fewer than 8 columns. */
const LABEL_SHARE = 0.4;

/** Rows of `label  bar count`: labels padded by display width, the longest bar filling what is left of the width. */
export function chart(rows: readonly ChartRow[], options: ChartOptions): string[] {
  if (rows.length === 0) return [];
  const { measure, color } = options;
  const countWidth = Math.max(0, ...rows.filter((r) => !r.dim).map((r) => String(r.count).length));
  const labelMax = Math.max(8, Math.floor(options.width * LABEL_SHARE));
  const labels = rows.map((r) => truncate(terminalSafe(r.label), labelMax, measure));
  const labelWidth = Math.max(...labels.map(measure));
  // indent, label, two spaces, bar, one space, count
  const barWidth = Math.max(1, options.width - INDENT.length - labelWidth - 2 - 1 - countWidth);
  const max = Math.max(0, ...rows.filter((r) => !r.dim).map((r) => r.count));
  return rows.map((r, i) => {
    const label = labels[i]! + ' '.repeat(labelWidth - measure(labels[i]!));
    if (r.dim) return color.dim(`${INDENT}${label}  ${r.count}`);
    const b = bar(r.count, max, barWidth);
    return `${INDENT}${label}  ${color.cyan(b)}${b ? ' ' : ''}${String(r.count)}`;
  });
}

/** Counts as chart rows: the first `top`, then the others summed. */
export function countRows(counts: readonly Count[], top: number, none: string): ChartRow[] {
  const { shown, rest } = topOf(counts, top);
  const rows: ChartRow[] = shown.map((c) => ({ label: c.name ?? none, count: c.count }));
  if (rest) rows.push({ label: `(${plural(rest.names, 'other')})`, count: rest.count, dim: true });
  return rows;
}

export interface StatsText {
  stats: Stats;
  top: number;
  /** Entries by month or week, when asked for; `uncommitted` entries have no date. */
  history?: { by: string; counts: Array<{ name: string; count: number }>; uncommitted: number };
}

export function formatStats(input: StatsText, options: ChartOptions): string {
  const { stats, top } = input;
  const { color } = options;
  const out: string[] = [];
  const block = (title: string, rows: ChartRow[]): void => {
    if (rows.length === 0) return;
    if (out.length) out.push('');
    out.push(color.bold(title));
    out.push(...chart(rows, options));
  };
  const years = stats.byYear.filter((c) => c.name !== null);
  const span = years.length ? (years.length === 1 ? years[0]!.name : `${years[0]!.name}–${years[years.length - 1]!.name}`) : null;
  const totals = [
    plural(stats.total, 'entry', 'entries'),
    plural(stats.bySection.filter((s) => s.name !== null).length, 'section'),
    plural(stats.byVenue.filter((c) => c.name !== null).length, 'venue'),
    plural(stats.byOrg.filter((c) => c.name !== null).length, 'organisation'),
    ...(span ? [span] : []),
  ];
  // One line of totals, broken between them where the width ends.
  let line = '';
  for (const t of totals) {
    const next = line ? `${line} · ${t}` : t;
    if (line && options.measure(next) > options.width) {
      out.push(color.bold(line));
      line = t;
    } else line = next;
  }
  out.push(color.bold(line));
  const sectionLabel = (name: string | null, slug: string | null): string => (name === null ? '(no section)' : slug ? `${name} (${slug})` : name);
  const sections = topOf(stats.bySection, top);
  const sectionRows: ChartRow[] = sections.shown.map((s) => ({ label: sectionLabel(s.name, s.slug), count: s.count }));
  if (sections.rest) sectionRows.push({ label: `(${plural(sections.rest.names, 'other')})`, count: sections.rest.count, dim: true });
  block('by section', sectionRows);
  block('by venue', countRows(stats.byVenue, top, '(no venue)'));
  // Years in order, every one of them.
  block('by year', stats.byYear.map((c) => ({ label: c.name ?? '(no year)', count: c.count })));
  block('by organisation', countRows(stats.byOrg, top, '(no organisation)'));
  if (input.history) {
    const h = input.history;
    const title = `by ${h.by} (when the heading was first committed)`;
    if (h.counts.length) block(title, h.counts.map((c) => ({ label: c.name, count: c.count })));
    else out.push('', color.bold(title), `${INDENT}no commit adds any of these headings yet`);
    if (h.uncommitted) out.push(color.dim(`${INDENT}${plural(h.uncommitted, 'entry', 'entries')} not committed yet`));
  }
  const { health } = stats;
  out.push('', color.bold('health'));
  const pct = (n: number): string => (stats.total ? ` (${Math.round((100 * n) / stats.total)}%)` : '');
  out.push(`${INDENT}stubs  ${plural(health.stubs, 'entry', 'entries')} without notes${pct(health.stubs)}`);
  out.push(`${INDENT}TODOs  ${plural(health.todos, 'marker')} in ${plural(health.todoEntries, 'entry', 'entries')}`);
  const { lint } = health;
  const parts = [plural(lint.errors, 'error'), plural(lint.warnings, 'warning'), ...(lint.infos ? [plural(lint.infos, 'note')] : [])];
  out.push(`${INDENT}lint   ${parts.join(', ')}${lint.byRule.length ? ' (papers lint shows them)' : ''}`);
  if (lint.byRule.length) out.push(...chart(countRows(lint.byRule, top, '(none)'), { ...options, width: options.width - INDENT.length }).map((l) => `${INDENT}${l}`));
  return out.join('\n');
}
