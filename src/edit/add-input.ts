// What `add` and `note` accept: each field's rules (one message per failure) and the zod schema of a new entry.
import * as z from 'zod/mini';
import { CONTROL_PATTERN, describeControl, isBidiControl } from '../store/controls.js';
import { expandYear, ORG_SEPARATORS, parseHeading, VENUE_YEAR } from '../store/heading.js';
import type { VenueRegistry } from '../store/venues.js';
import { DEFAULT_STYLE, formatHeading, type EntryFields } from './entry-text.js';

export const MIN_YEAR = 1950;

export type FieldName = 'title' | 'alias' | 'venue' | 'year' | 'org' | 'note' | 'section';

type Rule = readonly [broken: (value: string) => boolean, message: string | ((value: string) => string)];

const quote = (ch: string): string => JSON.stringify(ch);
const firstOf = (value: string, re: RegExp): string => re.exec(value)?.[0] ?? '';

const SQUARE = /[[\]【】]/;
const PARENS = /[()（）]/;
// Controls (tab aside), lone surrogates, and the bidi controls lint's no-control-character reports.
const CONTROL = new RegExp(`[\\p{Cc}\\p{Cs}${CONTROL_PATTERN}]`, 'u');

const required: Rule = [(v) => v.trim() === '', 'must not be empty'];
const oneLine: Rule = [(v) => /[\r\n]/.test(v), 'must be one line; it holds a line break'];
const noControl: Rule = [
  (v) => CONTROL.test(v.replace(/\t/g, '')),
  (v) => {
    const ch = firstOf(v.replace(/\t/g, ''), CONTROL);
    const code = ch.charCodeAt(0);
    return `holds the ${isBidiControl(code) ? 'bidi control' : 'control character'} ${describeControl(code)}`;
  },
];
const noHeadingStart = (what: string): Rule => [(v) => v.trim().startsWith('#'), `starts with "#", which would ${what}`];
const noClosingHashes: Rule = [(v) => /(^|[ \t])#+$/.test(v.trim()), 'ends with " #", which markdown drops from a heading'];
const noSquare = (what: string): Rule => [(v) => SQUARE.test(v), (v) => `holds ${quote(firstOf(v, SQUARE))}, which would ${what}`];
// A note is a bullet's text: a fence opened there runs to the end of the file, and a comment marker
// opens or closes an HTML comment (a lint directive's, or one that hides what follows).
const FENCE = /^\s*(`{3,}|~{3,})/;
const COMMENT = /<!--|-->/;
const noFence: Rule = [(v) => FENCE.test(v), (v) => `starts with ${quote(firstOf(v.trim(), /^(`{3,}|~{3,})/))}, which would open a code fence: the rest of the file would read as code`];
const noComment: Rule = [
  (v) => COMMENT.test(v),
  (v) =>
    firstOf(v, COMMENT) === '<!--'
      ? 'holds "<!--", which would open an HTML comment and hide the text after it'
      : 'holds "-->", which closes an HTML comment (a lint directive\'s); write "->" or "→" for an arrow',
];
const noSeparator = (what: string): Rule => [(v) => ORG_SEPARATORS.test(v), (v) => `holds ${quote(firstOf(v, ORG_SEPARATORS))}, which would ${what}`];

function balancedParens(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

const RULES: Record<FieldName, readonly Rule[]> = {
  title: [
    required,
    oneLine,
    noControl,
    noHeadingStart('change the heading\'s level'),
    noClosingHashes,
    noSquare('start the venue and organisation brackets'),
    [(v) => !balancedParens(v), 'has unbalanced parentheses; "(" and ")" must pair up'],
    [(v) => /[:：]$/.test(v.trim()), 'ends with ":", which papers reads as punctuation, not title'],
  ],
  alias: [
    [(v) => v.trim() === '', 'must not be empty (leave it out for no alias)'],
    oneLine,
    noControl,
    [(v) => SQUARE.test(v) || PARENS.test(v), (v) => `holds ${quote(firstOf(v, /[[\]【】()（）]/))}; an alias is a short name like DIN`],
    [(v) => [...v.trim()].length > 40 || v.trim().split(/\s+/).length > 3, 'is longer than 3 words or 40 characters, so it would not read as an alias'],
  ],
  venue: [
    [(v) => v.trim() === '', 'must not be empty (leave it out for no venue)'],
    oneLine,
    noControl,
    noSquare("break the heading's brackets"),
    noSeparator('make it read as organisations'),
  ],
  year: [[(v) => !/^\s*(\d{2}|\d{4})\s*$/.test(v), (v) => `"${v}" is not a year; expected 2018 (or 18)`]],
  org: [
    required,
    oneLine,
    noControl,
    noSquare("break the heading's brackets"),
    noSeparator('split it into two organisations; give the option once per organisation'),
  ],
  note: [required, oneLine, noControl, noHeadingStart('start a heading'), noFence, noComment],
  section: [required, oneLine, noControl, noHeadingStart("change the heading's level"), noClosingHashes],
};

/** The first rule `value` breaks, as a message; null when it is fine. For prompts and the schema alike. */
export function fieldProblem(field: FieldName, value: string): string | null {
  for (const [broken, message] of RULES[field]) {
    if (broken(value)) return typeof message === 'string' ? message : message(value);
  }
  return null;
}

/** A year as typed (`2018`, `18`) that is not a year in MIN_YEAR..maxYear, as a message; null when fine. */
export function yearProblem(raw: string, maxYear: number): string | null {
  const problem = fieldProblem('year', raw);
  if (problem) return problem;
  const year = expandYear(raw.trim());
  return year < MIN_YEAR || year > maxYear ? `${year} is outside ${MIN_YEAR}..${maxYear}` : null;
}

/** Organisations typed as one comma-separated line (prompts, the editor). */
export function splitOrgs(text: string): string[] {
  return text
    .split(ORG_SEPARATORS)
    .map((o) => o.trim())
    .filter(Boolean);
}

const checked = (problem: (value: string) => string | null) =>
  z.string().check(
    z.superRefine((value, ctx) => {
      const message = problem(value);
      if (message) ctx.issues.push({ code: 'custom', input: value, message });
    }),
  );
const field = (name: FieldName) => checked((value) => fieldProblem(name, value));

/** What the user gave, from options, prompts or the editor: strings, not yet checked. */
export const AddDraftSchema = z.object({
  title: z.optional(z.string()),
  alias: z.optional(z.string()),
  venue: z.optional(z.string()),
  year: z.optional(z.string()),
  orgs: z.array(z.string()),
  notes: z.array(z.string()),
});
export type AddDraft = z.infer<typeof AddDraftSchema>;

export interface AddInput extends EntryFields {
  notes: string[];
}

export interface AddInputContext {
  /** The latest acceptable year (next year). */
  maxYear: number;
  venues: VenueRegistry;
}

/** A draft -> the entry to write, or issues whose paths name the field (`orgs.1`, `notes.0`). */
export function addInputSchema({ maxYear, venues }: AddInputContext) {
  const isVenue = (name: string): boolean => venues.isKnown(name);
  return z.pipe(
    z.object({
      title: field('title'),
      alias: z.optional(field('alias')),
      venue: z.optional(field('venue')),
      year: z.optional(checked((value) => yearProblem(value, maxYear))),
      orgs: z.array(field('org')),
      notes: z.array(field('note')),
    }),
    z.transform((draft, ctx): AddInput => {
      const issue = (path: string, message: string): void => {
        ctx.issues.push({ code: 'custom', input: draft, path: [path], message });
      };
      let venue = draft.venue?.trim() ?? null;
      let yearRaw = draft.year?.trim() ?? null;
      const split = venue === null ? null : VENUE_YEAR.exec(venue);
      if (venue !== null && split && split[1]!.trim()) {
        const fromVenue = split[2] ?? split[3]!;
        venue = split[1]!.trim();
        if (yearRaw !== null && expandYear(yearRaw) !== expandYear(fromVenue)) {
          issue('year', `${expandYear(yearRaw)} disagrees with the venue's year ${expandYear(fromVenue)}; give the year once`);
        }
        yearRaw = fromVenue;
      }
      const year = yearRaw === null ? null : expandYear(yearRaw);
      const badYear = yearRaw === null || yearRaw === draft.year?.trim() ? null : yearProblem(yearRaw, maxYear);
      if (badYear) issue('venue', badYear);
      // One rule for every venue: a heading names it with its year (an unknown one alone would read
      // as an organisation, a known one would be flagged by missing-metadata at once).
      if (venue !== null && year === null) {
        issue('venue', `"${venue}" has no year; give the year (a heading names a venue with it: ${venue}'YY)`);
      }
      const input: AddInput = {
        title: draft.title.trim(),
        alias: draft.alias?.trim() ?? null,
        venue,
        year,
        orgs: draft.orgs.map((o) => o.trim()),
        notes: draft.notes.map((n) => n.trim()),
      };
      if (ctx.issues.length === 0) {
        const problem = readBackProblem(input, isVenue);
        if (problem) issue(problem.field, problem.message);
      }
      return input;
    }),
  );
}

/** How the written heading would read back differently from the fields, if it would. */
export function readBackProblem(fields: EntryFields, isVenue: (name: string) => boolean, heading = formatHeading(fields, DEFAULT_STYLE)): { field: string; message: string } | null {
  const parsed = parseHeading(heading, isVenue);
  if (parsed.title !== fields.title || parsed.alias !== fields.alias) {
    const alias = parsed.alias !== null && parsed.alias !== fields.alias ? ` with the alias "${parsed.alias}"` : '';
    return { field: 'title', message: `would read back as the title "${parsed.title}"${alias}; reword it, or give the alias on its own` };
  }
  if (parsed.venueRaw !== fields.venue || parsed.year !== fields.year) {
    return { field: 'venue', message: `"${heading}" would read back with the venue ${parsed.venueRaw ?? 'none'} and the year ${parsed.year ?? 'none'}` };
  }
  if (parsed.orgs.join('\n') !== fields.orgs.join('\n')) {
    return { field: 'orgs', message: `"${heading}" would read back with the organisations ${parsed.orgs.join(', ') || 'none'}` };
  }
  const issue = parsed.issues[0];
  return issue ? { field: 'title', message: `"${heading}" would not read cleanly: ${issue.message}` } : null;
}

/** A note's label for messages: `note 2 ("first words…")`. */
export function noteLabel(notes: readonly string[], index: number): string {
  const text = notes[index] ?? '';
  const short = [...text].length > 24 ? `${[...text].slice(0, 24).join('')}…` : text;
  return `note ${index + 1} (${JSON.stringify(short)})`;
}

/** One `--option: message` per issue, naming the org or note by its value. */
export function addIssueLines(issues: readonly z.core.$ZodIssue[], draft: AddDraft): string[] {
  return issues.map((issue) => {
    const [key, index] = issue.path;
    let label: string;
    if (key === 'orgs') label = typeof index === 'number' ? `--org ${JSON.stringify(draft.orgs[index] ?? '')}` : '--org';
    else if (key === 'notes') label = typeof index === 'number' ? noteLabel(draft.notes, index) : '--note';
    else label = `--${String(key)}`;
    const message = issue.code === 'invalid_type' ? 'is required' : issue.message;
    return `${label}: ${message}`;
  });
}

/** Notes from a file or standard input: one per non-blank line, a leading list marker dropped. */
export function notesFromText(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim().replace(/^[-*+][ \t]+/, '').trim())
    .filter((l) => l !== '');
}

export interface VenueAdvice {
  /** The venue to write: the registered spelling for a variant or a sure misspelling, else as given. */
  venue: string | null;
  /** What to tell the user (stderr), if anything. */
  message: string | null;
}

/** Variants and sure misspellings are written in the registered spelling; unknown venues as given, with a warning. */
export function adviseVenue(venue: string | null, venues: VenueRegistry): VenueAdvice {
  if (venue === null) return { venue, message: null };
  const r = venues.resolve(venue);
  if (r.match === 'variant' && r.suggestion) return { venue: r.suggestion, message: `writing the venue "${venue}" as "${r.suggestion}", its registered spelling` };
  // A sure misspelling is written as lint --fix would make it; a guess is only a guess.
  if (r.match === 'misspelled' && r.suggestion) return { venue: r.suggestion, message: `writing the venue "${venue}" as "${r.suggestion}", a misspelling of it` };
  if (r.match === 'unknown' && r.suggestion) {
    return { venue, message: `warning: "${venue}" is not a known venue; did you mean "${r.suggestion}"? (written as given)` };
  }
  if (r.match === 'unknown') {
    return { venue, message: `warning: "${venue}" is not a known venue (written as given; add it to papers.config.json "venues" to silence this)` };
  }
  return { venue, message: null };
}
