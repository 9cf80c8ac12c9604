// The list table as cache data: every row's cells and their display widths, stored in columns, and
// what `list` filters on. Built once per state of the notes; a warm `list` then makes no entry. Pure.
import type { Filterable } from '../query/filter.js';
import { columnAt, stringColumn, type StringColumn } from '../store/columns.js';
import type { Entry } from '../store/schema.js';
import { ENTRY_CELLS, entryCells, type EntryRows } from './entries.js';
import type { Measure } from './width.js';

/** Bump when the table's shape or contents change (it is cached across runs). */
export const ENTRY_TABLE_VERSION = 1;

export interface EntryTableData {
  version: typeof ENTRY_TABLE_VERSION;
  /** One column per cell of a row (see entryCells). */
  cells: StringColumn[];
  /** The display width of cell `c` of row `i`, at `i * ENTRY_CELLS + c`. */
  widths: Int32Array;
  /** Each row's section, as a position in `sections`; -1 for none. */
  sectionOf: Int32Array;
  sections: Array<{ title: string; slug: string | null }>;
}

/** The table's cache sections: the rows, and the fields the filters read (only read when filtering). */
export interface EntryTableSections extends Record<string, unknown> {
  rows: EntryTableData;
  fields: Filterable[];
}

export function entryTableSections(entries: readonly Entry[], measure: Measure): EntryTableSections {
  const cells = entries.map(entryCells);
  const widths = new Int32Array(entries.length * ENTRY_CELLS);
  cells.forEach((row, i) => row.forEach((cell, c) => (widths[i * ENTRY_CELLS + c] = measure(cell))));
  const sections: EntryTableData['sections'] = [];
  const sectionAt = new Map<string, number>();
  const sectionOf = Int32Array.from(entries, (e) => {
    if (e.section === null) return -1;
    let at = sectionAt.get(e.section);
    if (at === undefined) {
      sectionAt.set(e.section, (at = sections.length));
      sections.push({ title: e.section, slug: e.sectionSlug });
    }
    return at;
  });
  return {
    rows: {
      version: ENTRY_TABLE_VERSION,
      cells: Array.from({ length: ENTRY_CELLS }, (_, c) => stringColumn(cells.map((row) => row[c]!))),
      widths,
      sectionOf,
      sections,
    },
    fields: entries.map((e) => ({ section: e.section, venue: e.venue, year: e.year, orgs: e.orgs, alias: e.alias, stub: e.stub, todos: { length: e.todos.length } })),
  };
}

/** The rows of the cached table, all of them or those at `positions` (in that order). */
export function cachedEntryRows(data: EntryTableData, positions?: readonly number[]): EntryRows {
  const at = (i: number): number => (positions ? positions[i]! : i);
  const sectionOf = (i: number) => data.sections[data.sectionOf[at(i)]!];
  return {
    count: positions ? positions.length : data.sectionOf.length,
    section: (i) => sectionOf(i)?.title ?? null,
    sectionSlug: (i) => sectionOf(i)?.slug ?? null,
    cell: (i, c) => columnAt(data.cells[c]!, at(i)),
    width: (i, c) => data.widths[at(i) * ENTRY_CELLS + c]!,
  };
}
