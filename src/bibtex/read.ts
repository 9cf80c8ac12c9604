// BibTeX text -> entries with their line and their fields decoded from LaTeX, through citation-js.
// Pure (no I/O), but heavy: bundled apart (dist/lazy/bibtex.cjs) and loaded only by `add --bibtex`.
import * as citation from '../shims/citation.cjs';

export interface BibEntry {
  /** Lower case: `inproceedings`. */
  type: string;
  key: string;
  /** The line of the entry's `@`, 1-based. */
  line: number;
  /** Field values as written (macros expanded), by lower-case field name. */
  raw: Record<string, string>;
  /** The fields papers reads (title, shorttitle, booktitle, journal, year, date, eprint...), decoded from LaTeX to Unicode: markup dropped, white space collapsed. */
  fields: Record<string, string>;
}

/** The text is not BibTeX citation-js can read. */
export class BibtexSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** The entry the problem is in (its key and line), when it is inside one. */
    readonly entry: { key: string; line: number } | null,
  ) {
    super(message);
    this.name = 'BibtexSyntaxError';
  }
}

// What citation-js makes of formatting commands (\textit, \textsc, \textsuperscript...): HTML tags.
const MARKUP = /<\/?(?:i|b|sup|sub)>|<span(?: class="nocase"| style="font-variant:\s*small-caps;?")>|<\/span>/g;

/** The fields papers reads (the others, authors first, are left undecoded). */
const DECODED: ReadonlySet<string> = new Set(['title', 'shorttitle', 'booktitle', 'journal', 'journaltitle', 'howpublished', 'eventtitle', 'year', 'date', 'eprint', 'eprinttype', 'archiveprefix', 'url', 'doi']);

/** A decoded value as plain text: markup dropped, white space (no-break spaces too) collapsed. */
export function plainText(decoded: string): string {
  return decoded.replace(MARKUP, '').replace(/[\s\u00a0\u2000-\u200b\u202f\u3000]+/g, ' ').trim();
}

const lineStarts = (text: string): number[] => {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
};

const lineOf = (starts: readonly number[], offset: number): number => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where entries seem to start (`@type{key`), for naming the entry a syntax error is in. */
function entryHeads(text: string): Array<{ offset: number; key: string }> {
  const heads: Array<{ offset: number; key: string }> = [];
  for (const m of text.matchAll(/@[ \t]*([A-Za-z][\w:+-]*)[ \t\r\n]*[{(][ \t\r\n]*([^,\s{}()"=]*)/g)) {
    if (/^(comment|string|preamble)$/i.test(m[1]!)) continue;
    heads.push({ offset: m.index, key: m[2]! });
  }
  return heads;
}

/** A library message made readable: what is wrong, without its own position and excerpt. */
function reasonOf(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+ col \d+:?$/, '').trim();
  if (/^expected "rbrace", got EOF/.test(first)) return 'the entry is never closed: a } is missing (or a brace in a value is unbalanced)';
  if (/^expected "rbrace", got "identifier"/.test(first)) return 'a field is not followed by a comma (or the entry is not closed)';
  if (/^expected "label"/.test(first)) return 'the entry has no key: expected @type{key, ...}';
  if (/^expected "equals"/.test(first)) return 'a field name is not followed by "="';
  if (/^expected "text", got EOF/.test(first)) return 'a value is never closed: a } or " is missing';
  if (/^expected "lbrace"/.test(first)) return 'expected "{" after the entry type';
  if (/^invalid syntax/.test(first)) return 'unbalanced braces or quotes in a value';
  return first;
}

const positionOf = (message: string): { line: number; column: number } => {
  const at = / at line (\d+) col (\d+)/.exec(message);
  return at ? { line: Number(at[1]), column: Number(at[2]) } : { line: 1, column: 1 };
};

/**
 * The entry a syntax error is in. The parser stops where it notices (an unclosed quote shows only at
 * the end of the file), so each entry is parsed alone: the first that fails is the one to fix.
 */
function locateSyntaxError(source: string, starts: readonly number[], error: Error): BibtexSyntaxError {
  const heads = entryHeads(source);
  for (const [k, head] of heads.entries()) {
    const chunk = source.slice(head.offset, heads[k + 1]?.offset ?? source.length);
    try {
      citation.parseEntries(chunk);
    } catch (inner) {
      const message = (inner as Error).message;
      const first = lineOf(starts, head.offset);
      // Running out of text means the entry never closes: point at its start.
      const at = /got EOF/.test(message) ? { line: 1, column: 1 } : positionOf(message);
      const line = first + at.line - 1;
      const column = at.line === 1 ? head.offset - starts[first - 1]! + at.column : at.column;
      return new BibtexSyntaxError(reasonOf(message), line, column, { key: head.key, line: first });
    }
  }
  const at = positionOf(error.message);
  const offset = (starts[at.line - 1] ?? source.length) + at.column - 1;
  const head = heads.filter((h) => h.offset < offset).at(-1);
  return new BibtexSyntaxError(reasonOf(error.message), at.line, at.column, head ? { key: head.key, line: lineOf(starts, head.offset) } : null);
}

/** The entries of a BibTeX text, in order; @string macros expanded, @comment and @preamble skipped. */
export function readBibtex(text: string): BibEntry[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts = lineStarts(source);
  let raw: ReturnType<typeof citation.parseEntries>;
  try {
    raw = citation.parseEntries(source);
  } catch (error) {
    throw locateSyntaxError(source, starts, error as Error);
  }
  let cursor = 0;
  return raw.map((entry) => {
    const head = new RegExp(`@\\s*${escapeRegExp(entry.type)}\\s*[{(]\\s*${escapeRegExp(entry.label)}\\s*,`, 'gi');
    head.lastIndex = cursor;
    const m = head.exec(source);
    if (m) cursor = m.index + m[0].length;
    const rawFields: Record<string, string> = {};
    const fields: Record<string, string> = {};
    const line = lineOf(starts, m ? m.index : cursor);
    for (const [name, value] of Object.entries(entry.properties)) {
      const text = String(value);
      rawFields[name] = text;
      if (!DECODED.has(name)) continue;
      try {
        // NOTE: citation-js reads `\^{}` and `\~{}` (an accent on nothing: the character itself) as "undefined".
        // Google Scholar protects words as `$\{$TVM$\}$`: math braces, meaning `{TVM}`.
        const latex = text
          .replace(/\$\\\{\$([^$]*)\$\\\}\$/g, '{$1}')
          .replace(/\\\^\{\}/g, '\\textasciicircum{}')
          .replace(/\\~\{\}/g, '\\textasciitilde{}');
        const decoded: unknown = latex === '' ? '' : citation.decodeValue(latex, name);
        if (typeof decoded === 'string') fields[name] = plainText(decoded);
      } catch (error) {
        throw new BibtexSyntaxError(`its ${name} cannot be decoded: ${reasonOf((error as Error).message)}`, line, 1, { key: entry.label, line });
      }
    }
    return { type: entry.type.toLowerCase(), key: entry.label, line, raw: rawFields, fields };
  });
}

let types: ReadonlySet<string> | undefined;

/** Whether BibTeX or biblatex defines this entry type. */
export function isKnownType(type: string): boolean {
  types ??= new Set(citation.entryTypes());
  return types.has(type.toLowerCase());
}

/** The known entry types, for messages. */
export function knownTypes(): string[] {
  types ??= new Set(citation.entryTypes());
  return [...types];
}
