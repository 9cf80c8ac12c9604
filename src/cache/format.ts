// The cache file: named sections, each checked by CRC-32 and decoded only when asked for, and a
// header (at the end) saying where each is. One encoding: plain data packed into columns
// (cache/pack.ts), then v8-serialised.
//
//   MAGIC | section bytes ... | header JSON | u32 header length | u32 header CRC-32 | MAGIC
//
// A file is written whole, or appended to: the next state's new sections and a new header go after
// the last one, and the sections it keeps are the old file's, in place, never read or copied (a
// store's unchanged chunk groups after an edit). What a reader trusts is the last header, and only
// when its CRC holds; each section is checked again when read.
import * as z from 'zod/mini';
import type { ReadHandle } from '../io.js';
import * as builtins from '../shims/builtins.cjs';
import { crc32 } from './hash.js';
import { packValue, unpackValue } from './pack.js';

const MAGIC = 'PAPERSC4';
const TRAILER = 16;
/** Bytes read at once from the end of a cache file: the header, and a small file whole. */
const LAST_READ = 64 * 1024;

const SectionHeadSchema = z.object({
  name: z.string(),
  crc: z.number(),
  at: z.number().check(z.int(), z.minimum(MAGIC.length)),
  length: z.number().check(z.int(), z.minimum(0)),
});
const HeaderSchema = z.looseObject({ sections: z.array(SectionHeadSchema) });
type SectionHead = z.infer<typeof SectionHeadSchema>;

/** A section of a file read before, kept where it is when the next state is appended to that file. */
export class RawSection {
  constructor(
    /** The file it is in (the CacheFile that gave it). */
    readonly origin: object,
    readonly head: SectionHead,
    /** Its bytes, read and checked; undefined when they cannot be trusted. */
    readonly bytes: () => Uint8Array | undefined,
  ) {}
}

const magic = (): Buffer => Buffer.from(MAGIC, 'latin1');

function encodeSection(value: unknown): Uint8Array {
  return builtins.v8().serialize(packValue(value)) as Uint8Array;
}

/** The header and trailer that end a file or an append, naming each section's place. */
function tail(header: Readonly<Record<string, unknown>>, heads: SectionHead[]): Uint8Array[] {
  const head = Buffer.from(JSON.stringify({ ...header, sections: heads }), 'utf8');
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(head.length, 0);
  trailer.writeUInt32LE(crc32(head), 4);
  return [head, trailer, magic()];
}

/** What `planCacheWrite` gives: the bytes of a whole file, or of an append to the file read before. */
export interface CacheWrite {
  /** Bytes to put at `at` (0: a new file), given where they go. */
  chunks(at: number): Uint8Array[];
  /** The size of the bytes `chunks` gives. */
  size: number;
  /** The bytes the file's sections and header hold once written. */
  live: number;
  /** True for an append to `origin`. */
  append: boolean;
}

/**
 * How to write `header` and `sections` (values, or RawSections of a file read before): appended to
 * `origin` when every RawSection is one of its sections, else as a whole new file (RawSections of
 * another file read and copied; one that cannot be trusted is left out).
 */
export function planCacheWrite(header: Readonly<Record<string, unknown>>, sections: Readonly<Record<string, unknown>>, origin?: object): CacheWrite {
  const entries = Object.entries(sections).filter(([, v]) => v !== undefined);
  const append = origin !== undefined && entries.some(([, v]) => v instanceof RawSection) && entries.every(([, v]) => !(v instanceof RawSection) || v.origin === origin);
  const encoded: Array<[string, Uint8Array | RawSection]> = [];
  for (const [name, value] of entries) {
    if (!(value instanceof RawSection)) encoded.push([name, encodeSection(value)]);
    else if (append) encoded.push([name, value]);
    else {
      // Copied into a new file: read and checked now; one that cannot be trusted is left out.
      const bytes = value.bytes();
      if (bytes) encoded.push([name, new RawSection(value.origin, value.head, () => bytes)]);
    }
  }
  let size = append ? 0 : MAGIC.length;
  let live = MAGIC.length + TRAILER;
  for (const [, v] of encoded) {
    const length = v instanceof RawSection ? v.head.length : v.length;
    live += length;
    if (!(v instanceof RawSection) || !append) size += length;
  }
  const headerLength = Buffer.byteLength(JSON.stringify({ ...header, sections: encoded.map(([name]) => ({ name, crc: 0xffffffff, at: Number.MAX_SAFE_INTEGER, length: Number.MAX_SAFE_INTEGER })) }), 'utf8');
  return {
    append,
    // An estimate of the header (its numbers at their longest): only for deciding when to compact.
    size: size + headerLength + TRAILER,
    live: live + headerLength,
    chunks(at) {
      const out: Uint8Array[] = append ? [] : [magic()];
      let offset = append ? at : MAGIC.length;
      const heads: SectionHead[] = [];
      for (const [name, v] of encoded) {
        if (v instanceof RawSection && append) {
          heads.push({ ...v.head, name });
          continue;
        }
        const bytes = v instanceof RawSection ? v.bytes()! : v;
        out.push(bytes);
        heads.push({ name, crc: v instanceof RawSection ? v.head.crc : crc32(bytes), at: offset, length: bytes.length });
        offset += bytes.length;
      }
      out.push(...tail(header, heads));
      return out;
    },
  };
}

