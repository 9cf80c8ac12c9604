// `papers search <words...>`: ranked, typo-tolerant search over titles, fields and notes, with qualifiers.
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK, UsageError } from '../errors.js';
import { formatSearchResults, searchResultJson } from '../report/search.js';
import { measureFor } from '../report/width.js';
import { parseQuery } from '../search/query.js';
import { describeHits } from '../search/snippet.js';
import type { Entry } from '../store/schema.js';
import type { Context } from './context.js';
import { hasFilter } from './filters.js';
import { Flag, ListOf, parseOptions, positiveInt, YearsOption } from './options.js';
import { findHits, parseQualifiers } from './search-hits.js';

export const DEFAULT_LIMIT = 10;

export const SearchOptionsSchema = z.object({
  section: ListOf,
  venue: ListOf,
  year: YearsOption,
  org: ListOf,
  limit: positiveInt(),
  json: Flag,
});

export async function runSearch(ctx: Context, words: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(SearchOptionsSchema, rawOptions);
  const query = parseQuery(words);
  const qualifiers = parseQualifiers(query);
  const filtered = hasFilter(options) || hasFilter(qualifiers);
  // Fillers alone (`the of`): a search that finds nothing, not a usage error.
  const fillersOnly = query.terms.length === 0 && query.allTerms.length > 0;
  if (query.terms.length === 0 && !fillersOnly && !filtered) {
    throw new UsageError(
      query.text ? `nothing to search for in "${query.text}": it has no letters, digits or Chinese characters` : 'search needs words to look for',
      'e.g. papers search inner product, papers search 量化, papers search venue:osdi',
    );
  }
  const store = await ctx.load({ progress: !options.json });

  const hits = findHits(store, query, options, qualifiers);

  const limit = options.limit ?? DEFAULT_LIMIT;
  const shown = hits.slice(0, limit);
  // Only the entries printed are read (a sparse array, by position); links are only printed in JSON.
  const positions = shown.map((h) => h.index);
  const read = options.json ? await store.linkedEntries(positions) : store.entries(positions);
  const entries: Entry[] = [];
  read.forEach((e, k) => (entries[positions[k]!] = e));
  const results = describeHits(entries, query, shown);
  if (options.json) {
    ctx.out(JSON.stringify(results.map(searchResultJson), null, 2));
  } else if (results.length) {
    // NOTE: a terminal of unknown size reports 0 columns: treat it like a pipe.
    const width = ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : undefined;
    const measure = await measureFor(results.flatMap((r) => [r.entry.title, r.entry.section ?? '', r.snippet?.text ?? '']));
    ctx.out(formatSearchResults(results, { color: ctx.color, width, measure }));
  }
  // With --json, stderr says only that the limit cut the results (stdout stays pure JSON).
  const cut = hits.length > results.length ? `${results.length} of ${hits.length} matches (--limit ${hits.length} shows all)` : null;
  if (!options.json) {
    const noun = (n: number): string => (n === 1 ? 'match' : 'matches');
    if (hits.length === 0 && store.size === 0) ctx.err('no entries match (the notes hold no entries yet)');
    else if (hits.length === 0) ctx.err(fillersOnly && !filtered ? `no entries match (${query.allTerms.map((t) => t.text).join(' ')}: too common to search for)` : 'no entries match');
    else ctx.err(cut ?? `${hits.length} ${noun(hits.length)}`);
  } else if (cut) {
    ctx.err(cut);
  }
  return hits.length ? EXIT_OK : EXIT_FOUND;
}
