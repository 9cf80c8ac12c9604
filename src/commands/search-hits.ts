// The hits of a search query on a store: its qualifiers and filters, then the ranked search. Shared by `search` and `lsp`.
import * as z from 'zod/mini';
import { entryMatcher, type EntryFilter } from '../query/filter.js';
import type { SectionSource } from '../query/sections.js';
import { searchIndexOf } from '../search/index.js';
import type { ParsedQuery } from '../search/query.js';
import { searchEntries, type SearchHit } from '../search/search.js';
import type { Store } from '../store/store.js';
import { ListOf, parseOptions, YearsOption } from './options.js';
import { requireSection } from './resolve.js';

/** The qualifiers in the query (`venue:osdi year:2019..2022`) take the same values as the options. */
const QualifiersSchema = z.object({
  venue: ListOf,
  year: YearsOption,
  section: ListOf,
  org: ListOf,
  alias: ListOf,
});

export type Filters = z.infer<typeof QualifiersSchema>;

export function hasFilter(f: Partial<Filters>): boolean {
  return Boolean(f.venue?.length || f.year?.length || f.section?.length || f.org?.length || f.alias?.length);
}

function entryFilter(digest: SectionSource, f: Partial<Filters>): EntryFilter {
  return {
    // NOTE: an empty list of sections would keep no entry; no sections given means no section filter.
    sections: f.section?.length ? f.section.map((s) => requireSection(digest, s)) : undefined,
    venues: f.venue,
    years: f.year,
    orgs: f.org,
    aliases: f.alias,
  };
}

/** The query's qualifiers, checked as the options are (a bad value is a UsageError). */
export function parseQualifiers(query: ParsedQuery): Filters {
  return parseOptions(QualifiersSchema, query.qualifiers, (key) => key);
}

/** Ranked hits (file order for filters alone); `options` are filters given besides the query's qualifiers. */
export function findHits(store: Store, query: ParsedQuery, options: Partial<Filters>, qualifiers: Filters = parseQualifiers(query)): SearchHit[] {
  let only: Set<number> | undefined;
  if (hasFilter(options) || hasFilter(qualifiers)) {
    const summaries = store.summaries();
    const sections = { sections: store.sections, entries: summaries };
    // Options and qualifiers both apply; the values of one of them are alternatives.
    const byOptions = entryMatcher(entryFilter(sections, options), store.venues);
    const byQualifiers = entryMatcher(entryFilter(sections, qualifiers), store.venues);
    only = new Set(summaries.flatMap((e, i) => (byOptions(e) && byQualifiers(e) ? [i] : [])));
  }
  if (query.terms.length) return searchEntries(searchIndexOf(store), query, { only });
  // Qualifiers or options alone: the filtered entries, in file order.
  if (only) return [...only].map((index) => ({ index, score: 0, matched: 0, exact: null, phrase: false, matches: [] }));
  return [];
}
