// Edits as replacements of [start, end) in the original text, applied by slicing: untouched bytes stay untouched.

export interface Edit {
  /** Offsets into the original text (UTF-16 code units), half-open. start === end inserts. */
  start: number;
  end: number;
  text: string;
}

export interface AppliedEdits {
  output: string;
  applied: Edit[];
  /** Edits that overlapped or touched an earlier one; they wait for another pass. */
  skipped: Edit[];
}

/**
 * Applies non-overlapping edits. Edits are sorted by position; an edit that overlaps (or, for two
 * replacements, touches) the previous applied one is skipped, as ESLint's source-code-fixer does.
 */
export function applyEdits(source: string, edits: readonly Edit[]): AppliedEdits {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map((x) => x.edit);
  const applied: Edit[] = [];
  const skipped: Edit[] = [];
  const parts: string[] = [];
  let cursor = 0;
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end > source.length || edit.start > edit.end) {
      skipped.push(edit);
      continue;
    }
    const insertion = edit.start === edit.end;
    if (edit.start < lastEnd || (edit.start === lastEnd && !insertion && applied.length > 0 && applied.at(-1)!.start !== applied.at(-1)!.end)) {
      skipped.push(edit);
      continue;
    }
    parts.push(source.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
    lastEnd = edit.end;
    applied.push(edit);
  }
  parts.push(source.slice(cursor));
  return { output: parts.join(''), applied, skipped };
}
