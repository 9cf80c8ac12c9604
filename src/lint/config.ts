// Which rules run, at what severity and with what options: the registry, the config's `lint` key and --rule.
import type { Config, RuleSetting } from '../config/schema.js';
import { issueMessage } from '../config/schema.js';
import { InputError, UsageError } from '../errors.js';
import { nearestName } from '../store/text.js';
import type { RuleNames } from './directives.js';
import type { ActiveRule } from './run.js';
import type { AnyRule, SeverityLevel } from './types.js';

export function ruleNames(registry: readonly AnyRule[]): RuleNames & { rule(name: string): AnyRule | null } {
  const byName = new Map<string, AnyRule>();
  for (const rule of registry) {
    byName.set(rule.id.toLowerCase(), rule);
    byName.set(rule.alias.toLowerCase(), rule);
  }
  return {
    aliases: registry.map((r) => r.alias),
    rule: (name) => byName.get(name.trim().toLowerCase()) ?? null,
    resolve: (name) => byName.get(name.trim().toLowerCase())?.alias ?? null,
  };
}

/** `; did you mean "no-todo"?` for a near miss, else nothing. */
export function unknownRuleHint(name: string, registry: readonly AnyRule[]): string {
  const best = nearestName(name, registry.map((r) => r.alias), 3);
  return best ? `; did you mean "${best}"?` : '';
}

function splitSetting(setting: RuleSetting): [SeverityLevel, Record<string, unknown> | undefined] {
  return typeof setting === 'string' ? [setting, undefined] : [setting[0], setting[1]];
}

/**
 * The rules to run. Config keys are rule ids or aliases; a rule named by --rule runs even when the
 * config turns it off (at its default severity then). Bad names and options throw, naming the key.
 */
export function activeRules(
  registry: readonly AnyRule[],
  lint: Config['lint'],
  options: { select?: readonly string[] | undefined; configFile?: string | null } = {},
): ActiveRule[] {
  const names = ruleNames(registry);
  const problems: string[] = [];
  const settings = new Map<AnyRule, { key: string; severity: SeverityLevel; options: Record<string, unknown> | undefined }>();
  for (const [key, setting] of Object.entries(lint?.rules ?? {})) {
    const where = `lint.rules.${key}`;
    const rule = names.rule(key);
    if (!rule) {
      problems.push(`${where}: unknown rule "${key}"${unknownRuleHint(key, registry)} (papers lint --list-rules lists them)`);
      continue;
    }
    const previous = settings.get(rule);
    if (previous) {
      problems.push(`${where}: names the same rule as "${previous.key}" (${rule.id}, ${rule.alias}); keep one`);
      continue;
    }
    const [severity, ruleOptions] = splitSetting(setting);
    if (ruleOptions !== undefined && !rule.options) problems.push(`${where}[1]: ${rule.alias} takes no options`);
    settings.set(rule, { key, severity, options: ruleOptions });
  }

  const parsedOptions = new Map<AnyRule, unknown>();
  for (const rule of registry) {
    if (!rule.options) continue;
    const setting = settings.get(rule);
    const result = rule.options.safeParse(setting?.options ?? {});
    if (result.success) {
      parsedOptions.set(rule, result.data);
      continue;
    }
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      problems.push(`lint.rules.${setting?.key ?? rule.alias}[1]${path ? `.${path}` : ''}: ${issueMessage(issue)}`);
    }
  }

  let selected: AnyRule[] = [...registry];
  if (options.select?.length) {
    const unknown: string[] = [];
    selected = [];
    for (const name of options.select) {
      const rule = names.rule(name);
      if (!rule) unknown.push(`unknown rule "${name}"${unknownRuleHint(name, registry)}`);
      else if (!selected.includes(rule)) selected.push(rule);
    }
    if (unknown.length) throw new UsageError(`--rule: ${unknown.join('; ')}`, 'papers lint --list-rules lists the rules');
  }

  const active: ActiveRule[] = [];
  for (const rule of selected) {
    let severity: SeverityLevel = settings.get(rule)?.severity ?? rule.severity;
    if (severity === 'off') {
      if (!options.select?.length) continue;
      severity = rule.severity;
    }
    active.push({ rule, severity, options: parsedOptions.get(rule) });
  }
  if (problems.length) {
    throw new InputError(`invalid config ${options.configFile ?? ''}:\n  ${problems.join('\n  ')}`.replace(' :', ':'), 'see "papers lint" in README.md');
  }
  return active;
}
