// The cache file: a header and named sections, each checked by CRC-32 and decoded only when asked
// for. One encoding: plain data packed into columns (cache/pack.ts), then v8-serialised. A section
// can be copied from one file into the next as bytes, never decoded (a store's unchanged chunks).
import * as z from 'zod/mini';
import type { ReadHandle } from '../io.js';
import * as builtins from '../shims/builtins.cjs';
import { crc32 } from './hash.js';
import { packValue, unpackValue } from './pack.js';

const MAGIC = 'PAPERSC3';
/** Bytes read at once from the start of a cache file: the header, and a small file whole. */
const FIRST_READ = 64 * 1024;

const SectionHeadSchema = z.object({ name: z.string(), crc: z.number(), length: z.number().check(z.int(), z.minimum(0)) });
const HeaderSchema = z.looseObject({ sections: z.array(SectionHeadSchema) });
type SectionHead = z.infer<typeof SectionHeadSchema>;

/** A section's encoded bytes, as read from a cache file: written into another one unchanged. */
export class RawSection {
  constructor(
    readonly bytes: Uint8Array,
    readonly crc: number,
  ) {}
}

/** A file of `header` (plain JSON data) and `sections` (values, or raw sections of another file). */
export function encodeCacheFile(header: Readonly<Record<string, unknown>>, sections: Readonly<Record<string, unknown>>): Uint8Array {
  const payloads: Uint8Array[] = [];
  const heads: SectionHead[] = [];
  for (const [name, value] of Object.entries(sections)) {
    if (value === undefined) continue;
    const raw = value instanceof RawSection ? value : undefined;
    const bytes = raw ? raw.bytes : (builtins.v8().serialize(packValue(value)) as Uint8Array);
    payloads.push(bytes);
    heads.push({ name, crc: raw ? raw.crc : crc32(bytes), length: bytes.length });
  }
  const head = Buffer.from(JSON.stringify({ ...header, sections: heads }), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), size, head, ...payloads]);
}

/** A cache file whose header matched: its sections, each read and checked only when asked for. */
export interface CacheFile {
  header: Readonly<Record<string, unknown>>;
  names(): string[];
  /** The section's value; undefined when the file has no such section or it cannot be trusted. */
  section(name: string): unknown;
  /** The section's bytes, checked, to copy into another file; undefined as for `section`. */
  raw(name: string): RawSection | undefined;
}

const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** Opens a cache file read through `handle`, when it is whole and its header has every value of `expect`. */
export function openCacheFile(handle: ReadHandle, expect: Readonly<Record<string, unknown>>): CacheFile | undefined {
  let first = handle.read(0, Math.min(handle.size, FIRST_READ));
  if (first.length < 12 || asBuffer(first).toString('latin1', 0, 8) !== MAGIC) return undefined;
  const headLength = asBuffer(first).readUInt32LE(8);
  if (12 + headLength > handle.size) return undefined;
  if (12 + headLength > first.length) first = handle.read(0, 12 + headLength);
  let parsed: unknown;
  try {
    parsed = JSON.parse(asBuffer(first).toString('utf8', 12, 12 + headLength));
  } catch {
    return undefined;
  }
  const checked = HeaderSchema.safeParse(parsed);
  if (!checked.success) return undefined;
  const header = checked.data as Record<string, unknown>;
  for (const [k, v] of Object.entries(expect)) if (header[k] !== v) return undefined;
  const places = new Map<string, [number, SectionHead]>();
  let at = 12 + headLength;
  for (const head of checked.data.sections) {
    places.set(head.name, [at, head]);
    at += head.length;
  }
  // A file cut short (or grown) is never trusted, whichever section is asked for.
  if (at !== handle.size) return undefined;
  const raws = new Map<string, RawSection | undefined>();
  const values = new Map<string, unknown>();
  const raw = (name: string): RawSection | undefined => {
    if (raws.has(name)) return raws.get(name);
    const place = places.get(name);
    let found: RawSection | undefined;
    if (place) {
      const [offset, head] = place;
      const bytes = offset + head.length <= first.length ? first.subarray(offset, offset + head.length) : handle.read(offset, head.length);
      if (bytes.length === head.length && crc32(bytes) === head.crc) found = new RawSection(bytes, head.crc);
    }
    raws.set(name, found);
    return found;
  };
  return {
    header,
    names: () => [...places.keys()],
    raw,
    section(name) {
      if (values.has(name)) return values.get(name);
      const bytes = raw(name)?.bytes;
      let value: unknown;
      if (bytes) {
        try {
          value = unpackValue(builtins.v8().deserialize(asBuffer(bytes)));
        } catch {
          value = undefined;
        }
      }
      values.set(name, value);
      return value;
    },
  };
}
