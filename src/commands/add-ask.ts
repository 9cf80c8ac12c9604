// papers add on a terminal: asks for the fields that were not given, or opens the editor on a template.
import { UsageError } from '../errors.js';
import { fieldProblem, splitOrgs, yearProblem, type AddDraft } from '../edit/add-input.js';
import { addTemplate, readTemplate, type SectionChoice, type TemplateValues } from '../edit/add-template.js';
import { summarizeSections, type SectionSource } from '../query/sections.js';
import { terminalSafe } from '../report/safe.js';
import { VENUE_YEAR } from '../store/heading.js';
import type { Context } from './context.js';

const NEW_SECTION = '\u0000new';

const check = (problem: string | null): string | true => problem ?? true;
const optional = (value: string, problem: (v: string) => string | null): string | true => (value.trim() === '' ? true : check(problem(value)));

/** Asks for the title and section when missing, then venue, year, organisations and notes when not given. */
export async function askForFields(ctx: Context, digest: SectionSource, values: TemplateValues, maxYear: number): Promise<TemplateValues> {
  const { prompt } = ctx.io;
  const draft: AddDraft = { ...values.draft, orgs: [...values.draft.orgs], notes: [...values.draft.notes] };
  let section = values.section;
  if (draft.title === undefined) {
    draft.title = await prompt.input({ message: 'Title', validate: (v) => check(fieldProblem('title', v)) });
  }
  if (section === null) section = await askSection(ctx, digest);
  if (draft.venue === undefined) {
    const venue = await prompt.input({ message: "Venue, e.g. KDD'18 (empty for none)", validate: (v) => optional(v, (x) => fieldProblem('venue', x)) });
    if (venue.trim()) draft.venue = venue;
  }
  const venueHasYear = draft.venue !== undefined && VENUE_YEAR.test(draft.venue);
  if (draft.year === undefined && !venueHasYear) {
    // A venue is written with its year: asked for it, the year may be left empty only without one.
    const year = draft.venue
      ? await prompt.input({ message: `Year of ${draft.venue.trim()}`, validate: (v) => check(v.trim() ? yearProblem(v, maxYear) : `${draft.venue!.trim()} needs its year`) })
      : await prompt.input({ message: 'Year (empty for none)', validate: (v) => optional(v, (x) => yearProblem(x, maxYear)) });
    if (year.trim()) draft.year = year;
  }
  if (draft.orgs.length === 0) {
    const orgs = await prompt.input({
      message: 'Organisations, comma-separated (empty for none)',
      validate: (v) => check(splitOrgs(v).map((o) => fieldProblem('org', o)).find(Boolean) ?? null),
    });
    draft.orgs = splitOrgs(orgs);
  }
  if (draft.notes.length === 0) {
    for (;;) {
      const note = await prompt.input({
        message: `Note ${draft.notes.length + 1} (empty to finish)`,
        validate: (v) => optional(v, (x) => fieldProblem('note', x)),
      });
      if (!note.trim()) break;
      draft.notes.push(note);
    }
  }
  return { draft, section };
}

/** Asks for the section from a list of the digest's, or the heading of a new one. */
export async function askSection(ctx: Context, digest: SectionSource): Promise<SectionChoice> {
  const { prompt } = ctx.io;
  const sections = summarizeSections(digest);
  const choice = await prompt.select({
    message: 'Section',
    choices: [
      ...sections.map((s) => ({ name: terminalSafe(`${s.title}${s.slug ? ` [${s.slug}]` : ''} · ${s.count}`), value: s.title })),
      { name: '+ a new section at the end', value: NEW_SECTION },
    ],
  });
  return choice === NEW_SECTION
    ? { kind: 'new', title: await prompt.input({ message: 'New section heading', validate: (v) => check(fieldProblem('section', v)) }) }
    : { kind: 'title', title: choice };
}

/** Opens the editor on a template: what was saved, and the values in it (null when it holds no entry). */
export async function editFields(ctx: Context, digest: SectionSource, values: TemplateValues): Promise<{ saved: string; read: () => TemplateValues | null }> {
  const template = addTemplate(values, summarizeSections(digest));
  const saved = await ctx.io.editText(template, 'papers-new-entry.md');
  return { saved, read: () => readTemplate(saved, template) };
}

export function missingFields(values: TemplateValues): string[] {
  const missing: string[] = [];
  if (values.draft.title === undefined) missing.push('--title');
  if (values.section === null) missing.push('--section (or --new-section)');
  return missing;
}

export function requireTerminal(ctx: Context, why: string): void {
  if (!(ctx.io.stdinIsTTY && ctx.io.stderr.isTTY)) throw new UsageError(why, 'pass every field as an option, or run papers add on a terminal');
}
