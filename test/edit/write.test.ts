import { describe, expect, it } from 'vitest';
import { rewriteFile } from '../../src/edit/write.js';
import { PapersError } from '../../src/errors.js';
import { memoryIo } from '../helpers/memory-io.js';

const bytes = (io: ReturnType<typeof memoryIo>, p: string) => new TextDecoder().decode(io.files.get(p));

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
});
