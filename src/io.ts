// The Io interface and its Node implementation: the only code that touches fs, process and the TTY.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as builtins from './shims/builtins.cjs';
import { describeHolder, LOCK_REFRESH_MS, type LockOwner, parseLockOwner, sameLock, type SeenLock, staleReason } from './edit/lock-state.js';
import { CancelledError, InputError } from './errors.js';

export type FileKind = 'file' | 'dir' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
  mtimeMs: number;
  /** Changes with every write to the file (no program can set it back). */
  ctimeMs: number;
  /** Device and inode: which file this is. */
  dev: number;
  ino: number;
  mode: number;
}

/**
 * Why papers must not replace a file: it is read-only to this user, or the replacement would take
 * this user as its owner (or group) and papers could not give it back its own.
 */
export type ReplaceProblem = { kind: 'read-only'; mode: number } | { kind: 'owner'; uid: number; gid: number; userUid: number };

export interface OutStream {
  write(text: string): void;
  /** True when the stream is an interactive terminal. */
  isTTY: boolean;
  /** Terminal width, when known. */
  columns?: number;
}

/** Questions on the terminal (papers add's missing fields). Asked on stderr, so stdout stays data. */
export interface Prompter {
  input(question: { message: string; default?: string; validate?: (value: string) => string | true }): Promise<string>;
  select(question: { message: string; choices: Array<{ name: string; value: string; description?: string }>; default?: string }): Promise<string>;
}

/** A held lock on a file. */
export interface FileLock {
  release(): Promise<void>;
  /** Why the lock was lost while held (taken over as stale by another process), or null while it is ours. */
  lost(): Error | null;
}

/** A file opened for reading at offsets. What it reads is the file as opened, even if a rename replaces it meanwhile. */
export interface ReadHandle {
  size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Uint8Array;
  /**
   * Writes `make(at)` at the end (`at`) of the file this handle reads, when its path still names that
   * file and it has not shrunk; false when it does not, or the write failed. Not atomic: for caches only.
   */
  append(make: (at: number) => Uint8Array[]): boolean;
  close(): void;
}

export interface Io {
  cwd(): string;
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  stdinIsTTY: boolean;
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  /** Standard input and output as streams, for a protocol spoken over them (`papers lsp --stdio`). */
  protocolStreams(): { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /** Null when nothing exists at the path. Follows symlinks. */
  stat(file: string): FileStat | null;
  readFile(file: string): Uint8Array;
  /** Opens a regular file for reads at offsets; null when it cannot be opened. */
  openRead(file: string): ReadHandle | null;
  /** Names (not paths) of the entries in a folder. */
  readDir(dir: string): string[];
  /** Why `writeFileAtomic` must not replace this existing file; null when it may (or when nothing is there). */
  replaceProblem(file: string): ReplaceProblem | null;
  /** Replaces the file atomically (temp file in the same folder, fsync, rename), keeping its mode and owner. */
  writeFileAtomic(file: string, data: Uint8Array): Promise<void>;
  /** Plain, non-atomic write (of the pieces one after another); for caches and temporary files, never the user's notes. */
  writeFile(file: string, data: Uint8Array | readonly Uint8Array[]): void;
  mkdirp(dir: string): void;
  /** Renames a file, replacing the target (same folder: atomic). */
  rename(from: string, to: string): void;
  removeFile(file: string): void;
  homeDir(): string;
  /**
   * Takes an exclusive lock on a file for a read-modify-write, waiting while another process
   * holds it. A lock left by a dead process goes stale and is taken over. Resolves to the release.
   */
  lock(file: string): Promise<FileLock>;
  /** The current time, ms since the epoch. */
  now(): number;
  /** Terminal questions; call only when stdin and stderr are terminals. */
  prompt: Prompter;
  /**
   * Opens the user's editor ($VISUAL, else $EDITOR, else vi) on a temporary file `name` holding
   * `initial`, waits for it to exit and resolves to the saved text. The temporary file is removed.
   */
  editText(initial: string, name: string): Promise<string>;
  /**
   * Runs the editor command (as the user wrote it: `code --wait`, through the shell) with these
   * arguments on this terminal, waits for it and resolves to how it ended.
   */
  runEditor(command: string, args: readonly string[]): Promise<EditorExit>;
  /** Runs a program (no shell), its output captured, and resolves to how it ended. */
  runProcess(file: string, args: readonly string[], options: { cwd: string }): Promise<ProcessResult>;
}

/** A captured program run: its status and output, or that the program is not installed. */
export type ProcessResult = { kind: 'ran'; status: number; stdout: string; stderr: string } | { kind: 'not-found' } | { kind: 'failed'; message: string };

/** How an editor run ended: its exit status (a signal as 128 + its number), or why it could not start. */
export type EditorExit = { kind: 'exited'; status: number } | { kind: 'not-found' } | { kind: 'failed'; message: string };

/** Writes all of `data` to `fd`, at `position` (undefined: where the file is). */
function writeAll(fd: number, data: Uint8Array, position: number | undefined): void {
  let done = 0;
  while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done, position === undefined ? null : position + done);
}

