// The cache file as written by a slot: whole, or appended to when the next state keeps sections of
// the file read before (a store's unchanged chunk groups), and compacted once appends outgrow it.
import { describe, expect, it } from 'vitest';
import { cacheSlot } from '../../src/cache/slot.js';
import { cacheSections } from '../helpers/cache-file.js';
import { memoryIo, type MemoryIo } from '../helpers/memory-io.js';

const FILE = '/home/user/.cache/papers';
const fileOf = (io: MemoryIo) => [...io.files.keys()].find((f) => f.startsWith(`${FILE}/thing-`))!;
const big = (tag: string) => Array.from({ length: 2000 }, (_, i) => `${tag}-${i}`);

/** A process: a slot of its own on the same disk. */
const slotOf = (io: MemoryIo) => cacheSlot(io, '/work/notes', true);

describe('cache files', () => {
  it('appends the next state after the last, keeping the sections it keeps where they are', () => {
    const io = memoryIo({});
    slotOf(io).write('thing', { key: 'k', n: 1 }, { a: big('a'), b: big('b') });
    const first = io.files.get(fileOf(io))!;
    const [aAt, aLength] = cacheSections(first).get('a')!;

    const slot = slotOf(io);
    const read = slot.read('thing', 'k')!;
    slot.write('thing', { key: 'k', n: 2 }, { a: read.raw('a'), b: big('c') });
    const second = io.files.get(fileOf(io))!;
    // The first file's bytes are all still there, as they were: only the new state came after them.
    expect(second.length).toBeGreaterThan(first.length);
    expect(Buffer.from(second.subarray(0, first.length)).equals(Buffer.from(first))).toBe(true);
    expect(cacheSections(second).get('a')).toEqual([aAt, aLength]);
    expect(cacheSections(second).get('b')![0]).toBeGreaterThanOrEqual(first.length);

    const again = slotOf(io).read('thing', 'k')!;
    expect(again.header.n).toBe(2);
    expect(again.section('a')).toEqual(big('a'));
    expect(again.section('b')).toEqual(big('c'));
  });

  it('writes the file whole again once appends make it more than twice what its state holds', () => {
    const io = memoryIo({});
    slotOf(io).write('thing', { key: 'k' }, { a: big('a'), b: big('b0') });
    const sizes: number[] = [];
    for (let n = 1; n <= 6; n++) {
      const slot = slotOf(io);
      const read = slot.read('thing', 'k')!;
      slot.write('thing', { key: 'k' }, { a: read.raw('a'), b: big(`b${n}`) });
      sizes.push(io.files.get(fileOf(io))!.length);
      expect(slotOf(io).read('thing', 'k')!.section('b')).toEqual(big(`b${n}`));
    }
    const whole = sizes[0]! - (sizes[1]! - sizes[0]!);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * whole + 100);
    // It shrank at least once: a compaction.
    expect(sizes.some((s, i) => i > 0 && s < sizes[i - 1]!)).toBe(true);
  });

  it('writes whole, copying the kept sections, when the file was replaced since it was read', () => {
    const io = memoryIo({});
    slotOf(io).write('thing', { key: 'k' }, { a: big('a'), b: big('b') });
    const slow = slotOf(io);
    const read = slow.read('thing', 'k')!;
    // Another process writes the file whole meanwhile (a temporary file renamed over it).
    slotOf(io).write('thing', { key: 'k' }, { a: big('x'), b: big('y') });
    slow.write('thing', { key: 'k', by: 'slow' }, { a: read.raw('a'), b: big('z') });
    const now = slotOf(io).read('thing', 'k')!;
    expect(now.header.by).toBe('slow');
    expect(now.section('a')).toEqual(big('a'));
    expect(now.section('b')).toEqual(big('z'));
  });

  it('trusts no part of an append cut short, nor a kept section damaged since', () => {
    const io = memoryIo({});
    slotOf(io).write('thing', { key: 'k', n: 1 }, { a: big('a'), b: big('b') });
    const slot = slotOf(io);
    slot.write('thing', { key: 'k', n: 2 }, { a: slot.read('thing', 'k')!.raw('a'), b: big('c') });
    const file = fileOf(io);
    const whole = io.files.get(file)!;
    // A writer killed in the middle of its append: the file ends in a part of it.
    for (const cut of [1, 8, 17, 200]) {
      io.files.set(file, whole.subarray(0, whole.length - cut));
      expect(slotOf(io).read('thing', 'k')).toBeUndefined();
    }
    // One byte of the kept section `a` flipped: that section reads as missing, the others as written.
    const [aAt, aLength] = cacheSections(whole).get('a')!;
    const damaged = new Uint8Array(whole);
    damaged[aAt + Math.floor(aLength / 2)]! ^= 0xff;
    io.files.set(file, damaged);
    const read = slotOf(io).read('thing', 'k')!;
    expect(read.section('a')).toBeUndefined();
    expect(read.section('b')).toEqual(big('c'));
    // Copied into a whole file, a damaged section is left out rather than carried on.
    const elsewhere = memoryIo({});
    slotOf(elsewhere).write('thing', { key: 'k' }, { a: read.raw('a'), b: big('d') });
    const copied = slotOf(elsewhere).read('thing', 'k')!;
    expect(copied.names()).toEqual(['b']);
    expect(copied.section('b')).toEqual(big('d'));
  });
});
