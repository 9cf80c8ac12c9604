// `papers sections`: the sections with their slugs, entry counts and places.
import * as z from 'zod/mini';
import { EXIT_OK } from '../errors.js';
import { summarizeSections } from '../query/sections.js';
import { formatSectionTable, sectionRows } from '../report/entries.js';
import { measureFor } from '../report/width.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';

export const SectionsOptionsSchema = z.object({ json: Flag });

export async function runSections(ctx: Context, rawOptions: unknown): Promise<number> {
  const options = parseOptions(SectionsOptionsSchema, rawOptions);
  const store = await ctx.load({ progress: !options.json });
  const entries = store.summaries();
  const sections = summarizeSections({ sections: store.sections, entries });
  const unsectioned = entries.filter((e) => e.section === null).length;
  if (options.json) {
    ctx.out(JSON.stringify({ sections, unsectioned }, null, 2));
  } else if (sections.length === 0 && unsectioned === 0) {
    // Nothing to draw: a table of headers alone says less than a count.
    ctx.err('0 sections');
  } else {
    const rows = sectionRows(sections, unsectioned);
    ctx.out(formatSectionTable(rows, ctx.color, await measureFor(rows.flat())));
  }
  return EXIT_OK;
}
