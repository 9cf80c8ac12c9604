// The one way to a Store: locate the notes -> read them (or know them by their stat) -> the cached
// store, or a parse that reuses every chunk the cache already holds -> Store.
import * as path from 'node:path';
import { knownFiles } from '../cache/files.js';
import { fnv64, sha1 } from '../cache/hash.js';
import { deriveProduct, generationOf, type ProductInputs } from '../cache/products.js';
import { cacheSlot, noCache, type CacheSlot } from '../cache/slot.js';
import { changedBody, resegment, segmentsOf, withBody, type FileSegments } from '../cache/segments.js';
import { chunkKey, storeCache, type CachedStore, type StoreCache } from '../cache/store-cache.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import { buildLayout, keyAt, placeAt, rowFields, rowFieldsAt, withRow, withRows, type LayoutPart, type RowFields, type RowRef, type StoreLayout } from './layout.js';
import { displayName, locateNotes, type NotesLocation } from './locate.js';
import { parseChunk, splitDigest, type ChunkSource, type DigestFrame, type ParsedChunk, type ParsedFile, type Registries } from './parse.js';
import type { Product } from './product.js';
import { ENCODINGS, type EncodingName } from '../config/encodings.js';
import { UsageError } from '../errors.js';
import { notesCodec, readNotesBytes, type NotesCodec } from './read.js';
import type { EntryParse } from './schema.js';
import { countFeeds, spliceChunk, type SpliceFacts } from './splice.js';
import type { Encoding } from './encoding.js';
import { decodeNotes } from './utf8.js';
import { createStore, type Store } from './store.js';
import { createTodoMatcher, DEFAULT_TODO_TERMS, type TodoMatcher } from './todos.js';
import { createVenueRegistry, type VenueRegistry } from './venues.js';

export interface LoadOptions {
  notes?: string | undefined;
  config?: string | undefined;
  /** Use the cache (default true; `--no-cache` turns it off). */
  cache?: boolean | undefined;
  /**
   * The command reads the notes' text (lint, add, note): the files are read and hashed at once, never
   * vouched for by their stat, so the text it reads is the one the store was made from.
   */
  readsText?: boolean | undefined;
  /** Called when a long parse starts: what it returns is told the share done (0..1). */
  progress?: (() => (done: number) => void) | undefined;
  /** The notes' encoding (`--encoding`), over the config's `encoding`. */
  encoding?: string | undefined;
}

/** A parse of a digest this long (in characters) shows a progress bar, once a twentieth of it is parsed anew. */
const PROGRESS_MIN_LENGTH = 2_000_000;

export function registriesFor(config: Config): Registries & { todoTerms: string[] } {
  const todoTerms = [...DEFAULT_TODO_TERMS, ...(config.todoTerms ?? [])];
  // NOTE: each made on first use: a warm run that parses nothing never needs them (~0.4 ms of its start).
  let venues: VenueRegistry | undefined;
  let todos: TodoMatcher | undefined;
  return {
    get venues() {
      return (venues ??= createVenueRegistry(config.venues ?? []));
    },
    get todos() {
      return (todos ??= createTodoMatcher(todoTerms));
    },
    entries: config.entries ?? 'auto',
    todoTerms,
  };
}

/** Of everything in the config that shapes a parse or a product. */
function configKeyOf(config: Config, todoTerms: readonly string[], encoding: EncodingName): string {
  // NOTE: where entries are (`entries`) changes the chunks, and the encoding the text, of the same bytes.
  return fnv64(JSON.stringify([config.sections ?? {}, config.venues ?? [], todoTerms, config.orgs ?? [], config.entries ?? 'auto', encoding]));
}

/** The encoding to read the notes in: `--encoding`, else the config's, else detected. */
function encodingOf(option: string | undefined, config: Config): EncodingName {
  if (option === undefined) return config.encoding ?? 'auto';
  const name = option.toLowerCase() as EncodingName;
  if (!ENCODINGS.includes(name)) throw new UsageError(`--encoding: unknown encoding "${option}"`, `use one of ${ENCODINGS.join(', ')}`);
  return name;
}

/** Makes the fingerprint of a file's new text (cache/segments.ts), its chunks given. */
type Fingerprint = (text: string, bytes: Uint8Array, chunks: ReadonlyArray<{ offset: number; length: number }>, facts: SpliceFacts) => FileSegments;

