// `papers add`: a new entry at the end of a section, written in the digest's own style, checked, atomically.
import * as z from 'zod/mini';
import { EXIT_OK, InputError, PapersError, UsageError } from '../errors.js';
import { addInputSchema, addIssueLines, adviseVenue, fieldProblem, notesFromText, readBackProblem, type AddInput } from '../edit/add-input.js';
import { applyEdits } from '../edit/apply.js';
import { unifiedDiff } from '../edit/diff.js';
import { entryHeadingText, newEntryLines, planAdd } from '../edit/plan-add.js';
import { commitChange } from '../edit/commit.js';
import { checkAdded, checkInsertions } from '../edit/verify.js';
import { findDuplicates } from '../query/duplicates.js';
import type { ParsedEntry } from '../store/parse.js';
import type { Store } from '../store/store.js';
import { foldText } from '../store/text.js';
import type { SectionChoice, TemplateValues } from '../edit/add-template.js';
import { askForFields, editFields, missingFields, requireTerminal } from './add-ask.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';
import { requireSection } from './resolve.js';
import { readNotesInput, reportWritten } from './write-output.js';

const Text = z.optional(z.string());
const Texts = z.optional(z.array(z.string()));

export const AddOptionsSchema = z.object({
  title: Text,
  alias: Text,
  venue: Text,
  year: Text,
  org: Texts,
  section: Text,
  newSection: Text,
  note: Texts,
  notesFile: Text,
  edit: Flag,
  force: Flag,
  dryRun: Flag,
  json: Flag,
});

interface Target {
  /** The section's title as written after `##`. */
  title: string;
  create: boolean;
  /** The store's name of the file to write, and its path. */
  file: string;
  path: string;
}

function resolveTarget(store: Store, choice: SectionChoice): Target {
  const digest = { sections: store.sections, entries: store.summaries() };
  if (choice.kind === 'new') {
    const title = choice.title.trim();
    const problem = fieldProblem('section', title);
    if (problem) throw new UsageError(`--new-section: ${problem}`, 'give the heading text of the new section');
    const existing = digest.sections.find((s) => foldText(s.title) === foldText(title));
    if (existing) {
      throw new UsageError(`section "${existing.title}" already exists (${existing.file}:${existing.line})`, `add to it with --section ${JSON.stringify(existing.title)}`);
    }
    // A new section goes at the end of the digest: the last file of a folder.
    const file = store.files.at(-1)!.file;
    return { title, create: true, file, path: store.path(file) };
  }
  const title = choice.kind === 'title' ? choice.title : requireSection(digest, choice.query);
  // The end of a section is the end of its last occurrence (a folder may repeat a heading in several files).
  const file = digest.sections.filter((s) => s.title === title).at(-1)!.file;
  return { title, create: false, file, path: store.path(file) };
}

function duplicateMessage(input: AddInput, found: readonly ParsedEntry[]): string {
  const e = found[0]!;
  const what = e.alias !== null && input.alias !== null && foldText(e.alias) === foldText(input.alias) ? `the alias "${input.alias}"` : `"${input.title}"`;
  const more = found.length > 1 ? ` and ${found.length - 1} more` : '';
  return `${what} is already in the digest: ${e.file}:${e.line} ${e.heading.raw}${more}`;
}

export async function runAdd(ctx: Context, rawOptions: unknown): Promise<number> {
  const options = parseOptions(AddOptionsSchema, rawOptions);
  if (options.section !== undefined && options.newSection !== undefined) {
    throw new UsageError('--section and --new-section both given', 'give one: an existing section, or the heading of a new one');
  }
  const fromStdin = options.notesFile === '-';
  if (fromStdin && options.edit) throw new UsageError('--edit and --notes-file - both need the terminal', 'write the notes in the editor, or give a notes file');
  const store = await ctx.load({ readsText: true });
  const { io } = ctx;
  const maxYear = new Date(io.now()).getUTCFullYear() + 1;

  const fileNotes = options.notesFile === undefined ? [] : notesFromText(await readNotesInput(ctx, options.notesFile));
  let values: TemplateValues = {
    draft: {
      title: options.title,
      alias: options.alias,
      venue: options.venue,
      year: options.year,
      orgs: options.org ?? [],
      notes: [...(options.note ?? []), ...fileNotes],
    },
    section:
      options.newSection !== undefined
        ? { kind: 'new', title: options.newSection }
        : options.section !== undefined
          ? { kind: 'query', query: options.section }
          : null,
  };

  let saved: string | null = null;
  if (options.edit) {
    requireTerminal(ctx, '--edit needs a terminal');
    const edited = await editFields(ctx, { sections: store.sections, entries: store.summaries() }, values);
    saved = edited.saved;
    const read = await echoOnFailure(ctx, saved, edited.read);
    if (read === null) {
      ctx.err('papers: no entry saved; nothing added');
      return EXIT_OK;
    }
    values = read;
  } else {
    const missing = missingFields(values);
    if (missing.length) {
      if (fromStdin) throw new UsageError(`missing ${missing.join(' and ')}`, 'with --notes-file - standard input holds the notes, so papers cannot ask; pass them as options');
      requireTerminal(ctx, `missing ${missing.join(' and ')}`);
      values = await askForFields(ctx, { sections: store.sections, entries: store.summaries() }, values, maxYear);
    }
  }

  return echoOnFailure(ctx, saved, async () => {
    const missing = missingFields(values);
    if (missing.length) throw new UsageError(`missing ${missing.join(' and ')}`, 'fill it in');
    const parsed = addInputSchema({ maxYear, venues: store.venues }).safeParse(values.draft);
    if (!parsed.success) throw new UsageError(addIssueLines(parsed.error.issues, values.draft).join('; '), 'nothing was added; see papers add --help');
    const input = parsed.data;
    const advice = adviseVenue(input.venue, store.venues);
    if (advice.message) ctx.err(`papers: ${advice.message}`);
    input.venue = advice.venue;
    const target = resolveTarget(store, values.section!);
    return writeEntry(ctx, store, target, input, options);
  });
}

