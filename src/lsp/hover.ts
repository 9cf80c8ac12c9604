// What hovering an entry heading shows, and what a word or link in the notes points at. Pure.
import type { LintMessage } from '../lint/types.js';
import type { Entry, Link } from '../store/schema.js';
import { entryDetail } from './outline.js';

/** Notes as the author counts them: list items, else non-blank lines. */
export function noteCount(notes: string): number {
  const lines = notes.split('\n').filter((l) => l.trim() !== '');
  const items = lines.filter((l) => /^\s*(?:[-*+]|\d+[.)])\s/.test(l)).length;
  return items || lines.length;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Markdown: the title and alias, the venue (canonical, as written when another), year, orgs, section, counts and findings. */
export function hoverMarkdown(entry: Entry, findings: readonly LintMessage[]): string {
  const escape = (t: string): string => t.replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1');
  const out = [`**${escape(entry.title || '(untitled)')}**${entry.alias ? ` (${escape(entry.alias)})` : ''}`, ''];
  if (entry.venue) {
    const written = entry.venueRaw && entry.venueRaw !== entry.venue ? ` (written ${escape(entry.venueRaw)}${entry.venueMatch === 'unknown' ? '' : `, ${entry.venueMatch}`})` : '';
    out.push(`- venue: ${escape(entry.venue)}${written}${entry.venueMatch === 'unknown' ? ' (not in the venue registry)' : ''}`);
  }
  if (entry.year !== null) out.push(`- year: ${entry.year}`);
  if (entry.orgs.length) out.push(`- ${entry.orgs.length === 1 ? 'organisation' : 'organisations'}: ${entry.orgs.map(escape).join(', ')}`);
  if (entry.section) out.push(`- section: ${escape(entry.section)}`);
  out.push(`- ${entry.stub ? 'no notes yet' : plural(noteCount(entry.notes), 'note')} · ${plural(entry.todos.length, 'TODO')} · id \`${entry.id}\``);
  if (findings.length) {
    out.push('', `${plural(findings.length, 'finding')}:`);
    for (const f of findings) out.push(`- ${f.severity} \`${f.ruleId}\` line ${f.line}: ${escape(f.message)}`);
  }
  return out.join('\n');
}

export { entryDetail };

/** The word (letters, digits, `-`, `_`, `.`) around a character of a line, or null. */
export function wordAt(line: string, character: number): { text: string; start: number; end: number } | null {
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_\-.]/u.test(c) && !/[\u4e00-\u9fff]/.test(c);
  let start = character;
  let end = character;
  while (start > 0 && isWord(line[start - 1])) start--;
  while (end < line.length && isWord(line[end])) end++;
  // Trailing dots are punctuation.
  while (end > start && line[end - 1] === '.') end--;
  if (start >= end) return null;
  return { text: line.slice(start, end), start, end };
}

/** The entries whose alias is `word` (any case); an alias names its entry. */
export function entriesByAlias<E extends Pick<Entry, 'alias'>>(entries: readonly E[], word: string): E[] {
  const key = word.toLowerCase();
  return entries.filter((e) => e.alias !== null && e.alias.toLowerCase() === key);
}

/** The local link whose text or target covers an offset of the file. */
export function linkAt(links: readonly Link[], offset: number): Link | null {
  return links.find((l) => l.local && l.offset <= offset && offset <= l.endOffset) ?? null;
}
