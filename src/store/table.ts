// Papers in a markdown table: `| Title | Venue | Year | Notes |`, one paper per row. Pure.

/** A cell of a table row: its text as written between the pipes, trimmed, and where that starts in the line. */
export interface Cell {
  text: string;
  start: number;
}

/** What each column of a table of papers holds, by index (-1: none). */
export interface Columns {
  title: number;
  venue: number;
  year: number;
}

const TITLE = /^(?:titles?|papers?|name|论文|标题|题目|文章|论文题目|论文标题)$/i;
const VENUE = /^(?:venue|conf\.?|conference|journal|published(?:\s+(?:in|at))?|publication|pub\.?|venue\s*[&/]\s*year|会议|期刊|发表(?:于|在|会议)?|出处|来源|会议\/期刊)$/i;
const YEAR = /^(?:year|年份|年|发表年份|发表时间)$/i;
const DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Whether a line is a table row: it starts with a pipe (the form digests write their tables in). */
export function isTableRow(line: string): boolean {
  return /^ {0,3}\|/.test(line);
}

/** The cells of a row, split at pipes outside code spans and not escaped (`\|`). */
export function cellsOf(line: string): Cell[] {
  const cells: Cell[] = [];
  let i = line.indexOf('|');
  if (i < 0) return cells;
  let start = i + 1;
  let code = false;
  for (i = start; i <= line.length; i++) {
    const c = line[i];
    if (c === '`') code = !code;
    else if (c === '\\') i++;
    else if ((c === '|' && !code) || i === line.length) {
      const raw = line.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      if (c === '|' || raw.trim() !== '') cells.push({ text: raw.trim(), start: start + lead });
      start = i + 1;
    }
  }
  return cells;
}

/** The columns of a table of papers from its header row: a title column and a venue or year column; else null. */
export function columnsOf(header: string): Columns | null {
  const names = cellsOf(header).map((c) => c.text.replace(/^(\*\*|__)(.*)\1$/, '$2').trim());
  const find = (re: RegExp): number => names.findIndex((n) => re.test(n));
  const columns = { title: find(TITLE), venue: find(VENUE), year: find(YEAR) };
  return columns.title >= 0 && (columns.venue >= 0 || columns.year >= 0) ? columns : null;
}

/** Whether a line is a table's delimiter row (`|---|:---:|`). */
export function isDelimiterRow(line: string): boolean {
  return DELIMITER.test(line);
}

const NOTES = /^(?:notes?|笔记|备注|summary|comments?|tl;?dr|takeaways?|remarks?|总结|要点)$/i;

/** The header and delimiter rows of the table a row at `rowStart` is in, as written; null when it is in none. */
export function headerAbove(text: string, rowStart: number): { header: string; delimiter: string } | null {
  let end = rowStart;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 2) + 1;
    const line = text.slice(start, end).replace(/\r?\n$/, '');
    if (!isTableRow(line)) return null;
    if (isDelimiterRow(line)) {
      const headerStart = text.lastIndexOf('\n', start - 2) + 1;
      const header = text.slice(headerStart, start).replace(/\r?\n$/, '');
      return start > 0 && isTableRow(header) ? { header, delimiter: line } : null;
    }
    end = start;
  }
  return null;
}

/** The column a table keeps notes in: one named so (`Notes`, `笔记`), else the first that is no title, venue or year; -1 when none. */
export function notesColumn(header: string): number {
  const columns = columnsOf(header);
  if (!columns) return -1;
  const names = cellsOf(header).map((c) => c.text);
  const named = names.findIndex((n) => NOTES.test(n));
  if (named >= 0) return named;
  return names.findIndex((_, i) => i !== columns.title && i !== columns.venue && i !== columns.year);
}

/** Text as one cell holds it: pipes escaped, lines joined with `<br>`. */
export function cellText(lines: readonly string[]): string {
  return lines.map((l) => l.trim().replace(/\|/g, '\\|')).join('<br>');
}

/** A new row for a table of papers with this header: the title, venue and year in their columns, the notes in the notes column. */
export function newRow(header: string, fields: { title: string; venue: string; year: string }, notes: readonly string[]): string | null {
  const columns = columnsOf(header);
  if (!columns) return null;
  const count = cellsOf(header).length;
  const cells = Array.from({ length: count }, () => '');
  cells[columns.title] = cellText([fields.title]);
  if (columns.venue >= 0) cells[columns.venue] = cellText([fields.venue]);
  if (columns.year >= 0) cells[columns.year] = fields.year;
  else if (columns.venue >= 0 && fields.year) cells[columns.venue] = `${cells[columns.venue]} ${fields.year}`.trim();
  const notesAt = notesColumn(header);
  if (notes.length && notesAt >= 0) cells[notesAt] = cellText(notes);
  return `| ${cells.join(' | ')} |`.replace(/ {2,}\|/g, ' |');
}
