import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The notes lock between real processes: writers started together all land, and a writer killed
// with SIGKILL leaves nothing that stops the next one (issue 16, item 5).
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/papers.cjs', import.meta.url));

function workCopy() {
  const work = mkdtempSync(path.join(tmpdir(), 'papers-lock-'));
  cpSync(path.join(root, 'notes', 'papers.md'), path.join(work, 'papers.md'));
  const env = { ...process.env, NO_COLOR: '1', PAPERS_NOTES: '', XDG_CACHE_HOME: path.join(work, 'cache') };
  return { work, file: path.join(work, 'papers.md'), env };
}

const addArgs = (title: string) => ['--notes', 'papers.md', 'add', '--title', title, '--venue', "KDD'20", '--section', 'ocr'];

function run(work: string, env: NodeJS.ProcessEnv, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the notes lock between processes', () => {
  it('lets five adds started at once all land, each once, and leaves no lock or temp file', async () => {
    const { work, file, env } = workCopy();
    const before = readFileSync(file, 'utf8');
    const titles = ['Lock Paper Alpha', 'Lock Paper Bravo', 'Lock Paper Charlie', 'Lock Paper Delta', 'Lock Paper Echo'];
    const results = await Promise.all(titles.map((t) => run(work, env, addArgs(t))));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    const after = readFileSync(file, 'utf8');
    for (const t of titles) expect(after.split(`### ${t}[KDD'20]`).length - 1).toBe(1);
    // Only new lines: the old text, line by line, is all there in order.
    const old = before.split('\n');
    const now = after.split('\n');
    let j = 0;
    for (const line of now) if (line === old[j]) j++;
    expect(j).toBe(old.length);
    expect(readdirSync(work).sort()).toEqual(['cache', 'papers.md']);
  }, 60_000);

  it('after a writer is killed with SIGKILL at any moment, the next add lands, and the file is the old one plus whole entries', async () => {
    const { work, file, env } = workCopy();
    const before = readFileSync(file, 'utf8');
    for (const delay of [30, 90, 150, 250]) {
      const child = spawn(process.execPath, [bin, ...addArgs(`Killed Paper ${delay}`)], { cwd: work, env, stdio: 'ignore' });
      // Listening first: a writer faster than the delay has closed before the kill.
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await closed;
      const next = spawnSync(process.execPath, [bin, ...addArgs(`After Kill ${delay}`)], { cwd: work, env, encoding: 'utf8' });
      expect(next.stderr).toContain('added');
      expect(next.status).toBe(0);
    }
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before.slice(0, before.indexOf('## ')))).toBe(true);
    for (const delay of [30, 90, 150, 250]) expect(after).toContain(`### After Kill ${delay}[KDD'20]`);
    const listed = spawnSync(process.execPath, [bin, '--notes', 'papers.md', 'list', '--json'], { cwd: work, env, encoding: 'utf8' });
    const titles = (JSON.parse(listed.stdout) as Array<{ title: string }>).map((e) => e.title);
    expect(titles.filter((t) => t.startsWith('After Kill'))).toHaveLength(4);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);
});
