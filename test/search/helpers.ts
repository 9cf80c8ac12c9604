// Builds a store and its search index from digest text, for the search core's tests.
import { buildSearchIndex } from '../../src/search/index.js';
import { parseQuery } from '../../src/search/query.js';
import { searchEntries, type SearchHit } from '../../src/search/search.js';
import { buildStore } from '../../src/store/build.js';
import { createOrgRegistry } from '../../src/store/orgs.js';
import { parseDigest } from '../../src/store/parse.js';
import type { Entry } from '../../src/store/schema.js';
import { createVenueRegistry } from '../../src/store/venues.js';

export function storeOf(text: string, slugs: Record<string, string> = {}) {
  const venues = createVenueRegistry();
  const digest = buildStore([parseDigest(text, 'd.md', { venues })], slugs);
  return { entries: digest.entries, index: buildSearchIndex(digest.entries, venues, createOrgRegistry([], { informal: true })) };
}

/** Ids of the entries `query` finds, best first. */
export function idsFor(store: { entries: Entry[]; index: ReturnType<typeof buildSearchIndex> }, query: string, only?: Set<number>): string[] {
  return hitsFor(store, query, only).map((h) => store.entries[h.index]!.id);
}

export function hitsFor(store: { entries: Entry[]; index: ReturnType<typeof buildSearchIndex> }, query: string, only?: Set<number>): SearchHit[] {
  return searchEntries(store.index, parseQuery(query.split(' ')), { only });
}
