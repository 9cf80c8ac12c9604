// planAdd: where a new entry goes in one digest file and its exact text, as a single insertion. Pure.
import { entriesOf, viewOf, type FileView, type ParsedEntry, type ParsedFile, type ParsedSection } from '../store/parse.js';
import { headingOfLine, htmlHeadingOfLine, listItemOfLine, nestedItemOfLine, summaryOfLine } from '../store/scan.js';
import type { Edit } from './apply.js';
import { bulletLines, bulletMarker, DEFAULT_VENUE_STYLE, itemPrefix, nestedBullet, detectStyle, detectVenueStyle, formatHeading, type EntryFields } from './entry-text.js';
import { afterLastContent, blankLinesBefore, eolAt, insertionText, mostCommon } from './layout.js';
import { UsageError } from '../errors.js';
import { columnsOf, headerAbove, isTableRow, newRow, notesColumn } from '../store/table.js';

export interface AddRequest {
  fields: EntryFields;
  notes: readonly string[];
  /** The `##` heading the entry goes under; with `create`, a new section at the end of the file. */
  section: { title: string; create: boolean };
}

export interface FileGaps {
  /** Blank lines between an entry's last content and the next `###`. */
  entry: number;
  /** Blank lines between a `##` line and its first `###`. */
  head: number;
  /** Blank lines before a `##` line. */
  section: number;
}

/** A file to plan on: parsed whole, or as a view that reads its entries one at a time. */
export type PlanFile = ParsedFile | FileView;

const viewOfPlan = (file: PlanFile): FileView => ('chunk' in file.entries ? (file as FileView) : viewOf(file as ParsedFile));

const indexes = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** How many blank lines this file puts between things (the most common count; 1 where it shows none). */
export function fileGaps(file: PlanFile, text: string, sectionTitle?: string): FileGaps {
  const view = viewOfPlan(file);
  const { entries, sections } = view;
  // Between adjacent entries: those of the section when it has two, else the whole file's.
  const entryGaps = (list: readonly number[]): number[] =>
    list.flatMap((e, k) => (k > 0 && entries.end(list[k - 1]!) === entries.start(e) ? [blankLinesBefore(text, entries.start(e)) ?? 0] : []));
  const all = indexes(entries.length);
  const inSection = sectionTitle === undefined ? [] : entryGaps(all.filter((i) => entries.section(i) === sectionTitle));
  const entry = inSection.length ? inSection : entryGaps(all);
  const head: number[] = [];
  const section: number[] = [];
  for (const s of sections) {
    const before = blankLinesBefore(text, s.range.start);
    if (before !== null) section.push(before);
    // The section's first entry, when only blank lines separate it from the `##` line.
    const first = firstAtOrAfter(entries.length, entries.start, s.heading.end);
    if (first < entries.length && entries.start(first) < s.range.end && text.slice(s.heading.end, entries.start(first)).trim() === '') {
      head.push(blankLinesBefore(text, entries.start(first)) ?? 0);
    }
  }
  return { entry: mostCommon(entry, 1), head: mostCommon(head, 1), section: mostCommon(section, 1) };
}

