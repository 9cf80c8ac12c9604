// Columns of strings for caches: many strings stored end to end with their end offsets, read one at a time. Pure.

/**
 * Strings stored end to end: string `i` runs from `ends[i - 1]` (0 for the first) to `ends[i]`. A
 * column of 100k strings loads as one string and one array of numbers, not 100k objects.
 */
export interface StringColumn {
  joined: string;
  ends: ArrayLike<number>;
}

export function stringColumn(strings: readonly string[]): StringColumn {
  const ends = new Int32Array(strings.length);
  let at = 0;
  strings.forEach((s, i) => (ends[i] = at += s.length));
  return { joined: strings.join(''), ends };
}

/**
 * Strings stored end to end as UTF-8: half the size of a joined string for Latin text once any string
 * holds a Chinese character (a JS string is then two bytes a character throughout). For fields read
 * one entry at a time.
 */
export interface ByteColumn {
  bytes: Uint8Array;
  ends: ArrayLike<number>;
}

let encoder: InstanceType<typeof TextEncoder> | undefined;
let decoder: InstanceType<typeof TextDecoder> | undefined;

export function byteColumn(strings: readonly string[]): ByteColumn {
  encoder ??= new TextEncoder();
  const parts = strings.map((s) => encoder!.encode(s));
  const ends = new Int32Array(strings.length);
  let at = 0;
  parts.forEach((p, i) => (ends[i] = at += p.length));
  const bytes = new Uint8Array(at);
  parts.forEach((p, i) => bytes.set(p, i === 0 ? 0 : ends[i - 1]!));
  return { bytes, ends };
}

export function byteColumnAt(column: ByteColumn, i: number): string {
  decoder ??= new TextDecoder();
  return decoder.decode(column.bytes.subarray(i === 0 ? 0 : column.ends[i - 1]!, column.ends[i]!));
}

export function columnStart(column: StringColumn, i: number): number {
  return i === 0 ? 0 : column.ends[i - 1]!;
}

export function columnAt(column: StringColumn, i: number): string {
  return column.joined.slice(columnStart(column, i), column.ends[i]);
}

/** The string holding offset `at` of the joined text: the first whose end is past it. */
function columnIndexOf(column: StringColumn, at: number): number {
  let lo = 0;
  let hi = column.ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (column.ends[mid]! > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Calls `found(i)` once for each string of the column that holds `term`, in order, never for a match
 * that runs across two strings; stops when `found` returns true.
 */
export function eachHolding(column: StringColumn, term: string, found: (i: number) => boolean | void): void {
  const { joined, ends } = column;
  if (!term) return;
  for (let at = joined.indexOf(term); at >= 0; ) {
    const i = columnIndexOf(column, at);
    if (at + term.length <= ends[i]!) {
      if (found(i) === true) return;
      at = joined.indexOf(term, ends[i]!);
    } else at = joined.indexOf(term, at + 1);
  }
}

