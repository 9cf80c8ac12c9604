// parseDigest: one digest file's text -> sections, entries and diagnostics. Pure; never throws.
// An entry is parsed from its own chunk of text (its heading line to the next structural heading),
// so a parse made before can be reused for every chunk an edit left as it was: the file is scanned
// whole (headings inside fences are no boundaries), and only new chunks are parsed.
import { expandYear, parseHeading, readVenueLine, readVenueValue, readVenueYear } from './heading.js';
import { definitionPrefix, extractLinks, mayHoldLinks, shiftLinks, type MarkdownParser } from './links.js';
import { detectEntries, groupPapers, isDated, isGroupHeading, isPaperHeading, itemMetaBelow, LABELLED_LINES, labelledMeta, paperItemTest, papersUnder, type EntriesSetting } from './dialect.js';
import { headingOfLine, htmlHeadingOfLine, isThematicBreak, listItemOfLine, nestedItemOfLine, scanDigest, splitLines, summaryOfLine, type Lines, type ListItemLine, type OutlineHeading, type Scan } from './scan.js';
import type { Diagnostic, Entry, EntryParse, FileInfo, Link, Section } from './schema.js';
import type { SpliceFacts } from './splice.js';
import { cellsOf, columnsOf, isDelimiterRow, isTableRow, type Cell } from './table.js';
import { createTodoMatcher, findTodos, type TodoMatcher } from './todos.js';
import { createVenueRegistry, type VenueRegistry } from './venues.js';

/** What shapes a parse besides the text: the venue registry and the TODO terms (from the config). */
export interface Registries {
  venues: VenueRegistry;
  todos: TodoMatcher;
  /** Where each file's entries are (config `entries`): detected per file by default. */
  entries?: EntriesSetting;
}

/**
 * Everything an entry's parse depends on besides the registries: two entries with equal sources parse
 * the same, wherever they are.
 */
export interface ChunkSource {
  /** The entry's text, from its heading line to the next structural heading, line endings included. */
  text: string;
  /** The `##` section holding it; null before any. */
  section: string | null;
  /**
   * What the parse reads from elsewhere in the file, as a prefix to parse links after: the reference
   * definitions (`[label]: url` lines) the text refers to, after a table row's header and delimiter rows.
   */
  definitions: string;
}

/** Parses made before, to reuse for chunks of the same source (an incremental parse). */
export interface ChunkReuse {
  get(source: ChunkSource): EntryParse | undefined;
}

export interface ParseOptions {
  venues?: VenueRegistry;
  entries?: EntriesSetting | undefined;
  todos?: TodoMatcher;
  /** Extracts links; without it, an entry that may hold links has `links: []` (and its parse `links: null`). */
  markdown?: MarkdownParser | undefined;
  reuse?: ChunkReuse | undefined;
}

/** An entry before its id and slug are assigned across the whole store (they are '' and null). */
export type ParsedEntry = Entry;
export type ParsedSection = Omit<Section, 'slug' | 'index'>;

/** An entry's chunk: its source, its parse, and where it starts in the file. */
export interface ParsedChunk {
  source: ChunkSource;
  parse: EntryParse;
  offset: number;
  line: number;
}

/** Where a file's chunk is and what else its parse is made from (its text is the file's, there). */
export interface ChunkAt {
  offset: number;
  length: number;
  section: string | null;
  definitions: string;
}

/**
 * A file's entries as a planner reads them, one at a time: where each chunk is without reading its
 * parse, and each entry (and its diagnostics) only when asked for. A 10k-entry file's writer looks
 * at a few entries whole; reading every parse would cost more than the rest of its run.
 */
export interface EntryList {
  readonly length: number;
  /** Where entry `i`'s chunk starts and ends, and its section (what chunk(i) says, without the rest). */
  start(i: number): number;
  end(i: number): number;
  section(i: number): string | null;
  chunk(i: number): ChunkAt;
  entry(i: number): ParsedEntry;
  /** The entry's own diagnostics, placed in the file. */
  diagnostics(i: number): Diagnostic[];
}

/** A file as a writer plans on it: its frame, and its entries as an EntryList. */
export interface FileView {
  info: FileInfo;
  sections: readonly ParsedSection[];
  entries: EntryList;
  /** The frame's own diagnostics (the scan's problems and the section headings'). */
  frame: Pick<DigestFrame, 'problems' | 'headingDiagnostics'>;
}

/** The view of a file parsed whole (its chunks included). */
export function viewOf(parsed: ParsedFile): FileView {
  const { chunks } = parsed;
  if (!chunks) throw new Error('viewOf: a parse without its chunks');
  return {
    info: parsed.info,
    sections: parsed.sections,
    frame: parsed.frame ?? { problems: [], headingDiagnostics: [] },
    entries: {
      length: parsed.entries.length,
      start: (i) => chunks[i]!.offset,
      end: (i) => chunks[i]!.offset + chunks[i]!.source.text.length,
      section: (i) => chunks[i]!.source.section,
      chunk: (i) => {
        const c = chunks[i]!;
        return { offset: c.offset, length: c.source.text.length, section: c.source.section, definitions: c.source.definitions };
      },
      entry: (i) => parsed.entries[i]!,
      diagnostics: (i) => placeDiagnostics(chunks[i]!.parse, chunks[i]!.line, parsed.info.file),
    },
  };
}