function openForReads(file: string): ReadHandle | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new Error('not a file');
    return {
      size: st.size,
      read(offset, length) {
        const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, st.size - offset)));
        let got = 0;
        while (got < buf.length) {
          const n = fs.readSync(fd, buf, got, buf.length - got, offset + got);
          if (n === 0) break;
          got += n;
        }
        return got === buf.length ? buf : buf.subarray(0, got);
      },
      append(make) {
        let out: number | undefined;
        try {
          out = fs.openSync(file, 'r+');
          const now = fs.fstatSync(out);
          if (now.dev !== st.dev || now.ino !== st.ino || now.size < st.size) return false;
          let at = now.size;
          for (const chunk of make(now.size)) {
            writeAll(out, chunk, at);
            at += chunk.length;
          }
          return true;
        } catch {
          return false;
        } finally {
          if (out !== undefined) fs.closeSync(out);
        }
      },
      close: () => fs.closeSync(fd),
    };
  } catch {
    fs.closeSync(fd);
    return null;
  }
}

function stream(s: NodeJS.WriteStream): OutStream {
  return {
    write: (text) => {
      s.write(text);
    },
    isTTY: Boolean(s.isTTY),
    get columns() {
      return s.columns;
    },
  };
}

export function nodeIo(): Io {
  return {
    cwd: () => process.cwd(),
    env: process.env,
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    // NOTE: a getter: touching process.stdin creates its stream, ~4 ms that most commands never need.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    protocolStreams: () => ({ input: process.stdin, output: process.stdout }),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stat: (file) => {
      try {
        const st = fs.statSync(file);
        return {
          kind: st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other',
          size: st.size,
          mtimeMs: st.mtimeMs,
          ctimeMs: st.ctimeMs,
          dev: st.dev,
          ino: st.ino,
          mode: st.mode,
        };
      } catch {
        return null;
      }
    },
    readFile: (file) => fs.readFileSync(file),
    openRead: (file) => openForReads(file),
    readDir: (dir) => fs.readdirSync(dir),
    replaceProblem: (file) => nodeReplaceProblem(file),
    writeFileAtomic: (file, data) => replaceFile(file, data),
    writeFile: (file, data) => {
      if (!Array.isArray(data)) return fs.writeFileSync(file, data as Uint8Array);
      // Piece by piece: a large file is never copied into one buffer first.
      const fd = fs.openSync(file, 'w');
      try {
        for (const piece of data as readonly Uint8Array[]) writeAll(fd, piece, undefined);
      } finally {
        fs.closeSync(fd);
      }
    },
    mkdirp: (dir) => {
      fs.mkdirSync(dir, { recursive: true });
    },
    rename: (from, to) => fs.renameSync(from, to),
    removeFile: (file) => {
      fs.rmSync(file, { force: true });
    },
    // NOTE: os.homedir() is $HOME on POSIX when it is set; node:os costs ~4 ms to load.
    homeDir: () => (process.platform !== 'win32' && process.env.HOME) || builtins.os().homedir(),
    lock: (file) => lockFile(file),
    now: () => Date.now(),
    prompt: terminalPrompter(),
    editText: (initial, name) => editInEditor(initial, name, process.env),
    runEditor: (command, args) => runEditor(command, args),
    runProcess: (file, args, options) => runProcess(file, args, options.cwd),
  };
}

