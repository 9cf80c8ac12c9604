// planAdd: where a new entry goes in one digest file and its exact text, as a single insertion. Pure.
import type { ParsedEntry, ParsedFile } from '../store/parse.js';
import type { Edit } from './apply.js';
import { bulletLines, bulletMarker, detectStyle, formatHeading, type EntryFields } from './entry-text.js';
import { afterLastContent, blankLinesBefore, eolAt, insertionText, mostCommon } from './layout.js';

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

/** How many blank lines this file puts between things (the most common count; 1 where it shows none). */
export function fileGaps(file: ParsedFile, text: string, sectionTitle?: string): FileGaps {
  const { entries, sections } = file;
  // Between adjacent entries: those of the section when it has two, else the whole file's.
  const entryGaps = (list: readonly ParsedEntry[]): number[] =>
    list.flatMap((e, i) => (i > 0 && list[i - 1]!.range.end === e.range.start ? [blankLinesBefore(text, e.range.start) ?? 0] : []));
  const inSection = sectionTitle === undefined ? [] : entryGaps(entries.filter((e) => e.section === sectionTitle));
  const entry = inSection.length ? inSection : entryGaps(entries);
  const head: number[] = [];
  const section: number[] = [];
  for (const s of sections) {
    const before = blankLinesBefore(text, s.range.start);
    if (before !== null) section.push(before);
    // The section's first entry, when only blank lines separate it from the `##` line.
    const first = entries[firstAtOrAfter(entries, s.heading.end)];
    if (first && first.range.start < s.range.end && text.slice(s.heading.end, first.range.start).trim() === '') {
      head.push(blankLinesBefore(text, first.range.start) ?? 0);
    }
  }
  return { entry: mostCommon(entry, 1), head: mostCommon(head, 1), section: mostCommon(section, 1) };
}

/** Index of the first entry starting at or after `offset` (entries are in text order). */
function firstAtOrAfter(entries: readonly ParsedEntry[], offset: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.range.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const blanks = (n: number): string[] => Array.from({ length: n }, () => '');

/** How many of the file's last headings show its style: the recent habit, and cheap on a big digest. */
const STYLE_SAMPLE = 500;

/**
 * The new entry's lines: its heading in the style of the file's recent headings, then one bullet per
 * note with the marker the section uses (else the file).
 */
export function newEntryLines(file: ParsedFile, text: string, request: Pick<AddRequest, 'fields' | 'notes' | 'section'>): string[] {
  const style = detectStyle(file.entries.slice(-STYLE_SAMPLE).map((e) => e.heading.raw));
  const section = request.section.create ? undefined : file.sections.filter((s) => s.title === request.section.title).at(-1);
  const marker = (section && bulletMarker(text.slice(section.range.start, section.range.end))) ?? bulletMarker(text) ?? '-';
  return [`### ${formatHeading(request.fields, style)}`, ...bulletLines(request.notes, marker)];
}

/**
 * One insertion: after the last line with content of the section's last `##` occurrence in this file
 * (before the blank lines and comment lines, such as a directive, that lead to the next `##`), or,
 * for a new section, after the file's last line with content. Line endings are those of the line the block follows (else the file's usual one);
 * nothing else changes, not even a missing final newline.
 */
export function planAdd(file: ParsedFile, text: string, request: AddRequest, entryLines = newEntryLines(file, text, request)): Edit[] {
  const { eol } = file.info;
  const gaps = fileGaps(file, text, request.section.create ? undefined : request.section.title);

  if (request.section.create) {
    // A file of nothing but comments keeps them first.
    const point = afterLastContent(text, 0, text.length) ?? afterLastContent(text, 0, text.length, 'content');
    const lines = [`## ${request.section.title}`, ...blanks(gaps.head), ...entryLines];
    if (!point) {
      // Nothing but blank lines (or nothing): start at the top, after a BOM.
      const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      return [{ start: at, end: at, text: insertionText(lines, eol, { needsEol: false }) }];
    }
    return [{ start: point.at, end: point.at, text: insertionText([...blanks(gaps.section), ...lines], eolAt(text, point, eol), point) }];
  }

  const sections = file.sections.filter((s) => s.title === request.section.title);
  const section = sections.at(-1);
  if (!section) throw new Error(`planAdd: no section "${request.section.title}" in ${file.info.file}`);
  const point = afterLastContent(text, section.range.start, section.range.end)!;
  // An empty section: the entry follows the `##` line as first entries do in this file.
  const emptySection = text.slice(section.heading.end, point.at).trim() === '';
  const gap = emptySection ? gaps.head : gaps.entry;
  return [{ start: point.at, end: point.at, text: insertionText([...blanks(gap), ...entryLines], eolAt(text, point, eol), point) }];
}
