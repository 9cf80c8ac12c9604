// Search text normalisation: folded words and CJK runs, and folding with an offset map for highlights.
import { foldText } from '../store/text.js';

// NOTE: built with the `v` flag (set subtraction, Node 20+) through the constructor so the type checker's
// target does not matter: a word is letters, marks and digits that are not Han or kana.
const WORD = new RegExp(String.raw`[[\p{L}\p{N}\p{M}]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]]+`, 'gv');
const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;
const CJK_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

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
  return folded.match(WORD) ?? [];
}

/** Words and CJK runs of already folded text, in order, with their offsets. */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length, cjk: false });
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

/** The original-text range of folded range [start, end). */
export function originalRange(f: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: f.map[start]!, end: f.map[end]! };
}
