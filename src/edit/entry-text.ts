// A new entry's text in the digest's own style: `Title(ALIAS)[Venue'YY][Org1,Org2]`, bullets, and the style read from the file.

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

/** The shipped digest's style, used where a file shows none. */
export const DEFAULT_STYLE: HeadingStyle = {
  fullYear: false,
  spaceBeforeAlias: false,
  spaceBeforeGroups: false,
  spaceBetweenGroups: false,
  orgSeparator: ',',
};

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

/** The style most of these entry headings (the text after `### `) are written in. */
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

/** The heading text after `### `. A year without a venue is written `[2018]`. */
export function formatHeading(fields: EntryFields, style: HeadingStyle = DEFAULT_STYLE): string {
  let text = fields.title;
  if (fields.alias) text += `${style.spaceBeforeAlias ? ' ' : ''}(${fields.alias})`;
  const groups: string[] = [];
  if (fields.venue !== null) {
    const year = fields.year === null ? '' : style.fullYear ? `'${fields.year}` : `'${String(fields.year % 100).padStart(2, '0')}`;
    groups.push(`[${fields.venue}${year}]`);
  } else if (fields.year !== null) {
    groups.push(`[${fields.year}]`);
  }
  if (fields.orgs.length) groups.push(`[${fields.orgs.join(style.orgSeparator)}]`);
  if (groups.length) text += (style.spaceBeforeGroups ? ' ' : '') + groups.join(style.spaceBetweenGroups ? ' ' : '');
  return text;
}

/** The bullet marker most top-level list items in `text` use, or null when it has none. */
export function bulletMarker(text: string): '-' | '*' | '+' | null {
  const counts = { '-': 0, '*': 0, '+': 0 };
  for (const m of text.matchAll(/^([-*+])[ \t]/gm)) counts[m[1] as '-' | '*' | '+']++;
  const best = (['-', '*', '+'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : null;
}

/** One bullet line per note. */
export function bulletLines(notes: readonly string[], marker: string): string[] {
  return notes.map((n) => `${marker} ${n}`);
}
