// Fingerprints of a notes file's parts, kept with its store: the byte range and CRC-32 of each chunk's
// heading line, of its body and of what lies between chunks. After an edit, the one part that
// changed is found from the new bytes alone (each part compared in place from the start, and moved
// by the change in size from the end), so an edit of one entry's notes is decoded and split on its
// own (store/splice.ts) instead of the whole file. UTF-8 files only.
import * as z from 'zod/mini';
import { Int32Schema } from '../store/columns.js';
import { countFeeds, spliceCuts, type SpliceFacts } from '../store/splice.js';
import { crc32 } from './hash.js';

export const FileSegmentsSchema = z.object({
  /** Byte offsets where the parts start, then the file's size: part s is bytes[bounds[s] .. bounds[s + 1]]. */
  bounds: Int32Schema,
  crcs: Int32Schema,
  /** Line feeds before each bound. */
  feeds: Int32Schema,
  /** For a part that is a chunk's body, that chunk's position in the file; else -1. */
  bodies: Int32Schema,
  facts: z.object({ itemsRead: z.boolean(), definitions: z.boolean(), cr: z.boolean() }),
});
export type FileSegments = z.infer<typeof FileSegmentsSchema>;

/** Whether the parts of a fingerprint fit together (what the schema of its arrays alone cannot say). */
export function segmentsAreWhole(s: FileSegments): boolean {
  const m = s.crcs.length;
  if (s.bounds.length !== m + 1 || s.feeds.length !== m + 1 || s.bodies.length !== m || s.bounds[0] !== 0) return false;
  for (let i = 0; i < m; i++) if (s.bounds[i + 1]! < s.bounds[i]! || s.feeds[i + 1]! < s.feeds[i]!) return false;
  return true;
}

/** CRC-32 of one part, as the Int32Array of a fingerprint holds it. */
function partCrc(data: Uint8Array): number {
  return crc32(data) | 0;
}

/** The fingerprint of a file read as UTF-8 (`text` decoded from `bytes`), cut around its chunks. */
export function segmentsOf(text: string, bytes: Uint8Array, chunks: ReadonlyArray<{ offset: number; length: number }>, facts: SpliceFacts): FileSegments {
  const { cuts, bodies } = spliceCuts(text, chunks);
  const m = cuts.length - 1;
  const out: FileSegments = { bounds: new Int32Array(m + 1), crcs: new Int32Array(m), feeds: new Int32Array(m + 1), bodies: new Int32Array(m).fill(-1), facts };
  measure(out, text, bytes, cuts, 0, m);
  for (const [s, k] of bodies) out.bodies[s] = k;
  return out;
}

/** Measures parts `from` up to `to` (their bounds in bytes, CRCs and line feeds), from where part `from` starts in `out`. */
function measure(out: FileSegments, text: string, bytes: Uint8Array, cuts: readonly number[], from: number, to: number): void {
  let at = out.bounds[from]!;
  let feeds = out.feeds[from]!;
  for (let s = from; s < to; s++) {
    const size = Buffer.byteLength(text.slice(cuts[s]!, cuts[s + 1]!), 'utf8');
    out.crcs[s] = partCrc(bytes.subarray(at, at + size));
    feeds += countFeeds(text, cuts[s]!, cuts[s + 1]!);
    at += size;
    out.bounds[s + 1] = at;
    out.feeds[s + 1] = feeds;
  }
}

/** The one chunk body an edit changed: its part, its chunk, and its bytes now. */
export interface ChangedBody {
  part: number;
  chunk: number;
  /** Its heading line's bytes (unchanged) and its body's bytes now. */
  heading: Uint8Array;
  body: Uint8Array;
}

/**
 * The chunk body that holds every difference between the file the fingerprint was made of and
 * `bytes`, or null when the change is elsewhere (or in more than one part).
 */
