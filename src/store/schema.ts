// The store's single definition: zod schemas, and the types inferred from them.
// NOTE: zod/mini, not classic zod: the classic bundle alone adds ~60 ms to every start-up.
import * as z from 'zod/mini';

// NOTE: one instance each, shared by every field (schemas are immutable): a new one per field cost ~1.2 ms of each start.
const int = z.number().check(z.int());
const natural = z.number().check(z.int(), z.minimum(0));
const lineNumber = z.number().check(z.int(), z.minimum(1));

/** A half-open range [start, end) of offsets into the decoded text (UTF-16 code units; a BOM counts as one). */
export const RangeSchema = z.object({
  start: natural,
  end: natural,
});
export type Range = z.infer<typeof RangeSchema>;

export const HeadingSchema = z.object({
  /** The heading line's text after the marker and its spaces, exactly as written (trailing spaces kept). */
  raw: z.string(),
  /** Offset of `raw`'s first character. */
  rawOffset: natural,
  /** Offsets where the heading line starts and where it ends (before its line ending). */
  start: natural,
  end: natural,
});

export const DiagnosticSchema = z.object({
  file: z.string(),
  line: lineNumber,
  column: lineNumber,
  /** Stable machine-readable code, e.g. `heading-unbalanced-bracket`. */
  code: z.string(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const EolSchema = z.enum(['\n', '\r\n', '\r']);

/** Where a file's entries are: headings of one level (`{"heading": 3}`: `###` under `##`), or one per top-level list item. */
export const EntriesAtSchema = z.union(
  [z.strictObject({ heading: z.number().check(z.int(), z.minimum(2), z.maximum(6)) }), z.strictObject({ bullets: z.literal(true) })],
  { error: 'expected {"heading": 2..6} or {"bullets": true}' },
);
export type EntriesAt = z.infer<typeof EntriesAtSchema>;

/** Where a file's entries were read from, and whether that was detected or set in the config. */
export const EntryLayoutSchema = z.object({
  at: EntriesAtSchema,
  detected: z.boolean(),
  /** When no entry was found among many headings or list items: the setting that would read them. */
  suggestion: z.nullable(EntriesAtSchema),
});
export type EntryLayout = z.infer<typeof EntryLayoutSchema>;

export const FileInfoSchema = z.object({
  file: z.string(),
  /** The digest's `#` title, if it has one. */
  title: z.nullable(z.string()),
  bom: z.boolean(),
  /** The line ending the file uses most (LF when it has none). */
  eol: EolSchema,
  finalNewline: z.boolean(),
  length: natural,
  entries: EntryLayoutSchema,
});
export type FileInfo = z.infer<typeof FileInfoSchema>;

/**
 * The schemas of what a parse makes of an entry (its todos, links and fields), a section and a whole
 * digest: made on first use. NOTE: a warm `list` reads only the cached layout and never checks an
 * entry, so they cost it nothing (made at import, ~1 ms of every start).
 */
function makeEntrySchemas() {
  const TodoSchema = z.object({
    /** The marker as written, e.g. `TODO`, `ＦＩＸＭＥ`, `待补充`. */
    marker: z.string(),
    /** The configured term it matched, e.g. `TODO`, `待补充`. */
    term: z.string(),
    /** Text around the marker (at most 40 characters each side), for messages. */
    context: z.string(),
    line: lineNumber,
    column: lineNumber,
    offset: natural,
  });

  const LinkKindSchema = z.enum(['inline', 'reference', 'autolink', 'bare', 'image', 'definition']);

  const LinkSchema = z.object({
    url: z.string(),
    /** Link text (or image alt), empty for bare URLs and autolinks. */
    text: z.string(),
    kind: LinkKindSchema,
    /** True for a relative path (no scheme, not an in-page `#anchor`): a file next to the digest. */
    local: z.boolean(),
    line: lineNumber,
    column: lineNumber,
    offset: natural,
    endOffset: natural,
  });

  /**
   * How the venue as written relates to the registry.
   * canonical: the registered name (`NeurIPS`); alias: a registered alias (`NIPS`);
   * variant: a registered name written in another case or punctuation (`Arxiv`);
   * misspelled: within a small edit distance of exactly one registered name (`Arivx`);
   * unknown: not in the registry (kept as written); none: no venue.
   */
  const VenueMatchSchema = z.enum(['canonical', 'alias', 'variant', 'misspelled', 'unknown', 'none']);



  /** What an entry's heading says of it, as the heading grammar reads it: the same in an Entry and an EntryParse. */
  const headingFields = {
    title: z.string(),
    alias: z.nullable(z.string()),
    /** Canonical venue name when the registry knows it (also for aliases and misspellings), else as written. */
    venue: z.nullable(z.string()),
    /** The venue exactly as written in the heading. */
    venueRaw: z.nullable(z.string()),
    venueMatch: VenueMatchSchema,
    year: z.nullable(int),
    orgs: z.array(z.string()),
  };

  const EntrySchema = z.object({
    /** Stable, readable and unique within the store: derived from the alias or title, plus the year. */
    id: z.string().check(z.minLength(1)),
    ...headingFields,
    /** Title of the `##` section holding the entry; null for an entry before any section. */
    section: z.nullable(z.string()),
    /** The section's slug from the config, null when it has none. */
    sectionSlug: z.nullable(z.string()),
    file: z.string(),
    /** Heading line, 1-based. */
    line: lineNumber,
    /** Last line of the entry that has content (the heading line for an empty entry). */
    endLine: lineNumber,
    /** The body as written (markdown kept, line endings as `\n`), without leading and trailing blank lines. */
    notes: z.string(),
    todos: z.array(TodoSchema),
    links: z.array(LinkSchema),
    /** True when the body has no content (blank lines and HTML comments only). */
    stub: z.boolean(),
    heading: HeadingSchema,
    /** The entry's whole extent: from its heading line to the next structural heading or the end of the file. */
    range: RangeSchema,
    /** The body's extent: from the start of the line after the heading to `range.end`. */
    body: RangeSchema,
  });

  /**
   * An entry as parsed from its own text (its chunk: the heading line to the next structural heading)
   * and what it is parsed with: everything but what depends on the rest of the store (id, slug, file,
   * section), positions counted from the chunk's start (offset 0, line 1). `links` is null for a chunk
   * that may hold links, parsed without the markdown parser; `diagnostics` are the entry's own.
   */
  const EntryParseSchema = z.object({
    ...headingFields,
    endLine: lineNumber,
    notes: z.string(),
    todos: z.array(TodoSchema),
    links: z.nullable(z.array(LinkSchema)),
    stub: z.boolean(),
    heading: HeadingSchema,
    range: RangeSchema,
    body: RangeSchema,
    diagnostics: z.array(z.object({ line: lineNumber, column: lineNumber, code: z.string(), message: z.string() })),
  });

  const SectionSchema = z.object({
    title: z.string(),
    slug: z.nullable(z.string()),
    file: z.string(),
    line: lineNumber,
    /** Position of the section among the store's distinct section titles, 1-based. */
    index: lineNumber,
    heading: HeadingSchema,
    /** From the `##` line to the next `#`/`##` heading or the end of the file. */
    range: RangeSchema,
  });

  const DigestSchema = z.object({
    files: z.array(FileInfoSchema),
    sections: z.array(SectionSchema),
    entries: z.array(EntrySchema),
    diagnostics: z.array(DiagnosticSchema),
  });

  return { TodoSchema, LinkKindSchema, LinkSchema, VenueMatchSchema, EntrySchema, EntryParseSchema, SectionSchema, DigestSchema };
}

let madeEntrySchemas: ReturnType<typeof makeEntrySchemas> | undefined;
export const entrySchemas = (): ReturnType<typeof makeEntrySchemas> => (madeEntrySchemas ??= makeEntrySchemas());
type EntrySchemas = ReturnType<typeof makeEntrySchemas>;
export type Todo = z.infer<EntrySchemas['TodoSchema']>;
export type Link = z.infer<EntrySchemas['LinkSchema']>;
export type VenueMatch = z.infer<EntrySchemas['VenueMatchSchema']>;
export type Entry = z.infer<EntrySchemas['EntrySchema']>;
export type EntryParse = z.infer<EntrySchemas['EntryParseSchema']>;
export type Section = z.infer<EntrySchemas['SectionSchema']>;
export type Digest = z.infer<EntrySchemas['DigestSchema']>;

