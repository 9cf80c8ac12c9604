// Knowing a notes file's content hash without reading it: the file's stat (device, inode, size,
// modification and change times) as it was when the hash was taken, as git's index does. Pure.
// NOTE: the change time (ctime) moves on every write and no program can set it back, so a file
// whose stat is unchanged has unchanged bytes. A file written in the last few seconds could still
// change within the same clock tick; its stat is not trusted ("racy", as git calls it) and it is hashed.
import type { FileStat } from '../io.js';

/** A stat younger than this when recorded is not trusted later. */
export const SETTLE_MS = 3000;

export interface Fingerprint {
  file: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  dev: number;
  ino: number;
  sha1: string;
}

/** The fingerprint to record for a file just hashed, or null when it changed too recently to be trusted. */
export function fingerprintOf(file: string, st: FileStat, sha1: string, now: number): Fingerprint | null {
  if (st.kind !== 'file' || !(st.mtimeMs < now - SETTLE_MS) || !(st.ctimeMs < now - SETTLE_MS)) return null;
  return { file, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, dev: st.dev, ino: st.ino, sha1 };
}

/** The recorded hash, when the file's stat is exactly the one recorded with it. */
export function knownHash(recorded: readonly Fingerprint[], file: string, st: FileStat | null): string | null {
  if (!st || st.kind !== 'file') return null;
  for (const f of recorded) {
    if (f.file === file && f.size === st.size && f.mtimeMs === st.mtimeMs && f.ctimeMs === st.ctimeMs && f.dev === st.dev && f.ino === st.ino) {
      return f.sha1;
    }
  }
  return null;
}

/** Fingerprints as read from the cache, when they have the right shape. */
export function fingerprintsFrom(value: unknown): Fingerprint[] {
  if (!Array.isArray(value)) return [];
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  return value.filter(
    (f): f is Fingerprint =>
      typeof f === 'object' && f !== null && typeof f.file === 'string' && typeof f.sha1 === 'string' &&
      num(f.size) && num(f.mtimeMs) && num(f.ctimeMs) && num(f.dev) && num(f.ino),
  );
}
