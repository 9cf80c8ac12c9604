// Pinyin of Chinese text: readings of section headings (their slugs, and what --section accepts) and
// the syllables search matches pinyin queries against. pinyin-pro does the conversion (loaded on first
// use: see shims/pinyin.cjs); everything else here is pure.
import { pinyin } from '../shims/pinyin.cjs';
import { foldText } from './text.js';

const HAN_RUN = /\p{sc=Han}+/gu;
const HAN = /\p{sc=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Whether the code unit at `i` starts a Han character (as \p{sc=Han} says; a low surrogate never
 * does): the CJK blocks by range, ASCII never, anything else by the pattern.
 */
export function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x2e80) return false;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  return HAN.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** What an unknown character (one pinyin-pro has no reading for) reads as: never a syllable a query can type. */
const UNKNOWN = '?';

const runs = new Map<string, string[]>();

/** The toneless syllables of a run of Han characters, one per character (`ü` as `v`: 绿 -> lv). */
export function syllablesOf(run: string): string[] {
  let out = runs.get(run);
  if (out) return out;
  const chars = [...run];
  const got = pinyin(run, { toneType: 'none', type: 'array', v: true });
  // NOTE: one reading per character, in context (银行 -> yin hang); per character when the counts disagree.
  const list = got.length === chars.length ? got : chars.map((c) => pinyin(c, { toneType: 'none', type: 'array', v: true })[0] ?? UNKNOWN);
  out = list.map((s) => {
    const t = s.toLowerCase();
    return /^[a-z]+$/.test(t) ? t : UNKNOWN;
  });
  // NOTE: bounded: a cold index of a large digest meets ~100k distinct runs.
  if (runs.size > 200_000) runs.clear();
  runs.set(run, out);
  return out;
}

// The grammar of a toneless syllable: an initial (or none) and a final, ü written v.
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w', ''];
const FINALS = ['iang', 'iong', 'uang', 'ang', 'eng', 'ing', 'ong', 'uai', 'ian', 'iao', 'uan', 'van', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'er', 'ia', 'ie', 'in', 'iu', 'ua', 'uo', 'ui', 'un', 'ue', 've', 'vn', 'a', 'o', 'e', 'i', 'u', 'v'];
const FINAL_AT = new Map(FINALS.map((f, i) => [f, i]));
/** Codes of syllables start here: one UTF-16 unit per syllable, never a surrogate nor `|`. */
const CODE_BASE = 0x100;
/** Separates runs of Han characters in a pinyin text. */
export const RUN_BREAK = '|';

/**
 * A syllable as one character: the same code whatever the digest (initial * 40 + final), so a pinyin
 * text is a quarter of the size written out and a run of whole syllables is a substring. `?` for a
 * reading outside the grammar (`ng`, `hm`): never matched.
 */
export function syllableCode(syllable: string): string {
  for (let i = 0; i < INITIALS.length; i++) {
    const initial = INITIALS[i]!;
    if (!syllable.startsWith(initial)) continue;
    const f = FINAL_AT.get(syllable.slice(initial.length));
    if (f !== undefined) return String.fromCharCode(CODE_BASE + i * 40 + f);
  }
  return UNKNOWN;
}

/** The syllable of a code (see syllableCode); null for any other character. */
export function codeSyllable(code: number): string | null {
  const k = code - CODE_BASE;
  if (k < 0 || k >= INITIALS.length * 40 || k % 40 >= FINALS.length) return null;
  return INITIALS[Math.floor(k / 40)]! + FINALS[k % 40]!;
}

/**
 * The pinyin of folded text for search: one code per Han character (syllableCode), in order, runs of
 * Han characters apart by `|` (动态形状，量化 -> 4 codes, `|`, 2 codes); empty when it has none. Code
 * `k` (not counting `|`) is the text's `k`-th Han character.
 */
export function pinyinText(folded: string): string {
  if (!hasHan(folded)) return '';
  const parts: string[] = [];
  for (const m of folded.matchAll(HAN_RUN)) parts.push(syllablesOf(m[0]).map(syllableCode).join(''));
  return parts.join(RUN_BREAK);
}