/** A notes file as this run knows it: its hash, and its bytes and text once read. */
interface NotesFile {
  path: string;
  shown: string;
  sha1: string;
  bytes: Uint8Array | undefined;
  text: string | undefined;
  /** The encoding it was read in, once decoded (or spliced: UTF-8). */
  encoding?: Encoding | undefined;
}

export async function loadStore(io: Io, options: LoadOptions = {}): Promise<Store> {
  const location = locateNotes(io, options.notes);
  const configDir = location.kind === 'dir' ? location.root : path.dirname(location.root);
  const { config, file: configFile } = loadConfig(io, configDir, options.config);
  const registries = registriesFor(config);
  const codec = notesCodec(encodingOf(options.encoding, config));
  const configKey = configKeyOf(config, registries.todoTerms, codec.setting);
  // NOTE: the store is cached under absolute paths and named for display after, so running papers
  // from another folder finds it in the cache.
  const slot = cacheSlot(io, location.root, options.cache !== false);
  const files = readFiles(io, location, knownFiles(slot, io.now()), options.readsText === true);
  const cache = storeCache(slot, configKey);

  const fresh = new Map<number, EntryParse>();
  const hit = cache.exact(files);
  const loaded: Loaded = { io, location, config, configFile, registries, configKey, slot, cache, codec };
  if (hit) return storeOf(loaded, { layout: hit.layout, files, parses: fresh, hit, segmentOf: (k) => hit.segments(k) });
  // NOTE: an edit is spliced only into a file read as UTF-8 (its fingerprint is of UTF-8 bytes).
  const splices = codec.setting === 'auto' || codec.setting === 'utf-8';
  const { layout, segments } = parseLayout(files, (f) => textOf(io, f, codec), registries, cache, fresh, options.progress, splices);
  cache.save(layout, (i) => fresh.get(i), undefined, segments);
  return storeOf(loaded, { layout, files, parses: fresh, segmentOf: (k) => segments[k] ?? null });
}

/** What a load found: where the notes are, how they are read, where their cache is. */
interface Loaded {
  io: Io;
  location: NotesLocation;
  config: Config;
  configFile: string | null;
  registries: Registries;
  configKey: string;
  slot: CacheSlot;
  cache: StoreCache;
  codec: NotesCodec;
}

/** A state of the notes: the layout of these files, and the parses made for it in this run. */
interface State {
  layout: StoreLayout;
  files: NotesFile[];
  /** Parses of rows made in this run (new chunks, links extracted, damaged groups parsed again). */
  parses: Map<number, EntryParse>;
  /** For a state a writer made of another: the parse of each row it kept, from that state. */
  earlier?: ((i: number) => EntryParse | undefined) | undefined;
  /** The cached store, when it is this state's. */
  hit?: CachedStore | undefined;
  /** The file whose new text is not written yet (withText): its hash comes with its bytes (keep). */
  unwritten?: number | undefined;
  /** What its split read from the whole file (for its fingerprint, made in keep). */
  facts?: SpliceFacts | undefined;
  /** How its fingerprint is made from the earlier state's, when only part of it changed (else it is made whole). */
  fingerprint?: Fingerprint | undefined;
  /** The fingerprint of each file's bytes (cache/segments.ts), null where there is none. */
  segmentOf: (k: number) => FileSegments | null;
}

function bytesOf(io: Io, f: NotesFile): Uint8Array {
  if (!f.bytes) {
    const data = readNotesBytes(io, f.path, f.shown);
    // The store was read for the hash the stat vouched for: other bytes now mean the file was just written.
    if (sha1(data) !== f.sha1) throw new InputError(`${f.shown} changed while papers was reading it`, 'run the command again');
    f.bytes = data;
  }
  return f.bytes;
}

function textOf(io: Io, f: NotesFile, codec: NotesCodec): string {
  if (f.text === undefined) {
    const decoded = codec.decode(bytesOf(io, f), f.shown);
    f.text = decoded.text;
    f.encoding = decoded.encoding;
  }
  return f.text;
}

