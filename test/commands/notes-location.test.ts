import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/io.js';
import { main } from '../../src/main.js';
import { memoryIo, run } from '../helpers/memory-io.js';
import { SEED } from '../helpers/seed.js';

const DIGEST = "## S\n### Paper[KDD'18][Ali]\n- body\n";

async function expectInputError(io: ReturnType<typeof memoryIo>, pattern: RegExp, ...args: string[]) {
  const r = await run(io, ...(args.length ? args : ['list']));
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('where the notes are', () => {
  it('takes --notes first, then PAPERS_NOTES, then the nearest notes/ folder upwards', async () => {
    const files = {
      '/a/notes/one.md': "## A\n### From Folder[KDD'18]\n",
      '/a/env.md': "## E\n### From Env[KDD'18]\n",
      '/a/flag.md': "## F\n### From Flag[KDD'18]\n",
    };
    const titles = async (io: ReturnType<typeof memoryIo>, ...args: string[]) =>
      JSON.parse((await run(io, ...args, 'list', '--json')).stdout).map((e: { title: string }) => e.title);
    expect(await titles(memoryIo(files, { cwd: '/a/deep/er' }))).toEqual(['From Folder']);
    expect(await titles(memoryIo(files, { cwd: '/a/deep', env: { PAPERS_NOTES: '/a/env.md' } }))).toEqual(['From Env']);
    expect(await titles(memoryIo(files, { cwd: '/a', env: { PAPERS_NOTES: 'env.md' } }), '--notes', 'flag.md')).toEqual(['From Flag']);
  });

  it('merges every .md file of a folder in name order', async () => {
    const io = memoryIo({
      '/w/notes/b.md': "## Two\n### Second[ACL'20]\n",
      '/w/notes/a.md': "## One\n### First[ACL'19]\n",
      '/w/notes/readme.txt': 'not markdown',
    }, { cwd: '/w' });
    const r = await run(io, 'list', '--json');
    expect(JSON.parse(r.stdout).map((e: { title: string; file: string }) => [e.title, e.file])).toEqual([
      ['First', 'notes/a.md'],
      ['Second', 'notes/b.md'],
    ]);
  });

  it('parses BOM and CRLF files like LF', async () => {
    const io = memoryIo({ '/w/notes/x.md': `\uFEFF${SEED.replace(/\n/g, '\r\n')}` }, { cwd: '/w' });
    const r = await run(io, 'list', '--json');
    expect(JSON.parse(r.stdout)).toHaveLength(24);
  });

  it('reads an empty file as an empty store (an empty digest is no failure: exit 0)', async () => {
    const r = await run(memoryIo({ '/w/notes/x.md': '' }, { cwd: '/w' }), 'list', '--json');
    expect(r).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('errors when no notes folder exists anywhere up', () =>
    expectInputError(memoryIo({}, { cwd: '/nowhere' }), /^papers: no notes found: no notes\/ folder here or in any parent folder \(pass --notes/));

  it('errors on a missing path', () =>
    expectInputError(memoryIo({}, { cwd: '/w' }), /^papers: notes not found: missing\.md does not exist \(from --notes\)/, '--notes', 'missing.md', 'list'));

  it('errors on a missing PAPERS_NOTES path', () =>
    expectInputError(memoryIo({}, { cwd: '/w', env: { PAPERS_NOTES: '/gone/x.md' } }), /notes not found: \/gone\/x\.md does not exist \(from PAPERS_NOTES\)/));

  it('errors on a folder without markdown', () =>
    expectInputError(memoryIo({ '/w/notes/a.txt': 'x' }, { cwd: '/w' }), /^papers: no markdown files in \/w\/notes \(put \.md files there/));

  it('errors on a .md name that is a folder', () =>
    expectInputError(memoryIo({ '/w/notes/a.md/inner.txt': 'x', '/w/notes/b.md': DIGEST }, { cwd: '/w' }), /\/w\/notes\/a\.md is a folder, expected a markdown file/));

  it('errors on a symbolic link to a missing file in a notes folder, naming it', () =>
    expectInputError(
      memoryIo({ '/w/notes/a.md': DIGEST }, { cwd: '/w', symlinks: { '/w/notes/b.md': '/w/elsewhere/gone.md' } }),
      /^papers: cannot read notes\/b\.md: it is a broken symbolic link or was just removed \(fix or remove the link/,
    ));

  it('errors on a broken symbolic link or a FIFO in a real notes folder, naming it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-notes-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.md'), DIGEST);
      const runReal = async () => {
        let err = '';
        const io = { ...nodeIo(), stdout: { write: () => {}, isTTY: false }, stderr: { write: (t: string) => void (err += t), isTTY: false } };
        return { code: await main(['--notes', dir, '--no-cache', 'list'], io), err };
      };
      fs.symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'b.md'));
      expect(await runReal()).toEqual({ code: 2, err: `papers: cannot read ${path.join(dir, 'b.md')}: it is a broken symbolic link or was just removed (fix or remove the link, or move it out of the notes folder)\n` });
      fs.rmSync(path.join(dir, 'b.md'));
      execFileSync('mkfifo', [path.join(dir, 'c.md')]);
      expect(await runReal()).toEqual({ code: 2, err: `papers: ${path.join(dir, 'c.md')} is not a regular file (move it out of the notes folder)\n` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a symbolic link to a file in a notes folder like the file', async () => {
    const io = memoryIo({ '/w/notes/a.md': DIGEST, '/w/elsewhere/b.md': "## T\n### Linked[ACL'20]\n" }, { cwd: '/w', symlinks: { '/w/notes/b.md': '/w/elsewhere/b.md' } });
    const r = await run(io, 'list', '--json');
    expect(JSON.parse(r.stdout).map((e: { title: string }) => e.title)).toEqual(['Paper', 'Linked']);
  });

  it('errors on a file given as a folder', () =>
    expectInputError(memoryIo({ '/w/d.md': DIGEST }, { cwd: '/w' }), /d\.md\/ is a file, not a folder/, '--notes', 'd.md/', 'list'));

  it('errors on an unreadable file', () =>
    expectInputError(
      memoryIo({ '/w/notes/a.md': DIGEST }, { cwd: '/w', unreadable: { '/w/notes/a.md': 'EACCES' } }),
      /^papers: cannot read notes\/a\.md: permission denied/,
    ));

  it('errors on invalid UTF-8, saying where', () =>
    expectInputError(
      memoryIo({ '/w/notes/a.md': new Uint8Array([...new TextEncoder().encode('## S\n### T\n- ab'), 0xff, 0x0a]) }, { cwd: '/w' }),
      /^papers: notes\/a\.md is not valid UTF-8: bad byte at line 3, column 5 \(byte offset 15\)/,
    ));

  it('errors on a binary file', () =>
    expectInputError(memoryIo({ '/w/notes/a.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) }, { cwd: '/w' }), /looks like a binary file/));
});

describe('config beside the notes', () => {
  it('uses slugs from papers.config.json', async () => {
    const io = memoryIo({ '/w/notes/a.md': DIGEST, '/w/notes/papers.config.json': '{"sections": {"sec": "S"}}' }, { cwd: '/w' });
    const r = await run(io, 'list', '--section', 'sec', '--json');
    expect(JSON.parse(r.stdout)[0].sectionSlug).toBe('sec');
  });

  it.each([
    ['{"sections": {"Bad Slug": "S"}}', /sections\.Bad Slug: a slug is lower-case/],
    ['{"section": {}}', /\(top level\): unknown key "section"/],
    ['{"sections": []}', /sections: expected record/],
    ['{"sections": {', /papers\.config\.json:1:\d+: invalid JSON/],
  ])('rejects %s naming the key (exit 2)', async (config, message) => {
    const io = memoryIo({ '/w/notes/a.md': DIGEST, '/w/notes/papers.config.json': config }, { cwd: '/w' });
    const r = await run(io, 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('errors when --config names a missing file', async () => {
    const r = await run(memoryIo({ '/w/notes/a.md': DIGEST }, { cwd: '/w' }), '--config', 'nope.json', 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('config file not found: nope.json');
  });
});
