// The store's layout: its files' frames and, in columns, one row per entry (where its chunk is, the
// key of its source, and the fields most commands read), from which entries are made on demand. Pure.
// NOTE: columns, not an object per row: a warm run on a 10k-entry digest reads the layout whole, and
// 10k row objects cost more to make, check and collect than everything else that run does.
import * as z from 'zod/mini';
import { idBase, slugsByTitle, storeSections, uniqueIds } from './build.js';
import { columnAt, columnStart, eachHolding, Int32Schema, stringColumn, StringColumnSchema, type StringColumn } from './columns.js';
import { readingOf } from './pinyin.js';
import { fileDiagnostics, placeDiagnostics, placeEntry, type ChunkSource, type DigestFrame, type ParsedSection } from './parse.js';
import { DiagnosticSchema, FileInfoSchema, HeadingSchema, RangeSchema, type Diagnostic, type Entry, type EntryParse, type Section } from './schema.js';

/**
 * What list, filters, `show`'s look-up and stats read of every entry: no notes, no positions but its
 * heading line. (A type only: summaries are made from the layout, never read from outside, so the
 * schema is never made.)
 */
export const entrySummarySchema = () => z.object({
  id: z.string(),
  title: z.string(),
  alias: z.nullable(z.string()),
  venue: z.nullable(z.string()),
  year: z.nullable(z.number()),
  orgs: z.array(z.string()),
  section: z.nullable(z.string()),
  sectionSlug: z.nullable(z.string()),
  /** The file as shown (relative to the current folder when inside it). */
  file: z.string(),
  line: z.number(),
  stub: z.boolean(),
  todoCount: z.number(),
});
export type EntrySummary = z.infer<ReturnType<typeof entrySummarySchema>>;

/** One entry of the layout, as an object (see LayoutRows for how they are kept). */
export interface LayoutRow {
  /** The key of its chunk's source: equal keys, equal parses. */
  key: string;
  /** Index of its file in the layout's files. */
  file: number;
  /** Where its chunk starts in its file, and its length (where the entry ends). */
  offset: number;
  line: number;
  length: number;
  section: string | null;
  /** The reference definitions its source uses (ChunkSource.definitions). */
  definitions: string;
  /** What its id is made from (see idBase); the id itself is unique across the store. */
  idBase: string;
  id: string;
  title: string;
  alias: string | null;
  venue: string | null;
  year: number | null;
  orgs: string[];
  stub: boolean;
  todoCount: number;
}

/** A row's fields as its chunk's parse gives them: everything but where it is and its id. */
export type RowFields = Omit<LayoutRow, 'file' | 'offset' | 'line' | 'id'>;

/** No year, in the year column. */
const NO_YEAR = -1;
/** No section, in the section column. */
const NO_SECTION = -1;

const Uint8Schema = z.custom<Uint8Array>((v) => v instanceof Uint8Array);

/** The rows, one column per field (row `i` is position `i` of each), with what they are made of. */
export const LayoutRowsSchema = z.object({
  size: z.number().check(z.int(), z.minimum(0)),
  key: StringColumnSchema,
  file: Int32Schema,
  offset: Int32Schema,
  line: Int32Schema,
  length: Int32Schema,
  /** Position in `sections`, or -1. */
  section: Int32Schema,
  sections: z.array(z.string()),
  definitions: StringColumnSchema,
  idBase: StringColumnSchema,
  id: StringColumnSchema,
  title: StringColumnSchema,
  alias: StringColumnSchema,
  /** 1 where the row has an alias (else its `alias` is empty); likewise `hasVenue`. */
  hasAlias: Uint8Schema,
  venue: StringColumnSchema,
  hasVenue: Uint8Schema,
  /** The year, or -1. */
  year: Int32Schema,
  /** Every row's organisations end to end; row `i`'s are `orgs[orgEnds[i - 1] .. orgEnds[i]]`. */
  orgs: StringColumnSchema,
  orgEnds: Int32Schema,
  stub: Uint8Schema,
  todoCount: Int32Schema,
});
export type LayoutRows = z.infer<typeof LayoutRowsSchema>;

