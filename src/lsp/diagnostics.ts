// Lint findings as LSP diagnostics and code actions: the fixes exactly as `papers lint --fix` applies them. Pure.
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Edit } from '../edit/apply.js';
import type { LintMessage, Severity } from '../lint/types.js';
import { lineText, overlaps, rangeAt, type LineIndex, type Range } from './positions.js';

/** LSP DiagnosticSeverity: Error 1, Warning 2, Information 3. */
const SEVERITY: Readonly<Record<Severity, 1 | 2 | 3>> = { error: 1, warn: 2, info: 3 };

export const FIX_ALL_KIND = 'source.fixAll.papers';

/** Where a rule's documentation is (docs/lint-rules.md#<alias>). */
export type DocsHref = (alias: string) => string;

export function messageRange(m: LintMessage): Range {
  // Lint lines and columns are 1-based, columns in UTF-16 code units (a BOM not counted): LSP's own unit.
  return { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } };
}

export function toDiagnostic(m: LintMessage, docs: DocsHref): Diagnostic {
  return {
    range: messageRange(m),
    severity: SEVERITY[m.severity],
    code: m.ruleId,
    codeDescription: { href: docs(m.ruleId) },
    source: 'papers',
    message: m.message,
  };
}

export function textEdit(index: LineIndex, edit: Edit): TextEdit {
  return { range: rangeAt(index, edit.start, edit.end), newText: edit.text };
}

/** A versioned edit of one document: the client refuses it when the document has moved on. */
export function documentEdit(uri: string, version: number | null, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

/** Characters compared at once (natively, as two slices) before the first and last differing character is looked for one by one. */
const BLOCK = 1024;

/** The one edit that turns `before` into `after`: the span between their common prefix and suffix. */
export function replaceChanged(before: string, after: string): Edit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  // NOTE: the language server runs this on a whole buffer at every keystroke: a block at a time is
  // ~10 times faster on a 3.5 M-character digest than a loop over every character.
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end + BLOCK <= max - start && before.slice(before.length - end - BLOCK, before.length - end) === after.slice(after.length - end - BLOCK, after.length - end)) end += BLOCK;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // NOTE: never split a surrogate pair or a CRLF: widen to whole code points and line endings.
  const low = (s: string, i: number): boolean => i > 0 && i < s.length && ((s.charCodeAt(i) & 0xfc00) === 0xdc00 || (s[i] === '\n' && s[i - 1] === '\r'));
  while (start > 0 && (low(before, start) || low(after, start))) start--;
  while (end > 0 && (low(before, before.length - end) || low(after, after.length - end))) end--;
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}

export interface ActionInput {
  uri: string;
  version: number | null;
  index: LineIndex;
  /** The findings of the document's text as the client has it. */
  messages: readonly LintMessage[];
  /** The range the client asks about. */
  range: Range;
  docs: DocsHref;
  /** Which kinds the client wants (`only`); all when absent. */
  only?: readonly string[] | undefined;
}

const wants = (only: readonly string[] | undefined, kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

/**
 * Per finding in the range: its fix (preferred), its suggestions, and a directive that switches its
 * rule off for its line (`<!-- papers-lint-disable-next-line rule -->` on the line before, indented as it).
 */
export function quickFixes(input: ActionInput): CodeAction[] {
  if (!wants(input.only, 'quickfix')) return [];
  const { uri, version, index } = input;
  const eol = /\r\n?|\n/.exec(index.text)?.[0] ?? '\n';
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const m of input.messages) {
    const range = messageRange(m);
    if (!overlaps(range, input.range)) continue;
    const diagnostic = toDiagnostic(m, input.docs);
    if (m.fix) actions.push({ title: `Fix: ${m.message}`, kind: 'quickfix', isPreferred: true, diagnostics: [diagnostic], edit: documentEdit(uri, version, [textEdit(index, m.fix)]) });
    for (const s of m.suggestions ?? []) actions.push({ title: s.desc, kind: 'quickfix', diagnostics: [diagnostic], edit: documentEdit(uri, version, [textEdit(index, s.fix)]) });
    const key = `${m.line}\u0000${m.ruleId}`;
    if (disabled.has(key)) continue;
    disabled.add(key);
    const indent = /^[ \t]*/.exec(lineText(index, m.line - 1))![0];
    const at = { line: m.line - 1, character: 0 };
    actions.push({
      title: `Disable ${m.ruleId} for this line`,
      kind: 'quickfix',
      diagnostics: [diagnostic],
      edit: documentEdit(uri, version, [{ range: { start: at, end: at }, newText: `${indent}<!-- papers-lint-disable-next-line ${m.ruleId} -->${eol}` }]),
    });
  }
  return actions;
}

/** The source action "fix all": `fixed` is the text after the lint fix loop (null: nothing to fix). */
export function fixAllAction(input: Pick<ActionInput, 'uri' | 'version' | 'index' | 'only'>, fixed: { output: string; fixed: number } | null): CodeAction | null {
  if (!fixed?.fixed || !wants(input.only, FIX_ALL_KIND)) return null;
  const edit = replaceChanged(input.index.text, fixed.output);
  if (!edit) return null;
  return { title: `Fix all papers problems (${fixed.fixed})`, kind: FIX_ALL_KIND, edit: documentEdit(input.uri, input.version, [textEdit(input.index, edit)]) };
}

/** Whether the client asks for the fix-all action at all (before it is worked out). */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return wants(only, FIX_ALL_KIND);
}
