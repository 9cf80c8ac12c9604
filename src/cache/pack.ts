// Packs plain data (records, arrays, Maps) into columns before v8.serialize, and back. Pure.
// NOTE: v8.deserialize spends most of its time creating objects one by one; columns of strings and
// typed arrays of numbers load several times faster, and rebuilding the records in JS is cheap.
// A column of strings is stored as one joined string and sliced apart again: one big string lives
// outside the young generation, and slices of it are small, so the garbage collector does not copy
// tens of megabytes of notes around while a big store loads.

/** Columns of strings shorter than this in all are kept as plain arrays. */
const JOIN_MIN_LENGTH = 4096;
/** Columns of at least this many strings with at most one distinct value in DICT_SHARE are stored as a dictionary. */
const DICT_MIN_COUNT = 64;
const DICT_SHARE = 8;

type Tagged =
  | { $p: 'records'; n: number; keys: string[]; columns: unknown[] }
  | { $p: 'arrays'; lengths: Int32Array | number[]; flat: unknown }
  | { $p: 'i32'; data: Int32Array }
  | { $p: 'f64'; data: Float64Array }
  | { $p: 'map'; keys: unknown; values: unknown }
  | { $p: 'strings'; joined: string; lengths: Int32Array | number[] }
  | { $p: 'dict'; values: string[]; codes: Int32Array | number[] }
  | { $p: 'object'; value: Record<string, unknown> };

/** Typed arrays v8 stores whole; others are refused (nothing papers caches holds them). */
const isKeptTyped = (v: unknown): boolean => v instanceof Int32Array || (v instanceof Uint8Array && !(v instanceof Uint8ClampedArray)) || v instanceof Float64Array;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && Object.getPrototypeOf(v) === Object.prototype;

const isInt32 = (v: unknown): boolean => typeof v === 'number' && (v | 0) === v && !Object.is(v, -0);

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function packArray(values: readonly unknown[]): unknown {
  const n = values.length;
  if (n === 0) return values;
  const first = values[0];
  if (typeof first === 'string' && values.every((v) => typeof v === 'string')) {
    // Few distinct strings (file names, sections, venues): each stored once, and a code per value.
    if (n >= DICT_MIN_COUNT) {
      const codeOf = new Map<string, number>();
      const codes = new Array<number>(n);
      for (let i = 0; i < n && codeOf.size <= n / DICT_SHARE; i++) {
        const v = values[i] as string;
        let code = codeOf.get(v);
        if (code === undefined) codeOf.set(v, (code = codeOf.size));
        codes[i] = code;
      }
      if (codeOf.size <= n / DICT_SHARE) return { $p: 'dict', values: [...codeOf.keys()], codes: Int32Array.from(codes) } satisfies Tagged;
    }
    let total = 0;
    for (const v of values as string[]) total += v.length;
    if (total >= JOIN_MIN_LENGTH) {
      const lengths = (values as string[]).map((v) => v.length);
      return { $p: 'strings', joined: (values as string[]).join(''), lengths: Int32Array.from(lengths) };
    }
  }
  if (typeof first === 'number') {
    if (values.every(isInt32)) return { $p: 'i32', data: Int32Array.from(values as number[]) } satisfies Tagged;
    if (values.every((v) => typeof v === 'number')) return { $p: 'f64', data: Float64Array.from(values as number[]) } satisfies Tagged;
  }
  if (isPlainObject(first)) {
    const keys = Object.keys(first);
    if (values.every((v) => isPlainObject(v) && sameKeys(Object.keys(v), keys))) {
      const columns = keys.map((k) => packArray(values.map((v) => (v as Record<string, unknown>)[k])));
      return { $p: 'records', n, keys, columns } satisfies Tagged;
    }
  }
  if (Array.isArray(first) && values.every(Array.isArray)) {
    const lengths = (values as unknown[][]).map((v) => v.length);
    return { $p: 'arrays', lengths: Int32Array.from(lengths), flat: packArray((values as unknown[][]).flat()) };
  }
  return values.map((v) => packValue(v));
}

