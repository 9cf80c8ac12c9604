// Splicing an edit of one entry's notes into a file's earlier split, without scanning the file again.
// Pure. The edit loop's common case: a note added, changed or removed under a heading. The split of
// the new text is the old one with that chunk's text replaced and everything after it moved, provided
// nothing the split reads elsewhere in the file changed; spliceChunk checks that, and says null when
// it cannot be sure (the caller splits the file whole).
import { isGroupHeading, isPaperHeading, LABELLED_LINES, labelledMeta } from './dialect.js';
import { sectionOfFields, type LayoutPart, type RowFields, type RowRef } from './layout.js';
import type { ChunkSource } from './parse.js';
import { headingOfLine, htmlHeadingOfLine, scanDigest, splitLines } from './scan.js';
import type { Diagnostic } from './schema.js';

/** What a file's split read from the whole file, besides its headings (see splitDigest). */
export interface SpliceFacts {
  /** The top-level list items were read (to tell where the papers are): a new or removed bullet may change that. */
  itemsRead: boolean;
  /** The file has reference definitions (`[label]: url`), which chunks read from elsewhere. */
  definitions: boolean;
  /** The file has a carriage return: its dominant line ending is counted over the whole file. */
  cr: boolean;
}

export interface SpliceInput {
  /** The file's part of the earlier layout (its chunks as rows of it). */
  part: LayoutPart;
  facts: SpliceFacts;
  /** The chunk whose body changed, as a position in `part.chunks`. */
  index: number;
  /** Its old length (characters) and its old count of line feeds. */
  length: number;
  feeds: number;
  /** Its old parse's notes: its body without blank lines at either end. */
  notes: string;
  /** Its new text: the same heading line, then the new body. */
  text: string;
  /** The new file's length in characters. */
  fileLength: number;
}

/**
 * Whether the split reads nothing in this chunk text but its own parse would: one heading (its first
 * line, not a group's), nothing left open at its end, no reference definition, no list item where the
 * file's items were read, and (for a heading without a year) no venue on a labelled line under it.
 */
function selfContained(text: string, facts: SpliceFacts, isVenue: (name: string) => boolean): boolean {
  const scan = scanDigest(text);
  if (scan.outline.length !== 1 || scan.outline[0]!.line !== 1 || scan.endsOpen || scan.problems.length || scan.definitionLines.length) return false;
  if (facts.itemsRead && scan.items.length) return false;
  const { raw } = scan.outline[0]!;
  if (isGroupHeading(raw, isVenue)) return false;
  // NOTE: the detection reads a labelled venue under a heading only when the heading has no year (dialect.ts venueBelow).
  if (isPaperHeading(raw)) return true;
  const last = Math.min(scan.lines.starts.length, 1 + LABELLED_LINES);
  return labelledMeta(text, scan.lines, 2, last, isVenue).venueRaw === null;
}

