import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/report/width.js';
import type { Entry } from '../../src/store/schema.js';
import { memoryIo, run } from '../helpers/memory-io.js';
import { seedFiles } from '../helpers/seed.js';
import { cacheSections } from '../helpers/cache-file.js';

const listJson = async (...args: string[]): Promise<Entry[]> => {
  const r = await run(memoryIo(seedFiles()), 'list', '--json', ...args);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Entry[];
};

describe('papers list on the shipped digest', () => {
  it('lists the 6 OCR entries in file order', async () => {
    const r = await run(memoryIo(seedFiles()), 'list', '--section', 'ocr');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['dbnet-2020', 'svtr-2022', 'general-ocr-theory-2024', 'nougat-2024', 'dount', 'layoutlm']);
    expect(r.stdout.split('\n')[0]).toBe('OCR 文字识别 [ocr] · 6');
    expect(r.stderr).toBe('6 entries in 1 section\n');
  });

  it('prints 24 entries in 5 sections as JSON', async () => {
    const entries = await listJson();
    expect(entries).toHaveLength(24);
    expect(new Set(entries.map((e) => e.section)).size).toBe(5);
  });

  it.each([
    [['--venue', 'neurips'], 3],
    [['--venue', 'NIPS'], 3],
    [['--venue', 'arxiv'], 6],
    [['--venue', 'osdi'], 3],
    [['--venue', 'osdi,kdd'], 5],
    [['--venue', 'osdi', '--venue', 'kdd'], 5],
    [['--year', '2024'], 3],
    [['--year', '2019..2020'], 5],
    [['--year', '..2017'], 3],
    [['--org', 'google'], 3],
    [['--org', 'ByteDance', '--year', '2022'], 1],
    [['--section', 'ocr', '--stub'], 3],
    [['--stub'], 4],
    [['--todo'], 1],
    [['--section', '2'], 4],
    [['--section', 'OCR 文字识别'], 6],
    [['--section', '推荐'], 4],
  ])('%j gives %i entries', async (args, count) => {
    expect(await listJson(...args)).toHaveLength(count);
  });

  it('marks Dount and LayoutLM as stubs and the Möbius entry with one TODO on line 7', async () => {
    const entries = await listJson();
    const stubs = entries.filter((e) => e.stub).map((e) => e.title);
    expect(stubs).toEqual(expect.arrayContaining(['Dount', 'LayoutLM']));
    const mobius = entries.find((e) => e.title.startsWith('Möbius'))!;
    expect(mobius.todos.map((t) => t.line)).toEqual([7]);
  });

  it('aligns the table by display width, with Chinese text', async () => {
    const files = { '/work/notes/a.md': "## S\n### 中文标题很长[KDD'20][阿里]\n- x\n### Short[ACL'21][Ali]\n- y\n" };
    const r = await run(memoryIo(files), 'list');
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    // The venue column starts at the same display column on both rows.
    const col = (row: string, venue: string) => {
      const before = row.slice(0, row.indexOf(venue));
      return [...before].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    };
    expect(col(rows[0]!, "KDD'20")).toBe(col(rows[1]!, "ACL'21"));
  });

  it('uses colour only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const plain = await run(memoryIo(seedFiles()), 'list');
    expect(plain.stdout).not.toContain('\u001b[');
    const tty = await run(memoryIo(seedFiles(), { tty: true, columns: 200 }), 'list');
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await run(memoryIo(seedFiles(), { tty: true, env: { NO_COLOR: '1' } }), 'list');
    expect(noColor.stdout).not.toContain('\u001b[');
    const flag = await run(memoryIo(seedFiles(), { tty: true }), 'list', '--no-color');
    expect(flag.stdout).not.toContain('\u001b[');
  });

  it('cuts long titles to the terminal width, and never in a pipe', async () => {
    const tty = await run(memoryIo(seedFiles(), { tty: true, columns: 100, env: { NO_COLOR: '1' } }), 'list');
    expect(tty.stdout).toContain('…');
    const pipe = await run(memoryIo(seedFiles()), 'list');
    expect(pipe.stdout).toContain('Ladder: Enabling Efficient Low-Precision Deep Learning Computing through Hardware-aware Tensor Transformation');
  });

  it.each([
    ["### A[KDD'18]\n### B[KDD'19]\n### C[KDD'20]\n", '3 entries (outside any section)\n'],
    ["### A[KDD'18]\n", '1 entry (outside any section)\n'],
    ["### A[KDD'18]\n### B[KDD'19]\n### C[KDD'20]\n## S\n### D[KDD'18]\n### E[KDD'18]\n## T\n### F[KDD'18]\n### G[KDD'18]\n### H[KDD'18]\n", '5 entries in 2 sections and 3 outside any section\n'],
    ["### A[KDD'18]\n## S\n### D[KDD'18]\n", '1 entry in 1 section and 1 outside any section\n'],
    ["## S\n### D[KDD'18]\n### E[KDD'18]\n", '2 entries in 1 section\n'],
  ])('counts the entries outside any section apart (%#)', async (text, stderr) => {
    const r = await run(memoryIo({ '/work/notes/d.md': text }), 'list');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(stderr);
  });

  it('exits 1 with a message on stderr when nothing matches', async () => {
    const r = await run(memoryIo(seedFiles()), 'list', '--venue', 'sosp');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'no entries match\n' });
  });

  it.each([
    [['--section', 'nope'], /no section matches "nope"; the sections are:\n  1\.  ir {9}信息检索、搜索 {10}\(4\)\n/],
    [['--section', '系统'], /section "系统" is ambiguous; it matches:\n  2\.  recsys {3}推荐系统/],
    [['--year', '20x'], /--year: "20x" is not a year/],
    [['--year', '2022..2019'], /^papers: --year: "2022\.\.2019" is reversed, expected from\.\.to: 2019\.\.2022 \(see --help\)\n$/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await run(memoryIo(seedFiles()), 'list', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('papers sections', () => {
  it('lists sections with slugs and counts', async () => {
    const r = await run(memoryIo(seedFiles()), 'sections', '--json');
    const data = JSON.parse(r.stdout);
    expect(data.sections.map((s: { slug: string; count: number }) => [s.slug, s.count])).toEqual([
      ['ir', 4],
      ['recsys', 4],
      ['systems', 9],
      ['model-opt', 1],
      ['ocr', 6],
    ]);
    expect(data.unsectioned).toBe(0);
    const table = await run(memoryIo(seedFiles()), 'sections');
    expect(table.stdout).toMatch(/^5\s+ocr\s+OCR 文字识别\s+6\s+notes\/papers\.md:118$/m);
  });
});

describe('papers with no command', () => {
  it('prints the help with examples and exit codes, exit 0', async () => {
    const r = await run(memoryIo(seedFiles()));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: papers [options] [command]');
    expect(r.stdout).toContain('$ papers list --section ocr');
    expect(r.stdout).toContain('Exit codes:');
  });
});

describe('papers list from the cached table', () => {
  const again = (io: ReturnType<typeof memoryIo>) => memoryIo(Object.fromEntries(io.files), { cwd: '/work' });
  const cases = [[], ['--section', 'ocr'], ['--venue', 'arxiv', '--year', '2023..'], ['--stub'], ['--todo'], ['--org', 'google'], ['--section', 'nothing-like-it']];

  it.each(cases)('prints the same table and count warm as cold, %s', async (...args: string[]) => {
    const fresh = await run(memoryIo(seedFiles()), '--no-cache', 'list', ...args);
    const io = memoryIo(seedFiles());
    const cold = await run(io, 'list', ...args);
    const warm = await run(again(io), 'list', ...args);
    expect(cold).toEqual(fresh);
    expect(warm).toEqual(fresh);
  });

  it('prints the table from a damaged cache as from the notes, and on a terminal cuts titles to its width', async () => {
    const io = memoryIo(seedFiles());
    await run(io, 'list');
    const store = [...io.files.keys()].find((f) => f.includes('/store-'))!;
    expect(store).toBeDefined();
    // A byte in the middle of the `main` section: the layout the table reads.
    const data = io.files.get(store)!;
    const [mainAt, mainLength] = cacheSections(data).get('main')!;
    const at = mainAt + Math.floor(mainLength / 2);
    const damaged = data.map((b, i) => (i === at ? b ^ 0xff : b));
    io.files.set(store, damaged);
    const next = again(io);
    const fresh = await run(memoryIo(seedFiles()), '--no-cache', 'list');
    expect(await run(next, 'list')).toEqual(fresh);
    expect(next.files.get(store)).not.toEqual(damaged);
    const narrow = await run(memoryIo(Object.fromEntries(next.files), { cwd: '/work', tty: true, columns: 80, env: { NO_COLOR: '1' } }), 'list');
    const lines = narrow.stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(lines.length).toBe(24);
    expect(lines.some((l) => l.includes('…'))).toBe(true);
  });
});

describe('list on a terminal cuts titles by the width of what is shown (escapes included)', () => {
  it('keeps every line within the terminal, and the columns aligned', async () => {
    const fixture = readFileSync(new URL('../fixtures/digest/control-chars.md', import.meta.url), 'utf8');
    const r = await run(memoryIo({ '/w/notes/papers.md': fixture }, { cwd: '/w', tty: true, columns: 80, env: { NO_COLOR: '1' } }), 'list');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(textWidth(row)).toBeLessThanOrEqual(80);
      expect(row).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(rows[1]).toContain('Tab Title \\u2066Paper…  OSDI');
    expect(new Set(rows.map((l) => l.indexOf('notes/papers.md')))).toHaveLength(1);
  });
});
