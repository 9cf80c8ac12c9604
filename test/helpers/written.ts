// Assertions for commands that write the digest: the bytes are untouched, or exactly one block was inserted.
import { expect } from 'vitest';
import type { MemoryIo } from './memory-io.js';

export const decode = (bytes: Uint8Array | undefined): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Snapshots a file's bytes; `unchanged()` asserts they are the same and nothing was written. */
export function watchFile(io: MemoryIo, path: string): { unchanged(): void; text(): string; before: string } {
  const original = io.files.get(path);
  if (!original) throw new Error(`no file ${path}`);
  const copy = original.slice();
  return {
    before: decode(copy),
    text: () => decode(io.files.get(path)),
    unchanged: () => {
      expect(io.files.get(path)).toEqual(copy);
      expect(io.atomicWrites).toEqual([]);
    },
  };
}

/** The one block inserted into `before` to make `after` (failing the test if anything else changed). */
export function insertedBlock(before: string, after: string): { at: number; text: string } {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const text = after.slice(at, at + after.length - before.length);
  // Every byte of the old text is still there, in order, around the block.
  expect(after.slice(0, at) + after.slice(at + text.length)).toBe(before);
  return { at, text };
}
