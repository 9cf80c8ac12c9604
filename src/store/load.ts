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
import type { Digest, Entry } from './schema.js';
import { createTodoMatcher, DEFAULT_TODO_TERMS } from './todos.js';
import { decodeNotes } from './utf8.js';
import { cacheSlot, ChunkLinkCache, sha1, type CachedSections } from './cache.js';
import { fingerprintOf, fingerprintsFrom, knownHash, type Fingerprint } from './fingerprint.js';
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
  /** Decoded text of each file, by the name used in the store (`entry.file`); decoded on first use. */
  texts: Map<string, string>;
  /**
   * The bytes each text was decoded from, by the same names (a writer compares them to what it reads
   * under its lock). Read on first use when the stat vouched for the file; bytes other than those the
   * store was made from stop the command (InputError).
   */
  bytes: Map<string, Uint8Array>;
  /** Absolute path of each file, by the name used in the store. */
  paths: Map<string, string>;
  /** The markdown parser, when this load parsed links with it (undefined after a cache hit). */
  markdown: MarkdownParser | undefined;
  /** Each file's line scan, by store name, when this load parsed the file (empty after a cache hit). */
  scans: Map<string, Scan>;
  /**
   * Something derived from the store alone (a search index), cached beside it under `name`: built
   * once per state of the notes. `build` returns it as named sections of plain data v8 can serialise;
   * each section is read from the cache only when asked for.
   */
  derived<S extends Record<string, unknown>>(name: string, build: () => S): DerivedSections<S>;
  /**
   * Fills in the notes and raw heading of these entries of the store (all of them when none are given),
   * when the load left them out (`entryTexts: false`).
   */
  loadTexts(entries?: readonly Entry[]): void;
}

