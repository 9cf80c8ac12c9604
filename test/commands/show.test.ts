import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';
import { seedFiles } from '../helpers/seed.js';

describe('papers show', () => {
  it.each([['din'], ['DIN'], ['din-2018'], ['deep interest network']])('finds the DIN entry by %j', async (query) => {
    const r = await run(memoryIo(seedFiles()), 'show', ...query.split(' '));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deep Interest Network for Click-Through Rate Prediction');
    expect(r.stdout).toContain('notes/papers.md:45-47');
    expect(r.stdout).toContain('- 是对原始的深度推荐模型的改进');
  });

  it('prints the entry as JSON', async () => {
    const r = await run(memoryIo(seedFiles()), 'show', 'relax', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'relax-2023', venue: 'arXiv', venueRaw: 'Arxiv', venueMatch: 'variant', line: 66 });
  });

  it('says a stub has no notes, and shows TODOs and links', async () => {
    expect((await run(memoryIo(seedFiles()), 'show', 'dount')).stdout).toContain('(no notes yet)');
    const mobius = await run(memoryIo(seedFiles()), 'show', 'mobius');
    expect(mobius.stdout).toMatch(/todo:\s+TODO at line 7/);
    const survey = await run(memoryIo(seedFiles()), 'show', 'towards efficient generative');
    expect(survey.stdout).toMatch(/link:\s+LLM_Serving_Survey\.md \(LLM_Serving_Survey\)/);
  });

  it('lists the candidates in file order and exits 2 when several match', async () => {
    const r = await run(memoryIo(seedFiles()), 'show', 'lightseq');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"lightseq" matches 2 entries:\n  lightseq-2021 .*\n  lightseq2-2022 /);
  });

  it('exits 1 when nothing matches', async () => {
    const r = await run(memoryIo(seedFiles()), 'show', 'no such paper');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no entry matches "no such paper"');
  });
});
