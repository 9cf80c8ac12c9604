// The notes' text encodings: UTF-8 (the default), UTF-16 with a BOM, and GB18030 (GBK is part of it),
// detected from the bytes or named by the config. Encoding back only ever replaces the bytes of the
// text that changed, and checks that the result decodes to exactly the new text. Pure.
import type { EncodingName } from '../config/encodings.js';
import { decodeNotes } from './utf8.js';

export type Encoding = 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be';

export const ENCODING_LABEL: Readonly<Record<Encoding, string>> = { 'utf-8': 'UTF-8', gb18030: 'GB18030', gbk: 'GBK', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: 'binary' | 'invalid'; encoding: Encoding; byte: number; line: number; column: number };

function placeOf(bytes: Uint8Array, index: number, width = 1): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i += width) {
    if (bytes[i] === 10 && (width === 1 || bytes[i + 1] === 0 || bytes[i - 1] === 0)) {
      line++;
      lineStart = i + width;
    }
  }
  return { line, column: Math.floor((index - lineStart) / width) + 1 };
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Where GB18030 bytes first go wrong, and how many of the two-byte characters are common GB2312 ones. */
function scanGb(bytes: Uint8Array): { bad: number; common: number; multi: number } {
  let common = 0;
  let multi = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // NOTE: a lone 0x80 is the euro sign, as Windows' code page 936 writes it.
    if (b === 0x80) {
      i++;
      continue;
    }
    if (b === 0xff) return { bad: i, common, multi };
    const c = bytes[i + 1];
    if (c === undefined) return { bad: i, common, multi };
    multi++;
    if (c >= 0x30 && c <= 0x39) {
      const d = bytes[i + 2];
      const e = bytes[i + 3];
      if (d === undefined || e === undefined || d < 0x81 || d > 0xfe || e < 0x30 || e > 0x39) return { bad: i, common, multi };
      i += 4;
      continue;
    }
    if (c < 0x40 || c === 0x7f || c === 0xff) return { bad: i, common, multi };
    // GB2312: symbols (A1..A9) and the hanzi (B0..F7), both with a trail byte of A1..FE.
    if (c >= 0xa1 && ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7))) common++;
    i += 2;
  }
  return { bad: -1, common, multi };
}

function decodeWith(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text as GB18030 when it decodes cleanly and reads as Chinese (most of its characters common GB2312 ones). */
function asChinese(bytes: Uint8Array): string | null {
  const scan = scanGb(bytes);
  // NOTE: Latin-1 or Shift-JIS bytes often decode as GB18030 too, into rare characters: those are not taken for Chinese.
  if (scan.bad >= 0 || scan.multi === 0 || scan.common < scan.multi * 0.8) return null;
  return decodeWith('gb18030', bytes);
}

/**
 * Decodes a notes file. `auto`: a UTF-16 BOM means UTF-16; else UTF-8, strictly; else GB18030 when
 * the bytes are valid GB18030 that reads as Chinese. A named encoding is used as named.
 */
export function decodeText(bytes: Uint8Array, setting: EncodingName = 'auto'): Decoded {
  const bom16 = utf16Bom(bytes);
  const named: Encoding | null = setting === 'auto' ? (bom16 ?? null) : setting;
  if (named === 'utf-16le' || named === 'utf-16be') {
    const text = bytes.length % 2 === 0 ? decodeWith(named, bytes) : null;
    if (text !== null) return { ok: true, text, encoding: named };
    const bad = Math.max(0, bytes.length - (bytes.length % 2 || 2));
    return { ok: false, reason: 'invalid', encoding: named, byte: bad, ...placeOf(bytes, bad, 2) };
  }
  if (named === 'gb18030' || named === 'gbk') {
    const nul = bytes.indexOf(0);
    if (nul >= 0) return { ok: false, reason: 'binary', encoding: named, byte: nul, ...placeOf(bytes, nul) };
    const text = decodeWith('gb18030', bytes);
    if (text !== null) return { ok: true, text, encoding: named };
    const bad = Math.max(0, scanGb(bytes).bad);
    return { ok: false, reason: 'invalid', encoding: named, byte: bad, ...placeOf(bytes, bad) };
  }
  const utf8 = decodeNotes(bytes);
  if (utf8.ok) return { ok: true, text: utf8.text, encoding: 'utf-8' };
  if (utf8.reason === 'binary') return { ok: false, reason: 'binary', encoding: 'utf-8', byte: utf8.byte, line: utf8.line, column: utf8.column };
  if (setting === 'auto') {
    const text = asChinese(bytes);
    if (text !== null) return { ok: true, text, encoding: 'gb18030' };
  }
  return { ok: false, reason: 'invalid', encoding: 'utf-8', byte: utf8.byte, line: utf8.line, column: utf8.column };
}

/** Characters papers could not write in a file's encoding: the first one, for the message. */
export class UnencodableError extends Error {
  constructor(
    readonly character: string,
    readonly encoding: Encoding,
    reason = `"${character}" (U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) has no ${ENCODING_LABEL[encoding]} form`,
  ) {
    super(reason);
  }
}

/** Code point -> its GB18030 bytes packed (two: 0x2_00_HHLL; four: 0x4 << 28 | pointer), 0 for none. */
let gbTable: Uint32Array | undefined;

const TWO = 0x20000000;
const FOUR = 0x40000000;

/** The GB18030 code of every BMP character, from the decoder itself (built once, only when a GB18030 file is written). */
function gbCodes(): Uint32Array {
  if (gbTable) return gbTable;
  const table = new Uint32Array(0x10000);
  const decoder = new TextDecoder('gb18030');
  /** Decodes `count` sequences of `width` bytes made by `fill`; each is one BMP character or U+FFFD. */
  const add = (count: number, width: number, fill: (k: number, out: Uint8Array, at: number) => number): void => {
    const bytes = new Uint8Array(count * width);
    const codes = new Uint32Array(count);
    for (let k = 0; k < count; k++) codes[k] = fill(k, bytes, k * width);
    let text = decoder.decode(bytes);
    // NOTE: an unmapped pair with an ASCII trail decodes to two characters: then decode them one by one.
    if (text.length !== count) text = Array.from({ length: count }, (_, k) => decoder.decode(bytes.subarray(k * width, (k + 1) * width))).map((c) => (c.length === 1 ? c : '\uFFFD')).join('');
    for (let k = 0; k < count; k++) {
      const cp = text.charCodeAt(k);
      if (cp !== 0xfffd && table[cp] === 0) table[cp] = codes[k]!;
    }
  };
  add(126 * 190, 2, (k, out, at) => {
    const lead = 0x81 + Math.floor(k / 190);
    const t = k % 190;
    const trail = t < 63 ? 0x40 + t : 0x80 + (t - 63);
    out[at] = lead;
    out[at + 1] = trail;
    return TWO | (lead << 8) | trail;
  });
  // Four-byte sequences of the BMP: pointers 0..39419 from 81 30 81 30.
  add(39420, 4, (p, out, at) => {
    out.set(fourBytes(p), at);
    return FOUR | p;
  });
  return (gbTable = table);
}

function fourBytes(pointer: number): number[] {
  const b4 = pointer % 10;
  const b3 = Math.floor(pointer / 10) % 126;
  const b2 = Math.floor(pointer / 1260) % 10;
  const b1 = Math.floor(pointer / 12600);
  return [0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4];
}

function encodeGb(text: string, encoding: Encoding): Uint8Array {
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  const table = gbCodes();
  const four = (pointer: number): void => {
    for (const b of fourBytes(pointer)) out[n++] = b;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    // NOTE: GBK is GB18030's two-byte part: a character GB18030 writes in four bytes is not GBK.
    if (cp >= 0x10000) {
      if (encoding === 'gbk') throw new UnencodableError(ch, encoding);
      four(cp - 0x10000 + 189000);
      continue;
    }
    const code = table[cp]!;
    if (code === 0 || (encoding === 'gbk' && code & FOUR)) throw new UnencodableError(ch, encoding);
    if (code & TWO) {
      out[n++] = (code >> 8) & 0xff;
      out[n++] = code & 0xff;
    } else four(code & 0xffffff);
  }
  return out.slice(0, n);
}

function encodeUtf16(text: string, encoding: 'utf-16le' | 'utf-16be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [a, b] = encoding === 'utf-16le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[2 * i] = a;
    out[2 * i + 1] = b;
  }
  return out;
}

