// Formats entries for people: the grouped `list` table, one entry in full for `show`, the sections table.
import type { SectionSummary } from '../query/sections.js';
import type { EntrySummary } from '../store/layout.js';
import type { Entry } from '../store/schema.js';
import { terminalSafe } from './safe.js';
import { eachRow, plural, renderRows, type ChalkInstance } from './terminal.js';
import type { Measure } from './width.js';

/** `NeurIPS'19`, `OSDI`, `2023`, or `-`. */
export function venueLabel(entry: Pick<Entry, 'venue' | 'year'>): string {
  const yy = entry.year !== null ? String(entry.year % 100).padStart(2, '0') : null;
  if (entry.venue && yy !== null) return `${entry.venue}'${yy}`;
  if (entry.venue) return entry.venue;
  if (entry.year !== null) return String(entry.year);
  return '-';
}

export function entryFlags(entry: Pick<EntrySummary, 'stub' | 'todoCount'>): string {
  const n = entry.todoCount;
  const todo = n === 0 ? '' : n === 1 ? 'TODO' : `TODO×${n}`;
  return entry.stub ? (todo ? `stub ${todo}` : 'stub') : todo;
}

export function sectionLabel(title: string | null, slug: string | null): string {
  if (title === null) return '(no section)';
  return slug ? `${title} [${slug}]` : title;
}

/**
 * `list`'s count line: `5 entries in 2 sections`, with entries outside any section counted apart
 * (`3 entries (outside any section)`, `5 entries in 2 sections and 3 outside any section`).
 */
export function entryCountLine(rows: Pick<EntryRows, 'count' | 'section'>): string {
  if (rows.count === 0) return 'no entries match';
  const sections = new Set<string>();
  let outside = 0;
  for (let i = 0; i < rows.count; i++) {
    const section = rows.section(i);
    if (section === null) outside++;
    else sections.add(section);
  }
  const inSections = rows.count - outside;
  if (inSections === 0) return `${plural(outside, 'entry', 'entries')} (outside any section)`;
  const counted = `${plural(inSections, 'entry', 'entries')} in ${plural(sections.size, 'section')}`;
  return outside ? `${counted} and ${outside} outside any section` : counted;
}

export interface ListTableOptions {
  color: ChalkInstance;
  /** Terminal width; undefined in a pipe (nothing is cut). */
  width?: number | undefined;
  measure?: Measure;
}

/** How many cells a list row has. */
export const ENTRY_CELLS = 6;

/** The cells of one list row: id, title, venue'yy, orgs, file:line, flags. */
export function entryCells(e: EntrySummary): string[] {
  return [e.id, e.title || '(untitled)', venueLabel(e), e.orgs.join(', ') || '-', `${e.file}:${e.line}`, entryFlags(e)];
}

/** The rows of the list table, however they are kept: row `i`'s section and cells. */
export interface EntryRows {
  count: number;
  section(i: number): string | null;
  sectionSlug(i: number): string | null;
  /** Cell `c` of row `i` (see entryCells). */
  cell(i: number, c: number): string;
  /** Its display width, when known already (else the table measures it). */
  width?(i: number, c: number): number;
}

/** The list rows of these entries (all of them, or those at `positions`, in that order). */
export function summaryRows(summaries: readonly EntrySummary[], positions?: readonly number[]): EntryRows {
  const at = (i: number): EntrySummary => summaries[positions ? positions[i]! : i]!;
  let cells: string[][] | undefined;
  return {
    count: positions ? positions.length : summaries.length,
    section: (i) => at(i).section,
    sectionSlug: (i) => at(i).sectionSlug,
    cell: (i, c) => {
      cells ??= [];
      return (cells[i] ??= entryCells(at(i)))[c]!;
    },
  };
}

/**
 * Rows grouped by section (in order of first appearance), one aligned table for all groups, handed
 * to `write` a piece at a time (a 100k-entry table is never one string). The text ends without a newline.
 */