export interface ReplaceFs {
  realpath(p: string): Promise<string>;
  stat(p: string): Promise<{ mode: number; uid: number; gid: number }>;
  /** Rejects when this user may not write the file. */
  access(p: string): Promise<void>;
  open(p: string, flags: string, mode: number): Promise<{ writeFile(data: Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  chmod(p: string, mode: number): Promise<void>;
  chown(p: string, uid: number, gid: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(p: string, options: { force: boolean }): Promise<void>;
  syncDir(dir: string): Promise<void>;
}

export const nodeReplaceFs: ReplaceFs = {
  realpath: (p) => fs.promises.realpath(p),
  stat: (p) => fs.promises.stat(p),
  access: (p) => fs.promises.access(p, fs.constants.W_OK),
  open: (p, flags, mode) => fs.promises.open(p, flags, mode),
  chmod: (p, mode) => fs.promises.chmod(p, mode),
  chown: (p, uid, gid) => fs.promises.chown(p, uid, gid),
  rename: (from, to) => fs.promises.rename(from, to),
  rm: (p, options) => fs.promises.rm(p, options),
  syncDir: async (dir) => {
    const handle = await fs.promises.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** Who is running papers, for owner checks; null where there are no POSIX ids (Windows). */
function currentUser(): { uid: number; gids: number[] } | null {
  if (!process.getuid || !process.getgroups || !process.getegid) return null;
  return { uid: process.getuid(), gids: [process.getegid(), ...process.getgroups()] };
}

/**
 * The problem with replacing a file of this mode and owner, pure. `writable` is the answer of an
 * access(W_OK) check (root passes it for any file). A replacement is a new file created by this
 * user: only root may give it another user's ids, and others only a group they belong to.
 */
export function replaceProblemOf(
  st: { mode: number; uid: number; gid: number },
  writable: boolean,
  user: { uid: number; gids: readonly number[] } | null,
): ReplaceProblem | null {
  // NOTE: a file nobody may write is read-only for root too, who passes access(W_OK) for any file:
  // papers does not overrule the mode its owner gave it.
  if (!writable || (st.mode & 0o222) === 0) return { kind: 'read-only', mode: st.mode & 0o7777 };
  if (user === null || user.uid === 0) return null;
  if (st.uid !== user.uid || !user.gids.includes(st.gid)) return { kind: 'owner', uid: st.uid, gid: st.gid, userUid: user.uid };
  return null;
}

function nodeReplaceProblem(file: string): ReplaceProblem | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  let writable = true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    writable = false;
  }
  return replaceProblemOf(st, writable, currentUser());
}

/**
 * Replaces a file atomically: a hidden temp file beside it (so a folder digest never lists it),
 * every byte written, fsync, the target's mode and owner, rename over the target (through a
 * symlink, to its target), fsync of the folder. On any failure the temp file is removed and the
 * target is untouched. A target this user may not write is refused (the rename would replace it
 * anyway: only the folder's permissions count), and so is one whose owner the temp file cannot take.
 * NOTE: not write-file-atomic: it ignores short writes, so on a full disk it renames a truncated
 * temp file over the target and reports success. FileHandle.writeFile writes until done or throws.
 */
export async function replaceFile(file: string, data: Uint8Array, fsApi: ReplaceFs = nodeReplaceFs): Promise<void> {
  const target = await fsApi.realpath(file).catch(() => file);
  const st = await fsApi.stat(target).catch(() => null);
  if (st) await fsApi.access(target);
  const dir = path.dirname(target);
  removeAbandonedTemps(dir, path.basename(target));
  const unique = `${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  // Opened with "wx": an existing name fails instead of being overwritten.
  const temp = path.join(dir, `.${path.basename(target)}.${unique}.tmp`);
  const mode = st ? st.mode & 0o7777 : 0o666;
  let handle: Awaited<ReturnType<ReplaceFs['open']>> | undefined;
  try {
    handle = await fsApi.open(temp, 'wx', mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (st) {
      await fsApi.chmod(temp, mode);
      const made = await fsApi.stat(temp);
      if (made.uid !== st.uid || made.gid !== st.gid) {
        await fsApi.chown(temp, st.uid, st.gid).catch((error: Error) => {
          throw new Error(`cannot keep its owner (user ${st.uid}, group ${st.gid}): ${error.message}`);
        });
      }
    }
    await fsApi.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fsApi.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  // The rename is done; a failed folder fsync (some file systems refuse it) changes nothing.
  await fsApi.syncDir(dir).catch(() => {});
}

/** A temp file younger than this is never taken for abandoned: its writer may be between its steps. */
export const TEMP_MIN_AGE_MS = 5_000;

/**
 * Whether `name` in a notes folder is a temp file replaceFile left for `base` (`.<base>.<pid>.<id>.tmp`)
 * whose writer is gone: a regular file, old enough, and its pid no running process. Pure.
 */
export function isAbandonedTemp(name: string, base: string, st: { isFile: boolean; mtimeMs: number }, now: number, alive: (pid: number) => boolean): boolean {
  const prefix = `.${base}.`;
  if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return false;
  const m = /^(\d+)\.[0-9a-z]+$/.exec(name.slice(prefix.length, -'.tmp'.length));
  if (!m || !st.isFile) return false;
  // Either way from now: a temp file dated in the future (a clock set back) is no younger for it.
  return Math.abs(now - st.mtimeMs) >= TEMP_MIN_AGE_MS && !alive(Number(m[1]));
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temp files of writers killed before their rename (only ours, by name; best effort). */
function removeAbandonedTemps(dir: string, base: string): void {
  try {
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith(`.${base}.`) || !name.endsWith('.tmp')) continue;
      const file = path.join(dir, name);
      const st = fs.lstatSync(file);
      if (isAbandonedTemp(name, base, { isFile: st.isFile(), mtimeMs: st.mtimeMs }, now, processAlive)) fs.rmSync(file, { force: true });
    }
  } catch {
    // A folder that cannot be listed keeps its files: the write itself reports what is wrong.
  }
}

let bootIdCache: string | undefined;
/** The kernel's boot id on Linux, '' elsewhere. */
function bootId(): string {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootIdCache = '';
    }
  }
  return bootIdCache;
}

/** The lock at this path as a waiter sees it; null when nothing (or something not ours) is there. */
function inspectLock(lockPath: string): SeenLock | null {
  try {
    const st = fs.lstatSync(lockPath);
    if (st.isDirectory()) return { kind: 'folder', mtimeMs: st.mtimeMs, ino: st.ino, owner: null };
    if (!st.isFile()) return null;
    // A record is a hundred bytes; a bigger file is not one.
    const text = st.size <= 4096 ? fs.readFileSync(lockPath, 'utf8') : '';
    return { kind: 'file', mtimeMs: st.mtimeMs, ino: st.ino, owner: parseLockOwner(text) };
  } catch {
    return null;
  }
}

/**
 * Takes an abandoned lock out of the way: renamed aside first (atomic), then removed only if it is
 * the lock judged abandoned; a lock made meanwhile by another waiter is put back (link: never over
 * a newer one), and its holder, should it have been displaced anyway, finds out before it writes.
 */
function takeOverLock(lockPath: string, seen: SeenLock): void {
  const dir = path.dirname(lockPath);
  // Named as replaceFile's temp files are: if papers dies right here, the next writer removes it.
  const aside = path.join(dir, `.${path.basename(lockPath, '.lock')}.${uniqueSuffix()}.tmp`);
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return; // gone already: another waiter took it
  }
  const moved = inspectLock(aside);
  if (moved && !sameLock(moved, seen) && moved.kind === 'file') {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // A third lock is there already; the displaced holder sees its token gone and writes nothing.
    }
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

function uniqueSuffix(): string {
  return `${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Waiting for a live lock gives up after this long. */
const LOCK_WAIT_MS = 120_000;

/**
 * Takes `<real path>.lock`: a small file created exclusively ("wx"), naming its holder (pid, host,
 * boot id, a token) and refreshed every LOCK_REFRESH_MS. A waiter retries with randomised back-off
 * and takes over a lock whose holder is gone (see staleReason): a killed writer's lock in one retry,
 * a lock of unknown holder once it has not been refreshed for LOCK_STALE_MS. A lock folder left by an
 * older papers (proper-lockfile) is judged by its date.
 * NOTE: not proper-lockfile: its lock folder names no holder, so a dead writer's lock blocks for
 * its whole stale time (10 s), and a file put inside the folder breaks its rmdir release.
 */
async function lockFile(file: string): Promise<FileLock> {
  const lockPath = `${fs.realpathSync(file)}.lock`;
  const os = builtins.os();
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), boot: bootId(), token: uniqueSuffix() };
  const record = JSON.stringify(owner);
  const deadline = Date.now() + LOCK_WAIT_MS;
  let delay = 20;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, record, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = inspectLock(lockPath);
    if (seen === null) {
      // Gone meanwhile: try again. Something else there (a symlink, a fifo) is no lock of ours.
      if (fs.lstatSync(lockPath, { throwIfNoEntry: false })) throw new Error(`${lockPath} is in the way: not a lock papers made`);
      continue;
    }
    if (staleReason(seen, { host: owner.host, boot: owner.boot, now: Date.now(), alive: processAlive }) !== null) {
      takeOverLock(lockPath, seen);
      continue;
    }
    if (Date.now() > deadline) {
      throw Object.assign(new Error(`${describeHolder(seen)} has held ${lockPath} for over ${LOCK_WAIT_MS / 1000} s`), { code: 'ELOCKED' });
    }
    await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
    delay = Math.min(200, delay * 1.3);
  }
  let lost: Error | null = null;
  const stillOurs = (): boolean => {
    if (lost) return false;
    const now = inspectLock(lockPath);
    if (now?.owner?.token !== owner.token) lost = new Error('another process took it over as abandoned');
    return lost === null;
  };
  const timer = setInterval(() => {
    if (!stillOurs()) return clearInterval(timer);
    try {
      const now = new Date();
      fs.utimesSync(lockPath, now, now);
    } catch (error) {
      lost = error as Error;
    }
  }, LOCK_REFRESH_MS);
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      if (stillOurs()) fs.rmSync(lockPath, { force: true });
    },
    // Read from the file each time: asked right before the rename, it is the last word on it.
    lost: () => (stillOurs() ? null : lost),
  };
}

