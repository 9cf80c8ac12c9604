// A new entry's text in the digest's own style: `Title(ALIAS)[Venue'YY][Org1,Org2]`, `[CVPR 2024] Title`,
// `Title. ICLR 2018`, `Title (2017)`, as a heading or a list item, and the style read from the file.
import { parseHeading } from '../store/heading.js';

export interface EntryFields {
  title: string;
  alias: string | null;
  venue: string | null;
  year: number | null;
  orgs: string[];
}

export interface HeadingStyle {
  /** `KDD'2018` rather than `KDD'18`. */
  fullYear: boolean;
  /** `Title (DIN)` rather than `Title(DIN)`. */
  spaceBeforeAlias: boolean;
  /** `Title [KDD'18]` rather than `Title[KDD'18]`. */
  spaceBeforeGroups: boolean;
  /** `[KDD'18] [Ali]` rather than `[KDD'18][Ali]`. */
  spaceBetweenGroups: boolean;
  /** Between organisations: `,` or `, `. */
  orgSeparator: string;
}

/** Where and how the venue is written: ours after the title, or as other digests write it. */
export interface VenueStyle {
  /** Where the venue goes: after the title (`Title[KDD'18]`), before it (`[CVPR 2020] Title`), or trailing (`Title. ICLR 2018`). */
  venueAt: 'before' | 'after' | 'trailing';
  /** The bracket around the venue (`[`, `【`, `(`, `（`); trailing venues have none. */
  bracket: string;
  /** Between the venue and its year: `'`, `’`, ` `, `` or `-`. */
  yearGlue: string;
  /** Before a trailing venue: `. ` or `, `. */
  trailingSeparator: string;
  /** A space between the title and a venue in parentheses after it (`Title (CVPR 2017)`). */
  spaced: boolean;
}

/** The shipped digest's style, used where a file shows none. */
export const DEFAULT_STYLE: HeadingStyle = {
  fullYear: false,
  spaceBeforeAlias: false,
  spaceBeforeGroups: false,
  spaceBetweenGroups: false,
  orgSeparator: ',',
};

/** Ours: `Title[KDD'18]`. */
export const DEFAULT_VENUE_STYLE: VenueStyle = {
  venueAt: 'after',
  bracket: '[',
  yearGlue: "'",
  trailingSeparator: '. ',
  spaced: false,
};

const CLOSE: Readonly<Record<string, string>> = { '[': ']', '【': '】', '(': ')', '（': '）' };

/** Counts of several ways of writing one thing: the most common, the default on a tie with it. */
class Choice<T> {
  private readonly counts = new Map<T, number>();
  add(value: T): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }
  pick(fallback: T): T {
    let best = fallback;
    let most = this.counts.get(fallback) ?? 0;
    for (const [value, n] of this.counts) if (n > most) [best, most] = [value, n];
    return best;
  }
}

/** Counts of two ways of writing one thing; the style follows the majority, the default on a tie. */
class Vote {
  yes = 0;
  no = 0;
  add(yes: boolean): void {
    if (yes) this.yes++;
    else this.no++;
  }
  get verdict(): boolean {
    return this.yes > this.no;
  }
}

