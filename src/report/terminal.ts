// Colour and display-width helpers for terminal output (CJK-aware widths via string-width).
import type { ChalkInstance } from 'chalk';
import type { Io, OutStream } from '../io.js';
import { terminalSafe } from './safe.js';
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
  /** false: never padded, the next cell follows after two spaces (a long free-text column in a pipe). */
  pad?: boolean;
}

export interface RowsOptions {
  /** The terminal width, or undefined in a pipe, where nothing is cut. */
  maxWidth?: number | undefined;
  indent?: string;
  measure?: Measure;
  plain?: boolean;
  /** Cell widths known already (cached with the cells): not measured again. They must be the widths of the cells made terminal-safe. */
  widthAt?: ((r: number, i: number) => number) | undefined;
}

/**
 * Aligned rows (two spaces between columns), given one at a time by `rowAt` and handed to `emit` line
 * by line: a caller with 100k rows need not keep their cells or lines. `rowAt` is called twice per
 * row (to measure, then to write) and must give the same cells both times. Cells are made
 * terminal-safe (report/safe.ts) before they are measured, cut and styled: a style sees safe text.
 */
export function eachRow(count: number, rowAt: (r: number) => readonly string[], columns: Column[], options: RowsOptions, emit: (line: string, r: number) => void): void {
  const { maxWidth, indent = '', measure = simpleWidth, plain = false, widthAt } = options;
  // Each cell is measured once: measuring is most of the cost of a 100k-row table.
  // NOTE: a cell that terminalSafe changes has its width stored negated (-w - 1), so the second pass
  // makes only those safe again, not every cell.
  const span = Math.max(columns.length, 1);
  let cellWidths = new Int32Array(count * span);
  let widths = new Array<number>(span).fill(0);
  for (let r = 0; r < count; r++) {
    const row = rowAt(r);
    if (row.length > widths.length) {
      // A row longer than the columns: widen the table (rare; only rows given as data).
      const wider = Math.max(row.length, widths.length);
      const grown = new Int32Array(count * wider);
      for (let q = 0; q < r; q++) grown.set(cellWidths.subarray(q * widths.length, (q + 1) * widths.length), q * wider);
      cellWidths = grown;
      widths = [...widths, ...new Array<number>(wider - widths.length).fill(0)];
    }
    const stride = widths.length;
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      const safe = widthAt ? cell : terminalSafe(cell);
      const w = widthAt ? widthAt(r, i) : measure(safe);
      cellWidths[r * stride + i] = safe === cell ? w : -w - 1;
      if (w > widths[i]!) widths[i] = w;
    }
  }
  const stride = widths.length;
  // The last column is not padded, so it does not count towards trailing spaces.
  if (maxWidth !== undefined) {
    const total = indent.length + widths.slice(0, columns.length).reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
    const over = total - maxWidth;
    const i = columns.findIndex((c) => c.shrink);
    if (over > 0 && i >= 0) widths[i] = Math.max(12, widths[i]! - over);
  }
  const spaces = ' '.repeat(Math.max(0, ...widths));
  const styles = columns.map((c) => (plain ? undefined : c.style));
  for (let r = 0; r < count; r++) {
    const row = rowAt(r);
    let line = indent;
    for (let i = 0; i < row.length; i++) {
      const col = columns[i];
      let width = cellWidths[r * stride + i]!;
      let text = row[i]!;
      if (width < 0) {
        width = -width - 1;
        text = terminalSafe(text);
      } else if (widthAt) {
        text = terminalSafe(text);
      }
      if (col?.shrink && width > widths[i]!) {
        text = truncate(text, widths[i]!, measure);
        width = measure(text);
      }
      const pad = width < widths[i]! && col?.pad !== false ? spaces.slice(0, widths[i]! - width) : '';
      const style = styles[i];
      const styled = style ? style(text, r) : text;
      if (i > 0) line += '  ';
      line += i === row.length - 1 && col?.align !== 'right' ? styled : col?.align === 'right' ? pad + styled : styled + pad;
    }
    emit(line.trimEnd(), r);
  }
}

/** Aligned rows (two spaces between columns), as lines. */
export function renderRows(rows: readonly (readonly string[])[], columns: Column[], options: RowsOptions = {}): string[] {
  const lines: string[] = [];
  eachRow(rows.length, (r) => rows[r]!, columns, options, (line) => lines.push(line));
  return lines;
}
