// A rule's documentation from the rule itself: --explain text, --list-rules rows, and docs/lint-rules.md.
import { escapeControls } from '../store/controls.js';
import type { AnyRule } from './types.js';

export function ruleRow(rule: AnyRule): string[] {
  return [rule.id, rule.alias, rule.severity, rule.fixable ? 'fixable' : '', rule.description];
}

function indent(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l ? `    ${l}` : ''))
    .join('\n');
}

/** What `papers lint --explain <rule>` prints. */
export function explainRule(rule: AnyRule): string {
  const out = [
    `${rule.alias} (${rule.id})`,
    `default severity: ${rule.severity}; ${rule.fixable ? 'fixable with --fix' : 'not fixable'}`,
    '',
    `${rule.description}.`,
  ];
  if (rule.docs.details) out.push('', rule.docs.details);
  if (rule.docs.options?.length) out.push('', 'Options:', ...rule.docs.options.map((o) => `  ${o}`));
  // NOTE: control characters in an example (no-control-character's) are written as escapes, here and in the docs.
  out.push('', 'Reported:', '', indent(escapeControls(rule.docs.bad)), '', 'Not reported:', '', indent(escapeControls(rule.docs.good)), '');
  return out.join('\n');
}

/** docs/lint-rules.md: generated from the registry, checked by a test so the two cannot drift. */
export function rulesMarkdown(rules: readonly AnyRule[]): string {
  const out = [
    '# papers lint: rules',
    '',
    '<!-- Generated from src/lint/rules/*.ts by test/lint/docs.test.ts; edit the rules, not this file. -->',
    '',
    'Each rule has a stable id and a kebab-case alias; config keys, `--rule`, `--explain` and directives accept either.',
    'Severity is the default; `lint.rules` in the config changes it. [docs/lint.md](lint.md) describes the command.',
    '',
    '| id | alias | severity | fixable | what it reports |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| ${r.id} | [${r.alias}](#${r.alias}) | ${r.severity} | ${r.fixable ? 'yes' : ''} | ${r.description.replace(/\|/g, '\\|')} |`),
  ];
  for (const rule of rules) {
    out.push('', `## ${rule.alias}`, '', `${rule.id} · default severity \`${rule.severity}\` · ${rule.fixable ? 'fixable' : 'not fixable'}`, '', `${rule.description}.`);
    if (rule.docs.details) out.push('', rule.docs.details);
    if (rule.docs.options?.length) out.push('', 'Options:', '', ...rule.docs.options.map((o) => `- ${o}`));
    const example = (text: string): string => escapeControls(text.replace(/\n$/, ''));
    out.push('', 'Reported:', '', '````markdown', example(rule.docs.bad), '````', '', 'Not reported:', '', '````markdown', example(rule.docs.good), '````');
  }
  return `${out.join('\n')}\n`;
}
