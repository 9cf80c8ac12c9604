import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { LOCK_STALE_MS, parseLockOwner } from '../src/edit/lock-state.js';
import { editorCommand, isAbandonedTemp, nodeIo, nodeReplaceFs, replaceFile, replaceProblemOf, TEMP_MIN_AGE_MS, type ReplaceFs } from '../src/io.js';

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
      access: (p) => real.access(p),
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

describe('nodeIo().openRead(...).append', () => {
  it('writes at the end of the file it reads, handing the offset to what it writes', () => {
    const file = path.join(dir, 'c.bin');
    fs.writeFileSync(file, 'abc');
    const handle = nodeIo().openRead(file)!;
    expect(handle.append((at) => [Buffer.from(`@${at}`), Buffer.from('!')])).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('abc@3!');
    // Grown by another writer meanwhile: still the same file, written after what is there now.
    fs.appendFileSync(file, 'xy');
    expect(handle.append((at) => [Buffer.from(`@${at}`)])).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('abc@3!xy@8');
    handle.close();
  });

  it('refuses when its path names another file now, or the file shrank', () => {
    const file = path.join(dir, 'c.bin');
    fs.writeFileSync(file, 'abcdef');
    const replaced = nodeIo().openRead(file)!;
    fs.writeFileSync(`${file}.tmp`, 'new');
    fs.renameSync(`${file}.tmp`, file);
    expect(replaced.append(() => [Buffer.from('x')])).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    const shrunk = nodeIo().openRead(file)!;
    fs.truncateSync(file, 1);
    expect(shrunk.append(() => [Buffer.from('x')])).toBe(false);
    fs.rmSync(file);
    expect(shrunk.append(() => [Buffer.from('x')])).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
    replaced.close();
    shrunk.close();
  });
});

describe('replaceFile on a file it must not replace', () => {
  const realFs = (over: Partial<ReplaceFs>): ReplaceFs => ({ ...nodeReplaceFs, ...over });
  /** papers.md holding "old". */
  const oldFile = (): string => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, 'old');
    return file;
  };

  it('refuses a target this user may not write, before creating anything', async () => {
    const file = oldFile();
    const denied = realFs({ access: async () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) });
    await expect(replaceFile(file, encode('new'), denied)).rejects.toThrow('EACCES');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['papers.md']);
  });

  it('refuses, leaving the target as it was, when it cannot give the new file the old owner', async () => {
    const file = oldFile();
    const chowned: string[] = [];
    const foreign = realFs({
      // The target belongs to another user; the temp file is ours.
      stat: async (p) => (p === file ? { mode: 0o100644, uid: 4242, gid: 4242 } : fs.promises.stat(p)),
      chown: async (p) => {
        chowned.push(p);
        throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      },
    });
    await expect(replaceFile(file, encode('new'), foreign)).rejects.toThrow('cannot keep its owner (user 4242, group 4242): EPERM');
    expect(chowned).toHaveLength(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['papers.md']);
  });

  it('does not chown when the new file already has the old owner', async () => {
    const file = oldFile();
    const chowned: string[] = [];
    await replaceFile(file, encode('new'), realFs({ chown: async (p) => void chowned.push(p) }));
    expect(chowned).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('temp files of killed writers', () => {
  const now = 1_000_000_000;
  const dead = (pid: number) => pid !== 4242;
  it.each([
    ['ours, old, its writer gone', '.papers.md.77.lq2x9abc.tmp', { isFile: true, mtimeMs: now - TEMP_MIN_AGE_MS }, true],
    ['ours, but its writer runs', '.papers.md.4242.lq2x9abc.tmp', { isFile: true, mtimeMs: now - 60_000 }, false],
    ['ours, but too young', '.papers.md.77.lq2x9abc.tmp', { isFile: true, mtimeMs: now - 1_000 }, false],
    ['ours, dated in the future (a clock set back)', '.papers.md.77.lq2x9abc.tmp', { isFile: true, mtimeMs: now + 3600_000 }, true],
    ["another file's", '.other.md.77.lq2x9abc.tmp', { isFile: true, mtimeMs: now - 60_000 }, false],
    ['not our name pattern', '.papers.md.77.tmp', { isFile: true, mtimeMs: now - 60_000 }, false],
    ['not our name pattern (capitals)', '.papers.md.77.ABC.tmp', { isFile: true, mtimeMs: now - 60_000 }, false],
    ['a folder of that name', '.papers.md.77.lq2x9abc.tmp', { isFile: false, mtimeMs: now - 60_000 }, false],
    ['the digest itself', 'papers.md', { isFile: true, mtimeMs: now - 60_000 }, false],
  ])('%s: %s', (_name, name, st, expected) => {
    expect(isAbandonedTemp(name, 'papers.md', st, now, (pid) => !dead(pid))).toBe(expected);
  });

  it('the next write removes only the abandoned ones, beside the file it replaces', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, 'old');
    // A pid that surely runs no process now: a child's, after it exited.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const old = (Date.now() - 60_000) / 1000;
    const make = (name: string, age = old) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, 'partial');
      fs.utimesSync(p, age, age);
      return p;
    };
    const abandoned = make(`.papers.md.${gone}.lq2x9abc.tmp`);
    const running = make(`.papers.md.${process.pid}.lq2x9abd.tmp`);
    const young = make(`.papers.md.${gone}.lq2x9abe.tmp`, Date.now() / 1000);
    const other = make(`.notes.md.${gone}.lq2x9abf.tmp`);
    fs.mkdirSync(path.join(dir, `.papers.md.${gone}.lq2x9abg.tmp`));
    await replaceFile(file, new TextEncoder().encode('new'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.existsSync(abandoned)).toBe(false);
    for (const kept of [running, young, other, path.join(dir, `.papers.md.${gone}.lq2x9abg.tmp`)]) expect(fs.existsSync(kept)).toBe(true);
  });
});

