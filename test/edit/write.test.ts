import { describe, expect, it } from 'vitest';
import { rewriteFile } from '../../src/edit/write.js';
import { PapersError } from '../../src/errors.js';
import { memoryIo } from '../helpers/memory-io.js';

const bytes = (io: ReturnType<typeof memoryIo>, p: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(io.files.get(p));

describe('rewriteFile', () => {
  it('writes the new text atomically', async () => {
    const io = memoryIo({ '/w/a.md': 'old' });
    const r = await rewriteFile(io, '/w/a.md', 'a.md', (t) => `${t}+new`);
    expect(r).toEqual({ before: 'old', after: 'old+new', written: true });
    expect(bytes(io, '/w/a.md')).toBe('old+new');
    expect(io.atomicWrites).toEqual(['/w/a.md']);
  });

  it('writes nothing on a dry run, on no change, or when the change aborts', async () => {
    const io = memoryIo({ '/w/a.md': 'old' });
    expect((await rewriteFile(io, '/w/a.md', 'a.md', () => 'new', { dryRun: true })).after).toBe('new');
    await rewriteFile(io, '/w/a.md', 'a.md', () => null);
    await expect(
      rewriteFile(io, '/w/a.md', 'a.md', () => {
        throw new PapersError('check failed');
      }),
    ).rejects.toThrow('check failed');
    expect(io.atomicWrites).toEqual([]);
    expect(bytes(io, '/w/a.md')).toBe('old');
  });

  it('plans again on the new text when the file changes between the plan and the write', async () => {
    const io = memoryIo({ '/w/a.md': 'one\n' });
    const seen: string[] = [];
    const r = await rewriteFile(io, '/w/a.md', 'a.md', (t) => {
      seen.push(t);
      // Another writer that takes no lock (an editor) saves while the first plan is made.
      if (seen.length === 1) io.files.set('/w/a.md', new TextEncoder().encode('one\ntwo\n'));
      return `${t}mine\n`;
    });
    expect(seen).toEqual(['one\n', 'one\ntwo\n']);
    expect(r.after).toBe('one\ntwo\nmine\n');
    expect(bytes(io, '/w/a.md')).toBe('one\ntwo\nmine\n');
  });

  it('gives up, writing nothing, when the file never stops changing', async () => {
    const io = memoryIo({ '/w/a.md': 'x' });
    let n = 0;
    await expect(
      rewriteFile(io, '/w/a.md', 'a.md', (t) => {
        io.files.set('/w/a.md', new TextEncoder().encode(`x${++n}`));
        return `${t}!`;
      }),
    ).rejects.toThrow('a.md kept changing while papers was writing it; nothing was written');
    expect(io.atomicWrites).toEqual([]);
  });

  it('writes nothing when the lock was lost (taken over as stale) while held', async () => {
    const io = memoryIo({ '/w/a.md': 'old' }, { lockLost: true });
    await expect(rewriteFile(io, '/w/a.md', 'a.md', () => 'new')).rejects.toThrow(
      'lost the lock on a.md (lock taken over); nothing was written',
    );
    expect(bytes(io, '/w/a.md')).toBe('old');
  });

  it('keeps a BOM and refuses text that would not encode back exactly', async () => {
    const io = memoryIo({ '/w/a.md': '\uFEFFold' });
    await rewriteFile(io, '/w/a.md', 'a.md', (t) => `${t}\n`);
    expect([...io.files.get('/w/a.md')!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await expect(rewriteFile(io, '/w/a.md', 'a.md', (t) => `${t}\uD800`)).rejects.toThrow('is not valid Unicode; nothing was written');
    expect(bytes(io, '/w/a.md')).toBe('\uFEFFold\n');
  });
});
