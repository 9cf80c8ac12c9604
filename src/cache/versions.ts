// Every version the cache layer itself answers for, in one place: the file layout, the shape of a
// cached parse, and the code and V8 that wrote a file. (A derived product's version is declared
// with the product, beside the code that builds it: only its owner knows when its shape changes.)
import type { Io } from '../io.js';

/** The cache file's layout (cache/format.ts). */
export const CACHE_FORMAT = 8;
/** What a cached parse holds: chunk parses, the store's layout (cache/store-cache.ts, store/parse.ts). */
export const STORE_VERSION = 4;

/** What must be equal for cached data to be reused: the code that made it and the V8 that serialised it. */
export function codeIdentity(io: Io): string {
  let build = 'source';
  // NOTE: in the esbuild bundle `__filename` is dist/papers.cjs, whose size and mtime change on every build.
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    const st = io.stat(__filename);
    build = `${__filename}:${st?.size}:${st?.mtimeMs}`;
  }
  return JSON.stringify([CACHE_FORMAT, STORE_VERSION, process.versions.v8, build]);
}
