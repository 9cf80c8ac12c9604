// The one frozen context every rule gets: the parsed store, each file's text and lines, and shared caches.
import * as path from 'node:path';
import { parseHeading, type ParsedHeading } from '../store/heading.js';
import { definitionPrefix, extractLinks, mayHoldLinks, type MarkdownParser } from '../store/links.js';
import type { OrgRegistry } from '../store/orgs.js';
import { lineOfOffset, scanDigest, type Lines, type Scan } from '../store/scan.js';
import { referenceDefinitions } from '../store/parse.js';
import { keyOf } from '../store/text.js';
import type { Digest, Entry, FileInfo, Link } from '../store/schema.js';
import type { VenueRegistry } from '../store/venues.js';
import { parseDirectives, type Directives, type RuleNames } from './directives.js';

export interface LintFile {
  /** The name used in the store and in messages (`notes/papers.md`). */
  name: string;
  /** Where the file is, for resolving relative links (absolute when known). */
  path: string;
  text: string;
  info: FileInfo;
  lines: Lines;
  scan: Scan;
  directives: Directives;
}

export interface LintContext {
  readonly digest: Digest;
  readonly files: readonly LintFile[];
  readonly venues: VenueRegistry;
  readonly orgs: OrgRegistry;
  file(name: string): LintFile;
  /** The entry's heading, parsed once and shared by every rule. */
  heading(entry: Entry): ParsedHeading;
  /** How an entry heading of this file would read with this text (what a fix of it would make). */
  headingAs(file: string, raw: string): ParsedHeading;
  /** keyOf(text) (store/text.ts), made once. */
  nameKey(text: string): string;
  /** Links of a file outside its entries (before the first section, section intros); entries hold their own. */
  looseLinks(file: string): readonly Link[];
  /** Whether a path (from linkTarget) exists; the command prepares the answers, rules do no I/O. */
  exists(target: string): boolean;
  /** 1-based line and column (UTF-16 code units; a BOM is not counted) of an offset. */
  position(file: string, offset: number): { line: number; column: number };
}

export interface LintContextInput {
  digest: Digest;
  /** Each file's text, by the name used in the store. */
  texts: ReadonlyMap<string, string>;
  /** Each file's path, by the same name; the name itself when absent. */
  paths?: ReadonlyMap<string, string>;
  venues: VenueRegistry;
  orgs: OrgRegistry;
  exists?: (target: string) => boolean;
  ruleNames: RuleNames;
  /** Needed for looseLinks; without it there are none. */
  markdown?: MarkdownParser | undefined;
  /** The parse's line scans of these texts by file name, when at hand (else each file is scanned here). */
  scans?: ReadonlyMap<string, Scan>;
  /**
   * What earlier lints with the same venue registry worked out, to take again and add to (the language
   * server lints every keystroke; most headings and titles did not change).
   */
  memo?: LintMemo;
}

/** Headings parsed (by marker, then text) and comparison keys made (by text) by earlier lints. */
export interface LintMemo {
  headings: Map<string, Map<string, ParsedHeading>>;
  keys: Map<string, string>;
}

export function createLintMemo(): LintMemo {
  return { headings: new Map(), keys: new Map() };
}

/** Headings, or keys, a memo keeps at most: past it, it starts again (typing in a heading adds one a keystroke). */
const MEMO_MAX = 200_000;

/**
 * The file a relative link points at, from the linking file's path: the URL without `?query`
 * and `#fragment`, percent-decoded; null for a link to the page itself (`#anchor`).
 */
