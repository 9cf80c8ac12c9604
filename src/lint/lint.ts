// Lints one parsed store: builds the shared context and runs the active rules. Pure.
import type { Config } from '../config/schema.js';
import { createOrgRegistry } from '../store/orgs.js';
import type { MarkdownParser } from '../store/links.js';
import type { Scan } from '../store/scan.js';
import type { Digest } from '../store/schema.js';
import type { VenueRegistry } from '../store/venues.js';
import { ruleNames } from './config.js';
import { createLintContext } from './context.js';
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
  /** Whether a link target exists (prepared by the command, which may look it up); all do when absent. */
  exists?: (target: string) => boolean;
  /** For links outside entries; without it only entries' links are checked. */
  markdown?: MarkdownParser | undefined;
  /** The parse's line scans, so files are not scanned twice. */
  scans?: ReadonlyMap<string, Scan>;
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
    markdown: input.markdown,
    scans: input.scans,
  });
  return runRules(context, input.active);
}
