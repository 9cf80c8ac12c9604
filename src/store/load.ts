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
import type { Digest, Entry, Section } from './schema.js';
import { createTodoMatcher, DEFAULT_TODO_TERMS } from './todos.js';
import { decodeNotes } from './utf8.js';
import { cacheSlot, ChunkLinkCache, type CacheSlot } from './cache.js';
import { CachedChunks, CHUNK, storeSections, type CachedStore } from './store-cache.js';
import { fnv64, sha1 } from './hash.js';
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
  /**
   * The command reads the notes' text (lint, add, note): the files are read and hashed at once, never
   * vouched for by their stat, so the text it reads is the one the store was made from, whatever
   * another process writes meanwhile.
   */
  readsText?: boolean | undefined;
  /**
   * Cache the store when it is parsed (default true). add and note do not: they change the file
   * at once, and a store cached for the bytes before would never be read.
   */
  cacheParsed?: boolean | undefined;
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

/** The notes found, read (or vouched for by their stat) and keyed: what every load starts from. */
interface OpenedNotes {
  location: NotesLocation;
  config: Config;
  configFile: string | null;
  venues: VenueRegistry;
  /** Absolute path -> display name, in store order. */
  names: Map<string, string>;
  texts: LazyMap<string>;
  bytes: LazyMap<Uint8Array>;
  paths: Map<string, string>;
  slot: CacheSlot;
  /** The cache key of everything parsed from these notes. */
  key: string;
  /** The decoded texts by absolute path, in store order. */
  decoded(): Map<string, string>;
  derived: LoadedStore['derived'];
}

function openNotes(io: Io, options: LoadOptions): OpenedNotes {
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
    const known = options.readsText ? null : knownHash(recorded, file, st);
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
  const key = fnv64(
    JSON.stringify([
      [config.sections ?? {}, config.venues ?? [], todoTerms, config.orgs ?? []],
      [...hashes],
    ]),
  );
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
  return {
    location,
    config,
    configFile,
    venues,
    names,
    texts,
    bytes: new LazyMap(readers),
    paths,
    slot,
    key,
    decoded: () => new Map([...names].map(([file, shown]) => [file, texts.get(shown)!] as const)),
    derived,
  };
}

/**
 * The cached store's chunks, when the cache holds the store (with links, if `wantLinks`). A chunk the
 * cache cannot give whole is parsed again (without links) and the cache file written again.
 */
function cachedChunks(notes: OpenedNotes, wantLinks: boolean): { main: CachedStore; chunks: CachedChunks } | undefined {
  const file = notes.slot.read('store', notes.key);
  const main = file?.section('main') as CachedStore | undefined;
  if (!file || !main || !main.digest || !Number.isSafeInteger(main.size) || (!main.withLinks && wantLinks)) return undefined;
  let fresh: Digest | undefined;
  const chunks = new CachedChunks(file, main.size, notes.names, () => {
    if (!fresh) {
      const decoded = notes.decoded();
      const parsed = parseTextsWith(decoded, notes.config, undefined, [...decoded.values()].some((text) => fileMayHoldLinks(text)));
      fresh = parsed.digest;
      notes.slot.write('store', notes.key, storeSections(fresh, parsed.withLinks));
    }
    return fresh;
  });
  renameFiles(main.digest, notes.names);
  return { main, chunks };
}

export async function loadStore(io: Io, options: LoadOptions = {}): Promise<LoadedStore> {
  return loadStoreFrom(openNotes(io, options), io, options);
}

