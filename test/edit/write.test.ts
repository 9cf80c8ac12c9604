import { describe, expect, it } from 'vitest';
import { rewriteFile } from '../../src/edit/write.js';
import { PapersError } from '../../src/errors.js';
import { memoryIo, run } from '../helpers/memory-io.js';
import { SEED, seedFiles } from '../helpers/seed.js';

const bytes = (io: ReturnType<typeof memoryIo>, p: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(io.files.get(p));

describe('rewriteFile', () => {
  it('writes the new text atomically', async () => {
    const io = memoryIo({ '/w/a.md': 'old' });
    const r = await rewriteFile(io, '/w/a.md', 'a.md', (t) => `${t}+new`);
    expect(r).toEqual({ before: 'old', after: 'old+new', written: true });
    expect(bytes(io, '/w/a.md')).toBe('old+new');
    expect(io.atomicWrites).toEqual(['/w/a.md']);
  });

  it.each([
    ['EACCES', 'permission denied'],
    ['EROFS', 'a read-only file system'],
  ])('says the folder is not writable when the lock folder cannot be made there (%s), not that another papers may be writing', async (code, why) => {
    const io = memoryIo({ '/w/a.md': 'old' });
    io.lock = async () => {
      throw Object.assign(new Error(`${code}: cannot mkdir '/w/a.md.lock'`), { code });
    };
    const attempt = rewriteFile(io, '/w/a.md', 'a.md', (t) => `${t}+new`);
    await expect(attempt).rejects.toThrow(`cannot write in the folder of a.md (${why}); nothing was written`);
    await expect(attempt).rejects.not.toThrow(/another papers process/);
    expect(io.atomicWrites).toEqual([]);
    expect(bytes(io, '/w/a.md')).toBe('old');
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

  it('plans first on the text the caller read, and again when the file changed since (another papers before the lock)', async () => {
    const io = memoryIo({ '/w/a.md': 'one\n' });
    const loaded = io.files.get('/w/a.md')!;
    let reads = 0;
    const read = io.readFile;
    io.readFile = (p) => (reads++, read(p));
    // Unchanged: no read under the lock before planning, one before writing.
    const seen: string[] = [];
    await rewriteFile(io, '/w/a.md', 'a.md', (t) => (seen.push(t), `${t}a\n`), { known: { bytes: loaded, text: () => 'one\n' } });
    expect(seen).toEqual(['one\n']);
    expect(reads).toBe(1);
    expect(bytes(io, '/w/a.md')).toBe('one\na\n');
    // Stale: what the caller read is no longer the file, so the change is planned again on the file.
    seen.length = 0;
    await rewriteFile(io, '/w/a.md', 'a.md', (t) => (seen.push(t), `${t}b\n`), { known: { bytes: loaded, text: () => 'one\n' } });
    expect(seen).toEqual(['one\n', 'one\na\n']);
    expect(bytes(io, '/w/a.md')).toBe('one\na\nb\n');
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

describe('rewriteFile on a file papers must not replace', () => {
  const readOnly = { '/w/a.md': { kind: 'read-only', mode: 0o444 } } as const;

  it('refuses a read-only file before planning, locking or writing anything', async () => {
    const io = memoryIo({ '/w/a.md': 'old' }, { replaceProblems: readOnly });
    let planned = false;
    const write = rewriteFile(io, '/w/a.md', 'a.md', () => {
      planned = true;
      return 'new';
    });
    await expect(write).rejects.toMatchObject({
      message: 'a.md is read-only; nothing was written',
      exitCode: 2,
      hint: 'its mode is 0444; chmod u+w a.md lets papers change it',
    });
    expect(planned).toBe(false);
    expect(io.atomicWrites).toEqual([]);
    expect(bytes(io, '/w/a.md')).toBe('old');
  });

  it('says so when the mode allows writing but not to this user', async () => {
    const io = memoryIo({ '/w/a.md': 'old' }, { replaceProblems: { '/w/a.md': { kind: 'read-only', mode: 0o644 } } });
    await expect(rewriteFile(io, '/w/a.md', 'a.md', () => 'new')).rejects.toMatchObject({
      message: 'a.md is read-only; nothing was written',
      hint: 'its mode is 0644, but this user may not write it: another owner, or a read-only file system',
    });
  });

  it('refuses a file whose owner it could not keep', async () => {
    const io = memoryIo({ '/w/a.md': 'old' }, { replaceProblems: { '/w/a.md': { kind: 'owner', uid: 1000, gid: 100, userUid: 1001 } } });
    await expect(rewriteFile(io, '/w/a.md', 'a.md', () => 'new')).rejects.toMatchObject({
      message:
        'a.md belongs to user 1000 (group 100), and papers, running as user 1001, could not keep that owner when it rewrites the file; nothing was written',
      exitCode: 2,
    });
    expect(bytes(io, '/w/a.md')).toBe('old');
  });

  it('still shows a dry run of a read-only file', async () => {
    const io = memoryIo({ '/w/a.md': 'old' }, { replaceProblems: readOnly });
    expect(await rewriteFile(io, '/w/a.md', 'a.md', () => 'new', { dryRun: true })).toEqual({ before: 'old', after: 'new', written: false });
  });

  it.each([
    ['add', ['add', '--title', 'New Paper', '--venue', "KDD'20", '--section', 'ocr', '--note', 'n']],
    ['note', ['note', 'din', 'more']],
    ['lint --fix', ['lint', '--fix']],
  ])('papers %s on a read-only digest exits 2 and writes nothing', async (_name, argv) => {
    const io = memoryIo(seedFiles(), { replaceProblems: { '/work/notes/papers.md': { kind: 'read-only', mode: 0o444 } } });
    const r = await run(io, ...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('papers: notes/papers.md is read-only; nothing was written (its mode is 0444; chmod u+w notes/papers.md lets papers change it)\n');
    expect(io.atomicWrites).toEqual([]);
    expect(bytes(io, '/work/notes/papers.md')).toBe(SEED);
  });
});