function storeOf(loaded: Loaded, state: State): Store {
  const { io, registries, cache, slot, codec } = loaded;
  const { layout, files, parses, hit } = state;
  const fileAt = (k: number): NotesFile => files[k]!;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const file = (p: string): NotesFile => byPath.get(p)!;
  const sourceOf = (i: number): ChunkSource => {
    const row = placeAt(layout, i);
    const text = textOf(io, fileAt(row.file), codec);
    return { text: text.slice(row.offset, row.offset + row.length), section: row.section, definitions: row.definitions };
  };
  const replaced = new Set<number>();
  const keep = (): void => cache.save(layout, (i) => parses.get(i), replaced);
  const cachedParse = (i: number): EntryParse | undefined => parses.get(i) ?? state.earlier?.(i) ?? hit?.parseOf(i) ?? cache.reuse(keyAt(layout, i));
  /** A group of the cache is damaged: every parse it cannot give is made again, and the cache written once. */
  const repair = (): void => {
    for (let i = 0; i < layout.rows.size; i++) {
      if (cachedParse(i)) continue;
      parses.set(i, parseChunk(sourceOf(i), registries));
      replaced.add(i);
    }
    if (state.unwritten === undefined || files[state.unwritten]!.bytes) keep();
  };
  const parseOf = (i: number): EntryParse => {
    if (!cachedParse(i)) repair();
    return cachedParse(i)!;
  };
  /** Where file `k`'s rows start, and how many: they are consecutive, in the order of the files. */
  const rowsOf = (k: number): { first: number; count: number } => {
    let first = 0;
    let count = 0;
    for (const f of layout.rows.file) f < k ? first++ : f === k ? count++ : 0;
    return { first, count };
  };
  /**
   * The state once file `k` holds `text`, its part of the layout `part`: chunk `j`'s parse is
   * `parseOf(j)` when made for it, else that of this state's row `keptRow(j)`; the other files' rows
   * keep theirs (those after it moved by the change in its count of entries), read when asked for.
   * Without `keptRow`, every parse is taken over at once instead, so the new state holds nothing of this one.
   */
  const written = (
    k: number,
    text: string,
    part: LayoutPart,
    facts: SpliceFacts | undefined,
    parseOf: (chunk: number) => EntryParse | undefined,
    keptRow: ((chunk: number) => number | undefined) | undefined,
    fingerprint: Fingerprint | undefined,
    built?: StoreLayout,
  ): Store => {
    const next: NotesFile[] = files.map((f, j) => (j === k ? { ...f, sha1: '', bytes: undefined, text } : f));
    // NOTE: taken now, not read through this state when asked: a state made of another must not hold
    // on to it (papers lsp makes one of the last at every keystroke; a chain would keep them all).
    const segments = files.map((_, j) => (j === k ? null : state.segmentOf(j)));
    const after = built ?? buildLayout(layout.files.map((f, j): LayoutPart => (j === k ? part : layoutPart(layout, j))), layout.sectionReadings);
    const { first, count } = rowsOf(k);
    const n = part.chunks.length;
    const made = new Map<number, EntryParse>();
    for (let j = 0; j < n; j++) {
      const parse = parseOf(j);
      if (parse) made.set(first + j, parse);
    }
    // The other files' rows, and those keptRow names, keep their parses from this state, read when asked for.
    const earlier = (i: number): EntryParse | undefined => {
      const old = i < first ? i : i >= first + n ? i - n + count : keptRow?.(i - first);
      return old === undefined ? undefined : cachedParse(old);
    };
    if (!keptRow) {
      // Every parse taken over now, the other files' too (see withEdit).
      for (let i = 0; i < after.rows.size; i++) if (!made.has(i)) { const parse = earlier(i); if (parse) made.set(i, parse); }
    }
    return storeOf(loaded, { layout: after, files: next, parses: made, earlier: keptRow ? earlier : undefined, unwritten: k, facts, fingerprint, segmentOf: segmentsAt(segments) });
  };
  const products = productsOf(slot === noCache ? undefined : slot, loaded.configKey, layout);
  return createStore({
    location: loaded.location,
    config: loaded.config,
    configFile: loaded.configFile,
    registries,
    layout,
    names: new Map(files.map((f) => [f.path, f.shown])),
    parseOf,
    improved(better) {
      for (const [i, parse] of better) {
        parses.set(i, parse);
        replaced.add(i);
      }
      // NOTE: a text not written yet (an editor's buffer, papers lsp) is no state of the notes to cache.
      if (state.unwritten === undefined || files[state.unwritten]!.bytes) keep();
    },
    text: (p) => textOf(io, file(p), codec),
    codec,
    bytes: (p) => bytesOf(io, file(p)),
    derive: (product, s) => products(product, s),
    withText(p, text, parsed) {
      const k = files.findIndex((f) => f.path === p);
      const chunks = parsed.chunks ?? [];
      // A chunk whose parse is one of this file's (reused, so of the same text, section and definitions)
      // keeps its row's fields: its text is not hashed again.
      const rowOf = new Map<EntryParse, number>();
      for (let i = 0; i < layout.rows.size; i++) {
        const parse = layout.rows.file[i] === k ? cachedParse(i) : undefined;
        if (parse) rowOf.set(parse, i);
      }
      const known = (c: ParsedChunk): RowRef | undefined => {
        const i = rowOf.get(c.parse);
        if (i === undefined) return undefined;
        const place = placeAt(layout, i);
        return place.section === c.source.section && place.definitions === c.source.definitions && place.length === c.source.text.length ? { layout, row: i } : undefined;
      };
      const part = partOf(p, { ...parsed, chunks }, chunks.map((c) => known(c) ?? rowFields(chunkKey(c.source), c.source, c.parse)));
      return written(k, text, part, parsed.frame?.splice, (j) => chunks[j]!.parse, () => undefined, undefined);
    },
    withSplit(p, text, frame, window) {
      const k = files.findIndex((f) => f.path === p);
      const { first } = rowsOf(k);
      const { from, oldTo, newTo } = window;
      const kept = (j: number): number | undefined => (j < from ? j : j >= newTo ? j - newTo + oldTo : undefined);
      const made = new Map<number, EntryParse>();
      const fields = frame.chunks.map((c, j): RowFields | RowRef => {
        const old = kept(j);
        if (old !== undefined) return { layout, row: first + old };
        const parse = parseChunk(c.source, registries);
        made.set(j, parse);
        return rowFields(chunkKey(c.source), c.source, parse);
      });
      const part = partOf(p, { info: frame.info, sections: frame.sections, frame, chunks: frame.chunks }, fields);
      // The text before the window's first chunk and from the first after it on is the old text: so are their parts of the fingerprint.
      const old = state.segmentOf(k);
      const end = (j: number): number => frame.chunks[j]!.offset + frame.chunks[j]!.source.text.length;
      const before = from > 0 ? end(from - 1) : 0;
      const after = newTo < frame.chunks.length ? frame.chunks[newTo]!.offset : text.length;
      const fingerprint: Fingerprint | undefined = old ? (t, bytes, chunks, facts) => resegment(old, t, bytes, chunks, facts, before, after) : undefined;
      // The layout with the window's rows spliced in (buildLayout when that could change other rows' ids).
      const built = withRows(layout, k, part, from, oldTo, newTo) ?? undefined;
      return written(k, text, part, frame.splice, (j) => made.get(j), (j) => (kept(j) === undefined ? undefined : first + kept(j)!), fingerprint, built);
    },
    withEdit(p, text, edit) {
      const k = files.findIndex((f) => f.path === p);
      const facts = state.unwritten === k ? state.facts : state.segmentOf(k)?.facts;
      if (k < 0 || !facts) return null;
      const { first, count } = rowsOf(k);
      const before = textOf(io, files[k]!, codec);
      // The chunk holding the edit, which must lie in its notes: after its heading line, before its end.
      let j = 0;
      while (j < count && layout.rows.offset[first + j]! + layout.rows.length[first + j]! < edit.end) j++;
      if (j === count) return null;
      const row = first + j;
      const offset = layout.rows.offset[row]!;
      const length = layout.rows.length[row]!;
      const bodyStart = before.indexOf('\n', offset) + 1;
      if (bodyStart === 0 || edit.start < bodyStart || edit.end > offset + length) return null;
      const old = parseOf(row);
      const chunkText = before.slice(offset, edit.start) + edit.text + before.slice(edit.end, offset + length);
      // The edit must be what makes `text` of the text now (the caller's bug otherwise, never a wrong store).
      if (text.length !== before.length - (edit.end - edit.start) + edit.text.length || !text.startsWith(chunkText, offset)) return null;
      let parse: EntryParse | undefined;
      let made: RowFields | undefined;
      const fields = (source: ChunkSource): RowFields => (made = rowFields(chunkKey(source), source, (parse = parseChunk(source, registries))));
      const feeds = countFeeds(before, offset, offset + length);
      const input = { part: layoutPart(layout, k), facts, index: j, length, feeds, notes: old.notes, text: chunkText, fileLength: text.length };
      const part = spliceChunk(input, (name) => registries.venues.isKnown(name), fields);
      if (!part || !parse || !made) return null;
      const own = parse;
      // The layout with that row's fields and the rows after it moved (buildLayout when its heading changed).
      const built = withRow(layout, k, { path: p, sha1: '', frame: part.frame }, row, made, chunkText.length - length, countFeeds(chunkText) - feeds) ?? undefined;
      // NOTE: every other parse is taken over now, not read through this state later: a buffer typed into
      // makes a state a keystroke, and a chain of states to look a parse up through would grow with each.
      return written(k, text, part, facts, (c) => (c === j ? own : cachedParse(first + c)), undefined, undefined, built);
    },
    keep(bytes) {
      const k = state.unwritten;
      if (k === undefined) return keep();
      if (!bytes) throw new Error('store: keep() of a new text needs the bytes written');
      const f = files[k]!;
      f.bytes = bytes;
      f.sha1 = layout.files[k]!.sha1 = sha1(bytes);
      const chunks: Array<{ offset: number; length: number }> = [];
      for (let i = 0; i < layout.rows.size; i++) if (layout.rows.file[i] === k) chunks.push({ offset: layout.rows.offset[i]!, length: layout.rows.length[i]! });
      const fingerprint = state.fingerprint ?? segmentsOf;
      const made = state.facts && f.encoding === 'utf-8' && f.text !== undefined ? fingerprint(f.text, bytes, chunks, state.facts) : null;
      cache.save(layout, (i) => parses.get(i), replaced, layout.files.map((_, j) => (j === k ? made : state.segmentOf(j))));
    },
  });
}

