// Lint rules and findings: a rule is data (id, alias, severity, docs) plus one check function.
import type * as z from 'zod/mini';
import type { Edit } from '../edit/apply.js';
import type { LintContext } from './context.js';

export type Severity = 'info' | 'warn' | 'error';
export type SeverityLevel = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warn: 1, error: 2 };

export interface RuleDocs {
  /** More than the one-line description: why, and what counts. Plain text. */
  details?: string;
  /** The rule's options, one line each (`required: ...`), when it has any. */
  options?: string[];
  /** A digest excerpt the rule reports, and the same excerpt written well. */
  bad: string;
  good: string;
}

export interface Suggestion {
  desc: string;
  fix: Edit;
}

/** What a rule reports: a message, a place in one file's text (offsets), and maybe a fix. */
export interface Report {
  file: string;
  /** Offsets [start, end) into the file's text; end defaults to start. */
  start: number;
  end?: number;
  message: string;
  /** A safe fix, applied by --fix; only a rule declared fixable may give one. */
  fix?: Edit;
  /** Judgement calls: shown, never applied. */
  suggestions?: Suggestion[];
  /** For a rule whose options set the severity of some findings (duplicates across sections); capped at the rule's. */
  severity?: SeverityLevel;
}

export type ReportFn = (report: Report) => void;

export interface Rule<O = unknown> {
  /** Stable id, never reused: `PL001`. */
  id: string;
  /** Kebab-case name, also the rule's file name: `no-empty-entry`. */
  alias: string;
  description: string;
  severity: Severity;
  fixable: boolean;
  /** zod/mini schema of the options object, with defaults; absent when the rule has none. */
  options?: z.ZodMiniType<O, Record<string, unknown>>;
  docs: RuleDocs;
  check(context: LintContext, report: ReportFn, options: O): void;
}

// NOTE: rules with different option types share one registry array.
export type AnyRule = Rule<any>;

export function defineRule<O = undefined>(rule: Rule<O>): Rule<O> {
  return rule;
}

/** One finding as the formatters see it: positions 1-based, columns in UTF-16 code units. */
export interface LintMessage {
  file: string;
  /** The rule's alias (`no-todo`). */
  ruleId: string;
  /** The rule's stable id (`PL002`). */
  ruleCode: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Edit;
  suggestions?: Suggestion[];
}

export interface FileResult {
  file: string;
  messages: LintMessage[];
}

export interface LintResult {
  files: FileResult[];
  /** Aliases of rules that threw; their crash is also a message. */
  crashed: string[];
}
