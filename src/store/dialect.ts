// Where a digest file keeps its papers: headings of which level, or one paper per top-level list item.
// Detected per file from its outline (or fixed by the config's `entries`). Pure.
import { readItemMetaLine, readLabelledLine, readVenueYear, withoutLeadDecoration } from './heading.js';
import type { Lines, ListItemLine, OutlineHeading, Scan } from './scan.js';
import type { EntriesAt, EntryLayout } from './schema.js';

/** The config's `entries`: a fixed place, or `auto` (the default) to detect it per file. */
export type EntriesSetting = EntriesAt | 'auto';

/** A year or a venue's year as headings write them: `'18`, `’21`, `2018`, `KDD2018` (not inside longer numbers, nor a date's: `2023-09-07`). */
const DATED = /['’‘`´]\s*\d{2}(?!\d)|(?<![\d.])(?:19[5-9]\d|20[0-4]\d)(?![\d]|[-/.]\d{1,2}[-/.]\d)/;

const DATED_ALL = new RegExp(DATED.source, 'g');

/** Whether a text carries a year as headings write them. */
export function isDated(raw: string): boolean {
  return DATED.test(raw);
}

/**
 * Whether a heading reads as a paper: it carries a year, and a title besides it (two words, or four
 * Chinese characters). `## 2023`, `## CVPR 2023` and `## 2023年` are sections, not papers.
 */
export function isPaperHeading(raw: string): boolean {
  if (!DATED.test(raw)) return false;
  const rest = raw.replace(DATED_ALL, ' ').replace(/[[\]【】()（）'’:：.,，;；|*_#<>/\\-]+/g, ' ');
  const words = rest.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
  return words.length >= 2 || (rest.match(/[\u3400-\u9fff]/g)?.length ?? 0) >= 4;
}

/** Links that make a list item no paper: an in-page anchor (a table of contents) or a local markdown file. */
const NOT_A_PAPER_LINK = /^\s*(?:#|\.{0,2}\/?[^\s:()]*\.(?:md|markdown)(?:#.*)?\s*$)/i;
const LINK_START = /^\[((?:[^\]\\]|\\.|\[[^\]]*\])*)\]\(([^()\s]*(?:\([^()]*\)[^()\s]*)*)/;
const RESOURCE_WORD = /^(?:pdf|code|paper|project|github|video|slides?|blog|website|homepage|demo|data|dataset|poster|link|\[.*\])$/i;

/**
 * Whether a top-level list item reads as a paper: it starts with a venue or year in brackets
 * (`[ICCV'17] ...`, `【KDD2018】`, `(CVPR'21)`) or a known venue in brackets before a title (`[ICML] Title`), or with a link to something other than a section of
 * the page (`[Title](url) ...`), or it is a capitalised line with a year (`Title, CVPR 2016`).
 */
export function isPaperItem(raw: string, isVenue: (name: string) => boolean): boolean {
  const t = withoutLeadDecoration(raw).replace(/^(?:\*\*|__|\*|_)+/, '');
  const c = t[0];
  if (c === '[') {
    const link = LINK_START.exec(t);
    if (link) return !NOT_A_PAPER_LINK.test(link[2]!) && !RESOURCE_WORD.test(link[1]!.trim());
  }
  if (c === '[' || c === '【' || c === '(' || c === '（') {
    const close = t.search(/[\]】)）]/);
    if (close > 0) {
      const inner = t.slice(1, close);
      const meta = readVenueYear(inner, isVenue);
      if (meta && meta.year !== null) return true;
      // A known venue alone, then a title: `[ICML] Title` (papers grouped by year, `### 2018`).
      if (isVenue(inner.trim()) && /^\s*[A-Z0-9]/.test(t.slice(close + 1))) return true;
    }
  }
  return /^[A-Z]/.test(t) && isDated(t) && /\s\S+\s/.test(t);
}

/** Whether a list item reads as a paper (see paperItemTest). */
export type PaperTest = (item: ListItemLine) => boolean;

/** A title in bold or a link to start an item: `**Title**`, `[Title](url)`. */
const TITLED = /^\s*(?:\*\*|__)[^*_]|^\s*\[[^\]]+\]\(/;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]/;

/** How many lines of an item after its first may say where the paper appeared. */
const ITEM_META_LINES = 3;

/**
 * The venue and year an item's own lines after its first give (`1. **Title**`, then `   Authors`,
 * then `   *ICLR 2014*`): up to its first blank line or nested item.
 */
