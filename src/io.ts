// The Io interface and its Node implementation: the only code that touches fs, process and the TTY.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type FileKind = 'file' | 'dir' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
  mtimeMs: number;
  mode: number;
}

export interface OutStream {
  write(text: string): void;
  /** True when the stream is an interactive terminal. */
  isTTY: boolean;
  /** Terminal width, when known. */
  columns?: number;
}

export interface Io {
  cwd(): string;
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  stdinIsTTY: boolean;
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  /** Null when nothing exists at the path. Follows symlinks. */
  stat(file: string): FileStat | null;
  readFile(file: string): Uint8Array;
  /** Names (not paths) of the entries in a folder. */
  readDir(dir: string): string[];
  /** Replaces the file atomically (temp file in the same folder, fsync, rename), keeping its mode. */
  writeFileAtomic(file: string, data: Uint8Array): Promise<void>;
  /** Plain, non-atomic write; for caches and temporary files, never the user's notes. */
  writeFile(file: string, data: Uint8Array): void;
  mkdirp(dir: string): void;
  /** Renames a file, replacing the target (same folder: atomic). */
  rename(from: string, to: string): void;
  removeFile(file: string): void;
  homeDir(): string;
  /**
   * Takes an exclusive lock on a file for a read-modify-write, waiting while another process
   * holds it. A lock left by a dead process goes stale and is taken over. Resolves to the release.
   */
  lock(file: string): Promise<() => Promise<void>>;
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
          mode: st.mode,
        };
      } catch {
        return null;
      }
    },
    readFile: (file) => fs.readFileSync(file),
    readDir: (dir) => fs.readdirSync(dir),
    writeFileAtomic: async (file, data) => {
      const { default: writeFileAtomic } = await import('write-file-atomic');
      // write-file-atomic writes a temp file beside the target, fsyncs it, keeps the
      // target's mode and owner, and renames it over the target.
      await writeFileAtomic(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength), { fsync: true });
    },
    writeFile: (file, data) => fs.writeFileSync(file, data),
    mkdirp: (dir) => {
      fs.mkdirSync(dir, { recursive: true });
    },
    rename: (from, to) => fs.renameSync(from, to),
    removeFile: (file) => {
      fs.rmSync(file, { force: true });
    },
    homeDir: () => os.homedir(),
    lock: async (file) => {
      const { default: lockfile } = await import('proper-lockfile');
      // proper-lockfile holds `<file>.lock` (a folder, created atomically) and refreshes its mtime;
      // a lock not refreshed for `stale` ms belongs to a dead process and is taken over.
      return lockfile.lock(file, { stale: 10_000, update: 2_000, retries: { retries: 600, minTimeout: 20, maxTimeout: 200, factor: 1.3 }, realpath: false });
    },
  };
}

export function resolvePath(io: Io, p: string): string {
  return path.resolve(io.cwd(), p);
}
