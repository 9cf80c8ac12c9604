// Line scanner: finds lines, line endings, the headings (`#` to `######`, and `<h1>`..`<h6>` lines) and
// the top-level list items of a digest, skipping look-alike lines inside fenced code, HTML comments
// and front matter.

export interface Lines {
  /** Offset where each line starts; line n (1-based) starts at starts[n - 1]. */
  starts: number[];
  /** Offset where each line's content ends (before its line ending). */
  ends: number[];
}

export function splitLines(text: string): Lines {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  const n = text.length;
  // Most digests have LF line endings only: jump from one \n to the next (indexOf is native).
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      starts.push(start);
      ends.push(i);
      start = i + 1;
    }
    if (start < n || starts.length === 0) {
      starts.push(start);
      ends.push(n);
    }
    return { starts, ends };
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      starts.push(start);
      ends.push(i);
      start = i + 1;
    } else if (c === 13 /* \r */) {
      starts.push(start);
      ends.push(i);
      if (text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  // A final line without a line ending (also the single empty line of an empty text).
  if (start < n || starts.length === 0) {
    starts.push(start);
    ends.push(n);
  }
  return { starts, ends };
}

/** The 1-based line holding an offset (binary search). */
export function lineOfOffset(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Any heading line: ATX (`#` to `######`) or an HTML heading on a line of its own (`<h3 id="x">Text</h3>`). */
export interface OutlineHeading {
  level: number;
  line: number;
  /** The text after the marker (ATX), or between the tags (HTML), as written. */
  raw: string;
  rawOffset: number;
  missingSpace: boolean;
  html: boolean;
}

/** A list item at the top level (its marker indented at most one space): `- x`, `* x`, `1. x`. */
export interface ListItemLine {
  line: number;
  /** The text after the marker and its spaces, as written. */
  raw: string;
  rawOffset: number;
}

export interface ScanProblem {
  line: number;
  code: 'unclosed-fence' | 'unclosed-comment';
  message: string;
}

export interface Scan {
  lines: Lines;
  /** Every heading outside code, comments and front matter, ATX (`html: false`) or HTML, of any level, in line order. */
  outline: OutlineHeading[];
  /** Top-level list items, in line order: read on first use (a digest of headings never needs its notes' bullets as items). */
  readonly items: ListItemLine[];
  /** Where they are: their lines, 0-based. */
  readonly itemLines: readonly number[];
  /**
   * The items nested right under a top-level item, before line `end` (1-based, exclusive): those
   * indented as the first of them is, outside code fences.
   */
  children(item: ListItemLine, end: number): ListItemLine[];
  /** Lines (1-based) that are thematic breaks (`---`, `***`, `___`) outside code. */
  breaks: number[];
  /** Lines (1-based) of reference definitions `[label]: url` outside code. */
  definitionLines: number[];
  problems: ScanProblem[];
  /** Number of front-matter lines at the top (0 when none). */
  frontMatterLines: number;
  /** Fenced code blocks as [first line, last line] (1-based, fence lines included). */
  fences: Array<[number, number]>;
  /** Whether the text ends inside a code fence, an HTML comment or a raw HTML block (`<pre>`...). */
  endsOpen: boolean;
  /** Whether `items` was read: what was decided from this scan may depend on the list items only then. */
  itemsRead(): boolean;
}

// NOTE: the `s` flag: a line may hold U+2028 or U+2029, which `.` does not match otherwise (and
// which are no line endings in CommonMark).
/** A fence opens at any indentation, also after list markers and `>` (`- ```python`). */
const FENCE_OPEN = /^((?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+|[ \t]*>[ \t]?)*)[ \t]*(`{3,}|~{3,})(.*)$/s;
const FENCE_CLOSE = /^(?:[ \t]*>[ \t]?)*[ \t]*(`{3,}|~{3,})[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/s;
const ATX_NO_SPACE = /^ {0,3}(#{2,3})([^#\s].*)$/s;
/** A YAML key line: what makes a `---` on the first line front matter rather than a thematic break. */
const YAML_KEY = /^[A-Za-z_][\w.-]*[ \t]*:/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const HTML_RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i;
/** `<h3>Text</h3>`, `<h2 id="x"><a href="#x">Text</a></h2>` on a line of their own. */
const HTML_HEADING = /^ {0,3}<h([1-6])(?:\s[^<>]*)?>(.*)<\/h\1\s*>\s*$/is;
const LIST_ITEM = /^ ?(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)/;
const NESTED_ITEM = /^([ \t]+)(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** An ATX heading line (without its line ending and BOM): its level, its text and where that starts. */
export interface HeadingLine {
  level: number;
  /** The text after the marker and its spaces, as written (a closing `###` sequence removed). */
  raw: string;
  /** Index of `raw` in the line. */
  rawStart: number;
  /** True for `###Title`: no space after the marker. */
  missingSpace: boolean;
}

/** The heading a line is, or null; `##Title` and `###Title` (no space) count, as plainly meant. */
export function headingOfLine(line: string): HeadingLine | null {
  const atx = ATX.exec(line);
  if (atx) {
    const after = atx[2] ?? '';
    return { level: atx[1]!.length, raw: stripClosingSequence(after), rawStart: atx[2] === undefined ? line.length : line.length - after.length, missingSpace: false };
  }
  const loose = ATX_NO_SPACE.exec(line);
  if (loose) return { level: loose[1]!.length, raw: loose[2]!, rawStart: line.length - loose[2]!.length, missingSpace: true };
  return null;
}

/** An HTML heading line's level, its text between the tags and where that starts; null for any other line. */
export function htmlHeadingOfLine(line: string): HeadingLine | null {
  if (!line.includes('<h') && !line.includes('<H')) return null;
  const m = HTML_HEADING.exec(line);
  if (!m) return null;
  const rawStart = line.indexOf('>', line.search(/<h/i)) + 1;
  return { level: Number(m[1]), raw: m[2]!, rawStart, missingSpace: false };
}

const SUMMARY = /^ {0,3}<summary(?:\s[^<>]*)?>(.*)<\/summary\s*>\s*$/is;

/** A `<summary>Text</summary>` line (a collapsible block's title): its text between the tags and where that starts; null for any other line. */
export function summaryOfLine(line: string): HeadingLine | null {
  if (!line.includes('<summary') && !line.includes('<SUMMARY')) return null;
  const m = SUMMARY.exec(line);
  if (!m) return null;
  return { level: 0, raw: m[1]!, rawStart: line.indexOf('>', line.search(/<summary/i)) + 1, missingSpace: false };
}

/** Whether a line is a top-level list item (a thematic break is none). */
function isListItemLine(line: string): boolean {
  return isListItemAt(line, 0, line.length);
}

/** Whether a UTF-16 code unit is whitespace as `\s` means it (ECMAScript WhiteSpace and LineTerminator). */
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * isListItemLine of the line text[s, e), read in place. A bullet (`-`, `*`, `+`) is judged by its
 * characters; a numbered item, the rare case, by LIST_ITEM on the line itself.
 */
function isListItemAt(text: string, s: number, e: number): boolean {
  const at = text.charCodeAt(s) === 32 ? s + 1 : s;
  if (at >= e) return false;
  const c = text.charCodeAt(at);
  // `-`, `*`, `+` or a digit: most lines are decided by their first character.
  if (c === 45 || c === 42 || c === 43) {
    // LIST_ITEM for a bullet: its marker, spaces or tabs, then something that is not a space.
    let k = at + 1;
    while (k < e && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (k === at + 1 || k >= e || isSpaceCode(text.charCodeAt(k))) return false;
  } else if (c >= 48 && c <= 57) {
    if (!LIST_ITEM.test(text.slice(s, e))) return false;
  } else return false;
  // NOTE: a thematic break (`- - -`) ends in its marker or a space; a bullet of notes almost never does.
  const last = text.charCodeAt(e - 1);
  return !((last === 45 || last === 42 || last === 95 || last === 32 || last === 9) && THEMATIC_BREAK.test(text.slice(s, e)));
}

/** A top-level list item's text and where it starts; null for any other line (a thematic break is none). */
export function listItemOfLine(line: string): { raw: string; rawStart: number } | null {
  if (!isListItemLine(line)) return null;
  const m = LIST_ITEM.exec(line)!;
  return { raw: line.slice(m[0].length), rawStart: m[0].length };
}

/** A list item nested under another (indented two spaces or more, or by a tab): its text, where that starts, and its indentation. */
export function nestedItemOfLine(line: string): { raw: string; rawStart: number; indent: string } | null {
  const m = NESTED_ITEM.exec(line);
  if (!m || (m[1]!.length < 2 && !m[1]!.includes('\t')) || THEMATIC_BREAK.test(line)) return null;
  return { raw: line.slice(m[0].length), rawStart: m[0].length, indent: m[1]! };
}

export function isThematicBreak(line: string): boolean {
  return THEMATIC_BREAK.test(line);
}

/** Removes an ATX closing sequence (` ###`), which CommonMark does not count as heading text. */
function stripClosingSequence(text: string): string {
  // Only a text ending in `#`, a space or a tab can end in a closing sequence: most headings are judged without the pattern.
  const last = text.charCodeAt(text.length - 1);
  if (last !== 35 && last !== 32 && last !== 9) return text;
  const m = /(^|[ \t]+)#+[ \t]*$/.exec(text);
  return m ? text.slice(0, m.index) : text;
}

export function scanDigest(text: string): Scan {
  return makeScan(text, scanParts(text, true));
}

/** What a scan finds, before it is made a Scan (see makeScan): all but what is read from it on demand. */
type ScanParts = Omit<Scan, 'items' | 'children' | 'itemsRead'>;

/**
 * Scans `text`: a whole file (`whole`: front matter and a BOM are read at its start), or a stretch of
 * one that starts at a heading line (spliceScan), where they cannot be.
 */
function scanParts(text: string, whole: boolean): ScanParts {
  const lines = splitLines(text);
  const outline: OutlineHeading[] = [];
  const itemLines: number[] = [];
  const breaks: number[] = [];
  const definitionLines: number[] = [];
  const problems: ScanProblem[] = [];
  const fences: Array<[number, number]> = [];
  const count = lines.starts.length;

  let first = 0;
  // Front matter: `---` on the first line (after a BOM), a YAML key on the next, up to the next
  // `---` or `...`. (A `---` followed by anything else is a thematic break.)
  const firstLine = text.slice(lines.starts[0]!, lines.ends[0]!).replace(/^\uFEFF/, '');
  if (whole && firstLine === '---' && count > 1 && YAML_KEY.test(text.slice(lines.starts[1]!, lines.ends[1]!))) {
    for (let i = 1; i < count; i++) {
      const l = text.slice(lines.starts[i]!, lines.ends[i]!);
      if (l === '---' || l === '...') {
        first = i + 1;
        break;
      }
    }
  }

  let fence: { char: string; size: number; line: number } | null = null;
  let comment: number | null = null;
  let rawHtml: { tag: string; line: number } | null = null;
  let nextTicks = text.indexOf('``');
  let nextTildes = text.indexOf('~~');
  let nextComment = text.indexOf('<!--');
  for (let i = first; i < count; i++) {
    // The line is text[s, e) (a BOM not counted); it is sliced out only where a pattern must read it.
    const s = i === 0 && whole && text.charCodeAt(0) === 0xfeff ? 1 : lines.starts[i]!;
    const e = lines.ends[i]!;
    if (fence) {
      const m = FENCE_CLOSE.exec(text.slice(s, e));
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.size) {
        fences.push([fence.line, i + 1]);
        fence = null;
      }
      continue;
    }
    if (comment !== null) {
      if (text.slice(s, e).includes('-->')) comment = null;
      continue;
    }
    if (rawHtml) {
      if (text.slice(s, e).toLowerCase().includes(`</${rawHtml.tag}>`)) rawHtml = null;
      continue;
    }
    // The next `` ``, `~~` and `<!--` of the text are found once and moved past as the lines go by
    // (each search is native and starts where the last one ended): no line is searched three times.
    if (nextTicks >= 0 && nextTicks < s) nextTicks = text.indexOf('``', s);
    if (nextTildes >= 0 && nextTildes < s) nextTildes = text.indexOf('~~', s);
    const f = (nextTicks >= 0 && nextTicks + 2 <= e) || (nextTildes >= 0 && nextTildes + 2 <= e) ? FENCE_OPEN.exec(text.slice(s, e)) : null;
    // NOTE: fences are recognised at any indentation and after list markers, so a fence inside a
    // (nested) list item still hides its `#` lines; an info string with a backtick is no backtick fence.
    if (f && !(f[2]![0] === '`' && f[3]!.includes('`'))) {
      fence = { char: f[2]![0]!, size: f[2]!.length, line: i + 1 };
      continue;
    }
    if (nextComment >= 0 && nextComment < s) nextComment = text.indexOf('<!--', s);
    if (nextComment >= 0 && nextComment + 4 <= e) {
      const line = text.slice(s, e);
      const trimmed = line.trimStart();
      if (trimmed.startsWith('<!--') && line.length - trimmed.length <= 3) {
        if (!trimmed.slice(4).includes('-->')) comment = i + 1;
        continue;
      }
    }
    // What the line can be is decided by its first character after up to three spaces: every pattern
    // below starts with it, so most lines are judged without running one.
    let sp = 0;
    while (sp < 4 && s + sp < e && text.charCodeAt(s + sp) === 32) sp++;
    const lead = sp < 4 && s + sp < e ? text.charCodeAt(s + sp) : -1;
    const h = lead === 60 /* < */ ? HTML_RAW_OPEN.exec(text.slice(s, e)) : null;
    if (h) {
      if (!text.slice(s, e).toLowerCase().includes(`</${h[1]!.toLowerCase()}>`)) rawHtml = { tag: h[1]!.toLowerCase(), line: i + 1 };
      continue;
    }
    const heading = lead === 35 /* # */ ? headingOfLine(text.slice(s, e)) : null;
    if (heading) {
      outline.push({ level: heading.level, line: i + 1, raw: heading.raw, rawOffset: s + heading.rawStart, missingSpace: heading.missingSpace, html: false });
      continue;
    }
    if (isListItemAt(text, s, e)) {
      itemLines.push(i);
      continue;
    }
    if (lead === 60 /* < */) {
      const html = htmlHeadingOfLine(text.slice(s, e));
      if (html) {
        outline.push({ level: html.level, line: i + 1, raw: html.raw, rawOffset: s + html.rawStart, missingSpace: false, html: true });
        continue;
      }
    } else if ((lead === 45 || lead === 42 || lead === 95) && THEMATIC_BREAK.test(text.slice(s, e))) breaks.push(i + 1);
    else if (lead === 91 /* [ */ && DEFINITION.test(text.slice(s, e))) definitionLines.push(i + 1);
  }
  if (fence) {
    fences.push([fence.line, count]);
    problems.push({
      line: fence.line,
      code: 'unclosed-fence',
      message: `Unclosed code fence "${fence.char.repeat(fence.size)}", expected a closing fence; headings after it are read as code`,
    });
  }
  if (comment !== null) {
    problems.push({
      line: comment,
      code: 'unclosed-comment',
      message: 'Unclosed HTML comment "<!--", expected "-->"; headings after it are read as part of the comment',
    });
  }
  return { lines, outline, itemLines, breaks, definitionLines, problems, frontMatterLines: first, fences, endsOpen: fence !== null || comment !== null || rawHtml !== null };
}

/** A Scan of `text` from what scanParts found in it. */
function makeScan(text: string, parts: ScanParts): Scan {
  const { lines, itemLines, fences } = parts;
  const count = lines.starts.length;
  let items: ListItemLine[] | undefined;
  return {
    lines,
    outline: parts.outline,
    itemLines,
    get items(): ListItemLine[] {
      items ??= itemLines.map((i) => {
        const start = lines.starts[i]! + (i === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
        const item = listItemOfLine(text.slice(start, lines.ends[i]!))!;
        return { line: i + 1, raw: item.raw, rawOffset: start + item.rawStart };
      });
      return items;
    },
    children(item: ListItemLine, end: number): ListItemLine[] {
      const out: ListItemLine[] = [];
      let indent: string | null = null;
      let f = 0;
      for (let n = item.line + 1; n < end && n <= count; n++) {
        while (f < fences.length && fences[f]![1] < n) f++;
        if (f < fences.length && fences[f]![0] <= n) continue;
        const start = lines.starts[n - 1]!;
        const child = text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9 ? nestedItemOfLine(text.slice(start, lines.ends[n - 1]!)) : null;
        if (!child || (indent !== null && child.indent !== indent)) continue;
        indent = child.indent;
        out.push({ line: n, raw: child.raw, rawOffset: start + child.rawStart });
      }
      return out;
    },
    breaks: parts.breaks,
    definitionLines: parts.definitionLines,
    problems: parts.problems,
    frontMatterLines: parts.frontMatterLines,
    fences,
    endsOpen: parts.endsOpen,
    itemsRead: () => items !== undefined,
  };
}

/** The first position in a sorted list whose value `at` gives is at least `line`. */
function firstAt<T>(list: readonly T[], line: number, at: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]!) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The scan of `text`, the text `old` is the scan of with `edit` made (offsets into that text): the same
 * as scanDigest(text). Only the lines from the last heading at or before the edit to the first heading
 * after it are scanned again (to the end of the text when the edit leaves a fence, a comment or a raw
 * HTML block open); the rest is moved. Headings are read only where nothing is open, so the lines after
 * such a stretch read as they did. Pure. Papers lsp scans a buffer this way at each keystroke.
 */
export function spliceScan(old: Scan, text: string, edit: { start: number; end: number; text: string }): Scan {
  const { starts, ends } = old.lines;
  const count = starts.length;
  const line = (h: { line: number }): number => h.line;
  const a = firstAt(old.outline, lineOfOffset(old.lines, edit.start) + 1, line) - 1;
  // NOTE: nothing to start from before the first heading (front matter, a BOM): scanned whole.
  if (a < 0 || old.outline[a]!.line === 1) return scanDigest(text);
  const from = old.outline[a]!.line;
  const delta = edit.text.length - (edit.end - edit.start);
  const wStart = starts[from - 1]!;
  let b = firstAt(old.outline, lineOfOffset(old.lines, edit.end) + 1, line);
  let to = b < old.outline.length ? old.outline[b]!.line : count + 1;
  // NOTE: an edit that empties the end of the text leaves no line there, where splitLines of '' gives one.
  const partsOf = (stretch: string): ScanParts =>
    stretch === '' ? { lines: { starts: [], ends: [] }, outline: [], itemLines: [], breaks: [], definitionLines: [], problems: [], frontMatterLines: 0, fences: [], endsOpen: false } : scanParts(stretch, false);
  let parts = partsOf(text.slice(wStart, to <= count ? starts[to - 1]! + delta : text.length));
  if (parts.endsOpen && to <= count) {
    b = old.outline.length;
    to = count + 1;
    parts = partsOf(text.slice(wStart));
  }
  const moreLines = parts.lines.starts.length - (to - from);
  // NOTE: built by index, not spread: a digest of 10k entries has ~80k lines and as many list items.
  /** Sorted numbers: those before `lo`, then `own` moved by `base`, then those from `hi` on moved by `by`. */
  const spliced = (xs: readonly number[], lo: number, hi: number, own: readonly number[], base: number, by: number): number[] => {
    const i = firstAt(xs, lo, (x) => x);
    const j = firstAt(xs, hi, (x) => x);
    const out = xs.slice(0, i);
    for (const x of own) out.push(x + base);
    for (let k = j; k < xs.length; k++) out.push(xs[k]! + by);
    return out;
  };
  const linesOf = (xs: readonly number[], own: readonly number[]): number[] => {
    const out = xs.slice(0, from - 1);
    for (const x of own) out.push(x + wStart);
    for (let k = to - 1; k < count; k++) out.push(xs[k]! + delta);
    return out;
  };
  const outline = old.outline.slice(0, a);
  for (const h of parts.outline) outline.push({ ...h, line: h.line + from - 1, rawOffset: h.rawOffset + wStart });
  for (let k = b; k < old.outline.length; k++) {
    const h = old.outline[k]!;
    outline.push({ ...h, line: h.line + moreLines, rawOffset: h.rawOffset + delta });
  }
  const fenceAt = firstAt(old.fences, to, ([open]) => open);
  return makeScan(text, {
    lines: { starts: linesOf(starts, parts.lines.starts), ends: linesOf(ends, parts.lines.ends) },
    outline,
    // 0-based, as scanParts keeps them.
    itemLines: spliced(old.itemLines, from - 1, to - 1, parts.itemLines, from - 1, moreLines),
    breaks: spliced(old.breaks, from, to, parts.breaks, from - 1, moreLines),
    definitionLines: spliced(old.definitionLines, from, to, parts.definitionLines, from - 1, moreLines),
    problems: [...parts.problems.map((p) => ({ ...p, line: p.line + from - 1 })), ...old.problems.filter((p) => p.line >= to).map((p) => ({ ...p, line: p.line + moreLines }))],
    frontMatterLines: old.frontMatterLines,
    fences: [
      ...old.fences.slice(0, firstAt(old.fences, from, ([open]) => open)),
      ...parts.fences.map(([open, close]): [number, number] => [open + from - 1, close + from - 1]),
      ...old.fences.slice(fenceAt).map(([open, close]): [number, number] => [open + moreLines, close + moreLines]),
    ],
    endsOpen: to > count ? parts.endsOpen : old.endsOpen,
  });
}
