// `papers list`: entries filtered by section, venue, year, org, TODOs and stubs, as a table or JSON.
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK } from '../errors.js';
import { filterPositions } from '../query/filter.js';
import { entryCountLine, summaryRows, writeEntryTable } from '../report/entries.js';
import { textWidth } from '../report/width.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';
import { ListFilterOptions, listFilter } from './filters.js';

export const ListOptionsSchema = z.object({
  ...ListFilterOptions,
  json: Flag,
});

export async function runList(ctx: Context, rawOptions: unknown): Promise<number> {
  const options = parseOptions(ListOptionsSchema, rawOptions);
  const store = await ctx.load({ progress: !options.json });
  const summaries = store.summaries();
  const filter = listFilter(store, options);
  const positions = filter && filterPositions(summaries, filter, store.venues);
  if (options.json) {
    // Every field, links and notes included.
    const entries = await store.linkedEntries(positions);
    ctx.out(JSON.stringify(entries, null, 2));
    return entries.length || !filter ? EXIT_OK : EXIT_FOUND;
  }
  const rows = summaryRows(summaries, positions);
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
  // An empty digest is a digest (a new one, say): without filters, nothing to list is no failure.
  if (!filter && rows.count === 0) {
    ctx.err('0 entries');
    return EXIT_OK;
  }
  ctx.err(entryCountLine(rows));
  return rows.count ? EXIT_OK : EXIT_FOUND;
}
