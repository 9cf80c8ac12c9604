// Lints one parsed store: builds the shared context and runs the active rules. Pure.
import type { Config } from '../config/schema.js';
import { createOrgRegistry } from '../store/orgs.js';
import { ruleNames } from './config.js';
import { createLintContext, type LintContextInput } from './context.js';
import { rules } from './rules/index.js';
import { runRules, type ActiveRule } from './run.js';
import type { LintResult } from './types.js';

export interface LintStoreInput extends Omit<LintContextInput, 'orgs' | 'ruleNames'> {
  config: Config;
  active: readonly ActiveRule[];
}

const names = ruleNames(rules);

export function lintStore(input: LintStoreInput): LintResult {
  const { config, active, ...rest } = input;
  const context = createLintContext({ ...rest, orgs: createOrgRegistry(config.orgs ?? []), ruleNames: names });
  return runRules(context, active);
}
