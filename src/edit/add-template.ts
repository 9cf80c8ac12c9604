// The `papers add --edit` template: written from what was given, read back from what the user saved. Pure.
import { UsageError } from '../errors.js';
import type { SectionSummary } from '../query/sections.js';
import { notesFromText, splitOrgs, type AddDraft } from './add-input.js';

export type SectionChoice = { kind: 'query'; query: string } | { kind: 'new'; title: string } | { kind: 'title'; title: string };

export interface TemplateValues {
  draft: AddDraft;
  section: SectionChoice | null;
}

const KEYS = ['title', 'alias', 'venue', 'year', 'orgs', 'section', 'new section'] as const;
type Key = (typeof KEYS)[number];

export function addTemplate(values: TemplateValues, sections: readonly SectionSummary[]): string {
  const { draft, section } = values;
  const sectionLine =
    section?.kind === 'new' ? `new section: ${section.title}` : `section: ${section?.kind === 'query' ? section.query : (section?.title ?? '')}`;
  const lines = [
    '# papers add: fill in the new entry, save and quit. Lines starting with "#" are ignored.',
    '# To add nothing, leave the title empty or quit without saving a change.',
    '#',
    '# venue: KDD\'18, or a venue name with the year on its own line; orgs: comma-separated.',
    '# section: a slug, part of a heading or a number, as for papers list --section;',
    '# or replace it with "new section: Heading" to start a section at the end of the digest.',
    ...sections.map((s) => `#   ${s.index}. ${s.slug ?? '-'}  ${s.title}`),
    '',
    `title: ${draft.title ?? ''}`,
    `alias: ${draft.alias ?? ''}`,
    `venue: ${draft.venue ?? ''}`,
    `year: ${draft.year ?? ''}`,
    `orgs: ${draft.orgs.join(', ')}`,
    sectionLine,
    'notes (one per line):',
    ...draft.notes.map((n) => `- ${n}`),
    '',
  ];
  return lines.join('\n');
}

/**
 * The saved template as values; null when it asks for nothing to be added (unchanged, or no title).
 * Fields left empty stay unset; a line that is not `field: value` is an error with its line number.
 */
export function readTemplate(saved: string, template: string): TemplateValues | null {
  if (saved.replace(/\r\n?/g, '\n') === template) return null;
  const found = new Map<Key, string>();
  const lines = saved.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let notesAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#') || line.trim() === '') continue;
    if (/^\s*notes\b[^:]*:\s*$/i.test(line)) {
      notesAt = i + 1;
      break;
    }
    const m = /^\s*([a-z ]+?)\s*:(.*)$/i.exec(line);
    const key = m?.[1]!.toLowerCase() as Key | undefined;
    if (!m || !key || !KEYS.includes(key)) {
      throw new UsageError(`line ${i + 1} of the saved template: expected "field: value" with a field among ${KEYS.join(', ')} or notes, got ${JSON.stringify(line)}`, 'run papers add --edit again');
    }
    found.set(key, m[2]!.trim());
  }
  const title = found.get('title') ?? '';
  if (title === '') return null;
  const value = (key: Key): string | undefined => (found.get(key) ? found.get(key) : undefined);
  const notes = notesAt < 0 ? [] : notesFromText(lines.slice(notesAt).filter((l) => !l.startsWith('#')).join('\n'));
  const newSection = value('new section');
  const section = value('section');
  if (newSection !== undefined && section !== undefined) {
    throw new UsageError('the saved template has both "section" and "new section"', 'keep one of them');
  }
  return {
    draft: {
      title,
      alias: value('alias'),
      venue: value('venue'),
      year: value('year'),
      orgs: splitOrgs(found.get('orgs') ?? ''),
      notes,
    },
    section: newSection !== undefined ? { kind: 'new', title: newSection } : section !== undefined ? { kind: 'query', query: section } : null,
  };
}
