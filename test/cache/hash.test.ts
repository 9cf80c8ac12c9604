import fc from 'fast-check';
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, fnv64, sha1 } from '../../src/cache/hash.js';

/** FNV-1a 64 over UTF-16 code units (low byte first), with BigInt: the definition. */
function fnvReference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (const b of [c & 0xff, c >>> 8]) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('hashes', () => {
  it('fnv64 is 64-bit FNV-1a (property)', () => {
    expect(fnv64('')).toBe('cbf29ce484222325');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(fnv64(text)).toBe(fnvReference(text));
      }),
      { numRuns: 300 },
    );
  });

  it('crc32 is zlib\'s CRC-32, and sha1 node\'s (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        if ('crc32' in zlib) expect(crc32(data)).toBe((zlib as unknown as { crc32(d: Uint8Array): number }).crc32(data));
        expect(sha1(data)).toBe(createHash('sha1').update(data).digest('hex'));
      }),
      { numRuns: 200 },
    );
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
