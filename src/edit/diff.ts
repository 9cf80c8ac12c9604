// A unified diff between two versions of a file, for --dry-run and --fix-dry-run (jsdiff).
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  // An absolute path (a digest outside the current folder) gets no `a//tmp/...` double slash.
  const name = file.replace(/^\/+/, '');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
}
