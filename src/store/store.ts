// The one Store every command reads: the notes' files, sections and entries, each read only as far as
// a command needs it, and the products derived from them. How it was made (parsed now, or read from
// the cache) and how its products are kept are not a command's business.
import type { Config } from '../config/schema.js';
import { columnAt } from './columns.js';
import { sectionSlugs } from './build.js';
import { layoutDiagnostics, layoutEntry, layoutSections, layoutSummaries, placeAt, rowNames, sectionAt, summaryAt, type EntrySummary, type StoreLayout } from './layout.js';
import type { MarkdownParser } from './links.js';
import type { NotesLocation } from './locate.js';
import { placeDiagnostics, withLinks, withoutLinks, type ChunkSource, type DigestFrame, type FileView, type ParsedFile, type Registries } from './parse.js';
import type { Product } from './product.js';
import type { InsertionWindow } from './splice.js';
import type { NotesCodec } from './read.js';
import type { Digest, Entry, EntryParse, FileInfo, Section } from './schema.js';
import type { VenueRegistry } from './venues.js';

export interface Store {
  readonly location: NotesLocation;
  readonly config: Config;
  readonly configFile: string | null;
  readonly registries: Registries;
  readonly venues: VenueRegistry;
  /** How the files' bytes are decoded, and new text is written back in each file's own encoding (for writers). */
  readonly codec: NotesCodec;
  /** The files, named as users see them (relative to the current folder when inside it). */
  readonly files: readonly FileInfo[];
  readonly sections: readonly Section[];
  /** Each section heading's reading (its pinyin for Chinese; see store/pinyin.ts), for --section. */
  readonly sectionReadings: Readonly<Record<string, string>>;
  /** How many entries. */
  readonly size: number;
  /** Every entry's summary, in store order. */
  summaries(): readonly EntrySummary[];
  /** The summary of the entry at this position (without making every other one). */
  summary(position: number): EntrySummary;
  /** Every entry's id, in store order (without making their summaries). */
  ids(): readonly string[];
  /** The position of the entry whose heading is at this line of this file, or -1. */
  positionAt(file: string, line: number): number;
  /**
   * The entries at these positions (all of them when none are given), in the order given, without
   * their links (`links` is empty: finding links takes the markdown parser; see linkedEntries).
   */
  entries(positions?: Iterable<number>): Entry[];
  /** The same entries with their links (the markdown parser runs once on each entry that may hold one). */
  linkedEntries(positions?: Iterable<number>): Promise<Entry[]>;
  /** The whole store, every entry (without links) and every diagnostic of the parse. */
  digest(): Digest;
  /** The whole store with the entries' links, and the diagnostics of reading them. */
  linkedDigest(): Promise<Digest>;
  /**
   * One file as parsed: its frame, entries and chunks (for writers, which plan on it). With `links`,
   * the chunks' parses keep the links already extracted (a later parse with the markdown parser
   * reuses them instead of reading the links again).
   */
  parsed(file: string, options?: { links?: boolean }): ParsedFile;
  /** One file as a writer plans on it: its frame, and its entries read one at a time (see FileView). */
  view(file: string): FileView;
  /** A file's decoded text, by its name in the store. */
  text(file: string): string;
  /** The bytes a file's text was decoded from. */
  bytes(file: string): Uint8Array;
  /** A file's absolute path. */
  path(file: string): string;
  /** A product of the store (see Product), built or read from the cache once per state of the notes. */
  derive<P extends Record<string, unknown>>(product: Product<P>): P;
  /**
   * The store as it will be once a writer has written `text` into `file`, parsed as `parsed` (its
   * chunks included). This store stays as it is.
   */
  withText(file: string, text: string, parsed: ParsedFile): Store;
  /**
   * The same for a text split as `frame`, where the text before its chunk `window.from` and from its
   * chunk `window.newTo` on is this file's text, with the same chunks (those after it moved: see
   * insertionWindow): their parses are kept, only the chunks between are parsed.
   */
  withSplit(file: string, text: string, frame: DigestFrame, window: InsertionWindow): Store;
  /**
   * The store once `file` holds `text`: its text now with `edit` made (offsets into it, as
   * replaceChanged gives them). When the edit is inside one entry's notes and can change nothing else
   * of the file's split (store/splice.ts), only that entry is parsed, the others kept as they are;
   * else null, and the caller parses the text (withText). An editor's buffer, typed into.
   */
  withEdit(file: string, text: string, edit: TextEdit): Store | null;
  /**
   * Keeps this store in the cache, as the next command will find the notes: a writer calls it on the
   * store withText gave, with the bytes it wrote.
   */
  keep(bytes?: Uint8Array): void;
}

