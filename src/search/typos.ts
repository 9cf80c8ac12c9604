// Typo candidates for one word: fuse.js (bitap) over the vocabulary, confirmed by edit distance. Pure.
import * as lazy from '../shims/fuse.cjs';
import { editDistance } from '../store/text.js';

/**
 * Edits a search word may have and still count as a typo. Stricter than the venue registry's
 * `typoBudget`: a digest's vocabulary has thousands of words, so short words get at most one edit
 * and words of 3 letters or fewer none (`tvm` must not find "layou*tlm*").
 */
export function searchTypoBudget(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

export interface TypoCandidate {
  word: string;
  distance: number;
}

/** Words up to this length are typos only in the ways {@link isShortTypo} allows. */
export const SHORT_TYPO_LENGTH = 5;

/**
 * Whether `typed` (4 or 5 letters) is a likely typo of `word`. One changed letter turns a short word into
 * another word too easily (`grape`/`graph`, `story`/`store`, `mips`/`nips`, `batch`/`patch`), so only a
 * swap of two neighbouring letters (`donut`/`dount`), a dropped letter (`yandx`/`yandex`) or a doubled
 * letter (`kernnel`) counts, and never at the first letter.
 */
export function isShortTypo(typed: string, word: string): boolean {
  if (typed[0] !== word[0]) return false;
  if (typed.length === word.length) {
    // A swap: the words differ at exactly two neighbouring places, crosswise.
    let i = 0;
    while (i < typed.length && typed[i] === word[i]) i++;
    return i + 1 < typed.length && typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
  }
  const [short, long] = typed.length < word.length ? [typed, word] : [word, typed];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (long.slice(i + 1) !== short.slice(i)) return false;
  // A letter the typist left out, or one they typed twice.
  return long === word || long[i] === long[i - 1] || long[i] === long[i + 1];
}

/** Vocabulary words within the typo budget of `word` (optimal string alignment distance), nearest first. */
export function typoCandidates(vocabulary: readonly string[], word: string): TypoCandidate[] {
  const budget = searchTypoBudget(word.length);
  if (budget === 0) return [];
  // NOTE: one edit leaves the first letter, or the second, in place or shifted by one: a cheap
  // filter that keeps fuse to a few thousand words (two edits may escape it; typos rarely start there).
  const [a, b] = [word[0], word[1]];
  const near = vocabulary.filter(
    (w) => w !== word && Math.abs(w.length - word.length) <= budget && (w[0] === a || w[1] === b || w[1] === a || w[0] === b),
  );
  if (near.length === 0) return [];
  // NOTE: bitap counts a transposition as two edits (`donut`/`dount`), so fuse gets twice the budget
  // as a loose first pass and the optimal string alignment distance decides.
  const Fuse = lazy.Fuse();
  const fuse = new Fuse(near, {
    threshold: Math.min(0.6, (2 * budget + 0.5) / word.length),
    ignoreLocation: true,
    ignoreFieldNorm: true,
    isCaseSensitive: true,
    includeScore: true,
    shouldSort: false,
  });
  const out: TypoCandidate[] = [];
  const short = word.length <= SHORT_TYPO_LENGTH;
  for (const r of fuse.search(word)) {
    if (short && !isShortTypo(word, r.item)) continue;
    const distance = editDistance(word, r.item, budget);
    if (distance <= budget) out.push({ word: r.item, distance });
  }
  return out.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1));
}
