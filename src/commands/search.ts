// `papers search <words...>`: ranked, typo-tolerant search over titles, fields and notes, with qualifiers.
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK, UsageError } from '../errors.js';
import { filterEntries, type EntryFilter } from '../query/filter.js';
import { formatSearchResults, searchResultJson } from '../report/search.js';
import { measureFor } from '../report/width.js';
import { SEARCH_INDEX_VERSION, buildSearchIndexSections, openSearchIndex } from '../search/index.js';
import { storeViewOf } from '../store/load.js';
import { parseQuery } from '../search/query.js';
import { searchEntries, type SearchHit } from '../search/search.js';
import { describeHits } from '../search/snippet.js';
import { createOrgRegistry } from '../store/orgs.js';
import type { Digest, Entry } from '../store/schema.js';
import type { Context } from './context.js';
import { Flag, ListOf, parseOptions, positiveInt, YearsOption } from './options.js';
import { requireSection } from './resolve.js';

export const DEFAULT_LIMIT = 10;

export const SearchOptionsSchema = z.object({
  section: ListOf,
  venue: ListOf,
  year: YearsOption,
  org: ListOf,
  limit: positiveInt(),
  json: Flag,
});

/** The qualifiers in the query (`venue:osdi year:2019..2022`) take the same values as the options. */
const QualifiersSchema = z.object({
  venue: ListOf,
  year: YearsOption,
  section: ListOf,
  org: ListOf,
  alias: ListOf,
});

type Filters = z.infer<typeof QualifiersSchema>;

function hasFilter(f: Partial<Filters>): boolean {
  return Boolean(f.venue?.length || f.year?.length || f.section?.length || f.org?.length || f.alias?.length);
}

function entryFilter(digest: Digest, f: Partial<Filters>): EntryFilter {
  return {
    // NOTE: an empty list of sections would keep no entry; no sections given means no section filter.
    sections: f.section?.length ? f.section.map((s) => requireSection(digest, s)) : undefined,
    venues: f.venue,
    years: f.year,
    orgs: f.org,
    aliases: f.alias,
  };
}

export async function runSearch(ctx: Context, words: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(SearchOptionsSchema, rawOptions);
  const query = parseQuery(words);
  const qualifiers = parseOptions(QualifiersSchema, query.qualifiers, (key) => key);
  const filtered = hasFilter(options) || hasFilter(qualifiers);
  // Fillers alone (`the of`): a search that finds nothing, not a usage error.
  const fillersOnly = query.terms.length === 0 && query.allTerms.length > 0;
  if (query.terms.length === 0 && !fillersOnly && !filtered) {
    throw new UsageError(
      query.text ? `nothing to search for in "${query.text}": it has no letters, digits or Chinese characters` : 'search needs words to look for',
      'e.g. papers search inner product, papers search 量化, papers search venue:osdi',
    );
  }
  // Links are only printed in JSON.
  // Without --json nothing shows links: the store is read only as far as the search needs (the
  // index, and the entries it prints), else whole with its links.
  const source = options.json ? storeViewOf(await ctx.load({ links: true, progress: false, entryTexts: false })) : await ctx.loadView({ progress: true });

  let only: Set<number> | undefined;
  if (filtered) {
    const digest = source.digest();
    const { venues } = source;
    const entries = digest.entries;
    // Options and qualifiers both apply; the values of one of them are alternatives.
    const kept = new Set<Entry>(filterEntries(filterEntries(entries, entryFilter(digest, options), venues), entryFilter(digest, qualifiers), venues));
    only = new Set(entries.flatMap((e, i) => (kept.has(e) ? [i] : [])));
  }

  let hits: SearchHit[];
  if (query.terms.length) {
    // NOTE: the index depends on the entries and the venue and org registries only, all part of the cache key.
    const sections = source.derived(`search-index-${SEARCH_INDEX_VERSION}`, () => {
      const { digest, venues, config } = source.full();
      return buildSearchIndexSections(digest.entries, venues, createOrgRegistry(config.orgs ?? [], { informal: true }));
    });
    hits = searchEntries(openSearchIndex(sections.get('core'), () => sections.get('texts')), query, { only });
  } else if (only) {
    // Qualifiers or options alone: the filtered entries, in file order.
    hits = [...only].map((index) => ({ index, score: 0, matched: 0, exact: null, phrase: false, matches: [] }));
  } else {
    hits = [];
  }

  const limit = options.limit ?? DEFAULT_LIMIT;
  const shown = hits.slice(0, limit);
  // Only the entries printed are read (a sparse array, by position).
  const entries: Entry[] = [];
  for (const [i, e] of source.entriesAt(shown.map((h) => h.index))) entries[i] = e;
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
    if (hits.length === 0) ctx.err(fillersOnly && !filtered ? `no entries match (${query.allTerms.map((t) => t.text).join(' ')}: too common to search for)` : 'no entries match');
    else ctx.err(cut ?? `${hits.length} ${noun(hits.length)}`);
  } else if (cut) {
    ctx.err(cut);
  }
  return hits.length ? EXIT_OK : EXIT_FOUND;
}
