// An in-memory Io for command tests: files in a Map, captured stdout/stderr.
import * as path from 'node:path';
import type { FileStat, Io } from '../../src/io.js';

export interface MemoryIo extends Io {
  files: Map<string, Uint8Array>;
  stdoutText(): string;
  stderrText(): string;
  /** Paths written through writeFileAtomic, in order. */
  atomicWrites: string[];
}

export interface MemoryIoOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  columns?: number;
  stdin?: string;
  /** Paths (absolute) that exist as folders even when empty. */
  dirs?: string[];
  /** Paths whose reads fail with this errno code. */
  unreadable?: Record<string, string>;
}

export function memoryIo(files: Record<string, string | Uint8Array> = {}, options: MemoryIoOptions = {}): MemoryIo {
  const cwd = options.cwd ?? '/work';
  const store = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(files)) {
    store.set(path.resolve(cwd, name), typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  const dirs = new Set((options.dirs ?? []).map((d) => path.resolve(cwd, d)));
  let out = '';
  let err = '';
  const atomicWrites: string[] = [];
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
    cwd: () => cwd,
    env: options.env ?? {},
    stdout: { write: (t) => void (out += t), isTTY: options.tty ?? false, columns: options.columns ?? 100 },
    stderr: { write: (t) => void (err += t), isTTY: options.tty ?? false, columns: options.columns ?? 100 },
    stdinIsTTY: options.tty ?? false,
    readStdin: async () => options.stdin ?? '',
    stat: (p): FileStat | null => {
      const abs = path.resolve(cwd, p);
      const data = store.get(abs);
      if (data) return { kind: 'file', size: data.length, mtimeMs: 0, mode: 0o644 };
      if (isDir(abs)) return { kind: 'dir', size: 0, mtimeMs: 0, mode: 0o755 };
      return null;
    },
    readFile: (p) => {
      const abs = path.resolve(cwd, p);
      const code = options.unreadable?.[abs];
      if (code) fail(code, abs);
      const data = store.get(abs);
      if (!data) return fail(isDir(abs) ? 'EISDIR' : 'ENOENT', abs);
      return data;
    },
    readDir: (p) => {
      const abs = path.resolve(cwd, p);
      const names = new Set<string>();
      const prefix = `${abs}/`;
      for (const f of [...store.keys(), ...dirs]) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]!);
      return [...names].sort();
    },
    writeFileAtomic: async (p, data) => {
      const abs = path.resolve(cwd, p);
      atomicWrites.push(abs);
      store.set(abs, data);
    },
    writeFile: (p, data) => void store.set(path.resolve(cwd, p), data),
    mkdirp: (d) => void dirs.add(path.resolve(cwd, d)),
    rename: (from, to) => {
      const data = store.get(path.resolve(cwd, from));
      if (!data) fail('ENOENT', from);
      store.set(path.resolve(cwd, to), data!);
      store.delete(path.resolve(cwd, from));
    },
    removeFile: (p) => void store.delete(path.resolve(cwd, p)),
    homeDir: () => '/home/user',
    lock: async () => async () => {},
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