/** A cache file whose header matched: its sections, each read and checked only when asked for. */
export interface CacheFile {
  header: Readonly<Record<string, unknown>>;
  names(): string[];
  /** The section's value; undefined when the file has no such section or it cannot be trusted. */
  section(name: string): unknown;
  /** The section, to keep in the next state of this file (or copy into another); undefined when there is none. */
  raw(name: string): RawSection | undefined;
}

const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** Opens a cache file read through `handle`, when it is whole and its last header has every value of `expect`. */
export function openCacheFile(handle: ReadHandle, expect: Readonly<Record<string, unknown>>): CacheFile | undefined {
  const size = handle.size;
  if (size < MAGIC.length + TRAILER) return undefined;
  const lastAt = Math.max(0, size - LAST_READ);
  const last = asBuffer(handle.read(lastAt, size - lastAt));
  if (last.length !== size - lastAt || last.toString('latin1', last.length - MAGIC.length) !== MAGIC) return undefined;
  const headLength = last.readUInt32LE(last.length - TRAILER);
  const headCrc = last.readUInt32LE(last.length - TRAILER + 4);
  const headAt = size - TRAILER - headLength;
  if (headAt < MAGIC.length) return undefined;
  let head: Buffer;
  if (headAt >= lastAt) head = last.subarray(headAt - lastAt, headAt - lastAt + headLength);
  else {
    head = asBuffer(handle.read(headAt, headLength));
    if (head.length !== headLength) return undefined;
  }
  if (crc32(head) !== headCrc) return undefined;
  if (asBuffer(handle.read(0, MAGIC.length)).toString('latin1') !== MAGIC) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(head.toString('utf8'));
  } catch {
    return undefined;
  }
  const checked = HeaderSchema.safeParse(parsed);
  if (!checked.success) return undefined;
  const header = checked.data as Record<string, unknown>;
  for (const [k, v] of Object.entries(expect)) if (header[k] !== v) return undefined;
  const places = new Map<string, SectionHead>();
  for (const s of checked.data.sections) {
    // A section must lie before the header that names it.
    if (s.at + s.length > headAt) return undefined;
    places.set(s.name, s);
  }
  const bytesOf = new Map<string, Uint8Array | undefined>();
  const checkedBytes = (name: string): Uint8Array | undefined => {
    if (bytesOf.has(name)) return bytesOf.get(name);
    const s = places.get(name);
    let found: Uint8Array | undefined;
    if (s) {
      const bytes = s.at >= lastAt ? last.subarray(s.at - lastAt, s.at - lastAt + s.length) : handle.read(s.at, s.length);
      if (bytes.length === s.length && crc32(bytes) === s.crc) found = bytes;
    }
    bytesOf.set(name, found);
    return found;
  };
  const values = new Map<string, unknown>();
  const file: CacheFile = {
    header,
    names: () => [...places.keys()],
    raw(name) {
      const s = places.get(name);
      return s && new RawSection(file, s, () => checkedBytes(name));
    },
    section(name) {
      if (values.has(name)) return values.get(name);
      const bytes = checkedBytes(name);
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
  return file;
}