function terminalPrompter(): Prompter {
  // NOTE: a function: touching process.stdin creates its stream, which only prompting needs.
  const context = () => ({ input: process.stdin, output: process.stderr });
  const cancelled = (error: unknown): never => {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new CancelledError('cancelled; nothing was written');
    }
    throw error;
  };
  return {
    input: async (question) => {
      const { default: input } = await import('@inquirer/input');
      return input(question, context()).catch(cancelled);
    },
    select: async (question) => {
      const { default: select } = await import('@inquirer/select');
      return select({ ...question, pageSize: 12 }, context()).catch(cancelled);
    },
  };
}

/** The editor command: $VISUAL, then $EDITOR (as git and less pick them), then vi. */
export function editorCommand(env: Record<string, string | undefined>): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

async function editInEditor(initial: string, name: string, env: Record<string, string | undefined>): Promise<string> {
  // NOTE: through `default`: in the bundle node:child_process is a lazy Proxy shim (package.json's
  // build), whose properties an ESM namespace copy cannot see; Node's own module has `default` too.
  const { spawnSync } = (await import('node:child_process')).default;
  const dir = fs.mkdtempSync(path.join(builtins.os().tmpdir(), 'papers-'));
  const file = path.join(dir, name);
  try {
    fs.writeFileSync(file, initial);
    const editor = editorCommand(env);
    // The editor may carry arguments (`code --wait`): run it through the shell, the file as "$1".
    const result =
      process.platform === 'win32'
        ? spawnSync(`${editor} "${file}"`, { stdio: 'inherit', shell: true })
        : spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'papers', file], { stdio: 'inherit' });
    if (result.error) throw new InputError(`cannot start the editor "${editor}": ${result.error.message}`, 'set $VISUAL or $EDITOR');
    if (result.status === 127) throw new InputError(`cannot start the editor "${editor}": command not found`, 'set $VISUAL or $EDITOR');
    if (result.status !== 0) {
      throw new InputError(`the editor "${editor}" exited with ${result.status ?? result.signal}; nothing was written`, 'save and quit normally to add the entry');
    }
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runEditor(command: string, args: readonly string[]): Promise<EditorExit> {
  // NOTE: through `default`, as in editInEditor.
  const { spawnSync } = (await import('node:child_process')).default;
  // The editor inherits the terminal; the command may carry arguments, so the shell runs it with ours as "$@".
  const result =
    process.platform === 'win32'
      ? spawnSync([command, ...args.map((a) => `"${a}"`)].join(' '), { stdio: 'inherit', shell: true })
      : spawnSync('/bin/sh', ['-c', `${command} "$@"`, 'papers', ...args], { stdio: 'inherit' });
  if (result.error) return { kind: 'failed', message: result.error.message };
  if (result.signal) return { kind: 'exited', status: 128 + (builtins.os().constants.signals[result.signal] ?? 0) };
  if (result.status === 127) return { kind: 'not-found' };
  return { kind: 'exited', status: result.status ?? 1 };
}

async function runProcess(file: string, args: readonly string[], cwd: string): Promise<ProcessResult> {
  const { spawnSync } = (await import('node:child_process')).default;
  // NOTE: git log -p of a long history is large: up to 1 GiB of output is read.
  const result = spawnSync(file, [...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'not-found' } : { kind: 'failed', message: result.error.message };
  }
  return { kind: 'ran', status: result.status ?? 128, stdout: result.stdout, stderr: result.stderr };
}

export function resolvePath(io: Io, p: string): string {
  return path.resolve(io.cwd(), p);
}
