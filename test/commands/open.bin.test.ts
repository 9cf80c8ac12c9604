import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED, SEED_CONFIG } from '../helpers/seed.js';

// The real bin/ starting a real (fake) editor: a script that records its arguments and whether its
// standard input is the one papers was given, and exits with a status of our choosing.
const bin = fileURLToPath(new URL('../../bin/papers.cjs', import.meta.url));
const dirs: string[] = [];

function setUp(): { dir: string; editor: (name: string, status: number) => string; record: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-open-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'notes'));
  writeFileSync(path.join(dir, 'notes', 'papers.md'), SEED);
  writeFileSync(path.join(dir, 'notes', 'papers.config.json'), SEED_CONFIG);
  mkdirSync(path.join(dir, 'editors'));
  const record = path.join(dir, 'record.txt');
  const editor = (name: string, status: number): string => {
    const file = path.join(dir, 'editors', name);
    writeFileSync(file, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${record}"\nread line\nprintf 'stdin:%s\\n' "$line" >> "${record}"\nexit ${status}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  return { dir, editor, record };
}

const papers = (cwd: string, env: Record<string, string>, input: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PAPERS_NOTES: '', VISUAL: '', EDITOR: '', ...env } });

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('papers open (bin)', () => {
  it('starts a vim-like editor with +LINE FILE on our stdin, and exits with its status', () => {
    const { dir, editor, record } = setUp();
    const r = papers(dir, { EDITOR: editor('vim', 0) }, 'typed\n', 'open', 'din');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(record, 'utf8')).toBe(`+45\n${path.join(dir, 'notes', 'papers.md')}\nstdin:typed\n`);
    const failed = papers(dir, { EDITOR: editor('nvim', 5) }, '\n', 'open', 'din');
    expect(failed.status).toBe(5);
  });

  it('passes the arguments of $VISUAL through the shell, in the VS Code form', () => {
    const { dir, editor, record } = setUp();
    const r = papers(dir, { VISUAL: `${editor('code', 0)} --wait`, EDITOR: 'vim' }, '\n', 'open', 'tvm-2018');
    expect(r.status).toBe(0);
    const line = SEED.split('\n').findIndex((l) => l.startsWith('### TVM')) + 1;
    expect(readFileSync(record, 'utf8')).toBe(`--wait\n--goto\n${path.join(dir, 'notes', 'papers.md')}:${line}\nstdin:\n`);
  });

  it('an editor not on the PATH: exit 2 with a message', () => {
    const { dir } = setUp();
    const r = papers(dir, { EDITOR: 'no-such-editor-xyz' }, '', 'open', 'din');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('papers: cannot start the editor "no-such-editor-xyz": command not found');
  });

  it('no editor: FILE:LINE on stdout, the hint on stderr, exit 0', () => {
    const { dir } = setUp();
    const r = papers(dir, {}, '', 'open', 'din');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('notes/papers.md:45\n');
    expect(r.stderr).toContain('set $VISUAL or $EDITOR');
  });
});
