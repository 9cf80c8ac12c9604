// planAdd: where a new entry goes in one digest file and its exact text, as a single insertion. Pure.
import type { ParsedFile } from '../store/parse.js';
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
  const items = [
    ...file.sections.map((s) => ({ kind: 'section' as const, start: s.range.start, end: s.heading.end, title: s.title })),
    ...file.entries.map((e) => ({ kind: 'entry' as const, start: e.range.start, end: e.range.end, title: e.section })),
  ].sort((a, b) => a.start - b.start);
  const entry: number[] = [];
  const inSection: number[] = [];
  const head: number[] = [];
  const section: number[] = [];
  items.forEach((item, i) => {
    const prev = items[i - 1];
    const gap = blankLinesBefore(text, item.start);
    if (gap === null || !prev) return;
    if (item.kind === 'section') section.push(gap);
    else if (prev.kind === 'entry' && prev.end === item.start) {
      entry.push(gap);
      if (sectionTitle !== undefined && item.title === sectionTitle) inSection.push(gap);
    } else if (prev.kind === 'section' && text.slice(prev.end, item.start).trim() === '') head.push(gap);
  });
  return {
    entry: inSection.length ? mostCommon(inSection, 1) : mostCommon(entry, 1),
    head: mostCommon(head, 1),
    section: mostCommon(section, 1),
  };
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
 * (before the blank lines that lead to the next `##`), or, for a new section, after the file's last
 * line with content. Line endings are those of the line the block follows (else the file's usual one);
 * nothing else changes, not even a missing final newline.
 */
export function planAdd(file: ParsedFile, text: string, request: AddRequest, entryLines = newEntryLines(file, text, request)): Edit[] {
  const { eol } = file.info;
  const gaps = fileGaps(file, text, request.section.create ? undefined : request.section.title);

  if (request.section.create) {
    const point = afterLastContent(text, 0, text.length);
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
