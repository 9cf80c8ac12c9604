// parseDigest: one digest file's text -> sections, entries and diagnostics. Pure; never throws.
import { parseHeading } from './heading.js';
import { chunkKey, definitionPrefix, extractLinks, mayHoldLinks, shiftLinks, type LinkCache, type MarkdownParser } from './links.js';
import { lineOfOffset, scanDigest, type Lines, type Scan } from './scan.js';
import type { Diagnostic, Entry, FileInfo, Link, Section, Todo } from './schema.js';
import { createTodoMatcher, findTodos, type TodoMatcher } from './todos.js';
import { createVenueRegistry, type VenueRegistry } from './venues.js';

export interface ParseOptions {
  venues?: VenueRegistry;
  todos?: TodoMatcher;
  /** Needed only for chunks that may hold links; without it, no links are extracted (every `links` is empty). */
  markdown?: MarkdownParser | undefined;
  /** Reused link results of chunks parsed before (and filled with new ones). */
  linkCache?: LinkCache | undefined;
  /** Called now and then during a long parse with the share of the text done (0..1). */
  onProgress?: ((done: number) => void) | undefined;
}

/** An entry before its id and slug are assigned across the whole store (they are '' and null). */
export type ParsedEntry = Entry;
export type ParsedSection = Omit<Section, 'slug' | 'index'>;

export interface ParsedFile {
  info: FileInfo;
  sections: ParsedSection[];
  entries: ParsedEntry[];
  diagnostics: Diagnostic[];
  /** The line scan, kept for lint (lines, fences, heading levels) so the file is scanned once; absent when rebuilt from a store. */
  scan?: Scan;
}

const defaultVenues = createVenueRegistry();
const defaultTodos = createTodoMatcher();

function lineText(text: string, lines: Lines, n: number): string {
  return text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
}

function dominantEol(text: string): FileInfo['eol'] {
  // No \r at all: LF (also for a text without line endings), without counting.
  if (text.indexOf('\r') < 0) return '\n';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** Reference definitions of a file (`[label]: url` lines), by normalised label, for extractLinks. */
export function referenceDefinitions(text: string, scan: Pick<Scan, 'lines' | 'definitionLines'>): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const n of scan.definitionLines) {
    const l = lineText(text, scan.lines, n);
    const m = /^ {0,3}\[([^\]]+)\]:/.exec(l);
    // The first definition of a label wins, as in CommonMark.
    const label = m?.[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
    if (label !== undefined && !definitions.has(label)) definitions.set(label, l);
  }
  return definitions;
}

/** True when a body has content other than blank lines and HTML comments. */
export function hasContent(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() !== '';
}