/** Whether every column has one value per row (what a schema of the columns alone cannot say). */
export function rowsAreWhole(rows: LayoutRows): boolean {
  const n = rows.size;
  const columns = [rows.key.ends, rows.file, rows.offset, rows.line, rows.length, rows.section, rows.definitions.ends, rows.idBase.ends, rows.id.ends];
  const more = [rows.title.ends, rows.alias.ends, rows.hasAlias, rows.venue.ends, rows.hasVenue, rows.year, rows.orgEnds, rows.stub, rows.todoCount];
  if (![...columns, ...more].every((c) => c.length === n)) return false;
  for (let i = 0; i < n; i++) if (rows.section[i]! >= rows.sections.length || rows.file[i]! < 0) return false;
  return n === 0 || rows.orgEnds[n - 1]! <= rows.orgs.ends.length;
}

const ParsedSectionSchema = z.object({ title: z.string(), file: z.string(), line: z.number(), heading: HeadingSchema, range: RangeSchema });

/** A file of the layout: its frame, by absolute path, and the hash of the bytes it was read from. */
export const LayoutFileSchema = z.object({
  path: z.string(),
  sha1: z.string(),
  info: FileInfoSchema,
  sections: z.array(ParsedSectionSchema),
  problems: z.array(DiagnosticSchema),
  headingDiagnostics: z.array(DiagnosticSchema),
});
export type LayoutFile = z.infer<typeof LayoutFileSchema>;

export const StoreLayoutSchema = z.object({
  files: z.array(LayoutFileSchema),
  rows: LayoutRowsSchema,
  /** Each section heading's reading (see readingOf): its slug without a configured one, and what --section matches. */
  sectionReadings: z.record(z.string(), z.string()),
});
export type StoreLayout = z.infer<typeof StoreLayoutSchema>;

/** The row fields of a parsed chunk. */
export function rowFields(key: string, source: ChunkSource, parse: EntryParse): RowFields {
  return {
    key,
    section: source.section,
    definitions: source.definitions,
    title: parse.title,
    alias: parse.alias,
    venue: parse.venue,
    year: parse.year,
    orgs: parse.orgs,
    stub: parse.stub,
    todoCount: parse.todos.length,
    length: source.text.length,
    idBase: idBase(parse),
  };
}

/** Row `row` of an earlier layout, whose fields a new row has: copied column by column, never made into an object. */
export interface RowRef {
  layout: StoreLayout;
  row: number;
}

const isRef = (f: RowFields | RowRef): f is RowRef => 'layout' in f;

/** One file's frame and its chunks' row fields, in order: what a layout is made of. */
export interface LayoutPart {
  path: string;
  sha1: string;
  frame: Omit<DigestFrame, 'scan' | 'chunks' | 'splice'>;
  /** Each chunk's offset and line, with its fields (made, or those of a row of an earlier layout). */
  chunks: Array<{ offset: number; line: number; fields: RowFields | RowRef }>;
}


type Fields = RowFields | RowRef;

/**
 * For each row `i`, the end of the run of rows from `i` that refer to consecutive rows of one earlier
 * layout (i + 1 for a made row): worked out once for every column.
 */
function runEnds(fields: readonly Fields[]): Int32Array {
  const n = fields.length;
  const out = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const f = fields[i]!;
    const g = fields[i + 1];
    out[i] = i + 1 < n && isRef(f) && g !== undefined && isRef(g) && g.layout === f.layout && g.row === f.row + 1 ? out[i + 1]! : i + 1;
  }
  return out;
}

/**
 * A string column of the rows: each made row's string, and for a run of rows referring to
 * consecutive rows of one earlier layout, that column's joined text sliced once.
 */
