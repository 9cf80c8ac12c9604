// Merges parsed files into one store: section slugs and indexes, and stable unique entry ids.
import type { ParsedEntry, ParsedFile, ParsedSection } from './parse.js';
import type { Digest, Entry, Section } from './schema.js';
import { slugOfReading } from './pinyin.js';
import { slugify } from './text.js';

/** Words too common to name a paper: left out of ids, and of search terms. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'for', 'on', 'in', 'to', 'with', 'and', 'via', 'from', 'by', 'at', 'as', '&']);

/** The readable part of an id: the alias, else a short title (before a `:`), else its first words. */
export function idBase(entry: Pick<Entry, 'alias' | 'title' | 'year'>): string {
  let base = entry.alias ? slugify(entry.alias) : '';
  if (!base) {
    const beforeColon = entry.title.split(/[:：]/)[0]!.trim();
    const all = (beforeColon && beforeColon.split(/\s+/).length <= 3 ? beforeColon : entry.title).split(/\s+/).filter(Boolean);
    // NOTE: a stop word is dropped only before another word: last, it is a name (`Paper A`, beside
    // `Paper B`), not an article.
    const words = all
      .filter((w, i) => i === all.length - 1 || !STOP_WORDS.has(w.toLowerCase()))
      .slice(0, 3)
      .join(' ');
    base = slugify(words);
  }
  if (!base) base = 'entry';
  // Long unspaced scripts (a Chinese title) would make unwieldy ids.
  if (base.length > 40) base = [...base].slice(0, 40).join('').replace(/-+$/, '');
  return entry.year !== null ? `${base}-${entry.year}` : base;
}

/** Section title -> its configured slug (the first slug that names it). */
export function slugsByTitle(slugs: Readonly<Record<string, string>>): Map<string, string> {
  const slugByTitle = new Map<string, string>();
  for (const [slug, title] of Object.entries(slugs)) if (!slugByTitle.has(title.trim())) slugByTitle.set(title.trim(), slug);
  return slugByTitle;
}

/**
 * Slugs for every section: the configured ones, then for each heading without one, in order, the slug
 * of its reading (`推荐系统` -> `tuijian-xitong`), made unique with `-2`, `-3`. Slug -> heading, as the
 * config writes them (so the configured slug of a heading is always the one it is known by).
 */
export function sectionSlugs(configured: Readonly<Record<string, string>>, readings: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...configured };
  const named = new Set(Object.values(configured).map((t) => t.trim()));
  const taken = new Set(Object.keys(configured));
  for (const [title, reading] of Object.entries(readings)) {
    if (named.has(title)) continue;
    const base = slugOfReading(reading);
    if (!base) continue;
    const slug = uniqueId(base, taken);
    taken.add(slug);
    named.add(title);
    out[slug] = title;
  }
  return out;
}

/** The first of `base`, `base-2`, `base-3`... not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The store's sections from each file's, in store order: slugs from the config, one index per distinct title. */
export function storeSections(files: ReadonlyArray<readonly ParsedSection[]>, slugs: Readonly<Record<string, string>> = {}): Section[] {
  const slugByTitle = slugsByTitle(slugs);
  const sections: Section[] = [];
  // NOTE: sections with the same title in several files are one section: they share an index.
  const indexByTitle = new Map<string, number>();
  for (const list of files) {
    for (const s of list) {
      if (!indexByTitle.has(s.title)) indexByTitle.set(s.title, indexByTitle.size + 1);
      sections.push({ ...s, slug: slugByTitle.get(s.title) ?? null, index: indexByTitle.get(s.title)! });
    }
  }
  return sections;
}

/** Unique ids for entries with these id bases, in store order (`same-2018`, `same-2018-2`). */
export function uniqueIds(bases: Iterable<string>): string[] {
  const taken = new Set<string>();
  const ids: string[] = [];
  for (const base of bases) {
    const id = uniqueId(base, taken);
    taken.add(id);
    ids.push(id);
  }
  return ids;
}

/** Note: assigns ids and slugs into the parsed entries themselves; parse again for a second store. */
export function buildStore(files: readonly ParsedFile[], slugs: Readonly<Record<string, string>> = {}): Digest {
  const slugByTitle = slugsByTitle(slugs);
  const entries: Entry[] = [];
  for (const file of files) for (const e of file.entries) entries.push(e as Entry);
  const ids = uniqueIds(entries.map(idBase));
  entries.forEach((entry, i) => {
    // NOTE: filled in place: copying 100k entries costs more than the rest of this function.
    entry.id = ids[i]!;
    entry.sectionSlug = entry.section !== null ? (slugByTitle.get(entry.section) ?? null) : null;
  });
  return {
    files: files.map((f) => f.info),
    sections: storeSections(files.map((f) => f.sections), slugs),
    entries,
    diagnostics: files.flatMap((f) => f.diagnostics),
  };
}

/** One file of the store as parseDigest gave it (entries keep their ids, which a rebuild replaces). */
export function parsedFileOf(digest: Digest, file: string): ParsedFile {
  const info = digest.files.find((f) => f.file === file);
  if (!info) throw new Error(`parsedFileOf: no file ${file} in the store`);
  return {
    info,
    sections: digest.sections.filter((s) => s.file === file),
    entries: digest.entries.filter((e) => e.file === file),
    diagnostics: digest.diagnostics.filter((d) => d.file === file),
  };
}

/** The store again with one file's parse replaced and the others as they were (after an edit). */
export function rebuildWith(digest: Digest, replaced: ParsedFile, slugs: Readonly<Record<string, string>> = {}): Digest {
  const files = digest.files.map((info) => (info.file === replaced.info.file ? replaced : parsedFileOf(digest, info.file)));
  return buildStore(files, slugs);
}

/**
 * An entry as the store will hold it once inserted into `file` before that file's `index`-th old
 * entry: ids depend only on the entries before, which keep theirs, so its id is the first one free
 * among them (no rebuild of a big store for one new entry).
 */
export function insertedEntry(digest: Digest, file: string, index: number, entry: ParsedEntry, slugs: Readonly<Record<string, string>> = {}): Entry {
  const order = new Map(digest.files.map((f, i) => [f.file, i]));
  const at = order.get(file) ?? digest.files.length;
  const taken = new Set<string>();
  let inFile = 0;
  for (const e of digest.entries) {
    const o = order.get(e.file)!;
    if (o < at || (o === at && inFile++ < index)) taken.add(e.id);
  }
  const sectionSlug = entry.section !== null ? (slugsByTitle(slugs).get(entry.section) ?? null) : null;
  return { ...entry, id: uniqueId(idBase(entry), taken), sectionSlug };
}