describe('replaceProblemOf', () => {
  const me = { uid: 1000, gids: [1000, 27] };
  it.each([
    ['a read-only file', { mode: 0o100444, uid: 1000, gid: 1000 }, false, me, { kind: 'read-only', mode: 0o444 }],
    ["another user's file this user may not write", { mode: 0o100644, uid: 0, gid: 0 }, false, me, { kind: 'read-only', mode: 0o644 }],
    ['a file of ours', { mode: 0o100644, uid: 1000, gid: 1000 }, true, me, null],
    ['a file of ours in one of our other groups', { mode: 0o100664, uid: 1000, gid: 27 }, true, me, null],
    ["another user's file we may write (group-writable)", { mode: 0o100664, uid: 1001, gid: 27 }, true, me, { kind: 'owner', uid: 1001, gid: 27, userUid: 1000 }],
    ['a file of ours in a group we are not in', { mode: 0o100666, uid: 1000, gid: 50 }, true, me, { kind: 'owner', uid: 1000, gid: 50, userUid: 1000 }],
    ['any writable file, for root', { mode: 0o100644, uid: 1001, gid: 50 }, true, { uid: 0, gids: [0] }, null],
    ['a read-only file, for root too (access says writable)', { mode: 0o100444, uid: 1001, gid: 50 }, true, { uid: 0, gids: [0] }, { kind: 'read-only', mode: 0o444 }],
    ['a file only its group may write, for root', { mode: 0o100464, uid: 1001, gid: 50 }, true, { uid: 0, gids: [0] }, null],
    ['a writable file where there are no user ids (Windows)', { mode: 0o100666, uid: 0, gid: 0 }, true, null, null],
  ] as const)('%s', (_name, st, writable, user, expected) => {
    expect(replaceProblemOf(st, writable, user)).toEqual(expected);
  });

  it('finds no problem with a fresh file of ours, nor with a missing one (nodeIo)', () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, 'x');
    expect(nodeIo().replaceProblem(file)).toBeNull();
    expect(nodeIo().replaceProblem(path.join(dir, 'missing.md'))).toBeNull();
  });
});

