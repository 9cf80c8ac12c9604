// Changing one digest file through the store: plan on the file as it is under the lock (edit/write.ts
// locks it, reads it again and writes it atomically), and keep the new text's parse for the next command.
import type { ParsedChunk, ParsedFile, FileView } from '../store/parse.js';
import { parseDigest, parsedWindow, reuseChunks, splitDigest, viewOf } from '../store/parse.js';
import { insertionWindow } from '../store/splice.js';
import type { Store } from '../store/store.js';
import type { Edit } from './apply.js';
import { rewriteFile, sameBytes, type WriteResult } from './write.js';
import type { Io } from '../io.js';

/** The file as a change is planned on it: read under the lock. */
export interface FileNow {
  text: string;
  /** The file to plan on: its frame, its entries read one at a time. */
  view: FileView;
  /** The whole parse, every entry read (at first use): for a planner that checks every entry. */
  readonly parsed: ParsedFile;
  /** The store with this text (the one loaded, when nobody changed the file since). */
  store: Store;
  /** Parses another text of this file, reusing the parse of every chunk it shares with this one. */
  reparse(text: string): ParsedFile;
  /** This file with insertions made: `text` is this text with `inserts` applied, as checkInsertions checked. */
  insert(text: string, inserts: readonly Edit[]): Inserted;
}

/**
 * A text with insertions, split whole: the chunks the insertions left alone are the old ones (the
 * same text, section and definitions), only those around them parsed. `before` and `after` are the
 * two parses cut to those chunks (every section and frame diagnostic, and only those entries and
 * their diagnostics): what differs between the two files whole is what differs between these.
 */
export interface Inserted {
  before: ParsedFile;
  after: ParsedFile;
  /** The file with the new text, to plan a next change on. */
  now: FileNow;
}

/** A planned change: the file's new text, and its parse (from `reparse`) or the state `insert` gave, checked by the planner. */
export type Planned = { text: string; parsed: ParsedFile } | { text: string; inserted: Inserted };

export interface Committed extends WriteResult {
  /** The store with the new text (kept in the cache when written), when a change was planned. */
  store: Store | undefined;
}

/** The file at `text`, in `store`, planned on through `view`; `whole` gives its whole parse. */
function fileNow(store: Store, file: string, text: string, view: FileView, whole: () => ParsedFile): FileNow {
  const parsing = store.registries;
  let parsed: ParsedFile | undefined;
  return {
    text,
    view,
    store,
    get parsed() {
      return (parsed ??= whole());
    },
    reparse: (next) => parseDigest(next, file, { ...parsing, reuse: reuseChunks(whole().chunks ?? []) }),
    insert(next, inserts) {
      const frame = splitDigest(next, file, parsing);
      const w = insertionWindow(view.entries, frame.chunks, inserts);
      const after = store.withSplit(file, next, frame, w);
      const afterView = after.view(file);
      return { before: parsedWindow(view, w.from, w.oldTo), after: parsedWindow(afterView, w.from, w.newTo), now: fileNow(after, file, next, afterView, () => after.parsed(file)) };
    },
  };
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
      let now: FileNow;
      if (sameBytes(bytes, store.bytes(file))) now = fileNow(store, file, text, store.view(file), loadedParse);
      else {
        const parsed = parseDigest(text, file, { ...parsing, reuse: reuseChunks(loadedParse().chunks ?? []) });
        now = fileNow(store.withText(file, text, parsed), file, text, viewOf(parsed), () => parsed);
      }
      const change = plan(now);
      planned = change ? { now, change } : undefined;
      return change?.text ?? null;
    },
    { dryRun: options.dryRun === true, known: { bytes: store.bytes(file), text: () => store.text(file) }, codec: store.codec, written: (data) => (written = data) },
  );
  if (!planned) return { ...result, store: undefined };
  const { change } = planned;
  const after = 'inserted' in change ? change.inserted.now.store : planned.now.store.withText(file, change.text, change.parsed);
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
