import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A damaged V8 code cache must never stop papers: the real bin/ run as a child process, over a sweep
// of corruptions of its code cache (V8 itself does not verify a code cache's checksum in a release
// build: a flipped byte used to end the process with SIGTRAP, exit 133).
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/papers.cjs', import.meta.url));
const cacheHome = mkdtempSync(path.join(tmpdir(), 'papers-code-cache-'));
const cacheDir = path.join(cacheHome, 'papers');
const env = { ...process.env, NO_COLOR: '1', PAPERS_NOTES: '', XDG_CACHE_HOME: cacheHome };
const papers = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env });

const codeFile = (command: string) => {
  const files = readdirSync(cacheDir).filter((f) => f.startsWith('code-') && f.endsWith(`-${command}.bin`));
  expect(files).toHaveLength(1);
  return path.join(cacheDir, files[0]!);
};

type Damage = { name: string; apply: (file: string, good: Buffer) => void };
const flip = (at: (length: number, good: Buffer) => number): Damage['apply'] => (file, good) => {
  const bytes = Buffer.from(good);
  bytes[at(bytes.length, good)]! ^= 0xff;
  writeFileSync(file, bytes);
};
const truncate = (to: (length: number) => number): Damage['apply'] => (file, good) => writeFileSync(file, good.subarray(0, to(good.length)));

const damages: Damage[] = [
  { name: 'zero length', apply: truncate(() => 0) },
  { name: 'truncated to its header', apply: truncate(() => 120) },
  { name: 'truncated by half', apply: truncate((n) => n >> 1) },
  { name: 'one byte short', apply: truncate((n) => n - 1) },
  { name: 'one byte too many', apply: (file, good) => writeFileSync(file, Buffer.concat([good, Buffer.from([0])])) },
  { name: 'a flipped byte in the magic', apply: flip(() => 3) },
  { name: 'a flipped byte in the key', apply: flip(() => 40) },
  // The frame: a magic line, a key line, then `<length> <checksum>` in hex.
  { name: 'a flipped byte in the length', apply: flip((_, good) => good.indexOf(0x0a, 20) + 3) },
  { name: 'a flipped byte in the checksum', apply: flip((_, good) => good.indexOf(0x0a, 20) + 12) },
  { name: 'a flipped byte at the start of V8 data', apply: flip(() => 200) },
  { name: 'a flipped byte in the middle', apply: flip((n) => n >> 1) },
  { name: 'a flipped byte at 100,000 from the end', apply: flip((n) => Math.max(0, n - 100_000)) },
  { name: 'a flipped byte near the end (length - 10)', apply: flip((n) => n - 10) },
  { name: 'the last byte flipped', apply: flip((n) => n - 1) },
  { name: 'all zeros', apply: (file, good) => writeFileSync(file, Buffer.alloc(good.length)) },
  { name: 'raw V8 data without the frame (an old cache)', apply: (file, good) => writeFileSync(file, good.subarray(good.indexOf(0x0a, good.indexOf(0x0a, 20) + 1) + 1)) },
  {
    name: 'a folder in its place',
    apply: (file) => {
      mkdirSync(path.join(file, 'inside'), { recursive: true });
    },
  },
  {
    name: 'unreadable',
    apply: (file, good) => {
      writeFileSync(file, good);
      chmodSync(file, 0);
    },
  },
];

/** Runs `args` until its code cache is written and used, then returns the expected output and the good cache. */
function warmUp(args: string[], command: string) {
  const cold = papers(['--no-cache', ...args]);
  expect(cold.status).toBe(args[0] === 'lint' ? 1 : 0);
  papers(args);
  const warm = papers(args);
  expect(warm.stdout).toBe(cold.stdout);
  const file = codeFile(command);
  return { expected: cold.stdout, file, good: readFileSync(file) };
}

function expectFramed(file: string) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 20).toString('latin1')).toBe('papers-code-cache-2\n');
  expect(bytes.length).toBeGreaterThan(10_000);
}

describe('bin/papers.cjs with a damaged code cache', () => {
  it.each([
    { args: ['list', '--json'], command: 'list', damages },
    // The other commands the issue saw crash, with the damages that crashed them.
    { args: ['lint', '--format', 'json'], command: 'lint', damages: damages.filter((d) => /middle|length - 10|100,000|folder/.test(d.name)) },
    { args: ['show', 'din', '--json'], command: 'show', damages: damages.filter((d) => /middle|length - 10|100,000/.test(d.name)) },
    { args: ['search', 'transformer', '--json'], command: 'search', damages: damages.filter((d) => /middle|length - 10|100,000/.test(d.name)) },
    { args: ['sections'], command: 'sections', damages: damages.filter((d) => /middle|length - 10|zero/.test(d.name)) },
  ])('`papers $args.0 …` ignores each damage, prints what it prints without a cache, and writes the cache again', ({ args, command, damages: cases }) => {
    const { expected, file, good } = warmUp(args, command);
    for (const damage of cases) {
      rmSync(file, { recursive: true, force: true });
      damage.apply(file, good);
      const r = papers(args);
      expect({ damage: damage.name, status: r.status, signal: r.signal, stdout: r.stdout === expected, stderr: r.stderr }).toEqual({
        damage: damage.name,
        status: command === 'lint' ? 1 : 0,
        signal: null,
        stdout: true,
        stderr: expect.not.stringMatching(/Fatal|Check failed|bug/),
      });
      // Written again, framed, and good for the next run.
      expect(statSync(file).isFile()).toBe(true);
      expectFramed(file);
      const again = papers(args);
      expect(again.stdout).toBe(expected);
    }
  }, 120_000);

  it('neither reads nor writes the code cache under --no-cache', () => {
    const { expected, file, good } = warmUp(['list', '--json'], 'list');
    const damaged = Buffer.from(good);
    damaged[damaged.length - 10]! ^= 0xff;
    damaged[damaged.length >> 1]! ^= 0xff;
    writeFileSync(file, damaged);
    const r = papers(['--no-cache', 'list', '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it('refuses a good cache of another command copied in its place (the key is checked inside the file)', () => {
    const list = warmUp(['list', '--json'], 'list');
    const sections = warmUp(['sections'], 'sections');
    copyFileSync(list.file, sections.file);
    const r = papers(['sections']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(sections.expected);
    // Rewritten for its own key.
    expect(readFileSync(sections.file).toString('latin1', 0, 300)).toMatch(/ sections\n/);
  });

  it('removes temp files that a killed run left in the cache folder, once they are a minute old', () => {
    const { file } = warmUp(['sections'], 'sections');
    const stale = `${file}.99999999.tmp`;
    const fresh = `${file}.99999998.tmp`;
    writeFileSync(stale, 'x');
    writeFileSync(fresh, 'x');
    const old = new Date(Date.now() - 120_000);
    utimesSync(stale, old, old);
    rmSync(file);
    expect(papers(['sections']).status).toBe(0);
    const left = readdirSync(cacheDir);
    expect(left).not.toContain(path.basename(stale));
    expect(left).toContain(path.basename(fresh));
  });
});