describe('nodeIo().lock', () => {
  const bootId = (() => {
    try {
      return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      return '';
    }
  })();
  /** The pid of a process that has exited. */
  const deadPid = (): number => {
    const child = spawnSync(process.execPath, ['-e', '0']);
    return child.pid!;
  };

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

  it('names its holder in the lock file: pid, host, boot id and a token of this holding', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    const lock = await nodeIo().lock(file);
    const owner = parseLockOwner(fs.readFileSync(`${file}.lock`, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: os.hostname(), boot: bootId });
    expect(owner!.token).not.toBe('');
    await lock.release();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over at once the lock of a writer killed while holding it (its pid gone), not after the stale time', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    // What `kill -9` of a holder leaves: its record, freshly refreshed, naming a pid that is gone.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: os.hostname(), boot: bootId, token: 'killed' }));
    const started = Date.now();
    const lock = await nodeIo().lock(file);
    // NOTE: not a timing assertion of speed: the old lock waited for the 10 s stale time here.
    expect(Date.now() - started).toBeLessThan(LOCK_STALE_MS);
    expect(lock.lost()).toBeNull();
    expect(parseLockOwner(fs.readFileSync(`${file}.lock`, 'utf8'))?.pid).toBe(process.pid);
    await lock.release();
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('waits for a live holder, even one whose record names another machine', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: 'elsewhere.example', boot: 'x', token: 'remote' }));
    let taken = false;
    const waiting = nodeIo().lock(file).then((l) => ((taken = true), l));
    await new Promise((r) => setTimeout(r, 600));
    // A pid on another host says nothing: only the date can tell that holder is gone.
    expect(taken).toBe(false);
    fs.rmSync(`${file}.lock`);
    await (await waiting).release();
    expect(taken).toBe(true);
  });

  it('takes over an unrefreshed lock whose pid runs something else (a pid reused), and an empty or damaged record', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    const old = new Date(Date.now() - LOCK_STALE_MS - 5_000);
    for (const record of [JSON.stringify({ pid: process.ppid, host: os.hostname(), boot: bootId, token: 'reused' }), '', '{"pid":']) {
      fs.writeFileSync(`${file}.lock`, record);
      fs.utimesSync(`${file}.lock`, old, old);
      const lock = await nodeIo().lock(file);
      expect(lock.lost()).toBeNull();
      await lock.release();
      expect(fs.existsSync(`${file}.lock`)).toBe(false);
    }
  });

  it('takes over a stale lock folder an older papers left (proper-lockfile), by its date', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    fs.mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - LOCK_STALE_MS - 5_000);
    fs.utimesSync(`${file}.lock`, old, old);
    const lock = await nodeIo().lock(file);
    expect(lock.lost()).toBeNull();
    await lock.release();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['papers.md']);
  });

  it('waits for a fresh lock folder of an older papers', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    fs.mkdirSync(`${file}.lock`);
    let taken = false;
    const waiting = nodeIo().lock(file).then((l) => ((taken = true), l));
    await new Promise((r) => setTimeout(r, 500));
    expect(taken).toBe(false);
    fs.rmdirSync(`${file}.lock`);
    await (await waiting).release();
    expect(taken).toBe(true);
  });

  it('takes over a lock dated in the future (a clock set back, a restored backup) instead of waiting for ever', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: 'elsewhere.example', boot: '', token: 'ahead' }));
    const ahead = new Date(Date.now() + 24 * 3600 * 1000);
    fs.utimesSync(`${file}.lock`, ahead, ahead);
    const lock = await nodeIo().lock(file);
    expect(lock.lost()).toBeNull();
    await lock.release();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('still waits for a live lock dated a little ahead (within a refresh of now)', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    const first = await nodeIo().lock(file);
    const soon = new Date(Date.now() + 1_000);
    fs.utimesSync(`${file}.lock`, soon, soon);
    let second = false;
    const waiting = nodeIo().lock(file).then((l) => ((second = true), l));
    await new Promise((r) => setTimeout(r, 500));
    expect(second).toBe(false);
    await first.release();
    await (await waiting).release();
    expect(second).toBe(true);
  });

  it('knows when its lock was taken over, and then leaves the new holder\'s lock alone on release', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    const lock = await nodeIo().lock(file);
    expect(lock.lost()).toBeNull();
    const other = JSON.stringify({ pid: process.ppid, host: os.hostname(), boot: bootId, token: 'someone-else' });
    fs.writeFileSync(`${file}.lock`, other);
    expect(lock.lost()?.message).toMatch(/took it over/);
    await lock.release();
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(other);
  });

  it('refuses something in the way of the lock that no papers made (a dangling symlink), instead of spinning', async () => {
    const file = path.join(dir, 'papers.md');
    fs.writeFileSync(file, '');
    fs.symlinkSync(path.join(dir, 'nowhere'), `${file}.lock`);
    await expect(nodeIo().lock(file)).rejects.toThrow(/in the way/);
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
