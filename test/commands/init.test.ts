import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { starterConfig, starterDigest } from '../../src/edit/init-template.js';

const text = (io: ReturnType<typeof memoryIo>, p: string): string | undefined => {
  const data = io.files.get(p);
  return data && new TextDecoder().decode(data);
};

describe('papers init', () => {
  it('creates notes/papers.md and papers.config.json in the current folder, and says what to try next', async () => {
    const io = memoryIo({}, { dirs: ['/work'] });
    const r = await run(io, 'init');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('created notes/papers.md\ncreated notes/papers.config.json\n');
    expect(r.stderr).toMatch(/^next, try:\n  papers list\n  papers add .*--section example\n  papers search attention\n$/);
    expect(text(io, '/work/notes/papers.md')).toBe(starterDigest());
    expect(JSON.parse(text(io, '/work/notes/papers.config.json')!)).toEqual({ sections: { example: 'Example' } });
    expect(io.atomicWrites).toEqual(['/work/notes/papers.md', '/work/notes/papers.config.json']);
  });

  it('creates the folder given, and the next commands cd into it', async () => {
    const io = memoryIo({}, { dirs: ['/work'] });
    const r = await run(io, 'init', 'my reading', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ notes: 'my reading/notes/papers.md', config: 'my reading/notes/papers.config.json' });
    const again = await run(memoryIo({}, { dirs: ['/work'] }), 'init', 'my reading');
    expect(again.stderr).toContain("  cd 'my reading' && papers list\n");
  });

  it('makes a digest that list, search, sections, lint and add use with no flags', async () => {
    const io = memoryIo({}, { dirs: ['/work'] });
    expect((await run(io, 'init')).code).toBe(0);
    const list = await run(memoryIo(Object.fromEntries(io.files)), 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: 'transformer-2017', title: 'Attention Is All You Need', alias: 'Transformer', venue: 'NeurIPS', year: 2017, orgs: ['Google'], section: 'Example', sectionSlug: 'example', stub: false }]);
    const search = await run(memoryIo(Object.fromEntries(io.files)), 'search', '注意力');
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('Attention Is All You Need');
    const lint = await run(memoryIo(Object.fromEntries(io.files)), 'lint', '--format', 'unix');
    expect(lint.code).toBe(0);
    expect(lint.stdout).toBe('');
    const added = memoryIo(Object.fromEntries(io.files));
    const add = await run(added, 'add', '--title', 'Deep Interest Network', '--venue', "KDD'18", '--org', 'Ali', '--section', 'example');
    expect(add.code).toBe(0);
    expect(text(added, '/work/notes/papers.md')).toContain("### Deep Interest Network[KDD'18][Ali]");
  });

  it.each([
    ['the digest exists', { '/work/notes/papers.md': '# mine\n' }, /notes\/papers\.md already exists; nothing was changed/],
    ['the config exists', { '/work/notes/papers.config.json': '{}' }, /notes\/papers\.config\.json already exists/],
    ['both exist', { '/work/notes/papers.md': '# mine\n', '/work/notes/papers.config.json': '{}' }, /papers\.md and notes\/papers\.config\.json already exist/],
    ['notes/ holds another digest', { '/work/notes/reading.md': '# mine\n' }, /notes already holds a digest \(reading\.md\)/],
    ['notes is a file', { '/work/notes': 'x' }, /notes exists and is not a folder/],
  ])('refuses when %s: exit 2, nothing written', async (_, files, message) => {
    const io = memoryIo(files, { dirs: ['/work'] });
    const before = new Map(io.files);
    const r = await run(io, 'init');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^papers: .*\(.*\)\n$/);
    expect(r.stdout).toBe('');
    expect(io.atomicWrites).toEqual([]);
    expect(io.files).toEqual(before);
  });

  it('refuses a dir that is a file, and an empty dir name', async () => {
    const io = memoryIo({ '/work/file.txt': 'x' });
    expect((await run(io, 'init', 'file.txt')).stderr).toMatch(/file\.txt exists and is not a folder/);
    expect((await run(memoryIo(), 'init', ' ')).code).toBe(2);
    expect(io.atomicWrites).toEqual([]);
  });

  it('writes a config that the config schema accepts, naming the section the digest has', () => {
    const config = ConfigSchema.parse(JSON.parse(starterConfig()));
    expect(Object.values(config.sections ?? {})).toEqual(['Example']);
    expect(starterDigest()).toContain('\n## Example\n');
  });
});
