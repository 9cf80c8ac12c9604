// Hashes for the cache. SHA-1 (node:crypto) for the notes' bytes; for what a warm run must hash
// itself (cache keys, file names, small checksums) a CRC-32 and a 64-bit FNV-1a in plain JS, so a
// warm run never loads node:crypto (~6 ms of a 150 ms run on the shipped digest).
import * as builtins from '../shims/builtins.cjs';

export function sha1(data: string | Uint8Array): string {
  return builtins.crypto().createHash('sha1').update(data).digest('hex');
}

let table: Int32Array | undefined;

/** CRC-32 (IEEE), as zlib computes it. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits: for keys made of other hashes and
 * of config, where only accidental collisions matter (one in 2^64).
 */
export function fnv64(text: string): string {
  // Two 32-bit halves of the 64-bit state; the prime is 2^40 + 2^8 + 0xb3.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (const byte of [c & 0xff, c >>> 8]) {
      lo ^= byte;
      // (hi, lo) * (2^40 + 0x1b3), in 16-bit limbs to stay exact.
      const l0 = lo & 0xffff;
      const l1 = lo >>> 16;
      const h0 = hi & 0xffff;
      const h1 = hi >>> 16;
      let t0 = l0 * 0x1b3;
      let t1 = l1 * 0x1b3 + (t0 >>> 16);
      let t2 = h0 * 0x1b3 + (t1 >>> 16) + l0 * 0x100; // 2^40 = 2^32 * 2^8: lo's limbs land in hi
      let t3 = h1 * 0x1b3 + (t2 >>> 16) + l1 * 0x100;
      t0 &= 0xffff;
      t1 &= 0xffff;
      t2 &= 0xffff;
      t3 &= 0xffff;
      lo = ((t1 << 16) | t0) >>> 0;
      hi = ((t3 << 16) | t2) >>> 0;
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
