// Merges parsed files into one store: section slugs and indexes, and stable unique entry ids.
import type { ParsedFile } from './parse.js';
import type { Digest, Entry, Section } from './schema.js';
import { slugify } from './text.js';

/** Words too common to name a paper: left out of ids, and of search terms. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'for', 'on', 'in', 'to', 'with', 'and', 'via', 'from', 'by', 'at', 'as', '&']);

/** The readable part of an id: the alias, else a short title (before a `:`), else its first words. */
export function idBase(entry: Pick<Entry, 'alias' | 'title' | 'year'>): string {
  let base = entry.alias ? slugify(entry.alias) : '';
  if (!base) {
    const beforeColon = entry.title.split(/[:：]/)[0]!.trim();
    const words = (beforeColon && beforeColon.split(/\s+/).length <= 3 ? beforeColon : entry.title)
      .split(/\s+/)
      .filter((w) => w && !STOP_WORDS.has(w.toLowerCase()))
      .slice(0, 3)
      .join(' ');
    base = slugify(words);
  }
  if (!base) base = 'entry';
  // Long unspaced scripts (a Chinese title) would make unwieldy ids.
  base = [...base].slice(0, 40).join('').replace(/-+$/, '');
  return entry.year !== null ? `${base}-${entry.year}` : base;
}

export function buildStore(files: readonly ParsedFile[], slugs: Readonly<Record<string, string>> = {}): Digest {
  const slugByTitle = new Map<string, string>();
  for (const [slug, title] of Object.entries(slugs)) if (!slugByTitle.has(title.trim())) slugByTitle.set(title.trim(), slug);

  const sections: Section[] = [];
  // NOTE: sections with the same title in several files are one section: they share an index.
  const indexByTitle = new Map<string, number>();
  for (const file of files) {
    for (const s of file.sections) {
      if (!indexByTitle.has(s.title)) indexByTitle.set(s.title, indexByTitle.size + 1);
      sections.push({ ...s, slug: slugByTitle.get(s.title) ?? null, index: indexByTitle.get(s.title)! });
    }
  }

  const taken = new Set<string>();
  const entries: Entry[] = [];
  for (const file of files) {
    for (const e of file.entries) {
      const base = idBase(e);
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      entries.push({ ...e, id, sectionSlug: e.section !== null ? (slugByTitle.get(e.section) ?? null) : null });
    }
  }

  return {
    files: files.map((f) => f.info),
    sections,
    entries,
    diagnostics: files.flatMap((f) => f.diagnostics),
  };
}