/** The bytes of `text` in an encoding (no BOM added: a BOM is a character of the text). */
export function encodeText(text: string, encoding: Encoding): Uint8Array {
  // NOTE: Buffer's encoder, not TextEncoder's: the same bytes (a lone surrogate becomes U+FFFD in both), in about half the time.
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return encodeUtf16(text, encoding);
  return encodeGb(text, encoding);
}

/** Byte offset of UTF-16 unit `units` in text encoded as `bytes` (a whole number of characters in). */
function byteOffset(bytes: Uint8Array, encoding: Encoding, units: number): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return units * 2;
  let i = 0;
  let u = 0;
  while (u < units && i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x81 || b === 0xff) {
      i++;
      u++;
    } else if (bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39) {
      // Four bytes from 90 30 81 30 on are beyond the BMP: two UTF-16 units.
      u += b >= 0x90 ? 2 : 1;
      i += 4;
    } else {
      i += 2;
      u++;
    }
  }
  return i;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The bytes of `next` in the encoding `previous` was read in: the bytes before and after what changed
 * are the old bytes themselves, only the changed stretch is encoded anew. Throws UnencodableError for a
 * character the encoding lacks, and an Error when the result would not read back as `next`.
 */
export function encodeLike(next: string, previous: { bytes: Uint8Array; text: string; encoding: Encoding }): Uint8Array {
  const { bytes, text, encoding } = previous;
  if (encoding === 'utf-8') return encodeText(next, encoding);
  let p = 0;
  const max = Math.min(text.length, next.length);
  while (p < max && text.charCodeAt(p) === next.charCodeAt(p)) p++;
  if (p > 0 && isHigh(text.charCodeAt(p - 1))) p--;
  let q = 0;
  while (q < max - p && text.charCodeAt(text.length - 1 - q) === next.charCodeAt(next.length - 1 - q)) q++;
  if (q > 0 && isLow(text.charCodeAt(text.length - q))) q--;
  const start = byteOffset(bytes, encoding, p);
  const end = byteOffset(bytes, encoding, text.length - q);
  // NOTE: an old stretch that does not encode back to its own bytes would change bytes outside the change: refuse.
  const oldMiddle = encodeText(text.slice(p, text.length - q), encoding);
  if (!sameBytes(oldMiddle, bytes.subarray(start, end))) {
    throw new Error(`the text around the change does not encode back to the bytes it was read from in ${ENCODING_LABEL[encoding]}`);
  }
  const middle = encodeText(next.slice(p, next.length - q), encoding);
  const out = new Uint8Array(start + middle.length + (bytes.length - end));
  out.set(bytes.subarray(0, start), 0);
  out.set(middle, start);
  out.set(bytes.subarray(end), start + middle.length);
  const back = decodeText(out, encoding);
  if (!back.ok || back.text !== next) throw new Error(`the new bytes would not read back as the new text in ${ENCODING_LABEL[encoding]}`);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
