// `papers export`: entries (filtered as `list` filters, or by a search query) as BibTeX, CSL-JSON, CSV or JSON Lines.
import * as z from 'zod/mini';
import { EXIT_FOUND, EXIT_OK, InputError, PapersError, UsageError } from '../errors.js';
import { resolvePath } from '../io.js';
import { entryMatcher } from '../query/filter.js';
import { formatBibtex } from '../report/bibtex.js';
import { citationOf } from '../report/citation.js';
import { formatCslJson } from '../report/csl-json.js';
import { formatCsv, formatJsonl } from '../report/csv.js';
import { searchIndexOf } from '../search/index.js';
import { parseQuery } from '../search/query.js';
import { searchEntries } from '../search/search.js';
import type { Entry } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { entryFilter, hasFilter, ListFilterOptions, listFilter, QualifiersSchema, sectionsOf } from './filters.js';
import { Flag, parseOptions } from './options.js';

export const EXPORT_FORMATS = ['bibtex', 'csl-json', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { bibtex: 'BibTeX', 'csl-json': 'CSL-JSON', csv: 'CSV', jsonl: 'JSON Lines' };

export const ExportOptionsSchema = z.object({
  format: z.optional(z.enum(EXPORT_FORMATS)),
  output: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  ...ListFilterOptions,
  query: z.optional(z.string()),
  withNotes: Flag,
  ascii: Flag,
});
type ExportOptions = z.infer<typeof ExportOptionsSchema>;

/** The positions of the entries to export, in store order: the filters, then the query's words (if any). */
function selectPositions(store: Store, options: ExportOptions, words: readonly string[]): number[] {
  const queryWords = [...(options.query !== undefined ? [options.query] : []), ...words];
  const query = queryWords.length ? parseQuery(queryWords) : null;
  const qualifiers = query ? parseOptions(QualifiersSchema, query.qualifiers, (key) => key) : {};
  if (query && query.terms.length === 0 && query.allTerms.length === 0 && !hasFilter(qualifiers)) {
    throw new UsageError(`nothing to search for in "${query.text}": it has no letters, digits or Chinese characters`, 'e.g. papers export --query "venue:osdi tensor"');
  }
  const summaries = store.summaries();
  const filter = listFilter(store, options);
  const byOptions = entryMatcher(filter ?? {}, store.venues);
  const byQualifiers = entryMatcher(entryFilter(sectionsOf(store), qualifiers), store.venues);
  const positions = summaries.flatMap((e, i) => (byOptions(e) && byQualifiers(e) ? [i] : []));
  if (!query || query.terms.length === 0) {
    // Fillers alone (`the of`), with no filter, search for nothing and find nothing (as in search).
    return query && query.allTerms.length > 0 && !hasFilter(qualifiers) && !filter ? [] : positions;
  }
  const hits = searchEntries(searchIndexOf(store), query, { only: new Set(positions) });
  return hits.map((h) => h.index).sort((a, b) => a - b);
}

function render(format: ExportFormat, entries: readonly Entry[], store: Store, options: ExportOptions): { text: string; unmapped: string[] } {
  const withNotes = options.withNotes === true;
  switch (format) {
    case 'bibtex':
      return formatBibtex(
        entries.map((e) => citationOf(e, store.venues)),
        { withNotes, ascii: options.ascii === true },
      );
    case 'csl-json':
      return { text: formatCslJson(entries.map((e) => citationOf(e, store.venues)), { withNotes }), unmapped: [] };
    case 'csv':
      return { text: formatCsv(entries, { withNotes }), unmapped: [] };
    case 'jsonl':
      return { text: formatJsonl(entries), unmapped: [] };
  }
}

/** `-o FILE`: never one of the notes files (that would replace the digest), never a folder. */
function checkOutput(ctx: Context, store: Store, output: string): string {
  const target = resolvePath(ctx.io, output);
  const st = ctx.io.stat(target);
  if (st?.kind === 'dir') throw new UsageError(`-o ${output} is a folder`, 'give a file name, e.g. -o refs.bib');
  for (const f of store.files) {
    const notes = store.path(f.file);
    const same = notes === target || (st !== null && ((s) => s !== null && s.dev === st.dev && s.ino === st.ino)(ctx.io.stat(notes)));
    if (same) throw new UsageError(`-o ${output} is the notes file ${f.file}; exporting would replace your notes`, 'write the export to another file');
  }
  const problem = ctx.io.replaceProblem(target);
  if (problem) throw new InputError(`${output} is read-only; nothing was written`, problem.kind === 'read-only' ? `chmod u+w ${output}, or write elsewhere` : "run papers as the file's owner, or write elsewhere");
  return target;
}

export async function runExport(ctx: Context, words: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(ExportOptionsSchema, rawOptions);
  const format = options.format ?? 'bibtex';
  if (options.ascii && format !== 'bibtex') throw new UsageError(`--ascii applies to BibTeX only, not --format ${format}`, 'leave out --ascii: the other formats are UTF-8');
  const store = await ctx.load();
  const target = options.output === undefined ? null : checkOutput(ctx, store, options.output);
  const positions = selectPositions(store, options, words);
  const entries = await store.linkedEntries(positions);
  const { text, unmapped } = render(format, entries, store, options);
  const name = FORMAT_NAMES[format];

  if (entries.length === 0) {
    // An empty export writes no file: an existing one keeps what it holds.
    if (target === null) ctx.io.stdout.write(text);
    ctx.err(target === null ? 'papers: no entries match' : `papers: no entries match; ${options.output} was not written`);
    return EXIT_FOUND;
  }
  if (target === null) ctx.io.stdout.write(text);
  else {
    try {
      await ctx.io.writeFileAtomic(target, new TextEncoder().encode(text));
    } catch (error) {
      throw new PapersError(`could not write ${options.output}: ${(error as Error).message}; nothing was written`, { hint: 'check the folder exists and may be written' });
    }
  }
  const lacking = entries.filter((e) => e.venue === null || e.year === null).length;
  const noun = entries.length === 1 ? 'entry' : 'entries';
  const where = target === null ? '' : ` to ${options.output}`;
  const lacked = lacking ? `; ${lacking} lacked a venue or year${format === 'bibtex' ? ' (written as @misc)' : ''}` : '';
  ctx.err(`papers: exported ${entries.length} ${noun} as ${name}${where}${lacked}`);
  if (unmapped.length) {
    const shown = unmapped.slice(0, 8).join(' ');
    ctx.err(`papers: warning: --ascii found no LaTeX for ${unmapped.length} character${unmapped.length === 1 ? '' : 's'} (${shown}${unmapped.length > 8 ? ' …' : ''}); they are kept as UTF-8`);
  }
  return EXIT_OK;
}