export function changedBody(seg: FileSegments, bytes: Uint8Array): ChangedBody | null {
  const { bounds, crcs } = seg;
  const m = crcs.length;
  const delta = bytes.length - bounds[m]!;
  // Parts before `first` are the same in place; parts after `last`, moved by the change in size.
  let first = 0;
  while (first < m && bounds[first + 1]! <= bytes.length && partCrc(bytes.subarray(bounds[first]!, bounds[first + 1]!)) === crcs[first]) first++;
  let last = m - 1;
  while (last >= 0 && bounds[last]! + delta >= 0 && partCrc(bytes.subarray(bounds[last]! + delta, bounds[last + 1]! + delta)) === crcs[last]) last--;
  if (first === m && delta === 0) return null;
  // Any part from `last` to `first` may hold the change alone; the first that is a body does.
  for (let s = Math.max(0, last); s <= Math.min(first, m - 1); s++) {
    const chunk = seg.bodies[s]!;
    const end = bounds[s + 1]! + delta;
    if (chunk < 0 || s === 0 || end < bounds[s]!) continue;
    return { part: s, chunk, heading: bytes.subarray(bounds[s - 1]!, bounds[s]!), body: bytes.subarray(bounds[s]!, end) };
  }
  return null;
}

/** The fingerprint after part `s` became `body` (with `feeds` line feeds): the parts after it moved. */
export function withBody(seg: FileSegments, s: number, body: Uint8Array, feeds: number): FileSegments {
  const bytes = body.length - (seg.bounds[s + 1]! - seg.bounds[s]!);
  const lines = feeds - (seg.feeds[s + 1]! - seg.feeds[s]!);
  const bounds = seg.bounds.slice();
  const allFeeds = seg.feeds.slice();
  for (let j = s + 1; j < bounds.length; j++) {
    bounds[j] = bounds[j]! + bytes;
    allFeeds[j] = allFeeds[j]! + lines;
  }
  const crcs = seg.crcs.slice();
  crcs[s] = partCrc(body);
  return { bounds, crcs, feeds: allFeeds, bodies: seg.bodies, facts: seg.facts };
}

/**
 * The fingerprint of a file after an edit that left its text before `before` and from `after` on (in
 * the new text) as it was, and the chunks there with it: the parts on either side are the old ones
 * (those after moved by the change in size), only those between are measured. Made whole
 * (segmentsOf) when the old parts do not line up with the new ones.
 */
export function resegment(old: FileSegments, text: string, bytes: Uint8Array, chunks: ReadonlyArray<{ offset: number; length: number }>, facts: SpliceFacts, before: number, after: number): FileSegments {
  const whole = (): FileSegments => segmentsOf(text, bytes, chunks, facts);
  const { cuts, bodies } = spliceCuts(text, chunks);
  const m = cuts.length - 1;
  const oldM = old.crcs.length;
  // The cuts up to `before` are the old ones, in place; those from `after` on, the old ones moved.
  let head = 0;
  while (head + 1 <= m && cuts[head + 1]! <= before) head++;
  let tail = m;
  while (tail - 1 >= head && cuts[tail - 1]! >= after) tail--;
  const moved = m - oldM;
  if (head > oldM || tail - moved < head || tail - moved > oldM) return whole();
  const out: FileSegments = { bounds: new Int32Array(m + 1), crcs: new Int32Array(m), feeds: new Int32Array(m + 1), bodies: new Int32Array(m).fill(-1), facts };
  out.bounds.set(old.bounds.subarray(0, head + 1));
  out.feeds.set(old.feeds.subarray(0, head + 1));
  out.crcs.set(old.crcs.subarray(0, head));
  measure(out, text, bytes, cuts, head, tail);
  const byteShift = out.bounds[tail]! - old.bounds[tail - moved]!;
  const feedShift = out.feeds[tail]! - old.feeds[tail - moved]!;
  for (let s = tail; s < m; s++) {
    out.crcs[s] = old.crcs[s - moved]!;
    out.bounds[s + 1] = old.bounds[s + 1 - moved]! + byteShift;
    out.feeds[s + 1] = old.feeds[s + 1 - moved]! + feedShift;
  }
  // The moved parts must end where the file does; else the old parts were not these.
  if (out.bounds[m] !== bytes.length) return whole();
  for (const [s, k] of bodies) out.bodies[s] = k;
  return out;
}
