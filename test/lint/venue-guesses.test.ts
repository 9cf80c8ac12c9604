import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';

// Real venues and organisations one letter off a registered name must never be "fixed" into it.
const DIGEST = [
  '## S',
  "### Language Models as Agents[COLM'24][X]",
  '- a',
  "### Robot Learning[CoRL'23][Y]",
  '- b',
  "### Workshop Paper[CVPRW'22][Z]",
  '- c',
  '### Some Paper[KAIST]',
  '- d',
  '### Other Paper[BAAI]',
  '- e',
  "### Typo Paper[Arivx'21][W]",
  '- f',
  '',
].join('\n');

describe('venue guesses are suggestions, sure misspellings are fixes', () => {
  it('fixes only the anagram of arXiv, and changes nothing else', async () => {
    const io = memoryIo({ '/work/notes/a.md': DIGEST });
    const r = await run(io, 'lint', '--fix', '--rule', 'venue-spelling', '--format', 'unix');
    const after = new TextDecoder().decode(io.files.get('/work/notes/a.md'));
    expect(after).toBe(DIGEST.replace("[Arivx'21]", "[arXiv'21]"));
    expect(r.stdout).toContain('a.md:2:31: Unknown venue "COLM"; did you mean "COLT"?');
    expect(r.stdout).toMatch(/\[info\/venue-spelling\]/);
  });

  it('reads a lone organisation group as organisations, and lists them by venue only when registered', async () => {
    const io = memoryIo({ '/work/notes/a.md': DIGEST });
    const entries = JSON.parse((await run(io, 'list', '--json')).stdout) as Array<{ title: string; venue: string | null; orgs: string[] }>;
    const byTitle = new Map(entries.map((e) => [e.title, e]));
    expect(byTitle.get('Some Paper')).toMatchObject({ venue: null, orgs: ['KAIST'] });
    expect(byTitle.get('Other Paper')).toMatchObject({ venue: null, orgs: ['BAAI'] });
    expect(byTitle.get('Language Models as Agents')!.venue).toBe('COLM');
    const colt = await run(memoryIo({ '/work/notes/a.md': DIGEST }), 'list', '--venue', 'colt');
    expect(colt.code).toBe(1);
  });

  it('lets add write an organisation near a venue name', async () => {
    const io = memoryIo({ '/work/notes/a.md': DIGEST });
    const r = await run(io, 'add', '--title', 'New Paper', '--org', 'KAIST', '--section', 'S');
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode(io.files.get('/work/notes/a.md'))).toContain('### New Paper[KAIST]');
  });
});
