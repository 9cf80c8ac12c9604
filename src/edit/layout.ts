// Where new lines go in a digest's text, and how many blank lines the file puts between things.

const isBlank = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

export interface InsertionPoint {
  /** Offset right after the last non-blank line's line ending (or the end of the text). */
  at: number;
  /** True when that line is the file's last and has no line ending: the insertion must start with one. */
  needsEol: boolean;
}

/** A line that holds nothing but HTML comments (`<!-- papers-lint-disable-next-line ... -->`). */
export function isCommentLine(line: string): boolean {
  return /^\s*(?:<!--(?:(?!-->)[^])*-->\s*)+$/.test(line);
}

/**
 * A line that closes a section rather than belonging to its last entry: a thematic break (`---`),
 * or nothing but links to places in the page (`[[back to top]](#contents)`, `<a href="#top">↑</a>`).
 */
export function isFooterLine(line: string): boolean {
  if (/^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(line)) return true;
  if (!line.includes('#')) return false;
  const bare = line.replace(/<\/?(?:p|div|span|sub|sup|small|b|strong|em|i)\b[^<>]*>/gi, '').replace(/\*\*|__/g, '').trim();
  return /^(?:(?:\[(?:[^\]]|\[[^\]]*\])*\]\(#[^)\s]*\)|<a\s+href=["']#[^"']*["'][^<>]*>[^<>]*<\/a>)\s*[|·•]?\s*)+$/i.test(bare);
}

/** A line that ends what it follows without being part of it: HTML comments only, or a footer. */
export function isClosingLine(line: string): boolean {
  return isCommentLine(line) || isFooterLine(line);
}

/**
 * The point after the last line with content in [from, to), where `to` is the start of a line or
 * the end of the text; null when the range holds only blank lines. "Blank" is what `trim()` removes,
 * as the parser counts it. Lines of nothing but HTML comments count as blank too (unless `comments`
 * is 'content'): a `disable-next-line` directive at the end of an entry or section belongs to what
 * follows, so new text goes before it; and so do footer lines (`---`, `[[back to top]](#top)`).
 */
export function afterLastContent(text: string, from: number, to: number, comments: 'skip' | 'content' = 'skip'): InsertionPoint | null {
  let i = to;
  for (;;) {
    while (i > from && isBlank(text[i - 1])) i--;
    if (i === from) return null;
    if (comments === 'content') break;
    let start = i;
    while (start > from && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    if (!isClosingLine(text.slice(start, i))) break;
    i = start;
  }
  let j = i;
  while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
  if (j === text.length) return { at: j, needsEol: true };
  return { at: text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1, needsEol: false };
}

/**
 * Blank lines right before the line starting at `offset` (lines of nothing but HTML comments among
 * them are passed over, not counted); null when nothing but those comes before it.
 */
export function blankLinesBefore(text: string, offset: number): number | null {
  let i = offset;
  let blanks = 0;
  while (i > 0) {
    let lineEnd = i;
    if (text[lineEnd - 1] === '\n') lineEnd--;
    if (text[lineEnd - 1] === '\r') lineEnd--;
    let start = lineEnd;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    const line = text.slice(start, lineEnd);
    if (line.trim() === '') blanks++;
    else if (!isCommentLine(line)) return blanks;
    i = start;
  }
  return null;
}

/** The most frequent value; a tie goes to the value seen last (the writer's latest habit). */
export function mostCommon(values: readonly number[], fallback: number): number {
  const counts = new Map<number, { n: number; last: number }>();
  values.forEach((v, i) => {
    const c = counts.get(v) ?? { n: 0, last: 0 };
    counts.set(v, { n: c.n + 1, last: i });
  });
  let best = fallback;
  let bestCount = 0;
  let bestLast = -1;
  for (const [v, c] of counts) {
    if (c.n > bestCount || (c.n === bestCount && c.last > bestLast)) {
      best = v;
      bestCount = c.n;
      bestLast = c.last;
    }
  }
  return best;
}

/**
 * The line ending new lines at this point should use: that of the line they follow (a file that
 * mixes endings keeps each part as it is), else the file's usual one.
 */
export function eolAt(text: string, point: InsertionPoint, fallback: string): string {
  if (point.needsEol || point.at === 0) return fallback;
  if (text[point.at - 1] === '\n') return text[point.at - 2] === '\r' ? '\r\n' : '\n';
  return text[point.at - 1] === '\r' ? '\r' : fallback;
}

/** Lines joined for insertion at a point: each ended by `eol`, or, after a last line without one, each started by it. */
export function insertionText(lines: readonly string[], eol: string, point: Pick<InsertionPoint, 'needsEol'>): string {
  return point.needsEol ? lines.map((l) => eol + l).join('') : lines.map((l) => l + eol).join('');
}
