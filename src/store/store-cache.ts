// The store as the parse cache keeps it: `main` (the store without its entries), the entries in
// sections of CHUNK, and their texts (notes, raw headings) in sections of TEXT_CHUNK; read chunk by
// chunk, and parsed again where a section is damaged. No file I/O of its own.
import type { CachedSections } from './cache.js';
import type { Digest, Entry } from './schema.js';

/**
 * The store cache's `main` section: the store without its entries. The entries are in sections of
 * CHUNK entries, `entries-0`, `entries-1`..., without their texts (notes and raw heading lines, most
 * of a store's size), which are in `texts-0`, `texts-1`...: a command that shows a few entries in
 * full reads only theirs, and search reads only the entries it prints.
 */
export interface CachedStore {
  digest: Digest;
  /** How many entries the store holds. */
  size: number;
  /** False when links were skipped (`links: false`) in a file that may hold some. */
  withLinks: boolean;
}

interface CachedTexts {
  notes: string[];
  raw: string[];
}

export const CHUNK = 1024;
/** Entries per section of texts: a search reads the texts of the entries it prints, from ten sections at most. */
const TEXT_CHUNK = 128;

export function storeSections(digest: Digest, withLinks: boolean): Record<string, unknown> {
  const size = digest.entries.length;
  const sections: Record<string, unknown> = { main: { digest: { ...digest, entries: [] }, size, withLinks } satisfies CachedStore };
  for (let at = 0, c = 0; at < size; at += CHUNK, c++) {
    const chunk = digest.entries.slice(at, at + CHUNK);
    sections[`entries-${c}`] = chunk.map((e) => ({ ...e, notes: '', heading: { ...e.heading, raw: '' } }));
  }
  for (let at = 0, t = 0; at < size; at += TEXT_CHUNK, t++) {
    const chunk = digest.entries.slice(at, at + TEXT_CHUNK);
    sections[`texts-${t}`] = { notes: chunk.map((e) => e.notes), raw: chunk.map((e) => e.heading.raw) } satisfies CachedTexts;
  }
  return sections;
}

/**
 * A cached store, read chunk by chunk. A chunk the cache cannot give whole comes from `fresh` (a new
 * parse, without links) when there is one, else it is undefined.
 */
export class CachedChunks {
  private readonly entries = new Map<number, Entry[] | undefined>();
  /** Text chunks filled in. */
  private readonly texts = new Set<number>();
  /** Entry chunks taken from a new parse, texts included. */
  private readonly filled = new Set<number>();
  constructor(
    private readonly file: CachedSections,
    readonly size: number,
    private readonly names: ReadonlyMap<string, string>,
    private readonly fresh: () => Digest,
  ) {}

  private count(c: number): number {
    return Math.min(CHUNK, this.size - c * CHUNK);
  }

  /** The entries of chunk `c` as cached (files named for display), or undefined when the chunk is damaged. */
  cached(c: number): Entry[] | undefined {
    if (this.entries.has(c)) return this.entries.get(c);
    const value = this.file.section(`entries-${c}`);
    const chunk = Array.isArray(value) && value.length === this.count(c) ? (value as Entry[]) : undefined;
    if (chunk) for (const e of chunk) e.file = this.names.get(e.file) ?? e.file;
    this.entries.set(c, chunk);
    return chunk;
  }

  /** The entries of chunk `c`, from a new parse when the cache cannot give them. */
  chunk(c: number): Entry[] {
    let chunk = this.cached(c);
    if (!chunk) {
      chunk = this.fresh().entries.slice(c * CHUNK, c * CHUNK + this.count(c));
      for (const e of chunk) e.file = this.names.get(e.file) ?? e.file;
      this.entries.set(c, chunk);
      this.filled.add(c);
    }
    return chunk;
  }

  /** Fills in the texts of the entries of text chunk `t` (entries `t * TEXT_CHUNK`...). */
  fillTexts(t: number): void {
    if (this.texts.has(t)) return;
    const first = t * TEXT_CHUNK;
    const c = Math.floor(first / CHUNK);
    const chunk = this.chunk(c).slice(first - c * CHUNK, first - c * CHUNK + TEXT_CHUNK);
    if (!this.filled.has(c)) {
      const cached = this.file.section(`texts-${t}`) as CachedTexts | undefined;
      const whole = cached && Array.isArray(cached.notes) && Array.isArray(cached.raw) && cached.notes.length === chunk.length && cached.raw.length === chunk.length;
      const source = whole ? undefined : this.fresh().entries;
      chunk.forEach((e, i) => {
        const f = source?.[first + i];
        e.notes = f ? f.notes : cached!.notes[i]!;
        e.heading.raw = f ? f.heading.raw : cached!.raw[i]!;
      });
    }
    this.texts.add(t);
  }

  /** Fills in the texts of the entry at position `i`. */
  fillTextsOf(i: number): void {
    this.fillTexts(Math.floor(i / TEXT_CHUNK));
  }

  /** Fills in the texts of every entry. */
  fillAllTexts(): void {
    for (let t = 0; t * TEXT_CHUNK < this.size; t++) this.fillTexts(t);
  }
}
