// Runs rules over one parsed store: stamps rule id and severity, applies directives, turns a throw into a message.
import type { LintContext } from './context.js';
import { SEVERITY_RANK, type AnyRule, type FileResult, type LintMessage, type LintResult, type Report, type Severity } from './types.js';

/** A rule switched on, with its severity and parsed options. */
export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  options: unknown;
}

function byPlace(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.ruleCode.localeCompare(b.ruleCode);
}

export function runRules(context: LintContext, active: readonly ActiveRule[]): LintResult {
  const byFile = new Map<string, LintMessage[]>(context.files.map((f) => [f.name, []]));
  const crashed: string[] = [];

  const crash = (rule: AnyRule, why: string): void => {
    crashed.push(rule.alias);
    const file = context.files[0]?.name ?? '';
    byFile.get(file)?.push({
      file,
      ruleId: rule.alias,
      ruleCode: rule.id,
      severity: 'error',
      message: `Rule ${rule.alias} (${rule.id}) crashed: ${why}; this is a bug in papers, please report it`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  };

  for (const { rule, severity, options } of active) {
    const found: LintMessage[] = [];
    const report = (r: Report): void => {
      if (r.fix && !rule.fixable) throw new Error('it gave a fix but is not declared fixable');
      // A finding's own severity (from the rule's options) never goes above the rule's.
      const own = r.severity ?? severity;
      if (own === 'off') return;
      const level = SEVERITY_RANK[own] < SEVERITY_RANK[severity] ? own : severity;
      const file = context.file(r.file);
      const start = context.position(r.file, r.start);
      if (file.directives.suppressed(rule.alias, start.line)) return;
      const end = context.position(r.file, Math.max(r.start, r.end ?? r.start));
      const message: LintMessage = {
        file: r.file,
        ruleId: rule.alias,
        ruleCode: rule.id,
        severity: level,
        message: r.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
      if (r.fix) message.fix = r.fix;
      if (r.suggestions?.length) message.suggestions = r.suggestions;
      found.push(message);
    };
    try {
      rule.check(context, report, options);
    } catch (error) {
      crash(rule, error instanceof Error ? error.message : String(error));
      continue;
    }
    for (const m of found) byFile.get(m.file)!.push(m);
  }

  const files: FileResult[] = [...byFile].map(([file, messages]) => ({ file, messages: messages.sort(byPlace) }));
  return { files, crashed };
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  fixableInfos: number;
}

export function countMessages(messages: readonly LintMessage[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, fixableInfos: 0 };
  for (const m of messages) {
    const fixable = m.fix !== undefined;
    if (m.severity === 'error') {
      c.errors++;
      if (fixable) c.fixableErrors++;
    } else if (m.severity === 'warn') {
      c.warnings++;
      if (fixable) c.fixableWarnings++;
    } else {
      c.infos++;
      if (fixable) c.fixableInfos++;
    }
  }
  return c;
}
