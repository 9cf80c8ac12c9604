// The entry-heading grammar: `Title(ALIAS)[Venue'YY][Org1,Org2]`, every part after the title optional.

export type HeadingIssueCode =
  | 'empty-title'
  | 'trailing-punctuation'
  | 'unbalanced-bracket'
  | 'text-after-metadata'
  | 'missing-space';

export interface HeadingIssue {
  code: HeadingIssueCode;
  message: string;
  /** Columns in the raw heading text, 0-based, half-open. */
  start: number;
  end: number;
  /** A safe replacement of raw[start, end), when there is one. */
  fix?: string;
}

export interface ParsedHeading {
  title: string;
  alias: string | null;
  venueRaw: string | null;
  /** The year as written (`19`, `2023`), null when absent. */
  yearRaw: string | null;
  year: number | null;
  orgs: string[];
  /** Where the venue name sits in the raw text (0-based, half-open), for fixes. */
  venueSpan: [number, number] | null;
  /** Where each org sits in the raw text, parallel to `orgs`. */
  orgSpans: Array<[number, number]>;
  issues: HeadingIssue[];
}

export const ORG_SEPARATORS = /[,，、;；]/;
// `Venue'YY`, `Venue’YYYY`, `Venue 2023`, `Venue'23`.
export const VENUE_YEAR = /^(.*?)\s*(?:['’‘`´]\s*(\d{2}|\d{4})|\s(\d{4}))\s*$/;

/** Two-digit years map to 1950..2049: digests are about recent papers, and older ones are rare. */
export function expandYear(raw: string): number {
  const n = Number.parseInt(raw, 10);
  if (raw.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

/** `/\s/.test(ch)`, with the common characters decided without a regular expression. */
function isWs(ch: string): boolean {
  if (ch === ' ' || ch === '\t') return true;
  if (ch < '\u0080') return ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f';
  return /\s/.test(ch);
}

// NOTE: plain comparisons: these run for every character of every heading.
function isOpen(ch: string | undefined): boolean {
  return ch === '[' || ch === '【';
}

function isClose(ch: string | undefined): boolean {
  return ch === ']' || ch === '】';
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isWs(text[start]!)) start++;
  while (end > start && isWs(text[end - 1]!)) end--;
  return [start, end];
}

interface Group {
  /** Content span (inside the brackets). */
  start: number;
  end: number;
}

/**
 * Parses the text after `### `. `isVenue` says whether a bracket group without a year
 * still names a venue (`[OSDI]`), so it is not taken for an organisation.
 */
export function parseHeading(raw: string, isVenue: (name: string) => boolean = () => false): ParsedHeading {
  const issues: HeadingIssue[] = [];
  // Trailing spaces and a trailing `:` after the whole heading.
  let end = raw.length;
  while (end > 0 && isWs(raw[end - 1]!)) end--;
  let contentEnd = end;
  while (contentEnd > 0 && /[:：]/.test(raw[contentEnd - 1]!)) contentEnd--;
  while (contentEnd > 0 && isWs(raw[contentEnd - 1]!)) contentEnd--;
  if (contentEnd < end && contentEnd > 0) {
    issues.push({
      code: 'trailing-punctuation',
      message: `Unexpected "${raw.slice(contentEnd, end)}" after the heading, expected nothing`,
      start: contentEnd,
      end: raw.length,
      fix: '',
    });
  }

  // Metadata groups: the first `[` after some title text starts them.
  let groupsStart = -1;
  let titleSeen = false;
  for (let i = 0; i < contentEnd; i++) {
    const ch = raw[i]!;
    if (isOpen(ch) && titleSeen) {
      groupsStart = i;
      break;
    }
    // NOTE: what String.prototype.trim would keep: anything but white space and line terminators.
    if (!titleSeen && ch.trim() !== '') titleSeen = true;
  }
  const groups: Group[] = [];
  let titleEnd = contentEnd;
  if (groupsStart >= 0) {
    titleEnd = groupsStart;
    let i = groupsStart;
    while (i < contentEnd) {
      while (i < contentEnd && isWs(raw[i]!)) i++;
      if (i >= contentEnd) break;
      if (!isOpen(raw[i])) break;
      let j = i + 1;
      while (j < contentEnd && !isClose(raw[j]) && !isOpen(raw[j])) j++;
      if (j >= contentEnd || isOpen(raw[j])) {
        issues.push({
          code: 'unbalanced-bracket',
          message: `Unclosed "${raw[i]}" in the heading, expected a matching "]"`,
          start: i,
          end: i + 1,
        });
        i = contentEnd;
        break;
      }
      groups.push({ start: i + 1, end: j });
      i = j + 1;
    }
    if (i < contentEnd) {
      const [s, e] = trimSpan(raw, i, contentEnd);
      if (e > s) {
        issues.push({
          code: 'text-after-metadata',
          message: `Unexpected text "${raw.slice(s, e)}" after the venue and organisations, expected the heading to end`,
          start: s,
          end: e,
        });
      }
    }
  }

  // Alias: a trailing `(ALIAS)` of the title part.
  let [ts, te] = trimSpan(raw, 0, titleEnd);
  let alias: string | null = null;
  const titlePart = raw.slice(ts, te);
  const aliasMatch = /[(（]([^()（）]{1,40})[)）]$/.exec(titlePart);
  if (aliasMatch && aliasMatch[1]!.trim() && aliasMatch[1]!.trim().split(/\s+/).length <= 3 && aliasMatch.index > 0) {
    alias = aliasMatch[1]!.trim();
    te = ts + aliasMatch.index;
    [ts, te] = trimSpan(raw, ts, te);
  }
  // A colon right before the metadata (`Title: [KDD'18]`) is the same slip as a trailing one.
  let titleTextEnd = te;
  while (titleTextEnd > ts && /[:：]/.test(raw[titleTextEnd - 1]!)) titleTextEnd--;
  if (titleTextEnd < te && groups.length > 0) {
    issues.push({
      code: 'trailing-punctuation',
      message: `Unexpected "${raw.slice(titleTextEnd, te)}" after the title, expected the metadata to follow the title directly`,
      start: titleTextEnd,
      end: te,
      fix: '',
    });
  }
  [ts, te] = trimSpan(raw, ts, titleTextEnd);
  const title = raw.slice(ts, te);
  if (!title) {
    issues.push({ code: 'empty-title', message: 'Empty title, expected the paper\'s title after "### "', start: 0, end: raw.length });
  }
  let depth = 0;
  for (const ch of title) {
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') depth--;
    if (depth < 0) break;
  }
  if (depth !== 0) {
    issues.push({
      code: 'unbalanced-bracket',
      message: 'Unbalanced parenthesis in the title, expected "(" and ")" to pair up',
      start: ts,
      end: te,
    });
  }

  // Venue: the first group with a year, or the first group that names a known venue.
  let venueRaw: string | null = null;
  let yearRaw: string | null = null;
  let venueSpan: [number, number] | null = null;
  let venueGroup = -1;
  for (let g = 0; g < groups.length && venueGroup < 0; g++) {
    const { start, end: gend } = groups[g]!;
    const text = raw.slice(start, gend);
    const m = VENUE_YEAR.exec(text);
    if (m && m[1]!.trim() && !ORG_SEPARATORS.test(m[1]!)) {
      venueGroup = g;
      const lead = text.length - text.trimStart().length;
      venueRaw = m[1]!.trim();
      venueSpan = [start + lead, start + lead + venueRaw.length];
      yearRaw = m[2] ?? m[3] ?? null;
    } else if (g === 0 && text.trim() && isVenue(text.trim())) {
      venueGroup = g;
      venueRaw = text.trim();
      const [s, e] = trimSpan(raw, start, gend);
      venueSpan = [s, e];
    }
  }
  if (venueRaw === null && groups.length > 0) {
    // A lone year (`[2023]`) is a year without a venue.
    const lone = /^\s*(\d{4})\s*$/.exec(raw.slice(groups[0]!.start, groups[0]!.end));
    if (lone) {
      venueGroup = 0;
      yearRaw = lone[1]!;
    }
  }

  const orgs: string[] = [];
  const orgSpans: Array<[number, number]> = [];
  groups.forEach((group, g) => {
    if (g === venueGroup) return;
    let s = group.start;
    for (let i = group.start; i <= group.end; i++) {
      if (i === group.end || ORG_SEPARATORS.test(raw[i]!)) {
        const [a, b] = trimSpan(raw, s, i);
        if (b > a) {
          orgs.push(raw.slice(a, b));
          orgSpans.push([a, b]);
        }
        s = i + 1;
      }
    }
  });

  return {
    title,
    alias,
    venueRaw,
    yearRaw,
    year: yearRaw === null ? null : expandYear(yearRaw),
    orgs,
    venueSpan,
    orgSpans,
    issues,
  };
}
