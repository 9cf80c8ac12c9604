// The persistent parse cache ($XDG_CACHE_HOME/papers, else ~/.cache/papers): a store per notes
// location and link results per chunk, both keyed by content. A missing, partial, corrupt or
// foreign-version cache file is ignored (and rebuilt): it can never change what papers reads.
import * as path from 'node:path';
import type { Io, ReadHandle } from '../io.js';
import * as builtins from '../shims/builtins.cjs';
import { crc32, fnv64 } from './hash.js';
import { packValue, unpackValue } from './pack.js';
import type { Link } from './schema.js';

/** Bump when the shape of cached data changes. */
export const CACHE_FORMAT = 6;
const MAGIC = 'PAPERSC2';
/** Bytes read at once from the start of a cache file: the header, and a small file whole. */
const FIRST_READ = 64 * 1024;

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

/**
 * A file whose sections add up to this size is JSON; a bigger one is v8-serialised. All are checked
 * with CRC-32: in JS for JSON, by zlib for v8. NOTE: loading node:v8 and node:zlib costs ~10 ms, a fifth of papers'
 * whole start-up on a small digest, where JSON is as fast; on a big store v8 is several times faster.
 */
const SMALL_PAYLOAD = 512 * 1024;

type Encoding = 'json' | 'v8';

function checksum(payload: Uint8Array, encoding: Encoding): string {
  if (encoding === 'json') return `crc32:${crc32(payload)}`;
  // zlib's CRC-32 is native (from Node 20.15), ten times faster than SHA-1 on a 12 MB store.
  const zlib = builtins.zlib() as { crc32?: (data: Uint8Array) => number };
  return `crc32:${zlib.crc32 ? zlib.crc32(payload) : crc32(payload)}`;
}

function jsonPayload(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(packValue(value, 'json')), 'utf8');
}

function v8Payload(value: unknown): Uint8Array {
  return builtins.v8().serialize(packValue(value));
}

interface SectionHead {
  name: string;
  encoding: Encoding;
  checksum: string;
  length: number;
}

/**
 * A cache file: MAGIC, the header's length (u32 LE), the header (JSON: what the data belongs to, and
 * each section's name, encoding, checksum and length), then each section's payload in order.
 */
function encode(header: object, sections: Readonly<Record<string, unknown>>): Uint8Array {
  // One encoding for the whole file: JSON while the sections add up to a small file, else v8 for all
  // (a big store in many JSON sections would be slower to read, and checked by CRC-32 in JS).
  const entries = Object.entries(sections);
  let encoding: Encoding = 'json';
  let payloads: Uint8Array[] = [];
  let total = 0;
  for (const [, value] of entries) {
    const payload = jsonPayload(value);
    total += payload.length;
    if (total > SMALL_PAYLOAD) {
      encoding = 'v8';
      break;
    }
    payloads.push(payload);
  }
  if (encoding === 'v8') payloads = entries.map(([, value]) => v8Payload(value));
  const heads: SectionHead[] = entries.map(([name], i) => ({ name, encoding, checksum: checksum(payloads[i]!, encoding), length: payloads[i]!.length }));
  const head = Buffer.from(JSON.stringify({ ...header, sections: heads }), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), size, head, ...payloads]);
}

function decodeSection(payload: Uint8Array, head: SectionHead): unknown {
  if (payload.length !== head.length || head.checksum !== checksum(payload, head.encoding)) return undefined;
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  try {
    if (head.encoding === 'json') return unpackValue(JSON.parse(buf.toString('utf8')));
    return unpackValue(builtins.v8().deserialize(buf));
  } catch {
    return undefined;
  }
}

const isSectionHead = (h: unknown): h is SectionHead => {
  const s = h as SectionHead;
  return (
    typeof s === 'object' && s !== null && typeof s.name === 'string' && (s.encoding === 'json' || s.encoding === 'v8') &&
    typeof s.checksum === 'string' && Number.isSafeInteger(s.length) && s.length >= 0
  );
};

/** A cache file whose header matched: its sections, each read and checked only when asked for. */
export interface CachedSections {
  /** The section's value; undefined when the file has no such section or it cannot be trusted. */
  section(name: string): unknown;
}

function open(handle: ReadHandle, expect: Record<string, unknown>): CachedSections | undefined {
  let first = handle.read(0, Math.min(handle.size, FIRST_READ));
  const buf = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (first.length < 12 || buf(first).toString('latin1', 0, 8) !== MAGIC) return undefined;
  const headLength = buf(first).readUInt32LE(8);
  if (12 + headLength > handle.size) return undefined;
  if (12 + headLength > first.length) first = handle.read(0, 12 + headLength);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf(first).toString('utf8', 12, 12 + headLength)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const [k, v] of Object.entries(expect)) if (header[k] !== v) return undefined;
  const heads = header.sections;
  if (!Array.isArray(heads) || !heads.every(isSectionHead)) return undefined;
  const offsets = new Map<string, [number, SectionHead]>();
  let at = 12 + headLength;
  for (const head of heads) {
    offsets.set(head.name, [at, head]);
    at += head.length;
  }
  // A file cut short (or grown) is never trusted, whichever section is asked for.
  if (at !== handle.size) return undefined;
  const decoded = new Map<string, unknown>();
  return {
    section(name) {
      if (decoded.has(name)) return decoded.get(name);
      const place = offsets.get(name);
      let value: unknown;
      if (place) {
        const [offset, head] = place;
        const payload = offset + head.length <= first.length ? first.subarray(offset, offset + head.length) : handle.read(offset, head.length);
        value = decodeSection(payload, head);
      }
      decoded.set(name, value);
      return value;
    },
  };
}

export interface CacheSlot {
  /**
   * The cache file stored under `key`, or undefined when there is none or its header cannot be
   * trusted. Its sections are read when asked for (the file stays open until the process ends).
   */
  read(kind: string, key: string): CachedSections | undefined;
  /** Stores sections; failures (read-only home, full disk) are ignored: the cache is only a cache. */
  write(kind: string, key: string, sections: Readonly<Record<string, unknown>>): void;
}

/** The cache files of one notes location (absolute path), or a no-op slot when caching is off. */
export function cacheSlot(io: Io, location: string, enabled: boolean): CacheSlot {
  if (!enabled) return { read: () => undefined, write: () => {} };
  const dir = cacheDir(io);
  const base = fnv64(location);
  const fileOf = (kind: string) => path.join(dir, `${kind}-${base}.bin`);
  const identity = codeIdentity(io);
  return {
    read(kind, key) {
      const handle = io.openRead(fileOf(kind));
      if (!handle) return undefined;
      try {
        const sections = open(handle, { identity, key, location });
        if (!sections) handle.close();
        return sections;
      } catch {
        handle.close();
        return undefined;
      }
    },
    write(kind, key, sections) {
      try {
        const data = encode({ identity, key, location }, sections);
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
