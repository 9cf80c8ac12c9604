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
  map: number[];
}

/** Folds text one code point at a time, remembering where each folded character came from. */
export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = cp < 0x80 ? ch.toLowerCase() : foldText(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
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
