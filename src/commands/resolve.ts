// Turns user-typed targets (sections, entries) into store objects, or a usage error that lists the choices.
import { UsageError } from '../errors.js';
import { resolveSection, summarizeSections, type SectionSource, type SectionSummary } from '../query/sections.js';

function sectionChoices(sections: readonly SectionSummary[]): string {
  return sections.map((s) => `  ${s.index}. ${s.slug ?? '-'}  ${s.title} (${s.count})`).join('\n');
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