async function writeEntry(
  ctx: Context,
  store: Store,
  target: Target,
  input: AddInput,
  options: { force?: boolean | undefined; dryRun?: boolean | undefined; json?: boolean | undefined },
): Promise<number> {
  let added: ParsedEntry | undefined;
  const result = await commitChange(
    ctx.io,
    store,
    target.file,
    (now) => {
      // Planned on the text read under the lock, so concurrent writers each see the others' entries.
      const before = now.parsed;
      const current = now.text;
      const sectionHere = before.sections.some((s) => (target.create ? foldText(s.title) === foldText(target.title) : s.title === target.title));
      if (target.create && sectionHere) throw new UsageError(`section "${target.title}" already exists in ${target.file}`, 'add to it with --section');
      if (!target.create && !sectionHere) throw new InputError(`section "${target.title}" is no longer in ${target.file}`, 'it changed meanwhile; run the command again');
      // Other files' entries are looked at as summaries; only those it repeats are read whole, for the message.
      const summaries = now.store.summaries();
      const repeated = new Set(findDuplicates(summaries.filter((e) => e.file !== target.file), input.title, input.alias));
      const others = now.store.entries(summaries.flatMap((e, i) => (repeated.has(e) ? [i] : [])));
      const duplicates = [...others, ...findDuplicates(before.entries, input.title, input.alias)];
      if (duplicates.length && !options.force) throw new UsageError(duplicateMessage(input, duplicates), 'nothing was added; use --force to add it anyway');
      const request = { fields: input, notes: input.notes, section: { title: target.title, create: target.create } };
      const isVenue = (name: string): boolean => store.venues.isKnown(name);
      const lines = newEntryLines(before, current, request, isVenue);
      // Written in this digest's style, the heading must still read back as the fields given.
      const problem = readBackProblem(input, isVenue, entryHeadingText(lines[0]!));
      if (problem) throw new UsageError(`--${problem.field}: in the style of ${target.file}, ${problem.message}`, 'nothing was added; reword it');
      const edits = planAdd(before, current, request, lines);
      const after = applyEdits(current, edits).output;
      checkInsertions(target.file, current, after, edits);
      const parsed = now.reparse(after);
      const expected = { fields: input, notes: lines.slice(1).join('\n'), section: target.title };
      added = checkAdded(target.file, before, parsed, expected, target.create);
      return { text: after, parsed };
    },
    { dryRun: options.dryRun === true },
  );
  const position = result.store?.summaries().findIndex((e) => e.file === target.file && e.line === added?.line) ?? -1;
  if (!added || !result.store || position < 0) throw new PapersError('nothing to add', { hint: 'this is a bug, please report it' });
  const entry = result.store.summaries()[position]!;
  if (options.dryRun) {
    ctx.out(unifiedDiff(target.file, result.before, result.after));
    ctx.err(`papers: dry run; nothing written (the entry would go to ${target.file}:${entry.line})`);
    return EXIT_OK;
  }
  await reportWritten(ctx, result.store, { position, line: entry.line, json: options.json === true });
  ctx.err(`papers: added "${entry.title}" to ${target.create ? 'the new section ' : ''}${target.title}`);
  return EXIT_OK;
}

/** After --edit, a failure shows what was saved, so nothing typed is lost. */
async function echoOnFailure<T>(ctx: Context, saved: string | null, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (saved !== null && error instanceof PapersError) ctx.err(`papers: what you saved:\n${saved.trimEnd()}`);
    throw error;
  }
}