/** Columns for `value`: what unpack turns back into an equal value. */
export function packValue(value: unknown): unknown {
  if (Array.isArray(value)) return packArray(value);
  if (ArrayBuffer.isView(value)) {
    if (!isKeptTyped(value)) throw new Error(`packValue: cannot pack a ${value.constructor.name}`);
    return value;
  }
  if (value instanceof Map) return { $p: 'map', keys: packArray([...value.keys()]), values: packArray([...value.values()]) } satisfies Tagged;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = Object.fromEntries(Object.keys(value).map((k) => [k, packValue(value[k])]));
    return { $p: 'object', value: out } satisfies Tagged;
  }
  return value;
}

/** A column as something indexable: typed arrays of numbers stay typed arrays. */
function unpackColumn(packed: unknown): ArrayLike<unknown> {
  if (typeof packed === 'object' && packed !== null && '$p' in packed) {
    const t = packed as Tagged;
    if (t.$p === 'i32' || t.$p === 'f64') return t.data;
  }
  return unpackValue(packed) as unknown[];
}

function unpackArray(packed: unknown): unknown[] {
  return unpackValue(packed) as unknown[];
}

type RecordMaker = (columns: ReadonlyArray<ArrayLike<unknown>>, i: number) => Record<string, unknown>;
const makers = new Map<string, RecordMaker>();

/**
 * A function that builds one record from the columns as an object literal: every record gets the
 * same shape at once, which is many times faster than setting keys one by one in a loop.
 */
function recordMaker(keys: readonly string[]): RecordMaker {
  const signature = JSON.stringify(keys);
  let make = makers.get(signature);
  if (!make) {
    // NOTE: the keys are JSON-quoted, so any key (even one that is not an identifier) is safe here.
    // A `__proto__` key is written computed, which makes it an own field rather than the prototype.
    const body = `return {${keys.map((k, i) => `${k === '__proto__' ? `[${JSON.stringify(k)}]` : JSON.stringify(k)}: c[${i}][i]`).join(', ')}};`;
    make = new Function('c', 'i', body) as RecordMaker;
    makers.set(signature, make);
  }
  return make;
}

export function unpackValue(packed: unknown): unknown {
  if (Array.isArray(packed)) return packed.map(unpackValue);
  if (typeof packed !== 'object' || packed === null || !('$p' in packed)) return packed;
  const t = packed as Tagged;
  switch (t.$p) {
    case 'i32':
    case 'f64':
      return Array.from(t.data);
    case 'records': {
      const columns = t.columns.map(unpackColumn);
      const make = recordMaker(t.keys);
      const out = new Array<Record<string, unknown>>(t.n);
      for (let i = 0; i < t.n; i++) out[i] = make(columns, i);
      return out;
    }
    case 'arrays': {
      const flat = unpackArray(t.flat);
      const out = new Array<unknown[]>(t.lengths.length);
      let at = 0;
      for (let i = 0; i < t.lengths.length; i++) {
        const len = t.lengths[i]!;
        out[i] = flat.slice(at, at + len);
        at += len;
      }
      return out;
    }
    case 'strings': {
      const out = new Array<string>(t.lengths.length);
      let at = 0;
      for (let i = 0; i < out.length; i++) {
        const len = t.lengths[i]!;
        out[i] = t.joined.slice(at, at + len);
        at += len;
      }
      return out;
    }
    case 'dict': {
      const out = new Array<string>(t.codes.length);
      for (let i = 0; i < out.length; i++) out[i] = t.values[t.codes[i]!]!;
      return out;
    }
    case 'map': {
      const keys = unpackArray(t.keys);
      const values = unpackArray(t.values);
      return new Map(keys.map((k, i) => [k, values[i]]));
    }
    case 'object':
      // NOTE: fromEntries defines each key as an own field, `__proto__` included.
      return Object.fromEntries(Object.keys(t.value).map((k) => [k, unpackValue(t.value[k])]));
    default:
      return packed;
  }
}