/**
 * Entries `from` up to `to` of a file, as a parse of those alone with every section and frame
 * diagnostic: where two texts differ only there, what differs between their parses whole.
 */
export function parsedWindow(view: FileView, from: number, to: number): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  for (let i = from; i < to; i++) diagnostics.push(...view.entries.diagnostics(i));
  return { info: view.info, sections: [...view.sections], entries: entriesOf(view.entries, from, to), diagnostics: fileDiagnostics(view.frame, diagnostics) };
}

/** Entries `from` up to `to` of a list, whole, in order. */
export function entriesOf(list: EntryList, from = 0, to = list.length): ParsedEntry[] {
  const out: ParsedEntry[] = [];
  for (let i = from; i < to; i++) out.push(list.entry(i));
  return out;
}

export interface ParsedFile {
  info: FileInfo;
  sections: ParsedSection[];
  entries: ParsedEntry[];
  diagnostics: Diagnostic[];
  /** The line scan, kept for lint (lines, fences, heading levels) so the file is scanned once; absent when rebuilt from a store. */
  scan?: Scan;
  /** The entries' chunks, parallel to `entries`; absent when rebuilt from a store. */
  chunks?: ParsedChunk[];
  /** The frame's own diagnostics (see DigestFrame), when parsed from text. */
  frame?: Pick<DigestFrame, 'problems' | 'headingDiagnostics'> & Partial<Pick<DigestFrame, 'splice'>>;
}

// NOTE: made on first use, not at import: a warm run imports this module and never parses (~1 ms).
let builtinVenues: VenueRegistry | undefined;
let builtinTodos: TodoMatcher | undefined;
const defaultVenues = (): VenueRegistry => (builtinVenues ??= createVenueRegistry());
const defaultTodos = (): TodoMatcher => (builtinTodos ??= createTodoMatcher());

function lineText(text: string, lines: Lines, n: number): string {
  return text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
}

function dominantEol(text: string): FileInfo['eol'] {
  // No \r at all: LF (also for a text without line endings), without counting.
  if (text.indexOf('\r') < 0) return '\n';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

const DEFINITION_LABEL = /^ {0,3}\[([^\]]+)\]:/;

/** Reference definitions of a file (`[label]: url` lines), by normalised label, for extractLinks. */
export function referenceDefinitions(text: string, scan: Pick<Scan, 'lines' | 'definitionLines'>): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const n of scan.definitionLines) addDefinition(definitions, lineText(text, scan.lines, n));
  return definitions;
}