function stringsOf(fields: readonly Fields[], runTo: Int32Array, own: (f: RowFields) => string, column: (rows: LayoutRows) => StringColumn): StringColumn {
  const n = fields.length;
  const ends = new Int32Array(n);
  const pieces: string[] = [];
  let at = 0;
  for (let i = 0; i < n; ) {
    const f = fields[i]!;
    if (!isRef(f)) {
      const s = own(f);
      pieces.push(s);
      ends[i++] = at += s.length;
      continue;
    }
    const j = runTo[i]!;
    const col = column(f.layout.rows);
    const start = columnStart(col, f.row);
    const end = col.ends[f.row + (j - i) - 1]!;
    pieces.push(col.joined.slice(start, end));
    for (let k = i; k < j; k++) ends[k] = at + col.ends[f.row + (k - i)]! - start;
    at += end - start;
    i = j;
  }
  return { joined: pieces.join(''), ends };
}

/** The rows' organisations end to end and where each row's end (see LayoutRows), runs of earlier rows copied as one slice. */
function orgsOf(fields: readonly Fields[], runTo: Int32Array): { orgs: StringColumn; orgEnds: Int32Array } {
  const n = fields.length;
  const orgEnds = new Int32Array(n);
  const pieces: string[] = [];
  const ends: number[] = [];
  let at = 0;
  for (let i = 0; i < n; ) {
    const f = fields[i]!;
    if (!isRef(f)) {
      for (const org of f.orgs) {
        pieces.push(org);
        ends.push((at += org.length));
      }
      orgEnds[i++] = ends.length;
      continue;
    }
    const j = runTo[i]!;
    const { orgs, orgEnds: old } = f.layout.rows;
    const first = f.row === 0 ? 0 : old[f.row - 1]!;
    const last = old[f.row + (j - i) - 1]!;
    const count = ends.length;
    if (last > first) {
      const start = columnStart(orgs, first);
      pieces.push(orgs.joined.slice(start, orgs.ends[last - 1]));
      for (let k = first; k < last; k++) ends.push(at + orgs.ends[k]! - start);
      at += orgs.ends[last - 1]! - start;
    }
    for (let k = i; k < j; k++) orgEnds[k] = count + old[f.row + (k - i)]! - first;
    i = j;
  }
  return { orgs: { joined: pieces.join(''), ends: Int32Array.from(ends) }, orgEnds };
}

/** The reading of every section heading of these files; those `known` has are taken from it (no pinyin made again). */
function sectionReadingsOf(files: readonly LayoutFile[], known: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) for (const s of f.sections) if (!Object.hasOwn(out, s.title)) out[s.title] = Object.hasOwn(known, s.title) ? known[s.title]! : readingOf(s.title);
  return out;
}

