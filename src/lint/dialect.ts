// How each file of the store writes its entries, as the rules judge it: where the venue goes (the
// majority of its headings), which fields most entries have, and how entries and sections are marked.
import type { HeadingForm } from '../store/heading.js';
import type { Entry, EntriesAt } from '../store/schema.js';
import type { LintContext } from './context.js';

/** Where a heading puts its venue: after the title in brackets (ours), in parentheses, before it, or trailing after `.`/`,`. */
export type FormKey = 'after' | 'after-paren' | 'before' | 'before-paren' | 'trailing';

export function formKey(form: HeadingForm): FormKey | null {
  if (form.venueAt === null) return null;
  const paren = form.bracket === '(' || form.bracket === '（';
  if (form.venueAt === 'trailing') return 'trailing';
  if (form.venueAt === 'before') return paren ? 'before-paren' : 'before';
  return paren ? 'after-paren' : 'after';
}

/** The shape of each form, for messages. */
export const FORM_PATTERN: Readonly<Record<FormKey, string>> = {
  after: "Title[Venue'YY]",
  'after-paren': 'Title (Venue YYYY)',
  before: '[Venue YYYY] Title',
  'before-paren': '(Venue YYYY) Title',
  trailing: 'Title. Venue YYYY',
};

export interface FileDialect {
  /** The form most of the file's dated headings use; null when none has a venue or year. */
  majority: FormKey | null;
  /** How many headings use each form. */
  counts: ReadonlyMap<FormKey, number>;
  /** Ours (`Title(ALIAS)[Venue'YY][Org]`), or no venue anywhere: every field is expected, as always. */
  ours: boolean;
  /** Shares of the file's entries that have a venue, a year, an organisation. */
  share: { venue: number; year: number; org: number };
  at: EntriesAt;
  entries: readonly Entry[];
}

const cache = new WeakMap<LintContext, Map<string, FileDialect>>();

/** The dialect of one file of the store. */
export function fileDialect(context: LintContext, file: string): FileDialect {
  let byFile = cache.get(context);
  if (!byFile) cache.set(context, (byFile = new Map()));
  let dialect = byFile.get(file);
  if (dialect) return dialect;
  const entries = context.digest.entries.filter((e) => e.file === file);
  const counts = new Map<FormKey, number>();
  let majority: FormKey | null = null;
  for (const entry of entries) {
    const key = formKey(context.heading(entry).form);
    if (key === null) continue;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (majority === null || n > counts.get(majority)!) majority = key;
  }
  const share = (has: (e: Entry) => boolean): number => (entries.length ? entries.filter(has).length / entries.length : 0);
  // No form in the headings, though most entries have a venue or a year: they come from elsewhere (a
  // table's cells, a labelled line under the heading), which is no dialect of ours.
  const elsewhere = majority === null && share((e) => (e.venue !== null || e.year !== null) && formKey(context.heading(e).form) === null) >= 0.5;
  dialect = {
    majority,
    counts,
    ours: (majority === null && !elsewhere) || majority === 'after',
    share: { venue: share((e) => e.venue !== null), year: share((e) => e.year !== null), org: share((e) => e.orgs.length > 0) },
    at: context.file(file).info.entries.at,
    entries,
  };
  byFile.set(file, dialect);
  return dialect;
}

/** How an entry of this layout is marked: `### `, `## `, `- `. */
export function entryMarkerOf(at: EntriesAt): string {
  return 'heading' in at ? `${'#'.repeat(at.heading)} ` : '- ';
}

/** How a section above entries of this layout is marked: `## ` above `###`, `# ` above `##`. */
export function sectionMarkerOf(at: EntriesAt): string {
  return 'heading' in at ? `${'#'.repeat(Math.max(1, at.heading - 1))} ` : '## ';
}
