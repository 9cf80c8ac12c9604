// Formats search results: ranked rows with a highlighted note snippet for people, JSON objects for scripts.
import type { Highlight, SearchResult } from '../search/snippet.js';
import type { Entry } from '../store/schema.js';
import { sectionLabel, venueLabel } from './entries.js';
import { hasUnsafe, moveRanges, terminalSafe, terminalSafeMap } from './safe.js';
import { renderRows, type ChalkInstance } from './terminal.js';
import { simpleWidth, type Measure } from './width.js';

/** Title columns kept on a terminal before the section is shown by its slug alone. */
const MIN_TITLE = 40;
/** Snippet width in a pipe, where there is no terminal width to fill. */
export const PIPE_SNIPPET_WIDTH = 80;
const INDENT = '    ';

export interface SearchFormatOptions {
  color: ChalkInstance;
  /** Terminal width; undefined in a pipe. */
  width?: number | undefined;
  measure?: Measure;
}

/** The text cut to `width` columns around its first highlight, with `…` where cut, and the highlights moved along. */
export function windowAround(text: string, highlights: readonly Highlight[], width: number, measure: Measure = simpleWidth): { text: string; highlights: Highlight[] } {
  // NOTE: a long line is measured only in part: if its start alone is too wide, it is cut.
  const probe = 16 * width;
  if ((text.length <= probe || measure(text.slice(0, probe)) <= width) && measure(text) <= width) return { text, highlights: [...highlights] };
  const focus = highlights[0]?.start ?? 0;
  // Only the characters near the match are measured: a note line can be very long.
  let lo = Math.max(0, focus - 4 * width);
  if (lo > 0 && /[\udc00-\udfff]/.test(text[lo]!)) lo--;
  const hi = Math.min(text.length, focus + 4 * width);
  const chars: { at: number; w: number }[] = [];
  for (let i = lo; i < hi; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    chars.push({ at: i, w: measure(ch) });
    i += ch.length;
  }
  const at = Math.max(0, chars.findIndex((c) => c.at >= focus));
  // About a quarter of the room goes to the text before the match.
  let first = at;
  let used = 0;
  while (first > 0 && used + chars[first - 1]!.w <= Math.floor(width / 4)) used += chars[--first]!.w;
  const leadCols = (i: number): number => (chars[i]!.at > 0 ? 1 : 0);
  let last = at;
  // One column stays free for the `…` at the end, unless the text ends inside the window.
  while (last < chars.length && used + chars[last]!.w <= width - leadCols(first) - 1) used += chars[last++]!.w;
  if (last === chars.length - 1 && hi === text.length && used + chars[last]!.w <= width - leadCols(first)) used += chars[last++]!.w;
  // A match near the end: the room left goes to the text before it.
  if (last === chars.length && hi === text.length) {
    while (first > 0 && used + chars[first - 1]!.w + leadCols(first - 1) <= width) used += chars[--first]!.w;
  }
  const from = chars[first]?.at ?? text.length;
  const to = chars[last]?.at ?? hi;
  const lead = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  const shift = lead.length - from;
  const moved = highlights
    .filter((h) => h.end > from && h.start < to)
    .map((h) => ({ start: Math.max(h.start, from) + shift, end: Math.min(h.end, to) + shift }));
  return { text: lead + text.slice(from, to) + tail, highlights: moved };
}

/** The text with its highlighted ranges styled (ranges beyond the text are ignored). */
export function applyHighlights(text: string, highlights: readonly Highlight[], mark: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const h of highlights) {
    const start = Math.max(h.start, at);
    const end = Math.min(h.end, text.length);
    if (end <= start) continue;
    out += text.slice(at, start) + mark(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

/** Text made terminal-safe with its highlights moved along (an escape is longer than what it shows). */
function safeHighlighted(text: string, highlights: readonly Highlight[]): { text: string; highlights: Highlight[] } {
  if (!hasUnsafe(text)) return { text, highlights: [...highlights] };
  const safe = terminalSafeMap(text);
  return { text: safe.text, highlights: moveRanges(highlights, safe.map) };
}

/** Two lines per result: `rank. title  venue'yy  section`, then `file:line  snippet`; all of it terminal-safe. */
export function formatSearchResults(unsafe: readonly SearchResult[], options: SearchFormatOptions): string {
  const { color, width, measure = simpleWidth } = options;
  // Titles and snippets are made safe here, before highlighting and cutting; the other cells in renderRows.
  const results = unsafe.map((r) => {
    const title = safeHighlighted(r.entry.title, r.titleHighlights);
    const snippet = r.snippet && { ...r.snippet, ...safeHighlighted(r.snippet.text, r.snippet.highlights) };
    return { ...r, entry: { ...r.entry, title: title.text }, titleHighlights: title.highlights, snippet };
  });
  const mark = (s: string): string => color.bold.red(s);
  const rowsWith = (section: (e: Entry) => string): string[][] =>
    results.map((r) => [`${r.rank}.`, r.entry.title || '(untitled)', venueLabel(r.entry), section(r.entry)].map(terminalSafe));
  let rows = rowsWith((e) => sectionLabel(e.section, e.sectionSlug));
  // On a narrow terminal the section gives way to its slug before the title is cut short.
  const widest = (i: number): number => Math.max(...rows.map((row) => measure(row[i]!)));
  if (width !== undefined && width - widest(0) - widest(2) - widest(3) - 6 < Math.min(MIN_TITLE, widest(1))) {
    rows = rowsWith((e) => e.sectionSlug ?? e.section ?? '-');
  }
  const heads = renderRows(
    rows,
    [
      { align: 'right', style: (t) => color.dim(t) },
      {
        shrink: true,
        style: (t, i) => {
          const r = results[i]!;
          // A cut title keeps its start, so the highlights before the cut still apply.
          const keep = t === rows[i]![1] ? t.length : t.length - 1;
          return color.bold(applyHighlights(t, r.titleHighlights.filter((h) => h.end <= keep), mark));
        },
      },
      { style: (t) => (t === '-' ? color.dim(t) : color.green(t)) },
      { style: (t) => color.cyan(t) },
    ],
    { maxWidth: width, measure },
  );
  const out: string[] = [];
  results.forEach((r, i) => {
    out.push(heads[i]!);
    const e = r.entry;
    if (r.snippet) {
      const where = terminalSafe(`${e.file}:${r.snippet.line}`);
      const room = width === undefined ? PIPE_SNIPPET_WIDTH : Math.max(20, width - INDENT.length - measure(where) - 2);
      const cut = windowAround(r.snippet.text, r.snippet.highlights, room, measure);
      out.push(`${INDENT}${color.dim(where)}  ${applyHighlights(cut.text, cut.highlights, mark)}`);
    } else {
      // No note line matched: say which field did (the best one).
      const field = r.hit.matches.find((m) => m.field !== 'notes')?.field;
      const notes = [field ? `matched its ${field}` : '', e.stub ? 'no notes yet' : ''].filter(Boolean).join('; ');
      out.push(`${INDENT}${color.dim(terminalSafe(`${e.file}:${e.line}`))}${notes ? `  ${color.dim(`(${notes})`)}` : ''}`);
    }
  });
  return out.join('\n');
}

/** The `--json` form of a result: the entry's fields, then rank, score and where it matched. */
export function searchResultJson(r: SearchResult): Entry & Record<string, unknown> {
  return {
    ...r.entry,
    rank: r.rank,
    score: r.hit.score,
    matched: r.hit.matched,
    exact: r.hit.exact,
    phrase: r.hit.phrase,
    matches: r.hit.matches,
    snippet: r.snippet && { file: r.entry.file, ...r.snippet },
  };
}
