// `papers list`: entries filtered by section, venue, year, org, TODOs and stubs, as a table or JSON.
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK } from '../errors.js';
import { filterEntries, type EntryFilter } from '../query/filter.js';
import { cachedEntryRows, ENTRY_TABLE_VERSION, entryTableSections } from '../report/entry-table.js';
import { entryCountLine, writeEntryTable } from '../report/entries.js';
import { textWidth } from '../report/width.js';
import type { Context } from './context.js';
import { Flag, ListOf, parseOptions, YearsOption } from './options.js';
import { requireSection } from './resolve.js';

export const ListOptionsSchema = z.object({
  section: ListOf,
  venue: ListOf,
  year: YearsOption,
  org: ListOf,
  todo: Flag,
  stub: Flag,
  json: Flag,
});

export async function runList(ctx: Context, rawOptions: unknown): Promise<number> {
  const options = parseOptions(ListOptionsSchema, rawOptions);
  const filter = (sections: string[] | undefined): EntryFilter => ({
    sections,
    venues: options.venue,
    years: options.year,
    orgs: options.org,
    todo: options.todo,
    stub: options.stub,
  });
  if (options.json) {
    // Every field, links and notes included: the whole store.
    const store = await ctx.load({ links: true, progress: false });
    const { digest } = store;
    const sections = options.section?.map((s) => requireSection(digest, s));
    const entries = filterEntries(digest.entries, filter(sections), store.venues);
    ctx.out(JSON.stringify(entries, null, 2));
    return entries.length ? EXIT_OK : EXIT_FOUND;
  }
  // The table is cached as rows of cells with their widths, built once per state of the notes: a
  // warm list reads them (and, to filter, the fields filters read), never the entries themselves.
  const view = await ctx.loadView({ progress: true });
  const table = view.derived(`entry-table-${ENTRY_TABLE_VERSION}`, () => entryTableSections(view.digest().entries, textWidth));
  const filtered = Boolean(options.section?.length || options.venue?.length || options.year?.length || options.org?.length) || options.todo !== undefined || options.stub !== undefined;
  let positions: number[] | undefined;
  if (filtered) {
    const fields = table.get('fields');
    const sections = options.section?.map((s) => requireSection({ sections: view.sections, entries: fields }, s));
    const kept = new Set(filterEntries(fields, filter(sections), view.venues));
    positions = [];
    fields.forEach((f, i) => kept.has(f) && positions!.push(i));
  }
  const rows = cachedEntryRows(table.get('rows'), positions);
  if (rows.count) {
    const width = ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined;
    // NOTE: written in pieces of about 64k characters: a 100k-row table as one string would be
    // hundreds of megabytes to build, copy and encode.
    let pending = '';
    writeEntryTable(rows, { color: ctx.color, width, measure: textWidth }, (text) => {
      pending += text;
      if (pending.length >= 65536) {
        ctx.io.stdout.write(pending);
        pending = '';
      }
    });
    ctx.io.stdout.write(`${pending}\n`);
  }
  ctx.err(entryCountLine(rows));
  return rows.count ? EXIT_OK : EXIT_FOUND;
}
