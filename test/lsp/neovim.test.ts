// papers lsp with a real editor: headless Neovim (installed by .ci/run) runs test/lsp/neovim.lua on a
// copy of the shipped digest. A machine without nvim fails this test: it is never skipped.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, workspace } from '../helpers/lsp-client.js';
import { SEED, SEED_CONFIG } from '../helpers/seed.js';

const script = fileURLToPath(new URL('./neovim.lua', import.meta.url));

interface Seen {
  error?: string;
  nvim: string;
  started_with: string;
  got_diagnostics: boolean;
  diagnostics: Array<{ lnum: number; col: number; code: string; source: string; severity: number }>;
  got_edit: boolean;
  after_edit: Array<{ lnum: number; col: number; code: string }>;
  fix_title: string;
  fix_line_before: string;
  fix_line_after: string;
  got_fix: boolean;
  outline: Array<{ name: string; children: number }>;
  workspace_first: string;
  workspace_line: number;
  completion: string[];
  hover: string;
  stopped: boolean;
}

describe('Neovim as the client', () => {
  it('shows the shipped digest\'s findings where they are, follows a live edit, applies a quick fix, and stops cleanly', () => {
    const which = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    expect(which.error, 'nvim is not installed: .ci/run installs it with apt-get install -y neovim').toBeUndefined();
    const ws = workspace({ 'notes/papers.md': SEED, 'notes/papers.config.json': SEED_CONFIG });
    const outFile = path.join(ws.root, 'seen.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${script}`], {
      cwd: ws.root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, PAPERS_NOTES: '', XDG_CACHE_HOME: path.join(ws.root, 'cache'), PAPERS_NVIM_OUT: outFile, PAPERS_NVIM_ROOT: ws.root, PAPERS_NVIM_NODE: process.execPath, PAPERS_NVIM_BIN: BIN },
    });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(readFileSync(outFile, 'utf8')) as Seen;
    expect(seen.error).toBeUndefined();
    expect(seen.got_diagnostics).toBe(true);
    // The same findings as papers lint, at the same places: Neovim turns the UTF-16 columns into byte
    // columns with the buffer's text, so a wrong unit would land elsewhere on these Chinese lines.
    const cli = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json'], { cwd: ws.root, encoding: 'utf8', env: { ...process.env, PAPERS_NOTES: '' } });
    const lines = SEED.split('\n');
    const expected = (JSON.parse(cli.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number }> }>)
      .flatMap((f) => f.messages)
      .map((m) => ({ lnum: m.line - 1, col: Buffer.byteLength(lines[m.line - 1]!.slice(0, m.column - 1)), code: m.ruleId }));
    expect(seen.diagnostics.map(({ lnum, col, code }) => ({ lnum, col, code }))).toEqual([...expected].sort((a, b) => a.lnum - b.lnum || a.col - b.col));
    expect(seen.diagnostics.every((d) => d.source === 'papers')).toBe(true);
    const todo = seen.diagnostics.find((d) => d.code === 'no-todo')!;
    expect(Buffer.from(lines[todo.lnum]!).subarray(todo.col, todo.col + 4).toString()).toBe('TODO');
    // The live edit: `- 中文😀 ` is 13 bytes.
    expect(seen.got_edit).toBe(true);
    expect(seen.after_edit).toContainEqual({ lnum: 7, col: 13, code: 'no-todo', source: 'papers', severity: expect.any(Number) });
    // The quick fix: the venue's spelling, as lint --fix writes it.
    expect(seen.fix_title).toMatch(/^Fix: /);
    expect(seen.fix_line_before).toContain('Arxiv');
    expect(seen.fix_line_after).toBe(seen.fix_line_before.replace('Arxiv', 'arXiv'));
    expect(seen.got_fix).toBe(true);
    expect(seen.outline.map((s) => s.name)).toEqual(['信息检索、搜索', '推荐系统', '系统、编译器设计、优化', '模型优化', 'OCR 文字识别']);
    expect(seen.outline.reduce((n, s) => n + s.children, 0)).toBe(24);
    expect(seen.workspace_first).toMatch(/Dount/);
    expect(seen.completion).toContain('NeurIPS');
    expect(seen.hover, JSON.stringify(seen)).toContain('**Möbius Transformation for Fast Inner Product Search on Graph**');
    expect(seen.stopped).toBe(true);
    // The server wrote nothing: the digest on disk is the shipped one.
    expect(readFileSync(ws.path('notes/papers.md'), 'utf8')).toBe(SEED);
  }, 150_000);
});
