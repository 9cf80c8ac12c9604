// The default lint format: findings grouped by file, aligned by display width (Chinese too), and a summary.
import type { Counts } from '../lint/run.js';
import type { FileResult, Severity } from '../lint/types.js';
import { terminalSafe } from './safe.js';
import { plural, renderRows, type ChalkInstance } from './terminal.js';
import type { Measure } from './width.js';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'error', warn: 'warning', info: 'info' };

/** The cells of one stylish row: `line:col`, severity, message, rule. */
export function stylishCells(m: FileResult['messages'][number]): string[] {
  return [`${m.line}:${m.column}`, SEVERITY_LABEL[m.severity], m.message, m.ruleId];
}

/**
 * `aligned`: the rule names in a column (a terminal); else each message is followed by its rule at
 * two spaces, so a pipe gets no lines padded to the longest message.
 */
export function formatStylish(files: readonly FileResult[], options: { color: ChalkInstance; measure?: Measure; aligned?: boolean }): string {
  const { color } = options;
  const paint: Record<string, (t: string) => string> = { error: color.red, warning: color.yellow, info: color.blue };
  const out: string[] = [];
  for (const file of files) {
    if (!file.messages.length) continue;
    const lines = renderRows(
      file.messages.map(stylishCells),
      [{ style: (t) => color.dim(t) }, { style: (t) => paint[t]!(t) }, { pad: options.aligned !== false }, { style: (t) => color.dim(t) }],
      { indent: '  ', measure: options.measure },
    );
    out.push(color.underline(terminalSafe(file.file)), ...lines, '');
  }
  return out.join('\n');
}

/** `✖ 3 problems (1 error, 2 warnings)` and how many --fix can fix; empty when there is nothing. */
export function formatSummary(counts: Counts, color: ChalkInstance): string {
  const total = counts.errors + counts.warnings + counts.infos;
  if (total === 0) return '';
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos) parts.push(plural(counts.infos, 'info'));
  const paint = counts.errors ? color.red : counts.warnings ? color.yellow : color.blue;
  const lines = [paint(`✖ ${plural(total, 'problem')} (${parts.join(', ')})`)];
  const fixable = counts.fixableErrors + counts.fixableWarnings + counts.fixableInfos;
  if (fixable) {
    const which = [plural(counts.fixableErrors, 'error'), plural(counts.fixableWarnings, 'warning')];
    if (counts.fixableInfos) which.push(plural(counts.fixableInfos, 'info'));
    lines.push(`  ${fixable} fixable with --fix (${which.join(', ')}); --fix-dry-run shows the changes`);
  }
  return lines.join('\n');
}
