// The hits of a search query on a store: its qualifiers and filters, then the ranked search. Shared by `search` and `lsp`.
import { entryMatcher } from '../query/filter.js';
import { searchIndexOf } from '../search/index.js';
import type { ParsedQuery } from '../search/query.js';
import { searchEntries, type SearchHit } from '../search/search.js';
import type { Store } from '../store/store.js';
import { entryFilter, hasFilter, QualifiersSchema, sectionsOf, type Filters } from './filters.js';
import { parseOptions } from './options.js';

/** The query's qualifiers, checked as the options are (a bad value is a UsageError). */
export function parseQualifiers(query: ParsedQuery): Filters {
  return parseOptions(QualifiersSchema, query.qualifiers, (key) => key);
}

/** Ranked hits (file order for filters alone); `options` are filters given besides the query's qualifiers. */
export function findHits(store: Store, query: ParsedQuery, options: Partial<Filters>, qualifiers: Filters = parseQualifiers(query)): SearchHit[] {
  let only: Set<number> | undefined;
  if (hasFilter(options) || hasFilter(qualifiers)) {
    const summaries = store.summaries();
    const sections = sectionsOf(store);
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
