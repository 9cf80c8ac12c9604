// `papers list`: entries filtered by section, venue, year, org, TODOs and stubs, as a table or JSON.
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK } from '../errors.js';
import { filterEntries } from '../query/filter.js';
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
  // Links and notes are only printed in JSON; the table needs neither the markdown parser nor the notes.
  const store = await ctx.load({ links: Boolean(options.json), entryTexts: Boolean(options.json), progress: !options.json });
  const { digest } = store;
  const sections = options.section?.map((s) => requireSection(digest, s));
  const entries = filterEntries(
    digest.entries,
    {
      sections,
      venues: options.venue,
      years: options.year,
      orgs: options.org,
      todo: options.todo,
      stub: options.stub,
    },
    store.venues,
  );
  if (options.json) {
    ctx.out(JSON.stringify(entries, null, 2));
  } else if (entries.length) {
    const width = ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined;
    // NOTE: written in pieces of about 64k characters: a 100k-row table as one string would be
    // hundreds of megabytes to build, copy and encode.
    let pending = '';
    writeEntryTable(entries, { color: ctx.color, width, measure: textWidth }, (text) => {
      pending += text;
      if (pending.length >= 65536) {
        ctx.io.stdout.write(pending);
        pending = '';
      }
    });
    ctx.io.stdout.write(`${pending}\n`);
  }
  if (!options.json) ctx.err(entryCountLine(entries));
  return entries.length ? EXIT_OK : EXIT_FOUND;
}
