// The persistent parse cache ($XDG_CACHE_HOME/papers, else ~/.cache/papers): a store per notes
// location and link results per chunk, both keyed by content. A missing, partial, corrupt or
// foreign-version cache file is ignored (and rebuilt): it can never change what papers reads.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as zlib from 'node:zlib';
import type { Io } from '../io.js';
import * as builtins from '../shims/builtins.cjs';
import { packValue, unpackValue } from './pack.js';
import type { Link } from './schema.js';

/** Bump when the shape of cached data changes. */
export const CACHE_FORMAT = 4;
const MAGIC = 'PAPERSC1';

export function cacheDir(io: Io): string {
  const xdg = io.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(io.homeDir(), '.cache'), 'papers');
}

/** What must be equal for cached data to be reused: the code that made it and the V8 that serialised it. */
export function codeIdentity(io: Io): string {
  let build = 'source';
  // NOTE: in the esbuild bundle `__filename` is dist/papers.cjs, whose size and mtime change on every build.
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    const st = io.stat(__filename);
    build = `${__filename}:${st?.size}:${st?.mtimeMs}`;
  }
  return JSON.stringify([CACHE_FORMAT, process.versions.v8, build]);
}

export function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/**
 * Payloads up to this size are JSON, checked with SHA-1; bigger ones are v8-serialised, checked with
 * CRC-32. NOTE: loading node:v8 and node:zlib costs ~10 ms, a fifth of papers' whole start-up on a
 * small digest, where JSON is as fast; on a big store v8 is several times faster than JSON.
 */
const SMALL_PAYLOAD = 512 * 1024;

type Encoding = 'json' | 'v8';

async function checksum(payload: Uint8Array, encoding: Encoding): Promise<string> {
  if (encoding === 'json') return `sha1:${sha1(payload)}`;
  // CRC-32 is ten times faster than SHA-1 on a 12 MB store; zlib has it from Node 20.15.
  const zlib = builtins.zlib() as { crc32?: (data: Uint8Array) => number };
  return zlib.crc32 ? `crc32:${zlib.crc32(payload)}` : `sha1:${sha1(payload)}`;
}

async function serialize(value: unknown): Promise<{ payload: Uint8Array; encoding: Encoding }> {
  const json = JSON.stringify(packValue(value, 'json'));
  if (json.length <= SMALL_PAYLOAD) return { payload: Buffer.from(json, 'utf8'), encoding: 'json' };
  return { payload: builtins.v8().serialize(packValue(value)), encoding: 'v8' };
}

async function encode(header: object, value: unknown): Promise<Uint8Array> {
  const { payload, encoding } = await serialize(value);
  const head = Buffer.from(JSON.stringify({ ...header, encoding, checksum: await checksum(payload, encoding) }), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), size, head, payload]);
}

async function decode(data: Uint8Array, expect: Record<string, unknown>): Promise<unknown> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) return undefined;
  const headLength = buf.readUInt32LE(8);
  if (12 + headLength > buf.length) return undefined;
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + headLength)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const [k, v] of Object.entries(expect)) if (header[k] !== v) return undefined;
  const encoding = header.encoding;
  if (encoding !== 'json' && encoding !== 'v8') return undefined;
  const payload = buf.subarray(12 + headLength);
  if (header.checksum !== (await checksum(payload, encoding))) return undefined;
  try {
    if (encoding === 'json') return unpackValue(JSON.parse(payload.toString('utf8')));
    return unpackValue(builtins.v8().deserialize(payload));
  } catch {
    return undefined;
  }
}

export interface CacheSlot {
  /** Reads the value stored under `key`, or undefined when there is none or it cannot be trusted. */
  read(kind: string, key: string): Promise<unknown>;
  /** Stores a value; failures (read-only home, full disk) are ignored: the cache is only a cache. */
  write(kind: string, key: string, value: unknown): Promise<void>;
}

/** The cache files of one notes location (absolute path), or a no-op slot when caching is off. */
export function cacheSlot(io: Io, location: string, enabled: boolean): CacheSlot {
  if (!enabled) return { read: async () => undefined, write: async () => {} };
  const dir = cacheDir(io);
  const base = sha1(location).slice(0, 16);
  const fileOf = (kind: string) => path.join(dir, `${kind}-${base}.bin`);
  const identity = codeIdentity(io);
  return {
    async read(kind, key) {
      const file = fileOf(kind);
      if (io.stat(file)?.kind !== 'file') return undefined;
      try {
        return await decode(io.readFile(file), { identity, key, location });
      } catch {
        return undefined;
      }
    },
    async write(kind, key, value) {
      try {
        const data = await encode({ identity, key, location }, value);
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

/** A link cache backed by a Map, recording which keys were used so a save can drop the rest. */
export class ChunkLinkCache {
  private readonly known: Map<string, Link[]>;
  readonly used = new Map<string, Link[]>();
  added = 0;
  constructor(known: unknown) {
    this.known = known instanceof Map ? (known as Map<string, Link[]>) : new Map();
  }
  get(key: string): Link[] | undefined {
    const hit = this.known.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }
  set(key: string, links: Link[]): void {
    this.used.set(key, links);
    this.added++;
  }
}