export function itemMetaBelow(text: string, lines: Lines, line: number, isVenue: (name: string) => boolean): { venueRaw: string | null; year: number | null } | null {
  for (let n = line + 1; n <= Math.min(lines.starts.length, line + ITEM_META_LINES); n++) {
    const l = text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
    if (l.trim() === '' || LIST_MARKER.test(l)) return null;
    const meta = readItemMetaLine(l, isVenue);
    if (meta) return meta;
  }
  return null;
}

/**
 * Whether a top-level item reads as a paper: by its own line (isPaperItem), or a title in bold or a
 * link with its venue on a line of its own right under it.
 */
export function paperItemTest(text: string, lines: Lines, isVenue: (name: string) => boolean): PaperTest {
  return (item) => isPaperItem(item.raw, isVenue) || (TITLED.test(item.raw) && itemMetaBelow(text, lines, item.line, isVenue) !== null);
}

interface LevelCounts {
  count: number;
  dated: number;
}

/**
 * Headings per level, and how many read as papers: exactly for `##` and `####`; for `###` only up to
 * one more than either of them and 2, which is all detectEntries compares it with.
 */
function countLevels(outline: readonly OutlineHeading[], below: (k: number) => boolean): LevelCounts[] {
  const levels = Array.from({ length: 7 }, () => ({ count: 0, dated: 0 }));
  for (let k = 0; k < outline.length; k++) {
    const h = outline[k]!;
    levels[h.level]!.count++;
    if ((h.level === 2 || h.level === 4) && (isPaperHeading(h.raw) || below(k))) levels[h.level]!.dated++;
  }
  // NOTE: a digest of ours has thousands of `###` papers: reading each as one would cost more than the rest of the detection.
  const cap = Math.max(levels[2]!.dated, levels[4]!.dated, 2) + 1;
  const l3 = levels[3]!;
  for (let k = 0; k < outline.length && l3.dated < cap; k++) {
    const h = outline[k]!;
    if (h.level === 3 && (isPaperHeading(h.raw) || below(k))) l3.dated++;
  }
  return levels;
}

/** How many lines under a heading may say where its paper appeared (see labelledMeta). */
export const LABELLED_LINES = 8;

/**
 * Whether the lines right under outline heading `k` (up to LABELLED_LINES, before the next heading)
 * name a venue on a labelled line: `## 📄 Title` then `- 🏛️ **Venue**: OSDI 2004`.
 */
function venueBelow(text: string, lines: Lines, outline: readonly OutlineHeading[], k: number, isVenue: (name: string) => boolean): boolean {
  const first = outline[k]!.line + 1;
  const last = Math.min(lines.starts.length, (outline[k + 1]?.line ?? Infinity) - 1, first + LABELLED_LINES - 1);
  return labelledMeta(text, lines, first, last, isVenue).venueRaw !== null;
}

/** The venue and year labelled lines among lines `from`..`to` of a chunk give (`- **Venue**: OSDI 2004`, `- Year: 2019`), the first of each. */
export function labelledMeta(text: string, lines: Lines, from: number, to: number, isVenue: (name: string) => boolean): { venueRaw: string | null; year: number | null } {
  let venueRaw: string | null = null;
  let year: number | null = null;
  for (let n = from; n <= to && (venueRaw === null || year === null); n++) {
    const line = text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
    if (!line.includes(':') && !line.includes('：')) continue;
    const meta = readLabelledLine(line, isVenue);
    if (!meta) continue;
    if (venueRaw === null && meta.venueRaw !== null) venueRaw = meta.venueRaw;
    year ??= meta.year;
  }
  return { venueRaw, year };
}

/**
 * Where heading `k` of the entries' level is no paper but a group of them (`## Graph embeddings`, then
 * `### Shallow embeddings`, then `#### DeepWalk ... (2014)`): the deeper level whose headings read
 * as papers in its range (at least two, and most headings of that level there), and the index of the
 * first heading after the range. Null where the heading reads as a paper or holds no such papers.
 */
