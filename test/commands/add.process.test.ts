import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED, SEED_CONFIG } from '../helpers/seed.js';

// Real processes of the built CLI (bin/ -> dist/, built by `npm test`) writing one real file.
const bin = fileURLToPath(new URL('../../bin/papers.cjs', import.meta.url));

function papers(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let digest: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-add-'));
  digest = path.join(dir, 'papers.md');
  fs.writeFileSync(digest, SEED);
  fs.writeFileSync(path.join(dir, 'papers.config.json'), SEED_CONFIG);
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('papers add, real processes', () => {
  it('20 processes adding at once all land, and the rest of the file is untouched', async () => {
    const n = 20;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => papers('--notes', digest, 'add', '--title', `Concurrent Paper ${i}`, '--section', 'recsys', '--note', `note ${i}`)),
    );
    for (const r of results) expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^papers: added "Concurrent Paper \d+" to 推荐系统\n$/) });
    const after = fs.readFileSync(digest, 'utf8');
    // The old text, with one run of new blocks right after DIN's last line, in the order the writers got the lock.
    const cut = SEED.indexOf('\n\n\n## 系统') + 1;
    expect(after.startsWith(SEED.slice(0, cut))).toBe(true);
    expect(after.endsWith(SEED.slice(cut))).toBe(true);
    const added = after.slice(cut, after.length - (SEED.length - cut));
    const blocks = added.match(/\n\n### Concurrent Paper (\d+)\n- note \1\n/g) ?? [];
    expect(blocks.join('')).toBe(added);
    expect(blocks.map((b) => Number(/Paper (\d+)/.exec(b)![1])).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    // No lock folder or temp file left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['papers.config.json', 'papers.md']);
  }, 120_000);

  it('takes over a stale lock left by a dead process', async () => {
    fs.mkdirSync(`${digest}.lock`);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${digest}.lock`, old, old);
    const r = await papers('--notes', digest, 'add', '--title', 'After A Crash', '--section', 'ocr');
    expect(r).toMatchObject({ code: 0, stdout: `after-crash ${digest}:150\n` });
    expect(fs.readFileSync(digest, 'utf8')).toBe(`${SEED}\n\n\n### After A Crash`);
    expect(fs.existsSync(`${digest}.lock`)).toBe(false);
  });

  it('keeps the file mode, and --dry-run leaves the file as it was', async () => {
    fs.chmodSync(digest, 0o600);
    const dry = await papers('--notes', digest, 'add', '--title', 'Dry', '--section', 'ocr', '--dry-run');
    expect(dry.code).toBe(0);
    expect(fs.readFileSync(digest, 'utf8')).toBe(SEED);
    expect((await papers('--notes', digest, 'add', '--title', 'Wet', '--section', 'ocr')).code).toBe(0);
    expect(fs.statSync(digest).mode & 0o777).toBe(0o600);
  });
});
