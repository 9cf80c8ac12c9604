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
  /** `Title [KDD'18]` rather than `Title[KDD'18]`. */
  spaceBeforeGroups: boolean;
  /** Between organisations: `,` or `, `. */
  orgSeparator: string;
}

/** The shipped digest's style, used where a file shows none. */
export const DEFAULT_STYLE: HeadingStyle = { fullYear: false, spaceBeforeGroups: false, orgSeparator: ',' };

/** The style most of these entry headings (the text after `### `) are written in. */
export function detectStyle(raws: readonly string[]): HeadingStyle {
  let full = 0;
  let short = 0;
  let spaced = 0;
  let tight = 0;
  let orgSpaced = 0;
  let orgTight = 0;
  for (const raw of raws) {
    const first = /^([^[【]*?)(\s?)[[【]/.exec(raw);
    if (first?.[1]) {
      if (first[2]) spaced++;
      else tight++;
    }
    for (const group of raw.matchAll(/[[【]([^\]】]*)[\]】]/g)) {
      const text = group[1]!;
      if (/['’‘`´]\s*\d{4}\s*$/.test(text)) full++;
      else if (/['’‘`´]\s*\d{2}\s*$/.test(text)) short++;
      orgSpaced += (text.match(/,\s/g) ?? []).length;
      orgTight += (text.match(/,(?=\S)/g) ?? []).length;
    }
  }
  return {
    fullYear: full > short,
    spaceBeforeGroups: spaced > tight,
    orgSeparator: orgSpaced > orgTight ? ', ' : ',',
  };
}

/** The heading text after `### `. A year without a venue is written `[2018]`. */
export function formatHeading(fields: EntryFields, style: HeadingStyle = DEFAULT_STYLE): string {
  let text = fields.title;
  if (fields.alias) text += `(${fields.alias})`;
  const groups: string[] = [];
  if (fields.venue !== null) {
    const year = fields.year === null ? '' : style.fullYear ? `'${fields.year}` : `'${String(fields.year % 100).padStart(2, '0')}`;
    groups.push(`[${fields.venue}${year}]`);
  } else if (fields.year !== null) {
    groups.push(`[${fields.year}]`);
  }
  if (fields.orgs.length) groups.push(`[${fields.orgs.join(style.orgSeparator)}]`);
  if (groups.length) text += (style.spaceBeforeGroups ? ' ' : '') + groups.join('');
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