/** The layout of files in store order; ids are unique across all of them. `known`: readings of headings already made. */
export function buildLayout(parts: readonly LayoutPart[], known: Readonly<Record<string, string>> = {}): StoreLayout {
  const files: LayoutFile[] = parts.map((p) => ({
    path: p.path,
    sha1: p.sha1,
    info: p.frame.info,
    sections: p.frame.sections,
    problems: p.frame.problems,
    headingDiagnostics: p.frame.headingDiagnostics,
  }));
  const n = parts.reduce((sum, p) => sum + p.chunks.length, 0);
  // NOTE: parallel arrays, not an object per row (see the note at the top).
  const fields = new Array<Fields>(n);
  const file = new Int32Array(n);
  const offset = new Int32Array(n);
  const line = new Int32Array(n);
  let at = 0;
  parts.forEach((p, k) => {
    for (const c of p.chunks) {
      fields[at] = c.fields;
      file[at] = k;
      offset[at] = c.offset;
      line[at++] = c.line;
    }
  });
  const sections: string[] = [];
  const sectionAt = new Map<string, number>();
  const runTo = runEnds(fields);
  // A number of each row: made from its fields, or a run of rows copied from the earlier layout's column at once.
  const numbers = <T extends Int32Array | Uint8Array>(out: T, own: (f: RowFields) => number, column: (rows: LayoutRows) => T): T => {
    for (let i = 0; i < n; ) {
      const f = fields[i]!;
      if (!isRef(f)) {
        out[i++] = own(f);
        continue;
      }
      const j = runTo[i]!;
      out.set(column(f.layout.rows).subarray(f.row, f.row + (j - i)), i);
      i = j;
    }
    return out;
  };
  const ints = (own: (f: RowFields) => number, column: (rows: LayoutRows) => Int32Array): Int32Array => numbers(new Int32Array(n), own, column);
  const flags = (own: (f: RowFields) => boolean, column: (rows: LayoutRows) => Uint8Array): Uint8Array => numbers(new Uint8Array(n), (f) => (own(f) ? 1 : 0), column);
  const sectionIndex = (title: string | null): number => {
    if (title === null) return NO_SECTION;
    let at = sectionAt.get(title);
    if (at === undefined) {
      sectionAt.set(title, (at = sections.length));
      sections.push(title);
    }
    return at;
  };
  const section = new Int32Array(n);
  for (let i = 0; i < n; ) {
    const f = fields[i]!;
    if (!isRef(f)) {
      section[i++] = sectionIndex(f.section);
      continue;
    }
    // A run's sections by the earlier layout's numbers, each looked up once.
    const j = runTo[i]!;
    const rows = f.layout.rows;
    const mapped = new Map<number, number>();
    for (let k = i; k < j; k++) {
      const old = rows.section[f.row + (k - i)]!;
      let at = mapped.get(old);
      if (at === undefined) mapped.set(old, (at = sectionIndex(old === NO_SECTION ? null : rows.sections[old]!)));
      section[k] = at;
    }
    i = j;
  }
  const idBases = stringsOf(fields, runTo, (f) => f.idBase, (r) => r.idBase);
  const rows: LayoutRows = {
    size: n,
    key: stringsOf(fields, runTo, (f) => f.key, (r) => r.key),
    file,
    offset,
    line,
    length: ints((f) => f.length, (r) => r.length),
    section,
    sections,
    definitions: stringsOf(fields, runTo, (f) => f.definitions, (r) => r.definitions),
    idBase: idBases,
    id: stringColumn(uniqueIds(Array.from({ length: n }, (_, i) => columnAt(idBases, i)))),
    title: stringsOf(fields, runTo, (f) => f.title, (r) => r.title),
    alias: stringsOf(fields, runTo, (f) => f.alias ?? '', (r) => r.alias),
    hasAlias: flags((f) => f.alias !== null, (r) => r.hasAlias),
    venue: stringsOf(fields, runTo, (f) => f.venue ?? '', (r) => r.venue),
    hasVenue: flags((f) => f.venue !== null, (r) => r.hasVenue),
    year: ints((f) => f.year ?? NO_YEAR, (r) => r.year),
    ...orgsOf(fields, runTo),
    stub: flags((f) => f.stub, (r) => r.stub),
    todoCount: ints((f) => f.todoCount, (r) => r.todoCount),
  };
  return { files, rows, sectionReadings: sectionReadingsOf(files, known) };
}

/** The column with strings [a, b) replaced by `values`. */
function splicedStrings(column: StringColumn, a: number, b: number, values: readonly string[]): StringColumn {
  const start = columnStart(column, a);
  const end = columnStart(column, b);
  const n = column.ends.length - (b - a) + values.length;
  const ends = new Int32Array(n);
  ends.set(column.ends.subarray(0, a));
  let at = start;
  values.forEach((v, i) => (ends[a + i] = at += v.length));
  const by = at - end;
  for (let i = b; i < column.ends.length; i++) ends[i - b + a + values.length] = column.ends[i]! + by;
  return { joined: column.joined.slice(0, start) + values.join('') + column.joined.slice(end), ends };
}

