// The entry filters `search` and `export` share: options and query qualifiers, resolved to an EntryFilter.
import * as z from 'zod/mini';
import type { EntryFilter } from '../query/filter.js';
import type { SectionSource } from '../query/sections.js';
import { ListOf, YearsOption } from './options.js';
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