function addDefinition(definitions: Map<string, string>, line: string): void {
  const m = DEFINITION_LABEL.exec(line);
  // The first definition of a label wins, as in CommonMark.
  const label = m?.[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
  if (label !== undefined && !definitions.has(label)) definitions.set(label, line);
}

/** True when a body has content other than blank lines and HTML comments. */
export function hasContent(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() !== '';
}

/** What String.prototype.trim removes: a line of only these is blank. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x3000 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

function registriesOf(options: ParseOptions): Registries {
  return { venues: options.venues ?? defaultVenues(), todos: options.todos ?? defaultTodos() };
}

/** The links of a chunk (its heading line and its body, parsed apart), relative to it; a failure is a diagnostic. */
function chunkLinks(source: ChunkSource, lines: Lines, markdown: MarkdownParser): { links: Link[]; diagnostics: EntryParse['diagnostics'] } {
  const { text } = source;
  const definitions = new Map<string, string>();
  for (const line of source.definitions.split('\n')) addDefinition(definitions, line);
  // NOTE: a BOM is no part of the first line for the markdown parser: start after it, or every offset would be one short.
  const headingStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const bodyStart = lines.starts.length > 1 ? lines.starts[1]! : text.length;
  const parts: Array<[string, number, number]> = [];
  const headingLine = text.slice(headingStart, lines.ends[0]!);
  if (mayHoldLinks(headingLine, definitions)) parts.push([headingLine, headingStart, 1]);
  const body = text.slice(bodyStart);
  if (mayHoldLinks(body, definitions)) parts.push([body, bodyStart, 2]);
  const links: Link[] = [];
  const diagnostics: EntryParse['diagnostics'] = [];
  for (const [chunk, offset, line] of parts) {
    try {
      const found = extractLinks(chunk, { offset: 0, line: 1 }, markdown, definitionPrefix(chunk, definitions));
      links.push(...shiftLinks(found, { offset, line }));
    } catch (error) {
      diagnostics.push({ line, column: 1, code: 'markdown-error', message: `Could not read the links of this entry: ${(error as Error).message}` });
    }
  }
  return { links, diagnostics };
}

/** True when a chunk's text may hold a link: only those need the markdown parser. */
function chunkMayHoldLinks(source: ChunkSource): boolean {
  // NOTE: a chunk borrows a definition only when it names its label (links.ts definitionPrefix), even
  // as a shortcut reference (`- [ref]`): then it may hold a link.
  return source.definitions !== '' || mayHoldLinks(source.text, false);
}

/** sectionMeta's answers by registry and section title: a section's entries all ask the same. */
const sectionMetas = new WeakMap<VenueRegistry, Map<string, { venueRaw: string | null; year: number | null }>>();

/** The year and venue a section's title names alone (`2023`, `2023年`, `ICML`, `CVPR 2023`); null where it names more. */
export function sectionMeta(section: string, venues: VenueRegistry): { venueRaw: string | null; year: number | null } {
  let memo = sectionMetas.get(venues);
  if (!memo || memo.size > 10_000) sectionMetas.set(venues, (memo = new Map()));
  let meta = memo.get(section);
  if (!meta) memo.set(section, (meta = readSectionMeta(section, (name) => venues.isKnown(name))));
  return meta;
}

function readSectionMeta(section: string, isVenue: (name: string) => boolean): { venueRaw: string | null; year: number | null } {
  const t = section.trim();
  if (!isGroupHeading(t, isVenue)) return { venueRaw: null, year: null };
  const year = /^(\d{4})\s*年?$/.exec(t);
  if (year) return { venueRaw: null, year: Number(year[1]) };
  if (isVenue(t)) return { venueRaw: t, year: null };
  const meta = readVenueYear(t, isVenue)!;
  return { venueRaw: t.slice(meta.venue![0], meta.venue![1]), year: expandYear(meta.year!) };
}


/** A table row as an entry: its title cell, and the text of its venue, year and other cells (notes, `<br>` as new lines). */
function tableRow(line: string, context: string): { title: Cell; venue: string; year: string; notes: string } | null {
  const header = context.slice(0, context.indexOf('\n'));
  const columns = isTableRow(header) ? columnsOf(header) : null;
  if (!columns) return null;
  const cells = cellsOf(line);
  const title = cells[columns.title];
  if (!title) return null;
  const text = (i: number): string => (i >= 0 ? (cells[i]?.text ?? '') : '');
  const notes = cells
    .filter((_, i) => i !== columns.title && i !== columns.venue && i !== columns.year)
    .map((c) => c.text.replace(/\s*<br\s*\/?>\s*/gi, '\n').replace(/\\\|/g, '|').trim())
    .filter((t) => t !== '')
    .join('\n');
  return { title, venue: text(columns.venue), year: text(columns.year), notes };
}

/** A year as a cell writes it: `2019`, `'19`, `2019-06`. */
function readYear(text: string): number | null {
  const m = /^\s*(?:((?:19|20)\d{2})|['’](\d{2}))(?!\d)/.exec(text);
  return m ? (m[1] ? Number(m[1]) : expandYear(m[2]!)) : null;
}

/** Parses one entry from its chunk alone (see ChunkSource): positions relative to the chunk. */
export function parseChunk(source: ChunkSource, registries: Registries, markdown?: MarkdownParser): EntryParse {
  const { text } = source;
  const lines = splitLines(text);
  const lineCount = lines.starts.length;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLine = text.slice(bom, lines.ends[0]!);
  // The entry's heading: an ATX heading, an HTML heading, or a list item (one paper per item).
  const atx = headingOfLine(firstLine);
  const summary = atx ? null : summaryOfLine(firstLine);
  const html = atx ? null : (htmlHeadingOfLine(firstLine) ?? summary);
  // NOTE: a paper nested under a group label (`  - [Title](url) - CVPR 2015`) starts its chunk indented.
  const item = atx || html ? null : (listItemOfLine(firstLine) ?? nestedItemOfLine(firstLine));
  // A table row's title cell is its heading; its other cells give the venue, the year and the notes.
  const row = atx || html || item || !isTableRow(firstLine) ? null : tableRow(firstLine, source.definitions);
  const heading = atx ?? html ?? (item && { level: 0, raw: item.raw, rawStart: item.rawStart, missingSpace: false }) ?? (row && { level: 0, raw: row.title.text, rawStart: row.title.start, missingSpace: false });
  // NOTE: a chunk always starts with its heading line; anything else is a caller's mistake, parsed as an untitled entry.
  const raw = heading?.raw ?? '';
  const rawOffset = heading ? bom + heading.rawStart : lines.ends[0]!;
  const headingEnd = lines.ends[0]!;
  const diagnostics: EntryParse['diagnostics'] = [];
  if (heading?.missingSpace) {
    const marks = '#'.repeat(heading.level);
    diagnostics.push({ line: 1, column: rawOffset + 1, code: 'heading-missing-space', message: `Missing space after "${marks}", expected "${marks} ${raw.trim()}"` });
  }
  const marker = item ? '- ' : row ? '| ' : summary ? '<summary>' : html ? `<h${heading!.level}>` : `${'#'.repeat(heading?.level ?? 3)} `;
  const parsed = parseHeading(raw, (name) => registries.venues.isKnown(name), { marker });
  for (const issue of parsed.issues) {
    if (issue.code === 'trailing-punctuation') continue; // style, reported by lint
    diagnostics.push({ line: 1, column: rawOffset + issue.start + 1, code: `heading-${issue.code}`, message: issue.message });
  }
  // Notes: the body without blank lines at either end, sliced from the text in one piece.
  let firstContent = 0;
  let lastContent = 0;
  for (let n = 2; n <= lineCount; n++) {
    if (!isBlankLine(text, lines.starts[n - 1]!, lines.ends[n - 1]!)) {
      if (!firstContent) firstContent = n;
      lastContent = n;
    }
  }
  let notes = firstContent ? text.slice(lines.starts[firstContent - 1]!, lines.ends[lastContent - 1]!) : '';
  if (notes.includes('\r')) notes = notes.replace(/\r\n?/g, '\n');
  const stub = !firstContent || (notes.includes('<!--') && !hasContent(notes));
  // A list item's words after its title and metadata (`- [Title](url). 某某团队`) are its first note.
  if (item && parsed.description) notes = notes ? `${parsed.description}\n${notes}` : parsed.description;
  // A heading without venue or year may have them on the line right under it (`#### Title<br>` then
  // `*ICLR 2015*`); that line stays in the notes.
  let { venueRaw, year } = parsed;
  if (row) {
    const isVenue = (name: string): boolean => registries.venues.isKnown(name);
    const cell = row.venue ? readVenueValue(row.venue, isVenue) : null;
    venueRaw ??= cell?.venueRaw ?? null;
    year ??= (row.year ? readYear(row.year) : null) ?? cell?.year ?? null;
    if (row.notes) notes = notes ? `${row.notes}\n${notes}` : row.notes;
  } else if (venueRaw === null && year === null && firstContent) {
    const isVenue = (name: string): boolean => registries.venues.isKnown(name);
    const below = item ? itemMetaBelow(text, lines, 1, isVenue) : firstContent === 2 ? readVenueLine(text.slice(lines.starts[1]!, lines.ends[1]!), isVenue) : null;
    if (below) ({ venueRaw, year } = below);
    else ({ venueRaw, year } = labelledMeta(text, lines, firstContent, Math.min(lineCount, firstContent + LABELLED_LINES - 1), isVenue));
  }
  // Papers grouped by year or venue (`## 2023`, `### ICML`, `## CVPR 2023`, then `- [Title](url)`): a
  // paper that gives no year or no venue has its section's.
  if ((year === null || venueRaw === null) && source.section !== null) {
    const named = sectionMeta(source.section, registries.venues);
    year ??= named.year;
    venueRaw ??= named.venueRaw;
  }
  const venue = registries.venues.resolve(venueRaw);

  let links: Link[] | null = [];
  if (chunkMayHoldLinks(source)) {
    if (markdown) {
      const found = chunkLinks(source, lines, markdown);
      links = found.links;
      diagnostics.push(...found.diagnostics);
    } else links = null;
  }
  const bodyStart = lineCount > 1 ? lines.starts[1]! : text.length;
  return {
    title: parsed.title,
    alias: parsed.alias,
    venue: venue.venue,
    venueRaw,
    venueMatch: venue.match,
    year,
    orgs: parsed.orgs,
    endLine: lastContent || 1,
    notes,
    todos: findTodos(text, lines, registries.todos),
    links,
    stub: stub && !(item && parsed.description) && !row?.notes,
    heading: { raw, rawOffset, start: 0, end: headingEnd },
    range: { start: 0, end: text.length },
    body: { start: bodyStart, end: text.length },
    diagnostics,
  };
}

/** The parse with its links extracted, when it was made without them (else the parse itself). */
export function withLinks(parse: EntryParse, source: ChunkSource, markdown: MarkdownParser): EntryParse {
  if (parse.links !== null) return parse;
  const found = chunkLinks(source, splitLines(source.text), markdown);
  return { ...parse, links: found.links, diagnostics: [...parse.diagnostics, ...found.diagnostics] };
}

/** The parse as if made without the markdown parser: no links, nor the diagnostics of reading them. */
export function withoutLinks(parse: EntryParse): EntryParse {
  if (parse.links === null) return parse;
  return { ...parse, links: null, diagnostics: parse.diagnostics.filter((d) => d.code !== 'markdown-error') };
}

/** An entry of the store from its chunk's parse, placed at its chunk's offset and line (id and slug still to assign). */
export function placeEntry(parse: EntryParse, at: { offset: number; line: number }, section: string | null, file: string): ParsedEntry {
  const { offset } = at;
  const lines = at.line - 1;
  return {
    id: '',
    sectionSlug: null,
    title: parse.title,
    alias: parse.alias,
    venue: parse.venue,
    venueRaw: parse.venueRaw,
    venueMatch: parse.venueMatch,
    year: parse.year,
    orgs: [...parse.orgs],
    section,
    file,
    line: at.line,
    endLine: parse.endLine + lines,
    notes: parse.notes,
    todos: parse.todos.map((t) => ({ ...t, line: t.line + lines, offset: t.offset + offset })),
    links: parse.links === null ? [] : parse.links.map((l) => ({ ...l, line: l.line + lines, offset: l.offset + offset, endOffset: l.endOffset + offset })),
    stub: parse.stub,
    heading: { raw: parse.heading.raw, rawOffset: parse.heading.rawOffset + offset, start: offset, end: parse.heading.end + offset },
    range: { start: offset, end: parse.range.end + offset },
    body: { start: parse.body.start + offset, end: parse.body.end + offset },
  };
}

/** An entry chunk's diagnostics, placed in the file. */
export function placeDiagnostics(parse: EntryParse, line: number, file: string): Diagnostic[] {
  return parse.diagnostics.map((d) => ({ file, line: d.line + line - 1, column: d.column, code: d.code, message: d.message }));
}

/** An entry's chunk before it is parsed: its source and where it starts. */
export interface ChunkPlace {
  source: ChunkSource;
  offset: number;
  line: number;
}

/**
 * A file's frame: everything of its parse but the entries' own (its info, sections, the scan's
 * problems and the section headings' diagnostics), and its entries' chunks, unparsed.
 */
export interface DigestFrame {
  info: FileInfo;
  scan: Scan;
  sections: ParsedSection[];
  /** Problems of the scan (unclosed fences and comments). */
  problems: Diagnostic[];
  /** Diagnostics of `#` and `##` heading lines, in line order. */
  headingDiagnostics: Diagnostic[];
  chunks: ChunkPlace[];
  /** What the split read from the whole file besides its headings: what a later splice must check (splice.ts). */
  splice: SpliceFacts;
}

/** A section heading's title: its text, trimmed; an HTML heading's without its tags. */
function sectionTitle(heading: OutlineHeading): string {
  return heading.html ? heading.raw.replace(/<[^<>]*>/g, '').trim() : heading.raw.trim();
}

const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/;

/**
 * Where a top-level list item's chunk ends (the offset of the line that ends it), and whether that
 * line is another item of the same list: its own lines are those indented under it, and a line
 * right after a line of it (a lazy continuation), up to a blank line.
 */
function itemEnd(text: string, lines: Lines, item: ListItemLine, nextItem: number, nextHeading: number): { end: number; sameList: boolean } {
  const count = lines.starts.length;
  let blank = false;
  for (let n = item.line + 1; n <= count; n++) {
    if (n === nextItem) return { end: lines.starts[n - 1]!, sameList: true };
    if (n === nextHeading) break;
    const start = lines.starts[n - 1]!;
    const end = lines.ends[n - 1]!;
    if (isBlankLine(text, start, end)) {
      blank = true;
      continue;
    }
    const line = text.slice(start, end);
    const indent = line.length - line.trimStart().length;
    if (indent >= 2) {
      blank = false;
      continue;
    }
    const c = line.charCodeAt(indent);
    // A paragraph after a blank line, a thematic break, HTML, a quote, a table or a fence ends the list.
    if (blank || c === 60 || c === 62 || c === 124 || isThematicBreak(line) || FENCE_LINE.test(line)) return { end: start, sameList: false };
  }
  return { end: nextHeading > 0 ? lines.starts[nextHeading - 1]! : text.length, sameList: false };
}

const LIST_LINE = /^ ?(?:[-*+]|\d{1,9}[.)])[ \t]+\S/m;

/**
 * The papers listed in lines `from`..`until - 1` of a file, a stretch without headings: the items of
 * its lists that name venues or years, most of them papers, at least two (offsets and lines in the file).
 */
function paperListsIn(text: string, lines: Lines, from: number, until: number, isVenue: (name: string) => boolean, grouped = false): Array<{ start: number; end: number; line: number; header?: string }> {
  if (from >= until) return [];
  const start = lines.starts[from - 1]!;
  const end = until - 1 < lines.starts.length ? lines.starts[until - 1]! : text.length;
  const stretch = text.slice(start, end);
  if (!LIST_LINE.test(stretch)) return [];
  const sub = scanDigest(stretch);
  const found = itemChunks(stretch, sub, false, isVenue, true);
  // NOTE: where the papers are headings, a section's own list is its papers only when most of them name a
  // venue the registry knows (`- World Models. arXiv 2018`); a log (`- Started in January 2023`) is not.
  const named = found.filter(({ item }) => {
    const venue = parseHeading(item.raw, isVenue, { marker: '- ' }).venueRaw ?? itemMetaBelow(stretch, sub.lines, item.line, isVenue)?.venueRaw ?? null;
    return venue !== null && isVenue(venue);
  }).length;
  // Under a heading that names the year or venue itself (`### 2018`, `### ICML`), the list is what it groups.
  if (!grouped && (named < 2 || named * 2 < found.length)) return [];
  return found.map(({ item, end: e }) => ({ start: lines.starts[from + item.line - 2]!, end: start + e, line: from + item.line - 1 }));
}

const DETAILS_OPEN = /^ {0,3}<details(?:\s[^<>]*)?>\s*$/i;
const DETAILS_CLOSE = /^ {0,3}<\/details\s*>\s*$/i;

/** Which of lines `from`..`until - 1` are code (in a fence) or in an HTML comment: never an entry's start (index: line - from). */
function hiddenLines(text: string, lines: Lines, fences: ReadonlyArray<[number, number]>, from: number, until: number): Uint8Array {
  const hidden = new Uint8Array(Math.max(0, until - from));
  for (const [first, last] of fences) for (let n = Math.max(first, from); n <= Math.min(last, until - 1); n++) hidden[n - from] = 1;
  let comment = false;
  for (let n = from; n < until && n <= lines.starts.length; n++) {
    if (hidden[n - from]) continue;
    const line = text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
    const open = line.lastIndexOf('<!--');
    const close = line.lastIndexOf('-->');
    if (comment || open >= 0) hidden[n - from] = 1;
    if (open >= 0 && open > close - 2) comment = true;
    else if (close >= 0) comment = false;
  }
  return hidden;
}

/**
 * The papers in collapsible blocks among lines `from`..`until - 1` of a file (`<details>`, then
 * `<summary><b>Title</b> (SOSP 2003)</summary>`, its notes, `</details>`): each from its summary line
 * to its closing tag, when at least two summaries there read as papers.
 */
function paperDetailsIn(text: string, lines: Lines, from: number, until: number, hidden: Uint8Array): Array<{ start: number; end: number; line: number; header?: string }> {
  if (from >= until || !text.slice(lines.starts[from - 1]!, until - 1 < lines.starts.length ? lines.starts[until - 1]! : text.length).includes('<summary')) return [];
  const lineAt = (n: number): string => text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
  const last = Math.min(until - 1, lines.starts.length);
  const out: Array<{ start: number; end: number; line: number }> = [];
  let papers = 0;
  for (let n = from; n < last; n++) {
    if (hidden[n - from] || !DETAILS_OPEN.test(lineAt(n))) continue;
    const summary = summaryOfLine(lineAt(n + 1));
    if (!summary) continue;
    // Its own closing tag: blocks nested in its notes open and close before it.
    let close = n + 2;
    for (let depth = 1; close <= last; close++) {
      if (hidden[close - from]) continue;
      const l = lineAt(close);
      if (DETAILS_OPEN.test(l)) depth++;
      else if (DETAILS_CLOSE.test(l) && --depth === 0) break;
    }
    if (close > last) break;
    if (isPaperHeading(summary.raw)) papers++;
    out.push({ start: lines.starts[n]!, end: lines.starts[close - 1]!, line: n + 1 });
    n = close;
  }
  return papers >= 2 ? out : [];
}

/**
 * The rows of the tables of papers in lines `from`..`until - 1` of a file (a header naming a title
 * column and a venue or year column, then its delimiter row), each with that header as its context.
 */
function paperTablesIn(text: string, lines: Lines, from: number, until: number, hidden: Uint8Array): Array<{ start: number; end: number; line: number; header: string }> {
  const out: Array<{ start: number; end: number; line: number; header: string }> = [];
  const lineAt = (n: number): string => text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
  const last = Math.min(until - 1, lines.starts.length);
  // NOTE: a table at the margin: one indented under a list item is that item's notes.
  const atMargin = (n: number): boolean => text.charCodeAt(lines.starts[n - 1]!) === 124 && !hidden[n - from];
  for (let n = from; n < last; n++) {
    if (!atMargin(n)) continue;
    const head = lineAt(n);
    const columns = columnsOf(head);
    if (!columns || !isDelimiterRow(lineAt(n + 1)) || cellsOf(lineAt(n + 1)).length !== cellsOf(head).length) continue;
    const header = `${head}\n${lineAt(n + 1)}\n`;
    let r = n + 2;
    for (; r <= last && atMargin(r); r++) {
      // A row with no title (`| | | |`, a spacer) is no paper.
      if (!cellsOf(lineAt(r))[columns.title]?.text) continue;
      const end = r < lines.starts.length ? lines.starts[r]! : text.length;
      out.push({ start: lines.starts[r - 1]!, end, line: r, header });
    }
    n = r - 1;
  }
  return out;
}

/**
 * The chunks of a file whose entries are list items: the items of its paper lists (see detectEntries);
 * with `dated`, only lists of two or more that name venues or years.
 */
function itemChunks(text: string, scan: Scan, all: boolean, isVenue: (name: string) => boolean, dated = false): Array<{ item: ListItemLine; end: number }> {
  const { lines, items, outline } = scan;
  const isPaper = paperItemTest(text, lines, isVenue);
  const lists: Array<{ entries: Array<{ item: ListItemLine; end: number }>; dated: boolean }> = [];
  let h = 0;
  let list: Array<{ item: ListItemLine; end: number }> = [];
  const close = (): void => {
    const entries = list.filter((c) => !/^\s*(?:\*\*|__)?\[[^\]]*\]\(#/.test(c.item.raw));
    const papers = entries.filter((c) => isPaper(c.item)).length;
    // NOTE: a list of in-page links (a table of contents) is no paper list, even when the config says items are papers.
    if (entries.length && (all || (papers > 0 && papers * 2 >= list.length))) lists.push({ entries, dated: entries.some((c) => namesVenueOrYear(c.item.raw, isVenue) || itemMetaBelow(text, lines, c.item.line, isVenue) !== null) });
    list = [];
  };
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    while (h < outline.length && outline[h]!.line < item.line) h++;
    const nextHeading = outline[h]?.line ?? 0;
    const next = items[k + 1]?.line ?? 0;
    const { end, sameList } = itemEnd(text, lines, item, next && (!nextHeading || next < nextHeading) ? next : 0, nextHeading);
    // A group label's papers are the entries, each up to the next (the label's own line stays in the frame).
    const group = isPaper(item) ? [] : groupPapers(scan, item, Math.min(next || Infinity, nextHeading || Infinity), isPaper).filter((c) => c.rawOffset < end);
    if (group.length) group.forEach((child, i) => list.push({ item: child, end: i + 1 < group.length ? lines.starts[group[i + 1]!.line - 1]! : end }));
    else list.push({ item, end });
    if (!sameList) close();
  }
  close();
  // Where some lists give their papers' venues or years, a list that gives none holds something else:
  // the tools or links of a `## 工具` section (`- [DGL](https://www.dgl.ai/)`).
  const anyDated = !all && lists.some((l) => l.dated);
  return lists.flatMap((l) => ((anyDated || dated) && !l.dated) || (dated && l.entries.length < 2) ? [] : l.entries);
}

/** Whether a list item names a year or a venue the registry knows (`[ICCV'17] ...`, `[Title](url) - *ICML*`). */
function namesVenueOrYear(raw: string, isVenue: (name: string) => boolean): boolean {
  if (isDated(raw)) return true;
  const words = raw.replace(/\]\([^)]*\)/g, ']').match(/[A-Za-z][A-Za-z&-]*/g) ?? [];
  return words.some((w) => isVenue(w));
}