let segmenter: Intl.Segmenter | undefined;

/** Words of a Han run (推荐系统 -> 推荐, 系统); the run whole where Intl.Segmenter is missing. */
function hanWords(run: string): string[] {
  if (typeof Intl.Segmenter !== 'function' || run.length > 32) return [run];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(run)].map((s) => s.segment);
}

/**
 * A section heading's reading: its words in order, `-` between words and ` ` between the syllables of
 * a Chinese word (`OCR 文字识别` -> `ocr-wen zi-shi bie`); letters and digits of other scripts as
 * folded words. Empty when the heading has neither.
 */
export function readingOf(title: string): string {
  const folded = foldText(title);
  const words: string[] = [];
  for (const piece of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (!piece) continue;
    // Han runs and the rest, in order.
    let last = 0;
    for (const m of piece.matchAll(HAN_RUN)) {
      if (m.index > last) words.push(piece.slice(last, m.index));
      const syllables = syllablesOf(m[0]);
      let k = 0;
      for (const w of hanWords(m[0])) {
        const n = [...w].length;
        words.push(syllables.slice(k, k + n).join(' '));
        k += n;
      }
      last = m.index + m[0].length;
    }
    if (last < piece.length) words.push(piece.slice(last));
  }
  return words.filter((w) => w && !w.includes(UNKNOWN)).join('-');
}

/** The slug a reading gives (`ocr-wen zi-shi bie` -> `ocr-wenzi-shibie`); empty for an empty reading. */
export function slugOfReading(reading: string): string {
  return reading.replace(/ /g, '').replace(/[^a-z0-9-]+/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** A reading's units: syllables of Chinese words, and other words whole. */
function unitsOf(reading: string): string[] {
  return reading.split(/[ -]/).filter(Boolean);
}

/**
 * Whether a query (folded, spaces and `-` ignored) is the pinyin of a run of whole units of the
 * reading (`tuijian`, `xitong`, `tui jian xi tong` for 推荐系统), or, when `initials` is allowed, the
 * initials of a run of two or more units (`tj`, `tjxt`).
 */
export function readingMatches(reading: string, query: string, initials: boolean): boolean {
  const q = foldText(query).replace(/[\s-]+/g, '');
  if (!q || !/^[a-z0-9]+$/.test(q)) return false;
  const units = unitsOf(reading);
  for (let i = 0; i < units.length; i++) {
    let joined = '';
    let heads = '';
    for (let j = i; j < units.length; j++) {
      joined += units[j];
      heads += units[j]![0];
      if (joined === q) return true;
      if (initials && j > i && heads === q) return true;
      if (joined.length >= q.length && heads.length >= q.length) break;
    }
  }
  return false;
}

const SYLLABLE = `(?:${INITIALS.filter(Boolean).join('|')})?(?:${FINALS.join('|')})`;
const PINYIN_WORD = new RegExp(`^(?:${SYLLABLE}){2,}$`);

/**
 * Whether a word has the shape of two or more pinyin syllables (`lianghua`, `banana`; not
 * `transformer`): the cheap test before a word is looked for in the digest's pinyin.
 */
export function mayBePinyin(word: string): boolean {
  return word.length <= 36 && PINYIN_WORD.test(word);
}

/**
 * The ways a query word can be cut into syllables of `syllables` (the digest's own), at most `limit`
 * of them; none when the word is not made of them entirely (`banana` -> ba na na only when the digest
 * holds each of those syllables).
 */
export function splitPinyin(word: string, syllables: ReadonlySet<string>, limit = 8): string[][] {
  const out: string[][] = [];
  const longest = 6;
  const walk = (at: number, acc: string[]): void => {
    if (out.length >= limit) return;
    if (at === word.length) {
      out.push([...acc]);
      return;
    }
    for (let len = Math.min(longest, word.length - at); len >= 1; len--) {
      const s = word.slice(at, at + len);
      if (syllables.has(s)) {
        acc.push(s);
        walk(at + len, acc);
        acc.pop();
      }
    }
  };
  if (/^[a-z]+$/.test(word)) walk(0, []);
  return out;
}
