// Lints a Store as `papers lint` does: its digest with links, every file's text, the config's rules.
import type { Store } from '../store/store.js';
import { markdownFor } from '../store/texts.js';
import type { Digest } from '../store/schema.js';
import type { MarkdownParser } from '../store/links.js';
import type { Scan } from '../store/scan.js';
import type { LintMemo } from './context.js';
import { lintStore } from './lint.js';
import type { ActiveRule } from './run.js';
import type { LintResult } from './types.js';

export interface StoreLint {
  digest: Digest;
  result: LintResult;
  texts: Map<string, string>;
  paths: Map<string, string>;
  markdown: MarkdownParser | undefined;
}

/**
 * `exists` answers whether a link target is there; the caller does the I/O (and may remember answers).
 * `scans`: the line scans of texts just parsed, by file name, so they are not scanned again.
 * `memo`: what earlier lints of stores with this one's venue registry worked out (see LintContextInput).
 */
export async function lintOfStore(
  store: Store,
  active: readonly ActiveRule[],
  exists: (target: string) => boolean,
  scans?: ReadonlyMap<string, Scan>,
  memo?: LintMemo,
): Promise<StoreLint> {
  const digest = await store.linkedDigest();
  const texts = new Map(store.files.map((f) => [f.file, store.text(f.file)]));
  const paths = new Map(store.files.map((f) => [f.file, store.path(f.file)]));
  // Links outside entries need the parser too.
  const markdown = await markdownFor(texts.values());
  const result = lintStore({ digest, venues: store.venues, markdown, texts, paths, config: store.config, active, exists, scans, memo });
  return { digest, result, texts, paths, markdown };
}
