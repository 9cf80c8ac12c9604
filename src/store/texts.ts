// Parses decoded texts (by file name, in store order) into one store, without the cache: for lint's
// fix loop (each pass parses only the chunks the fixes changed) and for tests. No file I/O.
import type { Config } from '../config/schema.js';
import { buildStore } from './build.js';
import { fileMayHoldLinks, type MarkdownParser } from './links.js';
import { registriesFor } from './load.js';
import { parseDigest, reuseChunks, type ParsedChunk } from './parse.js';
import type { Scan } from './scan.js';
import type { Digest } from './schema.js';
import type { VenueRegistry } from './venues.js';

export interface ParsedTexts {
  digest: Digest;
  venues: VenueRegistry;
  /** The markdown parser, when some text may hold a link (links are extracted with it). */
  markdown: MarkdownParser | undefined;
  /** Each file's line scan, by name. */
  scans: Map<string, Scan>;
  /** Each file's chunks, by name: what a later parse of changed texts reuses. */
  chunks: Map<string, ParsedChunk[]>;
}

/** The markdown parser, loaded only when one of the texts may hold a link. */
export async function markdownFor(texts: Iterable<string>): Promise<MarkdownParser | undefined> {
  for (const text of texts) if (fileMayHoldLinks(text)) return (await import('./markdown.js')).parseMarkdown;
  return undefined;
}

/** Parses texts into one store, links included; the parses of `previous` chunks are reused for chunks that did not change. */
export async function parseTexts(texts: ReadonlyMap<string, string>, config: Config, previous?: Iterable<Pick<ParsedChunk, 'source' | 'parse'>>): Promise<ParsedTexts> {
  const { venues, todos, entries } = registriesFor(config);
  const markdown = await markdownFor(texts.values());
  const reuse = previous && reuseChunks(previous);
  const parsed = [...texts].map(([file, text]) => parseDigest(text, file, { venues, todos, entries, markdown, reuse }));
  return {
    digest: buildStore(parsed, config.sections ?? {}),
    venues,
    markdown,
    scans: new Map(parsed.map((p) => [p.info.file, p.scan!])),
    chunks: new Map(parsed.map((p) => [p.info.file, p.chunks!])),
  };
}
