// The entry filters commands share: list's options (list, stats, export) and query qualifiers (search,
// export), resolved to an EntryFilter against the store's sections.
import * as z from 'zod/mini';
import type { EntryFilter } from '../query/filter.js';
import type { SectionSource } from '../query/sections.js';
import type { Store } from '../store/store.js';
import { Flag, ListOf, YearsOption } from './options.js';
import { requireSection } from './resolve.js';

/** The qualifiers in a query (`venue:osdi year:2019..2022`) take the same values as the options. */
export const QualifiersSchema = z.object({
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

export function entryFilter(digest: SectionSource, f: Partial<Filters>): EntryFilter {
  return {
    // NOTE: an empty list of sections would keep no entry; no sections given means no section filter.
    sections: f.section?.length ? f.section.map((s) => requireSection(digest, s)) : undefined,
    venues: f.venue,
    years: f.year,
    orgs: f.org,
    aliases: f.alias,
  };
}

/** What a `--section` or `section:` names is looked up in: the sections, their entries and readings (pinyin slugs). */
export function sectionsOf(store: Store): SectionSource {
  return { sections: store.sections, entries: store.summaries(), readings: store.sectionReadings };
}

/** The filter options of `list`, in the schemas of `list`, `stats` and `export`. */
export const ListFilterOptions = {
  section: ListOf,
  venue: ListOf,
  year: YearsOption,
  org: ListOf,
  todo: Flag,
  stub: Flag,
};

/** The filter options of `list` (and of `stats` and `export`). */
export type ListFilters = Partial<Omit<Filters, 'alias'>> & { todo?: boolean | undefined; stub?: boolean | undefined };

/** The filter list's options give, or undefined when they give none (every entry). */
export function listFilter(store: Store, f: ListFilters): EntryFilter | undefined {
  if (!hasFilter(f) && f.todo === undefined && f.stub === undefined) return undefined;
  return { ...entryFilter(sectionsOf(store), f), todo: f.todo, stub: f.stub };
}