/** The numbers with [a, b) replaced by `values`. */
function splicedNumbers<T extends Int32Array | Uint8Array>(column: T, a: number, b: number, values: readonly number[], make: (n: number) => T): T {
  const out = make(column.length - (b - a) + values.length);
  out.set(column.subarray(0, a));
  values.forEach((v, i) => (out[a + i] = v));
  out.set(column.subarray(b), a + values.length);
  return out;
}

/** How many strings of the column are exactly `value`. */
function countOf(column: StringColumn, value: string): number {
  let n = 0;
  eachHolding(column, value, (i) => void (columnAt(column, i) === value && n++));
  return n;
}

/**
 * What buildLayout gives for `layout`'s own parts but file `k`'s, `part`: the file's chunks from
 * `from` up to `newTo` made anew in place of its rows from `from` up to `oldTo`, the others its rows
 * in order (what withSplit makes of an insertion). Made by splicing every column once instead of
 * building them all again. Null when that could change the ids of other rows (a new id base some
 * row already has or is named by, or a replaced row whose id base another row shares) or name a new
 * section: buildLayout then.
 */
export function withRows(layout: StoreLayout, k: number, part: LayoutPart, from: number, oldTo: number, newTo: number): StoreLayout | null {
  const { rows } = layout;
  let first = 0;
  while (first < rows.size && rows.file[first]! < k) first++;
  let count = 0;
  while (first + count < rows.size && rows.file[first + count] === k) count++;
  if (part.chunks.length !== count - (oldTo - from) + (newTo - from)) return null;
  const made: RowFields[] = [];
  for (let j = from; j < newTo; j++) {
    const f = part.chunks[j]!.fields;
    if (isRef(f)) return null;
    made.push(f);
  }
  const a = first + from;
  const b = first + oldTo;
  // NOTE: the rows replaced must come back first, with their id bases and sections (an entry whose
  // notes the insertion touched, as `add` writes): else a section's or an id base's only use could go.
  const replaced = oldTo - from;
  if (made.length < replaced) return null;
  for (let i = 0; i < replaced; i++) if (made[i]!.idBase !== columnAt(rows.idBase, a + i) || made[i]!.section !== sectionOf(rows, a + i)) return null;
  // Ids: those rows and the others keep theirs, a new row's is its base (see uniqueIds), when nothing collides.
  const bases = new Set<string>();
  for (const f of made.slice(replaced)) {
    if (!f.idBase || bases.has(f.idBase) || countOf(rows.idBase, f.idBase) > 0 || countOf(rows.id, f.idBase) > 0) return null;
    bases.add(f.idBase);
  }
  const ids = made.map((f, i) => (i < replaced ? columnAt(rows.id, a + i) : f.idBase));
  // Sections are numbered in order of first use: a new row's must be in use before it already.
  const sectionOfRow: number[] = [];
  for (const [i, f] of made.entries()) {
    const at = f.section === null ? NO_SECTION : rows.sections.indexOf(f.section);
    if (at < 0 && f.section !== null) return null;
    if (i >= replaced && at >= 0 && !rows.section.subarray(0, b).includes(at)) return null;
    sectionOfRow.push(at);
  }
  // The file's sections as before (their readings with them).
  const titles = (list: ReadonlyArray<{ title: string }>) => [...new Set(list.map((x) => x.title))].sort().join('\u0000');
  if (titles(part.frame.sections) !== titles(layout.files[k]!.sections)) return null;
  const n = rows.size - (b - a) + made.length;
  const int = (len: number) => new Int32Array(len);
  const byte = (len: number) => new Uint8Array(len);
  // Places: file k's from its part, every other file's as they were.
  const offset = new Int32Array(n);
  const line = new Int32Array(n);
  offset.set(rows.offset.subarray(0, first));
  line.set(rows.line.subarray(0, first));
  part.chunks.forEach((c, j) => {
    offset[first + j] = c.offset;
    line[first + j] = c.line;
  });
  offset.set(rows.offset.subarray(first + count), first + part.chunks.length);
  line.set(rows.line.subarray(first + count), first + part.chunks.length);
  // Organisations: the strings of the replaced rows' organisations replaced too, each row's end moved.
  const orgFirst = a === 0 ? 0 : rows.orgEnds[a - 1]!;
  const orgLast = b === 0 ? 0 : rows.orgEnds[b - 1]!;
  const newOrgs = made.flatMap((f) => f.orgs);
  const orgEnds = new Int32Array(n);
  orgEnds.set(rows.orgEnds.subarray(0, a));
  let orgAt = orgFirst;
  made.forEach((f, i) => (orgEnds[a + i] = orgAt += f.orgs.length));
  const orgBy = orgAt - orgLast;
  for (let i = b; i < rows.size; i++) orgEnds[i - b + a + made.length] = rows.orgEnds[i]! + orgBy;
  const { frame } = part;
  return {
    files: layout.files.map((f, j): LayoutFile =>
      j === k ? { path: part.path, sha1: part.sha1, info: frame.info, sections: frame.sections, problems: frame.problems, headingDiagnostics: frame.headingDiagnostics } : f,
    ),
    rows: {
      size: n,
      key: splicedStrings(rows.key, a, b, made.map((f) => f.key)),
      file: splicedNumbers(rows.file, a, b, made.map(() => k), int),
      offset,
      line,
      length: splicedNumbers(rows.length, a, b, made.map((f) => f.length), int),
      section: splicedNumbers(rows.section, a, b, sectionOfRow, int),
      sections: rows.sections,
      definitions: splicedStrings(rows.definitions, a, b, made.map((f) => f.definitions)),
      idBase: splicedStrings(rows.idBase, a, b, made.map((f) => f.idBase)),
      id: splicedStrings(rows.id, a, b, ids),
      title: splicedStrings(rows.title, a, b, made.map((f) => f.title)),
      alias: splicedStrings(rows.alias, a, b, made.map((f) => f.alias ?? '')),
      hasAlias: splicedNumbers(rows.hasAlias, a, b, made.map((f) => (f.alias !== null ? 1 : 0)), byte),
      venue: splicedStrings(rows.venue, a, b, made.map((f) => f.venue ?? '')),
      hasVenue: splicedNumbers(rows.hasVenue, a, b, made.map((f) => (f.venue !== null ? 1 : 0)), byte),
      year: splicedNumbers(rows.year, a, b, made.map((f) => f.year ?? NO_YEAR), int),
      orgs: splicedStrings(rows.orgs, orgFirst, orgLast, newOrgs),
      orgEnds,
      stub: splicedNumbers(rows.stub, a, b, made.map((f) => (f.stub ? 1 : 0)), byte),
      todoCount: splicedNumbers(rows.todoCount, a, b, made.map((f) => f.todoCount), int),
    },
    sectionReadings: layout.sectionReadings,
  };
}