/** Index of the first of `n` entries (in text order) starting at or after `offset`. */
function firstAtOrAfter(n: number, startOf: (i: number) => number, offset: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const blanks = (n: number): string[] => Array.from({ length: n }, () => '');

/**
 * How many of the file's last headings show its style: the recent habit (a digest kept for years
 * drifts), and cheap on a big digest, where each is read and its heading parsed again.
 */
const STYLE_SAMPLE = 200;

/** A section heading's level (`##` is 2, `<h3>` is 3). */
export function sectionLevel(text: string, section: Pick<ParsedSection, 'heading'>): number {
  const line = text.slice(section.heading.start, section.heading.end).replace(/^\uFEFF/, '');
  return (headingOfLine(line) ?? htmlHeadingOfLine(line))?.level ?? 2;
}

/** The level a new section gets: one above `##`-style entries, else that of the sections holding the file's entries (`##`). */
export function newSectionLevel(file: PlanFile, text: string): number {
  const view = viewOfPlan(file);
  const { at } = view.info.entries;
  if ('heading' in at) return Math.max(1, at.heading - 1);
  const used = new Set(indexes(view.entries.length).map((i) => view.entries.section(i)));
  const levels = view.sections.filter((s) => used.has(s.title)).map((s) => sectionLevel(text, s));
  return mostCommon(levels, 2);
}

/** The text of an entry's heading line after its marker (`### `, `- `). */
export function entryHeadingText(line: string): string {
  return (headingOfLine(line) ?? htmlHeadingOfLine(line) ?? listItemOfLine(line) ?? nestedItemOfLine(line))?.raw ?? line;
}

/**
 * A new list-item entry's first line's start and its notes' bullets, as those of the entry it will
 * follow (the section's last, else the file's): its indentation and marker, the next number after a
 * numbered one (`3.` after `2.`), its notes nested as that entry's are (else as those of the nearest
 * entries at that depth).
 */
function itemLayout(view: FileView, text: string, at: number | undefined): { prefix: string; notes: { indent: string; marker: string } } {
  const after = at === undefined ? undefined : view.entries.entry(at);
  const item = after && itemPrefix(text.slice(after.heading.start, after.heading.rawOffset));
  if (!item || at === undefined) return { prefix: '- ', notes: { indent: '  ', marker: '-' } };
  const prefix = `${item.indent}${item.number === null ? item.marker : `${item.number + 1}${item.marker.slice(-1)}`} `;
  // The nearest entries before it first (its own group and section), then those after it.
  const { entries } = view;
  const near = [...entriesOf(entries, Math.max(0, at - STYLE_SAMPLE), at).reverse(), ...entriesOf(entries, at + 1, Math.min(entries.length, at + 1 + STYLE_SAMPLE))];
  const peers = near.filter((e) => itemPrefix(text.slice(e.heading.start, e.heading.rawOffset))?.indent === item.indent);
  const bodies = [after, ...peers].map((e) => text.slice(e.body.start, e.body.end));
  return { prefix, notes: nestedBullet(bodies, itemPrefix(prefix)!) };
}

/** The position of the section's last entry in this file (where a list item is added after it). */
function lastEntryOf(view: FileView, section: ParsedSection | undefined): number | undefined {
  if (!section) return undefined;
  const { entries } = view;
  const k = firstAtOrAfter(entries.length, entries.start, section.range.end) - 1;
  return k >= 0 && entries.start(k) >= section.range.start ? k : undefined;
}

/** The last entry of the file, if any. */
const lastOfFile = (view: FileView): number | undefined => (view.entries.length ? view.entries.length - 1 : undefined);

/**
 * The new entry's lines: its heading in the style of the file's recent headings (where the venue
 * goes, its brackets, how its year is written), as a heading of the file's entry level or as a list
 * item, then one bullet per note with the marker the section uses (else the file), nested under a
 * list item.
 */
export function newEntryLines(file: PlanFile, text: string, request: Pick<AddRequest, 'fields' | 'notes' | 'section'>, isVenue: (name: string) => boolean = () => false): string[] {
  const view = viewOfPlan(file);
  const { entries } = view;
  const raws = entriesOf(entries, Math.max(0, entries.length - STYLE_SAMPLE)).map((e) => e.heading.raw);
  const style = detectStyle(raws);
  const venueStyle = detectVenueStyle(raws, isVenue);
  // Ours counts full years in `'YYYY` groups only; another dialect's years are counted wherever they are.
  // NOTE: in ours (`Title[Venue'YY]`) the year is written `'YY` or `'YYYY` as it always was, whatever other groups do.
  const ours = venueStyle.venueAt === 'after' && (venueStyle.bracket === '[' || venueStyle.bracket === '【');
  if (!ours && venueStyle.fullYear !== null) style.fullYear = venueStyle.fullYear;
  const heading = formatHeading(request.fields, style, ours ? { ...DEFAULT_VENUE_STYLE, bracket: '[' } : venueStyle);
  const { at } = view.info.entries;
  const section = request.section.create ? undefined : view.sections.filter((s) => s.title === request.section.title).at(-1);
  const table = tableOf(view, text, section);
  if (table) return tableLines(table, request);
  const lastAt = lastEntryOf(view, section);
  const last = lastAt === undefined ? undefined : entries.entry(lastAt);
  const lastLine = last ? text.slice(last.heading.start, last.heading.end) : '';
  // A section whose papers are list items (in a digest of list items, or its own list in one of headings) gets one more.
  if ('bullets' in at || (last && itemPrefix(text.slice(last.heading.start, last.heading.rawOffset)))) {
    const { prefix, notes } = itemLayout(view, text, lastAt ?? lastOfFile(view));
    return [`${prefix}${heading}`, ...bulletLines(request.notes, notes.marker).map((l) => notes.indent + l)];
  }
  const marker = (section && bulletMarker(text.slice(section.range.start, section.range.end))) ?? bulletMarker(text) ?? '-';
  // A section of collapsible blocks gets one more: `<details>`, its `<summary>`, the notes, `</details>`.
  if (last && summaryOfLine(lastLine)) {
    return ['<details>', `<summary>${heading}</summary>`, ...(request.notes.length ? ['', ...bulletLines(request.notes, marker), ''] : []), '</details>'];
  }
  // At the level of the section's papers (`####` under a group of them), else the file's.
  const level = headingOfLine(lastLine.replace(/^\uFEFF/, ''))?.level ?? at.heading;
  return [`${'#'.repeat(level)} ${heading}`, ...bulletLines(request.notes, marker)];
}

/**
 * The table a new entry goes into as a row: the header of the section's last entry's table when that
 * is a row, or, in a section without entries of a file whose last entry is a row, that table's header
 * and delimiter rows for a new table.
 */
function tableOf(view: FileView, text: string, section: ParsedSection | undefined): { header: string; delimiter: string | null } | null {
  const last = lastEntryOf(view, section);
  const at = last ?? lastOfFile(view);
  const entry = at === undefined ? undefined : view.entries.entry(at);
  const table = entry && isTableRow(text.slice(entry.heading.start, entry.heading.end)) ? headerAbove(text, entry.heading.start) : null;
  if (!table) return null;
  // A row under the section's table; in a section without entries, a new table like the file's last.
  return last !== undefined ? { header: table.header, delimiter: null } : table;
}

/** A new entry as a table row (after the header and delimiter rows of a new table); its notes go in the notes column. */
function tableLines(table: { header: string; delimiter: string | null }, request: Pick<AddRequest, 'fields' | 'notes'>): string[] {
  const { fields } = request;
  if (fields.orgs.length) throw new UsageError('--org: the entries of this section are rows of a table, which has no column for organisations', 'nothing was added; leave out --org, or add the organisations by hand');
  const columns = columnsOf(table.header)!;
  const refuse = (option: string, what: string): never => {
    throw new UsageError(`${option}: the entries of this section are rows of a table, which has no column for ${what}`, `nothing was added; leave out ${option}, or add a column to the table`);
  };
  if (fields.venue !== null && columns.venue < 0) refuse('--venue', 'the venue');
  if (fields.year !== null && columns.year < 0 && columns.venue < 0) refuse('--year', 'the year');
  if (request.notes.length && notesColumn(table.header) < 0) refuse('--note', 'notes');
  if (/[|]/.test(fields.title) || (fields.alias ?? '').includes('|')) throw new UsageError('--title: a title in a table cannot hold "|"', 'nothing was added; reword it');
  const row = newRow(table.header, { title: rowTitle(fields), venue: fields.venue ?? '', year: fields.year === null ? '' : String(fields.year) }, request.notes);
  if (row === null) throw new Error('tableLines: the header names no title column');
  return table.delimiter === null ? [row] : [table.header, table.delimiter, row];
}

/**
 * What new entry lines will read back as: the text of their heading (a row's title cell, a block's
 * summary) and their notes. `fields` gives a row's title cell, which holds the title and alias only.
 */
export function entryReadBack(lines: readonly string[], fields: EntryFields): { heading: string; notes: string; row: boolean } {
  if (isTableRow(lines[0]!)) return { heading: rowTitle(fields), notes: '', row: true };
  if (isDetailsBlock(lines)) return { heading: summaryOfLine(lines[1]!)!.raw, notes: lines.slice(2, -1).filter((l) => l !== '').join('\n'), row: false };
  return { heading: entryHeadingText(lines[0]!), notes: lines.slice(1).join('\n'), row: false };
}

function isDetailsBlock(lines: readonly string[]): boolean {
  return lines[0] === '<details>' && lines.at(-1) === '</details>' && lines.length >= 3 && summaryOfLine(lines[1]!) !== null;
}

/** Whether a new entry's first line is a list item (it follows the section's last item). */
function isItemLine(line: string): boolean {
  return listItemOfLine(line) !== null || nestedItemOfLine(line) !== null;
}

/** A new row's title cell: the title, then the alias in parentheses. */
export function rowTitle(fields: Pick<EntryFields, 'title' | 'alias'>): string {
  return fields.alias ? `${fields.title} (${fields.alias})` : fields.title;
}

/**
 * One insertion: after the last line with content of the section's last `##` occurrence in this file
 * (before the blank lines and comment lines, such as a directive, that lead to the next `##`), or,
 * for a new section, after the file's last line with content. Line endings are those of the line the block follows (else the file's usual one);
 * nothing else changes, not even a missing final newline.
 */
export function planAdd(file: PlanFile, text: string, request: AddRequest, entryLines = newEntryLines(file, text, request)): Edit[] {
  const view = viewOfPlan(file);
  const { eol } = view.info;
  const gaps = fileGaps(view, text, request.section.create ? undefined : request.section.title);

  if (request.section.create) {
    // A file of nothing but comments keeps them first.
    const point = afterLastContent(text, 0, text.length) ?? afterLastContent(text, 0, text.length, 'content');
    const lines = [`${'#'.repeat(newSectionLevel(view, text))} ${request.section.title}`, ...blanks(gaps.head), ...entryLines];
    if (!point) {
      // Nothing but blank lines (or nothing): start at the top, after a BOM.
      const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      return [{ start: at, end: at, text: insertionText(lines, eol, { needsEol: false }) }];
    }
    return [{ start: point.at, end: point.at, text: insertionText([...blanks(gaps.section), ...lines], eolAt(text, point, eol), point) }];
  }

  const sections = view.sections.filter((s) => s.title === request.section.title);
  const section = sections.at(-1);
  if (!section) throw new Error(`planAdd: no section "${request.section.title}" in ${view.info.file}`);
  // After the section's last entry, before what closes it (a footer, comment lines); a list item right after the last item.
  // A table row goes right under the table's last row; a collapsible block after the last one's `</details>`.
  const row = isTableRow(entryLines[0]!) && entryLines.length === 1;
  const block = isDetailsBlock(entryLines);
  const item = !row && !block && isItemLine(entryLines[0]!);
  const lastAt = 'bullets' in view.info.entries.at || row || block || item ? lastEntryOf(view, section) : undefined;
  const last = lastAt === undefined ? undefined : view.entries.entry(lastAt);
  const closing = block && last ? text.indexOf('\n', last.range.end) : -1;
  const point = block && last
    ? afterLastContent(text, last.range.start, closing < 0 ? text.length : closing + 1)!
    : ((last && afterLastContent(text, last.range.start, last.range.end)) ?? afterLastContent(text, section.range.start, section.range.end)!);
  // An empty section: the entry follows the `##` line as first entries do in this file.
  const emptySection = text.slice(section.heading.end, point.at).trim() === '';
  const gap = row ? 0 : emptySection ? gaps.head : gaps.entry;
  return [{ start: point.at, end: point.at, text: insertionText([...blanks(gap), ...entryLines], eolAt(text, point, eol), point) }];
}
