// Finds the notes (--notes, PAPERS_NOTES, nearest notes/ folder), reads and decodes them, and builds the store.
import * as path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import { buildStore } from './build.js';
import { mayHoldLinks, type MarkdownParser } from './links.js';
import { parseDigest, type ParsedFile } from './parse.js';
import type { Scan } from './scan.js';
import type { Digest } from './schema.js';
import { createTodoMatcher, DEFAULT_TODO_TERMS } from './todos.js';
import { decodeNotes } from './utf8.js';
import { createVenueRegistry, type VenueRegistry } from './venues.js';

export interface NotesLocation {
  /** Absolute path of what was given or found. */
  root: string;
  kind: 'file' | 'dir';
  /** Absolute paths of the markdown files, in name order. */
  files: string[];
  /** How the notes were found, for messages. */
  source: '--notes' | 'PAPERS_NOTES' | 'notes/ folder';
}

export interface LoadedStore {
  digest: Digest;
  config: Config;
  configFile: string | null;
  venues: VenueRegistry;
  location: NotesLocation;
  /** Decoded text of each file, by the name used in the store (`entry.file`). */
  texts: Map<string, string>;
  /** Absolute path of each file, by the name used in the store. */
  paths: Map<string, string>;
  /** The markdown parser, when some file may hold links (loaded on demand). */
  markdown: MarkdownParser | undefined;
  /** Each file's line scan, by store name. */
  scans: Map<string, Scan>;
}

export interface LoadOptions {
  notes?: string | undefined;
  config?: string | undefined;
}

const isMarkdownName = (name: string): boolean => /\.(md|markdown)$/i.test(name);

export function locateNotes(io: Io, given?: string): NotesLocation {
  let root: string;
  let source: NotesLocation['source'];
  const fromEnv = io.env.PAPERS_NOTES;
  if (given !== undefined) {
    if (!given.trim()) throw new InputError('--notes needs a path', 'pass a digest file or a folder of .md files');
    root = path.resolve(io.cwd(), given);
    source = '--notes';
  } else if (fromEnv) {
    root = path.resolve(io.cwd(), fromEnv);
    source = 'PAPERS_NOTES';
  } else {
    let dir = io.cwd();
    for (;;) {
      const candidate = path.join(dir, 'notes');
      if (io.stat(candidate)?.kind === 'dir') {
        root = candidate;
        source = 'notes/ folder';
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) {
        throw new InputError(
          'no notes found: no notes/ folder here or in any parent folder',
          'pass --notes <file|dir>, set PAPERS_NOTES, or run papers inside a folder that has notes/',
        );
      }
      dir = parent;
    }
  }
  const shown = given ?? fromEnv ?? root;
  const st = io.stat(root);
  if (!st) {
    throw new InputError(`notes not found: ${shown} does not exist (from ${source})`, 'pass an existing digest file or folder');
  }
  if (st.kind === 'dir') {
    const names = io.readDir(root).filter(isMarkdownName).sort();
    const files: string[] = [];
    for (const name of names) {
      const file = path.join(root, name);
      const kind = io.stat(file)?.kind;
      if (kind === 'file') files.push(file);
      else if (kind === 'dir') throw new InputError(`${file} is a folder, expected a markdown file`, 'rename it or move it out of the notes folder');
    }
    if (files.length === 0) {
      throw new InputError(`no markdown files in ${shown}`, 'put .md files there, or pass --notes <file>');
    }
    return { root, kind: 'dir', files, source };
  }
  if (st.kind !== 'file') throw new InputError(`${shown} is not a regular file or folder`, 'pass a digest file or a folder of .md files');
  if (/[\\/]$/.test(shown)) throw new InputError(`${shown} is a file, not a folder`, 'drop the trailing slash');
  return { root, kind: 'file', files: [root], source };
}

export function displayName(io: Io, file: string): string {
  const rel = path.relative(io.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function readNotesFile(io: Io, file: string, shown: string): string {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    throw new InputError(`cannot read ${shown}: ${why}`, 'check the file and its permissions');
  }
  const decoded = decodeNotes(bytes);
  if (!decoded.ok) {
    if (decoded.reason === 'binary') {
      throw new InputError(
        `${shown} looks like a binary file (NUL byte at line ${decoded.line}, column ${decoded.column}), expected a markdown digest`,
        'pass the digest\'s .md file',
      );
    }
    throw new InputError(
      `${shown} is not valid UTF-8: bad byte at line ${decoded.line}, column ${decoded.column} (byte offset ${decoded.byte})`,
      'save the file as UTF-8',
    );
  }
  return decoded.text;
}

export function registriesFor(config: Config): { venues: VenueRegistry; todoTerms: string[] } {
  return {
    venues: createVenueRegistry(config.venues ?? []),
    todoTerms: [...DEFAULT_TODO_TERMS, ...(config.todoTerms ?? [])],
  };
}

/** Parses decoded texts (by display name, in store order) into one store; no file I/O. */
export async function parseTexts(
  texts: ReadonlyMap<string, string>,
  config: Config,
): Promise<{ digest: Digest; venues: VenueRegistry; markdown: MarkdownParser | undefined; scans: Map<string, Scan> }> {
  const { venues, todoTerms } = registriesFor(config);
  const todos = createTodoMatcher(todoTerms);
  let markdown: MarkdownParser | undefined;
  if ([...texts.values()].some((text) => mayHoldLinks(text))) markdown = (await import('./markdown.js')).parseMarkdown;
  const parsed: ParsedFile[] = [...texts].map(([name, text]) => parseDigest(text, name, { venues, todos, markdown }));
  const scans = new Map(parsed.map((p) => [p.info.file, p.scan]));
  return { digest: buildStore(parsed, config.sections ?? {}), venues, markdown, scans };
}

export async function loadStore(io: Io, options: LoadOptions = {}): Promise<LoadedStore> {
  const location = locateNotes(io, options.notes);
  const configDir = location.kind === 'dir' ? location.root : path.dirname(location.root);
  const { config, file: configFile } = loadConfig(io, configDir, options.config);

  const texts = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const file of location.files) {
    const shown = displayName(io, file);
    texts.set(shown, readNotesFile(io, file, shown));
    paths.set(shown, file);
  }
  const { digest, venues, markdown, scans } = await parseTexts(texts, config);
  return { digest, config, configFile, venues, location, texts, paths, markdown, scans };
}
