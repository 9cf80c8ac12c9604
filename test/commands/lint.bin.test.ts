import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED, SEED_CONFIG } from '../helpers/seed.js';

// The real bin/ (built by `npm run build`) on a real folder: the lock, the atomic write, real link lookups.
const bin = fileURLToPath(new URL('../../bin/papers.cjs', import.meta.url));
const dirs: string[] = [];

function notesCopy(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-lint-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'notes'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'notes', name), text);
  return dir;
}

const papers = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PAPERS_NOTES: '' } });

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('papers lint (bin)', () => {
  it('--fix rewrites a copy of the shipped digest in place, six headings and nothing else', () => {
    const dir = notesCopy({ 'papers.md': SEED, 'papers.config.json': SEED_CONFIG });
    const r = papers(dir, 'lint', '--fix', '--format', 'unix');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('fixed 6 problems; 12 problems remain\n✖ 12 problems (1 error, 11 warnings)\n');
    const after = readFileSync(path.join(dir, 'notes', 'papers.md'), 'utf8');
    const changed = after.split('\n').flatMap((line, i) => (line === SEED.split('\n')[i] ? [] : [i + 1]));
    expect(changed).toEqual([39, 66, 89, 96, 112, 131]);
    expect(after.length).toBe(SEED.length);
    expect(readdirSync(path.join(dir, 'notes')).sort()).toEqual(['papers.config.json', 'papers.md']);
  });

  it('finds the linked file once it exists, and exits 0 without errors', () => {
    const dir = notesCopy({ 'papers.md': SEED, 'LLM_Serving_Survey.md': '# Survey\n' });
    const r = papers(dir, 'lint', '--quiet');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});
