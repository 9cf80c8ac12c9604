// Columns of strings: many strings stored end to end with their end offsets. A column of 100k strings
// is one string and one typed array (cheap to keep, to cache and to check), each string sliced out
// when read; one indexOf over the joined text finds every string holding a term. Pure.
import * as z from 'zod/mini';

/**
 * Strings stored end to end: string `i` runs from `ends[i - 1]` (0 for the first) to `ends[i]`. A
 * column of 100k strings loads as one string and one array of numbers, not 100k objects.
 */
export interface StringColumn {
  joined: string;
  ends: Int32Array;
}

const int32 = () => z.custom<Int32Array>((v) => v instanceof Int32Array);

/** A column as it must come back from the cache: end offsets ascending, the last within the text. */
export const StringColumnSchema = z.object({ joined: z.string(), ends: int32() }).check(
  z.refine((c) => {
    let prev = 0;
    for (let i = 0; i < c.ends.length; i++) {
      const end = c.ends[i]!;
      if (end < prev) return false;
      prev = end;
    }
    return prev <= c.joined.length;
  }),
);

/** A typed array of numbers, as a schema. */
export const Int32Schema = int32();

export function stringColumn(strings: readonly string[]): StringColumn {
  const ends = new Int32Array(strings.length);
  let at = 0;
  strings.forEach((s, i) => (ends[i] = at += s.length));
  return { joined: strings.join(''), ends };
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