/** Sections of a derived value, each read from the cache (or built) when first asked for. */
export interface DerivedSections<S extends Record<string, unknown>> {
  get<K extends keyof S & string>(section: K): S[K];
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
  /**
   * Read the entries' texts, their notes and raw heading lines (default true). False may leave every
   * `notes` and `heading.raw` empty until `loadTexts` fills them: for commands that show a few entries
   * or none in full (the list table, search, show), which then read only those from the cache.
   */
  entryTexts?: boolean | undefined;
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

/** Values made on first use: decoded texts and bytes by display name (a warm cache needs neither). */
class LazyMap<V> extends Map<string, V> {
  constructor(private readonly pending: Map<string, () => V>) {
    super();
  }
  override get(name: string): V | undefined {
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
  override *entries(): MapIterator<[string, V]> {
    for (const name of this.pending.keys()) yield [name, this.get(name)!];
  }
  override keys(): MapIterator<string> {
    return this.pending.keys();
  }
  override *values(): MapIterator<V> {
    for (const name of this.pending.keys()) yield this.get(name)!;
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/**
 * The store cache's `main` section. Entries' texts (notes and raw heading lines, most of a store's
 * size) are left empty there and kept in sections of TEXT_CHUNK entries, `texts-0`, `texts-1`...: a
 * command that shows a few entries in full reads only theirs.
 */
interface CachedStore {
  digest: Digest;
  /** False when links were skipped (`links: false`) in a file that may hold some. */
  withLinks: boolean;
}

interface CachedTexts {
  notes: string[];
  raw: string[];
}

const TEXT_CHUNK = 1024;

function storeSections(digest: Digest, withLinks: boolean): Record<string, unknown> {
  const entries = digest.entries.map((e) => ({ ...e, notes: '', heading: { ...e.heading, raw: '' } }));
  const sections: Record<string, unknown> = { main: { digest: { ...digest, entries }, withLinks } satisfies CachedStore };
  for (let at = 0, c = 0; at < digest.entries.length; at += TEXT_CHUNK, c++) {
    const chunk = digest.entries.slice(at, at + TEXT_CHUNK);
    sections[`texts-${c}`] = { notes: chunk.map((e) => e.notes), raw: chunk.map((e) => e.heading.raw) } satisfies CachedTexts;
  }
  return sections;
}

/** A chunk's texts as cached, when they are whole. */
function cachedTexts(value: unknown, count: number): CachedTexts | undefined {
  const t = value as CachedTexts | undefined;
  if (!t || !Array.isArray(t.notes) || !Array.isArray(t.raw) || t.notes.length !== count || t.raw.length !== count) return undefined;
  return t;
}

/**
 * Fills in the entries' texts chunk by chunk from the cache, and from `fresh` (a new parse) for a
 * chunk the cache cannot give whole.
 */
function textLoader(digest: Digest, file: CachedSections, fresh: () => Digest): (entries?: readonly Entry[]) => void {
  const all = digest.entries;
  const loaded = new Set<number>();
  let indexOf: Map<Entry, number> | undefined;
  const load = (c: number): void => {
    if (loaded.has(c)) return;
    const at = c * TEXT_CHUNK;
    const count = Math.min(TEXT_CHUNK, all.length - at);
    const texts = cachedTexts(file.section(`texts-${c}`), count);
    for (let i = 0; i < count; i++) {
      const e = all[at + i]!;
      if (texts) {
        e.notes = texts.notes[i]!;
        e.heading.raw = texts.raw[i]!;
      } else {
        const f = fresh().entries[at + i]!;
        e.notes = f.notes;
        e.heading.raw = f.heading.raw;
      }
    }
    loaded.add(c);
  };
  return (entries) => {
    if (!entries) {
      for (let at = 0; at < all.length; at += TEXT_CHUNK) load(at / TEXT_CHUNK);
      return;
    }
    indexOf ??= new Map(all.map((e, i) => [e, i]));
    for (const e of entries) {
      const i = indexOf.get(e);
      if (i !== undefined) load(Math.floor(i / TEXT_CHUNK));
    }
  };
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
  // NOTE: one scan of the texts decides both whether links are possible and whether to load the parser.
  const mayHoldLinks = [...texts.values()].some((text) => fileMayHoldLinks(text));
  const markdown = options.links !== false && mayHoldLinks ? (await import('./markdown.js')).parseMarkdown : undefined;
  return parseTextsWith(texts, config, markdown, mayHoldLinks, options);
}

/** parseTexts with the markdown parser given (undefined: no links), synchronously. */
function parseTextsWith(
  texts: ReadonlyMap<string, string>,
  config: Config,
  markdown: MarkdownParser | undefined,
  mayHoldLinks: boolean,
  options: ParseTextsOptions = {},
): ParsedTexts {
  const { venues, todoTerms } = registriesFor(config);
  const todos = createTodoMatcher(todoTerms);
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

  // NOTE: the store is parsed and cached under absolute paths, and renamed for display after,
  // so running papers from another folder still finds it in the cache.
  const slot = cacheSlot(io, location.root, options.cache !== false);
  // A file whose stat is as recorded with its hash is not read (nor hashed) until its bytes are needed.
  const recorded = fingerprintsFrom(slot.read('files', 'fingerprints')?.section('main'));
  const names = new Map<string, string>();
  const hashes = new Map<string, string>();
  const bytes = new Map<string, Uint8Array>();
  const fingerprints: Fingerprint[] = [];
  let hashed = false;
  for (const file of location.files) {
    const shown = displayName(io, file);
    names.set(file, shown);
    // NOTE: stat before reading: a write in between changes the stat, so the old stat never vouches for new bytes.
    const st = io.stat(file);
    const known = knownHash(recorded, file, st);
    if (known !== null) {
      hashes.set(file, known);
      fingerprints.push(recorded.find((f) => f.file === file && f.sha1 === known)!);
      continue;
    }
    const data = readNotesBytes(io, file, shown);
    const hash = sha1(data);
    bytes.set(file, data);
    hashes.set(file, hash);
    const fingerprint = st && fingerprintOf(file, st, hash, io.now());
    if (fingerprint) fingerprints.push(fingerprint);
    hashed = true;
  }
  if (hashed) slot.write('files', 'fingerprints', { main: fingerprints });
  const bytesOf = (file: string, shown: string) => (): Uint8Array => {
    let data = bytes.get(file);
    if (!data) {
      data = readNotesBytes(io, file, shown);
      // The store was read for the hash the stat vouched for: other bytes now mean the file was just written.
      if (sha1(data) !== hashes.get(file)) {
        throw new InputError(`${shown} changed while papers was reading it`, 'run the command again');
      }
      bytes.set(file, data);
    }
    return data;
  };
  const decoders = new Map<string, () => string>();
  const readers = new Map<string, () => Uint8Array>();
  const paths = new Map<string, string>();
  for (const [file, shown] of names) {
    const read = bytesOf(file, shown);
    readers.set(shown, read);
    decoders.set(shown, () => decodeNotesBytes(read(), shown));
    paths.set(shown, file);
  }
  const texts = new LazyMap(decoders);
  const key = sha1(
    JSON.stringify([
      [config.sections ?? {}, config.venues ?? [], todoTerms, config.orgs ?? []],
      [...hashes],
    ]),
  );
  const decodedTexts = () => new Map([...names].map(([file, shown]) => [file, texts.get(shown)!] as const));
  const file = slot.read('store', key);
  const main = file?.section('main') as CachedStore | undefined;
  let digest: Digest;
  let markdown: MarkdownParser | undefined;
  let loadTexts: LoadedStore['loadTexts'] = () => {};
  const scans = new Map<string, Scan>();
  if (file && main && main.digest && Array.isArray(main.digest.entries) && (main.withLinks || !wantLinks)) {
    digest = main.digest;
    let fresh: Digest | undefined;
    // A text chunk the cache cannot give whole comes from a new parse (without links: texts do not
    // need them), which replaces the damaged cache file.
    loadTexts = textLoader(digest, file, () => {
      if (!fresh) {
        const decoded = decodedTexts();
        const parsed = parseTextsWith(decoded, config, undefined, [...decoded.values()].some((text) => fileMayHoldLinks(text)));
        fresh = parsed.digest;
        slot.write('store', key, storeSections(fresh, parsed.withLinks));
      }
      return fresh;
    });
    if (options.entryTexts !== false) loadTexts();
  } else {
    const decoded = decodedTexts();
    const total = [...decoded.values()].reduce((n, text) => n + text.length, 0);
    const progress = options.progress && io.stderr.isTTY && total >= PROGRESS_MIN_BYTES ? progressBar(io, 'papers: reading notes') : undefined;
    const linkCache = wantLinks ? new ChunkLinkCache(slot.read('links', 'chunks')?.section('main')) : undefined;
    const parsed = await parseTexts(decoded, config, { links: wantLinks, linkCache, onProgress: progress });
    digest = parsed.digest;
    markdown = parsed.markdown;
    for (const [file, scan] of parsed.scans) scans.set(names.get(file)!, scan);
    slot.write('store', key, storeSections(digest, parsed.withLinks));
    if (linkCache && linkCache.added > 0) slot.write('links', 'chunks', { main: linkCache.used });
  }
  renameFiles(digest, names);
  const derived = <S extends Record<string, unknown>>(name: string, build: () => S): DerivedSections<S> => {
    const kind = `derived-${name}`;
    const file = slot.read(kind, key);
    let built: S | undefined;
    return {
      get(section) {
        if (!built) {
          const hit = file?.section(section);
          if (hit !== undefined) return hit as S[typeof section];
          // Missing or damaged: built again whole, and cached for the next run.
          built = build();
          slot.write(kind, key, built);
        }
        return built[section];
      },
    };
  };
  return { digest, config, configFile, venues, location, texts, bytes: new LazyMap(readers), paths, markdown, scans, derived, loadTexts };
}
