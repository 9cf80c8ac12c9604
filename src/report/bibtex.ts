// Entries as BibTeX: one entry per paper, keyed by its id, every value escaped for BibTeX and Biber. Pure.
import { escapeLatex, protectedTitle, type LatexOptions } from '../bibtex/latex.js';
import type { Citation } from './citation.js';

export interface BibtexOptions extends LatexOptions {
  /** The entry's notes in `annote`. */
  withNotes?: boolean;
}

export interface BibtexOutput {
  text: string;
  /** Characters `ascii` could not write as LaTeX (kept as UTF-8), each once. */
  unmapped: string[];
}

/** A citation key: the id (letters, digits, `-`); with `ascii`, other letters as `u` and their code point. */
export function bibtexKey(id: string, ascii: boolean): string {
  const key = id.replace(/[\s,{}()"#%'=\\~]/g, '-');
  return ascii ? key.replace(/[^\x00-\x7f]/gu, (c) => `u${c.codePointAt(0)!.toString(16)}`) : key;
}

/** `@type` and the field holding the venue, by kind; no venue or no year is `@misc`. */
function typeOf(c: Citation): { type: string; venueField: string | null } {
  if (c.lacking) return { type: 'misc', venueField: c.container === null ? null : 'howpublished' };
  switch (c.kind) {
    case 'journal':
      return { type: 'article', venueField: 'journal' };
    case 'arxiv':
      return { type: 'article', venueField: 'journal' };
    case 'preprint':
      return { type: 'misc', venueField: 'howpublished' };
    default:
      return { type: 'inproceedings', venueField: 'booktitle' };
  }
}

export function formatBibtex(citations: readonly Citation[], options: BibtexOptions = {}): BibtexOutput {
  const unmapped = new Set<string>();
  const keys = new Set<string>();
  const take = (e: { text: string; unmapped: string[] }): string => {
    e.unmapped.forEach((c) => unmapped.add(c));
    return e.text;
  };
  const blocks = citations.map((c) => {
    let key = bibtexKey(c.entry.id, options.ascii === true);
    // Ids are unique; a key made ASCII could (in theory) meet another: keep keys unique all the same.
    for (let n = 2; keys.has(key); n++) key = `${bibtexKey(c.entry.id, options.ascii === true)}-${n}`;
    keys.add(key);
    const { type, venueField } = typeOf(c);
    const fields: Array<[string, string]> = [['title', take(protectedTitle(c.entry.title, options))]];
    if (c.entry.alias) fields.push(['shorttitle', take(protectedTitle(c.entry.alias, options))]);
    if (venueField && c.container !== null) {
      // An arXiv preprint's journal says what it is; with its id, as Google Scholar writes it.
      const container = c.kind === 'arxiv' && venueField === 'journal' ? `arXiv preprint${c.arxivId ? ` arXiv:${c.arxivId}` : ''}` : c.container;
      fields.push([venueField, take(escapeLatex(container, options))]);
    }
    if (c.year !== null) fields.push(['year', String(c.year)]);
    if (c.kind === 'arxiv') {
      if (c.arxivId) fields.push(['eprint', take(escapeLatex(c.arxivId, options))]);
      fields.push(['eprinttype', 'arXiv'], ['archivePrefix', 'arXiv']);
    }
    if (c.entry.orgs.length) {
      // A list, as biblatex reads `institution`: an org whose name holds " and " is braced to stay whole.
      const orgs = c.entry.orgs.map((o) => take(escapeLatex(o, options))).map((o) => (/\sand\s/i.test(o) ? `{${o}}` : o));
      fields.push(['institution', orgs.join(' and ')]);
    }
    if (options.withNotes && c.entry.notes.trim() !== '') {
      const lines = c.entry.notes
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => take(escapeLatex(l.trimEnd(), options)));
      // NOTE: no blank line inside a value: LaTeX reads one as a paragraph break, which some styles reject.
      fields.push(['annote', lines.join('\n    ')]);
    }
    const width = Math.max(...fields.map(([name]) => name.length));
    const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n');
    return `@${type}{${key},\n${body}\n}\n`;
  });
  return { text: blocks.join('\n'), unmapped: [...unmapped] };
}
