// Display width in terminal columns. string-width does the real work; it is loaded only for text that
// needs grapheme segmentation, because creating its Intl.Segmenter costs ~15 ms of start-up.
import { eastAsianWidth } from 'get-east-asian-width';
import { stringWidth } from '../shims/string-width.cjs';

export type Measure = (text: string) => number;

/**
 * Text where every code point is its own one- or two-column cell: printable ASCII, Latin-1 and
 * Latin Extended letters, Greek, Cyrillic, general punctuation (no zero-width or bidi marks), CJK
 * punctuation, kana, CJK ideographs, Hangul syllables and full-width forms.
 */
const SIMPLE = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0377\u037a-\u03ff\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303f\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60\uffe0-\uffe6]*$/;
const ASCII = /^[\u0020-\u007e]*$/;
const ANSI = /\u001b\[[0-9;]*m/g;

export function isSimpleText(text: string): boolean {
  if (ASCII.test(text)) return true;
  return SIMPLE.test(text.includes('\u001b') ? text.replace(ANSI, '') : text);
}

/** Width of simple text (see isSimpleText), colour codes ignored. */
export function simpleWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  if (ASCII.test(plain)) return plain.length;
  let width = 0;
  for (let i = 0; i < plain.length; i++) width += eastAsianWidth(plain.charCodeAt(i));
  return width;
}

/** Width of any text: the fast way for simple text, else string-width (loaded on first use). */
export function textWidth(text: string): number {
  return isSimpleText(text) ? simpleWidth(text) : stringWidth(text);
}

/**
 * A measure for these texts: the fast one when all are simple, else one that measures each text the
 * fast way or with string-width, as it needs (the same widths: simple text is what both agree on).
 */
export async function measureFor(texts: Iterable<string>): Promise<Measure> {
  for (const text of texts) if (!isSimpleText(text)) return textWidth;
  return simpleWidth;
}
