// Completion inside an entry heading's metadata brackets: venues in the first, organisations in any. Pure.
import type { CompletionItem } from 'vscode-languageserver';
import { headingOfLine } from '../store/scan.js';
import { ORG_SEPARATORS } from '../store/heading.js';

export interface BracketContext {
  /** Which group of `[...]` the cursor is in, 0 for the first. */
  group: number;
  /** The character (on the line) where the word being typed starts. */
  start: number;
  /** What is typed of it, up to the cursor. */
  typed: string;
}

/**
 * Where the cursor is in an entry heading (`### Title(ALIAS)[Venue'YY][Org]`): inside an open `[`
 * after the title, or null (outside a heading, in the title, inside `(ALIAS)`, after a venue's `'`).
 */
export function bracketContext(line: string, character: number): BracketContext | null {
  const heading = headingOfLine(line);
  if (!heading || heading.level !== 3) return null;
  const before = line.slice(0, character);
  const open = before.lastIndexOf('[');
  if (open < 0 || before.indexOf(']', open) >= 0) return null;
  // Inside `(...)` that is not closed yet: the alias, nothing to offer.
  if (before.lastIndexOf('(') > before.lastIndexOf(')') && before.lastIndexOf('(') < open) return null;
  // Metadata groups come after the title: count the closed `[...]` groups just before this one.
  let group = 0;
  let i = open;
  while (i > 0 && before[i - 1] === ']') {
    const prev = before.lastIndexOf('[', i - 1);
    if (prev < 0) break;
    group++;
    i = prev;
  }
  const inside = before.slice(open + 1);
  // After the year's quote the year is typed: nothing to offer.
  if (/['’‘`´]/.test(inside)) return null;
  let start = open + 1;
  const parts = inside.split(ORG_SEPARATORS);
  if (parts.length > 1) start = character - parts.at(-1)!.length;
  while (start < character && /\s/.test(line[start]!)) start++;
  return { group, start, typed: line.slice(start, character) };
}

export interface Names {
  /** Venues: canonical spellings (registry and digest), with how many entries use each. */
  venues: ReadonlyMap<string, number>;
  orgs: ReadonlyMap<string, number>;
}

function items(names: ReadonlyMap<string, number>, kind: 'venue' | 'organisation', rank: number, line: number, ctx: BracketContext, character: number): CompletionItem[] {
  return [...names].map(([name, uses]) => ({
    label: name,
    // LSP CompletionItemKind: Constant 21 (venue), Module 9 (organisation).
    kind: kind === 'venue' ? 21 : 9,
    detail: uses ? `${kind}, ${uses} entr${uses === 1 ? 'y' : 'ies'}` : kind,
    // Most used first; then by name.
    sortText: `${rank}${String(1e6 - Math.min(uses, 999999)).padStart(7, '0')}${name.toLowerCase()}`,
    filterText: name,
    textEdit: { range: { start: { line, character: ctx.start }, end: { line, character } }, newText: name },
  }));
}

/** The completions at a place in a heading line (0-based line, UTF-16 character). */
export function headingCompletions(lineTextValue: string, line: number, character: number, names: Names): CompletionItem[] {
  const ctx = bracketContext(lineTextValue, character);
  if (!ctx) return [];
  if (ctx.group === 0) return [...items(names.venues, 'venue', 0, line, ctx, character), ...items(names.orgs, 'organisation', 1, line, ctx, character)];
  return items(names.orgs, 'organisation', 0, line, ctx, character);
}
