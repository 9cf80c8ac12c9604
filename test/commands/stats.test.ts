import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';
import { SEED, seedFiles } from '../helpers/seed.js';

/** Counts made by hand from the shipped digest's headings, without papers' parser. */
function handCounts() {
  const bySection = new Map<string, number>();
  let section = '';
  let total = 0;
  for (const line of SEED.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3).trim();
    else if (/^###(?!#)/.test(line)) {
      total++;
      bySection.set(section, (bySection.get(section) ?? 0) + 1);
    }
  }
  return { total, bySection };
}

describe('papers stats', () => {
  it('--json has the documented shape and agrees with counts made by hand', async () => {
    const r = await run(memoryIo(seedFiles()), 'stats', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['total', 'bySection', 'byVenue', 'byYear', 'byOrg', 'health']);
    const hand = handCounts();
    expect(json.total).toBe(hand.total);
    expect(Object.fromEntries(json.bySection.map((s: { name: string; count: number }) => [s.name, s.count]))).toEqual(Object.fromEntries(hand.bySection));
    expect(json.bySection[0]).toEqual({ name: '系统、编译器设计、优化', slug: 'systems', count: 9 });
    for (const key of ['byVenue', 'byYear']) expect(json[key].reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(hand.total);
    expect(json.byVenue[0]).toEqual({ name: 'arXiv', count: 6 });
    expect(json.byYear.map((c: { name: string | null }) => c.name)).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', null]);
    expect(json.byOrg.find((c: { name: string }) => c.name === 'Google')).toEqual({ name: 'Google', count: 3 });
    expect(json.health).toEqual({
      stubs: 4,
      todos: 1,
      todoEntries: 1,
      lint: expect.objectContaining({ errors: 1, warnings: 17, infos: 0 }),
    });
    expect(json.health.lint.byRule[0]).toEqual({ name: 'venue-spelling', count: 5 });
    expect(r.stderr).toBe('');
  });

  it('the lint counts are those papers lint reports', async () => {
    const lint = await run(memoryIo(seedFiles()), 'lint', '--format', 'json');
    const messages = JSON.parse(lint.stdout).flatMap((f: { messages: unknown[] }) => f.messages);
    const stats = JSON.parse((await run(memoryIo(seedFiles()), 'stats', '--json')).stdout);
    expect(stats.health.lint.errors + stats.health.lint.warnings + stats.health.lint.infos).toBe(messages.length);
  });

  it('takes the filters of list', async () => {
    const r = await run(memoryIo(seedFiles()), 'stats', '--section', 'ocr', '--json');
    const json = JSON.parse(r.stdout);
    expect(json.total).toBe(6);
    expect(json.bySection).toEqual([{ name: 'OCR 文字识别', slug: 'ocr', count: 6 }]);
    const list = JSON.parse((await run(memoryIo(seedFiles()), 'list', '--section', 'ocr', '--json')).stdout);
    expect(json.health.stubs).toBe(list.filter((e: { stub: boolean }) => e.stub).length);
    const stubs = JSON.parse((await run(memoryIo(seedFiles()), 'stats', '--stub', '--json')).stdout);
    expect(stubs).toMatchObject({ total: 4, health: { stubs: 4, todos: 0 } });
    expect(stubs.health.lint.byRule.find((c: { name: string }) => c.name === 'no-empty-entry')).toEqual({ name: 'no-empty-entry', count: 4 });
  });

  it('draws charts in a pipe: no colour, 80 columns, the longest bar filling the line', async () => {
    const r = await run(memoryIo(seedFiles()), 'stats');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('24 entries · 5 sections · 10 venues · 15 organisations · 2016–2024');
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBe(80);
    const sectionLines = lines.slice(lines.indexOf('by section') + 1, lines.indexOf('by section') + 6);
    expect(sectionLines[0]).toMatch(/^  系统、编译器设计、优化 \(systems\)  █+ 9$/);
    expect(stringWidth(sectionLines[0]!)).toBe(80);
    // Bars start in one column whatever the labels' scripts.
    expect(new Set(sectionLines.map((l) => stringWidth(l.slice(0, l.indexOf('█')))))).toEqual(new Set([36]));
    expect(r.stdout).toMatch(/\nhealth\n  stubs  4 entries without notes \(17%\)\n  TODOs  1 marker in 1 entry\n  lint   1 error, 17 warnings/);
  });

  it('fits a terminal width, in colour, and --top N sums the rest', async () => {
    const r = await run(memoryIo(seedFiles(), { tty: true, columns: 50, env: { FORCE_COLOR: '1' } }), 'stats', '--top', '2');
    expect(r.stdout).toContain('\u001b[');
    const plain = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain.split('\n').slice(0, 2)).toEqual(['24 entries · 5 sections · 10 venues', '15 organisations · 2016–2024']);
    const bars = plain.split('\n').filter((l) => l.includes('█'));
    expect(Math.max(...bars.map((l) => stringWidth(l)))).toBe(50);
    const venues = plain.split('\n\n').find((b) => b.startsWith('by venue'))!.split('\n');
    expect(venues).toHaveLength(4);
    expect(venues[3]).toMatch(/^  \(9 others\) +15$/);
    expect(stringWidth(venues[1]!)).toBe(50);
  });

  it.each([
    [['--top', '0'], /--top: must be a whole number of at least 1, got "0"/],
    [['--top', 'many'], /--top: must be a whole number/],
    [['--by', 'day'], /--by: expected one of "month", "week"/],
    [['--year', '2030..2020'], /--year/],
    [['--section', 'nosuch'], /no section matches "nosuch"/],
  ])('bad input %j: exit 2, one line', async (args, message) => {
    const r = await run(memoryIo(seedFiles()), 'stats', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('exits 1 when no entry matches the filters', async () => {
    const r = await run(memoryIo(seedFiles()), 'stats', '--year', '1990');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no entries match\n');
    const json = await run(memoryIo(seedFiles()), 'stats', '--year', '1990', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ total: 0, bySection: [], byVenue: [] });
  });

  it('--by outside a git repository, or without git: exit 2, saying so', async () => {
    const outside = memoryIo(seedFiles(), {
      processes: () => ({ kind: 'ran', status: 128, stdout: '', stderr: 'fatal: not a git repository (or any of the parent directories): .git\n' }),
    });
    const r = await run(outside, 'stats', '--by', 'month');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('papers: --by needs the notes in a git repository, and /work/notes is not in one (commit the notes with git, or leave out --by)\n');
    expect(r.stdout).toBe('');
    const noGit = await run(memoryIo(seedFiles()), 'stats', '--by', 'week', '--json');
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toMatch(/^papers: --by needs git, and git is not installed/);
  });

  it('--by month dates each heading by the git log it is given', async () => {
    const din = SEED.split('\n').find((l) => l.startsWith('### Deep Interest Network'))!;
    const log = `\u0001bbbb 2024-03-02T10:00:00+08:00\n+${din}\n\u0001aaaa 2024-01-15T10:00:00+08:00\n${SEED.split('\n').filter((l) => /^###(?!#)/.test(l) && l !== din).map((l) => `+${l}`).join('\n')}\n`;
    const calls: string[][] = [];
    const io = memoryIo(seedFiles(), {
      processes: (file, args, cwd) => {
        calls.push([file, cwd, ...args]);
        return { kind: 'ran', status: 0, stdout: args[0] === 'log' ? log : '/work\n', stderr: '' };
      },
    });
    const r = await run(io, 'stats', '--by', 'month', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.byMonth).toEqual([
      { name: '2024-01', count: 23 },
      { name: '2024-02', count: 0 },
      { name: '2024-03', count: 1 },
    ]);
    expect(json.uncommitted).toBe(0);
    expect(calls[0]).toEqual(['git', '/work/notes', 'rev-parse', '--show-toplevel']);
    expect(calls[1]!.slice(0, 3)).toEqual(['git', '/work/notes', 'log']);
    expect(calls[1]!.slice(-2)).toEqual(['--', 'papers.md']);
  });

  it('--by on notes git has no commit of: every entry uncommitted, and the chart says so', async () => {
    const io = () => memoryIo(seedFiles(), { processes: (_f, args) => ({ kind: 'ran', status: 0, stdout: args[0] === 'log' ? '' : '/work\n', stderr: '' }) });
    const json = JSON.parse((await run(io(), 'stats', '--by', 'week', '--json')).stdout);
    expect(json).toMatchObject({ byWeek: [], uncommitted: 24 });
    const text = await run(io(), 'stats', '--by', 'month');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('\nby month (when the heading was first committed)\n  no commit adds any of these headings yet\n  24 entries not committed yet\n');
  });
});
