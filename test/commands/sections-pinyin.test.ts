import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';
import { SEED, seedFiles } from '../helpers/seed.js';

// The shipped digest without its config: every section gets a slug from its pinyin.
const noConfig = () => memoryIo({ '/work/notes/papers.md': SEED });

describe('sections in Chinese without a config', () => {
  it('get slugs from their pinyin', async () => {
    const r = await run(noConfig(), 'sections', '--json');
    expect(JSON.parse(r.stdout).sections.map((s: { slug: string }) => s.slug)).toEqual([
      'xinxi-jiansuo-sousuo',
      'tuijian-xitong',
      'xitong-bianyi-qi-sheji-you-hua',
      'moxing-you-hua',
      'ocr-wenzi-shibie',
    ]);
    const list = JSON.parse((await run(noConfig(), 'list', '--section', 'tuijian-xitong', '--json')).stdout);
    expect(list.map((e: { sectionSlug: string }) => e.sectionSlug)).toEqual(['tuijian-xitong', 'tuijian-xitong', 'tuijian-xitong', 'tuijian-xitong']);
  });

  it.each([['tuijian'], ['TuiJian'], ['tjxt'], ['wenzi'], ['shibie'], ['ocr'], ['moxing'], ['mxyh'], ['2']])('--section %s finds one section', async (q) => {
    const r = await run(noConfig(), 'list', '--section', q, '--json');
    expect(r.code).toBe(0);
    expect(new Set(JSON.parse(r.stdout).map((e: { section: string }) => e.section)).size).toBe(1);
  });

  it('an ambiguous pinyin lists the candidates (exit 2); pinyin matching nothing is unknown', async () => {
    const r = await run(noConfig(), 'list', '--section', 'xitong');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/section "xitong" is ambiguous; it matches:\n  2\.  tuijian-xitong {18}推荐系统 {16}\(4\)\n  3\.  xitong-bianyi-qi-sheji-you-hua/);
    const none = await run(noConfig(), 'list', '--section', 'tuijia');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no section matches "tuijia"/);
  });

  it('the configured slug still wins, and pinyin works beside it', async () => {
    const sections = JSON.parse((await run(memoryIo(seedFiles()), 'sections', '--json')).stdout).sections;
    expect(sections.map((s: { slug: string }) => s.slug)).toEqual(['ir', 'recsys', 'systems', 'model-opt', 'ocr']);
    const r = await run(memoryIo(seedFiles()), 'list', '--section', 'tuijian', '--json');
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ section: '推荐系统', sectionSlug: 'recsys' });
    const add = memoryIo(seedFiles());
    expect((await run(add, 'add', '--title', 'Some Paper', '--section', 'tuijian')).code).toBe(0);
  });

  it('search: a pinyin slug of a section does not stop its pinyin finding notes elsewhere', async () => {
    const r = await run(noConfig(), 'search', 'jiansuo', '--json', '--limit', '50');
    const hits = JSON.parse(r.stdout) as Array<{ id: string; section: string; matches: Array<{ field: string; kind: string }> }>;
    // The section's slug xinxi-jiansuo-sousuo first, then notes saying 检索 in other sections.
    expect(hits[0]!.section).toBe('信息检索、搜索');
    expect(hits[0]!.matches[0]).toMatchObject({ field: 'section', kind: 'word' });
    expect(hits.some((h) => h.section !== '信息检索、搜索' && h.matches.some((m) => m.kind === 'pinyin' && m.field === 'notes'))).toBe(true);
  });
});
