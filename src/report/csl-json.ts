// Entries as CSL-JSON, what Zotero, Pandoc and citeproc read. Pure.
import type { Citation } from './citation.js';

/** One CSL item (the fields papers fills; see docs/export.md). */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  'title-short'?: string;
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  'container-title-short'?: string;
  number?: string;
  URL?: string;
  authority?: string;
  note?: string;
}

const CSL_TYPES: Readonly<Record<Citation['kind'], string>> = {
  conference: 'paper-conference',
  journal: 'article-journal',
  arxiv: 'article',
  preprint: 'article',
  misc: 'document',
};

export function cslItem(c: Citation, options: { withNotes?: boolean } = {}): CslItem {
  const item: CslItem = { id: c.entry.id, type: CSL_TYPES[c.kind], title: c.entry.title };
  if (c.entry.alias) item['title-short'] = c.entry.alias;
  if (c.year !== null) item.issued = { 'date-parts': [[c.year]] };
  if (c.container !== null) {
    // An arXiv preprint as Google Scholar names it: `arXiv preprint arXiv:<id>`.
    item['container-title'] = c.kind === 'arxiv' ? `arXiv preprint${c.arxivId ? ` arXiv:${c.arxivId}` : ''}` : c.container;
    if (c.venue !== null && c.venue !== item['container-title']) item['container-title-short'] = c.venue;
  }
  if (c.arxivId) {
    item.number = `arXiv:${c.arxivId}`;
    item.URL = `https://arxiv.org/abs/${c.arxivId}`;
  }
  // NOTE: `authority`, not `publisher`: styles print a paper's publisher, and an organisation is not one.
  if (c.entry.orgs.length) item.authority = c.entry.orgs.join(', ');
  if (options.withNotes && c.entry.notes.trim() !== '') item.note = c.entry.notes;
  return item;
}

export function formatCslJson(citations: readonly Citation[], options: { withNotes?: boolean } = {}): string {
  return `${JSON.stringify(citations.map((c) => cslItem(c, options)), null, 2)}\n`;
}
