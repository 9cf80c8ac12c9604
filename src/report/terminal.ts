// Colour and display-width helpers for terminal output (CJK-aware widths via string-width).
import type { ChalkInstance } from 'chalk';
import type { Io, OutStream } from '../io.js';
import { simpleWidth, type Measure } from './width.js';

export type { ChalkInstance };

/**
 * True when output to `stream` (stdout unless told) should be coloured: when it is a terminal, never
 * with NO_COLOR or --no-color; FORCE_COLOR forces it, even in a pipe.
 */
export function wantsColor(io: Io, wanted: boolean, stream: OutStream = io.stdout): boolean {
  const env = io.env;
  if (!wanted || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY && env.TERM !== 'dumb';
}

/**
 * chalk at level 0, without loading chalk: every style (and chain of styles) returns its text.
 * NOTE: pipes, where most scripted runs happen, never pay for loading chalk.
 */
export const plainColor: ChalkInstance = new Proxy(function paint(...text: unknown[]) {
  return text.join(' ');
}, {
  // NOTE: no `then`, or awaiting this object would treat it as a promise that never settles.
  get: (_target, key) => (key === 'level' ? 0 : key === 'then' ? undefined : plainColor),
}) as unknown as ChalkInstance;

export async function colorFor(io: Io, wanted: boolean, stream: OutStream = io.stdout): Promise<ChalkInstance> {
  if (!wantsColor(io, wanted, stream)) return plainColor;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/** `1 problem`, `2 problems`; `plural(3, 'entry', 'entries')`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Cuts text to at most `width` columns, ending with `…` when cut. */
export function truncate(text: string, width: number, measure: Measure = simpleWidth): string {
  if (width <= 0) return '';
  if (measure(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = measure(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}


export interface Column {
  /** Colours a cell after it is cut to width; cells themselves are plain text. */
  style?: (text: string, row: number) => string;
  /** Truncate this column (only this one) when the table is wider than the terminal. */
  shrink?: boolean;
  align?: 'left' | 'right';
}

/**
 * Aligned rows (two spaces between columns). `maxWidth` is the terminal width, or undefined in a pipe,
 * where nothing is cut.
 */
export function renderRows(
  rows: string[][],
  columns: Column[],
  options: { maxWidth?: number | undefined; indent?: string; measure?: Measure; plain?: boolean } = {},
): string[] {
  const { maxWidth, indent = '', measure = simpleWidth, plain = false } = options;
  // Each cell is measured once: measuring is most of the cost of a 100k-row table.
  const cellWidths = rows.map((row) => row.map((cell) => measure(cell)));
  const widths = columns.map((_, i) => cellWidths.reduce((max, w) => Math.max(max, w[i] ?? 0), 0));
  // The last column is not padded, so it does not count towards trailing spaces.
  if (maxWidth !== undefined) {
    const total = indent.length + widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
    const over = total - maxWidth;
    const i = columns.findIndex((c) => c.shrink);
    if (over > 0 && i >= 0) widths[i] = Math.max(12, widths[i]! - over);
  }
  return rows.map((row, r) => {
    let line = indent;
    for (let i = 0; i < row.length; i++) {
      const col = columns[i] ?? {};
      let text = row[i]!;
      let width = cellWidths[r]![i]!;
      if (col.shrink && width > widths[i]!) {
        text = truncate(text, widths[i]!, measure);
        width = measure(text);
      }
      const pad = ' '.repeat(Math.max(0, widths[i]! - width));
      const styled = col.style && !plain ? col.style(text, r) : text;
      if (i > 0) line += '  ';
      line += i === row.length - 1 && col.align !== 'right' ? styled : col.align === 'right' ? pad + styled : styled + pad;
    }
    return line.trimEnd();
  });
}
