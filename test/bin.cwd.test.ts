import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Cached output never depends on where papers is run from: every command, warm from one folder after
// a run from another, prints what --no-cache prints there (issue 16, item 7: the cached list table
// once kept file:line cells relative to the folder that wrote it).
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/papers.cjs', import.meta.url));

const COMMANDS: string[][] = [
  ['list'],
  ['list', '--section', 'ocr'],
  ['list', '--json'],
  ['show', 'din'],
  ['search', 'donut'],
  ['search', '--json', 'transformer'],
  ['sections'],
  ['lint'],
  ['lint', '--format', 'json'],
  ['stats', '--json'],
  ['export', '--format', 'csv'],
];

describe('output from another folder', () => {
  it('is the same warm as with --no-cache, in the digest folder, its parent and a folder below', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'papers-cwd-'));
    cpSync(path.join(root, 'notes'), path.join(work, 'notes'), { recursive: true });
    const below = path.join(work, 'notes');
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', PAPERS_NOTES: '', XDG_CACHE_HOME: path.join(work, 'cache') };
    const run = (cwd: string, args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    for (const args of COMMANDS) {
      // Warmed from the parent, then run from below it, and the other way round.
      for (const [first, second] of [
        [work, below],
        [below, work],
      ] as const) {
        run(first, args);
        const warm = run(second, args);
        const cold = run(second, ['--no-cache', ...args]);
        expect({ args, cwd: second, ...warm }).toEqual({ args, cwd: second, ...cold });
      }
    }
    // The folder really changes what is printed: paths are relative to where papers runs.
    expect(run(work, ['list', '--section', 'ocr']).stdout).toContain('notes/papers.md:');
    expect(run(below, ['list', '--section', 'ocr']).stdout).not.toContain('notes/papers.md:');
  }, 120_000);
});