/** The style most of these entry headings (the text after `### `, or after a list item's marker) are written in. */
export function detectStyle(raws: readonly string[]): HeadingStyle {
  const fullYear = new Vote();
  const beforeAlias = new Vote();
  const beforeGroups = new Vote();
  const betweenGroups = new Vote();
  const orgSpace = new Vote();
  for (const raw of raws) {
    const first = /^([^[【]*?)(\s?)[[【]/.exec(raw);
    if (first?.[1]) {
      beforeGroups.add(first[2] !== '');
      const alias = /(\s?)[(（][^()（）]{1,40}[)）]$/.exec(first[1]);
      if (alias && alias.index > 0) beforeAlias.add(alias[1] !== '');
    }
    for (const gap of raw.matchAll(/[\]】](\s*)[[【]/g)) betweenGroups.add(gap[1] !== '');
    for (const group of raw.matchAll(/[[【]([^\]】]*)[\]】]/g)) {
      const text = group[1]!;
      const year = /['’‘`´]\s*(\d{2}|\d{4})\s*$/.exec(text);
      if (year) fullYear.add(year[1]!.length === 4);
      for (const comma of text.matchAll(/,(\s?)/g)) orgSpace.add(comma[1] !== '');
    }
  }
  return {
    fullYear: fullYear.verdict,
    spaceBeforeAlias: beforeAlias.verdict,
    spaceBeforeGroups: beforeGroups.verdict,
    spaceBetweenGroups: betweenGroups.verdict,
    orgSeparator: orgSpace.verdict ? ', ' : ',',
  };
}

/**
 * Where and how most of these headings write the venue, read by the heading grammar, and whether
 * their years are written in full (which `detectStyle` sees only in `'YY` groups).
 */
export function detectVenueStyle(raws: readonly string[], isVenue: (name: string) => boolean = () => false): VenueStyle & { fullYear: boolean | null } {
  const fullYear = new Vote();
  const venueAt = new Choice<VenueStyle['venueAt']>();
  const bracket = new Choice<string>();
  const glue = new Choice<string>();
  const separator = new Choice<string>();
  const spaced = new Vote();
  for (const raw of raws) {
    const { form, venueSpan } = parseHeading(raw, isVenue);
    if (form.venueAt === 'after' && form.bracket && venueSpan) spaced.add(/\s/.test(raw[raw.lastIndexOf(form.bracket, venueSpan[0]) - 1] ?? ''));
    if (form.yearDigits !== null) fullYear.add(form.yearDigits === 4);
    if (form.venueAt === null) continue;
    venueAt.add(form.venueAt);
    if (form.bracket) bracket.add(form.bracket);
    if (form.yearGlue !== null) glue.add(form.yearGlue);
    if (form.venueAt === 'trailing' && !form.bracket && venueSpan) {
      // `. `, `, `, ` - `, ` —— `: a dash keeps the space before it.
      const before = /([.,，;；|]|\s[-–—]{1,2}|[-–—]{2})?\s*$/.exec(raw.slice(0, venueSpan[0]));
      separator.add(before?.[1] ? `${/^\s/.test(before[1]) ? ' ' : ''}${before[1].trim()} ` : ' ');
    }
  }
  const at = venueAt.pick(DEFAULT_VENUE_STYLE.venueAt);
  return {
    venueAt: at,
    bracket: bracket.pick(at === 'trailing' ? '(' : DEFAULT_VENUE_STYLE.bracket),
    yearGlue: glue.pick(DEFAULT_VENUE_STYLE.yearGlue),
    trailingSeparator: separator.pick(DEFAULT_VENUE_STYLE.trailingSeparator),
    spaced: spaced.verdict,
    fullYear: fullYear.yes + fullYear.no === 0 ? null : fullYear.verdict,
  };
}

/** The venue and year as the style writes them (`KDD'18`, `CVPR 2024`, `KDD2018`), the year alone, or null. */
function venueText(fields: EntryFields, style: HeadingStyle & VenueStyle): string | null {
  if (fields.venue === null) return fields.year === null ? null : String(fields.year);
  if (fields.year === null) return fields.venue;
  const quoted = style.yearGlue === "'" || style.yearGlue === '’';
  // NOTE: after a space, a hyphen or nothing the year is written in full: `AAAI 18` and `KDD18` read back only for known venues.
  const year = quoted && !style.fullYear ? String(fields.year % 100).padStart(2, '0') : String(fields.year);
  return `${fields.venue}${style.yearGlue}${year}`;
}

/** The heading text after `### ` (or a list item's marker). A year without a venue is written `[2018]`. */
export function formatHeading(fields: EntryFields, headingStyle: HeadingStyle = DEFAULT_STYLE, venueStyle: VenueStyle = DEFAULT_VENUE_STYLE): string {
  const style = { ...headingStyle, ...venueStyle };
  let title = fields.title;
  if (fields.alias) title += `${style.spaceBeforeAlias ? ' ' : ''}(${fields.alias})`;
  const venue = venueText(fields, style);
  const orgs = fields.orgs.length ? `[${fields.orgs.join(style.orgSeparator)}]` : null;
  const wrap = (inner: string): string => `${style.bracket}${inner}${CLOSE[style.bracket] ?? ']'}`;
  // A venue without a year reads as one only in brackets (`[OSDI]`): written after the title then.
  const at = fields.venue !== null && fields.year === null && style.venueAt === 'trailing' ? 'after' : style.venueAt;
  if (at === 'before') return [venue === null ? null : wrap(venue), title, orgs].filter((p) => p !== null).join(' ');
  if (at === 'trailing') {
    const tail = venue === null ? '' : fields.venue === null ? ` (${venue})` : `${style.trailingSeparator}${venue}`;
    return `${title}${tail}${orgs ? ` ${orgs}` : ''}`;
  }
  const paren = style.bracket === '(' || style.bracket === '（';
  const groups = [venue === null ? null : wrap(venue), orgs].filter((g) => g !== null);
  if (!groups.length) return title;
  // `Title (CVPR 2017) [Org]`: a parenthesis spaced as the file spaces it, organisations in brackets after it.
  const space = (paren && venue !== null ? style.spaced : style.spaceBeforeGroups) ? ' ' : '';
  return title + space + groups.join(style.spaceBetweenGroups || (paren && venue !== null && orgs !== null) ? ' ' : '');
}

/** The bullet marker most top-level list items in `text` use, or null when it has none. */
export function bulletMarker(text: string): '-' | '*' | '+' | null {
  const counts = { '-': 0, '*': 0, '+': 0 };
  for (const m of text.matchAll(/^([-*+])[ \t]/gm)) counts[m[1] as '-' | '*' | '+']++;
  const best = (['-', '*', '+'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : null;
}

const ITEM_PREFIX = /^\uFEFF?([ \t]*)(?:([-*+])|(\d{1,9})([.)]))[ \t]+$/;

/** What starts a list-item entry's line (`- `, `  * `, `3. `), split up; null for a heading. */
export function itemPrefix(prefix: string): { indent: string; marker: string; width: number; number: number | null } | null {
  const m = ITEM_PREFIX.exec(prefix);
  if (!m) return null;
  const marker = m[2] ?? `${m[3]}${m[4]}`;
  return { indent: m[1]!, marker, width: prefix.replace(/^\uFEFF/, '').length, number: m[3] ? Number(m[3]) : null };
}

/**
 * How the notes under a list-item entry are indented and marked: as the bullets nested in the first
 * of `bodies` that has any are (the entry's own body first), else under the item's text with its marker.
 */
export function nestedBullet(bodies: readonly string[], item: NonNullable<ReturnType<typeof itemPrefix>>): { indent: string; marker: string } {
  for (const body of bodies) {
    const m = /^([ \t]+)([-*+])[ \t]/m.exec(body);
    if (m && m[1]!.length > item.indent.length) return { indent: m[1]!, marker: m[2]! };
  }
  return { indent: ' '.repeat(item.width), marker: item.number === null ? item.marker : '-' };
}

/** One bullet line per note. */
export function bulletLines(notes: readonly string[], marker: string): string[] {
  return notes.map((n) => `${marker} ${n}`);
}
