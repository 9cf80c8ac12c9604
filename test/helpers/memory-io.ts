// An in-memory Io for command tests: files in a Map, captured stdout/stderr.
import * as path from 'node:path';
import type { FileStat, Io, ReplaceProblem } from '../../src/io.js';

export interface MemoryIo extends Io {
  files: Map<string, Uint8Array>;
  stdoutText(): string;
  stderrText(): string;
  /** Paths written through writeFileAtomic, in order. */
  atomicWrites: string[];
  /** Questions asked through `prompt`, in order, and texts given to the editor. */
  asked: string[];
  edited: string[];
  /** Editor runs through `runEditor`: the command and its arguments. */
  editorRuns: Array<{ command: string; args: string[] }>;
}

export interface MemoryIoOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  /** Overrides `tty` for one stream (`papers lint 2>log` on a terminal: stdout a TTY, stderr not). */
  stdoutTty?: boolean;
  stderrTty?: boolean;
  columns?: number;
  stdin?: string;
  /** Paths (absolute) that exist as folders even when empty. */
  dirs?: string[];
  /** Paths whose reads fail with this errno code. */
  unreadable?: Record<string, string>;
  /** Scripted answers to `prompt` questions, in order (for `select`, the chosen value). */
  answers?: string[];
  /** What the user saves in the editor, given the template. */
  editor?: (initial: string) => string;
  /** How an editor run ends (default: exit status 0). */
  editorExit?: import('../../src/io.js').EditorExit;
  /** How a program run through `runProcess` ends (default: not installed). */
  processes?: (file: string, args: readonly string[], cwd: string) => import('../../src/io.js').ProcessResult;
  /** The clock (default: 2025-06-01). */
  now?: number;
  /** Makes every lock report itself lost (taken over) once taken. */
  lockLost?: boolean;
  /** Symbolic links: absolute path -> absolute target (followed by stat and readFile; may dangle). */
  symlinks?: Record<string, string>;
  /** Files papers must not replace (read-only to the user, or another owner), by absolute path. */
  replaceProblems?: Record<string, ReplaceProblem>;
}

const versions = new WeakMap<Uint8Array, number>();
let lastVersion = 0;
/** A change time for these bytes: the same array always gets the same one, a new array a new one. */
function versionOf(data: Uint8Array): number {
  let v = versions.get(data);
  if (v === undefined) versions.set(data, (v = ++lastVersion));
  return v;
}
const inodes = new Map<string, number>();
const inodeOf = (p: string): number => {
  let n = inodes.get(p);
  if (n === undefined) inodes.set(p, (n = inodes.size + 1));
  return n;
};

