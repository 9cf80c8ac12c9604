import { describe, expect, it } from 'vitest';
import { decodeNotes, firstInvalidUtf8 } from '../../src/store/utf8.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeNotes', () => {
  it('decodes UTF-8 and keeps a BOM', () => {
    expect(decodeNotes(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ ok: true, text: '\uFEFFA' });
    expect(decodeNotes(enc('中文 Möbius'))).toEqual({ ok: true, text: '中文 Möbius' });
  });

  it('says where the first bad byte is', () => {
    const data = new Uint8Array([...enc('ok\nline two '), 0xff, 0x41]);
    expect(decodeNotes(data)).toEqual({ ok: false, reason: 'utf8', byte: 12, line: 2, column: 10 });
  });

  it.each([
    ['overlong', [0x41, 0xc0, 0x80], 1],
    ['surrogate', [0x41, 0x42, 0xed, 0xa0, 0x80], 2],
    ['truncated', [0x41, 0xe4, 0xb8], 1],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a lone continuation byte', [0x0a, 0x80], 1],
  ])('refuses %s bytes, at the first bad one', (_, b, at) => {
    expect(decodeNotes(new Uint8Array(b))).toMatchObject({ ok: false, reason: 'utf8', byte: at });
  });

  it('decodes exactly the bytes of a view into a larger buffer', () => {
    const whole = enc('前缀 ahead|中文 body|after');
    const view = whole.subarray(enc('前缀 ahead|').length, whole.length - enc('|after').length);
    expect(decodeNotes(view)).toEqual({ ok: true, text: '中文 body' });
  });

  it('calls a file with a NUL byte binary', () => {
    expect(decodeNotes(bytes(0x41, 0x0a, 0x42, 0x00))).toMatchObject({ ok: false, reason: 'binary', line: 2, column: 2 });
  });

  it.each([
    [[0xc0, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0x41, 0xe4, 0xb8], 1], // truncated
    [[0xf5, 0x80, 0x80, 0x80], 0], // beyond U+10FFFF
    [[0x41, 0xe4, 0xb8, 0xad], -1], // valid 中
  ])('firstInvalidUtf8(%j) = %i', (b, at) => {
    expect(firstInvalidUtf8(new Uint8Array(b))).toBe(at);
  });
});
