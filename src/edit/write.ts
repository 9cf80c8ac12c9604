// The one way papers changes a user's file: lock, re-read, plan on what is there now, check, write atomically.
import { InputError, PapersError } from '../errors.js';
import type { FileLock, Io, ReplaceProblem } from '../io.js';
import { notesCodec, readNotesBytes, type NotesCodec } from '../store/read.js';

export interface WriteResult {
  before: string;
  after: string;
  written: boolean;
}

/** How often a change is planned again when the file changes under it (another writer without our lock). */
const ATTEMPTS = 5;

/**
 * Runs `change` on the file's current text while holding its lock. `change` returns the new text,
 * or null to leave the file alone; it may throw a PapersError to abort (nothing is written). With
 * `dryRun`, nothing is written either, but `after` is returned for a diff.
 *
 * `change` first sees the file as read under the lock, or as the caller read it before (`known`).
 * Right before writing, the file is read once more: if it changed since `change` saw it (another
 * papers process before our lock, an editor that takes no lock, or a second process that took a
 * stale lock at the same moment), the change is planned again on the new text instead of
 * overwriting it.
 */
export async function rewriteFile(
  io: Io,
  path: string,
  shown: string,
  change: (current: string, bytes: Uint8Array) => string | null | Promise<string | null>,
  options: {
    dryRun?: boolean;
    /** The file as the caller already read and decoded it: the first plan is made on it (see below). */
    known?: { bytes: Uint8Array | undefined; text: () => string | undefined };
    /** How the file's bytes are read and the new text written back (default: detected, as a store without a config). */
    codec?: NotesCodec;
    /** Told the bytes written: the new text in the file's own encoding, encoded once (what a cache of this state is keyed by). */
    written?: (bytes: Uint8Array) => void;
  } = {},
): Promise<WriteResult> {
  const codec = options.codec ?? notesCodec();
  let lock: FileLock | undefined;
  if (!options.dryRun) {
    const problem = io.replaceProblem(path);
    if (problem) throw replaceError(shown, problem);
    try {
      lock = await io.lock(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new InputError(
          `cannot write in the folder of ${shown} (${code === 'EROFS' ? 'a read-only file system' : 'permission denied'}); nothing was written`,
          'papers writes the new text beside the file and renames it over, with a lock file beside it: the folder must be writable',
        );
      }
      throw new InputError(`cannot lock ${shown}: ${(error as Error).message}`, 'another papers process may be writing it; try again');
    }
  }
  try {
    // NOTE: the first plan may be made on the bytes the caller read before the lock: the read right
    // before writing compares them with the file, and a change since is planned again.
    const known = options.known?.bytes && options.known.text();
    let bytes = known !== undefined ? options.known!.bytes! : readNotesBytes(io, path, shown);
    let before = known ?? codec.decode(bytes, shown).text;
    for (let attempt = 1; ; attempt++) {
      const after = await change(before, bytes);
      if (after === null || after === before) return { before, after: before, written: false };
      if (options.dryRun) return { before, after, written: false };
      // In the file's own encoding, the bytes outside the change as they were.
      const data = codec.encode(after, { bytes, text: before }, shown);
      const now = readNotesBytes(io, path, shown);
      if (!sameBytes(now, bytes)) {
        if (attempt >= ATTEMPTS) {
          throw new PapersError(`${shown} kept changing while papers was writing it; nothing was written`, { hint: 'try again' });
        }
        bytes = now;
        before = codec.decode(bytes, shown).text;
        continue;
      }
      const lost = lock?.lost();
      if (lost) {
        throw new PapersError(`lost the lock on ${shown} (${lost.message}); nothing was written`, { hint: 'try again' });
      }
      try {
        await io.writeFileAtomic(path, data);
      } catch (error) {
        throw new PapersError(`could not write ${shown}: ${(error as Error).message}; the file is unchanged`, {
          hint: "check the folder's permissions and free space",
        });
      }
      options.written?.(data);
      return { before, after, written: true };
    }
  } finally {
    await lock?.release();
  }
}

/** A file papers must not replace, as the user's error: nothing is planned, locked or written. */
function replaceError(shown: string, problem: ReplaceProblem): InputError {
  if (problem.kind === 'read-only') {
    const mode = problem.mode.toString(8).padStart(4, '0');
    const hint =
      problem.mode & 0o222
        ? `its mode is ${mode}, but this user may not write it: another owner, or a read-only file system`
        : `its mode is ${mode}; chmod u+w ${shown} lets papers change it`;
    return new InputError(`${shown} is read-only; nothing was written`, hint);
  }
  return new InputError(
    `${shown} belongs to user ${problem.uid} (group ${problem.gid}), and papers, running as user ${problem.userUid}, could not keep that owner when it rewrites the file; nothing was written`,
    "run papers as the file's owner",
  );
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
