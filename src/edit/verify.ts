// Checks a planned change before it is written: only the inserted text is new, every old entry reads back unchanged.
import { PapersError } from '../errors.js';
import type { ParsedEntry, ParsedFile } from '../store/parse.js';
import type { Edit } from './apply.js';
import type { EntryFields } from './entry-text.js';
import { isClosingLine } from './layout.js';

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

/**
 * Notes split before the comment lines and footers (and blank lines among them) that close them:
 * new lines go before those, which belong to what follows (a `disable-next-line` directive) or to
 * the section (`[[back to top]](#top)`, `---`).
 */
export function splitCommentTail(notes: string): { head: string[]; tail: string[] } {
  const lines = notes === '' ? [] : notes.split('\n');
  let keep = lines.length;
  while (keep > 0 && (lines[keep - 1]!.trim() === '' || isClosingLine(lines[keep - 1]!))) keep--;
  return { head: lines.slice(0, keep), tail: lines.slice(keep) };
}

/**
 * Whether notes read as `lines` then `tail`. With `gap`, the blank lines between the two may be any
 * number: those between a heading and a first comment line are not part of the old notes.
 */
function readsAs(got: string, lines: readonly string[], tail: readonly string[], gap: boolean): boolean {
  const all = [...lines, ...tail];
  while (all.length && all[0]!.trim() === '') all.shift();
  if (got === all.join('\n')) return true;
  if (!gap || lines.length === 0 || tail.length === 0) return false;
  const gotLines = got.split('\n');
  let k = lines.length;
  while (k < gotLines.length && gotLines[k]!.trim() === '') k++;
  return gotLines.slice(0, lines.length).join('\n') === lines.join('\n') && gotLines.slice(k).join('\n') === tail.join('\n');
}

interface Handed {
  lines: string[];
  /** The entry had nothing but these lines: blank lines before them were not in its notes. */
  gap: boolean;
}

/** The closing comment lines `a` handed over to an entry inserted after it (`b` is `a` without them); null if it did not. */
function handedTail(a: ParsedEntry, b: ParsedEntry): Handed | null {
  const { head, tail } = splitCommentTail(a.notes);
  if (tail.length === 0 || b.notes !== head.join('\n') || a.line !== b.line) return null;
  // Otherwise the same entry; TODO markers in the moved lines went with them.
  const same = sameEntry({ ...a, notes: b.notes, stub: b.stub, todos: a.todos.slice(0, b.todos.length) }, b);
  return same ? { lines: tail, gap: head.length === 0 } : null;
}

/**
 * The one entry of `after` that is not in `before`, checking every other entry reads back the same.
 * The entry right before it may have handed it its closing comment lines (`moved`), as planAdd inserts
 * before them.
 */
function extraEntry(name: string, before: ParsedFile, after: ParsedFile): { index: number; moved: Handed } {
  // NOTE: in counts of the difference, which the two parses cut to a window (parsedWindow) give as the whole files do.
  const delta = after.entries.length - before.entries.length;
  if (delta !== 1) {
    const found = delta === 0 ? 'none' : delta > 0 ? `${delta}` : `${-delta} fewer`;
    throw new CheckFailed(name, `expected one more entry after adding one, found ${found}`, before);
  }
  let k = 0;
  while (k < before.entries.length && sameEntry(before.entries[k]!, after.entries[k]!)) k++;
  let moved: Handed = { lines: [], gap: false };
  const handed = k < before.entries.length ? handedTail(before.entries[k]!, after.entries[k]!) : null;
  if (handed) {
    moved = handed;
    k++;
  }
  for (let i = k; i < before.entries.length; i++) {
    if (!sameEntry(before.entries[i]!, after.entries[i + 1]!)) {
      throw new CheckFailed(name, `the entry at line ${before.entries[i]!.line} would read back differently`, before);
    }
  }
  return { index: k, moved };
}

export interface ExpectedEntry {
  fields: EntryFields;
  notes: string;
  section: string;
}

/** Checks an added entry; returns it as parsed from the new text. */
export function checkAdded(name: string, before: ParsedFile, after: ParsedFile, expected: ExpectedEntry, createdSection: boolean): ParsedEntry {
  checkSameFile(name, before, after, createdSection ? expected.section : null);
  const { index, moved } = extraEntry(name, before, after);
  const entry = after.entries[index]!;
  const { fields } = expected;
  const got = [entry.title, entry.alias, entry.venueRaw, entry.year, entry.orgs, entry.section, entry.notes];
  const want = [fields.title, fields.alias, fields.venue, fields.year, fields.orgs, expected.section, expected.notes];
  const notesOk = readsAs(entry.notes, expected.notes === '' ? [] : expected.notes.split('\n'), moved.lines, moved.gap);
  if (JSON.stringify(got.slice(0, -1)) !== JSON.stringify(want.slice(0, -1)) || !notesOk) {
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
  const { head, tail } = splitCommentTail(old.notes);
  const same = (e: ParsedEntry) => JSON.stringify([e.heading.raw, e.section, e.line]);
  if (same(entry) !== same(old) || !readsAs(entry.notes, [...head, ...added.split('\n')], tail, head.length === 0)) {
    throw new CheckFailed(name, `the entry at line ${old.line} would not read back as its old notes plus the new ones`, before);
  }
  return entry;
}