/** Where a store's parts come from: the layout, each entry's parse, the texts, and the products. */
export interface StoreSource {
  location: NotesLocation;
  config: Config;
  configFile: string | null;
  registries: Registries;
  layout: StoreLayout;
  /** Absolute path -> the name users see. */
  names: ReadonlyMap<string, string>;
  /** The parse of row `i`'s chunk. */
  parseOf(i: number): EntryParse;
  /** Parses of rows made better (their links extracted): kept for next time. */
  improved(parses: ReadonlyMap<number, EntryParse>): void;
  /** The text of the file at this absolute path. */
  text(path: string): string;
  codec: NotesCodec;
  bytes(path: string): Uint8Array;
  derive<P extends Record<string, unknown>>(product: Product<P>, store: Store): P;
  withText(path: string, text: string, parsed: ParsedFile): Store;
  withSplit(path: string, text: string, frame: DigestFrame, window: InsertionWindow): Store;
  withEdit(path: string, text: string, edit: TextEdit): Store | null;
  keep(bytes?: Uint8Array): void;
}

/** Characters [start, end) of a text replaced by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const loadMarkdown = async (): Promise<MarkdownParser> => (await import('./markdown.js')).parseMarkdown;

export function createStore(source: StoreSource): Store {
  const { layout, names, config } = source;
  // Configured slugs, and one from its reading for every other heading.
  const slugs = sectionSlugs(config.sections ?? {}, layout.sectionReadings);
  const nameOf = (path: string): string => names.get(path) ?? path;
  const paths = new Map(layout.files.map((f) => [nameOf(f.path), f.path]));
  const pathOf = (file: string): string => {
    const p = paths.get(file);
    if (p === undefined) throw new Error(`store: no file ${file}`);
    return p;
  };
  let summaries: EntrySummary[] | undefined;
  let ids: string[] | undefined;
  let sections: Section[] | undefined;
  const files = layout.files.map((f) => ({ ...f.info, file: nameOf(f.path) }));

  const parseWithLinks = async (indexes: readonly number[]): Promise<Map<number, EntryParse>> => {
    const out = new Map<number, EntryParse>();
    const missing = indexes.filter((i) => {
      const parse = source.parseOf(i);
      out.set(i, parse);
      return parse.links === null;
    });
    if (missing.length === 0) return out;
    const markdown = await loadMarkdown();
    const improved = new Map<number, EntryParse>();
    for (const i of missing) {
      const row = placeAt(layout, i);
      const text = source.text(layout.files[row.file]!.path);
      const chunk: ChunkSource = { text: text.slice(row.offset, row.offset + row.length), section: row.section, definitions: row.definitions };
      const parse = withLinks(out.get(i)!, chunk, markdown);
      out.set(i, parse);
      improved.set(i, parse);
    }
    source.improved(improved);
    return out;
  };

  const size = layout.rows.size;
  const indexesOf = (positions: Iterable<number> | undefined): number[] =>
    positions === undefined ? Array.from({ length: size }, (_, i) => i) : [...positions].filter((i) => Number.isInteger(i) && i >= 0 && i < size);
  /** The entries at `indexes`, with the links of those `linked` gives a parse for (none otherwise). */
  let named: ReturnType<typeof rowNames> | undefined;
  const materialize = (indexes: readonly number[], linked: (i: number) => EntryParse | undefined): Entry[] => {
    named ??= rowNames(layout, slugs, nameOf);
    return indexes.map((i) => layoutEntry(layout, i, linked(i) ?? withoutLinks(source.parseOf(i)), named!.slugOf(i), named!.fileOf(i)));
  };

  /** The rows of file `k`: they are consecutive, in the layout's order of files. */
  const rowsOf = (k: number): { first: number; end: number } => {
    let first = 0;
    while (first < size && layout.rows.file[first]! < k) first++;
    let end = first;
    while (end < size && layout.rows.file[end] === k) end++;
    return { first, end };
  };

  const store: Store = {
    location: source.location,
    config,
    configFile: source.configFile,
    registries: source.registries,
    // NOTE: read through: the registry is made on first use (registriesFor), and a warm list never uses it.
    get venues() {
      return source.registries.venues;
    },
    codec: source.codec,
    files,
    sectionReadings: layout.sectionReadings,
    get sections() {
      return (sections ??= layoutSections(layout, slugs, nameOf));
    },
    size,
    summaries: () => (summaries ??= layoutSummaries(layout, slugs, nameOf)),
    ids: () => (ids ??= summaries ? summaries.map((s) => s.id) : Array.from({ length: size }, (_, i) => columnAt(layout.rows.id, i))),
    summary(position) {
      if (summaries) return summaries[position]!;
      named ??= rowNames(layout, slugs, nameOf);
      return summaryAt(layout, position, named);
    },
    positionAt(file, line) {
      const k = layout.files.findIndex((f) => f.path === paths.get(file));
      for (let i = 0; i < size; i++) if (layout.rows.file[i] === k && layout.rows.line[i] === line) return i;
      return -1;
    },
    entries: (positions) => materialize(indexesOf(positions), () => undefined),
    async linkedEntries(positions) {
      const indexes = indexesOf(positions);
      const parses = await parseWithLinks(indexes);
      return materialize(indexes, (i) => parses.get(i));
    },
    digest: () => ({ files: [...files], sections: [...store.sections], entries: store.entries(), diagnostics: layoutDiagnostics(layout, (i) => withoutLinks(source.parseOf(i)), nameOf) }),
    async linkedDigest() {
      const entries = await store.linkedEntries();
      // Every parse is at hand now, with its links (and the diagnostics of reading them).
      return { files: [...files], sections: [...store.sections], entries, diagnostics: layoutDiagnostics(layout, source.parseOf, nameOf) };
    },
    parsed(file, options = {}) {
      const path = pathOf(file);
      const k = layout.files.findIndex((f) => f.path === path);
      const f = layout.files[k]!;
      const text = source.text(path);
      const indexes = indexesOf(undefined).filter((i) => layout.rows.file[i] === k);
      const entries = store.entries(indexes);
      const rename = <T extends { file: string }>(x: T): T => ({ ...x, file });
      const chunks = indexes.map((i) => {
        const row = placeAt(layout, i);
        return {
          source: { text: text.slice(row.offset, row.offset + row.length), section: row.section, definitions: row.definitions },
          parse: options.links ? source.parseOf(i) : withoutLinks(source.parseOf(i)),
          offset: row.offset,
          line: row.line,
        };
      });
      return {
        info: { ...f.info, file },
        sections: f.sections.map(rename),
        entries,
        diagnostics: layoutDiagnostics(layout, (i) => withoutLinks(source.parseOf(i)), () => file, k),
        chunks,
        frame: { problems: f.problems.map(rename), headingDiagnostics: f.headingDiagnostics.map(rename) },
      };
    },
    view(file) {
      const path = pathOf(file);
      const k = layout.files.findIndex((f) => f.path === path);
      const f = layout.files[k]!;
      const { first, end } = rowsOf(k);
      const rename = <T extends { file: string }>(x: T): T => ({ ...x, file });
      const made = new Map<number, Entry>();
      return {
        info: { ...f.info, file },
        sections: f.sections.map(rename),
        frame: { problems: f.problems.map(rename), headingDiagnostics: f.headingDiagnostics.map(rename) },
        entries: {
          length: end - first,
          start: (i) => layout.rows.offset[first + i]!,
          end: (i) => layout.rows.offset[first + i]! + layout.rows.length[first + i]!,
          section: (i) => sectionAt(layout, first + i),
          chunk(i) {
            const { offset, length, section, definitions } = placeAt(layout, first + i);
            return { offset, length, section, definitions };
          },
          entry(i) {
            let entry = made.get(i);
            if (!entry) made.set(i, (entry = store.entries([first + i])[0]!));
            return entry;
          },
          diagnostics: (i) => placeDiagnostics(withoutLinks(source.parseOf(first + i)), layout.rows.line[first + i]!, file),
        },
      };
    },
    text: (file) => source.text(pathOf(file)),
    bytes: (file) => source.bytes(pathOf(file)),
    path: pathOf,
    derive: (product) => source.derive(product, store),
    withText: (file, text, parsed) => source.withText(pathOf(file), text, parsed),
    withSplit: (file, text, frame, window) => source.withSplit(pathOf(file), text, frame, window),
    withEdit: (file, text, edit) => source.withEdit(pathOf(file), text, edit),
    keep: (bytes) => source.keep(bytes),
  };
  return store;
}
