// The entry-heading grammar: the title and the venue, year, alias and organisations around it, in
// every place reading digests write them. Ours is `Title(ALIAS)[Venue'YY][Org1,Org2]`; others put the
// venue first (`[CVPR 2020] Title`, `【KDD2018】Title`, `(CVPR'21) Title`), trail it after `.`/`,`
// (`Title. NIPS'16`), give a lone year (`Title(2015)`), number their headings (`3.PSPNet:Title`) or
// make the title a link (`[Title](url)`). Links in a heading are the entry's links, never metadata.

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

/** Where a heading writes its metadata, and how: what lint's dialect checks and `add`'s style read. */
export interface HeadingForm {
  /** The venue (or a lone year) before the title, right after it, trailing after `.`/`,` or a link, or nowhere. */
  venueAt: 'before' | 'after' | 'trailing' | null;
  /** The bracket around the venue (`[`, `【`, `(`, `（`), null when bare. */
  bracket: string | null;
  /** What stands between the venue and its year as written (`'`, `’`, ` `, ``, `-`); null without both. */
  yearGlue: string | null;
  /** Digits of the year as written (2 or 4), null without a year. */
  yearDigits: number | null;
  /** The title is a link's text (`[Title](url)`). */
  titleLink: boolean;
  /** The heading starts with a number (`3.PSPNet:Title`, `(3) Title`). */
  numbered: boolean;
}

export interface ParsedHeading {
  title: string;
  alias: string | null;
  venueRaw: string | null;
  /** The year as written (`19`, `2023`, `1907` of an arXiv id), null when absent. */
  yearRaw: string | null;
  year: number | null;
  orgs: string[];
  /** Where the venue name sits in the raw text (0-based, half-open), for fixes. */
  venueSpan: [number, number] | null;
  /** Where each org sits in the raw text, parallel to `orgs`. */
  orgSpans: Array<[number, number]>;
  /** Text around the title that is neither metadata nor a link (`- [Title](url). 某某团队`: `某某团队`); '' when none. */
  description: string;
  form: HeadingForm;
  issues: HeadingIssue[];
}

export interface HeadingOptions {
  /** How the heading is marked, for messages (`### `, `## `, `- `). */
  marker?: string;
}

export const ORG_SEPARATORS = /[,，、;；]/;

/** ORG_SEPARATORS by character code, for loops over every character of a group. */
function isOrgSeparator(c: number): boolean {
  return c === 44 || c === 59 || c === 0xff0c || c === 0x3001 || c === 0xff1b;
}
// `Venue'YY`, `Venue’YYYY`, `Venue 2023`, `Venue'23`.
export const VENUE_YEAR = /^(.*?)\s*(?:['’‘`´]\s*(\d{2}|\d{4})|\s(\d{4}))\s*$/;
/** `KDD2018`, `NeurIPS-2020`, `CVPR_2021`: a venue glued to a four-digit year. */
const GLUED_YEAR = /^(.*?[A-Za-z&)])([-_]?)((?:19|20)\d{2})$/;
/** `CVPR18`, `AAAI 18`, `ICCV-17`: two digits after a known venue. */
const SHORT_YEAR = /^(.*?[A-Za-z&)])([-_ ]?)(\d{2})$/;
/** `2020 CVPR`: the year first, before a known venue. */
const YEAR_FIRST = /^((?:19|20)\d{2})\s+(.+)$/;
/** `arXiv 1907`, `arXiv:1907.01234`, `arxiv 2103.00020v2`: an arXiv id, whose first four digits are YYMM. */
const ARXIV_ID = /^(arxiv|corr)\s*(?:[:：]|\s|abs\/)?\s*(\d{2})(\d{2})(?:\.\d{4,5}(?:v\d+)?)?$/i;
const LONE_YEAR = /^\s*(\d{4})\s*$/;
const PLAIN_YEAR = /^(?:19|20)\d{2}$/;

/** Link texts that name a resource of the paper, not the paper: `[pdf]`, `[code]`, `[Project Page]`. */
const RESOURCE =
  /^(?:pdf|code|codes|paper|papers|project|project page|page|github|git|gitlab|video|videos|slide|slides|blog|website|web|homepage|home|demo|data|dataset|datasets|poster|supp|supplementary|supplemental|bib|bibtex|html|link|links|url|doi|abs|abstract|arxiv|openreview|official|official code|unofficial code|pytorch|tensorflow|tf|jax|mxnet|caffe|keras|paddle|note|notes|review|reviews|talk|zhihu|csdn|知乎|论文|代码|项目|主页|视频|笔记|解读|博客|官方代码|链接|\d+)$/i;
/** Labels in brackets or parentheses that are neither venue, alias nor organisation: `(Oral)`, `[Best Paper]`. */
const TAG =
  /^(?:oral|spotlight|poster|highlight|best paper|best paper award|best paper honorable mention|best student paper|award|outstanding paper|survey|preprint|extended abstract|short paper|long paper|full paper|workshop|tutorial|new|hot|wip|draft|accepted|in submission|under review)$/i;
/** Words that make a two-word parenthesis a label rather than a person (`(Extended Version)`, `(Short Paper)`). */
const NOT_A_NAME = /^(?:Extended|Abstract|Version|Paper|Papers|Short|Long|Full|Student|Invited|Talk|Oral|Poster|Spotlight|Workshop|Best|Award|Survey|Preprint|Draft|Technical|Report|Supplementary|Material|Part|Edition|Revisited|Reloaded|Volume|Chapter|Track|Demo|Findings|Main|Conference|Journal|Oral|The|A|An|Of|And|For|In|On|With|To)$/;
const NAME_WORD = /^(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.)$/;
/** What only a name has: a hyphenated given name (`Fei-Fei`), an initial (`Y.`), `et al.` */
const NAME_SIGNAL = /[A-Z][a-z]+-[A-Z]?[a-z]+|(?:^|\s)[A-Z]\.(?:\s|$)|\bet\s+al\b/;

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

function isParenOpen(ch: string | undefined): boolean {
  return ch === '(' || ch === '（';
}

function isParenClose(ch: string | undefined): boolean {
  return ch === ')' || ch === '）';
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isWs(text[start]!)) start++;
  while (end > start && isWs(text[end - 1]!)) end--;
  return [start, end];
}

/** What a heading holds besides text, found in one pass: bracket groups, links, and markup to leave out. */
type Token =
  | { kind: 'group'; start: number; end: number; inner: [number, number]; closed: boolean }
  | { kind: 'link'; start: number; end: number; inner: [number, number]; resource: boolean }
  | { kind: 'mask'; start: number; end: number };

const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>/y;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>()[\]{}（）【】「」，。；！？、"'`]+/y;

