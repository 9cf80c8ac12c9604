// Where cache files live ($XDG_CACHE_HOME/papers, else ~/.cache/papers) and how one notes location's
// files are read and written. A missing, partial, corrupt or foreign file reads as no file: the cache
// can never change what papers reads, and a failed write (read-only home, full disk) is ignored.
import * as path from 'node:path';
import type { Io } from '../io.js';
import { encodeCacheFile, openCacheFile, type CacheFile } from './format.js';
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
  return {
    read(kind, key) {
      const handle = io.openRead(fileOf(kind));
      if (!handle) return undefined;
      try {
        const file = openCacheFile(handle, key === undefined ? { identity, location } : { identity, location, key });
        if (!file) handle.close();
        return file;
      } catch {
        handle.close();
        return undefined;
      }
    },
    write(kind, header, sections) {
      try {
        const data = encodeCacheFile({ ...header, identity, location }, sections);
        io.mkdirp(dir);
        const file = fileOf(kind);
        const tmp = `${file}.${process.pid}.tmp`;
        io.writeFile(tmp, data);
        io.rename(tmp, file);
      } catch {
        // Ignored: the cache is only a cache.
      }
    },
  };
}