/**
 * A state's segmentOf from the segments taken over. NOTE: made out here, not where the state is made:
 * a closure made inside storeOf would hold on to the state it was made in, and through it to every one before.
 */
function segmentsAt(segments: ReadonlyArray<FileSegments | null>): (k: number) => FileSegments | null {
  return (k) => segments[k] ?? null;
}

/** A file's new part of a layout (its text not written yet, so no hash), under its absolute path: its frame, and each chunk's fields. */
function partOf(
  path: string,
  parsed: Pick<ParsedFile, 'info' | 'sections'> & { frame?: Pick<DigestFrame, 'problems' | 'headingDiagnostics'> | undefined; chunks: ReadonlyArray<{ offset: number; line: number }> },
  fields: ReadonlyArray<RowFields | RowRef>,
): LayoutPart {
  const rename = <T extends { file: string }>(x: T): T => ({ ...x, file: path });
  return {
    path,
    sha1: '',
    frame: {
      info: rename(parsed.info),
      sections: parsed.sections.map(rename),
      problems: (parsed.frame?.problems ?? []).map(rename),
      headingDiagnostics: (parsed.frame?.headingDiagnostics ?? []).map(rename),
    },
    chunks: parsed.chunks.map((c, j) => ({ offset: c.offset, line: c.line, fields: fields[j]! })),
  };
}