/** The fields of an earlier layout's row, as an object. */
export function rowFieldsAt(ref: RowRef): RowFields {
  const { file: _file, offset: _offset, line: _line, id: _id, ...fields } = rowAt(ref.layout, ref.row);
  return fields;
}

/** The column with string `i` made `value`. */
function withString(column: StringColumn, i: number, value: string): StringColumn {
  const start = columnStart(column, i);
  const end = column.ends[i]!;
  const ends = column.ends.slice();
  const by = value.length - (end - start);
  for (let k = i; k < ends.length; k++) ends[k]! += by;
  return { joined: column.joined.slice(0, start) + value + column.joined.slice(end), ends };
}

/** The numbers with number `i` made `value`. */
function withNumber<T extends Int32Array | Uint8Array>(column: T, i: number, value: number): T {
  const out = column.slice() as T;
  out[i] = value;
  return out;
}

/**
 * What buildLayout gives for `layout`'s own parts but row `row` of file `k`: `fields` made for it, the
 * file's frame `frame` and its rows after it moved by `chars` characters and `feeds` lines. Made by
 * copying only the columns that change (the others are shared: a layout is never changed once
 * made). Null when the row's fields change more than its key, length, stub and TODOs (a heading
 * edited: its id and the names of others may change), or the row is not one of file `k`'s.
 */
