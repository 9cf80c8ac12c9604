import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';

// An empty digest is a valid digest (a new user's, right after creating the file).
const digests: Array<[string, string]> = [
  ['an empty file', ''],
  ['a title and a section, no entries', '# Papers\n\n## OCR\n\nsome intro\n'],
];

describe.each(digests)('a digest with no entries: %s', (_name, text) => {
  const io = () => memoryIo({ '/w/notes/papers.md': text }, { cwd: '/w' });

  it('list without filters: exit 0, "0 entries" on stderr, nothing on stdout', async () => {
    expect(await run(io(), 'list')).toEqual({ code: 0, stdout: '', stderr: '0 entries\n' });
    expect(await run(io(), 'list', '--json')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('list with filters that match nothing: exit 1, as when entries exist', async () => {
    expect(await run(io(), 'list', '--venue', 'osdi')).toEqual({ code: 1, stdout: '', stderr: 'no entries match\n' });
    expect(await run(io(), 'list', '--todo', '--json')).toEqual({ code: 1, stdout: '[]\n', stderr: '' });
  });

  it('search and show find nothing (exit 1) and say the notes hold no entries yet', async () => {
    expect(await run(io(), 'search', 'anything')).toEqual({ code: 1, stdout: '', stderr: 'no entries match (the notes hold no entries yet)\n' });
    const show = await run(io(), 'show', 'din');
    expect(show).toEqual({ code: 1, stdout: '', stderr: 'papers: no entry matches "din" (the notes hold no entries yet; papers add adds one)\n' });
  });

  it('lint: nothing to report, exit 0', async () => {
    expect(await run(io(), 'lint')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('sections with no sections', () => {
  it('says "0 sections" instead of drawing a header alone (exit 0); the JSON is empty lists', async () => {
    const io = () => memoryIo({ '/w/notes/papers.md': '' }, { cwd: '/w' });
    expect(await run(io(), 'sections')).toEqual({ code: 0, stdout: '', stderr: '0 sections\n' });
    expect(JSON.parse((await run(io(), 'sections', '--json')).stdout)).toEqual({ sections: [], unsectioned: 0 });
  });

  it('a section without entries is still a table row', async () => {
    const r = await run(memoryIo({ '/w/notes/papers.md': '## OCR\n' }, { cwd: '/w' }), 'sections');
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toMatch(/^1 {2}ocr {3}OCR {12}0 {2}notes\/papers\.md:1$/);
  });
});
