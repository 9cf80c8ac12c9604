import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorCommand, LOCK_STALE_MS, nodeIo, replaceFile, type ReplaceFs } from '../src/io.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-io-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const encode = (t: string) => new TextEncoder().encode(t);

describe('replaceFile', () => {
  it('replaces the content, keeps the mode and leaves no temp file', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    await replaceFile(file, encode('new ✓'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new ✓');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['papers.md']);
  });

  it('writes through a symlink to its target, keeping the link', async () => {
    const target = path.join(dir, 'real.md');
    const link = path.join(dir, 'link.md');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync(target, link);
    await replaceFile(link, encode('new'));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
  });

  it('leaves the target untouched and removes the temp file when writing fails (a full disk)', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, 'old');
    const real = fs.promises;
    const failing: ReplaceFs = {
      realpath: (p) => real.realpath(p),
      stat: (p) => real.stat(p),
      open: async (p, flags, mode) => {
        const handle = await real.open(p, flags, mode);
        return {
          // Half the bytes land, then the disk is full.
          writeFile: async (data) => {
            await handle.write(data, 0, data.length >> 1);
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      chmod: (p, m) => real.chmod(p, m),
      chown: (p, u, g) => real.chown(p, u, g),
      rename: (a, b) => real.rename(a, b),
      rm: (p, o) => real.rm(p, o),
      syncDir: async () => {},
    };
    await expect(replaceFile(file, encode('a much longer new text'), failing)).rejects.toThrow('ENOSPC');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['papers.md']);
  });
});

describe('nodeIo().lock', () => {
  it('makes a second locker wait until the first releases', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    const io = nodeIo();
    const first = await io.lock(file);
    const order: string[] = [];
    const second = io.lock(file).then((l) => {
      order.push('second');
      return l;
    });
    await new Promise((r) => setTimeout(r, 300));
    order.push('first released');
    await first.release();
    await (await second).release();
    expect(order).toEqual(['first released', 'second']);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a stale lock left by a dead process instead of waiting for ever', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    // What a process killed while holding the lock leaves: the lock folder, no longer refreshed.
    fs.mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - LOCK_STALE_MS - 5_000);
    fs.utimesSync(`${file}.lock`, old, old);
    const lock = await nodeIo().lock(file);
    expect(lock.lost()).toBeNull();
    await lock.release();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('nodeIo().editText', () => {
  const withEditor = async <T>(editor: string, run: () => Promise<T>): Promise<T> => {
    const saved = { VISUAL: process.env.VISUAL, EDITOR: process.env.EDITOR };
    process.env.VISUAL = editor;
    try {
      return await run();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };

  it('runs the editor (with its arguments) on a temporary file and returns what it saved', async () => {
    const saved = await withEditor('sed -i s/before/after/', () => nodeIo().editText('title: before\n', 'entry.md'));
    expect(saved).toBe('title: after\n');
  });

  it('reports an editor that fails or cannot start, as a user error', async () => {
    await expect(withEditor('false', () => nodeIo().editText('x', 'entry.md'))).rejects.toThrow('the editor "false" exited with 1; nothing was written');
    await expect(withEditor('no-such-editor-papers', () => nodeIo().editText('x', 'entry.md'))).rejects.toThrow(
      'cannot start the editor "no-such-editor-papers": command not found',
    );
  });
});

describe('editorCommand', () => {
  it.each([
    [{ VISUAL: 'code --wait', EDITOR: 'nano' }, 'code --wait'],
    [{ EDITOR: 'nano' }, 'nano'],
    [{ VISUAL: ' ', EDITOR: '' }, 'vi'],
    [{}, 'vi'],
  ])('%j -> %s', (env, expected) => {
    expect(editorCommand(env)).toBe(expected);
  });
});
