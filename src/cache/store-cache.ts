// The store as the cache keeps it, one file per notes location: `main` (the layout: files and one row
// per entry) and the entries' chunk parses in groups of about 64, each a section named by the keys of
// its chunks. Groups are cut where a chunk's key says so (content-defined, as rsync cuts files), so an
// edit changes the groups around it only: the others are copied into the next file as bytes.
import * as z from 'zod/mini';
import { columnAt } from '../store/columns.js';
import { rowsAreWhole, StoreLayoutSchema, type LayoutRows, type RowRef, type StoreLayout } from '../store/layout.js';
import type { ChunkSource } from '../store/parse.js';
import { entrySchemas, type EntryParse } from '../store/schema.js';
import { checker } from './check.js';
import type { CacheFile } from './format.js';
import { textKey } from './hash.js';
import { FileSegmentsSchema, segmentsAreWhole, type FileSegments } from './segments.js';
import type { CacheSlot } from './slot.js';

const KIND = 'store';
/** A group ends after a chunk whose key ends in 6 zero bits (one in 64), or at this many chunks. */
const GROUP_MASK = 63;
const GROUP_MAX = 256;

const isLayout = checker(StoreLayoutSchema);
// NOTE: made on first use, as the entry schemas are (a warm `list` reads no group).
let groupCheck: ((value: unknown) => value is EntryParse[]) | undefined;
const isGroup = (value: unknown): value is EntryParse[] => (groupCheck ??= checker(z.array(entrySchemas().EntryParseSchema)))(value);
const isSegments = checker(z.array(z.nullable(FileSegmentsSchema)));
/** The section of each file's fingerprint (segments.ts), by file; null for a file that has none. */
const SEGMENTS = 'segments';

/** The key a chunk's parse is kept under: its text and everything else it is parsed from. */
export function chunkKey(source: ChunkSource): string {
  return textKey(source.section === null ? '\u0000' : `=${source.section}`, source.definitions, source.text);
}

interface Group {
  key: string;
  start: number;
  end: number;
}

/** The layout's groups: runs of rows of one file, cut after a row whose key says so. */
export function groupsOf(rows: Pick<LayoutRows, 'size' | 'key' | 'file'>): Group[] {
  const groups: Group[] = [];
  const n = rows.size;
  let start = 0;
  let keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = columnAt(rows.key, i);
    keys.push(key);
    const last = i + 1 === n || rows.file[i + 1] !== rows.file[i] || i + 1 - start >= GROUP_MAX || (Number.parseInt(key.slice(-2), 16) & GROUP_MASK) === 0;
    if (!last) continue;
    groups.push({ key: textKey(...keys), start, end: i + 1 });
    start = i + 1;
    keys = [];
  }
  return groups;
}

const groupName = (g: Group): string => `g:${g.key}`;

/** The files a layout was made from, as the header records them. */
const filesSignature = (files: ReadonlyArray<{ path: string; sha1: string }>): string => JSON.stringify(files.map((f) => [f.path, f.sha1]));

/** A cached store: its layout and its rows' parses, read group by group. */
export interface CachedStore {
  layout: StoreLayout;
  parseOf(i: number): EntryParse | undefined;
  /** The fingerprint of each of its files' bytes (null where there is none). */
  segments(k: number): FileSegments | null;
}

function cachedStore(file: CacheFile): CachedStore | undefined {
  const main = file.section('main');
  if (!isLayout(main) || !rowsAreWhole(main.rows)) return undefined;
  const layout: StoreLayout = main;
  let groups: Group[] | undefined;
  let groupAt: Int32Array | undefined;
  const read = new Map<number, EntryParse[] | null>();
  let segments: Array<FileSegments | null> | undefined;
  return {
    layout,
    segments(k) {
      if (!segments) {
        const value = file.section(SEGMENTS);
        segments = isSegments(value) && value.length === layout.files.length ? value.map((s) => (s && segmentsAreWhole(s) ? s : null)) : [];
      }
      return segments[k] ?? null;
    },
    parseOf(i) {
      groups ??= groupsOf(layout.rows);
      if (!groupAt) {
        groupAt = new Int32Array(layout.rows.size);
        groups.forEach((g, k) => groupAt!.fill(k, g.start, g.end));
      }
      const k = groupAt[i];
      if (k === undefined) return undefined;
      let parses = read.get(k);
      if (parses === undefined) {
        const g = groups[k]!;
        const value = file.section(groupName(g));
        parses = isGroup(value) && value.length === g.end - g.start ? value : null;
        read.set(k, parses);
      }
      return parses?.[i - groups[k]!.start];
    },
  };
}

