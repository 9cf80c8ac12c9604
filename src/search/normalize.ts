// Search text normalisation: folded words and CJK runs, and folding with an offset map for highlights.
import { foldText } from '../store/text.js';

// NOTE: the prolonged sound mark ー and the iteration mark 々 belong to no script of their own.
const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005]+/gu;
const CJK_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005]/u;

export interface Token {
  /** Folded text of the token. */
  text: string;
  start: number;
  end: number;
  /** A run of Han or kana: matched by substring, never as a word. */
  cjk: boolean;
}

/** True when the text holds a Han or kana character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** The words (non-CJK letter and digit runs) of already folded text, in order. */
export function wordsOf(folded: string): string[] {
  const out: string[] = [];
  forEachWord(folded, (start, end) => out.push(folded.slice(start, end)));
  return out;
}

/** Words and CJK runs of already folded text, in order, with their offsets. */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  forEachWord(folded, (start, end) => out.push({ text: folded.slice(start, end), start, end, cjk: false }));
  if (hasCjk(folded)) {
    for (const m of folded.matchAll(CJK_RUN)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length, cjk: true });
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

export interface FoldedText {
  folded: string;
  /** `map[i]` is the offset in the original text of folded character `i`; `map[folded.length]` is its length. */
  map: Int32Array;
}

/** Per BMP character: 0 not folded yet, 1 folds to itself, 2 folds to `bmpFolds.get(code)`. */
const bmpKind = new Uint8Array(0x10000);
const bmpFolds = new Map<number, string>();
/** The folds of astral characters met so far. */
const astralFolds = new Map<string, string>();

/** The fold of a BMP character, or null when it folds to itself; computed once per character. */
function foldOfCode(c: number): string | null {
  let kind = bmpKind[c]!;
  if (kind === 0) {
    const ch = String.fromCharCode(c);
    const f = foldText(ch);
    kind = bmpKind[c] = f === ch ? 1 : 2;
    if (kind === 2) bmpFolds.set(c, f);
  }
  return kind === 1 ? null : bmpFolds.get(c)!;
}

/** Folds text one code point at a time, remembering where each folded character came from. */
export function foldWithMap(text: string): FoldedText {
  // NOTE: linear in the text, and cheap per character: runs of characters that fold to themselves are
  // copied whole, each other character's fold is computed once, and the map is a typed array (a note
  // line can be megabytes).
  const n = text.length;
  const parts: string[] = [];
  // One place per code unit, and more only where a fold is longer than its character (`ﬃ` -> `ffi`).
  let map = new Int32Array(n + 1);
  let size = 0;
  let run = 0;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) {
        if (run < i) parts.push(text.slice(run, i));
        parts.push(String.fromCharCode(c + 0x20));
        run = i + 1;
      }
      map[size++] = i++;
      continue;
    }
    const next = c >= 0xd800 && c <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    const width = next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    let f: string | null;
    if (width === 1) f = foldOfCode(c);
    else {
      const ch = text.slice(i, i + 2);
      f = astralFolds.get(ch) ?? null;
      if (f === null) astralFolds.set(ch, (f = foldText(ch)));
      if (f === ch) f = null;
    }
    if (f === null) {
      // Both halves of a pair map to its start, as for any fold of one code point.
      map[size++] = i;
      if (width === 2) map[size++] = i;
      i += width;
      continue;
    }
    if (run < i) parts.push(text.slice(run, i));
    parts.push(f);
    run = i + width;
    if (size + f.length + (n - i - width) + 1 > map.length) {
      const bigger = new Int32Array(2 * map.length + f.length);
      bigger.set(map);
      map = bigger;
    }
    for (let k = 0; k < f.length; k++) map[size++] = i;
    i += width;
  }
  if (run < n) parts.push(text.slice(run));
  map[size++] = n;
  return { folded: parts.join(''), map: map.subarray(0, size) };
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;

/** True for a character of a word: a letter, mark or digit that is not Han or kana. */
function isWordCode(c: number, text: string, i: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return false;
  if (c >= 0xd800 && c <= 0xdfff) {
    // An astral character: both halves of the pair get the answer for the whole code point.
    const ch = String.fromCodePoint(text.codePointAt(c <= 0xdbff ? i : i - 1)!);
    return LETTER.test(ch) && !CJK_CHAR.test(ch);
  }
  return LETTER.test(text[i]!) && !CJK_CHAR.test(text[i]!);
}

/** True when the character at `i` of already folded text belongs to a word (a letter, mark or digit, not Han or kana). */
export function isWordCodeAt(folded: string, i: number): boolean {
  return isWordCode(folded.charCodeAt(i), folded, i);
}

/** True when the text is one word: word characters only, at least one. */
export function isWordText(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isWordCode(text.charCodeAt(i), text, i)) return false;
  return true;
}

/** Calls `onWord(start, end)` for each word of already folded text, in order. */
export function forEachWord(folded: string, onWord: (start: number, end: number) => void): void {
  // NOTE: a hand-written scan: the `v`-flag regular expression it replaces was the index's main cost.
  let start = -1;
  const n = folded.length;
  for (let i = 0; i < n; i++) {
    if (isWordCode(folded.charCodeAt(i), folded, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      onWord(start, i);
      start = -1;
    }
  }
  if (start >= 0) onWord(start, n);
}

// Longest first. NOTE: no `-er`: it would make `transformer` and `transformation` one word.
const SUFFIXES: readonly [string, string][] = [
  ['izations', 'iz'],
  ['ization', 'iz'],
  ['isations', 'is'],
  ['isation', 'is'],
  ['ations', ''],
  ['ation', ''],
  ['ements', 'e'],
  ['ement', 'e'],
  ['ments', ''],
  ['ment', ''],
  ['ings', ''],
  ['ing', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['izes', 'iz'],
  ['ized', 'iz'],
  ['ize', 'iz'],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
];

/**
 * Nouns that meet their verb (`recommender` and `recommendation` -> `recommend`). A list, not a rule:
 * `transformer` must not meet `transformation`, nor `paper` `paping`.
 */
const AGENT_NOUNS: ReadonlyMap<string, string> = new Map(
  'recommender:recommend retriever:retriev retrieval:retriev ranker:rank learner:learn indexer:index encoder:encod decoder:decod compiler:compil scheduler:schedul tokenizer:tokeniz optimizer:optimiz'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * A light English stem, so inflections meet: `distillation` and `distilled` -> `distill`,
 * `quantization` and `quantized` -> `quantiz`, `recommender` and `recommendation` -> `recommend`. Words
 * under 5 letters, and stems under 4, are kept whole.
 */
export function stemOf(word: string): string {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return word;
  const agent = AGENT_NOUNS.get(word) ?? (word.endsWith('s') ? AGENT_NOUNS.get(word.slice(0, -1)) : undefined);
  if (agent !== undefined) return agent;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length) + replacement;
      if (stem.length >= 4 && !stem.endsWith('s')) return stem.replace(/e$/, '');
      return word;
    }
  }
  return word.replace(/e$/, '');
}
