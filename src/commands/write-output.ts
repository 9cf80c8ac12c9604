// What add and note share around a write: notes from a file or stdin, and the report of what was written.
import { readNotesFile, registriesFor, type LoadedStore } from '../store/load.js';
import { fileMayHoldLinks } from '../store/links.js';
import { sameBytes } from '../edit/write.js';
import { parsedFileOf, rebuildWith } from '../store/build.js';
import { parseDigest, type ParsedFile, type ParseOptions } from '../store/parse.js';
import type { Digest, Entry } from '../store/schema.js';
import { createTodoMatcher } from '../store/todos.js';
import { resolvePath } from '../io.js';
import type { Context } from './context.js';

/** How the store parses its files, to parse a file again the same way after an edit (links left out). */
export function parsingFor(store: LoadedStore): ParseOptions {
  return { venues: store.venues, todos: createTodoMatcher(registriesFor(store.config).todoTerms) };
}

/**
 * A file's parse and the whole store as they are under the lock: the store as loaded when the file's
 * bytes are those it was loaded from (no second parse of a big digest), else with that file parsed again.
 */
export function storeNow(store: LoadedStore, file: string, current: { text: string; bytes: Uint8Array }, parsing: ParseOptions): { parsed: ParsedFile; digest: Digest } {
  const loaded = store.bytes.get(file);
  if (loaded && sameBytes(loaded, current.bytes)) return { parsed: parsedFileOf(store.digest, file), digest: store.digest };
  const parsed = parseDigest(current.text, file, parsing);
  return { parsed, digest: rebuildWith(store.digest, parsed, store.config.sections ?? {}) };
}

/** The text of `--notes-file F`, or standard input for `-`. */
export async function readNotesInput(ctx: Context, notesFile: string): Promise<string> {
  if (notesFile === '-') return ctx.io.readStdin();
  return readNotesFile(ctx.io, resolvePath(ctx.io, notesFile), notesFile);
}

export interface Written {
  entry: Entry;
  /** The line the new text starts at. */
  line: number;
  /** The file's new text. */
  text: string;
  json: boolean;
}

/** `id file:line` on stdout, or with --json the entry as written (its links read from the new text). */
export async function reportWritten(ctx: Context, store: LoadedStore, written: Written): Promise<void> {
  const { entry } = written;
  if (!written.json) {
    ctx.out(`${entry.id} ${entry.file}:${written.line}`);
    return;
  }
  let links = entry.links;
  // The entry's own lines may hold a link, or a `[label]` may refer to a definition elsewhere in the file.
  if (fileMayHoldLinks(written.text.slice(entry.range.start, entry.range.end)) || /^ {0,3}\[[^\]]+\]:/m.test(written.text)) {
    const { parseMarkdown } = await import('../store/markdown.js');
    const reparsed = parseDigest(written.text, entry.file, { ...parsingFor(store), markdown: parseMarkdown });
    links = reparsed.entries.find((e) => e.line === entry.line)?.links ?? links;
  }
  ctx.out(JSON.stringify({ ...entry, links }, null, 2));
}
