// Small text helpers shared by the store, search and lint: folding, keys and edit distance.

// NOTE: ASCII text skips normalisation and the Unicode-property pattern, which are slow and change
// nothing there; search folds and keys every title of the store.
const ASCII = /^[\x00-\x7f]*$/;

/** NFKC, lower case, diacritics removed: the form two strings are compared in. */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFKC').toLowerCase();
}

/** A comparison key: folded, with everything but letters and digits removed (`Neur-IPS` -> `neurips`). */
export function keyOf(text: string): string {
  // Most titles are ASCII: folded, they are only lower-cased.
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const folded = foldText(text);
  return ASCII.test(folded) ? folded.replace(/[^a-z0-9]+/g, '') : folded.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein where a transposition of two
 * neighbours counts as one edit), or `limit + 1` as soon as it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** The candidate nearest to `name` (case-insensitive) within `limit` edits, for "did you mean"; null when none is. */
export function nearestName(name: string, candidates: Iterable<string>, limit = 2): string | null {
  let best: string | null = null;
  let bestDistance = limit + 1;
  const wanted = name.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(wanted, c.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** How many edits a name of this length may have and still count as a misspelling of it. */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 4) return 1;
  return 2;
}

/** A readable, URL-safe slug: folded, letters (any script) and digits joined by `-`. */
export function slugify(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  }
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
