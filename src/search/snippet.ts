// Where to show a hit: the best-matching note line and the highlighted ranges in it and in the title. Pure.
import type { Entry } from '../store/schema.js';
import { foldText } from '../store/text.js';
import { foldWithMap, isWordCodeAt, isWordText } from './normalize.js';
import type { ParsedQuery } from './query.js';
import { allowsInside, allowsPrefix, charPairs, wordForms, type SearchHit } from './search.js';

export interface Highlight {
  /** Offsets into the text (UTF-16 code units), half-open. */
  start: number;
  end: number;
}

export interface Snippet {
  /** The note line's number in its file, 1-based. */
  line: number;
  /** The line without its indentation and list marker. */
  text: string;
  highlights: Highlight[];
}

/**
 * What to look for in a line: `word` a whole word, `prefix` the start of a word, `any` anywhere,
 * `joined` words joined by hyphens (`all-reduce` for `allreduce`).
 */
export interface Needle {
  /** The query term it stands for. */
  term: string;
  text: string;
  mode: 'word' | 'prefix' | 'any' | 'joined';
}

/** The needles for a hit: each term's forms, and the corrected words of its typo matches. */
export function needlesFor(query: ParsedQuery, hit: SearchHit): Needle[] {
  const out: Needle[] = [];
  for (const t of query.terms) {
    if (t.cjk) {
      out.push({ term: t.text, text: t.text, mode: 'any' });
      if (hit.matches.some((m) => m.term === t.text && m.kind === 'typo')) {
        for (const p of charPairs(t.text)) out.push({ term: t.text, text: p, mode: 'any' });
      }
      continue;
    }
    for (const f of wordForms(t.text)) out.push({ term: t.text, text: f, mode: 'word' });
    if (t.text.length >= 4) out.push({ term: t.text, text: t.text, mode: 'joined' });
    if (allowsPrefix(t.text, 'notes')) out.push({ term: t.text, text: t.text, mode: 'prefix' });
    if (allowsInside(t.text)) out.push({ term: t.text, text: t.text, mode: 'any' });
  }
  for (const m of hit.matches) {
    if ((m.kind === 'typo' || m.kind === 'stem') && m.word !== null) out.push({ term: m.term, text: m.word, mode: 'word' });
    // The Chinese a pinyin term stands for (`量化` for lianghua).
    if (m.kind === 'pinyin' && m.word !== null) out.push({ term: m.term, text: m.word, mode: 'any' });
  }
  return out;
}

/** Whether `needle` occurs at `at` with no word character right before it (and, for `word`, none right after). */
function atWordStart(folded: string, at: number): boolean {
  return at === 0 || !isWordCodeAt(folded, at - 1);
}

/**
 * Where a needle matches already folded text. NOTE: each mode is one `indexOf` (or one regular
 * expression) scan with a look at the characters around each occurrence, never a token list of the
 * text: a note line can be megabytes long.
 */
function findFolded(folded: string, needle: Needle): Highlight[] {
  const out: Highlight[] = [];
  const n = needle.text.length;
  if (n === 0) return out;
  if (needle.mode === 'any') {
    for (let i = folded.indexOf(needle.text); i >= 0; i = folded.indexOf(needle.text, i + n)) out.push({ start: i, end: i + n });
    return out;
  }
  // A word is a run of word characters: a needle holding another character is no word of any text.
  if (!isWordText(needle.text)) return out;
  if (needle.mode === 'joined') {
    // The needle's characters with one `-` allowed between any two (`all-reduce` for `allreduce`):
    // whole words joined by single hyphens, at least one.
    const pattern = joinedPattern(needle.text);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].includes('-') && atWordStart(folded, start) && (end === folded.length || !isWordCodeAt(folded, end))) out.push({ start, end });
      // NOTE: the next try starts one character on: an occurrence refused for its neighbours may hide a good one.
      pattern.lastIndex = start + 1;
    }
    return out;
  }
  for (let i = folded.indexOf(needle.text); i >= 0; i = folded.indexOf(needle.text, i + 1)) {
    if (!atWordStart(folded, i)) continue;
    if (needle.mode === 'word' && i + n < folded.length && isWordCodeAt(folded, i + n)) continue;
    out.push({ start: i, end: i + n });
  }
  return out;
}

const joinedPatterns = new Map<string, RegExp>();

function joinedPattern(word: string): RegExp {
  let pattern = joinedPatterns.get(word);
  if (!pattern) {
    // NOTE: no escaping: the word is letters, digits and marks only (isWordText).
    pattern = new RegExp([...word].join('-?'), 'gu');
    joinedPatterns.set(word, pattern);
  }
  return pattern;
}

function merge(ranges: Highlight[]): Highlight[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Highlight[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The ranges of `text` (original offsets) that the needles match, merged, in order. */
export function highlightText(text: string, needles: readonly Needle[]): Highlight[] {
  const f = foldWithMap(text);
  const ranges = needles.flatMap((n) => findFolded(f.folded, n));
  return merge(ranges).map((r) => ({ start: f.map[r.start]!, end: f.map[r.end]! }));
}

/** How many distinct terms a line matches. */
function termsIn(line: string, needles: readonly Needle[]): number {
  const folded = foldText(line);
  let unhyphenated: string | undefined;
  const possible = needles.filter((n) => (n.mode === 'joined' ? (unhyphenated ??= folded.replaceAll('-', '')).includes(n.text) : folded.includes(n.text)));
  if (possible.length === 0) return 0;
  const terms = new Set<string>();
  for (const n of possible) if (!terms.has(n.term) && findFolded(folded, n).length) terms.add(n.term);
  return terms.size;
}

const LEAD = /^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)*/;

/** The note line matching the most terms (the first of equals), or null when no note line matches. */
export function bestNoteLine(entry: Entry, needles: readonly Needle[]): Snippet | null {
  if (!entry.notes) return null;
  const lines = entry.notes.split('\n');
  const first = entry.endLine - lines.length + 1;
  let best = -1;
  let bestCount = 0;
  lines.forEach((line, i) => {
    const n = termsIn(line, needles);
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  });
  if (best < 0) return null;
  const raw = lines[best]!;
  const lead = LEAD.exec(raw)![0].length;
  const text = raw.slice(lead).trimEnd();
  return { line: first + best, text, highlights: highlightText(text, needles) };
}

export interface SearchResult {
  /** 1-based rank. */
  rank: number;
  entry: Entry;
  hit: SearchHit;
  /** Ranges of the title that matched. */
  titleHighlights: Highlight[];
  snippet: Snippet | null;
}

/** Titles, snippets and highlights for ranked hits (call it on the hits to show, not on all of them). */
export function describeHits(entries: readonly Entry[], query: ParsedQuery, hits: readonly SearchHit[]): SearchResult[] {
  return hits.map((hit, i) => {
    const entry = entries[hit.index]!;
    const needles = needlesFor(query, hit);
    return {
      rank: i + 1,
      entry,
      hit,
      titleHighlights: needles.length ? highlightText(entry.title, needles) : [],
      snippet: needles.length ? bestNoteLine(entry, needles) : null,
    };
  });
}
