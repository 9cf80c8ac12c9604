// `papers add --bibtex FILE|-`: BibTeX entries (Google Scholar, DBLP, arXiv, ACL Anthology) as new
// digest entries in one section, all or none, through add's one writer.
import { EXIT_OK, InputError, UsageError } from '../errors.js';
import { addInputSchema, adviseVenue, noteLabel, type AddDraft, type AddInput } from '../edit/add-input.js';
import type { SectionChoice } from '../edit/add-template.js';
import { draftFromBibtex, type BibDraft } from '../bibtex/to-entry.js';
import { nameKeys } from '../query/duplicates.js';
import { resolvePath } from '../io.js';
import { readNotesBytes } from '../store/read.js';
import { decodeNotes } from '../store/utf8.js';
import type { Store } from '../store/store.js';
import { askSection, requireTerminal } from './add-ask.js';
import { printDryRun, resolveTarget, writeEntries, type NewEntry } from './add-write.js';
import type { Context } from './context.js';

export interface AddBibtexOptions {
  bibtex: string;
  alias?: string | undefined;
  org?: string[] | undefined;
  section?: string | undefined;
  newSection?: string | undefined;
  notes: string[];
  force?: boolean | undefined;
  dryRun?: boolean | undefined;
  json?: boolean | undefined;
}

/** The .bib file's text (or standard input's), decoded as UTF-8. */
async function readBibText(ctx: Context, file: string): Promise<{ text: string; shown: string }> {
  if (file === '-') return { text: await ctx.io.readStdin(), shown: 'standard input' };
  const bytes = readNotesBytes(ctx.io, resolvePath(ctx.io, file), file);
  const decoded = decodeNotes(bytes);
  if (decoded.ok) return { text: decoded.text, shown: file };
  if (decoded.reason === 'binary') throw new InputError(`${file} looks like a binary file (NUL byte at line ${decoded.line}, column ${decoded.column}), expected BibTeX`, 'pass a .bib file');
  throw new InputError(`${file} is not valid UTF-8: bad byte at line ${decoded.line}, column ${decoded.column} (byte offset ${decoded.byte})`, 'save the .bib file as UTF-8');
}

/** One line per zod issue, naming the BibTeX field it came from. */
function issueLines(draft: BibDraft, add: AddDraft, issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>): string[] {
  return issues.map((issue) => {
    const [key, index] = issue.path;
    if (key === 'title') return `its title ${issue.message}`;
    if (key === 'alias') return `its alias "${add.alias}"${draft.aliasFrom === 'shorttitle' ? ' (from shorttitle)' : ''} ${issue.message}`;
    if (key === 'venue') return `its venue "${add.venue}"${draft.venue.field ? ` (from ${draft.venue.field})` : ''}: ${issue.message}`;
    if (key === 'year') return `its year ${issue.message}`;
    if (key === 'orgs') return `--org ${JSON.stringify(add.orgs[index as number] ?? '')}: ${issue.message}`;
    if (key === 'notes') return `${noteLabel(add.notes, index as number)}: ${issue.message}`;
    return issue.message;
  });
}

