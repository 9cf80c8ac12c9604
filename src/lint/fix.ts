// The fix loop (ESLint's verifyAndFix): lint, apply the non-overlapping fixes by slicing, repeat until stable.
import { applyEdits, type Edit } from '../edit/apply.js';

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