export function memoryIo(files: Record<string, string | Uint8Array> = {}, options: MemoryIoOptions = {}): MemoryIo {
  const cwd = options.cwd ?? '/work';
  const store = new Map<string, Uint8Array>();
  /** A file's bytes after an append, to the bytes it was written with: the same file on a disk. */
  const appended = new WeakMap<Uint8Array, Uint8Array>();
  for (const [name, content] of Object.entries(files)) {
    store.set(path.resolve(cwd, name), typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  const dirs = new Set((options.dirs ?? []).map((d) => path.resolve(cwd, d)));
  const follow = (abs: string): string => options.symlinks?.[abs] ?? abs;
  let out = '';
  let err = '';
  const atomicWrites: string[] = [];
  const asked: string[] = [];
  const edited: string[] = [];
  const editorRuns: Array<{ command: string; args: string[] }> = [];
  const answers = [...(options.answers ?? [])];
  const answer = (message: string): string => {
    asked.push(message);
    const next = answers.shift();
    if (next === undefined) throw new Error(`no scripted answer for "${message}"`);
    return next;
  };
  const isDir = (p: string): boolean => {
    if (dirs.has(p)) return true;
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const f of store.keys()) if (f.startsWith(prefix)) return true;
    for (const d of dirs) if (d.startsWith(prefix)) return true;
    return false;
  };
  const fail = (code: string, p: string): never => {
    const e = new Error(`${code}: ${p}`) as NodeJS.ErrnoException;
    e.code = code;
    throw e;
  };
  return {
    files: store,
    atomicWrites,
    asked,
    edited,
    editorRuns,
    cwd: () => cwd,
    env: options.env ?? {},
    stdout: { write: (t) => void (out += t), isTTY: options.stdoutTty ?? options.tty ?? false, columns: options.columns ?? 100 },
    stderr: { write: (t) => void (err += t), isTTY: options.stderrTty ?? options.tty ?? false, columns: options.columns ?? 100 },
    stdinIsTTY: options.tty ?? false,
    readStdin: async () => options.stdin ?? '',
    protocolStreams: () => {
      throw new Error('memory io has no protocol streams (papers lsp is tested over a real process)');
    },
    stat: (p): FileStat | null => {
      const abs = follow(path.resolve(cwd, p));
      const data = store.get(abs);
      // Every write puts new bytes in the map: their version is the file's change time, as ctime is.
      if (data) return { kind: 'file', size: data.length, mtimeMs: 0, ctimeMs: versionOf(data), dev: 1, ino: inodeOf(abs), mode: 0o644 };
      if (isDir(abs)) return { kind: 'dir', size: 0, mtimeMs: 0, ctimeMs: 0, dev: 1, ino: inodeOf(abs), mode: 0o755 };
      return null;
    },
    readFile: (p) => {
      const abs = follow(path.resolve(cwd, p));
      const code = options.unreadable?.[abs];
      if (code) fail(code, abs);
      const data = store.get(abs);
      if (!data) return fail(isDir(abs) ? 'EISDIR' : 'ENOENT', abs);
      return data;
    },
    openRead: (p) => {
      const abs = follow(path.resolve(cwd, p));
      const data = options.unreadable?.[abs] ? undefined : store.get(abs);
      if (!data) return null;
      // A snapshot, as an open file descriptor keeps the file it opened.
      return {
        size: data.length,
        read: (offset, length) => data.slice(offset, offset + length),
        // As on a disk: only onto the same file (not one renamed over its path since), never shrunk.
        append: (make) => {
          const now = store.get(abs);
          if (!now || now.length < data.length || (appended.get(now) ?? now) !== (appended.get(data) ?? data)) return false;
          const chunks = make(now.length);
          const grown = new Uint8Array(now.length + chunks.reduce((n, c) => n + c.length, 0));
          grown.set(now);
          let at = now.length;
          for (const c of chunks) {
            grown.set(c, at);
            at += c.length;
          }
          appended.set(grown, appended.get(now) ?? now);
          store.set(abs, grown);
          return true;
        },
        close: () => {},
      };
    },
    readDir: (p) => {
      const abs = path.resolve(cwd, p);
      const names = new Set<string>();
      const prefix = `${abs}/`;
      for (const f of [...store.keys(), ...dirs, ...Object.keys(options.symlinks ?? {})]) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]!);
      return [...names].sort();
    },
    replaceProblem: (p) => options.replaceProblems?.[path.resolve(cwd, p)] ?? null,
    writeFileAtomic: async (p, data) => {
      const abs = path.resolve(cwd, p);
      // As replaceFile: a read-only target is refused even when nobody asked first.
      if (options.replaceProblems?.[abs]?.kind === 'read-only') fail('EACCES', abs);
      atomicWrites.push(abs);
      store.set(abs, data);
    },
    writeFile: (p, data) => void store.set(path.resolve(cwd, p), Array.isArray(data) ? new Uint8Array(Buffer.concat(data as Uint8Array[])) : (data as Uint8Array)),
    mkdirp: (d) => void dirs.add(path.resolve(cwd, d)),
    rename: (from, to) => {
      const data = store.get(path.resolve(cwd, from));
      if (!data) fail('ENOENT', from);
      store.set(path.resolve(cwd, to), data!);
      store.delete(path.resolve(cwd, from));
    },
    removeFile: (p) => void store.delete(path.resolve(cwd, p)),
    homeDir: () => '/home/user',
    lock: async () => ({ release: async () => {}, lost: () => (options.lockLost ? new Error('lock taken over') : null) }),
    now: () => options.now ?? Date.UTC(2025, 5, 1),
    prompt: {
      input: async (q) => {
        const value = answer(q.message);
        const verdict = q.validate?.(value) ?? true;
        if (verdict !== true) throw new Error(`scripted answer "${value}" to "${q.message}" is invalid: ${verdict}`);
        return value;
      },
      select: async (q) => {
        const value = answer(q.message);
        if (!q.choices.some((c) => c.value === value)) throw new Error(`"${value}" is not a choice of "${q.message}"`);
        return value;
      },
    },
    editText: async (initial) => {
      edited.push(initial);
      if (!options.editor) throw new Error('no scripted editor');
      return options.editor(initial);
    },
    runEditor: async (command, args) => {
      editorRuns.push({ command, args: [...args] });
      return options.editorExit ?? { kind: 'exited', status: 0 };
    },
    runProcess: async (file, args, o) => options.processes?.(file, args, o.cwd) ?? { kind: 'not-found' },
    stdoutText: () => out,
    stderrText: () => err,
  };
}

/** Runs the CLI in memory: `await run(io, 'list', '--json')`. */
export async function run(io: MemoryIo, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/main.js');
  const code = await main(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}
