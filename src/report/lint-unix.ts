// The unix lint format: `file:line:col: message [severity/rule]`, one finding a line (textlint, editors).
// Read by people and editors alike, it is terminal-safe: a control character in a message is escaped.
import type { FileResult } from '../lint/types.js';
import { SEVERITY_LABEL } from './lint-stylish.js';
import { terminalSafe } from './safe.js';

export function formatUnix(files: readonly FileResult[]): string {
  return files
    .flatMap((f) => f.messages.map((m) => `${terminalSafe(`${m.file}:${m.line}:${m.column}: ${m.message} [${SEVERITY_LABEL[m.severity]}/${m.ruleId}]`)}\n`))
    .join('');
}
