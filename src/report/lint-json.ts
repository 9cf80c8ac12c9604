// The json lint format: ESLint's shape (per file counts, per message ruleId/severity/place/fix), documented in docs/lint.md.
import type { Edit } from '../edit/apply.js';
import { countMessages } from '../lint/run.js';
import type { FileResult, Severity } from '../lint/types.js';

/** ESLint's numbers: 2 error, 1 warning; 0 (which ESLint never emits) is info. */
export const SEVERITY_NUMBER: Readonly<Record<Severity, number>> = { error: 2, warn: 1, info: 0 };

const fixOf = (edit: Edit) => ({ range: [edit.start, edit.end], text: edit.text });

export function lintJson(files: readonly FileResult[]) {
  return files.map((f) => {
    const c = countMessages(f.messages);
    return {
      filePath: f.file,
      messages: f.messages.map((m) => ({
        ruleId: m.ruleId,
        ruleCode: m.ruleCode,
        severity: SEVERITY_NUMBER[m.severity],
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.fix ? { fix: fixOf(m.fix) } : {}),
        ...(m.suggestions ? { suggestions: m.suggestions.map((s) => ({ desc: s.desc, fix: fixOf(s.fix) })) } : {}),
      })),
      errorCount: c.errors,
      warningCount: c.warnings,
      infoCount: c.infos,
      fixableErrorCount: c.fixableErrors,
      fixableWarningCount: c.fixableWarnings,
    };
  });
}

export function formatJson(files: readonly FileResult[]): string {
  return `${JSON.stringify(lintJson(files), null, 2)}\n`;
}
