// How `add` writes: the target section, then one or more new entries planned one after another on the
// text read under the lock, each checked, and written in one atomic replace (or shown as a diff).
import { InputError, PapersError, UsageError } from '../errors.js';
import type { AddInput } from '../edit/add-input.js';
import { fieldProblem, readBackProblem } from '../edit/add-input.js';
import type { SectionChoice } from '../edit/add-template.js';
import { applyEdits } from '../edit/apply.js';
import { commitChange, type Inserted } from '../edit/commit.js';
import { unifiedDiff } from '../edit/diff.js';
import { entryReadBack, newEntryLines, planAdd } from '../edit/plan-add.js';
import { checkAdded, checkInsertions } from '../edit/verify.js';
import { findDuplicates } from '../query/duplicates.js';
import { sectionMeta } from '../store/parse.js';
import type { ParsedEntry } from '../store/parse.js';
import type { EntrySummary } from '../store/layout.js';
import type { Store } from '../store/store.js';
import { foldText } from '../store/text.js';
import type { Context } from './context.js';
import { requireSection } from './resolve.js';
import { writeDiff } from './write-output.js';

export interface Target {
  /** The section's title as written after `##`. */
  title: string;
  create: boolean;
  /** The store's name of the file to write, and its path. */
  file: string;
  path: string;
}

export function resolveTarget(store: Store, choice: SectionChoice): Target {
  const digest = { sections: store.sections, entries: store.summaries(), readings: store.sectionReadings };
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

/** One entry to add; `label` names where it came from (`refs.bib:12 (devlin2019)`) in messages. */
export interface NewEntry {
  input: AddInput;
  label: string | null;
}

export interface WriteOptions {
  force?: boolean | undefined;
  dryRun?: boolean | undefined;
}

export interface Added {
  /** Positions in `store`, one per entry, in the order given. */
  positions: number[];
  /** The store as it is now (or would be, after a dry run). */
  store: Store;
  file: string;
  lines: number[];
  before: string;
  after: string;
}

/** A PapersError from planning one of several entries, prefixed with where that entry came from. */
function labelled(error: unknown, label: string | null): unknown {
  if (label === null || !(error instanceof PapersError)) return error;
  return new PapersError(`${label}: ${error.message}`, { exitCode: error.exitCode, hint: error.hint });
}

/**
 * Adds the entries, in order, at the end of the target section: each planned on the text with the
 * ones before it, each insertion checked (only new bytes, every old entry unchanged, the new one
 * reads back as asked), all written at once or none. A duplicate (of the digest or of an entry
 * before it) is refused unless `force`.
 */
export async function writeEntries(ctx: Context, store: Store, target: Target, entries: readonly NewEntry[], options: WriteOptions): Promise<Added> {
  let added: ParsedEntry[] = [];
  const result = await commitChange(
    ctx.io,
    store,
    target.file,
    (first) => {
      added = [];
      // Planned on the text read under the lock, so concurrent writers each see the others' entries.
      let now = first;
      let inserted: Inserted | undefined;
      const sectionHere = now.view.sections.some((s) => (target.create ? foldText(s.title) === foldText(target.title) : s.title === target.title));
      if (target.create && sectionHere) throw new UsageError(`section "${target.title}" already exists in ${target.file}`, 'add to it with --section');
      if (!target.create && !sectionHere) throw new InputError(`section "${target.title}" is no longer in ${target.file}`, 'it changed meanwhile; run the command again');
      // Entries are looked at as summaries; only those it repeats are read whole, for the message.
      const summaries = first.store.summaries();
      const otherFiles = summaries.filter((e) => e.file !== target.file);
      const ownFile = summaries.filter((e) => e.file === target.file);
      const whole = (found: ReadonlyArray<EntrySummary | ParsedEntry>): ParsedEntry[] => {
        const at = new Map(summaries.map((e, i) => [e, i]));
        return found.map((e) => (at.has(e as EntrySummary) ? first.store.entries([at.get(e as EntrySummary)!])[0]! : (e as ParsedEntry)));
      };
      const isVenue = (name: string): boolean => store.venues.isKnown(name);
      for (const [k, { input, label }] of entries.entries()) {
        try {
          const duplicates = [...findDuplicates(otherFiles, input.title, input.alias), ...findDuplicates([...ownFile, ...added], input.title, input.alias)];
          if (duplicates.length && !options.force) throw new UsageError(duplicateMessage(input, whole(duplicates)), 'nothing was added; use --force to add it anyway');
          // After the first entry of a new section, the section is there.
          const create = target.create && k === 0;
          const request = { fields: input, notes: input.notes, section: { title: target.title, create } };
          const { text, view } = now;
          // Written in this digest's style (venue first, its heading level or list form), the heading must still read back as the fields given.
          const lines = newEntryLines(view, text, request, isVenue);
          // A table row's title cell holds the title and alias only: its venue and year have cells of their own.
          const readBack = entryReadBack(lines, input);
          const problem = readBackProblem(readBack.row ? { ...input, venue: null, year: null } : input, isVenue, readBack.heading);
          if (problem) throw new UsageError(`${label === null ? '--' : ''}${problem.field}: in the style of ${target.file}, ${problem.message}`, 'nothing was added; reword it');
          const edits = planAdd(view, text, request, lines);
          const after = applyEdits(text, edits).output;
          checkInsertions(target.file, text, after, edits);
          inserted = now.insert(after, edits);
          // A paper that names no venue or year under a section that names one reads back with it.
          const named = sectionMeta(target.title, store.venues);
          const fields = { ...input, venue: input.venue ?? named.venueRaw, year: input.year ?? named.year };
          const expected = { fields, notes: readBack.row ? input.notes.map((n) => n.trim()).join('\n') : readBack.notes, section: target.title };
          added.push(checkAdded(target.file, inserted.before, inserted.after, expected, create));
          now = inserted.now;
        } catch (error) {
          throw labelled(error, label);
        }
      }
      return inserted ? { text: now.text, inserted } : null;
    },
    { dryRun: options.dryRun === true },
  );
  const after = result.store;
  const positions = added.map((a) => after?.positionAt(target.file, a.line) ?? -1);
  if (!after || added.length !== entries.length || positions.some((p) => p < 0)) throw new PapersError('nothing to add', { hint: 'this is a bug, please report it' });
  return { positions, store: after, file: target.file, lines: added.map((a) => a.line), before: result.before, after: result.after };
}

/** The diff of a dry run, on stdout. */
export function printDryRun(ctx: Context, added: Added): void {
  writeDiff(ctx, unifiedDiff(added.file, added.before, added.after));
}
