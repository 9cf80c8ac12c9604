// `papers add`: a new entry at the end of a section, written in the digest's own style, checked, atomically.
import * as z from 'zod/mini';
import { EXIT_OK, PapersError, UsageError } from '../errors.js';
import { addInputSchema, addIssueLines, adviseVenue, notesFromText, type AddInput } from '../edit/add-input.js';
import type { Store } from '../store/store.js';
import type { TemplateValues } from '../edit/add-template.js';
import { askForFields, editFields, missingFields, requireTerminal } from './add-ask.js';
import { printDryRun, resolveTarget, writeEntries, type Target } from './add-write.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';
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
  bibtex: Text,
  edit: Flag,
  force: Flag,
  dryRun: Flag,
  json: Flag,
});

export async function runAdd(ctx: Context, rawOptions: unknown): Promise<number> {
  const options = parseOptions(AddOptionsSchema, rawOptions);
  if (options.section !== undefined && options.newSection !== undefined) {
    throw new UsageError('--section and --new-section both given', 'give one: an existing section, or the heading of a new one');
  }
  if (options.bibtex !== undefined) return addFromBibtex(ctx, options);
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
    input.venue = advice.venue;
    const target = resolveTarget(store, values.section!);
    return writeEntry(ctx, store, target, input, options, advice.message);
  });
}

/** `notice`: what papers made of the venue, said once the entry is written (or would be), not before a refusal. */
async function writeEntry(ctx: Context, store: Store, target: Target, input: AddInput, options: z.infer<typeof AddOptionsSchema>, notice: string | null): Promise<number> {
  const added = await writeEntries(ctx, store, target, [{ input, label: null }], options);
  if (notice) ctx.err(`papers: ${notice}`);
  const [position] = added.positions;
  const line = added.lines[0]!;
  if (options.dryRun) {
    printDryRun(ctx, added);
    ctx.err(`papers: dry run; nothing written (the entry would go to ${target.file}:${line})`);
    return EXIT_OK;
  }
  await reportWritten(ctx, added.store, { position: position!, line, json: options.json === true });
  ctx.err(`papers: added "${added.store.summary(position!).title}" to ${target.create ? 'the new section ' : ''}${target.title}`);
  return EXIT_OK;
}

/** --bibtex: the fields come from the BibTeX; --alias, --org, the section and notes may go with them. */
async function addFromBibtex(ctx: Context, options: z.infer<typeof AddOptionsSchema>): Promise<number> {
  const clash = (['title', 'venue', 'year'] as const).find((k) => options[k] !== undefined);
  if (clash) throw new UsageError(`--bibtex and --${clash} both given`, 'the BibTeX gives the title, venue and year; --alias, --org, --section and notes may go with it');
  if (options.edit) throw new UsageError('--bibtex and --edit both given', 'add from the BibTeX, then edit the digest');
  if (options.bibtex === '-' && options.notesFile === '-') throw new UsageError('--bibtex - and --notes-file - both read standard input', 'give one of them as a file');
  const fileNotes = options.notesFile === undefined ? [] : notesFromText(await readNotesInput(ctx, options.notesFile));
  const { runAddBibtex } = await import('./add-bibtex.js');
  return runAddBibtex(ctx, { ...options, bibtex: options.bibtex!, notes: [...(options.note ?? []), ...fileNotes] });
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
