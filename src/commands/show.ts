// `papers show <id|alias|title words>`: one entry in full; several matches are listed (exit 2).
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { findEntries } from '../query/find.js';
import { formatEntry, venueLabel } from '../report/entries.js';
import { renderRows } from '../report/terminal.js';
import { measureFor } from '../report/width.js';
import type { EntrySummary } from '../store/layout.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';

export const ShowOptionsSchema = z.object({ json: Flag });

/** Aligned `id  title  venue  file:line` rows, for "which one did you mean" messages. */
export async function formatCandidates(entries: ReadonlyArray<Pick<EntrySummary, 'id' | 'title' | 'venue' | 'year' | 'file' | 'line'>>): Promise<string> {
  const rows = entries.map((e) => [e.id, e.title, venueLabel(e), `${e.file}:${e.line}`]);
  return renderRows(rows, [{}, {}, {}, {}], { indent: '  ', measure: await measureFor(rows.flat()) }).join('\n');
}

export async function runShow(ctx: Context, words: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(ShowOptionsSchema, rawOptions);
  const query = words.join(' ');
  const store = await ctx.load({ progress: !options.json });
  const summaries = store.summaries();
  const found = findEntries(summaries, query);
  if (found.length === 0) {
    const hint = summaries.length ? `try papers search ${JSON.stringify(query)}` : 'the notes hold no entries yet; papers add adds one';
    ctx.err(`papers: no entry matches "${query}" (${hint})`);
    return EXIT_FOUND;
  }
  if (found.length > 1) {
    ctx.err(`papers: "${query}" matches ${found.length} entries:\n${await formatCandidates(found)}\n(give the id to pick one)`);
    return EXIT_USAGE;
  }
  // Only the entry shown is read whole.
  const [entry] = await store.linkedEntries([summaries.indexOf(found[0]!)]);
  if (!entry) throw new Error('show: the entry found is not in the store');
  ctx.out(options.json ? JSON.stringify(entry, null, 2) : formatEntry(entry, ctx.color));
  return EXIT_OK;
}
