// Finds the notes (--notes, PAPERS_NOTES, nearest notes/ folder), reads and decodes them, and builds the store.
import * as path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import { buildStore } from './build.js';
import { fileMayHoldLinks, type LinkCache, type MarkdownParser } from './links.js';
import type { Scan } from './scan.js';
import { parseDigest, type ParsedFile } from './parse.js';
import type { Digest } from './schema.js';
import { createTodoMatcher, DEFAULT_TODO_TERMS } from './todos.js';
import { decodeNotes } from './utf8.js';
import { cacheSlot, ChunkLinkCache, sha1 } from './cache.js';
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
  /** The bytes each text was decoded from, by the same names (a writer compares them to what it reads under its lock). */
  bytes: Map<string, Uint8Array>;
  /** Absolute path of each file, by the name used in the store. */
  paths: Map<string, string>;
  /** The markdown parser, when this load parsed links with it (undefined after a cache hit). */
  markdown: MarkdownParser | undefined;
  /** Each file's line scan, by store name, when this load parsed the file (empty after a cache hit). */
  scans: Map<string, Scan>;
  /**
   * Something derived from the store alone (a search index), cached beside it under `name`: built
   * once per state of the notes. `build` must return plain data v8 can serialise.
   */
  derived<T>(name: string, build: () => T): Promise<T>;
}

