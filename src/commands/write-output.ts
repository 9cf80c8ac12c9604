// What add and note share around a write: notes from a file or stdin, and the report of what was written.
import { resolvePath } from '../io.js';
import { diffSafe, terminalSafe } from '../report/safe.js';
import { readNotesFile } from '../store/read.js';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';

/** The text of `--notes-file F`, or standard input for `-`. */
export async function readNotesInput(ctx: Context, notesFile: string): Promise<string> {
  if (notesFile === '-') return ctx.io.readStdin();
  return readNotesFile(ctx.io, resolvePath(ctx.io, notesFile), notesFile);
}

export interface Written {
  /** The entry's position in the store written. */
  position: number;
  /** The line the new text starts at. */
  line: number;
  json: boolean;
}

/** A dry run's unified diff on stdout, control characters escaped (report/safe.ts diffSafe: tabs and CRLF kept). */
export function writeDiff(ctx: Context, diff: string): void {
  if (!diff) return;
  const text = diffSafe(diff);
  ctx.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** `id file:line` on stdout, or with --json the entry as written (its links read from the new text). */
export async function reportWritten(ctx: Context, store: Store, written: Written): Promise<void> {
  if (!written.json) {
    const entry = store.summary(written.position);
    ctx.out(terminalSafe(`${entry.id} ${entry.file}:${written.line}`));
    return;
  }
  const [entry] = await store.linkedEntries([written.position]);
  ctx.out(JSON.stringify(entry, null, 2));
}
