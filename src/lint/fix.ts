// The fix loop (ESLint's verifyAndFix): lint, apply the non-overlapping fixes by slicing, repeat until stable.
import { applyEdits, type Edit } from '../edit/apply.js';
import { PapersError } from '../errors.js';
import { withoutControls } from '../store/controls.js';
import type { Digest } from '../store/schema.js';
import type { LintResult } from './types.js';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  output: string;
  /** Fixes applied over all passes. */
  fixed: number;
  passes: number;
}

/**
 * `fixesOf(text)` lints `text` and returns the fixes of its findings. Each pass applies the fixes
 * that neither overlap nor touch one applied before them (applyEdits skips the rest for the next
 * pass); the loop stops when nothing changes, when a text comes back (a cycle) or after 10 passes.
 */
export async function fixText(text: string, fixesOf: (text: string) => Promise<readonly Edit[]>, maxPasses = MAX_FIX_PASSES): Promise<FixOutcome> {
  let output = text;
  let fixed = 0;
  let passes = 0;
  const seen = new Set<string>([text]);
  while (passes < maxPasses) {
    const fixes = await fixesOf(output);
    if (!fixes.length) break;
    passes++;
    const result = applyEdits(output, fixes);
    if (result.output === output) break;
    fixed += result.applied.length;
    output = result.output;
    if (seen.has(output)) break;
    seen.add(output);
  }
  return { output, fixed, passes };
}

/** A store's digest and lint result for the current texts. */
export type Relint = (texts: ReadonlyMap<string, string>) => Promise<{ digest: Digest; result: LintResult }>;

/**
 * Same entries, same notes, in the same sections and lines: what a fix must never change. The one
 * change allowed in notes and section titles is no-control-character's: control characters removed.
 */
function sameEntries(before: Digest, after: Digest, file: string): boolean {
  const a = before.entries.filter((e) => e.file === file);
  const b = after.entries.filter((e) => e.file === file);
  // NOTE: trimmed too: a note line holding only control characters becomes blank, and notes are trimmed.
  const same = (x: string | null, y: string | null): boolean => x === y || (x !== null && y !== null && withoutControls(x).trim() === withoutControls(y).trim());
  return a.length === b.length && a.every((e, i) => same(e.notes, b[i]!.notes) && same(e.section, b[i]!.section) && e.line === b[i]!.line);
}

/**
 * Fixes file `name` of a store. Every pass re-parses and re-lints the whole store, so rules that
 * look across entries (majority spellings, duplicates) see the fixed text. Leaves the fixed text
 * in `texts`. Throws, leaving `texts` as it was, when the fixes would change any entry's notes.
 */
export async function fixFile(name: string, texts: Map<string, string>, relint: Relint): Promise<FixOutcome> {
  const current = texts.get(name) ?? '';
  const before = await relint(texts);
  let first: LintResult | null = before.result;
  const outcome = await fixText(current, async (text) => {
    texts.set(name, text);
    const result = first ?? (await relint(texts)).result;
    first = null;
    return (result.files.find((f) => f.file === name)?.messages ?? []).flatMap((m) => (m.fix ? [m.fix] : []));
  });
  texts.set(name, outcome.output);
  if (outcome.output !== current && !sameEntries(before.digest, (await relint(texts)).digest, name)) {
    texts.set(name, current);
    throw new PapersError(`lint fixes would change the entries of ${name}; nothing was written`, {
      hint: 'this is a bug in papers, please report it with the output of papers lint --fix-dry-run',
    });
  }
  return outcome;
}