/** The store cache of one notes location, for one config (its key). */
export interface StoreCache {
  /** The cached store, when it was made from exactly these files (absolute path and SHA-1 of their bytes). */
  exact(files: ReadonlyArray<{ path: string; sha1: string }>): CachedStore | undefined;
  /** The parse of a chunk under this key, from the cached store of any state of the notes. */
  reuse(key: string): EntryParse | undefined;
  /** The cached store's first row under this key (what a layout keeps of an entry), to copy into a new layout. */
  row(key: string): RowRef | undefined;
  /** The section readings of the cached store (none without one). */
  sectionReadings(): Readonly<Record<string, string>>;
  /** The cached store of any state of the notes, to splice an edit into. */
  previous(): CachedStore | undefined;
  /**
   * Stores a layout, each row's parse given by `parseOf` (undefined: the parse under its key in the
   * cached store); groups the cached file holds already are copied as they are, but for those with a
   * row in `replaced` (a parse made better: its links extracted, or made again for a damaged group).
   * `segments`: each file's fingerprint; without them, those of the cached store when it is of the same files.
   */
  save(layout: StoreLayout, parseOf: (i: number) => EntryParse | undefined, replaced?: ReadonlySet<number>, segments?: ReadonlyArray<FileSegments | null>): void;
}

export function storeCache(slot: CacheSlot, key: string): StoreCache {
  let file: CacheFile | undefined | null = null;
  const cached = (): CacheFile | undefined => (file === null ? (file = slot.read(KIND, key)) : file);
  let store: CachedStore | undefined | null = null;
  const previous = (): CachedStore | undefined => {
    if (store === null) {
      const f = cached();
      store = f && cachedStore(f);
    }
    return store;
  };
  let byKey: Map<string, number> | undefined;
  const rowOf = (k: string): number | undefined => {
    const prev = previous();
    if (!prev) return undefined;
    if (!byKey) {
      byKey = new Map();
      const { rows } = prev.layout;
      for (let i = 0; i < rows.size; i++) {
        const k = columnAt(rows.key, i);
        if (!byKey.has(k)) byKey.set(k, i);
      }
    }
    return byKey.get(k);
  };
  const reuse = (k: string): EntryParse | undefined => {
    const i = rowOf(k);
    return i === undefined ? undefined : previous()!.parseOf(i);
  };
  return {
    exact(files) {
      const f = cached();
      if (!f || f.header.files !== filesSignature(files)) return undefined;
      return previous();
    },
    reuse,
    previous,
    sectionReadings: () => previous()?.layout.sectionReadings ?? {},
    row(k) {
      const i = rowOf(k);
      return i === undefined ? undefined : { layout: previous()!.layout, row: i };
    },
    save(layout, parseOf, replaced, segments) {
      const sections: Record<string, unknown> = { main: layout };
      const old = cached();
      if (segments) sections[SEGMENTS] = segments;
      else if (old && old.header.files === filesSignature(layout.files)) {
        const raw = old.raw(SEGMENTS);
        if (raw) sections[SEGMENTS] = raw;
      }
      for (const g of groupsOf(layout.rows)) {
        const name = groupName(g);
        let keep = true;
        if (replaced) for (let i = g.start; i < g.end && keep; i++) keep = !replaced.has(i);
        const raw = keep ? old?.raw(name) : undefined;
        if (raw) {
          sections[name] = raw;
          continue;
        }
        const parses: EntryParse[] = [];
        for (let i = g.start; i < g.end; i++) {
          const parse = parseOf(i) ?? reuse(columnAt(layout.rows.key, i));
          // NOTE: a parse neither made now nor cached cannot happen; if it did, the group is left out and parsed again next time.
          if (!parse) break;
          parses.push(parse);
        }
        if (parses.length === g.end - g.start) sections[name] = parses;
      }
      slot.write(KIND, { key, files: filesSignature(layout.files) }, sections);
      // The file just written is the cached store from now on.
      file = null;
      store = null;
      byKey = undefined;
    },
  };
}