/** How many line feeds a text holds (with no carriage return, its line breaks). */
export function countFeeds(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The file's new part, chunk `index` given the new text (its fields from `fieldsOf`), or null when
 * the edit may change anything else of the split.
 */
export function spliceChunk(input: SpliceInput, isVenue: (name: string) => boolean, fieldsOf: (source: ChunkSource) => RowFields | RowRef): LayoutPart | null {
  const { part, facts, index, text } = input;
  const old = part.chunks[index];
  if (!old || facts.definitions || facts.cr || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return null;
  const start = old.offset;
  const end = start + input.length;
  const info = part.frame.info;
  // A chunk ends where the next line starts, or at the end of the file.
  if (end !== info.length && !text.endsWith('\n')) return null;
  const headingEnd = text.indexOf('\n') + 1;
  if (headingEnd === 0) return null;
  const heading = text.slice(0, headingEnd - 1);
  if (!headingOfLine(heading) && !htmlHeadingOfLine(heading)) return null;
  if (!selfContained(text, facts, isVenue) || !selfContained(`${heading}\n${input.notes}`, facts, isVenue)) return null;

  const chars = text.length - input.length;
  const feeds = countFeeds(text) - input.feeds;
  // Offsets after the chunk move by the change in its length, lines after it by that in its lines.
  const at = (offset: number): number => (offset >= end ? offset + chars : offset);
  const lineAt = (line: number): number => (line > old.line ? line + feeds : line);
  const moved = (d: Diagnostic): Diagnostic => (d.line > old.line ? { ...d, line: d.line + feeds } : d);
  const frame: LayoutPart['frame'] = {
    info: { ...info, length: input.fileLength, finalNewline: end === info.length ? text.endsWith('\n') : info.finalNewline },
    sections: part.frame.sections.map((s) => ({
      ...s,
      line: lineAt(s.line),
      heading: { raw: s.heading.raw, rawOffset: at(s.heading.rawOffset), start: at(s.heading.start), end: at(s.heading.end) },
      range: { start: at(s.range.start), end: at(s.range.end) },
    })),
    problems: part.frame.problems.map(moved),
    headingDiagnostics: part.frame.headingDiagnostics.map(moved),
  };
  const source: ChunkSource = { text, section: sectionOfFields(old.fields), definitions: '' };
  const chunks = part.chunks.map((c, k) => (k < index ? c : k === index ? { offset: start, line: old.line, fields: fieldsOf(source) } : { ...c, offset: c.offset + chars, line: c.line + feeds }));
  return { path: part.path, sha1: part.sha1, frame, chunks };
}

/**
 * Where a file may be cut for the cache to fingerprint its parts: at each chunk's start, the start of
 * its body (after its first line; an empty body is a part too, so a stub's first note is spliced) and
 * its end. `bodies`: the position in `cuts` where chunk k's body starts -> k.
 */
export function spliceCuts(text: string, chunks: ReadonlyArray<{ offset: number; length: number }>): { cuts: number[]; bodies: Map<number, number> } {
  const cuts = [0];
  const bodies = new Map<number, number>();
  chunks.forEach((c, k) => {
    const end = c.offset + c.length;
    if (c.offset < cuts.at(-1)! || end <= c.offset) return;
    if (c.offset > cuts.at(-1)!) cuts.push(c.offset);
    const eol = text.indexOf('\n', c.offset);
    const body = eol < 0 || eol + 1 > end ? end : eol + 1;
    bodies.set(cuts.length, k);
    cuts.push(body, end);
  });
  if (text.length > cuts.at(-1)!) cuts.push(text.length);
  return { cuts, bodies };
}

/** How a text with insertions splits, against the split of the text without them (see insertionWindow). */
export interface InsertionWindow {
  /** Chunks before `from` are the old ones, unmoved. */
  from: number;
  /** The old chunks from `from` up to `oldTo` became the new ones up to `newTo`; those after are the old ones, moved. */
  oldTo: number;
  newTo: number;
}

/**
 * Which chunks of a new split are chunks of the old one: the new text is the old one with `inserts`
 * made (checkInsertions checked it), so an old chunk ending at or before the first insertion keeps
 * its text and its place, and one starting at or after the last keeps its text, moved by every
 * insertion. A new chunk there with the old one's length, section and definitions is that chunk,
 * parse and all. The chunks between (around the insertions) are the window, to parse and compare.
 */
export function insertionWindow(
  old: { readonly length: number; chunk(i: number): { offset: number; length: number; section: string | null; definitions: string } },
  fresh: ReadonlyArray<{ offset: number; source: ChunkSource }>,
  inserts: ReadonlyArray<{ start: number; text: string }>,
): InsertionWindow {
  const n = old.length;
  const m = fresh.length;
  if (inserts.length === 0) return { from: 0, oldTo: n, newTo: m };
  const first = Math.min(...inserts.map((e) => e.start));
  const last = Math.max(...inserts.map((e) => e.start));
  const shift = inserts.reduce((sum, e) => sum + e.text.length, 0);
  const same = (j: number, k: number, by: number): boolean => {
    const o = old.chunk(j);
    const c = fresh[k]!;
    return c.offset === o.offset + by && c.source.text.length === o.length && c.source.section === o.section && c.source.definitions === o.definitions;
  };
  let from = 0;
  while (from < n && from < m && old.chunk(from).offset + old.chunk(from).length <= first && same(from, from, 0)) from++;
  let tail = 0;
  while (tail < n - from && tail < m - from && old.chunk(n - 1 - tail).offset >= last && same(n - 1 - tail, m - 1 - tail, shift)) tail++;
  return { from, oldTo: n - tail, newTo: m - tail };
}