/** The end of a `[...]` balanced on square brackets from `open`, or -1 (within [open, end)). */
function matchBracket(raw: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const ch = raw[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The end of a `(...)` balanced on parentheses from `open`, or -1. */
function matchParen(raw: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const ch = raw[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** A link's text is a resource when it is an image, bracketed again (`[[pdf]]`), a URL, or a resource word. */
function isResourceText(text: string): boolean {
  const t = text.trim().replace(/^[*_~`]+|[*_~`]+$/g, '').trim();
  if (t === '' || /^\[.*\]$/s.test(t) || /^(?:https?:\/\/|www\.)/i.test(t)) return true;
  return RESOURCE.test(t) || /^(?:\p{Emoji_Presentation}|\p{Extended_Pictographic})/u.test(t);
}

/** Whether tokenize may start a token at a character (by its code): `[`, `!`, `【`, `<`, `h`, `w`, `*`, `_`. */
function mayStartToken(c: number): boolean {
  return c === 91 || c === 33 || c === 0x3010 || c === 60 || c === 104 || c === 119 || c === 42 || c === 95;
}

function tokenize(raw: string, end: number): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < end; i++) {
    // NOTE: by code first: most characters start nothing, and raw[i] of a CJK character is a new string.
    if (!mayStartToken(raw.charCodeAt(i))) continue;
    const ch = raw[i]!;
    if (ch === '[' || (ch === '!' && raw[i + 1] === '[')) {
      const image = ch === '!';
      const open = image ? i + 1 : i;
      const close = matchBracket(raw, open, end);
      if (close > open && raw[close + 1] === '(') {
        const urlEnd = matchParen(raw, close + 1, end);
        if (urlEnd > close) {
          const inner: [number, number] = [open + 1, close];
          tokens.push({ kind: 'link', start: i, end: urlEnd + 1, inner, resource: image || isResourceText(raw.slice(open + 1, close)) });
          i = urlEnd;
          continue;
        }
      }
      if (image) continue;
    }
    if (isOpen(ch)) {
      // NOTE: as ever, a group ends at the first closing bracket, and another opening one first means it is unclosed.
      let j = i + 1;
      while (j < end && !isClose(raw[j]) && !isOpen(raw[j])) j++;
      const closed = j < end && isClose(raw[j]);
      tokens.push({ kind: 'group', start: i, end: closed ? j + 1 : j, inner: [i + 1, j], closed });
      i = closed ? j : j - 1;
      continue;
    }
    if (ch === '<') {
      AUTOLINK.lastIndex = i;
      if (AUTOLINK.test(raw) && AUTOLINK.lastIndex <= end) {
        tokens.push({ kind: 'link', start: i, end: AUTOLINK.lastIndex, inner: [i + 1, AUTOLINK.lastIndex - 1], resource: true });
        i = AUTOLINK.lastIndex - 1;
        continue;
      }
      HTML_TAG.lastIndex = i;
      if (HTML_TAG.test(raw) && HTML_TAG.lastIndex <= end) {
        tokens.push({ kind: 'mask', start: i, end: HTML_TAG.lastIndex });
        i = HTML_TAG.lastIndex - 1;
      }
      continue;
    }
    if ((ch === 'h' || ch === 'w') && (i === 0 || !/[A-Za-z0-9]/.test(raw[i - 1]!)) && (raw.startsWith('http', i) || raw.startsWith('www.', i))) {
      BARE_URL.lastIndex = i;
      if (BARE_URL.test(raw) && BARE_URL.lastIndex <= end) {
        tokens.push({ kind: 'link', start: i, end: BARE_URL.lastIndex, inner: [i, BARE_URL.lastIndex], resource: true });
        i = BARE_URL.lastIndex - 1;
      }
      continue;
    }
    if ((ch === '*' || ch === '_') && raw[i + 1] === ch) {
      // `**bold**` and `__bold__` markers: no part of a title.
      let j = i;
      while (j < end && raw[j] === ch) j++;
      tokens.push({ kind: 'mask', start: i, end: j });
      i = j - 1;
    }
  }
  return tokens;
}


/** A venue and year read from one piece of text, the venue's span relative to it. */
export interface Meta {
  venue: [number, number] | null;
  year: string | null;
  /** What stands between the venue and the year as written (see HeadingForm.yearGlue). */
  glue: string | null;
}

function glueOf(between: string): string {
  const t = between.trim();
  return t || (between ? ' ' : '');
}

const SEPARATOR_CODES = new Set([...', ，;；.。:：·|'].map((c) => c.charCodeAt(0)).concat([9, 32]));

/**
 * Reads `text` as a venue with a year (`KDD'18`, `OSDI 2022`, `KDD2018`, `NeurIPS-2020`, `AAAI 18`,
 * `arXiv 1907`), or a known venue alone (`OSDI`); null for anything else.
 */
export function readVenueYear(text: string, isVenue: (name: string) => boolean, labels = true): Meta | null {
  let lead = text.length - text.trimStart().length;
  // Separators in front are no part of a venue: `, SOSP '03` after the authors.
  while (lead < text.length && SEPARATOR_CODES.has(text.charCodeAt(lead))) lead++;
  const t = text.slice(lead).trim();
  if (t === '') return null;
  const at = (start: number, length: number): [number, number] => [lead + start, lead + start + length];
  const arxiv = ARXIV_ID.exec(t);
  if (arxiv) {
    const month = Number(arxiv[3]);
    // NOTE: four digits that could be a year are one (`arXiv 2019`, `[arXiv 2012]`, as always); other four
    // digits with a month, or any after `:` or before `.NNNNN`, are an id's YYMM (`arXiv 1907`, `arXiv:2004.08476`).
    const digits = Number(`${arxiv[2]}${arxiv[3]}`);
    const id = t.includes('.') || /[:：/]/.test(t) || !(digits >= 1991 && digits <= 2035);
    if (id && month >= 1 && month <= 12) return { venue: at(0, arxiv[1]!.length), year: arxiv[2]!, glue: ' ' };
  }
  const m = VENUE_YEAR.exec(t);
  if (m && m[1]!.trim() && !ORG_SEPARATORS.test(m[1]!)) {
    const name = m[1]!.trim();
    const year = m[2] ?? m[3]!;
    const publisher = publisherLength(name, isVenue);
    return { venue: at(publisher, name.length - publisher), year, glue: glueOf(t.slice(name.length, t.length - year.length)) };
  }
  const glued = GLUED_YEAR.exec(t);
  // NOTE: glued to its year only a venue the registry knows: `(ZERO1901)` is an alias, `【KDD2018】` a venue.
  if (glued && isVenue(glued[1]!)) return { venue: at(0, glued[1]!.length), year: glued[3]!, glue: glued[2]! };
  const short = SHORT_YEAR.exec(t);
  // NOTE: two digits after a venue's full name are its volume or edition (`... Processing Systems 31`), no year.
  if (short && !ORG_SEPARATORS.test(short[1]!) && !/\S\s+\S+\s+\S/.test(short[1]!.trim()) && isVenue(short[1]!.trim())) {
    const name = short[1]!.trim();
    return { venue: at(0, name.length), year: short[3]!, glue: glueOf(short[2]!) };
  }
  const first = YEAR_FIRST.exec(t);
  if (first) {
    const publisher = publisherLength(first[2]!, isVenue);
    const name = first[2]!.slice(publisher);
    if (isVenue(name)) return { venue: at(t.length - name.length, name.length), year: first[1]!, glue: ' ' };
  }
  if (isVenue(t)) return { venue: at(0, t.length), year: null, glue: null };
  if (!labels) return null;
  // A dated venue with a label after it: `ECCV 2020 Spotlight`, `ICCV 2017 Best Student Paper`, and
  // after a known venue any short label: `NeurIPS 2021 Datasets and Benchmarks Track`, `NAACL 2018 最佳论文`.
  for (let space = t.indexOf(' '); space > 0; space = t.indexOf(' ', space + 1)) {
    const label = t.slice(space + 1).trim();
    const meta = readVenueYear(t.slice(0, space), isVenue, false);
    if (!meta?.venue || meta.year === null) continue;
    if (TAG.test(label) || (LABEL.test(label) && isVenue(t.slice(meta.venue[0], meta.venue[1])))) return { ...meta, venue: [lead + meta.venue[0], lead + meta.venue[1]] };
    break;
  }
  return null;
}

/** A label after a dated venue: a few capitalised words (`Marr Prize`, `Datasets and Benchmarks Track`) or Chinese (`最佳论文`). */
const LABEL = /^(?:(?:[A-Z][A-Za-z-]*|and|of|for|&)(?:\s+(?:[A-Z][A-Za-z-]*|and|of|for|&|track|paper|award)){0,5}|[\u4e00-\u9fff]{2,10})$/;
const PUBLISHER = /^(?:IEEE\/ACM|IEEE\/CVF|IEEE|ACM|(?:Proceedings|Proc\.)\s+of(?:\s+the)?)\s+/;

/** The length of a publisher or `Proceedings of` in front of a venue (`IEEE TNNLS`, `ACM TOG`, `Proceedings of ACL`), when what follows is a venue by itself; else 0. */
function publisherLength(name: string, isVenue: (name: string) => boolean): number {
  const p = PUBLISHER.exec(name);
  if (!p || isVenue(name)) return 0;
  const rest = name.slice(p[0].length);
  return isVenue(rest) || /^[A-Z][A-Za-z&]{1,11}$/.test(rest) ? p[0].length : 0;
}

/** A line of its own in emphasis: `*ICLR 2015*`, `_IEEE TPAMI 2019_`, `**NeurIPS 2020**`. */
const EMPHASISED_LINE = /^\s*(\*{1,2}|_{1,2})(?!\s)(.+?)(?<!\s)\1\s*$/;
const ACRONYM_IN_PARENS = /[(（]([A-Z][A-Za-z&]{1,11})[)）]/;
const YEAR_IN_TEXT = /(?<![\d.])((?:19|20)\d{2})(?![\d])/;

/**
 * The venue and year a line under a heading gives, when the heading gives none and the line is only
 * that, emphasised: `*ICLR 2015*`, or a venue's full name with its acronym and year
 * (`*International Conference on Learning Representations (ICLR), 2015*`). Null for any other line.
 */
export function readVenueLine(line: string, isVenue: (name: string) => boolean): { venueRaw: string | null; year: number | null } | null {
  const m = EMPHASISED_LINE.exec(line);
  return m ? venueOfText(m[2]!.trim(), isVenue, false) : null;
}

/** A label that says what follows it is where the paper appeared: `Venue`, `Published in`, `会议`. */
const VENUE_LABEL = /^(?:venue|conference|conf\.?|journal|published\s+(?:in|at)|publication|proceedings|会议|期刊|发表(?:于|在|会议)?|收录(?:于)?|出处)$/i;
const YEAR_LABEL = /^(?:year|年份|发表时间|发表年份)$/i;
/** `- 🏛️ **Venue**: OSDI 2004`, `**Published in:** CVPR 2019`, `会议：KDD 2018`, `* Year: 2019`. */
const LABELLED_LINE = /^(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:[\p{Extended_Pictographic}\uFE0F\u200D]+[ \t]*)?(\*\*|__)?([A-Za-z][A-Za-z .]{0,18}?|[\u4e00-\u9fff]{2,6})\s*(?:\1\s*[:：]|[:：]\s*\1|[:：])\s*(.*?)\s*$/u;

/**
 * The venue or the year a labelled line gives (`- 🏛️ **Venue**: OSDI 2004`, `- Year: 2019`). What a
 * venue label names is the venue, known to the registry or not (`ACM SIGACT News 2001`). Null for any other line.
 */
export function readLabelledLine(line: string, isVenue: (name: string) => boolean): { venueRaw: string | null; year: number | null } | null {
  // NOTE: the indentation trimmed first, and a colon wanted near the start: the pattern would backtrack on long runs of spaces.
  const t = line.trim();
  const colon = t.search(/[:：]/);
  if (colon < 0 || colon > 48) return null;
  const m = LABELLED_LINE.exec(t);
  if (!m) return null;
  const value = m[3]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/^(\*{1,2}|_{1,2})(.*)\1$/, '$2').trim();
  if (value === '' || value.length > 200) return null;
  if (YEAR_LABEL.test(m[2]!.trim())) {
    const year = /^((?:19|20)\d{2})\b/.exec(value);
    return year ? { venueRaw: null, year: Number(year[1]) } : null;
  }
  if (!VENUE_LABEL.test(m[2]!.trim())) return null;
  return readVenueValue(value, isVenue);
}

/** The venue (and year) a text that a label or a table's column vouches for names: `ACM SIGACT News 2001`, `OSDI`. */
export function readVenueValue(value: string, isVenue: (name: string) => boolean): { venueRaw: string | null; year: number | null } | null {
  const found = venueOfText(value, isVenue, true);
  if (found) return found;
  if (isVenue(value) || looksLikeVenue(value, isVenue)) return { venueRaw: value, year: null };
  // A known venue with a label beside it: `NeurIPS (oral)`, `ICML, spotlight`.
  const named = value.split(/\s*[,，;；(（)）]\s*/).find((p) => p !== '' && isVenue(p));
  return named ? { venueRaw: named, year: null } : null;
}

const BRACKETED_LINE = /^[([（【]([^()[\]（）【】]{2,60})[)\]）】]\s*$/;
const DASHED_VENUE = /\s(?:[—–]|--)\s*([^—–]{2,60})$/;

/**
 * The venue and year a line under a list item's title gives (`   *ICLR 2014*`, `   (CHI '97)`,
 * `   [arXiv 1909.08053]`, `   Authors — SOSP 2019`, `   Venue: SOSP 2009`). Null for any other line.
 */
export function readItemMetaLine(indented: string, isVenue: (name: string) => boolean): { venueRaw: string | null; year: number | null } | null {
  // NOTE: the indentation trimmed first, as readLabelledLine does (no pattern below backtracks on it).
  const line = indented.trimStart();
  const labelled = readVenueLine(line, isVenue) ?? readLabelledLine(line, isVenue);
  if (labelled) return labelled;
  const bracketed = BRACKETED_LINE.exec(line);
  if (bracketed) return venueOfText(bracketed[1]!.trim(), isVenue, false);
  const dashed = DASHED_VENUE.exec(line.trimEnd());
  const found = dashed ? venueOfText(dashed[1]!.trim(), isVenue, false) : null;
  if (found?.venueRaw && isVenue(found.venueRaw)) return found;
  // A known venue and its year first, then the authors or links: `ICLR 2014 · Szegedy, ...`, `*IEEE S&P 2017* — Carlini`.
  const leading = LEADING_VENUE.exec(line);
  const first = leading ? venueOfText(leading[2]!.trim(), isVenue, false) : null;
  return first?.venueRaw && first.year !== null && isVenue(first.venueRaw) ? first : null;
}

const TITLE_LABEL = /^(?:paper|title|论文|题目|标题)\s*[:：]\s*(?=\S)/i;
const LEADING_VENUE = /^(\*{1,2}|_{1,2})?([^*_·—–|,]{2,40}?)\1?[ \t]{0,4}(?:[·—–|,]|\s-\s)/;

/**
 * The venue and year in a line's text: the whole text, then its pieces between commas and parentheses
 * (`ICLR 2018 (Best Paper)`, `Proceedings of the 32nd International Conference on Machine Learning, ICML 2015`).
 * A venue the registry does not know is taken when it looks like one, or anyway when a label vouches for it.
 */
function venueOfText(inner: string, isVenue: (name: string) => boolean, labelled: boolean): { venueRaw: string | null; year: number | null } | null {
  if (inner.length > 200) return null;
  const pieces = [inner, ...inner.split(/\s*[,，;；]\s*|\s*[(（]\s*|\s*[)）]\s*/)].map((p) => p.trim()).filter((p) => p !== '');
  let unknown: { venueRaw: string; year: number } | null = null;
  for (const piece of pieces) {
    const meta = readVenueYear(piece, isVenue);
    if (!meta?.venue || meta.year === null) continue;
    const found = { venueRaw: piece.slice(...meta.venue), year: expandYear(meta.year) };
    if (isVenue(found.venueRaw)) return found;
    if (labelled || looksLikeVenue(found.venueRaw, isVenue)) unknown ??= found;
  }
  const arxiv = /\barxiv\s*[:：]?\s*(\d{2})(\d{2})\.\d{4,5}/i.exec(inner);
  if (arxiv && Number(arxiv[2]) >= 1 && Number(arxiv[2]) <= 12) return { venueRaw: 'arXiv', year: expandYear(arxiv[1]!) };
  const year = YEAR_IN_TEXT.exec(inner);
  if (!year) return unknown;
  // A venue's full name the registry knows, or its acronym in parentheses, with a year anywhere.
  // NOTE: the shortest wins: `ICLR` over `International Conference on Learning Representations (ICLR)`.
  const named = pieces.filter((p) => p !== inner && isVenue(p)).sort((a, b) => a.length - b.length)[0];
  if (named) return { venueRaw: named, year: Number(year[1]) };
  const acronym = ACRONYM_IN_PARENS.exec(inner);
  if (acronym && looksLikeVenue(acronym[1]!, isVenue)) return { venueRaw: acronym[1]!, year: Number(year[1]) };
  return unknown;
}

/** A person's name (`Li Fei-Fei`, `Kaiming He`, `Y. LeCun et al.`): who wrote it, never an alias. */
export function isPersonName(text: string): boolean {
  let t = text.trim();
  const etAl = /,?\s+et\s+al\.?$/i.exec(t);
  if (etAl) {
    t = t.slice(0, etAl.index).trim();
    if (/^[A-Z][a-z]+$/.test(t)) return true; // `Li et al.`
  }
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w) => NAME_WORD.test(w) && !NOT_A_NAME.test(w));
}