/** Scans a file and cuts it into its frame and its entries' chunks, parsing no entry. */
export function splitDigest(text: string, file: string, options: Pick<ParseOptions, 'entries' | 'venues'> = {}): DigestFrame {
  const scan = scanDigest(text);
  const { lines } = scan;
  const venues = options.venues ?? defaultVenues();
  const isVenue = (name: string): boolean => venues.isKnown(name);
  const problems: Diagnostic[] = scan.problems.map((p) => ({ file, line: p.line, column: 1, code: p.code, message: p.message }));
  const headingDiagnostics: Diagnostic[] = [];
  const definitions = referenceDefinitions(text, scan);
  const layout = detectEntries(scan, text, options.entries ?? 'auto', isVenue);
  const info: FileInfo = {
    file,
    title: null,
    bom: text.charCodeAt(0) === 0xfeff,
    eol: dominantEol(text),
    finalNewline: /[\r\n]$/.test(text),
    length: text.length,
    entries: layout,
  };
  const sections: ParsedSection[] = [];
  const chunks: ChunkPlace[] = [];
  const level = 'heading' in layout.at ? layout.at.heading : 0;
  const headings = scan.outline;
  const firstLevels = headings.reduce((n, h) => n + (h.level === 1 ? 1 : 0), 0);
  // `#` headings are sections where the entries are `##`, or list items under nothing deeper (or under several `#`).
  const oneIsSection = level === 2 || (level === 0 && (firstLevels >= 2 || headings.every((h) => h.level === 1)));
  const isSection = (h: OutlineHeading, at: number): boolean => (at === 0 || h.level < at) && (h.level >= 2 || oneIsSection);
  const chunk = (start: number, end: number, line: number, section: ParsedSection | null, header = ''): void => {
    const chunkText = text.slice(start, end);
    const prefix = definitions.size ? definitionPrefix(chunkText, definitions) : '';
    chunks.push({ source: { text: chunkText, section: section?.title ?? null, definitions: header + prefix }, offset: start, line });
  };
  // Sections open at each level (the deepest is the current one).
  const open: Array<ParsedSection | null> = [];
  const current = (): ParsedSection | null => {
    for (let l = open.length - 1; l >= 0; l--) if (open[l]) return open[l]!;
    return null;
  };
  const items = level === 0 ? itemChunks(text, scan, !layout.detected, isVenue) : [];
  let k = 0;
  // A heading of the entries' level that groups deeper papers (see papersUnder): their level, up to the group's end.
  let group: { level: number; until: number } | null = null;
  // A heading of the entries' level that names a year or venue alone and lists papers (`### 2018`, then
  // `- [ICML] Title`): a section whose lists hold the entries (no heading level is 7).
  const listGroup = (h: number): { level: number; until: number } | null => {
    const heading = headings[h]!;
    if (!isGroupHeading(heading.raw, isVenue)) return null;
    if (!paperListsIn(text, lines, heading.line + 1, headings[h + 1]?.line ?? lines.starts.length + 1, isVenue, true).length) return null;
    let until = h + 1;
    while (until < headings.length && headings[until]!.level > heading.level) until++;
    return { level: 7, until };
  };
  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h]!;
    const start = lines.starts[heading.line - 1]!;
    while (k < items.length && items[k]!.item.line < heading.line) {
      const { item, end } = items[k++]!;
      chunk(lines.starts[item.line - 1]!, end, item.line, current());
    }
    if (group && h >= group.until) group = null;
    if (!group && level !== 0 && heading.level === level && layout.detected) group = papersUnder(headings, h, text, lines, isVenue) ?? listGroup(h);
    const at = group?.level ?? level;
    if (heading.level === at) {
      let end = text.length;
      for (let j = h + 1; j < headings.length; j++) {
        if (headings[j]!.level <= at) {
          end = lines.starts[headings[j]!.line - 1]!;
          break;
        }
      }
      open.length = Math.min(open.length, heading.level - 1);
      chunk(start, end, heading.line, current());
      continue;
    }
    if (at !== 0 && heading.level > at) continue;
    if (heading.level === 1 && info.title === null) info.title = sectionTitle(heading);
    open.length = heading.level;
    if (!isSection(heading, at)) continue;
    if (heading.missingSpace) {
      const marks = '#'.repeat(heading.level);
      headingDiagnostics.push({ file, line: heading.line, column: heading.rawOffset - start + 1, code: 'heading-missing-space', message: `Missing space after "${marks}", expected "${marks} ${heading.raw.trim()}"` });
    }
    let sectionEnd = text.length;
    for (let j = h + 1; j < headings.length; j++) {
      if (headings[j]!.level <= heading.level) {
        sectionEnd = lines.starts[headings[j]!.line - 1]!;
        break;
      }
    }
    const section: ParsedSection = {
      title: sectionTitle(heading),
      file,
      line: heading.line,
      heading: { raw: heading.raw, rawOffset: heading.rawOffset, start, end: lines.ends[heading.line - 1]! },
      range: { start, end: sectionEnd },
    };
    open[heading.level - 1] = section;
    sections.push(section);
    // A section's own text, before any heading under it, may list papers where the file's are headings
    // (`### Exploration`, then `- World Models. arXiv 2018`): they are its entries.
    // And anywhere, a table of papers (`| Title | Venue | Year |`): its rows.
    // NOTE: only in a digest of headings: in a digest of list items, tables and blocks are the items' notes.
    if (layout.detected && level !== 0) {
      const from = heading.line + 1;
      const until = headings[h + 1]?.line ?? lines.starts.length + 1;
      const found = paperListsIn(text, lines, from, until, isVenue, isGroupHeading(heading.raw, isVenue));
      // NOTE: tables and blocks are rare: the section's own text is searched for their marks before its code and comments are found.
      const own = from < until ? text.slice(lines.starts[from - 1]!, until - 1 < lines.starts.length ? lines.starts[until - 1]! : text.length) : '';
      if (own.includes('<details') || /^\|/m.test(own)) {
        const hidden = hiddenLines(text, lines, scan.fences, from, until);
        found.push(...paperDetailsIn(text, lines, from, until, hidden), ...paperTablesIn(text, lines, from, until, hidden));
      }
      for (const c of found.sort((a, b) => a.start - b.start)) chunk(c.start, c.end, c.line, section, c.header);
    }
  }
  while (k < items.length) {
    const { item, end } = items[k++]!;
    chunk(lines.starts[item.line - 1]!, end, item.line, current());
  }
  // Entries found in tables (or anywhere): no hint that the file holds none.
  if (chunks.length && layout.suggestion) info.entries = { ...layout, suggestion: null };
  const splice: SpliceFacts = { itemsRead: scan.itemsRead(), definitions: definitions.size > 0, cr: text.includes('\r') };
  return { info, scan, sections, problems, headingDiagnostics, chunks, splice };
}

