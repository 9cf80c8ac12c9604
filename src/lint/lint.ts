// Lints one parsed store: builds the shared context and runs the active rules. Pure.
import type { Config } from '../config/schema.js';
import { createOrgRegistry } from '../store/orgs.js';
import type { Digest } from '../store/schema.js';
import type { VenueRegistry } from '../store/venues.js';
import { ruleNames } from './config.js';
import { createLintContext, linkTarget } from './context.js';
import { rules } from './rules/index.js';
import { runRules, type ActiveRule } from './run.js';
import type { LintResult } from './types.js';

export interface LintStoreInput {
  digest: Digest;
  texts: ReadonlyMap<string, string>;
  /** Each file's path by its store name, for relative links. */
  paths?: ReadonlyMap<string, string>;
  venues: VenueRegistry;
  config: Config;
  active: readonly ActiveRule[];
  /** Answers for the targets of localTargets(); every target exists when absent. */
  exists?: (target: string) => boolean;
}

const names = ruleNames(rules);

export function lintStore(input: LintStoreInput): LintResult {
  const context = createLintContext({
    digest: input.digest,
    texts: input.texts,
    paths: input.paths,
    venues: input.venues,
    orgs: createOrgRegistry(input.config.orgs ?? []),
    exists: input.exists,
    ruleNames: names,
  });
  return runRules(context, input.active);
}

/** Every file a relative link of the store points at: what the command must look up before linting. */
export function localTargets(digest: Digest, paths: ReadonlyMap<string, string> = new Map()): Set<string> {
  const targets = new Set<string>();
  for (const entry of digest.entries) {
    for (const link of entry.links) {
      if (!link.local) continue;
      const target = linkTarget(paths.get(entry.file) ?? entry.file, link.url);
      if (target !== null) targets.add(target);
    }
  }
  return targets;
}
