// Lints a text through the real pipeline (parseTexts -> activeRules -> lintStore), for rule tests.
import { existsSync } from 'node:fs';
import type { Config } from '../../src/config/schema.js';
import { activeRules } from '../../src/lint/config.js';
import { fixFile } from '../../src/lint/fix.js';
import { lintStore } from '../../src/lint/lint.js';
import { rules } from '../../src/lint/rules/index.js';
import type { LintMessage } from '../../src/lint/types.js';
import { parseTexts } from '../../src/store/texts.js';

export interface LintTextOptions {
  /** Rule ids or aliases to run (all when absent). */
  rules?: string[];
  config?: Config;
  /** The file's name in messages; `digest.md` by default. */
  name?: string;
  /** Where the file is, for relative links (nothing is looked up without it: every target exists). */
  path?: string;
  /** Overrides the file-system answer for link targets. */
  exists?: (target: string) => boolean;
}

function relintFor(options: LintTextOptions) {
  const config = options.config ?? {};
  const active = activeRules(rules, config.lint, { select: options.rules });
  const paths = options.path ? new Map([[options.name ?? 'digest.md', options.path]]) : undefined;
  return async (texts: ReadonlyMap<string, string>) => {
    const { digest, venues, markdown, scans } = await parseTexts(texts, config);
    const result = lintStore({ digest, texts, paths, venues, config, active, markdown, scans, exists: options.exists ?? (options.path ? existsSync : undefined) });
    return { digest, result };
  };
}

export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintMessage[]> {
  const name = options.name ?? 'digest.md';
  const { result } = await relintFor(options)(new Map([[name, text]]));
  return result.files.flatMap((f) => f.messages);
}

/** `line:column severity message`, the form of the fixtures' expected findings. */
export function brief(m: LintMessage): string {
  return `${m.line}:${m.column} ${m.severity} ${m.message}`;
}

export async function fixTextWith(text: string, options: LintTextOptions = {}): Promise<{ output: string; fixed: number }> {
  const name = options.name ?? 'digest.md';
  const texts = new Map([[name, text]]);
  return fixFile(name, texts, relintFor(options));
}