async function loadStoreFrom(notes: OpenedNotes, io: Io, options: LoadOptions): Promise<LoadedStore> {
  const wantLinks = options.links !== false;
  const { slot, key, names, config } = notes;
  let digest: Digest | undefined;
  let markdown: MarkdownParser | undefined;
  let loadTexts: LoadedStore['loadTexts'] = () => {};
  const scans = new Map<string, Scan>();
  const hit = cachedChunks(notes, wantLinks);
  if (hit) {
    const entries: Entry[] = [];
    for (let c = 0; c * CHUNK < hit.main.size; c++) {
      const chunk = hit.chunks.cached(c);
      // A damaged chunk of entries: parsed again whole below (with links, if wanted).
      if (!chunk) break;
      for (const e of chunk) entries.push(e);
    }
    if (entries.length === hit.main.size) {
      digest = { ...hit.main.digest, entries };
      const { chunks } = hit;
      let indexOf: Map<Entry, number> | undefined;
      loadTexts = (some) => {
        if (!some) {
          chunks.fillAllTexts();
          return;
        }
        indexOf ??= new Map(entries.map((e, i) => [e, i]));
        for (const e of some) {
          const i = indexOf.get(e);
          if (i !== undefined) chunks.fillTextsOf(i);
        }
      };
      if (options.entryTexts !== false) loadTexts();
    }
  }
  if (!digest) {
    const decoded = notes.decoded();
    const total = [...decoded.values()].reduce((n, text) => n + text.length, 0);
    const progress = options.progress && io.stderr.isTTY && total >= PROGRESS_MIN_BYTES ? progressBar(io, 'papers: reading notes') : undefined;
    const linkCache = wantLinks ? new ChunkLinkCache(slot.read('links', 'chunks')?.section('main')) : undefined;
    const parsed = await parseTexts(decoded, config, { links: wantLinks, linkCache, onProgress: progress });
    digest = parsed.digest;
    markdown = parsed.markdown;
    for (const [file, scan] of parsed.scans) scans.set(names.get(file)!, scan);
    if (options.cacheParsed !== false) slot.write('store', key, storeSections(digest, parsed.withLinks));
    if (linkCache && linkCache.added > 0) slot.write('links', 'chunks', { main: linkCache.used });
    renameFiles(digest, names);
  }
  const { location, configFile, venues, texts, bytes, paths, derived } = notes;
  return { digest, config, configFile, venues, location, texts, bytes, paths, markdown, scans, derived, loadTexts };
}

/**
 * A store read only as far as a command needs: its size, and the entries at some positions, texts
 * included. For commands that never show links (`links: false`): an entry's links may be left out.
 */
export interface StoreView {
  size: number;
  /** The store's sections (headings), without reading its entries. */
  sections: Section[];
  config: Config;
  venues: VenueRegistry;
  /** The entries at these positions, texts included. */
  entriesAt(positions: Iterable<number>): Map<number, Entry>;
  /** The whole store; its entries' texts may be empty (see LoadOptions.entryTexts), for filters. */
  digest(): Digest;
  /** The whole store, texts included. */
  full(): LoadedStore;
  derived: LoadedStore['derived'];
}

/** A view of a store loaded whole. */
export function storeViewOf(store: LoadedStore): StoreView {
  const { entries } = store.digest;
  return {
    size: entries.length,
    sections: store.digest.sections,
    config: store.config,
    venues: store.venues,
    entriesAt: (positions) => {
      const out = new Map<number, Entry>();
      for (const i of positions) if (entries[i]) out.set(i, entries[i]);
      store.loadTexts([...out.values()]);
      return out;
    },
    digest: () => store.digest,
    full: () => {
      store.loadTexts();
      return store;
    },
    derived: store.derived,
  };
}

export async function loadStoreView(io: Io, options: Omit<LoadOptions, 'links' | 'entryTexts'> = {}): Promise<StoreView> {
  const notes = openNotes(io, options);
  const hit = cachedChunks(notes, false);
  // Not cached: parsed whole (and cached) as any load.
  if (!hit) return storeViewOf(await loadStoreFrom(notes, io, { ...options, links: false }));
  const { main, chunks } = hit;
  let full: LoadedStore | undefined;
  let all: Entry[] | undefined;
  const allEntries = (): Entry[] => {
    if (!all) {
      all = [];
      for (let c = 0; c * CHUNK < main.size; c++) for (const e of chunks.chunk(c)) all.push(e);
    }
    return all;
  };
  return {
    size: main.size,
    sections: main.digest.sections,
    config: notes.config,
    venues: notes.venues,
    entriesAt: (positions) => {
      const out = new Map<number, Entry>();
      for (const i of positions) {
        if (!Number.isInteger(i) || i < 0 || i >= main.size) continue;
        const c = Math.floor(i / CHUNK);
        chunks.fillTextsOf(i);
        out.set(i, chunks.chunk(c)[i - c * CHUNK]!);
      }
      return out;
    },
    digest: () => ({ ...main.digest, entries: allEntries() }),
    full: () => {
      if (!full) {
        const entries = allEntries();
        chunks.fillAllTexts();
        const { config, configFile, venues, location, texts, bytes, paths, derived } = notes;
        full = { digest: { ...main.digest, entries }, config, configFile, venues, location, texts, bytes, paths, markdown: undefined, scans: new Map(), derived, loadTexts: () => {} };
      }
      return full;
    },
    derived: notes.derived,
  };
}
