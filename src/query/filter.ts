// filterEntries: the combinable filters of `list` (and `search`): section, venue, year, org, alias, todo, stub.
import type { Entry } from '../store/schema.js';
import { foldText, keyOf } from '../store/text.js';
import type { VenueRegistry } from '../store/venues.js';

export interface YearRange {
  from: number | null;
  to: number | null;
}

export interface EntryFilter {
  /** Section titles (already resolved); an entry in any of them passes. */
  sections?: string[];
  /** Venues as typed (canonical, alias or misspelling, any case); any of them passes. */
  venues?: string[];
  years?: YearRange[];
  orgs?: string[];
  /** Aliases, any case and punctuation (`din`); any of them passes. */
  aliases?: string[];
  todo?: boolean;
  stub?: boolean;
}

/** `2020`, `2019..2022`, `2019..`, `..2022` (also `2019-2022`), in either order; null when it is none of these. */
function readYearRange(text: string): YearRange | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  m = /^(\d{4})?\s*(?:\.\.|-|–)\s*(\d{4})?$/.exec(t);
  if (m && (m[1] || m[2])) return { from: m[1] ? Number(m[1]) : null, to: m[2] ? Number(m[2]) : null };
  return null;
}

/** `2020`, `2019..2022`, `2019..`, `..2022` (also `2019-2022`); null when it is none of these, or reversed. */
export function parseYearRange(text: string): YearRange | null {
  const range = readYearRange(text);
  return range && !isReversed(range) ? range : null;
}

const isReversed = (r: YearRange): boolean => r.from !== null && r.to !== null && r.from > r.to;

/** What is wrong with a year range as typed, as a message; null when parseYearRange reads it. */
export function yearRangeProblem(text: string): string | null {
  const range = readYearRange(text);
  if (!range) return `"${text}" is not a year, expected 2020 or a range like 2019..2022`;
  if (isReversed(range)) return `"${text}" is reversed, expected from..to: ${range.to}..${range.from}`;
  return null;
}

/** What the filters read of an entry (an entry's summary has it all). */
export type Filterable = Pick<Entry, 'section' | 'venue' | 'year' | 'orgs' | 'alias' | 'stub'> & { todoCount: number };

export function venueMatcher(venues: VenueRegistry, query: string): (entry: Pick<Entry, 'venue'>) => boolean {
  const canonical = venues.canonicalOf(query);
  const want = keyOf(canonical ?? query);
  return (entry) => entry.venue !== null && keyOf(entry.venue) === want;
}

export function orgMatches(org: string, query: string): boolean {
  const q = foldText(query.trim());
  if (!q) return false;
  if (keyOf(org) === keyOf(q)) return true;
  return q.length >= 3 && foldText(org).includes(q);
}

export function yearMatches(year: number | null, range: YearRange): boolean {
  if (year === null) return false;
  return (range.from === null || year >= range.from) && (range.to === null || year <= range.to);
}

/** Whether an entry passes every filter given. */
export function entryMatcher(filter: EntryFilter, venues: VenueRegistry): (e: Filterable) => boolean {
  const venueTests = (filter.venues ?? []).map((v) => venueMatcher(venues, v));
  const sections = filter.sections ? new Set(filter.sections) : null;
  return (e) => {
    if (sections && (e.section === null || !sections.has(e.section))) return false;
    if (venueTests.length && !venueTests.some((t) => t(e))) return false;
    if (filter.years?.length && !filter.years.some((r) => yearMatches(e.year, r))) return false;
    if (filter.orgs?.length && !filter.orgs.some((q) => e.orgs.some((o) => orgMatches(o, q)))) return false;
    if (filter.aliases?.length && !filter.aliases.some((a) => e.alias !== null && keyOf(e.alias) === keyOf(a))) return false;
    if (filter.todo !== undefined && e.todoCount > 0 !== filter.todo) return false;
    if (filter.stub !== undefined && e.stub !== filter.stub) return false;
    return true;
  };
}

/** The positions of the entries that pass every filter given, in order. */
export function filterPositions(entries: readonly Filterable[], filter: EntryFilter, venues: VenueRegistry): number[] {
  const matches = entryMatcher(filter, venues);
  const out: number[] = [];
  entries.forEach((e, i) => matches(e) && out.push(i));
  return out;
}
