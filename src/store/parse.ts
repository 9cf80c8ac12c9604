// parseDigest: one digest file's text -> sections, entries and diagnostics. Pure; never throws.
import { parseHeading } from './heading.js';
import { extractLinks, mayHoldLinks, type MarkdownParser } from './links.js';
import { scanDigest, type Lines, type Scan } from './scan.js';
import type { Diagnostic, Entry, FileInfo, Link, Section, Todo } from './schema.js';
import { createTodoMatcher, quoteAround, type TodoMatcher } from './todos.js';
import { createVenueRegistry, type VenueRegistry } from './venues.js';

export interface ParseOptions {
  venues?: VenueRegistry;
  todos?: TodoMatcher;
  /** Needed only for chunks that may hold links; without it, no links are extracted. */
  markdown?: MarkdownParser;
}

/** An entry before ids, slugs and section indexes are assigned across the whole store. */
export type ParsedEntry = Omit<Entry, 'id' | 'sectionSlug'>;
export type ParsedSection = Omit<Section, 'slug' | 'index'>;

export interface ParsedFile {
  info: FileInfo;
  sections: ParsedSection[];
  entries: ParsedEntry[];
  diagnostics: Diagnostic[];
  /** The line scan, kept for lint (lines, fences, heading levels) so the file is scanned once. */
  scan: Scan;
}

const defaultVenues = createVenueRegistry();
const defaultTodos = createTodoMatcher();

function lineText(text: string, lines: Lines, n: number): string {
  return text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
}

function dominantEol(text: string): FileInfo['eol'] {
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
    if (m) definitions.set(m[1]!.trim().toLowerCase().replace(/\s+/g, ' '), l);
  }
  return definitions;
}

/** True when a body has content other than blank lines and HTML comments. */
export function hasContent(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() !== '';
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
        column: heading.rawOffset - start,
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

    // An entry: the heading, then its body up to the next structural heading.
    const bodyStartLine = heading.line + 1;
    const bodyStart = Math.min(lineStart(bodyStartLine), end);
    const body = text.slice(bodyStart, end);
    const parsed = parseHeading(heading.raw, (name) => venues.canonicalOf(name) !== null);
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

    // Body lines: notes (trimmed of blank lines at both ends), todos, last line with content.
    const bodyLines: string[] = [];
    let lastContentLine = heading.line;
    const entryTodos: Todo[] = [];
    const scanTodos = (lineNo: number, lineStr: string, lineOffset: number): void => {
      for (const m of todos.find(lineStr)) {
        entryTodos.push({
          marker: m.marker,
          term: m.term,
          context: quoteAround(lineStr, m.index, m.marker.length),
          line: lineNo,
          column: m.index + 1,
          offset: lineOffset + m.index,
        });
      }
    };
    scanTodos(heading.line, lineText(text, lines, heading.line), start);
    const lastBodyLine = next ? next.line - 1 : lineCount;
    for (let n = bodyStartLine; n <= lastBodyLine; n++) {
      const l = lineText(text, lines, n);
      bodyLines.push(l);
      if (l.trim() !== '') lastContentLine = n;
      scanTodos(n, l, lines.starts[n - 1]!);
    }
    let first = 0;
    while (first < bodyLines.length && bodyLines[first]!.trim() === '') first++;
    let last = bodyLines.length;
    while (last > first && bodyLines[last - 1]!.trim() === '') last--;

    let links: Link[] = [];
    const chunk = text.slice(start, end);
    if (options.markdown && mayHoldLinks(chunk, definitions.size > 0)) {
      try {
        links = extractLinks(chunk, { offset: start, line: heading.line }, options.markdown, definitions);
      } catch (error) {
        diagnostics.push({
          file,
          line: heading.line,
          column: 1,
          code: 'markdown-error',
          message: `Could not read the links of this entry: ${(error as Error).message}`,
        });
      }
    }

    entries.push({
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
      endLine: lastContentLine,
      notes: bodyLines.slice(first, last).join('\n'),
      todos: entryTodos,
      links,
      stub: !hasContent(body),
      heading: headingInfo,
      range: { start, end },
      body: { start: bodyStart, end },
    });
  }

  return { info, sections, entries, diagnostics, scan };
}
