// Finds TODO markers (English and Chinese, any case, full-width too) in text, with their places.
import { lineOfOffset, type Lines } from './scan.js';
import type { Todo } from './schema.js';

export const DEFAULT_TODO_TERMS: readonly string[] = [
  'TODO',
  'FIXME',
  'XXX',
  'TBD',
  '待补充',
  '待完善',
  '待定',
  '待续',
  '待补',
  '待整理',
  '待确认',
  '待读',
  '待验证',
  '待核实',
  '待修改',
  '未完成',
];

export interface TodoMatch {
  marker: string;
  term: string;
  /** Index in the searched text. */
  index: number;
}

export interface TodoMatcher {
  /** Markers in one line of text, in order, never overlapping. */
  find(line: string): TodoMatch[];
  /** Markers anywhere in a text (a whole file): indexes into it. */
  findAll(text: string): TodoMatch[];
  terms: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their ASCII forms: the part
 * of NFKC that matters for markers, done one code unit for one so indexes stay valid.
 */
export function narrowWidth(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

const FULL_WIDTH_OFFSET = 0xfee0;
const WORD = 'A-Za-z0-9_\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF3F';

/** A pattern for one ASCII character that also accepts its other case and its full-width forms. */
function widthFreeChar(ch: string): string {
  const forms = new Set([ch, ch.toLowerCase(), ch.toUpperCase()]);
  for (const f of [...forms]) {
    const code = f.charCodeAt(0);
    if (code >= 0x21 && code <= 0x7e) forms.add(String.fromCharCode(code + FULL_WIDTH_OFFSET));
  }
  return forms.size === 1 ? escapeRegExp(ch) : `[${[...forms].map((f) => (/[\]\\^-]/.test(f) ? `\\${f}` : f)).join('')}]`;
}

export function createTodoMatcher(terms: readonly string[] = DEFAULT_TODO_TERMS): TodoMatcher {
  const unique = [...new Set(terms.map((t) => narrowWidth(t.trim())).filter(Boolean))];
  // Longer terms first, so `待补充` wins over `待补` at the same place.
  unique.sort((a, b) => b.length - a.length);
  const isLatin = (t: string) => /^[\x21-\x7e]+$/.test(t);
  const latin = unique.filter(isLatin);
  const other = unique.filter((t) => !isLatin(t));
  const parts: string[] = [];
  // NOTE: JS `\b` is ASCII-only and would not separate `TODO` from a Han character, which is what we
  // want here: a Latin term must not touch another letter, digit or `_` (ASCII or full-width).
  // Full-width and lower-case forms are in the pattern itself, so the text is never rewritten.
  if (latin.length) parts.push(`(?<![${WORD}])(?:${latin.map((t) => [...t].map(widthFreeChar).join('')).join('|')})(?![${WORD}])`);
  if (other.length) parts.push(`(?:${other.map(escapeRegExp).join('|')})`);
  const pattern = parts.length ? new RegExp(parts.join('|'), 'g') : null;
  const byFolded = new Map(unique.map((t) => [t.toLowerCase(), t]));
  const findAll = (text: string): TodoMatch[] => {
    if (!pattern) return [];
    const out: TodoMatch[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      out.push({ marker: m[0], term: byFolded.get(narrowWidth(m[0]).toLowerCase()) ?? m[0], index: m.index });
    }
    return out;
  };
  return { terms: unique, find: findAll, findAll };
}

/** Spans of a line where a marker is no note: papers-lint directives (`no-todo`) and URLs (`…/todo-app`). */
const NOT_NOTES = /<!--\s*papers-lint-[\s\S]*?-->|(?:https?:\/\/|www\.)[^\s<>()]+|\]\([^)\s]*/gi;

/** The [start, end) spans of a line that are no note, in order. */
function nonNoteSpans(line: string): [number, number][] {
  const out: [number, number][] = [];
  NOT_NOTES.lastIndex = 0;
  for (let m = NOT_NOTES.exec(line); m; m = NOT_NOTES.exec(line)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * The TODO markers of text[start, end) as store records, in order: one pass of the matcher, then
 * places and quotes for the few it finds. Markers inside papers-lint directives and URLs are left out.
 */
export function findTodos(text: string, lines: Lines, matcher: TodoMatcher, start = 0, end = text.length): Todo[] {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const out: Todo[] = [];
  // NOTE: a line's directives and URLs are found once, however many markers it holds: scanning the
  // line again for each marker made a long line with many markers quadratic.
  let spansLine = 0;
  let spans: [number, number][] = [];
  let next = 0;
  for (const m of matcher.findAll(slice)) {
    const offset = start + m.index;
    const line = lineOfOffset(lines, offset);
    const lineStart = lines.starts[line - 1]!;
    const lineText = text.slice(lineStart, lines.ends[line - 1]!);
    if (line !== spansLine) {
      spansLine = line;
      spans = nonNoteSpans(lineText);
      next = 0;
    }
    const at = offset - lineStart;
    // Markers come in order: the spans that end before this one are behind every later one too.
    while (next < spans.length && spans[next]![1] <= at) next++;
    if (next < spans.length && spans[next]![0] <= at) continue;
    out.push({
      marker: m.marker,
      term: m.term,
      context: quoteAround(lineText, offset - lineStart, m.marker.length),
      line,
      column: offset - lineStart + 1,
      offset,
    });
  }
  return out;
}

/** The text around a marker, at most `radius` characters each side, for a message. */
export function quoteAround(line: string, index: number, length: number, radius = 40): string {
  const trimmedStart = line.length - line.trimStart().length;
  const from = Math.max(trimmedStart, index - radius);
  const to = Math.min(line.trimEnd().length, index + length + radius);
  return `${from > trimmedStart ? '…' : ''}${line.slice(from, to)}${to < line.trimEnd().length ? '…' : ''}`;
}
