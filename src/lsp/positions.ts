// Offsets into a text <-> LSP positions (0-based line, character in UTF-16 code units), as the protocol counts.
import { lineOfOffset, splitLines, type Lines } from '../store/scan.js';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A text with its lines found once. */
export interface LineIndex {
  text: string;
  lines: Lines;
  /** A BOM the editor does not show: not counted on the first line (as lint columns do not count it). */
  bom: boolean;
}

export function lineIndex(text: string): LineIndex {
  return { text, lines: splitLines(text), bom: text.charCodeAt(0) === 0xfeff };
}

export function positionAt(index: LineIndex, offset: number): Position {
  const at = Math.max(0, Math.min(offset, index.text.length));
  const line = lineOfOffset(index.lines, at) - 1;
  const { starts, ends } = index.lines;
  // After the last line's line ending: the start of the (empty) line after it.
  if (at > ends[line]! && at === index.text.length && line === starts.length - 1) return { line: line + 1, character: 0 };
  const skip = line === 0 && index.bom ? 1 : 0;
  // Inside a line ending (between \r and \n): the end of the line.
  return { line, character: Math.max(0, Math.min(at, ends[line]!) - starts[line]! - skip) };
}

/** The offset of a position; a line or character past the end is clamped to it (as LSP asks). */
export function offsetAt(index: LineIndex, position: Position): number {
  const { starts, ends } = index.lines;
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return index.text.length;
  const skip = position.line === 0 && index.bom ? 1 : 0;
  const start = starts[position.line]! + skip;
  return Math.min(start + Math.max(0, position.character), ends[position.line]!);
}

export function rangeAt(index: LineIndex, start: number, end: number): Range {
  return { start: positionAt(index, start), end: positionAt(index, end) };
}

/** The text of a 0-based line, without its line ending. */
export function lineText(index: LineIndex, line: number): string {
  const { starts, ends } = index.lines;
  if (line < 0 || line >= starts.length) return '';
  return index.text.slice(starts[line], ends[line]);
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
