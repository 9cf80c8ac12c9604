// Writers keep the cache warm for the bytes they wrote, also when those are GB18030 or UTF-16 (issue 14):
// the next command finds the state parsed, as --no-cache reads it, and only the changed bytes differ.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo, run, type MemoryIo } from '../helpers/memory-io.js';

const DIGEST = '/w/notes/digest.md';
const gbk = new Uint8Array(readFileSync(new URL('../fixtures/dialects/gbk.md', import.meta.url)));
const utf8Copy = readFileSync(new URL('../fixtures/dialects/h3-name-year.md', import.meta.url), 'utf8');
const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8Copy, 'utf16le')]));
const ascii = (text: string, encoding: 'gb18030' | 'utf-16le'): Uint8Array => new Uint8Array(encoding === 'gb18030' ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf16le'));

/** A fresh io on the same disk (the next command), recording the cache's store writes. */
function next(io: MemoryIo): { io: MemoryIo; storeWrites: string[] } {
  const fresh = memoryIo(Object.fromEntries(io.files), { cwd: '/w' });
  const storeWrites: string[] = [];
  const write = fresh.writeFile;
  fresh.writeFile = (file, data) => {
    if (file.includes('/store-')) storeWrites.push(file);
    write(file, data);
  };
  return { io: fresh, storeWrites };
}
const notesOnly = (io: MemoryIo) => memoryIo(Object.fromEntries([...io.files].filter(([p]) => p.startsWith('/w/'))), { cwd: '/w' });

/** The one span of `before` replaced by `inserted` bytes to make `after`: everything else byte-identical. */
function change(before: Uint8Array, after: Uint8Array): { at: number; removed: Uint8Array; inserted: Uint8Array } {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return { at: p, removed: before.slice(p, before.length - s), inserted: after.slice(p, after.length - s) };
}

const cases = [
  { name: 'GB18030', bytes: gbk, decoder: 'gb18030' as const },
  { name: 'UTF-16LE', bytes: utf16, decoder: 'utf-16le' as const },
];

describe.each(cases)('writers on a $name digest', ({ bytes, decoder }) => {
  const decode = (b: Uint8Array | undefined): string => new TextDecoder(decoder).decode(b);

  async function warmAfter(io: MemoryIo): Promise<void> {
    // Warm: the store comes from the cache, so a list parses nothing and writes no store.
    const list = next(io);
    const table = await run(list.io, 'list');
    expect(table.code, table.stderr).toBe(0);
    expect(list.storeWrites).toEqual([]);
    expect(table.stdout).toBe((await run(notesOnly(io), '--no-cache', 'list')).stdout);
    // And it is this state's store: what --no-cache reads from the same bytes.
    const listed = await run(next(io).io, 'list', '--json');
    expect(listed.stdout).toBe((await run(notesOnly(io), '--no-cache', 'list', '--json')).stdout);
    const ids = (JSON.parse(listed.stdout) as Array<{ id: string }>).map((e) => e.id);
    for (const id of [ids[0]!, ids.at(-1)!]) {
      const shown = await run(next(io).io, 'show', id);
      expect(shown.stdout).toBe((await run(notesOnly(io), '--no-cache', 'show', id)).stdout);
    }
  }

  it('add writes the new entry in the file\'s encoding, the rest byte-identical, and leaves the cache warm for those bytes', async () => {
    const io = memoryIo({ [DIGEST]: bytes }, { cwd: '/w' });
    expect((await run(io, 'list')).code).toBe(0);
    const r = await run(io, 'add', '--title', '多兴趣召回 Paper', '--year', '2020', '--section', '召回', '--note', '新笔记');
    expect(r.code, r.stderr).toBe(0);
    const after = io.files.get(DIGEST)!;
    const { removed, inserted } = change(bytes, after);
    expect(removed).toHaveLength(0);
    expect(decode(inserted)).toContain('### 多兴趣召回 Paper(2020)\n- 新笔记');
    // Not UTF-8: the encoding is the file's own.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(after)).toThrow();
    await warmAfter(io);
    expect((await run(next(io).io, 'list', '--json')).stdout).toContain('多兴趣召回 Paper');
  });

  it('note appends in the file\'s encoding and leaves the cache warm', async () => {
    const io = memoryIo({ [DIGEST]: bytes }, { cwd: '/w' });
    expect((await run(io, 'list')).code).toBe(0);
    const r = await run(io, 'note', 'DIN', '一条新的笔记');
    expect(r.code, r.stderr).toBe(0);
    const after = io.files.get(DIGEST)!;
    const { removed, inserted } = change(bytes, after);
    expect(removed).toHaveLength(0);
    expect(decode(inserted)).toContain('- 一条新的笔记');
    await warmAfter(io);
    expect((await run(next(io).io, 'search', '一条新的笔记', '--json')).stdout).toContain('din');
  });

  it('lint --fix removes only the bytes it fixes and leaves the cache warm', async () => {
    // A heading with trailing spaces (fixable), in the file's encoding.
    const original = new Uint8Array([...bytes, ...ascii('\n### Trailing Spaces Paper(2021)   \n- note\n', decoder)]);
    const io = memoryIo({ [DIGEST]: original }, { cwd: '/w' });
    expect((await run(io, 'list')).code).toBe(0);
    const r = await run(io, 'lint', '--fix');
    expect(r.stderr).toContain('fixed 1 problem');
    const { removed, inserted } = change(original, io.files.get(DIGEST)!);
    expect(decode(removed)).toBe('   ');
    expect(inserted).toHaveLength(0);
    await warmAfter(io);
  });
});

describe('writers and the entries setting', () => {
  it('lint --fix keeps the parse the config asks for: warm list reads as --no-cache does', async () => {
    // Detected, these would be ### entries; the config reads one paper per list item.
    const text = '# Reading\n\n## Detection\n\n### Two-stage\n\n- [Iccv 2017] Mask R-CNN\n- [NeurIPS 2015] Faster R-CNN\n';
    const io = memoryIo({ '/w/notes/digest.md': text, '/w/notes/papers.config.json': '{ "entries": { "bullets": true } }' }, { cwd: '/w' });
    expect((await run(io, 'list')).code).toBe(0);
    const r = await run(io, 'lint', '--fix');
    expect(r.stderr).toContain('fixed 1 problem');
    const warm = next(io);
    const table = await run(warm.io, 'list');
    expect(warm.storeWrites).toEqual([]);
    expect(table.stdout).toBe((await run(notesOnly(io), '--no-cache', 'list')).stdout);
    expect(table.stdout).toContain('Mask R-CNN');
  });
});