export function linkTarget(from: string, url: string): string | null {
  let target = url.replace(/[?#][\s\S]*$/, '');
  if (!target) return null;
  try {
    target = decodeURIComponent(target);
  } catch {
    // A stray `%` is a plain character in a file name.
  }
  return path.isAbsolute(target) ? path.normalize(target) : path.join(path.dirname(from), target);
}

/** Links in the stretches of a file that no entry covers. */
function findLooseLinks(file: LintFile, entries: readonly Entry[], markdown: MarkdownParser | undefined): Link[] {
  const references = file.scan.definitionLines.length > 0;
  if (!markdown || !mayHoldLinks(file.text, references)) return [];
  const gaps: Array<[number, number]> = [];
  let cursor = 0;
  for (const entry of entries) {
    if (entry.file !== file.name) continue;
    if (entry.range.start > cursor) gaps.push([cursor, entry.range.start]);
    cursor = Math.max(cursor, entry.range.end);
  }
  if (cursor < file.text.length) gaps.push([cursor, file.text.length]);
  const definitions = referenceDefinitions(file.text, file.scan);
  const links: Link[] = [];
  for (const [start, end] of gaps) {
    const chunk = file.text.slice(start, end);
    if (!mayHoldLinks(chunk, references)) continue;
    links.push(...extractLinks(chunk, { offset: start, line: lineOfOffset(file.lines, start) }, markdown, definitionPrefix(chunk, definitions)));
  }
  return links;
}

export function createLintContext(input: LintContextInput): LintContext {
  const files: LintFile[] = [];
  const byName = new Map<string, LintFile>();
  for (const info of input.digest.files) {
    const text = input.texts.get(info.file) ?? '';
    const scan = input.scans?.get(info.file) ?? scanDigest(text);
    const file: LintFile = Object.freeze({
      name: info.file,
      path: input.paths?.get(info.file) ?? info.file,
      text,
      info,
      lines: scan.lines,
      scan,
      directives: parseDirectives(text, scan.lines, scan.fences, input.ruleNames),
    });
    files.push(file);
    byName.set(info.file, file);
  }
  const headings = new Map<Entry, ParsedHeading>();
  /** Each file's entry marker, and the memo's headings for it. */
  const markers = new Map<string, { marker: string; byText: Map<string, ParsedHeading> }>();
  const headingsOf = (file: string): { marker: string; byText: Map<string, ParsedHeading> } => {
    let got = markers.get(file);
    if (!got) {
      const at = byName.get(file)?.info.entries.at;
      const marker = at && 'bullets' in at ? '- ' : at ? `${'#'.repeat(at.heading)} ` : '### ';
      // NOTE: by marker, then by the heading's own text: an entry's text is the same string from one
      // lint to the next, so finding it again costs no new key.
      let byText = memo.headings.get(marker);
      if (!byText) memo.headings.set(marker, (byText = new Map()));
      markers.set(file, (got = { marker, byText }));
    }
    return got;
  };
  const memo = input.memo ?? createLintMemo();
  let memoSize = 0;
  for (const byText of memo.headings.values()) memoSize += byText.size;
  if (memoSize > MEMO_MAX) memo.headings.clear();
  if (memo.keys.size > MEMO_MAX) memo.keys.clear();
  const loose = new Map<string, Link[]>();
  const isVenue = (name: string): boolean => input.venues.isKnown(name);
  const exists = input.exists ?? (() => true);

  const context: LintContext = {
    digest: input.digest,
    files: Object.freeze(files),
    venues: input.venues,
    orgs: input.orgs,
    file(name) {
      const f = byName.get(name);
      if (!f) throw new Error(`lint: no text for ${name}`);
      return f;
    },
    heading(entry) {
      let h = headings.get(entry);
      if (!h) {
        h = context.headingAs(entry.file, entry.heading.raw);
        headings.set(entry, h);
      }
      return h;
    },
    headingAs(file, raw) {
      const { marker, byText } = headingsOf(file);
      let h = byText.get(raw);
      if (!h) byText.set(raw, (h = parseHeading(raw, isVenue, { marker })));
      return h;
    },
    nameKey(text) {
      let key = memo.keys.get(text);
      if (key === undefined) memo.keys.set(text, (key = keyOf(text)));
      return key;
    },
    looseLinks(name) {
      let links = loose.get(name);
      if (!links) {
        links = findLooseLinks(context.file(name), input.digest.entries, input.markdown);
        loose.set(name, links);
      }
      return links;
    },
    exists,
    position(name, offset) {
      const { lines, info } = context.file(name);
      const line = lineOfOffset(lines, offset);
      const bom = line === 1 && info.bom ? 1 : 0;
      return { line, column: Math.max(1, offset - lines.starts[line - 1]! - bom + 1) };
    },
  };
  return Object.freeze(context);
}