/** What String.prototype.trim removes: a line of only these is blank. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x3000 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

export function parseDigest(text: string, file: string, options: ParseOptions = {}): ParsedFile {
  const venues = options.venues ?? defaultVenues;
  const todos = options.todos ?? defaultTodos;
  const scan = scanDigest(text);
  const { lines } = scan;
  const lineCount = lines.starts.length;
  const diagnostics: Diagnostic[] = scan.problems.map((p) => ({
    file,
    line: p.line,
    column: 1,
    code: p.code,
    message: p.message,
  }));

  const definitions = referenceDefinitions(text, scan);

  const info: FileInfo = {
    file,
    title: null,
    bom: text.charCodeAt(0) === 0xfeff,
    eol: dominantEol(text),
    finalNewline: /[\r\n]$/.test(text),
    length: text.length,
  };

  const sections: ParsedSection[] = [];
  const entries: ParsedEntry[] = [];
  let currentSection: ParsedSection | null = null;
  const headings = scan.headings;

  const lineStart = (n: number): number => (n > lineCount ? text.length : lines.starts[n - 1]!);
  const allTodos = findTodos(text, lines, todos);
  let todoAt = 0;

  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h]!;
    const next = headings[h + 1];
    const start = lines.starts[heading.line - 1]!;
    const headingEnd = lines.ends[heading.line - 1]!;
    const end = next ? lines.starts[next.line - 1]! : text.length;
    const headingInfo = { raw: heading.raw, rawOffset: heading.rawOffset, start, end: headingEnd };

    if (heading.missingSpace) {
      diagnostics.push({
        file,
        line: heading.line,
        column: heading.rawOffset - start + 1,
        code: 'heading-missing-space',
        message: `Missing space after "${'#'.repeat(heading.level)}", expected "${'#'.repeat(heading.level)} ${heading.raw.trim()}"`,
      });
    }

    if (heading.level === 1) {
      if (info.title === null) info.title = heading.raw.trim();
      currentSection = null;
      continue;
    }
    if (heading.level === 2) {
      let sectionEnd = text.length;
      for (let k = h + 1; k < headings.length; k++) {
        if (headings[k]!.level <= 2) {
          sectionEnd = lines.starts[headings[k]!.line - 1]!;
          break;
        }
      }
      currentSection = {
        title: heading.raw.trim(),
        file,
        line: heading.line,
        heading: headingInfo,
        range: { start, end: sectionEnd },
      };
      sections.push(currentSection);
      continue;
    }

    if (options.onProgress && entries.length % 2000 === 0) options.onProgress(start / Math.max(1, text.length));

    // An entry: the heading, then its body up to the next structural heading.
    const bodyStartLine = heading.line + 1;
    const bodyStart = Math.min(lineStart(bodyStartLine), end);
    const parsed = parseHeading(heading.raw, (name) => venues.isKnown(name));
    for (const issue of parsed.issues) {
      if (issue.code === 'trailing-punctuation') continue; // style, reported by lint
      diagnostics.push({
        file,
        line: heading.line,
        column: heading.rawOffset - start + issue.start + 1,
        code: `heading-${issue.code}`,
        message: issue.message,
      });
    }
    const venue = venues.resolve(parsed.venueRaw);

    // Notes: the body without blank lines at either end, sliced from the text in one piece.
    const lastBodyLine = next ? next.line - 1 : lineCount;
    let firstContent = 0;
    let lastContent = 0;
    for (let n = bodyStartLine; n <= lastBodyLine; n++) {
      if (!isBlankLine(text, lines.starts[n - 1]!, lines.ends[n - 1]!)) {
        if (!firstContent) firstContent = n;
        lastContent = n;
      }
    }
    let notes = firstContent ? text.slice(lines.starts[firstContent - 1]!, lines.ends[lastContent - 1]!) : '';
    if (notes.includes('\r')) notes = notes.replace(/\r\n?/g, '\n');
    const stub = !firstContent || (notes.includes('<!--') && !hasContent(notes));

    // TODO markers of the whole file are found once; take this entry's share (they are in order).
    const entryTodos: Todo[] = [];
    while (todoAt < allTodos.length && allTodos[todoAt]!.offset < start) todoAt++;
    for (; todoAt < allTodos.length && allTodos[todoAt]!.offset < end; todoAt++) entryTodos.push(allTodos[todoAt]!);

    // The heading and the body are parsed apart: a heading is a line of its own in any case.
    const links: Link[] = [];
    if (options.markdown) {
      // NOTE: a BOM is no part of the first line for the markdown parser: start the chunk after it,
      // or every offset in it would be one short.
      const headingStart = start === 0 && info.bom ? 1 : start;
      const headingLine = text.slice(headingStart, headingEnd);
      const parts: Array<[string, number, number]> = [];
      if (mayHoldLinks(headingLine, definitions)) parts.push([headingLine, headingStart, heading.line]);
      const body = text.slice(bodyStart, end);
      if (mayHoldLinks(body, definitions)) parts.push([body, bodyStart, bodyStartLine]);
      for (const [chunk, offset, line] of parts) {
        try {
          const prefix = definitionPrefix(chunk, definitions);
          const key = options.linkCache ? chunkKey(chunk, prefix) : '';
          let found = options.linkCache?.get(key);
          if (!found) {
            found = extractLinks(chunk, { offset: 0, line: 1 }, options.markdown, prefix);
            options.linkCache?.set(key, found);
          }
          links.push(...shiftLinks(found, { offset, line }));
        } catch (error) {
          diagnostics.push({
            file,
            line,
            column: 1,
            code: 'markdown-error',
            message: `Could not read the links of this entry: ${(error as Error).message}`,
          });
        }
      }
    }

    entries.push({
      id: '',
      sectionSlug: null,
      title: parsed.title,
      alias: parsed.alias,
      venue: venue.venue,
      venueRaw: parsed.venueRaw,
      venueMatch: venue.match,
      year: parsed.year,
      orgs: parsed.orgs,
      section: currentSection?.title ?? null,
      file,
      line: heading.line,
      endLine: lastContent || heading.line,
      notes,
      todos: entryTodos,
      links,
      stub,
      heading: headingInfo,
      range: { start, end },
      body: { start: bodyStart, end },
    });
  }

  return { info, sections, entries, diagnostics, scan };
}