export function papersUnder(outline: readonly OutlineHeading[], k: number, text: string, lines: Lines, isVenue: (name: string) => boolean): { level: number; until: number } | null {
  const level = outline[k]!.level;
  if ((outline[k + 1]?.level ?? 0) <= level) return null;
  if (isPaperHeading(outline[k]!.raw) || venueBelow(text, lines, outline, k, isVenue)) return null;
  // A group has little text of its own: a paper without a venue whose notes have dated sub-headings
  // (`### Transformer-XL`, notes, `#### Compared with BERT (2019)`) stays a paper.
  let own = 0;
  for (let n = outline[k]!.line + 1; n < outline[k + 1]!.line; n++) {
    const line = text.slice(lines.starts[n - 1]!, lines.ends[n - 1]!);
    if (line.trim() === '') continue;
    if (++own > 2 || /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(line)) return null;
  }
  const counts = new Map<number, { count: number; papers: number }>();
  let until = k + 1;
  for (; until < outline.length && outline[until]!.level > level; until++) {
    const h = outline[until]!;
    const c = counts.get(h.level) ?? { count: 0, papers: 0 };
    c.count++;
    if (isPaperHeading(h.raw) || venueBelow(text, lines, outline, until, isVenue)) c.papers++;
    counts.set(h.level, c);
  }
  let best: { level: number; papers: number } | null = null;
  for (const [l, c] of counts) if (c.papers >= 2 && c.papers * 2 >= c.count && (!best || c.papers > best.papers)) best = { level: l, papers: c.papers };
  return best ? { level: best.level, until } : null;
}

/** A heading that names a year or a venue alone (`2018`, `ICML`, `CVPR 2023`, `2023年`): a group of papers, never one. */
export function isGroupHeading(raw: string, isVenue: (name: string) => boolean): boolean {
  if (raw.length > 40 || raw.includes('[')) return false;
  const t = raw.trim();
  // NOTE: a venue and a year are two words at most (`CVPR 2023`, `NeurIPS'20`): the test every paper heading takes, kept cheap.
  if (t.length > 30 || !/^[^\s[\]()（）【】]+(?:\s+[^\s[\]()（）【】]+)?$/.test(t)) return false;
  if (/^(?:19[5-9]\d|20[0-3]\d)\s*年?$/.test(t) || isVenue(t)) return true;
  const meta = readVenueYear(t, isVenue);
  return !!meta?.venue && meta.year !== null && meta.venue[0] === 0 && isVenue(t.slice(meta.venue[0], meta.venue[1]));
}

/** Whether most headings of a level repeat (`### 方法`, `### 实验` under each paper): sub-headings, not papers. */
function mostlyRepeated(outline: readonly OutlineHeading[], level: number): boolean {
  const texts = outline.filter((h) => h.level === level).map((h) => h.raw.trim().toLowerCase());
  return texts.length >= 4 && new Set(texts).size * 2 <= texts.length;
}

/** A list item that only names the group of papers nested under it: `**FCN-based**`, `*Attention*:`, `Transformers:`. */
export function isGroupLabel(raw: string): boolean {
  const t = raw.trim();
  return /^(?:(\*\*|__)[^*_]{1,60}\1|(\*|_)[^*_]{1,60}\2|[^[\]()（）【】:：*_]{1,60})\s*[:：]?$/.test(t) && (/^[*_]/.test(t) || /[:：]$/.test(t));
}

/**
 * The papers nested under a group label (`- **FCN-based**` then `  - [Title](url) - CVPR 2015`), when
 * most of the items right under it read as papers; else none.
 */
export function groupPapers(scan: Pick<Scan, 'children'>, item: ListItemLine, end: number, isPaper: PaperTest): ListItemLine[] {
  if (!isGroupLabel(item.raw)) return [];
  const children = scan.children(item, end);
  const papers = children.reduce((n, c) => n + (isPaper(c) ? 1 : 0), 0);
  return papers > 0 && papers * 2 >= children.length ? children : [];
}

/** The papers among top-level items and the groups under them, counted (the first `limit` found are enough to decide). */
function paperItems(scan: Pick<Scan, 'items' | 'outline' | 'children'>, isPaper: PaperTest, limit: number): number {
  const { items, outline } = scan;
  let n = 0;
  let h = 0;
  for (let k = 0; k < items.length && n < limit; k++) {
    const item = items[k]!;
    if (isPaper(item)) {
      n++;
      continue;
    }
    while (h < outline.length && outline[h]!.line <= item.line) h++;
    const end = Math.min(items[k + 1]?.line ?? Infinity, outline[h]?.line ?? Infinity);
    n += groupPapers(scan, item, end, isPaper).length;
  }
  return Math.min(n, limit);
}

/** At least this many headings or items before an empty file is worth a hint. */
const HINT_MIN = 3;

