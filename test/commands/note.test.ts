import { describe, expect, it } from 'vitest';
import { memoryIo, run, type MemoryIoOptions } from '../helpers/memory-io.js';
import { SEED, seedFiles } from '../helpers/seed.js';
import { decode, insertedBlock, watchFile } from '../helpers/written.js';

const DIGEST = '/work/notes/papers.md';
const seedIo = (options: MemoryIoOptions = {}) => memoryIo(seedFiles(), options);
const lines = (io: ReturnType<typeof seedIo>) => decode(io.files.get(DIGEST)).split('\n');

describe('papers note', () => {
  it('adds before a directive that ends the entry, so it still applies to the next entry', async () => {
    const text = "## S\n### A[KDD'18][X]\n- a\n\n<!-- papers-lint-disable-next-line no-empty-entry -->\n### B[KDD'19][X]\n";
    const io = memoryIo({ '/w/notes/d.md': text }, { cwd: '/w' });
    expect((await run(io, 'lint')).code).toBe(0);
    const r = await run(io, 'note', 'a', 'more');
    expect(r.code).toBe(0);
    expect(decode(io.files.get('/w/notes/d.md'))).toBe(text.replace('- a\n', '- a\n- more\n'));
    const lint = await run(memoryIo({ '/w/notes/d.md': io.files.get('/w/notes/d.md')! }, { cwd: '/w' }), 'lint', '--format', 'unix');
    expect(lint).toMatchObject({ code: 0, stdout: '' });
  });

  it('appends a bullet after the last line of the entry named by its alias', async () => {
    const io = seedIo();
    const r = await run(io, 'note', 'DIN', '线上 A/B 提升 10%');
    expect(r).toEqual({ code: 0, stdout: 'din-2018 notes/papers.md:48\n', stderr: 'papers: added 1 note to din-2018\n' });
    const after = decode(io.files.get(DIGEST));
    expect(insertedBlock(SEED, after).text).toBe('- 线上 A/B 提升 10%\n');
    expect(lines(io).slice(46, 51)).toEqual([SEED.split('\n')[46], '- 线上 A/B 提升 10%', '', '', '## 系统、编译器设计、优化']);
  });

  it('finds the entry by id or by words of the title, and takes several notes', async () => {
    expect((await run(seedIo(), 'note', 'tvm-2018', 'by id')).stdout).toBe('tvm-2018 notes/papers.md:58\n');
    const io = seedIo();
    const r = await run(io, 'note', 'neural', 'corpus', 'indexer', '--note', '第一条', '--note', '第二条');
    expect(r.stdout).toBe('neural-corpus-indexer-2022 notes/papers.md:26\n');
    expect(lines(io).slice(24, 28)).toEqual([expect.stringContaining('- 缺点：在v100机器上'), '- 第一条', '- 第二条', '']);
  });

  it('gives a stub its first bullet right under the heading, keeping the blank lines after it', async () => {
    const io = seedIo();
    await run(io, 'note', 'embedding-based', 'first words');
    expect(lines(io).slice(10, 15)).toEqual(["### Embedding-based Retrieval in Facebook Search[KDD'20][Facebook]", '- first words', '', '', "### Transformer Memory as a Differentiable Search Index[NIPS'22][Google]"]);
  });

  it('adds to the last entry without adding a final newline', async () => {
    const io = seedIo({ stdin: '- one\n\ntwo\n' });
    const r = await run(io, 'note', 'layoutlm', '--notes-file', '-');
    expect(r.stderr).toBe('papers: added 2 notes to layoutlm\n');
    expect(decode(io.files.get(DIGEST))).toBe(`${SEED}\n- one\n- two`);
  });

  it('--dry-run prints the diff and writes nothing; --json prints the entry', async () => {
    const io = seedIo();
    const file = watchFile(io, DIGEST);
    const r = await run(io, 'note', 'din', 'x', '--dry-run');
    expect(r.stdout).toContain('\n+- x\n');
    expect(r.stderr).toBe('papers: dry run; nothing written\n');
    file.unchanged();
    const json = await run(seedIo(), 'note', 'din', 'x', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'din-2018', line: 45, endLine: 48 });
    expect(JSON.parse(json.stdout).notes.endsWith('\n- x')).toBe(true);
  });

  it.each([
    [['lightseq', 'x'], 2, /^papers: "lightseq" matches 2 entries:\n {2}lightseq-2021 .*\n {2}lightseq2-2022 .*\n\(give the id to pick one; nothing was added\)\n$/],
    [['no such paper', 'x'], 1, /^papers: no entry matches "no such paper"; nothing was added \(try papers search "no such paper"\)\n$/],
    [['din', '# heading'], 2, /^papers: note 1 \("# heading"\): starts with "#", which would start a heading \(nothing was added\)\n$/],
    [['din', '```'], 2, /^papers: note 1 \("```"\): starts with "```", which would open a code fence: the rest of the file would read as code \(nothing was added\)\n$/],
    [['din', 'see <!-- this'], 2, /^papers: note 1 \("see <!-- this"\): holds "<!--", which would open an HTML comment/],
    [['din', 'two\nlines'], 2, /^papers: note 1 \("two\\nlines"\): must be one line; it holds a line break \(nothing was added\)\n$/],
    [['din'], 2, /^papers: no note given \(papers note <id\|alias\|title words> "text", or --note\/--notes-file\)\n$/],
  ])('%j exits %i and writes nothing', async (args, code, message) => {
    const io = seedIo();
    const file = watchFile(io, DIGEST);
    const r = await run(io, 'note', ...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    file.unchanged();
  });
});