export async function runAddBibtex(ctx: Context, options: AddBibtexOptions): Promise<number> {
  if (options.newSection === undefined && options.section === undefined && options.bibtex === '-') {
    throw new UsageError('missing --section (or --new-section)', 'with --bibtex - standard input holds the BibTeX, so papers cannot ask; pass --section');
  }
  const { text, shown } = await readBibText(ctx, options.bibtex);
  const store = await ctx.load({ readsText: true });
  const { BibtexSyntaxError, isKnownType, readBibtex } = await import('../bibtex/read.js');
  let records: ReturnType<typeof readBibtex>;
  try {
    records = readBibtex(text);
  } catch (error) {
    if (!(error instanceof BibtexSyntaxError)) throw error;
    const within = error.entry ? ` in the entry "${error.entry.key}" (line ${error.entry.line})` : '';
    throw new InputError(`${shown}:${error.line}:${error.column}: malformed BibTeX${within}: ${error.message}`, 'fix the BibTeX; nothing was added');
  }
  if (records.length === 0) throw new InputError(`${shown} holds no BibTeX entries`, 'expected entries like @article{key, title = {...}, year = {2019}}; nothing was added');
  const one = records.length === 1;
  if (!one && options.alias !== undefined) throw new UsageError(`--alias names one entry, and ${shown} holds ${records.length}`, 'give the aliases as shorttitle fields in the BibTeX, or add the entries one by one');
  if (!one && options.notes.length) throw new UsageError(`notes go with one entry, and ${shown} holds ${records.length}`, 'add the notes afterwards with papers note');

  const maxYear = new Date(ctx.io.now()).getUTCFullYear() + 1;
  const schema = addInputSchema({ maxYear, venues: store.venues });
  const refused: string[] = [];
  const entries: NewEntry[] = [];
  const warnings: string[] = [];
  for (const record of records) {
    const draft = draftFromBibtex(record, store.venues, isKnownType);
    const label = `${shown}:${record.line} (${record.key})`;
    const add: AddDraft = {
      title: draft.title ?? undefined,
      alias: options.alias ?? draft.alias ?? undefined,
      venue: draft.venue.venue ?? undefined,
      year: draft.year === null ? undefined : String(draft.year),
      orgs: options.org ?? [],
      notes: options.notes,
    };
    const problems = [...draft.problems];
    let input: AddInput | null = null;
    if (problems.length === 0) {
      const parsed = schema.safeParse(add);
      if (parsed.success) input = parsed.data;
      else problems.push(...issueLines(draft, add, parsed.error.issues));
    }
    if (problems.length || !input) {
      refused.push(`${label}: ${problems.join('; ')}`);
      continue;
    }
    // Said once the file is accepted: a refused file gets only the reasons.
    for (const warning of draft.warnings) warnings.push(`papers: ${label}: warning: ${warning}`);
    const advice = adviseVenue(input.venue, store.venues);
    if (advice.message) warnings.push(`papers: ${label}: ${advice.message}`);
    input.venue = advice.venue;
    entries.push({ input, label });
  }
  if (!options.force) {
    // Two entries of the file for one paper (its preprint and its conference version, say).
    const seen = new Map<string, string>();
    for (const { input, label } of entries) {
      const keys = nameKeys(input);
      const first = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
      if (first) refused.push(`${label}: "${input.title}" repeats ${first}`);
      else keys.forEach((k) => seen.set(k, `${label!}`));
    }
  }
  if (refused.length) {
    const head = refused.length === 1 ? refused[0]! : `${refused.length} of the ${records.length} entries cannot be added:\n${refused.map((r) => `  ${r}`).join('\n')}`;
    const them = refused.length === 1 ? 'it' : 'them';
    throw new InputError(head, `fix ${them} in the BibTeX, or leave ${them} out (--force adds repeats); nothing was added`);
  }
  let section: SectionChoice;
  if (options.newSection !== undefined) section = { kind: 'new', title: options.newSection };
  else if (options.section !== undefined) section = { kind: 'query', query: options.section };
  else {
    requireTerminal(ctx, 'missing --section (or --new-section)');
    section = await askSection(ctx, { sections: store.sections, entries: store.summaries() });
  }

  for (const warning of warnings) ctx.err(warning);
  return writeBibtexEntries(ctx, store, section, entries, options);
}

async function writeBibtexEntries(ctx: Context, store: Store, section: SectionChoice, entries: NewEntry[], options: AddBibtexOptions): Promise<number> {
  const target = resolveTarget(store, section);
  const added = await writeEntries(ctx, store, target, entries, options);
  const where = added.lines.length === 1 ? `${target.file}:${added.lines[0]}` : `${target.file}:${added.lines[0]}-${added.lines.at(-1)}`;
  const count = `${added.lines.length} ${added.lines.length === 1 ? 'entry' : 'entries'}`;
  if (options.dryRun) {
    printDryRun(ctx, added);
    ctx.err(`papers: dry run; nothing written (${count} would go to ${where})`);
    return EXIT_OK;
  }
  const summaries = added.store.summaries();
  if (options.json) {
    const linked = await added.store.linkedEntries(added.positions);
    ctx.out(JSON.stringify(linked, null, 2));
  } else {
    ctx.out(added.positions.map((p, k) => `${summaries[p]!.id} ${target.file}:${added.lines[k]}`).join('\n'));
  }
  ctx.err(`papers: added ${count} to ${target.create ? 'the new section ' : ''}${target.title}`);
  return EXIT_OK;
}
