import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';
import { seedFiles } from '../helpers/seed.js';

describe('papers open', () => {
  it('starts $EDITOR at the entry heading line, with the absolute path', async () => {
    const io = memoryIo(seedFiles(), { env: { EDITOR: 'vim' } });
    const r = await run(io, 'open', 'din');
    expect(r.code).toBe(0);
    expect(io.editorRuns).toEqual([{ command: 'vim', args: ['+45', '/work/notes/papers.md'] }]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('prefers $VISUAL, keeps its arguments and takes the VS Code form', async () => {
    const io = memoryIo(seedFiles(), { env: { VISUAL: 'code --wait', EDITOR: 'vim' } });
    expect((await run(io, 'open', 'deep', 'interest', 'network')).code).toBe(0);
    expect(io.editorRuns).toEqual([{ command: 'code --wait', args: ['--goto', '/work/notes/papers.md:45'] }]);
  });

  it("exits with the editor's status", async () => {
    const io = memoryIo(seedFiles(), { env: { EDITOR: 'nano' }, editorExit: { kind: 'exited', status: 3 } });
    expect((await run(io, 'open', 'din-2018')).code).toBe(3);
  });

  it('says so when the editor cannot start (exit 2)', async () => {
    const r = await run(memoryIo(seedFiles(), { env: { EDITOR: 'nosuch' }, editorExit: { kind: 'not-found' } }), 'open', 'din');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: not known how "nosuch" opens a file at a line; opening notes\/papers.md \(the entry is at line 45\)\npapers: cannot start the editor "nosuch": command not found \(set \$VISUAL or \$EDITOR/);
  });

  it('prints FILE:LINE and how to set an editor when none is set (exit 0)', async () => {
    const io = memoryIo(seedFiles(), { env: {} });
    const r = await run(io, 'open', 'din');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('notes/papers.md:45\n');
    expect(r.stderr).toMatch(/no editor set \(set \$VISUAL or \$EDITOR/);
    expect(io.editorRuns).toEqual([]);
  });

  it('--json says where and with what, and opens nothing', async () => {
    const io = memoryIo(seedFiles(), { env: { EDITOR: 'hx' } });
    const r = await run(io, 'open', 'din', '--json');
    expect(JSON.parse(r.stdout)).toEqual({ id: 'din-2018', file: 'notes/papers.md', line: 45, path: '/work/notes/papers.md', editor: 'hx' });
    expect(io.editorRuns).toEqual([]);
  });

  it('lists the candidates and exits 2 when several match, opening nothing', async () => {
    const io = memoryIo(seedFiles(), { env: { EDITOR: 'vim' } });
    const r = await run(io, 'open', 'lightseq');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"lightseq" matches 2 entries:\n  lightseq-2021 .*\n  lightseq2-2022 /);
    expect(io.editorRuns).toEqual([]);
  });

  it('exits 1 when nothing matches, and 2 without a query', async () => {
    const io = memoryIo(seedFiles(), { env: { EDITOR: 'vim' } });
    const r = await run(io, 'open', 'no', 'such', 'paper');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no entry matches "no such paper"');
    expect((await run(memoryIo(seedFiles()), 'open')).code).toBe(2);
    expect(io.editorRuns).toEqual([]);
  });
});
