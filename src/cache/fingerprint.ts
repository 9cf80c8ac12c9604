// Knowing a notes file's content hash without reading it: the file's stat (device, inode, size,
// modification and change times) as it was when the hash was taken, as git's index does. Pure.
// NOTE: the change time (ctime) moves on every write and no program can set it back, so a file
// whose stat is unchanged has unchanged bytes. A file written in the last few seconds could still
// change within the same clock tick; its stat is not trusted ("racy", as git calls it) and it is hashed.
import * as z from 'zod/mini';
import type { FileStat } from '../io.js';

/** A stat younger than this when recorded is not trusted later. */
export const SETTLE_MS = 3000;

const finite = () => z.number().check(z.refine(Number.isFinite));

export const FingerprintSchema = z.object({
  file: z.string(),
  size: finite(),
  mtimeMs: finite(),
  ctimeMs: finite(),
  dev: finite(),
  ino: finite(),
  sha1: z.string(),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

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

/** Fingerprints as read from the cache: those of the right shape. */
export function fingerprintsFrom(value: unknown): Fingerprint[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f) => {
    const checked = FingerprintSchema.safeParse(f);
    return checked.success ? [checked.data] : [];
  });
}