export function writeEntryTable(rows: EntryRows, options: ListTableOptions, write: (text: string) => void): void {
  const { color } = options;
  const groups = new Map<string | null, number[]>();
  for (let i = 0; i < rows.count; i++) {
    const section = rows.section(i);
    const list = groups.get(section);
    if (list) list.push(i);
    else groups.set(section, [i]);
  }
  const order = new Int32Array(rows.count);
  const headerAt = new Map<number, string>();
  let at = 0;
  for (const [section, list] of groups) {
    headerAt.set(at, `${color.bold(terminalSafe(sectionLabel(section, rows.sectionSlug(list[0]!))))} ${color.dim(`· ${list.length}`)}`);
    for (const i of list) order[at++] = i;
  }
  const row = new Array<string>(ENTRY_CELLS);
  const { width } = rows;
  eachRow(
    rows.count,
    (r) => {
      for (let c = 0; c < ENTRY_CELLS; c++) row[c] = rows.cell(order[r]!, c);
      return row;
    },
    [
      { style: (t) => color.cyan(t) },
      { shrink: true },
      { style: (t) => (t === '-' ? color.dim(t) : color.green(t)) },
      { style: (t) => (t === '-' ? color.dim(t) : t) },
      { style: (t) => color.dim(t) },
      { style: (t) => color.yellow(t) },
    ],
    { maxWidth: options.width, indent: '  ', measure: options.measure, plain: color.level === 0, widthAt: width && ((r, c) => width(order[r]!, c)) },
    (line, r) => {
      const header = headerAt.get(r);
      if (header !== undefined) write(r > 0 ? `\n\n${header}\n` : `${header}\n`);
      else write('\n');
      write(line);
    },
  );
}

/** One entry in full, for `show`; its text made terminal-safe (report/safe.ts). */
export function formatEntry(entry: Entry, color: ChalkInstance): string {
  const out: string[] = [];
  out.push(color.bold(terminalSafe(entry.title || '(untitled)')));
  const field = (name: string, value: string): void => {
    out.push(`${color.dim(`${name}:`.padEnd(9))}${terminalSafe(value)}`);
  };
  field('id', entry.id);
  if (entry.alias) field('alias', entry.alias);
  const venue =
    entry.venue === null
      ? '-'
      : entry.venueRaw !== null && entry.venueRaw !== entry.venue
        ? `${entry.venue} (written "${entry.venueRaw}")`
        : entry.venue;
  field('venue', venue);
  field('year', entry.year === null ? '-' : String(entry.year));
  field('orgs', entry.orgs.join(', ') || '-');
  field('section', sectionLabel(entry.section, entry.sectionSlug));
  field('file', `${entry.file}:${entry.line}${entry.endLine > entry.line ? `-${entry.endLine}` : ''}`);
  for (const todo of entry.todos) out.push(`${color.dim('todo:'.padEnd(9))}${color.yellow(terminalSafe(todo.marker))} at line ${todo.line}: ${terminalSafe(todo.context)}`);
  for (const link of entry.links) field('link', `${link.url}${link.text ? ` (${link.text})` : ''}`);
  out.push('');
  out.push(entry.stub ? color.dim('(no notes yet)') : terminalSafe(entry.notes));
  return out.join('\n');
}

export function sectionRows(sections: readonly SectionSummary[], unsectioned: number): string[][] {
  const rows = sections.map((s) => [String(s.index), s.slug ?? '-', s.title, String(s.count), `${s.file}:${s.line}`]);
  if (unsectioned) rows.push(['-', '-', '(no section)', String(unsectioned), '']);
  return [['#', 'SLUG', 'SECTION', 'ENTRIES', 'WHERE'], ...rows];
}

export function formatSectionTable(rows: string[][], color: ChalkInstance, measure?: Measure): string {
  return renderRows(
    rows,
    [
      { align: 'right', style: (t, r) => (r === 0 ? color.bold(t) : t) },
      { style: (t, r) => (r === 0 ? color.bold(t) : color.cyan(t)) },
      { style: (t, r) => (r === 0 ? color.bold(t) : t) },
      { align: 'right', style: (t, r) => (r === 0 ? color.bold(t) : t) },
      { style: (t, r) => (r === 0 ? color.bold(t) : color.dim(t)) },
    ],
    { measure },
  ).join('\n');
}
