// `papers note <id|alias|title words> "text"`: bullets appended to an existing entry, checked, atomically.
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK, EXIT_USAGE, InputError, PapersError, UsageError } from '../errors.js';
import { fieldProblem, noteLabel, notesFromText } from '../edit/add-input.js';
import { applyEdits } from '../edit/apply.js';
import { unifiedDiff } from '../edit/diff.js';
import { noteLines, planNote } from '../edit/plan-note.js';
import { checkInsertions, checkNoted } from '../edit/verify.js';
import { rewriteFile } from '../edit/write.js';
import { findEntries } from '../query/find.js';
import { parseDigest } from '../store/parse.js';
import type { Entry } from '../store/schema.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';
import { formatCandidates } from './show.js';
import { parsingFor, readNotesInput, reportWritten, storeNow } from './write-output.js';

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
  const store = await ctx.load({ links: false, readsText: true, cacheParsed: false });
  const found = findEntries(store.digest.entries, query);
  if (found.length === 0) {
    ctx.err(`papers: no entry matches "${query}"; nothing was added (papers list shows the ids)`);
    return EXIT_FOUND;
  }
  if (found.length > 1) {
    ctx.err(`papers: "${query}" matches ${found.length} entries:\n${await formatCandidates(found)}\n(give the id to pick one; nothing was added)`);
    return EXIT_USAGE;
  }
  const target = found[0]!;
  const parsing = parsingFor(store);
  let written: { entry: Entry; firstLine: number } | undefined;
  const result = await rewriteFile(
    ctx.io,
    store.paths.get(target.file)!,
    target.file,
    (current, bytes) => {
      const now = storeNow(store, target.file, { text: current, bytes }, parsing);
      const before = now.parsed;
      // The same query on the text under the lock must still name the same entry.
      const again = findEntries(now.digest.entries, query);
      const entry = again.length === 1 && again[0]!.file === target.file && again[0]!.heading.raw === target.heading.raw ? again[0] : undefined;
      if (!entry) throw new InputError(`${target.file} changed meanwhile and "${query}" no longer names ${target.id}`, 'run the command again');
      const index = before.entries.findIndex((e) => e.line === entry.line);
      const edits = planNote(before, current, before.entries[index]!, cleaned);
      const after = applyEdits(current, edits).output;
      checkInsertions(target.file, current, after, edits);
      const afterFile = parseDigest(after, target.file, parsing);
      const noted = checkNoted(target.file, before, afterFile, index, noteLines(current, before.entries[index]!, cleaned).join('\n'));
      // Its id and slug stay: ids depend on the entry's own heading and the entries before it.
      written = { entry: { ...noted, id: entry.id, sectionSlug: entry.sectionSlug }, firstLine: before.entries[index]!.endLine + 1 };
      return after;
    },
    { dryRun: options.dryRun === true, known: { bytes: store.bytes.get(target.file), text: () => store.texts.get(target.file) } },
  );
  if (!written) throw new PapersError('nothing to add', { hint: 'this is a bug, please report it' });
  if (options.dryRun) {
    ctx.out(unifiedDiff(target.file, result.before, result.after));
    ctx.err('papers: dry run; nothing written');
    return EXIT_OK;
  }
  const { entry } = written;
  await reportWritten(ctx, store, { entry, line: written.firstLine, text: result.after, json: options.json === true });
  ctx.err(`papers: added ${cleaned.length} ${cleaned.length === 1 ? 'note' : 'notes'} to ${entry.id}`);
  return EXIT_OK;
}
