// The digest's outline (documentSymbol) and entries as workspace symbols. Pure.
import type { DocumentSymbol } from 'vscode-languageserver';
import type { Entry, Section } from '../store/schema.js';
import { rangeAt, type LineIndex } from './positions.js';

/** LSP SymbolKind values used here. */
export const SECTION_KIND = 3; // Namespace
export const ENTRY_KIND = 5; // Class

/** `Venue'YY · Org1, Org2`, or what of it the heading has; empty when it has neither. */
export function entryDetail(entry: Pick<Entry, 'venue' | 'year' | 'orgs'>): string {
  const year = entry.year === null ? '' : `'${String(entry.year % 100).padStart(2, '0')}`;
  const venue = entry.venue ? `${entry.venue}${year}` : year ? String(entry.year) : '';
  return [venue, entry.orgs.join(', ')].filter(Boolean).join(' · ');
}

export function entryName(entry: Pick<Entry, 'title' | 'alias'>): string {
  return entry.alias ? `${entry.title} (${entry.alias})` : entry.title || '(untitled)';
}

function entrySymbol(index: LineIndex, entry: Entry): DocumentSymbol {
  const detail = entryDetail(entry);
  return {
    name: entryName(entry),
    ...(detail ? { detail } : {}),
    kind: ENTRY_KIND,
    range: rangeAt(index, entry.range.start, entry.range.end),
    selectionRange: rangeAt(index, entry.heading.start, entry.heading.end),
  };
}

/** One file's sections, each with its entries as children; entries before any section stand alone. */
export function documentSymbols(index: LineIndex, sections: readonly Section[], entries: readonly Entry[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const ordered = [...sections].sort((a, b) => a.range.start - b.range.start);
  let k = 0;
  let current: DocumentSymbol | null = null;
  let currentEnd = -1;
  for (const entry of [...entries].sort((a, b) => a.range.start - b.range.start)) {
    while (k < ordered.length && ordered[k]!.range.start <= entry.range.start) {
      const s = ordered[k++]!;
      current = {
        name: s.title || '(untitled section)',
        kind: SECTION_KIND,
        range: rangeAt(index, s.range.start, s.range.end),
        selectionRange: rangeAt(index, s.heading.start, s.heading.end),
        children: [],
      };
      currentEnd = s.range.end;
      out.push(current);
    }
    const symbol = entrySymbol(index, entry);
    if (current && entry.range.start < currentEnd) current.children!.push(symbol);
    else out.push(symbol);
  }
  for (; k < ordered.length; k++) {
    const s = ordered[k]!;
    out.push({ name: s.title || '(untitled section)', kind: SECTION_KIND, range: rangeAt(index, s.range.start, s.range.end), selectionRange: rangeAt(index, s.heading.start, s.heading.end), children: [] });
  }
  return out;
}