/**
 * Where a file's entries are. `###` under `##` unless another level holds the papers: most of its
 * headings read as papers (a title and a year), more of them than `###` headings do (and, for `##`
 * above `###`, the `###` are sub-headings: they repeat, or there are fewer of them). Where fewer
 * than two headings of that level read as papers, a list wins when its paper items outnumber them.
 */
export function detectEntries(scan: Pick<Scan, 'outline' | 'items' | 'children' | 'lines'>, text: string, setting: EntriesSetting, isVenue: (name: string) => boolean): EntryLayout {
  const levels = countLevels(scan.outline, (k) => venueBelow(text, scan.lines, scan.outline, k, isVenue));
  let at: EntriesAt;
  const detected = setting === 'auto';
  if (setting !== 'auto') at = setting;
  else {
    const l2 = levels[2]!;
    const l3 = levels[3]!;
    const l4 = levels[4]!;
    const qualifies = (l: LevelCounts): boolean => l.dated >= 2 && l.dated * 2 >= l.count && l.dated > l3.dated;
    let level = 3;
    if (qualifies(l2) && (l3.count === 0 || l3.count < l2.count || mostlyRepeated(scan.outline, 3))) level = 2;
    if (qualifies(l4) && l4.dated > levels[level]!.dated) level = 4;
    // No `###` at all, and papers without years one level further down (`## Section`, `#### Title<br>`):
    // the deeper headings are the papers, unless they repeat like sub-headings.
    if (level === 3 && l3.count === 0) {
      for (let deeper = 4; deeper <= 6; deeper++) {
        if (levels[deeper]!.count >= HINT_MIN && !mostlyRepeated(scan.outline, deeper)) {
          level = deeper;
          break;
        }
      }
    }
    at = { heading: level };
    const chosen = levels[level]!;
    // NOTE: where headings read as papers, list items are their notes: never counted.
    if (chosen.dated < 2 && scan.items.length >= 3 && scan.items.length >= chosen.count) {
      const papers = paperItems(scan, paperItemTest(text, scan.lines, isVenue), Number.POSITIVE_INFINITY);
      if (papers >= 3 && papers > 2 * chosen.dated && papers >= chosen.count) at = { bullets: true };
    }
  }
  return { at, detected, suggestion: suggestionFor(at, levels, scan, paperItemTest(text, scan.lines, isVenue)) };
}

/** When the entries' place holds none of them but the file has many headings or items: the setting that would read them. */
function suggestionFor(at: EntriesAt, levels: readonly LevelCounts[], scan: Pick<Scan, 'items' | 'outline' | 'children'>, isPaper: PaperTest): EntriesAt | null {
  if ('heading' in at && levels[at.heading]!.count > 0) return null;
  if ('bullets' in at && scan.items.length > 0) return null;
  let best: EntriesAt | null = null;
  let bestCount = HINT_MIN - 1;
  for (let level = 2; level <= 6; level++) {
    if ('heading' in at && level === at.heading) continue;
    // The deepest level with many headings holds the papers more often than the sections above it.
    if (levels[level]!.count >= bestCount && levels[level]!.count >= HINT_MIN) {
      best = { heading: level };
      bestCount = levels[level]!.count;
    }
  }
  if (!('bullets' in at) && paperItems(scan, isPaper, HINT_MIN) >= HINT_MIN && scan.items.length > bestCount) best = { bullets: true };
  return best;
}

/** The config setting that reads a file this way, as written in papers.config.json. */
export function settingText(at: EntriesAt): string {
  return 'heading' in at ? `"entries": {"heading": ${at.heading}}` : '"entries": {"bullets": true}';
}

/** How the entries are marked, for messages: `###`, `##`, or `-` for list items. */
export function entryMarker(at: EntriesAt): string {
  return 'heading' in at ? '#'.repeat(at.heading) : '-';
}

/** What to tell about files in which no entry was found though they have many headings or list items. */
export function layoutHints(files: ReadonlyArray<{ file: string; entries: EntryLayout }>): string[] {
  return files.flatMap(({ file, entries }) => {
    const { at, suggestion } = entries;
    if (!suggestion) return [];
    const where = 'heading' in at ? `"${entryMarker(at)}" headings` : 'list items';
    const would = 'heading' in suggestion ? `its "${entryMarker(suggestion)}" headings` : 'its list items';
    return [`no entries found in ${file} (entries are read from ${where}); to read ${would} as entries, set ${settingText(suggestion)} in papers.config.json`];
  });
}