/** File `k` of a layout as a part, to build another layout with. */
function layoutPart(layout: StoreLayout, k: number): LayoutPart {
  const f = layout.files[k]!;
  return {
    path: f.path,
    sha1: f.sha1,
    frame: { info: f.info, sections: f.sections, problems: f.problems, headingDiagnostics: f.headingDiagnostics },
    chunks: [...layout.rows.file.keys()].filter((i) => layout.rows.file[i] === k).map((i) => ({ offset: layout.rows.offset[i]!, line: layout.rows.line[i]!, fields: { layout, row: i } })),
  };
}

/** Each notes file, its hash known from its stat or its bytes read and hashed. */
function readFiles(io: Io, location: NotesLocation, known: ReturnType<typeof knownFiles>, readsText: boolean): NotesFile[] {
  const files = location.files.map((p): NotesFile => {
    const shown = displayName(io, p);
    // NOTE: stat before reading: a write in between changes the stat, so the old stat never vouches for new bytes.
    const st = io.stat(p);
    const hash = readsText ? null : known.hashOf(p, st);
    if (hash !== null) return { path: p, shown, sha1: hash, bytes: undefined, text: undefined };
    const bytes = readNotesBytes(io, p, shown);
    const sha = sha1(bytes);
    known.hashed(p, st, sha);
    return { path: p, shown, sha1: sha, bytes, text: undefined };
  });
  known.save();
  return files;
}

