// planNote: bullets appended to an existing entry's body, after its last line with content (a table row's: to its notes cell). Pure.
import type { ParsedEntry, ParsedFile } from '../store/parse.js';
import type { Edit } from './apply.js';
import { bulletLines, bulletMarker, itemPrefix, nestedBullet } from './entry-text.js';
import { afterLastContent, eolAt, insertionText } from './layout.js';
import { UsageError } from '../errors.js';
import { cellsOf, cellText, headerAbove, isTableRow, notesColumn } from '../store/table.js';

/** Where notes go in a table row's entry (the end of its notes cell, and whether that is empty); null for any other entry. */
function rowNotes(text: string, entry: ParsedEntry): { at: number; empty: boolean } | null {
  const line = text.slice(entry.heading.start, entry.heading.end);
  if (!isTableRow(line)) return null;
  const table = headerAbove(text, entry.heading.start);
  const column = table === null ? -1 : notesColumn(table.header);
  const cell = column >= 0 ? cellsOf(line)[column] : undefined;
  if (!cell) throw new UsageError(`"${entry.title}" is a row of a table with no column for notes (${entry.file}:${entry.line})`, 'add a Notes column to the table, or write the note by hand');
  return { at: entry.heading.start + cell.start + cell.text.length, empty: cell.text === '' };
}

/**
 * The bullet lines for these notes, with the marker the entry's own bullets use, else the file's, else
 * `-`; nested under a list-item entry.
 */
export function noteLines(text: string, entry: ParsedEntry, notes: readonly string[]): string[] {
  // In a table row's notes cell, each note is a line of its own (`<br>` between them), as it reads back.
  if (rowNotes(text, entry)) return notes.map((n) => n.trim());
  const body = text.slice(entry.body.start, entry.body.end);
  // A paper written as a list item keeps its notes nested under it (else they would be the next items).
  const item = itemPrefix(text.slice(entry.heading.start, entry.heading.rawOffset));
  if (item) {
    const nested = nestedBullet([body], item);
    return bulletLines(notes, nested.marker).map((l) => nested.indent + l);
  }
  return bulletLines(notes, bulletMarker(body) ?? bulletMarker(text) ?? '-');
}

/**
 * One insertion right after the entry's last line with content (its heading line for a stub), so the
 * blank lines and comment lines (a directive for the next entry) that separate it from the next entry
 * stay after the new bullets.
 */
export function planNote(file: ParsedFile, text: string, entry: ParsedEntry, notes: readonly string[]): Edit[] {
  const row = rowNotes(text, entry);
  if (row) return [{ start: row.at, end: row.at, text: row.empty ? `${cellText(notes)} ` : `<br>${cellText(notes)}` }];
  const point = afterLastContent(text, entry.range.start, entry.range.end)!;
  return [{ start: point.at, end: point.at, text: insertionText(noteLines(text, entry, notes), eolAt(text, point, file.info.eol), point) }];
}

/** The line the first new note lands on: the row itself for a table row, else the line after the entry's last. */
export function firstNoteLine(text: string, entry: ParsedEntry): number {
  return rowNotes(text, entry) ? entry.line : entry.endLine + 1;
}
