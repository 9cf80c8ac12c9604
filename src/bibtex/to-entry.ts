// A BibTeX entry -> the fields of a digest entry (title, alias, venue, year), or why it cannot be one. Pure.
import { fieldProblem } from '../edit/add-input.js';
import { keyOf } from '../store/text.js';
import type { VenueRegistry } from '../store/venues.js';
import { venueFromBibtex, type VenueGuess } from './venue.js';

/** What the reader gives of one entry (see read.ts). */
export interface BibSource {
  type: string;
  key: string;
  line: number;
  raw: Readonly<Record<string, string>>;
  fields: Readonly<Record<string, string>>;
}

export interface BibDraft {
  source: BibSource;
  title: string | null;
  alias: string | null;
  /** Where the alias came from, for messages. */
  aliasFrom: 'shorttitle' | 'title' | null;
  venue: VenueGuess;
  year: number | null;
  /** Why this entry cannot be added (the file is refused). */
  problems: string[];
  /** What the user should know (stderr), the entry is added. */
  warnings: string[];
}

/** `BERT` of "BERT: Pre-training of ...": one word (with a capital or a digit) before a colon. */
export function aliasFromTitle(title: string): string | null {
  const m = /^([^\s:：]{1,40})\s*[:：]\s*\S/u.exec(title);
  if (!m || !/[\p{Lu}\d]/u.test(m[1]!)) return null;
  return fieldProblem('alias', m[1]!) === null ? m[1]! : null;
}

/** A year as BibTeX writes it: `date` (biblatex: `2019-05-01`, `2019/2020`) first, then `year`. */
function yearOf(fields: Readonly<Record<string, string>>, problems: string[]): number | null {
  const date = (fields.date ?? '').trim();
  if (date) {
    const m = /^(\d{4})(?:$|[-/])/.exec(date);
    if (m) return Number(m[1]);
    problems.push(`its date "${date}" is not a date (expected 2019 or 2019-05-01)`);
    return null;
  }
  const year = (fields.year ?? '').trim();
  if (year === '') return null;
  if (/^\d{4}$/.test(year)) return Number(year);
  problems.push(`its year "${year}" is not a four-digit year`);
  return null;
}

export function draftFromBibtex(source: BibSource, venues: VenueRegistry, known: (type: string) => boolean): BibDraft {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (!known(source.type)) problems.push(`@${source.type} is not a BibTeX or biblatex entry type`);
  const bad = /[={}"]/.exec(source.key);
  if (source.key === '') problems.push('it has no key: expected @type{key, ...}');
  else if (bad) problems.push(`its key "${source.key}" holds "${bad[0]}", which no BibTeX key has (is the key missing? expected @type{key, ...})`);
  const title = (source.fields.title ?? '').trim() || null;
  if (title === null) problems.push('it has no title');
  let alias: string | null = null;
  let aliasFrom: BibDraft['aliasFrom'] = null;
  const short = (source.fields.shorttitle ?? '').trim();
  if (short && title !== null && keyOf(short) !== keyOf(title) && fieldProblem('alias', short) === null) {
    alias = short;
    aliasFrom = 'shorttitle';
  } else if (title !== null) {
    alias = aliasFromTitle(title);
    aliasFrom = alias === null ? null : 'title';
  }
  for (const f of ['booktitle', 'journal', 'journaltitle'] as const) {
    if (source.raw[f] === '') warnings.push(`its ${f} is empty (an undefined @string macro?)`);
  }
  const venue = venueFromBibtex(source, venues);
  const year = yearOf(source.fields, problems);
  return { source, title, alias, aliasFrom, venue, year, problems, warnings };
}
