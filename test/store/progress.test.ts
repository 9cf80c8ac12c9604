import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';

// A digest over the 2 MB threshold for the progress bar.
const big = `## S\n${Array.from({ length: 6000 }, (_, i) => `### Paper ${i}[KDD'18][Ali]\n- ${'笔记内容'.repeat(90)}\n`).join('')}`;

describe('progress bar on a long parse', () => {
  it('draws on a terminal, and clears its line when done', async () => {
    const r = await run(memoryIo({ '/work/notes/big.md': big }, { tty: true, env: { NO_COLOR: '1' } }), '--no-cache', 'list');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\rpapers: reading notes █*░* +\d+%/);
    expect(r.stderr).toContain('100%');
    expect(r.stderr).toContain('\r\u001b[2K');
    expect(r.stdout).not.toContain('reading notes');
  });

  it('never draws in a pipe or with --json', async () => {
    const pipe = await run(memoryIo({ '/work/notes/big.md': big }), '--no-cache', 'list');
    expect(pipe.stderr).toBe('6000 entries in 1 section\n');
    const json = await run(memoryIo({ '/work/notes/big.md': big }, { tty: true }), '--no-cache', 'list', '--json');
    expect(json.stderr).toBe('');
  });

  it('does not draw for a small digest', async () => {
    const r = await run(memoryIo({ '/work/notes/a.md': "## S\n### P[KDD'18]\n" }, { tty: true }), '--no-cache', 'list');
    expect(r.stderr).not.toContain('reading notes');
  });
});