/** The layout of the notes now, and the fingerprint of each file's bytes (null where there is none). */
interface Parsed {
  layout: StoreLayout;
  segments: Array<FileSegments | null>;
}

/** How a file came into a new layout: as the cached store has it, spliced into it, or split whole. */
type FilePlan =
  | { kind: 'same' | 'spliced'; part: LayoutPart; segments: FileSegments | null; parse?: { index: number; parse: EntryParse }; row?: SplicedRow }
  | { kind: 'split'; text: string };

/** The one row a splice changed: its chunk's position in the file, its new fields, and how far the rows after it moved. */
interface SplicedRow {
  index: number;
  fields: RowFields;
  chars: number;
  feeds: number;
}

/**
 * The layout of the notes now: a file the cached store holds with the same bytes is taken as it is;
 * one whose edit changed one entry's notes is spliced into its cached part (the other entries moved,
 * never read); the others are split, every chunk the cache holds under its key (from any earlier
 * state of the notes) reused, the others parsed (their parses put in `fresh`, by row).
 */
function parseLayout(
  files: NotesFile[],
  textOf: (f: NotesFile) => string,
  registries: Registries,
  cache: StoreCache,
  fresh: Map<number, EntryParse>,
  progress: LoadOptions['progress'],
  splices: boolean,
): Parsed {
  const before = cache.previous();
  const plans = files.map((f): FilePlan => {
    const k = before ? before.layout.files.findIndex((o) => o.path === f.path) : -1;
    if (k >= 0 && before!.layout.files[k]!.sha1 === f.sha1) return { kind: 'same', part: layoutPart(before!.layout, k), segments: before!.segments(k) };
    const spliced = k >= 0 && splices ? splicedPlan(before!, k, f, registries, cache) : null;
    return spliced ?? { kind: 'split', text: textOf(f) };
  });
  const total = plans.reduce((n, p) => n + (p.kind === 'split' ? p.text.length : 0), 0);
  let tick: ((done: number) => void) | undefined;
  let done = 0;
  let row = 0;
  const segments: Array<FileSegments | null> = [];
  const parts = plans.map((plan, k): LayoutPart => {
    if (plan.kind !== 'split') {
      if (plan.parse) fresh.set(row + plan.parse.index, plan.parse.parse);
      row += plan.part.chunks.length;
      segments.push(plan.segments);
      return plan.part;
    }
    const f = files[k]!;
    const frame = splitDigest(plan.text, f.path, registries);
    const chunks = frame.chunks.map((place) => {
      const { fields, parse } = fieldsOf(place.source, registries, cache);
      if (parse) {
        fresh.set(row, parse);
        done += place.source.text.length;
        // Not for the few chunks an edit leaves to parse.
        if (!tick && progress && total >= PROGRESS_MIN_LENGTH && done >= total / 20) tick = progress();
        if (tick && fresh.size % 256 === 0) tick(done / total);
      }
      row++;
      return { offset: place.offset, line: place.line, fields };
    });
    segments.push(f.encoding === 'utf-8' && f.bytes ? segmentsOf(plan.text, f.bytes, frame.chunks.map((c) => ({ offset: c.offset, length: c.source.text.length })), frame.splice) : null);
    return { path: f.path, sha1: f.sha1, frame, chunks };
  });
  tick?.(1);
  return { layout: splicedLayout(before, plans, parts) ?? buildLayout(parts, cache.sectionReadings()), segments };
}

/**
 * The cached store's layout with the one row a hand edit changed (withRow), when the files are those
 * it holds, in its order, and all but that one's unchanged; else null (buildLayout).
 */
