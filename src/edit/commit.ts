// Changing one digest file through the store: plan on the file as it is under the lock (edit/write.ts
// locks it, reads it again and writes it atomically), and keep the new text's parse for the next command.
import type { ParsedChunk, ParsedFile } from '../store/parse.js';
import { parseDigest, reuseChunks } from '../store/parse.js';
import type { Store } from '../store/store.js';
import { rewriteFile, sameBytes, type WriteResult } from './write.js';
import type { Io } from '../io.js';

/** The file as a change is planned on it: read under the lock. */
export interface FileNow {
  text: string;
  /** The text as parsed (chunks included). */
  parsed: ParsedFile;
  /** The store with this text (the one loaded, when nobody changed the file since). */
  store: Store;
  /** Parses another text of this file, reusing the parse of every chunk it shares with this one. */
  reparse(text: string): ParsedFile;
}

/** A planned change: the file's new text, and its parse (from `reparse`), checked by the planner. */
export interface Planned {
  text: string;
  parsed: ParsedFile;
}

export interface Committed extends WriteResult {
  /** The store with the new text (kept in the cache when written), when a change was planned. */
  store: Store | undefined;
}

/**
 * Plans a change of `file` on its text under the lock and writes it (with `dryRun`, only plans it).
 * `plan` returns null to change nothing, or throws a PapersError to abort: nothing is written.
 */
export async function commitChange(io: Io, store: Store, file: string, plan: (now: FileNow) => Planned | null, options: { dryRun?: boolean } = {}): Promise<Committed> {
  const parsing = store.registries;
  let loaded: ParsedFile | undefined;
  const loadedParse = (): ParsedFile => (loaded ??= store.parsed(file));
  let planned: { now: FileNow; change: Planned } | undefined;
  let written: Uint8Array | undefined;
  const result = await rewriteFile(
    io,
    store.path(file),
    file,
    (text, bytes) => {
      // The store as loaded when the file still holds the bytes it was loaded from, else this text parsed anew (reusing what it can).
      const same = sameBytes(bytes, store.bytes(file));
      const parsed = same ? loadedParse() : parseDigest(text, file, { ...parsing, reuse: reuseChunks(loadedParse().chunks ?? []) });
      const now: FileNow = {
        text,
        parsed,
        store: same ? store : store.withText(file, text, parsed),
        reparse: (next) => parseDigest(next, file, { ...parsing, reuse: reuseChunks(parsed.chunks ?? []) }),
      };
      const change = plan(now);
      planned = change ? { now, change } : undefined;
      return change?.text ?? null;
    },
    { dryRun: options.dryRun === true, known: { bytes: store.bytes(file), text: () => store.text(file) }, codec: store.codec, written: (data) => (written = data) },
  );
  if (!planned) return { ...result, store: undefined };
  const after = planned.now.store.withText(file, planned.change.text, planned.change.parsed);
  if (result.written) keepWritten(after, written);
  return { ...result, store: after };
}

/**
 * Keeps `after` (a store withText gave for the text a writer wrote) in the cache, so the next command
 * finds this state parsed: under the bytes rewriteFile wrote (the text in the file's own encoding, as
 * rewriteFile's `written` hands them over), whose hash is what the next run reads from the file.
 */
export function keepWritten(after: Store, bytes: Uint8Array | undefined): void {
  if (!bytes) throw new Error('keepWritten: no bytes were written');
  after.keep(bytes);
}

/** The store once `text` is written into `file` as `bytes`, kept in the cache: for writers that plan without commitChange (lint --fix). */
export function keepText(store: Store, file: string, text: string, bytes: Uint8Array | undefined, previous: Iterable<ParsedChunk>): Store {
  const parsed = parseDigest(text, file, { ...store.registries, reuse: reuseChunks(previous) });
  const after = store.withText(file, text, parsed);
  keepWritten(after, bytes);
  return after;
}