/** Names between commas (`Yu-Xiong Wang, Ross Girshick, Martial Hebert`), the last perhaps after `and`: the authors. */
function isAuthorList(text: string): boolean {
  const names = text.split(/\s*[,，;；、]\s*|\s+and\s+/).filter((n) => n !== '');
  return names.length >= 2 && names.every((n) => isPersonName(n) || /^et\s+al\.?$/i.test(n));
}

/**
 * The end of a title without the authors after a `. ` (`Title. Yifan Hu, Yehuda Koren`, `Title. S. E.
 * Robertson et al.`): several names, or one with `et al.`. A single name stays (`Title. Really Great`
 * cannot be told from one).
 */
function withoutAuthors(raw: string, s: number, e: number): number {
  const text = raw.slice(s, e);
  for (let dot = text.indexOf('. '); dot > 0; dot = text.indexOf('. ', dot + 2)) {
    const tail = text.slice(dot + 2).replace(/[.\s]+$/, '');
    if (isAuthorList(tail) || (/\bet\s+al$/.test(tail) && /^[A-Z]/.test(tail))) return s + dot;
  }
  return e;
}

/** Three or more surnames between commas (`Wang, Girshick, Hebert, Hariharan`), after a trailing venue: the authors. */
function isSurnameList(text: string): boolean {
  const names = text.split(/\s*[,，、]\s*|\s+and\s+/).filter((n) => n !== '');
  return names.length >= 3 && names.every((n) => /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(n) || /^et\s+al\.?$/i.test(n));
}

