// Entries as CSV (RFC 4180): a header row, one row per entry, CRLF line breaks. Pure.
import type { Entry } from '../store/schema.js';

export const CSV_COLUMNS = ['id', 'title', 'alias', 'venue', 'year', 'orgs', 'section', 'file', 'line', 'todos', 'stub'] as const;

/** A field, quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function formatCsv(entries: readonly Entry[], options: { withNotes?: boolean } = {}): string {
  const header = [...CSV_COLUMNS, ...(options.withNotes ? ['notes'] : [])];
  const rows = entries.map((e) => {
    const values = [e.id, e.title, e.alias ?? '', e.venue ?? '', e.year === null ? '' : String(e.year), e.orgs.join('; '), e.section ?? '', e.file, String(e.line), String(e.todos.length), String(e.stub)];
    if (options.withNotes) values.push(e.notes);
    return row(values);
  });
  return row(header) + rows.join('');
}

/** JSON Lines: one entry object per line, the fields of `list --json`. */
export function formatJsonl(entries: readonly Entry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('');
}
