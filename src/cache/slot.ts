// Where cache files live ($XDG_CACHE_HOME/papers, else ~/.cache/papers) and how one notes location's
// files are read and written. A missing, partial, corrupt or foreign file reads as no file: the cache
// can never change what papers reads, and a failed write (read-only home, full disk) is ignored.
import * as path from 'node:path';
import type { Io, ReadHandle } from '../io.js';
import { openCacheFile, planCacheWrite, type CacheFile } from './format.js';
import { fnv64 } from './hash.js';
import { codeIdentity } from './versions.js';

export function cacheDir(io: Io): string {
  const xdg = io.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(io.homeDir(), '.cache'), 'papers');
}

/** The cache files of one notes location: one file per kind, its header naming the key it holds. */
export interface CacheSlot {
  /**
   * The file of this kind, when it was written by this code for this location (and, given `key`,
   * under that key). Its sections are read when asked for; the file stays open until the process ends.
   */
  read(kind: string, key?: string): CacheFile | undefined;
  /** Replaces the file of this kind; `sections` may hold raw sections of files read before. */
  write(kind: string, header: { key: string } & Record<string, unknown>, sections: Readonly<Record<string, unknown>>): void;
}

/** No cache (`--no-cache`): nothing read, nothing written. */
export const noCache: CacheSlot = { read: () => undefined, write: () => {} };

/** The cache files of one notes location (absolute path), or no cache when caching is off. */
export function cacheSlot(io: Io, location: string, enabled: boolean): CacheSlot {
  if (!enabled) return noCache;
  const dir = cacheDir(io);
  const base = fnv64(location);
  const fileOf = (kind: string) => path.join(dir, `${kind}-${base}.bin`);
  const identity = codeIdentity(io);
  /** The file of each kind read last, with its handle: the next state of it may be appended to it. */
  const opened = new Map<string, { file: CacheFile; handle: ReadHandle }>();
  return {
    read(kind, key) {
      const handle = io.openRead(fileOf(kind));
      if (!handle) return undefined;
      try {
        const file = openCacheFile(handle, key === undefined ? { identity, location } : { identity, location, key });
        if (!file) handle.close();
        else opened.set(kind, { file, handle });
        return file;
      } catch {
        handle.close();
        return undefined;
      }
    },
    write(kind, header, sections) {
      try {
        const full = { ...header, identity, location };
        const file = fileOf(kind);
        const old = opened.get(kind);
        const append = planCacheWrite(full, sections, old?.file);
        // Appended while what the file holds stays over half of it; else written whole (compacted).
        if (append.append && old && old.handle.size + append.size <= COMPACT_AT * append.live && old.handle.append((at) => append.chunks(at))) return;
        const whole = append.append ? planCacheWrite(full, sections) : append;
        io.mkdirp(dir);
        const tmp = `${file}.${process.pid}.tmp`;
        io.writeFile(tmp, whole.chunks(0));
        io.rename(tmp, file);
      } catch {
        // Ignored: the cache is only a cache.
      }
    },
  };
}

/** A file grows by appends up to this many times what its last state holds, then is written whole. */
const COMPACT_AT = 2;