/** An alias is a short name: `(DIN)`, `(SNAIL)`, `(Mask R-CNN)`; not a sentence, a number or a person. */
function isAliasText(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 40) return false;
  const words = t.split(/\s+/);
  if (words.length > 3) return false;
  if (words.length === 1) return !/^\d+$/.test(t);
  // NOTE: up to three words, as ever (`(Mask R-CNN)`, `(Deep FM)`), but not a name (`(Li Fei-Fei)`).
  return !(isPersonName(t) && NAME_SIGNAL.test(t));
}

/** A bare venue name in running text (`ICLR`, `CoRL`, `NeurIPS`): a known one, or one that reads as an acronym. */
function looksLikeVenue(name: string, isVenue: (name: string) => boolean): boolean {
  if (isVenue(name)) return true;
  return /^[A-Z][A-Za-z&]{1,11}$/.test(name) && (name.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** A year at the end of a title (`'16`, ` 2018`, `2018`, `-2020`, ` 18`), after the venue it belongs to. */
const YEAR_END = /(?:\s*(['’‘`´])\s*(\d{4}|\d{2})|([-_ ]?)((?:19|20)\d{2})|( )(\d{2}))\s*\.?\s*$/;
const TRAILING_YEAR = /([.,，。;；])\s*((?:19|20)\d{2})\s*\.?\s*$/;
const TRAILING_ARXIV = /(^|[.,，。;；|]|\s[-–—]{1,2}|\s)\s*((?:arxiv|corr)\s*(?:[:：]|\s|abs\/)?\s*\d{4}(?:\.\d{4,5}(?:v\d+)?)?)\s*\.?\s*$/i;
const LAST_WORD = /([A-Za-z][A-Za-z&+-]*)$/;
const LAST_TWO_WORDS = /([A-Za-z][A-Za-z&+-]* [A-Z][A-Za-z&+-]*)$/;

interface Trailing {
  /** Where the separator before it starts: the title ends there. */
  cut: number;
  meta: Meta;
  /** Offset in the text that `meta`'s span is relative to. */
  base: number;
}

/** Metadata trailing at the end of `text` (`Title. NIPS'16`, `Title, AAAI 18`), read only where it is plainly metadata. */
function trailingMeta(text: string, isVenue: (name: string) => boolean): Trailing | null {
  const last = text[text.length - 1];
  if (last === undefined || !/[0-9.]/.test(last)) return null;
  const arxiv = TRAILING_ARXIV.exec(text);
  if (arxiv && arxiv.index > 0) {
    const base = arxiv.index + arxiv[0].indexOf(arxiv[2]!, arxiv[1]!.length);
    const meta = readVenueYear(arxiv[2]!, isVenue);
    if (meta?.venue && meta.year !== null) return { cut: arxiv.index, meta, base };
  }
  const y = YEAR_END.exec(text);
  if (y) {
    const before = text.slice(0, y.index);
    const named = y[6] === undefined ? namedAfterSeparator(before, isVenue) : null;
    if (named) return { cut: named.cut, meta: { venue: [named.publisher, named.length], year: y[2] ?? y[4]!, glue: glueOf(y[1] ?? y[3] ?? '') }, base: named.base };
    const two = LAST_TWO_WORDS.exec(before);
    const name = two && isVenue(two[1]!) ? two[1]! : LAST_WORD.exec(before)?.[1];
    if (name) {
      const base = before.length - name.length;
      const sep = /(?:[.,，。;；|]|\s[-–—]{1,2}|[-–—]{2})\s*$/.exec(text.slice(0, base));
      const spaced = base > 0 && isWs(text[base - 1]!);
      const short = y[6] !== undefined;
      // Without `.`/`,` before it, or with a bare two-digit year, only a venue the registry knows.
      const ok = (sep !== null || (spaced && isVenue(name))) && (!short || isVenue(name)) && looksLikeVenue(name, isVenue);
      const cut = sep ? sep.index : base;
      if (ok && cut > 0) return { cut, meta: { venue: [0, name.length], year: y[2] ?? y[4] ?? y[6]!, glue: glueOf(y[1] ?? y[3] ?? y[5] ?? '') }, base };
    }
  }
  const lone = TRAILING_YEAR.exec(text);
  if (lone && lone.index > 0) return { cut: lone.index, meta: { venue: null, year: lone[2]!, glue: null }, base: 0 };
  return null;
}

/** A separator before a trailing venue, or a run of them (`et al., SOSP '03`: the `.` and the `,` are one). */
const TITLE_SEPARATOR = /(?:(?:[.,，。;；|]|\s[-–—]{1,2}|[-–—]{2})\s*)+/g;

/**
 * A venue of several words the registry knows, after the last separator that has one after it, up to
 * the year: `—— Journal of Machine Learning Research 2020`, `. Proceedings of ACL 2020`. Where it
 * starts (`base`), where the title ends (`cut`), the length of a `Proceedings of` before it and its own.
 */
function namedAfterSeparator(before: string, isVenue: (name: string) => boolean): { cut: number; base: number; publisher: number; length: number } | null {
  if (!/\S\s+\S/.test(before.slice(-60))) return null;
  const seps = [...before.matchAll(TITLE_SEPARATOR)].filter((m) => m.index > 0).reverse();
  for (const m of seps.slice(0, 4)) {
    const base = m.index + m[0].length;
    const name = before.slice(base).trimEnd();
    if (!/\s/.test(name) || name.length > 120) continue;
    const publisher = publisherLength(name, isVenue);
    if (isVenue(name.slice(publisher))) return { cut: m.index, base, publisher, length: name.length };
  }
  return null;
}

/** What a `(...)` holds, read as metadata. */
type Piece = { kind: 'meta'; meta: Meta } | { kind: 'alias' | 'person' | 'tag' | 'number' | 'text' };

function readParen(text: string, isVenue: (name: string) => boolean): Piece {
  const t = text.trim();
  if (/^\d{1,3}$/.test(t)) return { kind: 'number' };
  if (PLAIN_YEAR.test(t)) return { kind: 'meta', meta: { venue: null, year: t, glue: null } };
  const meta = readVenueYear(text, isVenue);
  if (meta) return { kind: 'meta', meta };
  if (TAG.test(t)) return { kind: 'tag' };
  // NOTE: `(Kaiming He)` reads as a name only after a venue (see the title's end); `(Graph Attention)` stays in a title.
  if (isPersonName(t) && NAME_SIGNAL.test(t)) return { kind: 'person' };
  if (isAliasText(t)) return { kind: 'alias' };
  return { kind: 'text' };
}

/** True when the text in [start, end) ends in a parenthesised alias (`... (DIN)`), where ours writes it. */
function endsInAlias(raw: string, start: number, end: number, isVenue: (name: string) => boolean): boolean {
  const [s, e] = trimSpan(raw, start, end);
  if (!isParenClose(raw[e - 1])) return false;
  let o = e - 2;
  while (o >= s && !isParenOpen(raw[o]) && !isParenClose(raw[o])) o--;
  return o >= s && isParenOpen(raw[o]) && readParen(raw.slice(o + 1, e - 1), isVenue).kind === 'alias';
}

type GroupRef = { inner: [number, number]; open: string };

/** The parse as it goes: what was found, and where. */
class Found {
  alias: string | null = null;
  venueRaw: string | null = null;
  yearRaw: string | null = null;
  venueSpan: [number, number] | null = null;
  orgs: string[] = [];
  orgSpans: Array<[number, number]> = [];
  /** Spans of text after the title that were read as something (metadata, links): not description. */
  used: Array<[number, number]> = [];
  form: HeadingForm = { venueAt: null, bracket: null, yearGlue: null, yearDigits: null, titleLink: false, numbered: false };
  issues: HeadingIssue[] = [];
  /** Bracket groups read after the title (what a colon before them is a slip before). */
  tailGroups = 0;

  constructor(
    readonly raw: string,
    readonly isVenue: (name: string) => boolean,
  ) {}

  get dated(): boolean {
    return this.venueRaw !== null || this.yearRaw !== null;
  }

  /** The parse: what was found, with the title and description read around it. */
  heading(title: string, description: string): ParsedHeading {
    return {
      title,
      alias: this.alias,
      venueRaw: this.venueRaw,
      yearRaw: this.yearRaw,
      year: this.yearRaw === null ? null : expandYear(this.yearRaw),
      orgs: this.orgs,
      venueSpan: this.venueSpan,
      orgSpans: this.orgSpans,
      description,
      form: this.form,
      issues: this.issues,
    };
  }

  /** Takes a venue and year read at `base` in the raw text, when none was found before. */
  meta(meta: Meta, base: number, at: HeadingForm['venueAt'], bracket: string | null): boolean {
    if (this.dated) return false;
    if (meta.venue) {
      this.venueSpan = [base + meta.venue[0], base + meta.venue[1]];
      this.venueRaw = this.raw.slice(...this.venueSpan);
    }
    this.yearRaw = meta.year;
    this.form.venueAt = at;
    this.form.bracket = bracket;
    this.form.yearGlue = meta.venue && meta.year !== null ? meta.glue : null;
    this.form.yearDigits = meta.year === null ? null : meta.year.length;
    return true;
  }

  /** A parenthesis's piece, read at [open, close] (the brackets' offsets). False when it is plain text. */
  paren(piece: Piece, open: number, close: number, at: 'before' | 'after' | 'trailing'): boolean {
    switch (piece.kind) {
      case 'meta':
        if (this.meta(piece.meta, open + 1, at, this.raw[open]!)) return true;
        // A second venue is no metadata; it may still be the alias (`(CVPR)` when the venue is known).
        if (this.alias !== null || piece.meta.year !== null || !isAliasText(this.raw.slice(open + 1, close))) return false;
        this.alias = this.raw.slice(open + 1, close).trim();
        return true;
      case 'alias':
        if (this.alias !== null) return false;
        this.alias = this.raw.slice(open + 1, close).trim();
        return true;
      case 'person':
        this.org(open + 1, close);
        return true;
      case 'tag':
      case 'number':
        return true;
      default:
        return false;
    }
  }

  /** Organisations of a group's inner span, split at the separators. */
  orgsOf(start: number, end: number): void {
    let s = start;
    for (let i = start; i <= end; i++) {
      if (i === end || isOrgSeparator(this.raw.charCodeAt(i))) {
        this.org(s, i);
        s = i + 1;
      }
    }
  }

  org(start: number, end: number): void {
    const [a, b] = trimSpan(this.raw, start, end);
    if (b > a) {
      this.orgs.push(this.raw.slice(a, b));
      this.orgSpans.push([a, b]);
    }
  }

  /**
   * Bracket groups, read as `Title[...]...` always has been: the first with a year (or, first of all,
   * one naming a known venue) is the venue, a lone year in the first is the year, the others are
   * organisations. Resource words (`[PDF]`), labels (`[Oral]`) and numbers are none of these.
   */
  groups(groups: readonly GroupRef[], at: 'before' | 'after'): void {
    const { raw, isVenue } = this;
    let venueGroup = -1;
    if (!this.dated) {
      for (let g = 0; g < groups.length && venueGroup < 0; g++) {
        const [start, end] = groups[g]!.inner;
        const text = raw.slice(start, end);
        let meta = readVenueYear(text, isVenue);
        if (!meta && at === 'before') {
          // Before the title, a bracket that is an acronym glued to a year is a venue the registry does not know: `【ADKDD2017】`.
          const glued = GLUED_YEAR.exec(text.trim());
          const lead = text.length - text.trimStart().length;
          if (glued && looksLikeVenue(glued[1]!, isVenue)) meta = { venue: [lead, lead + glued[1]!.length], year: glued[3]!, glue: glued[2]! };
        }
        if (meta && meta.year !== null) {
          venueGroup = g;
          this.meta(meta, start, at, groups[g]!.open);
        } else if (g === 0 && meta) {
          venueGroup = g;
          this.meta(meta, start, at, groups[g]!.open);
        }
      }
      if (venueGroup < 0 && groups.length > 0) {
        const lone = LONE_YEAR.exec(raw.slice(...groups[0]!.inner));
        if (lone) {
          venueGroup = 0;
          this.meta({ venue: null, year: lone[1]!, glue: null }, groups[0]!.inner[0], at, groups[0]!.open);
        }
      }
    }
    groups.forEach((group, g) => {
      if (g === venueGroup) return;
      const text = raw.slice(...group.inner).trim();
      if (RESOURCE.test(text) || TAG.test(text) || /^\d{1,3}$/.test(text)) return;
      this.orgsOf(...group.inner);
    });
  }
}

const LEAD_WORDS = /^(?:in|at|@|on|accepted (?:by|at|to|in)|published (?:in|at)|appeared in)\s+/i;

/** A piece of text between separators taken as a venue and year (`CVPR 2019`, `*ICLR'18*`, `In NeurIPS 2020`), if it is one. */
function takePiece(found: Found, start: number, end: number): boolean {
  const raw = found.raw;
  let [s, e] = trimSpan(raw, start, end);
  while (s < e && /[*_~`]/.test(raw[s]!)) s++;
  while (e > s && /[*_~`]/.test(raw[e - 1]!)) e--;
  const lead = LEAD_WORDS.exec(raw.slice(s, e));
  if (lead) s += lead[0].length;
  const t = raw.slice(s, e);
  if (!t) return false;
  if (PLAIN_YEAR.test(t)) return found.meta({ venue: null, year: t, glue: null }, s, 'trailing', null);
  const meta = readVenueYear(t, found.isVenue);
  if (!meta || meta.year === null || !meta.venue || !looksLikeVenue(t.slice(...meta.venue), found.isVenue)) return false;
  return found.meta(meta, s, 'trailing', null);
}

const SEPARATOR = /[.,，。;；|]/;

/**
 * Reads text after a title link or a resource link: groups and parentheses are metadata, a piece
 * between `.`, `,`, `;`, `|` or ` - ` that is a venue and year is the venue, the rest is description.
 */
function readAfter(found: Found, start: number, end: number, tokens: readonly Token[]): void {
  const { raw, isVenue } = found;
  const groups: GroupRef[] = [];
  const texts: Array<[number, number]> = [];
  let at = start;
  for (const t of tokens) {
    if (t.end <= start || t.start >= end) continue;
    if (t.start > at) texts.push([at, t.start]);
    at = Math.max(at, t.end);
    if (t.kind === 'group' && t.closed) groups.push({ inner: t.inner, open: raw[t.start]! });
    else if (t.kind === 'link' && !t.resource) {
      // Another link with a text of its own: a venue (`[CVPR 2019](url)`), else description.
      const meta = readVenueYear(raw.slice(...t.inner), isVenue);
      if (!(meta && meta.year !== null && found.meta(meta, t.inner[0], 'trailing', null))) continue;
    } else if (t.kind === 'group') continue;
    found.used.push([t.start, t.end]);
  }
  if (end > at) texts.push([at, end]);
  found.groups(groups, 'after');
  for (const [s, e] of texts) {
    // Parentheses first (`(CVPR 2019)`, `(Oral)`, `(Li Fei-Fei)`), then pieces between separators.
    let cursor = s;
    const parts: Array<[number, number]> = [];
    for (let i = s; i < e; i++) {
      if (!isParenOpen(raw[i])) continue;
      let j = i + 1;
      while (j < e && !isParenClose(raw[j]) && !isParenOpen(raw[j])) j++;
      if (j >= e || !isParenClose(raw[j])) continue;
      if (found.paren(readParen(raw.slice(i + 1, j), isVenue), i, j, 'trailing')) {
        parts.push([cursor, i]);
        found.used.push([i, j + 1]);
        cursor = j + 1;
      }
      i = j;
    }
    parts.push([cursor, e]);
    for (const [ps, pe] of parts) {
      const arxiv = /(?:arxiv|corr)\s*(?:[:：]|\s|abs\/)?\s*\d{4}(?:\.\d{4,5}(?:v\d+)?)?/i.exec(raw.slice(ps, pe));
      const id: [number, number] = arxiv ? [ps + arxiv.index, ps + arxiv.index + arxiv[0].length] : [-1, -1];
      let last = ps;
      for (let i = ps; i <= pe; i++) {
        const ch = raw[i];
        // Cut at separators, but not inside an arXiv id (`arXiv:1907.01234`) nor a hyphenated word.
        const cut = i === pe || (!(i > id[0] && i < id[1]) && (SEPARATOR.test(ch!) || ((ch === '-' || ch === '–' || ch === '—') && isWs(raw[i - 1] ?? ' ') && isWs(raw[i + 1] ?? ' '))));
        if (!cut) continue;
        if (takePiece(found, last, i)) found.used.push([last, i]);
        last = i + 1;
      }
    }
  }
}

/**
 * The metadata after a title, from its first bracket group or link: groups (as `[Venue'YY][Org]`
 * always were), links (the entry's, skipped), and text after them. Text after a group is an error,
 * as it always was, unless it is a parenthesis of metadata; text after links alone is read as after a
 * title link.
 */
function readTail(found: Found, from: number, end: number, tokens: readonly Token[]): void {
  const { raw, isVenue } = found;
  const groups: GroupRef[] = [];
  let i = from;
  let sawGroup = false;
  let stop = -1;
  for (const t of tokens) {
    if (t.start < from) continue;
    const gap = trimSpan(raw, i, t.start);
    if (gap[1] > gap[0]) {
      stop = gap[0];
      break;
    }
    i = t.end;
    found.used.push([t.start, t.end]);
    if (t.kind === 'group') {
      if (!t.closed) {
        found.issues.push({ code: 'unbalanced-bracket', message: `Unclosed "${raw[t.start]}" in the heading, expected a matching "]"`, start: t.start, end: t.start + 1 });
        found.groups(groups, 'after');
        return;
      }
      groups.push({ inner: t.inner, open: raw[t.start]! });
      found.tailGroups++;
      sawGroup = true;
    } else if (t.kind === 'link' && !t.resource) {
      const meta = readVenueYear(raw.slice(...t.inner), isVenue);
      if (meta && meta.year !== null) found.meta(meta, t.inner[0], 'after', null);
    }
  }
  if (stop < 0) {
    const rest = trimSpan(raw, i, end);
    if (rest[1] > rest[0]) stop = rest[0];
  }
  found.groups(groups, 'after');
  if (stop < 0) return;
  if (sawGroup) {
    // A parenthesis after the groups may still be metadata: `Title [CVPR'19] (Oral)`.
    const [s, e] = trimSpan(raw, stop, end);
    // NOTE: not an alias: `Title[KDD'18] (DIN)` is the slip it always was.
    const piece = isParenOpen(raw[s]) && isParenClose(raw[e - 1]) && !/[()（）]/.test(raw.slice(s + 1, e - 1)) ? readParen(raw.slice(s + 1, e - 1), isVenue) : null;
    if (piece && piece.kind !== 'alias' && found.paren(piece, s, e - 1, 'after')) {
      found.used.push([s, e]);
      return;
    }
    found.issues.push({
      code: 'text-after-metadata',
      message: `Unexpected text "${raw.slice(s, e)}" after the venue and organisations, expected the heading to end`,
      start: s,
      end: e,
    });
    return;
  }
  readAfter(found, stop, end, tokens);
}

/** Text of [start, end) without HTML tags and `**`/`__` markers, spaces collapsed where markup was. */
function plainText(raw: string, start: number, end: number, tokens: readonly Token[]): string {
  let out = '';
  let at = start;
  let masked = false;
  for (const m of tokens) {
    if (m.kind !== 'mask' || m.end <= start || m.start >= end) continue;
    out += raw.slice(at, Math.max(at, m.start));
    at = Math.max(at, m.end);
    masked = true;
  }
  out += raw.slice(at, end);
  return masked ? out.replace(/\s+/g, ' ').trim() : out;
}

/** The description: text after the title that no metadata took, links as their text, without separators at either end. */
const DESCRIPTION_TEXT = /[^\s.,，。;；:：|\-–—*_~]/;

function descriptionOf(found: Found, start: number, end: number, tokens: readonly Token[]): string {
  const spans: Array<[number, number, string]> = found.used.map(([s, e]) => [s, e, ' ']);
  for (const t of tokens) {
    if (t.kind === 'mask' || (t.kind === 'link' && t.resource)) spans.push([t.start, t.end, ' ']);
    else if (t.kind === 'link') spans.push([t.start, t.end, ` ${found.raw.slice(...t.inner)} `]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = start;
  for (const [s, e, text] of spans) {
    if (e <= at || s >= end || s < at) continue;
    out += found.raw.slice(at, s) + text;
    at = e;
  }
  if (end > at) out += found.raw.slice(at, end);
  // Mostly nothing is left but spaces between the metadata.
  if (!DESCRIPTION_TEXT.test(out) || !DESCRIPTION_TEXT.test(out.replace(DECORATIONS, ' '))) return '';
  return out.replace(/\s+/g, ' ').replace(/^[\s.,，。;；:：|\-–—*_~]+|[\s.,，。;；:：|\-–—*_~]+$/g, '');
}

/**
 * The title of [s, e) when it starts with an emphasised part that a separator and more text follow
 * (`**Title**. Yinhan Liu, et al.`, `*Title*, notes`): that part, without single `*`/`_` markers; else [s, e].
 */
function emphasisedTitle(raw: string, s: number, e: number, tokens: readonly Token[]): [number, number] {
  const more = (from: number): boolean => /^\s*(?:[.,，。:：;；]|\s[-–—]\s)\s*\S/.test(raw.slice(from, e));
  // `**` and `__` are masks (the one in front may have been skipped already, ending at s).
  const opener = tokens.find((t) => t.kind === 'mask' && (t.start === s || t.end === s) && (raw[t.start] === '*' || raw[t.start] === '_'));
  if (opener) {
    const closer = tokens.find((t) => t.kind === 'mask' && t.start > opener.end && raw[t.start] === raw[opener.start]);
    if (!closer || closer.end >= e || closer.start >= e || !more(closer.end)) return [s, e];
    return [s, closer.start];
  }
  const mark = raw[s];
  if ((mark !== '*' && mark !== '_') || raw[s + 1] === mark) return [s, e];
  const close = raw.indexOf(mark, s + 2);
  if (close < 0 || close >= e - 1 || raw[close + 1] === mark || !more(close + 1)) return [s, e];
  return [s + 1, close];
}

/** Emphasis or a code span (`` `arXiv 2019` ``, as badges-and-links lists write a venue). */
const EMPHASISED_SPAN = /(\*{1,2}|_{1,2}|`)(?![\s*_`])([^*_`\n]{1,120}?)(?<![\s*_`])\1(?![*_`])/g;

/** The first emphasised known venue (with its year, if any) in [from, to) of the heading, taken as its metadata. */
function emphasisedVenue(found: Found, from: number, to: number, isVenue: (name: string) => boolean): void {
  const text = found.raw.slice(from, to);
  for (const m of text.matchAll(EMPHASISED_SPAN)) {
    const meta = readVenueYear(m[2]!, isVenue);
    if (!meta?.venue || !isVenue(m[2]!.slice(...meta.venue))) continue;
    found.meta(meta, from + m.index + m[1]!.length, 'trailing', null);
    return;
  }
}

const NUMBERED = /^(?:\d{1,3}[.、．)）](?!\d)|No\.\s?\d{1,3}\b)/;
/** The text without the emoji and `:shortcode:`s in front of it (`🏭 [Title](url)`). */
export function withoutLeadDecoration(text: string): string {
  const c = text.charCodeAt(0);
  if (!(c > 0x2000 || c === 58)) return text;
  const m = LEAD_DECORATION.exec(text);
  return m && m[0].length < text.length ? text.slice(m[0].length) : text;
}
/** Emoji (with their joiners and variation selectors), stars (`★ must-read`) and `:shortcode:`s, with the spaces after them. */
const LEAD_DECORATION = /^(?:(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[★☆])[\u{FE0F}\u{200D}\u{20E3}\p{Emoji_Modifier}]*|:[a-z0-9_+-]{1,30}:)+\s*/u;
const DECORATIONS = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[★☆])[\u{FE0F}\u{200D}\u{20E3}\p{Emoji_Modifier}]*/gu;
const TRAIL_SHORTCODES = /(?:\s+:[a-z0-9_+-]{1,30}:)+$/;
const TRAIL_DECORATION = /(?:\s*(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[★☆])[\u{FE0F}\u{200D}\u{20E3}\p{Emoji_Modifier}]*)+$/u;
const BARE_PREFIX = /^([A-Za-z][A-Za-z&+-]*)(\s*['’]?\s*)((?:19|20)\d{2}|\d{2})\s*[:：|\-–—]\s*/;
/** `CVPR-2019 Title`, `CVPR'19 Title`: a venue glued to its year, then the title after a space. */
const BARE_SPACED = /^([A-Za-z][A-Za-z&+-]*?)([-_]|\s*['’]\s*)((?:19|20)\d{2}|\d{2})\s+(?=\S)/;
/** `2016-CVPR Title`, `2021 | ICLR | Title`, `2019 CVPR Title`: the year first. */
const YEAR_PREFIX = /^((?:19|20)\d{2})(\s*[-_|/·]\s*|\s+)([A-Za-z][A-Za-z&+]*)(?:\s*[(（][^()（）]{1,40}[)）])?(?:\s*[:：|\-–—]\s*|\s+)(?=\S)/;

/** A known venue and its year in front of the title without brackets, and the length they take with their separator. */
function barePrefix(text: string, isVenue: (name: string) => boolean): { meta: Meta; length: number } | null {
  const bare = BARE_PREFIX.exec(text);
  if (bare && isVenue(bare[1]!) && (bare[2]!.trim() !== '' || bare[3]!.length === 4)) {
    return { meta: { venue: [0, bare[1]!.length], year: bare[3]!, glue: glueOf(bare[2]!) }, length: bare[0].length };
  }
  const spaced = BARE_SPACED.exec(text);
  if (spaced && isVenue(spaced[1]!)) return { meta: { venue: [0, spaced[1]!.length], year: spaced[3]!, glue: glueOf(spaced[2]!) }, length: spaced[0].length };
  const first = YEAR_PREFIX.exec(text);
  if (first && isVenue(first[3]!)) {
    const at = first[1]!.length + first[2]!.length;
    return { meta: { venue: [at, at + first[3]!.length], year: first[1]!, glue: ' ' }, length: first[0].length };
  }
  return null;
}

/**
 * Parses a heading's text (after `### `, or a list item's after `- `). `isVenue` says whether a name
 * is a known venue, so `[OSDI]` is the venue rather than an organisation and `, AAAI 18` trails a title.
 */
export function parseHeading(raw: string, isVenue: (name: string) => boolean = () => false, options: HeadingOptions = {}): ParsedHeading {
  return parseOurs(raw, isVenue) ?? parseAnyHeading(raw, isVenue, options);
}

/**
 * Ours at its plainest, `Title(ALIAS)[Venue'YY][Org,Org]`: a title without brackets, parentheses,
 * markup, links or a number in front, an alias or none, a dated venue group and an organisation
 * group or none. Nearly every heading of a digest of ours is one, and this is all they need.
 */
const PLAIN_OURS = /^(?=\S)([^[\]()（）【】<>*_`\\]*[^[\]()（）【】<>*_`\\\s])\s*(?:[(（]([^[\]()（）【】]{1,40})[)）]\s*)?\[([^[\]【】]*)\](?:\s*\[([^[\]【】]*)\])?$/;

/**
 * The heading read as parseAnyHeading reads it, when it is ours at its plainest (PLAIN_OURS), null
 * otherwise: a cold run parses every heading once, and the whole grammar costs it ~80 ms in 10k.
 * NOTE: test/store/heading-fast.test.ts checks it against parseAnyHeading; change both together.
 */
export function parseOurs(raw: string, isVenue: (name: string) => boolean): ParsedHeading | null {
  const m = PLAIN_OURS.exec(raw);
  if (!m) return null;
  const title = m[1]!;
  // What the whole grammar reads as more than a title: a number, a bare venue in front, a URL, a colon before the metadata.
  if (NUMBERED.test(title) || title.includes('http') || title.includes('www.') || /[:：]$/.test(title)) return null;
  if (barePrefix(title, isVenue)) return null;
  const found = new Found(raw, isVenue);
  // Neither the title nor the alias has a bracket: the first `[` opens the venue, the first parenthesis the alias.
  const venueOpen = raw.indexOf('[');
  const groups: GroupRef[] = [{ inner: [venueOpen + 1, venueOpen + 1 + m[3]!.length], open: '[' }];
  if (m[4] !== undefined) groups.push({ inner: [raw.length - 1 - m[4].length, raw.length - 1], open: '[' });
  found.groups(groups, 'after');
  // Undated, the whole grammar reads the end of the title for a venue: `Title. NIPS'16(DIN)[Ali]`.
  if (!found.dated) return null;
  if (m[2] !== undefined) {
    const piece = readParen(m[2], isVenue);
    const open = raw.search(/[(（]/);
    if (piece.kind !== 'alias' || !found.paren(piece, open, open + 1 + m[2].length, 'after')) return null;
  }
  return found.heading(title, '');
}

/** The whole grammar: every dialect, every slip, with its issues. */
export function parseAnyHeading(raw: string, isVenue: (name: string) => boolean = () => false, options: HeadingOptions = {}): ParsedHeading {
  const marker = options.marker ?? '### ';
  const found = new Found(raw, isVenue);
  const { issues, form } = found;
  // Trailing spaces and a trailing `:` after the whole heading.
  let end = raw.length;
  while (end > 0 && isWs(raw[end - 1]!)) end--;
  // `:shortcode:`s at the end mark the line as emoji do (`**WWW 2001** :star:`): no trailing colon.
  const shortcodes = raw.charCodeAt(end - 1) === 58 ? TRAIL_SHORTCODES.exec(raw.slice(0, end)) : null;
  if (shortcodes && shortcodes.index > 0) end = shortcodes.index;
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

  const tokens = tokenize(raw, contentEnd);
  const tokenAt = (at: number): Token | undefined => tokens.find((t) => t.start === at);
  const skipBlank = (from: number): number => {
    let i = from;
    for (;;) {
      while (i < contentEnd && isWs(raw[i]!)) i++;
      const t = tokenAt(i);
      if (t?.kind === 'mask') {
        i = t.end;
        continue;
      }
      // An emoji or a `:shortcode:` in front marks the line (`🌟 **Title**`, `:fire: Title`): no part of the title.
      const mark = raw.charCodeAt(i) > 0x2000 || raw[i] === ':' ? LEAD_DECORATION.exec(raw.slice(i, contentEnd)) : null;
      if (!mark || i + mark[0].length >= contentEnd) return i;
      i += mark[0].length;
    }
  };

  // Before the title: a number (`3.`, `(3)`, `[3]`), and venues, years, labels and aliases in brackets or parentheses.
  let ts = skipBlank(0);
  const number = NUMBERED.exec(raw.slice(ts, contentEnd));
  if (number) {
    form.numbered = true;
    ts = skipBlank(ts + number[0].length);
  }
  const prefixGroups: GroupRef[] = [];
  for (;;) {
    const t = tokenAt(ts);
    if (t?.kind === 'group' && t.closed) {
      if (/^\s*\d{1,3}\s*$/.test(raw.slice(...t.inner))) form.numbered = true;
      else prefixGroups.push({ inner: t.inner, open: raw[t.start]! });
      ts = skipBlank(t.end);
      continue;
    }
    if (t?.kind === 'link') {
      // A venue as a link (`[CVPR 2019](url) Title`), or a resource link before the title.
      const meta = t.resource ? null : readVenueYear(raw.slice(...t.inner), isVenue);
      if (t.resource || (meta && meta.year !== null)) {
        if (meta) found.meta(meta, t.inner[0], 'before', null);
        ts = skipBlank(t.end);
        continue;
      }
    }
    if (isParenOpen(raw[ts])) {
      let j = ts + 1;
      while (j < contentEnd && !isParenClose(raw[j]) && !isParenOpen(raw[j])) j++;
      // A parenthesis glued to a word is part of it (`(Re)thinking`), unless it holds a venue or a year (`（KDD 2019）KGAT`).
      if (j < contentEnd && isParenClose(raw[j])) {
        const piece = readParen(raw.slice(ts + 1, j), isVenue);
        const apart = j + 1 >= contentEnd || /[\s:：\-–—|.,*_]/.test(raw[j + 1]!) || piece.kind === 'meta';
        // NOTE: an alias before the title needs a title after it, and ours writes the alias after the title:
        // `(Paper) [KDD'18]` and `(Paper) (PAP)` are the title "(Paper)", as they always were.
        const next = tokens.find((t) => t.start > j && t.kind !== 'mask')?.start ?? contentEnd;
        const oursTitle = piece.kind === 'alias' && (raw.slice(j + 1, next).trim() === '' || endsInAlias(raw, j + 1, next, isVenue));
        if (apart && !oursTitle && piece.kind !== 'person' && found.paren(piece, ts, j, 'before')) {
          if (piece.kind === 'number') form.numbered = true;
          ts = skipBlank(j + 1);
          continue;
        }
      }
    }
    break;
  }
  if (prefixGroups.length) found.groups(prefixGroups, 'before');
  // A bare venue and year in front: `CVPR 2019: Title`, `CVPR-2019 Title`, `2021 | ICLR | Title`.
  const bare = found.dated ? null : barePrefix(raw.slice(ts, contentEnd), isVenue);
  if (bare) {
    found.meta(bare.meta, ts, 'before', null);
    ts = skipBlank(ts + bare.length);
  }
  ts = Math.min(ts, contentEnd);

  let title: string;
  let titleStart: number;
  let titleEnd: number;
  /** Where the text after the title starts (what the description is read from), -1 when none. */
  let after = -1;
  const first = tokenAt(ts);
  if (first?.kind === 'link' && !first.resource) {
    // `[Title](url)`: the title is the link's text; what follows is metadata or description.
    form.titleLink = true;
    [titleStart, titleEnd] = trimSpan(raw, first.inner[0], first.inner[1]);
    title = raw.slice(titleStart, titleEnd).replace(/<\/?[A-Za-z][^<>]*>|\*\*|__/g, '').trim();
    readAfter(found, first.end, contentEnd, tokens);
    after = first.end;
  } else {
    // The title runs to the first bracket group or link after some of its text.
    // NOTE: an unclosed bracket right at the start is title text, as it always was.
    const tail = tokens.find((t) => t.start > ts && t.kind !== 'mask')?.start ?? -1;
    if (tail >= 0) readTail(found, tail, contentEnd, tokens);
    after = tail;
    let [s, e] = trimSpan(raw, ts, tail >= 0 ? tail : contentEnd);
    // The end of the title: parentheses (alias, year, venue, person, label), and a venue trailing after `.` or `,`.
    for (let round = 0; round < 4; round++) {
      // Emoji before a link (`(NeurIPS 2022) 📄[paper](url)`) mark the link, as those in front mark the line.
      const mark = e > s && raw.charCodeAt(e - 1) > 0x2000 ? TRAIL_DECORATION.exec(raw.slice(s, e)) : null;
      if (mark && mark.index > 0) e = trimSpan(raw, s, s + mark.index)[1];
      const before = e;
      if (isParenClose(raw[e - 1])) {
        let o = e - 2;
        while (o >= s && !isParenOpen(raw[o]) && !isParenClose(raw[o])) o--;
        const length = e - 2 - o;
        const inner = raw.slice(o + 1, e - 1);
        const authors = length <= 300 && (isAuthorList(inner) || isSurnameList(inner)) && (length > 40 || /[,，、]/.test(inner));
        if (o > s && isParenOpen(raw[o]) && length >= 1 && (length <= 40 || authors)) {
          const [ps, pe] = trimSpan(raw, s, o);
          // After a trailing venue, a name or a short name is who wrote it, or where:
          // `Title. NIPS 2017 (Kaiming He)`, `Title. ICML 2017 (DeepMind)`; an alias follows the title itself.
          const piece = authors ? null : readParen(inner, isVenue);
          const trailing = !found.dated && (authors || piece!.kind === 'person' || piece!.kind === 'alias' || isPersonName(inner)) ? trailingMeta(raw.slice(ps, pe), isVenue) : null;
          if (trailing) {
            if (authors) found.orgsOf(o + 1, e - 1);
            else found.org(o + 1, e - 1);
            found.meta(trailing.meta, ps + trailing.base, 'trailing', null);
            [s, e] = trimSpan(raw, ps, ps + trailing.cut);
          } else if (piece && found.paren(piece, o, e - 1, 'after')) [s, e] = [ps, pe];
        }
      }
      if (e === before && !found.dated) {
        const trailing = trailingMeta(raw.slice(s, e), isVenue);
        if (trailing) {
          found.meta(trailing.meta, s + trailing.base, 'trailing', null);
          [s, e] = trimSpan(raw, s, s + trailing.cut);
        }
      }
      if (e === before) break;
    }
    // An emphasised title with more after it: `**Title**. Authors, et al.`, `*Title*, with notes`.
    [s, e] = emphasisedTitle(raw, s, e, tokens);
    // The authors between a title and its trailing venue: `Title. Yifan Hu, Yehuda Koren. ICDM 2008`.
    if (found.dated && found.tailGroups === 0) e = withoutAuthors(raw, s, e);
    // A colon right before the metadata (`Title: [KDD'18]`) is the same slip as a trailing one.
    let textEnd = e;
    while (textEnd > s && /[:：]/.test(raw[textEnd - 1]!)) textEnd--;
    if (textEnd < e && found.tailGroups > 0) {
      issues.push({
        code: 'trailing-punctuation',
        message: `Unexpected "${raw.slice(textEnd, e)}" after the title, expected the metadata to follow the title directly`,
        start: textEnd,
        end: e,
        fix: '',
      });
    }
    [titleStart, titleEnd] = trimSpan(raw, s, textEnd);
    title = plainText(raw, titleStart, titleEnd, tokens);
    // A numbered heading's `Name:Title` names the paper: `3.PSPNet:Pyramid Scene Parsing Network`.
    // Glued to the colon, the name is a label in front of the title (PSPNet, then the title after it;
    // `MS R-CNN:Mask Scoring R-CNN`); a one-word name with a space after the colon is the title's own
    // start (`1.TVM: An Automated ... Compiler`).
    if (form.numbered && found.alias === null) {
      const span = raw.slice(titleStart, titleEnd);
      // NOTE: a name of several words ends in one of two characters or more: `Learning N:M Sparsity` is a title.
      const glued = /^([^\s:：()（）[\]]{1,30}(?: [^\s:：()（）[\]]{2,30}){0,2}|[^\s:：()（）[\]]{1,30})[:：](?=\S)/.exec(span);
      const named = glued ?? /^([^\s:：()（）[\]]{1,30})\s*[:：]\s*\S/.exec(span);
      if (named) found.alias = named[1]!;
      if (glued) {
        titleStart += glued[0].length;
        title = plainText(raw, titleStart, titleEnd, tokens);
      }
    }
    // A label in front of the title says what follows it: `### Paper: Title`, `论文：Title`.
    const label = TITLE_LABEL.exec(raw.slice(titleStart, titleEnd));
    if (label) {
      titleStart += label[0].length;
      title = plainText(raw, titleStart, titleEnd, tokens);
    }
  }
  // A venue may be emphasised among what follows the title: `**Title**. Authors. *NAACL 2019*. [[paper]](url)`,
  // `[Title](url) - *ICML* [![stars](badge)](repo)`.
  if (!found.dated && found.venueRaw === null) emphasisedVenue(found, form.titleLink ? after : titleEnd, contentEnd, isVenue);

  if (!title) {
    issues.push({ code: 'empty-title', message: `Empty title, expected the paper's title after "${marker.trim()} "`, start: 0, end: raw.length });
  }
  let depth = 0;
  for (let i = 0; i < title.length; i++) {
    const c = title.charCodeAt(i);
    if (c === 40 || c === 0xff08) depth++;
    else if (c === 41 || c === 0xff09) depth--;
    if (depth < 0) break;
  }
  if (depth !== 0) {
    issues.push({
      code: 'unbalanced-bracket',
      message: 'Unbalanced parenthesis in the title, expected "(" and ")" to pair up',
      start: titleStart,
      end: titleEnd,
    });
  }

  return found.heading(title, after >= 0 && !issues.some((i) => i.code === 'text-after-metadata') ? descriptionOf(found, after, contentEnd, tokens) : '');
}