/**
 * A file's diagnostics in reading order: the scan's problems, then those of each heading line in
 * turn (`entryDiagnostics` are the entries' own, placed, in entry order).
 */
export function fileDiagnostics(frame: Pick<DigestFrame, 'problems' | 'headingDiagnostics'>, entryDiagnostics: readonly Diagnostic[]): Diagnostic[] {
  const out = [...frame.problems];
  const headings = frame.headingDiagnostics;
  let h = 0;
  for (const d of entryDiagnostics) {
    while (h < headings.length && headings[h]!.line < d.line) out.push(headings[h++]!);
    out.push(d);
  }
  while (h < headings.length) out.push(headings[h++]!);
  return out;
}

/** Parses a chunk, or reuses an earlier parse of the same source (with links extracted when a parser is given). */
export function chunkParse(source: ChunkSource, registries: Registries, options: Pick<ParseOptions, 'markdown' | 'reuse'> = {}): EntryParse {
  const parse = options.reuse?.get(source) ?? parseChunk(source, registries, options.markdown);
  return options.markdown ? withLinks(parse, source, options.markdown) : parse;
}

export function parseDigest(text: string, file: string, options: ParseOptions = {}): ParsedFile {
  const registries = registriesOf(options);
  const frame = splitDigest(text, file, options);
  const entries: ParsedEntry[] = [];
  const chunks: ParsedChunk[] = [];
  const entryDiagnostics: Diagnostic[] = [];
  for (const place of frame.chunks) {
    const parse = chunkParse(place.source, registries, options);
    entries.push(placeEntry(parse, place, place.source.section, file));
    entryDiagnostics.push(...placeDiagnostics(parse, place.line, file));
    chunks.push({ ...place, parse });
  }
  const { problems, headingDiagnostics, splice } = frame;
  return { info: frame.info, sections: frame.sections, entries, diagnostics: fileDiagnostics(frame, entryDiagnostics), scan: frame.scan, chunks, frame: { problems, headingDiagnostics, splice } };
}

/** Reuse of the chunks of parses made before, in memory (an editor's buffer, a writer's new text). */
export function reuseChunks(chunks: Iterable<Pick<ParsedChunk, 'source' | 'parse'>>): ChunkReuse {
  // By text, then by what else the parse depends on: a Map hashes the text itself, once.
  const byText = new Map<string, Map<string, EntryParse>>();
  const contextOf = (source: ChunkSource): string => `${source.section === null ? '\u0000' : `=${source.section}`}\u0001${source.definitions}`;
  for (const { source, parse } of chunks) {
    let byContext = byText.get(source.text);
    if (!byContext) byText.set(source.text, (byContext = new Map()));
    byContext.set(contextOf(source), parse);
  }
  return { get: (source) => byText.get(source.text)?.get(contextOf(source)) };
}