export function withRow(layout: StoreLayout, k: number, part: Pick<LayoutPart, 'path' | 'sha1' | 'frame'>, row: number, fields: RowFields, chars: number, feeds: number): StoreLayout | null {
  const { rows } = layout;
  if (row < 0 || row >= rows.size || rows.file[row] !== k) return null;
  const old = rowAt(layout, row);
  const same =
    old.title === fields.title &&
    old.alias === fields.alias &&
    old.venue === fields.venue &&
    old.year === fields.year &&
    old.section === fields.section &&
    old.definitions === fields.definitions &&
    old.idBase === fields.idBase &&
    old.orgs.length === fields.orgs.length &&
    old.orgs.every((o, i) => o === fields.orgs[i]);
  if (!same) return null;
  let end = row + 1;
  while (end < rows.size && rows.file[end] === k) end++;
  const offset = rows.offset.slice();
  const line = rows.line.slice();
  for (let i = row + 1; i < end; i++) {
    offset[i]! += chars;
    line[i]! += feeds;
  }
  const { frame } = part;
  const files = layout.files.map((f, j): LayoutFile =>
    j === k ? { path: part.path, sha1: part.sha1, info: frame.info, sections: frame.sections, problems: frame.problems, headingDiagnostics: frame.headingDiagnostics } : f,
  );
  return {
    files,
    rows: {
      ...rows,
      key: old.key === fields.key ? rows.key : withString(rows.key, row, fields.key),
      offset,
      line,
      length: withNumber(rows.length, row, fields.length),
      stub: withNumber(rows.stub, row, fields.stub ? 1 : 0),
      todoCount: withNumber(rows.todoCount, row, fields.todoCount),
    },
    sectionReadings: layout.sectionReadings,
  };
}

function orgsAt(rows: LayoutRows, i: number): string[] {
  const out: string[] = [];
  for (let k = i === 0 ? 0 : rows.orgEnds[i - 1]!; k < rows.orgEnds[i]!; k++) out.push(columnAt(rows.orgs, k));
  return out;
}

/** The section of a new row: made, or that of the earlier layout's row. */
export function sectionOfFields(fields: RowFields | RowRef): string | null {
  return isRef(fields) ? sectionOf(fields.layout.rows, fields.row) : fields.section;
}

/** Row `i`'s section. */
export const sectionAt = (layout: StoreLayout, i: number): string | null => sectionOf(layout.rows, i);

const sectionOf = (rows: LayoutRows, i: number): string | null => {
  const s = rows.section[i]!;
  return s === NO_SECTION ? null : rows.sections[s]!;
};

/** The fields of row `i` that its summary shows as they are. */
function shownAt(rows: LayoutRows, i: number): Pick<EntrySummary, 'title' | 'alias' | 'venue' | 'year' | 'orgs' | 'stub' | 'todoCount'> {
  const year = rows.year[i]!;
  return {
    title: columnAt(rows.title, i),
    alias: rows.hasAlias[i] ? columnAt(rows.alias, i) : null,
    venue: rows.hasVenue[i] ? columnAt(rows.venue, i) : null,
    year: year === NO_YEAR ? null : year,
    orgs: orgsAt(rows, i),
    stub: rows.stub[i] === 1,
    todoCount: rows.todoCount[i]!,
  };
}

/** Row `i` as an object. */
export function rowAt(layout: StoreLayout, i: number): LayoutRow {
  const { rows } = layout;
  return {
    key: columnAt(rows.key, i),
    file: rows.file[i]!,
    offset: rows.offset[i]!,
    line: rows.line[i]!,
    length: rows.length[i]!,
    section: sectionOf(rows, i),
    definitions: columnAt(rows.definitions, i),
    idBase: columnAt(rows.idBase, i),
    id: columnAt(rows.id, i),
    ...shownAt(rows, i),
  };
}

