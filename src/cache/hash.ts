// Hashes for the cache. SHA-1 (node:crypto) for the notes' bytes; for what a warm run must hash
// itself (cache keys, file names, small checksums) a CRC-32 and a 64-bit FNV-1a in plain JS, so a
// warm run never loads node:crypto (~6 ms of a 150 ms run on the shipped digest); and a fast 64-bit
// hash of a chunk's text, the key its parse is reused under.
import * as builtins from '../shims/builtins.cjs';

export function sha1(data: string | Uint8Array): string {
  return builtins.crypto().createHash('sha1').update(data).digest('hex');
}

let table: Int32Array | undefined;
/** zlib's CRC-32, looked up once (null before Node 20.15). */
let native: ((data: Uint8Array) => number) | null | undefined;

/**
 * CRC-32 (IEEE), as zlib computes it: zlib's own where Node has it (native from Node 20.15).
 * NOTE: always zlib's, whatever the size: bin/papers.cjs loads node:zlib for its code cache's checksum
 * on every run that uses a cache, so it costs nothing more here, and the JS table loop cost ~0.5 ms of a
 * warm run on the shipped digest (its store section). The table is for older Nodes.
 */
export function crc32(data: Uint8Array): number {
  native ??= (builtins.zlib() as { crc32?: (data: Uint8Array) => number }).crc32 ?? null;
  if (native) return native(data) >>> 0;
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

/**
 * A 64-bit hash of strings (their UTF-16 code units and lengths), as 16 hex digits: two 32-bit
 * multiplicative lanes with murmur3's finaliser. About 1 ns a character: a 10k-entry digest's chunks
 * hash in a few milliseconds, where SHA-1 through node:crypto costs a call per chunk. Not for anything
 * an attacker chooses: a collision would make papers reuse the parse of another chunk.
 */
export function textKey(...parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    // The length ends each part, so ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ part.length ^ 0x2f, 0x01000193);
    b = Math.imul(b ^ part.length ^ 0x2f, 0x5bd1e995);
  }
  return hex32(fmix32(a)) + hex32(fmix32(b ^ a));
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex32 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
