// `papers note <id|alias|title words> "text"`: bullets appended to an existing entry, checked, atomically.
import * as z from 'zod/mini';
import { EXIT_OK, InputError, PapersError, UsageError } from '../errors.js';
import { fieldProblem, noteLabel, notesFromText } from '../edit/add-input.js';
import { applyEdits } from '../edit/apply.js';
import { unifiedDiff } from '../edit/diff.js';
import { firstNoteLine, noteLines, planNote } from '../edit/plan-note.js';
import { commitChange } from '../edit/commit.js';
import { checkInsertions, checkNoted } from '../edit/verify.js';
import { findEntries } from '../query/find.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';
import { requireOneEntry } from './resolve.js';
import { readNotesInput, reportWritten, writeDiff } from './write-output.js';

export const NoteOptionsSchema = z.object({
  note: z.optional(z.array(z.string())),
  notesFile: z.optional(z.string()),
  dryRun: Flag,
  json: Flag,
});

export async function runNote(ctx: Context, args: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(NoteOptionsSchema, rawOptions);
  let words = args;
  const notes = [...(options.note ?? [])];
  if (options.notesFile !== undefined) {
    const fromFile = notesFromText(await readNotesInput(ctx, options.notesFile));
    if (fromFile.length === 0) throw new UsageError(`no notes in ${options.notesFile === '-' ? 'standard input' : options.notesFile}`, 'one note per line');
    notes.push(...fromFile);
  }
  if (notes.length === 0) {
    // Without --note or --notes-file, the last argument is the note and the others name the entry.
    if (args.length < 2) throw new UsageError('no note given', 'papers note <id|alias|title words> "text", or --note/--notes-file');
    notes.push(args.at(-1)!);
    words = args.slice(0, -1);
  }
  const problems = notes.flatMap((n, i) => {
    const problem = fieldProblem('note', n);
    return problem ? [`${noteLabel(notes, i)}: ${problem}`] : [];
  });
  if (problems.length) throw new UsageError(problems.join('; '), 'nothing was added');
  const cleaned = notes.map((n) => n.trim());

  const query = words.join(' ');
  const store = await ctx.load({ readsText: true });
  const found = await requireOneEntry(ctx, store.summaries(), query, 'nothing was added');
  if (typeof found === 'number') return found;
  const [target] = store.entries([store.summaries().indexOf(found)]);
  if (!target) throw new Error('note: the entry found is not in the store');
  let firstLine = 0;
  let notedLine = 0;
  const result = await commitChange(
    ctx.io,
    store,
    target.file,
    (now) => {
      const before = now.parsed;
      // The same query on the text under the lock must still name the same entry.
      const again = findEntries(now.store.summaries(), query);
      const named = again.length === 1 && again[0]!.file === target.file ? before.entries.findIndex((e) => e.line === again[0]!.line) : -1;
      const index = named >= 0 && before.entries[named]!.heading.raw === target.heading.raw ? named : -1;
      if (index < 0) throw new InputError(`${target.file} changed meanwhile and "${query}" no longer names ${target.id}`, 'run the command again');
      const entry = before.entries[index]!;
      const edits = planNote(before, now.text, entry, cleaned);
      const after = applyEdits(now.text, edits).output;
      checkInsertions(target.file, now.text, after, edits);
      const parsed = now.reparse(after);
      const noted = checkNoted(target.file, before, parsed, index, noteLines(now.text, entry, cleaned).join('\n'));
      firstLine = firstNoteLine(now.text, entry);
      notedLine = noted.line;
      return { text: after, parsed };
    },
    { dryRun: options.dryRun === true },
  );
  const position = result.store?.summaries().findIndex((e) => e.file === target.file && e.line === notedLine) ?? -1;
  if (!result.store || position < 0) throw new PapersError('nothing to add', { hint: 'this is a bug, please report it' });
  if (options.dryRun) {
    writeDiff(ctx, unifiedDiff(target.file, result.before, result.after));
    ctx.err('papers: dry run; nothing written');
    return EXIT_OK;
  }
  const entry = result.store.summaries()[position]!;
  await reportWritten(ctx, result.store, { position, line: firstLine, json: options.json === true });
  ctx.err(`papers: added ${cleaned.length} ${cleaned.length === 1 ? 'note' : 'notes'} to ${entry.id}`);
  return EXIT_OK;
}
