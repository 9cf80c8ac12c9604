// The notes lock's owner record and when a waiting writer may take a lock over: pure, no I/O.
import * as z from 'zod/mini';

/** A lock not refreshed for this long (its holder refreshes it every LOCK_REFRESH_MS) is abandoned. */
export const LOCK_STALE_MS = 10_000;
export const LOCK_REFRESH_MS = 2_000;

/** What a holder writes into `<file>.lock`: who it is, so a waiter can tell when it is gone. */
export interface LockOwner {
  pid: number;
  host: string;
  /** The kernel's boot id (Linux), '' where there is none: a pid means nothing across a reboot. */
  boot: string;
  /** Unique to this holding: the holder checks it is still the one in the file before it writes. */
  token: string;
}

// NOTE: built on first use: every run imports this module (through io.ts), few read a lock, and
// building the schema at import cost ~1.5 ms of every warm start.
let ownerSchema: z.ZodMiniType<LockOwner> | undefined;
function lockOwnerSchema(): z.ZodMiniType<LockOwner> {
  return (ownerSchema ??= z.object({
    pid: z.number().check(z.int(), z.positive()),
    host: z.string(),
    boot: z.string(),
    token: z.string().check(z.minLength(1)),
  }));
}

/** The owner a lock file names, or null (empty while being written, damaged, not ours). */
export function parseLockOwner(text: string): LockOwner | null {
  try {
    const parsed = lockOwnerSchema().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A lock as a waiter sees it: a file of ours, or the folder an older papers (proper-lockfile) made. */
export interface SeenLock {
  kind: 'file' | 'folder';
  mtimeMs: number;
  ino: number;
  owner: LockOwner | null;
}

/** Where the waiter runs. */
export interface LockHere {
  host: string;
  boot: string;
  now: number;
  alive(pid: number): boolean;
}

/**
 * Why this lock is abandoned and may be taken over, or null while it must be waited for.
 * A holder on this machine in this boot whose process is gone: at once. Otherwise (another
 * machine, a pid now running something else, no owner record) only when its date is further from
 * now than a live holder's refresh could leave it, either way: a clock set back, a restored backup
 * or a dead holder's lock never blocks for ever.
 */
export function staleReason(lock: SeenLock, here: LockHere): string | null {
  const owner = lock.owner;
  if (owner && owner.host === here.host) {
    if (owner.boot !== '' && here.boot !== '' && owner.boot !== here.boot) return `its holder, process ${owner.pid}, ran before the machine restarted`;
    if (owner.boot === here.boot && !here.alive(owner.pid)) return `its holder, process ${owner.pid}, is gone`;
  }
  const age = here.now - lock.mtimeMs;
  if (age > LOCK_STALE_MS) return `not refreshed for ${Math.round(age / 1000)} s`;
  if (-age > LOCK_STALE_MS) return 'dated in the future (a clock set back?)';
  return null;
}

/** Whether what a takeover moved aside is the lock judged stale, and not one made since. */
export function sameLock(a: SeenLock, b: SeenLock): boolean {
  if (a.owner || b.owner) return a.owner?.token === b.owner?.token;
  return a.kind === b.kind && a.ino === b.ino && a.mtimeMs === b.mtimeMs;
}

/** Who holds a lock, for the message of a writer that gave up waiting. */
export function describeHolder(lock: SeenLock): string {
  if (lock.owner) return `process ${lock.owner.pid} on ${lock.owner.host || 'this machine'}`;
  return lock.kind === 'folder' ? 'another papers process (an older version)' : 'another papers process';
}
