// planNote: bullets appended to an existing entry's body, after its last line with content. Pure.
import type { ParsedEntry, ParsedFile } from '../store/parse.js';
import type { Edit } from './apply.js';
import { bulletLines, bulletMarker, itemPrefix, nestedBullet } from './entry-text.js';
import { afterLastContent, eolAt, insertionText } from './layout.js';

/**
 * The bullet lines for these notes, with the marker the entry's own bullets use, else the file's, else
 * `-`; nested under a list-item entry.
 */
export function noteLines(text: string, entry: ParsedEntry, notes: readonly string[]): string[] {
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
  const point = afterLastContent(text, entry.range.start, entry.range.end)!;
  return [{ start: point.at, end: point.at, text: insertionText(noteLines(text, entry, notes), eolAt(text, point, file.info.eol), point) }];
}