function splicedLayout(before: CachedStore | null | undefined, plans: readonly FilePlan[], parts: readonly LayoutPart[]): StoreLayout | null {
  if (!before || plans.length !== before.layout.files.length) return null;
  let at = -1;
  for (let k = 0; k < plans.length; k++) {
    const plan = plans[k]!;
    if (plan.kind === 'split' || parts[k]!.path !== before.layout.files[k]!.path) return null;
    if (plan.kind === 'spliced') {
      if (at >= 0 || !plan.row) return null;
      at = k;
    }
  }
  if (at < 0) return null;
  const { row } = plans[at] as { row: SplicedRow };
  let first = 0;
  while (first < before.layout.rows.size && before.layout.rows.file[first]! < at) first++;
  return withRow(before.layout, at, parts[at]!, first + row.index, row.fields, row.chars, row.feeds);
}

/** A chunk's row fields: those of the cached store's row under its key, else made from a new parse (given too). */
function fieldsOf(source: ChunkSource, registries: Registries, cache: StoreCache): { fields: RowFields | RowRef; parse?: EntryParse } {
  const key = chunkKey(source);
  const known = cache.row(key);
  if (known) return { fields: known };
  const parse = parseChunk(source, registries);
  return { fields: rowFields(key, source, parse), parse };
}

/**
 * File `k` of the cached store with an edit of one entry's notes spliced in (store/splice.ts), when
 * its fingerprint finds the one body that changed and the splice can be sure of the rest; else null.
 */
function splicedPlan(before: CachedStore, k: number, f: NotesFile, registries: Registries, cache: StoreCache): FilePlan | null {
  const old = before.segments(k);
  if (!old || !f.bytes) return null;
  const changed = changedBody(old, f.bytes);
  if (!changed) return null;
  const heading = decodeNotes(changed.heading);
  const body = decodeNotes(changed.body);
  if (!heading.ok || !body.ok) return null;
  const part = layoutPart(before.layout, k);
  const ref = part.chunks[changed.chunk]?.fields as RowRef | undefined;
  const parse = ref && before.parseOf(ref.row);
  if (!ref || !parse) return null;
  const text = heading.text + body.text;
  const length = before.layout.rows.length[ref.row]!;
  let made: { index: number; parse: EntryParse } | undefined;
  let own: RowFields | undefined;
  const fields = (source: ChunkSource): RowFields | RowRef => {
    const got = fieldsOf(source, registries, cache);
    if (got.parse) made = { index: changed.chunk, parse: got.parse };
    own = 'layout' in got.fields ? rowFieldsAt(got.fields) : got.fields;
    return got.fields;
  };
  const input = {
    part: { ...part, sha1: f.sha1 },
    facts: old.facts,
    index: changed.chunk,
    length,
    feeds: old.feeds[changed.part + 1]! - old.feeds[changed.part - 1]!,
    notes: parse.notes,
    text,
    fileLength: part.frame.info.length - length + text.length,
  };
  const spliced = spliceChunk(input, (name) => registries.venues.isKnown(name), fields);
  if (!spliced) return null;
  f.encoding = 'utf-8';
  const segments = withBody(old, changed.part, changed.body, countFeeds(body.text));
  const row = own && { index: changed.chunk, fields: own, chars: text.length - length, feeds: countFeeds(text) - input.feeds };
  return { kind: 'spliced', part: spliced, segments, ...(made ? { parse: made } : {}), ...(row ? { row } : {}) };
}

/** The store's products: cached with the store, or (without a cache) built once in this run. */
function productsOf(slot: Parameters<typeof deriveProduct>[0] | undefined, configKey: string, layout: StoreLayout) {
  const built = new Map<string, unknown>();
  let inputs: ProductInputs | undefined;
  return <P extends Record<string, unknown>>(product: Product<P>, store: Store): P => {
    let value = built.get(product.name) as P | undefined;
    if (!value) {
      if (slot) {
        inputs ??= { configKey, keys: layout.rows.key, generation: generationOf(layout.rows.key, layout.rows.id) };
        value = deriveProduct(slot, inputs, product, store);
      } else value = product.build(store);
      built.set(product.name, value);
    }
    return value;
  };
}