export interface LoadOptions {
  notes?: string | undefined;
  config?: string | undefined;
  /** Extract links (default true); commands that never show links skip the markdown parser. */
  links?: boolean | undefined;
  /** Use the parse cache (default true; `--no-cache` turns it off). */
  cache?: boolean | undefined;
  /** Show a progress bar on a terminal's stderr while a big digest is parsed. */
  progress?: boolean | undefined;
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
      // Listed, yet nothing to stat: a symbolic link whose target is gone. Never skipped silently.
      else if (kind === undefined) {
        throw new InputError(`cannot read ${displayName(io, file)}: it is a broken symbolic link or was just removed`, 'fix or remove the link, or move it out of the notes folder');
      } else throw new InputError(`${displayName(io, file)} is not a regular file`, 'move it out of the notes folder');
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

export function readNotesBytes(io: Io, file: string, shown: string): Uint8Array {
  try {
    return io.readFile(file);
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
}

export function decodeNotesBytes(bytes: Uint8Array, shown: string): string {
  const decoded = decodeNotes(bytes);
  if (decoded.ok) return decoded.text;
  if (decoded.reason === 'binary') {
    throw new InputError(
      `${shown} looks like a binary file (NUL byte at line ${decoded.line}, column ${decoded.column}), expected a markdown digest`,
      "pass the digest's .md file",
    );
  }
  throw new InputError(
    `${shown} is not valid UTF-8: bad byte at line ${decoded.line}, column ${decoded.column} (byte offset ${decoded.byte})`,
    'save the file as UTF-8',
  );
}

export function readNotesFile(io: Io, file: string, shown: string): string {
  return decodeNotesBytes(readNotesBytes(io, file, shown), shown);
}

export function registriesFor(config: Config): { venues: VenueRegistry; todoTerms: string[] } {
  return {
    venues: createVenueRegistry(config.venues ?? []),
    todoTerms: [...DEFAULT_TODO_TERMS, ...(config.todoTerms ?? [])],
  };
}

/** Decoded texts by display name, decoded on first use (a warm cache needs no text at all). */
class LazyTexts extends Map<string, string> {
  constructor(private readonly pending: Map<string, () => string>) {
    super();
  }
  override get(name: string): string | undefined {
    if (!super.has(name)) {
      const decode = this.pending.get(name);
      if (!decode) return undefined;
      super.set(name, decode());
    }
    return super.get(name);
  }
  override has(name: string): boolean {
    return this.pending.has(name);
  }
  override get size(): number {
    return this.pending.size;
  }
  override *entries(): MapIterator<[string, string]> {
    for (const name of this.pending.keys()) yield [name, this.get(name)!];
  }
  override keys(): MapIterator<string> {
    return this.pending.keys();
  }
  override *values(): MapIterator<string> {
    for (const name of this.pending.keys()) yield this.get(name)!;
  }
  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}

interface CachedStore {
  digest: Digest;
  /** False when links were skipped (`links: false`) in a file that may hold some. */
  withLinks: boolean;
}

/** Replaces the absolute paths the store is parsed and cached with by the names users see. */
function renameFiles(digest: Digest, names: ReadonlyMap<string, string>): Digest {
  const rename = (file: string): string => names.get(file) ?? file;
  for (const f of digest.files) f.file = rename(f.file);
  for (const s of digest.sections) s.file = rename(s.file);
  for (const e of digest.entries) e.file = rename(e.file);
  for (const d of digest.diagnostics) d.file = rename(d.file);
  return digest;
}

const PROGRESS_MIN_BYTES = 2_000_000;

function progressBar(io: Io, label: string): (done: number) => void {
  let last = -1;
  return (done) => {
    const pct = Math.min(100, Math.floor(done * 100));
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    io.stderr.write(`\r${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(pct).padStart(3)}%`);
    if (pct >= 100) io.stderr.write('\r\u001b[2K');
  };
}

export interface ParsedTexts {
  digest: Digest;
  venues: VenueRegistry;
  /** The markdown parser, when links were wanted and some text may hold one. */
  markdown: MarkdownParser | undefined;
  /** Each file's line scan, by the name it was parsed under. */
  scans: Map<string, Scan>;
  /** False when links were skipped (`links: false`) in a text that may hold some. */
  withLinks: boolean;
}

export interface ParseTextsOptions {
  links?: boolean | undefined;
  linkCache?: LinkCache | undefined;
  /** Share of the texts parsed so far (0..1). */
  onProgress?: ((done: number) => void) | undefined;
}

/** The markdown parser, loaded only when one of the texts may hold a link. */
export async function markdownFor(texts: Iterable<string>): Promise<MarkdownParser | undefined> {
  for (const text of texts) if (fileMayHoldLinks(text)) return (await import('./markdown.js')).parseMarkdown;
  return undefined;
}

/** Parses decoded texts (by file name, in store order) into one store; no file I/O. */
export async function parseTexts(texts: ReadonlyMap<string, string>, config: Config, options: ParseTextsOptions = {}): Promise<ParsedTexts> {
  const { venues, todoTerms } = registriesFor(config);
  const todos = createTodoMatcher(todoTerms);
  // NOTE: one scan of the texts decides both whether links are possible and whether to load the parser.
  const mayHoldLinks = [...texts.values()].some((text) => fileMayHoldLinks(text));
  const markdown = options.links !== false && mayHoldLinks ? (await import('./markdown.js')).parseMarkdown : undefined;
  const total = [...texts.values()].reduce((n, text) => n + text.length, 0);
  let before = 0;
  const { onProgress } = options;
  const parsed: ParsedFile[] = [...texts].map(([file, text]) => {
    const result = parseDigest(text, file, {
      venues,
      todos,
      markdown,
      linkCache: options.linkCache,
      onProgress: onProgress && ((done) => onProgress((before + done * text.length) / Math.max(1, total))),
    });
    before += text.length;
    return result;
  });
  onProgress?.(1);
  return {
    digest: buildStore(parsed, config.sections ?? {}),
    venues,
    markdown,
    scans: new Map(parsed.flatMap((p) => (p.scan ? [[p.info.file, p.scan] as const] : []))),
    withLinks: Boolean(markdown) || !mayHoldLinks,
  };
}

export async function loadStore(io: Io, options: LoadOptions = {}): Promise<LoadedStore> {
  const wantLinks = options.links !== false;
  const location = locateNotes(io, options.notes);
  const configDir = location.kind === 'dir' ? location.root : path.dirname(location.root);
  const { config, file: configFile } = loadConfig(io, configDir, options.config);
  const { venues, todoTerms } = registriesFor(config);

  const names = new Map<string, string>();
  const bytes = new Map<string, Uint8Array>();
  for (const file of location.files) {
    const shown = displayName(io, file);
    names.set(file, shown);
    bytes.set(file, readNotesBytes(io, file, shown));
  }
  const decoders = new Map<string, () => string>();
  const paths = new Map<string, string>();
  for (const [file, shown] of names) {
    decoders.set(shown, () => decodeNotesBytes(bytes.get(file)!, shown));
    paths.set(shown, file);
  }
  const texts = new LazyTexts(decoders);

  // NOTE: the store is parsed and cached under absolute paths, and renamed for display after,
  // so running papers from another folder still finds it in the cache.
  const slot = cacheSlot(io, location.root, options.cache !== false);
  const key = sha1(
    JSON.stringify([
      [config.sections ?? {}, config.venues ?? [], todoTerms, config.orgs ?? []],
      [...bytes].map(([file, data]) => [file, sha1(data)]),
    ]),
  );
  const cached = (await slot.read('store', key)) as CachedStore | undefined;
  let digest: Digest;
  let markdown: MarkdownParser | undefined;
  const scans = new Map<string, Scan>();
  if (cached && cached.digest && (cached.withLinks || !wantLinks)) {
    digest = cached.digest;
  } else {
    const decoded = new Map([...names].map(([file, shown]) => [file, texts.get(shown)!] as const));
    const total = [...decoded.values()].reduce((n, text) => n + text.length, 0);
    const progress = options.progress && io.stderr.isTTY && total >= PROGRESS_MIN_BYTES ? progressBar(io, 'papers: reading notes') : undefined;
    const linkCache = wantLinks ? new ChunkLinkCache(await slot.read('links', 'chunks')) : undefined;
    const parsed = await parseTexts(decoded, config, { links: wantLinks, linkCache, onProgress: progress });
    digest = parsed.digest;
    markdown = parsed.markdown;
    for (const [file, scan] of parsed.scans) scans.set(names.get(file)!, scan);
    await slot.write('store', key, { digest, withLinks: parsed.withLinks } satisfies CachedStore);
    if (linkCache && linkCache.added > 0) await slot.write('links', 'chunks', linkCache.used);
  }
  renameFiles(digest, names);
  const bytesByName = new Map([...names].map(([file, shown]) => [shown, bytes.get(file)!]));
  const derived = async <T,>(name: string, build: () => T): Promise<T> => {
    const kind = `derived-${name}`;
    const hit = (await slot.read(kind, key)) as { value: T } | undefined;
    if (hit && 'value' in hit) return hit.value;
    const value = build();
    await slot.write(kind, key, { value });
    return value;
  };
  return { digest, config, configFile, venues, location, texts, bytes: bytesByName, paths, markdown, scans, derived };
}
