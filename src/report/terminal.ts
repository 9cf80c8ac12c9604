// Colour and display-width helpers for terminal output (CJK-aware widths via string-width).
import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from '../io.js';
import { simpleWidth, type Measure } from './width.js';

export type { ChalkInstance };

/** Colour only on a terminal; never with NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function colorFor(io: Io, wanted: boolean): ChalkInstance {
  const env = io.env;
  let level: 0 | 1 | 2 | 3 = 0;
  if (wanted && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '')) {
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '' && force !== '0' && force !== 'false') level = 1;
    else if (io.stdout.isTTY && env.TERM !== 'dumb') level = 1;
  }
  return new Chalk({ level });
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
  options: { maxWidth?: number | undefined; indent?: string; measure?: Measure } = {},
): string[] {
  const { maxWidth, indent = '', measure = simpleWidth } = options;
  const widths = columns.map((_, i) => rows.reduce((max, r) => Math.max(max, measure(r[i] ?? '')), 0));
  // The last column is not padded, so it does not count towards trailing spaces.
  if (maxWidth !== undefined) {
    const total = indent.length + widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
    const over = total - maxWidth;
    const i = columns.findIndex((c) => c.shrink);
    if (over > 0 && i >= 0) widths[i] = Math.max(12, widths[i]! - over);
  }
  return rows.map((row, r) => {
    const cells = row.map((cell, i) => {
      const col = columns[i] ?? {};
      let text = cell;
      if (col.shrink && measure(text) > widths[i]!) text = truncate(text, widths[i]!, measure);
      const pad = ' '.repeat(Math.max(0, widths[i]! - measure(text)));
      const styled = col.style ? col.style(text, r) : text;
      if (i === row.length - 1 && col.align !== 'right') return styled;
      return col.align === 'right' ? pad + styled : styled + pad;
    });
    return indent + cells.join('  ').trimEnd();
  });
}
