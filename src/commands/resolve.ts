// Turns user-typed targets (sections, entries) into store objects, or a usage error that lists the choices.
import { EXIT_FOUND, EXIT_USAGE, UsageError } from '../errors.js';
import { findEntries } from '../query/find.js';
import { resolveSection, summarizeSections, type SectionSource, type SectionSummary } from '../query/sections.js';
import { venueLabel } from '../report/entries.js';
import { renderRows } from '../report/terminal.js';
import { measureFor, textWidth } from '../report/width.js';
import type { EntrySummary } from '../store/layout.js';
import type { Context } from './context.js';

/** The sections aligned in columns, as `papers sections` shows them: number, slug, heading, count. */
function sectionChoices(sections: readonly SectionSummary[]): string {
  const rows = sections.map((s) => [`${s.index}.`, s.slug ?? '-', s.title, `(${s.count})`]);
  return renderRows(rows, [{ align: 'right' }, {}, {}, { align: 'right' }], { indent: '  ', measure: textWidth }).join('\n');
}

/** The section title for `query`, or a UsageError listing the sections with their slugs and counts. */
export function requireSection(digest: SectionSource, query: string): string {
  const r = resolveSection(digest, query);
  if (r.kind === 'found') return r.title;
  const all = summarizeSections(digest);
  if (all.length === 0) throw new UsageError(`no section matches "${query}": the digest has no sections`, 'add a "## Section" heading');
  if (r.kind === 'ambiguous') {
    throw new UsageError(
      `section "${query}" is ambiguous; it matches:\n${sectionChoices(r.candidates)}`,
      'use a slug, more of the heading, or the number',
    );
  }
  throw new UsageError(`no section matches "${query}"; the sections are:\n${sectionChoices(all)}`, 'use a slug, part of the heading, or the number');
}

/** Aligned `id  title  venue  file:line` rows, for "which one did you mean" messages. */
export async function formatCandidates(entries: ReadonlyArray<Pick<EntrySummary, 'id' | 'title' | 'venue' | 'year' | 'file' | 'line'>>): Promise<string> {
  const rows = entries.map((e) => [e.id, e.title, venueLabel(e), `${e.file}:${e.line}`]);
  return renderRows(rows, [{}, {}, {}, {}], { indent: '  ', measure: await measureFor(rows.flat()) }).join('\n');
}

/**
 * The one entry `query` names (an id, an alias or title words), or the exit code after saying on
 * stderr that none matches (1) or listing the several that do (2). `unchanged`, for writers, says
 * so in both messages ("nothing was added").
 */
export async function requireOneEntry(ctx: Context, summaries: readonly EntrySummary[], query: string, unchanged?: string): Promise<EntrySummary | number> {
  const found = findEntries(summaries, query);
  if (found.length === 0) {
    const hint = summaries.length ? `try papers search ${JSON.stringify(query)}` : 'the notes hold no entries yet; papers add adds one';
    ctx.err(`papers: no entry matches "${query}"${unchanged ? `; ${unchanged}` : ''} (${hint})`);
    return EXIT_FOUND;
  }
  if (found.length > 1) {
    ctx.err(`papers: "${query}" matches ${found.length} entries:\n${await formatCandidates(found)}\n(give the id to pick one${unchanged ? `; ${unchanged}` : ''})`);
    return EXIT_USAGE;
  }
  return found[0]!;
}
