// Checks a planned change before it is written: only the inserted text is new, every old entry reads back unchanged.
import { PapersError } from '../errors.js';
import type { ParsedEntry, ParsedFile } from '../store/parse.js';
import type { Edit } from './apply.js';
import type { EntryFields } from './entry-text.js';

export class CheckFailed extends PapersError {
  constructor(file: string, reason: string, before?: ParsedFile) {
    const unclosed = before?.diagnostics.find((d) => d.code === 'unclosed-fence' || d.code === 'unclosed-comment');
    super(`the change to ${file} did not check out: ${reason}; nothing was written`, {
      hint: unclosed ? `${unclosed.message} (line ${unclosed.line}); fix that first` : 'this is a bug, please report it with the command you ran',
    });
    this.name = 'CheckFailed';
  }
}

const sameList = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean =>
  a.length === b.length && a.every((x, i) => same(x, b[i]!));

/** Whether an entry reads back the same after text was inserted elsewhere (positions shift, so they are left out). */
function sameEntry(a: ParsedEntry, b: ParsedEntry): boolean {
  return (
    a.title === b.title &&
    a.alias === b.alias &&
    a.venueRaw === b.venueRaw &&
    a.venue === b.venue &&
    a.venueMatch === b.venueMatch &&
    a.year === b.year &&
    a.section === b.section &&
    a.notes === b.notes &&
    a.stub === b.stub &&
    a.heading.raw === b.heading.raw &&
    sameList(a.orgs, b.orgs, (x, y) => x === y) &&
    sameList(a.todos, b.todos, (x, y) => x.marker === y.marker && x.term === y.term && x.context === y.context)
  );
}

const diagnosticKeys = (f: ParsedFile): string[] => f.diagnostics.map((d) => `${d.code}\u0000${d.message}`).sort();

/** `after` must be `before` with exactly these insertions (and nothing else) applied. */
export function checkInsertions(file: string, before: string, after: string, edits: readonly Edit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let cursor = 0;
  let pos = 0;
  for (const edit of sorted) {
    if (edit.start !== edit.end) throw new CheckFailed(file, 'a planned edit replaces text instead of inserting');
    const kept = before.slice(cursor, edit.start);
    if (after.slice(pos, pos + kept.length) !== kept) throw new CheckFailed(file, 'text before the insertion changed');
    pos += kept.length;
    if (after.slice(pos, pos + edit.text.length) !== edit.text) throw new CheckFailed(file, 'the inserted text is not what was planned');
    pos += edit.text.length;
    cursor = edit.start;
  }
  if (after.slice(pos) !== before.slice(cursor)) throw new CheckFailed(file, 'text after the insertion changed');
}

function checkSameFile(name: string, before: ParsedFile, after: ParsedFile, extraSection: string | null): void {
  const titles = before.sections.map((s) => s.title);
  if (extraSection !== null) titles.push(extraSection);
  if (JSON.stringify(after.sections.map((s) => s.title)) !== JSON.stringify(titles)) {
    throw new CheckFailed(name, 'the sections would change', before);
  }
  if (JSON.stringify(diagnosticKeys(after)) !== JSON.stringify(diagnosticKeys(before))) {
    const known = new Set(diagnosticKeys(before));
    const added = after.diagnostics.find((d) => !known.has(`${d.code}\u0000${d.message}`));
    throw new CheckFailed(name, added ? `it would add a problem at line ${added.line}: ${added.message}` : 'a parse problem would go away', before);
  }
}

/** Index of the one entry of `after` that is not in `before`, checking every other entry reads back the same. */
function extraEntry(name: string, before: ParsedFile, after: ParsedFile): number {
  if (after.entries.length !== before.entries.length + 1) {
    throw new CheckFailed(name, `expected ${before.entries.length + 1} entries after adding one, found ${after.entries.length}`, before);
  }
  let k = 0;
  while (k < before.entries.length && sameEntry(before.entries[k]!, after.entries[k]!)) k++;
  for (let i = k; i < before.entries.length; i++) {
    if (!sameEntry(before.entries[i]!, after.entries[i + 1]!)) {
      throw new CheckFailed(name, `the entry at line ${before.entries[i]!.line} would read back differently`, before);
    }
  }
  return k;
}

export interface ExpectedEntry {
  fields: EntryFields;
  notes: string;
  section: string;
}

/** Checks an added entry; returns it as parsed from the new text. */
export function checkAdded(name: string, before: ParsedFile, after: ParsedFile, expected: ExpectedEntry, createdSection: boolean): ParsedEntry {
  checkSameFile(name, before, after, createdSection ? expected.section : null);
  const entry = after.entries[extraEntry(name, before, after)]!;
  const { fields } = expected;
  const got = [entry.title, entry.alias, entry.venueRaw, entry.year, entry.orgs, entry.section, entry.notes];
  const want = [fields.title, fields.alias, fields.venue, fields.year, fields.orgs, expected.section, expected.notes];
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new CheckFailed(name, `the new entry would read back as ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`, before);
  }
  return entry;
}

/** Checks bullets appended to the entry at `index`; returns it as parsed from the new text. */
export function checkNoted(name: string, before: ParsedFile, after: ParsedFile, index: number, added: string): ParsedEntry {
  checkSameFile(name, before, after, null);
  if (after.entries.length !== before.entries.length) {
    throw new CheckFailed(name, `expected ${before.entries.length} entries, found ${after.entries.length}`, before);
  }
  const old = before.entries[index]!;
  const entry = after.entries[index]!;
  for (let i = 0; i < before.entries.length; i++) {
    if (i !== index && !sameEntry(before.entries[i]!, after.entries[i]!)) {
      throw new CheckFailed(name, `the entry at line ${before.entries[i]!.line} would read back differently`, before);
    }
  }
  const notes = old.notes === '' ? added : `${old.notes}\n${added}`;
  const same = (e: ParsedEntry) => JSON.stringify([e.heading.raw, e.section, e.line]);
  if (same(entry) !== same(old) || entry.notes !== notes) {
    throw new CheckFailed(name, `the entry at line ${old.line} would not read back as its old notes plus the new ones`, before);
  }
  return entry;
}