/** Where row `i`'s chunk is: its file, offset, line and length. */
export function placeAt(layout: StoreLayout, i: number): { file: number; offset: number; line: number; length: number; section: string | null; definitions: string } {
  const { rows } = layout;
  return { file: rows.file[i]!, offset: rows.offset[i]!, line: rows.line[i]!, length: rows.length[i]!, section: sectionOf(rows, i), definitions: columnAt(rows.definitions, i) };
}

export function keyAt(layout: StoreLayout, i: number): string {
  return columnAt(layout.rows.key, i);
}

/** The layout's sections, named `name(path)`, with slugs and indexes. */
export function layoutSections(layout: StoreLayout, slugs: Readonly<Record<string, string>>, name: (path: string) => string): Section[] {
  return storeSections(layout.files.map((f) => f.sections.map((s): ParsedSection => ({ ...s, file: name(f.path) }))), slugs);
}

/** Summaries of every row, files named `name(path)`. */
export function layoutSummaries(layout: StoreLayout, slugs: Readonly<Record<string, string>>, name: (path: string) => string): EntrySummary[] {
  const { rows } = layout;
  const named = rowNames(layout, slugs, name);
  const out = new Array<EntrySummary>(rows.size);
  for (let i = 0; i < rows.size; i++) out[i] = summaryAt(layout, i, named);
  return out;
}

/** Row `i`'s summary, its section's slug and file's name from `named` (rowNames). */
export function summaryAt(layout: StoreLayout, i: number, named: ReturnType<typeof rowNames>): EntrySummary {
  const { rows } = layout;
  return { id: columnAt(rows.id, i), ...shownAt(rows, i), section: sectionOf(rows, i), sectionSlug: named.slugOf(i), file: named.fileOf(i), line: rows.line[i]! };
}

/** The slug of each row's section and the name of its file, without making its summary. */
export function rowNames(layout: StoreLayout, slugs: Readonly<Record<string, string>>, name: (path: string) => string): { slugOf(i: number): string | null; fileOf(i: number): string } {
  const { rows } = layout;
  const slugByTitle = slugsByTitle(slugs);
  const slugOfSection = rows.sections.map((title) => slugByTitle.get(title) ?? null);
  const names = layout.files.map((f) => name(f.path));
  return {
    slugOf: (i) => (rows.section[i] === NO_SECTION ? null : slugOfSection[rows.section[i]!]!),
    fileOf: (i) => names[rows.file[i]!]!,
  };
}

/** The entry of row `i`, from its chunk's parse. */
export function layoutEntry(layout: StoreLayout, i: number, parse: EntryParse, sectionSlug: string | null, file: string): Entry {
  const { rows } = layout;
  const entry = placeEntry(parse, { offset: rows.offset[i]!, line: rows.line[i]! }, sectionOf(rows, i), file);
  entry.id = columnAt(rows.id, i);
  entry.sectionSlug = sectionSlug;
  return entry;
}

/** All diagnostics of the layout's files, in reading order, files named `name(path)`. */
export function layoutDiagnostics(layout: StoreLayout, parseOf: (i: number) => EntryParse, name: (path: string) => string, only?: number): Diagnostic[] {
  const { rows } = layout;
  const byFile: Diagnostic[][] = layout.files.map(() => []);
  for (let i = 0; i < rows.size; i++) {
    const k = rows.file[i]!;
    if (only === undefined || k === only) byFile[k]!.push(...placeDiagnostics(parseOf(i), rows.line[i]!, ''));
  }
  return layout.files.flatMap((f, k) => {
    if (only !== undefined && k !== only) return [];
    const shown = name(f.path);
    const rename = (d: Diagnostic): Diagnostic => ({ ...d, file: shown });
    return fileDiagnostics({ problems: f.problems.map(rename), headingDiagnostics: f.headingDiagnostics.map(rename) }, byFile[k]!.map(rename));
  });
}
