import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packValue, unpackValue } from '../../src/cache/pack.js';
import { buildStore } from '../../src/store/build.js';
import { parseMarkdown } from '../../src/store/markdown.js';
import { parseDigest } from '../../src/store/parse.js';
import { SEED } from '../helpers/seed.js';
import * as v8 from 'node:v8';

const roundTrip = (value: unknown) => unpackValue(v8.deserialize(v8.serialize(packValue(value))));

describe('packValue / unpackValue', () => {
  it('gives back the shipped digest store exactly, key order included', () => {
    const digest = buildStore([parseDigest(SEED, 'notes/papers.md', { markdown: parseMarkdown })]);
    const back = roundTrip(digest) as typeof digest;
    expect(back).toEqual(digest);
    expect(Object.keys(back.entries[5]!)).toEqual(Object.keys(digest.entries[5]!));
    expect(JSON.stringify(back)).toBe(JSON.stringify(digest));
  });

  it('packs records into columns and numbers into typed arrays', () => {
    const packed = packValue([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]) as { $p: string; columns: Array<{ $p?: string }> };
    expect(packed.$p).toBe('records');
    expect(packed.columns[0]!.$p).toBe('i32');
  });

  it('keeps a `__proto__` key as a field, in an object and in records', () => {
    const odd = JSON.parse('{"__proto__": false, "a": 1}') as unknown;
    expect(roundTrip(odd)).toStrictEqual(odd);
    const records = JSON.parse('[{"__proto__": 1, "b": 2}, {"__proto__": 3, "b": 4}]') as unknown;
    expect(roundTrip(records)).toStrictEqual(records);
    expect(Object.getPrototypeOf((roundTrip(records) as object[])[0])).toBe(Object.prototype);
  });

  it('keeps typed arrays typed', () => {
    const value = { ends: Int32Array.from([3, -1, 7]), bytes: Uint8Array.from([0, 255]), f: Float64Array.from([0.5]) };
    expect(roundTrip(value)).toStrictEqual(value);
    expect(() => packValue(new Uint16Array(2))).toThrow(/Uint16Array/);
  });

  it('stores a column of few distinct strings once each, as a dictionary', () => {
    const files = Array.from({ length: 200 }, (_, i) => ({ file: ['a.md', 'b.md', '信息.md'][i % 3]!, n: i }));
    const packed = packValue(files) as { columns: Array<{ $p?: string; values?: string[] }> };
    expect(packed.columns[0]).toMatchObject({ $p: 'dict', values: ['a.md', 'b.md', '信息.md'] });
    expect(roundTrip(files)).toStrictEqual(files);
    // Many distinct values: joined, not a dictionary.
    const ids = Array.from({ length: 200 }, (_, i) => ({ id: `id-${i}`.repeat(20) }));
    expect((packValue(ids) as { columns: Array<{ $p: string }> }).columns[0]!.$p).toBe('strings');
    expect(roundTrip(ids)).toStrictEqual(ids);
  });

  it('gives back any JSON-like value, Maps and -0 included (property)', () => {
    const leaf = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(-0));
    const plain = { noNullPrototype: true } as const;
    const record = fc.record({ a: leaf, b: fc.array(leaf, { maxLength: 3 }), c: fc.record({ x: leaf }, plain) }, plain);
    const value = fc.oneof(
      fc.array(record, { maxLength: 5 }),
      fc.array(fc.array(leaf, { maxLength: 3 }), { maxLength: 4 }),
      fc.array(leaf, { maxLength: 6 }),
      fc.dictionary(fc.string(), fc.array(fc.integer(), { maxLength: 3 }), plain).map((d) => new Map(Object.entries(d))),
      fc.jsonValue({ noUnicodeString: false }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(roundTrip(v)).toStrictEqual(v);
      }),
      { numRuns: 400 },
    );
  });
});
