// `papers show <id|alias|title words>`: one entry in full; several matches are listed (exit 2).
import * as z from 'zod/mini';
import { EXIT_OK } from '../errors.js';
import { formatEntry } from '../report/entries.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';
import { requireOneEntry } from './resolve.js';

export const ShowOptionsSchema = z.object({ json: Flag });

export async function runShow(ctx: Context, words: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(ShowOptionsSchema, rawOptions);
  const query = words.join(' ');
  const store = await ctx.load({ progress: !options.json });
  const summaries = store.summaries();
  const found = await requireOneEntry(ctx, summaries, query);
  if (typeof found === 'number') return found;
  // Only the entry shown is read whole.
  const [entry] = await store.linkedEntries([summaries.indexOf(found)]);
  if (!entry) throw new Error('show: the entry found is not in the store');
  ctx.out(options.json ? JSON.stringify(entry, null, 2) : formatEntry(entry, ctx.color));
  return EXIT_OK;
}
