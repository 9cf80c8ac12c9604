// planNote: bullets appended to an existing entry's body, after its last line with content. Pure.
import type { ParsedEntry, ParsedFile } from '../store/parse.js';
import type { Edit } from './apply.js';
import { bulletLines, bulletMarker } from './entry-text.js';
import { afterLastContent, eolAt, insertionText } from './layout.js';

/** The bullet lines for these notes, with the marker the entry's own bullets use, else the file's, else `-`. */
export function noteLines(text: string, entry: ParsedEntry, notes: readonly string[]): string[] {
  const marker = bulletMarker(text.slice(entry.body.start, entry.body.end)) ?? bulletMarker(text) ?? '-';
  return bulletLines(notes, marker);
}

/**
 * One insertion right after the entry's last line with content (its heading line for a stub), so the
 * blank lines and comment lines (a directive for the next entry) that separate it from the next entry
 * stay after the new bullets.
 */
export function planNote(file: ParsedFile, text: string, entry: ParsedEntry, notes: readonly string[]): Edit[] {
  const point = afterLastContent(text, entry.range.start, entry.range.end)!;
  return [{ start: point.at, end: point.at, text: insertionText(noteLines(text, entry, notes), eolAt(text, point, file.info.eol), point) }];
}
