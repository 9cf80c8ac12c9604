// The one way papers changes a user's file: lock, re-read, plan on what is there now, check, write atomically.
import { InputError, PapersError } from '../errors.js';
import type { Io } from '../io.js';
import { readNotesFile } from '../store/load.js';

export interface WriteResult {
  before: string;
  after: string;
  written: boolean;
}

/**
 * Runs `change` on the file's current text while holding its lock. `change` returns the new text,
 * or null to leave the file alone; it may throw a PapersError to abort (nothing is written). With
 * `dryRun`, nothing is written either, but `after` is returned for a diff.
 */
export async function rewriteFile(
  io: Io,
  path: string,
  shown: string,
  change: (current: string) => string | null | Promise<string | null>,
  options: { dryRun?: boolean } = {},
): Promise<WriteResult> {
  let release: (() => Promise<void>) | undefined;
  if (!options.dryRun) {
    try {
      release = await io.lock(path);
    } catch (error) {
      throw new InputError(`cannot lock ${shown}: ${(error as Error).message}`, 'another papers process may be writing it; try again');
    }
  }
  try {
    const before = readNotesFile(io, path, shown);
    const after = await change(before);
    if (after === null || after === before) return { before, after: before, written: false };
    if (options.dryRun) return { before, after, written: false };
    try {
      await io.writeFileAtomic(path, new TextEncoder().encode(after));
    } catch (error) {
      throw new PapersError(`could not write ${shown}: ${(error as Error).message}; the file is unchanged`, {
        hint: 'check the folder\'s permissions and free space',
      });
    }
    return { before, after, written: true };
  } finally {
    await release?.();
  }
}
