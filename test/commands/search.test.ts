import { describe, expect, it } from 'vitest';
import { memoryIo, run, type MemoryIo } from '../helpers/memory-io.js';
import { fixtureText, seedFiles } from '../helpers/seed.js';

const search = (...args: string[]) => run(memoryIo(seedFiles()), 'search', ...args);

interface JsonResult {
  id: string;
  rank: number;
  score: number;
  matched: number;
  exact: string | null;
  phrase: boolean;
  matches: { term: string; field: string; kind: string; word: string | null }[];
  snippet: { file: string; line: number; text: string; highlights: { start: number; end: number }[] } | null;
  notes: string;
}

const json = async (...args: string[]): Promise<JsonResult[]> => {
  const r = await search(...args, '--json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as JsonResult[];
};

describe('papers search', () => {
  it('prints ranked results with a snippet, and the count on stderr; exit 0', async () => {
    const r = await search('kmeans', 'docid');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^1\. {2}A Neural Corpus Indexer for Document Retrieval {2,}NeurIPS'22 {2}信息检索、搜索 \[ir\]$/);
    expect(r.stdout.split('\n')[1]).toMatch(/^ {4}notes\/papers\.md:24 {2}在预处理部分加入了kmeans/);
    expect(r.stderr).toBe('1 match\n');
  });

  it('exits 1 with nothing on stdout when nothing matches', async () => {
    for (const q of [['xyzzy'], ['区块链'], ['zq'], ['mobius', 'venue:kdd']]) {
      const r = await search(...q);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('no entries match\n');
    }
  });

  it('finds nothing for stop words alone, and says why', async () => {
    const r = await search('the', 'of');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no entries match (the of: too common to search for)\n');
  });

  it('finds nothing for Chinese fillers alone, and says why', async () => {
    const r = await search('关于论文');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no entries match (关于论文: too common to search for)\n');
  });

  it('limits the results and says how many there were', async () => {
    const r = await search('ocr', '--limit', '2');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\d+\./.test(l))).toHaveLength(2);
    expect(r.stderr).toBe('2 of 6 matches (--limit 6 shows all)\n');
    expect((await search('ocr', '-n', '10')).stderr).toBe('6 matches\n');
  });

  it('prints JSON entries in rank order with rank, score, matches and snippet', async () => {
    const results = await json('mobius', 'transformation');
    expect(results[0]).toMatchObject({
      id: 'mobius-transformation-fast-2019',
      rank: 1,
      matched: 2,
      exact: null,
      snippet: { file: 'notes/papers.md', line: 8 },
    });
    expect(results[0]!.matches).toEqual(
      expect.arrayContaining([
        { term: 'mobius', field: 'title', kind: 'word', word: null },
        { term: 'mobius', field: 'notes', kind: 'word', word: null },
        { term: 'transformation', field: 'title', kind: 'word', word: null },
      ]),
    );
    expect(results[0]!.notes).toContain('mobius 变换');
    expect(results[0]!.phrase).toBe(true);
    const { text, highlights } = results[0]!.snippet!;
    expect(highlights.map((h) => text.slice(h.start, h.end))).toEqual(['mobius']);
    const ranked = await json('transformer');
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
  });

  it('with --json, says on stderr only that the limit cut the results', async () => {
    const cut = await search('ocr', '--json', '--limit', '2');
    expect(cut.code).toBe(0);
    expect(JSON.parse(cut.stdout)).toHaveLength(2);
    expect(cut.stderr).toBe('2 of 6 matches (--limit 6 shows all)\n');
    const all = await search('ocr', '--json');
    expect(JSON.parse(all.stdout)).toHaveLength(6);
    expect(all.stderr).toBe('');
  });

  it('says which field matched when no note line did, the title included', async () => {
    const r = await search('general', 'ocr', 'theory');
    expect(r.stdout.split('\n')[1]).toBe('    notes/papers.md:131  (matched its title)');
  });

  it("reads the config's organisation aliases, and rebuilds its cached index when they change", async () => {
    const first = memoryIo({ ...seedFiles(), '/work/notes/papers.config.json': JSON.stringify({ orgs: [{ name: 'UW', aliases: ['University of Washington'] }] }) });
    const ids = async (io: MemoryIo): Promise<string[]> => (JSON.parse((await run(io, 'search', 'washington', '--json')).stdout) as JsonResult[]).map((e) => e.id);
    expect(await ids(first)).toEqual(['tvm-2018', 'relax-2023']);
    expect([...first.files.keys()].some((f) => f.includes('/product-search-index-'))).toBe(true);
    // The same files and cache, the config's organisations gone.
    const second = memoryIo({ ...Object.fromEntries(first.files), '/work/notes/papers.config.json': '{}' });
    expect(await ids(second)).toEqual([]);
  });

  it('prints an empty JSON array and exits 1 when nothing matches', async () => {
    const r = await search('xyzzy', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  describe('filters', () => {
    it('combines qualifiers with words', async () => {
      expect((await json('venue:osdi', 'tvm')).map((r) => r.id)).toEqual(['tvm-2018', 'ladder-2024']);
      expect((await json('tvm', 'year:2019..')).map((r) => r.id)).toEqual(['relax-2023', 'ladder-2024']);
      expect((await json('section:ocr', 'neural')).map((r) => r.id)).toEqual(['nougat-2024']);
      expect((await json('org:google', 'deep')).map((r) => r.id)).toEqual(['wide-deep-learning-2016', 'dcn-2017']);
    });

    it('lists the filtered entries in file order when there are no words', async () => {
      expect((await json('alias:din')).map((r) => r.id)).toEqual(['din-2018']);
      expect((await json('the', 'alias:din')).map((r) => r.id)).toEqual(['din-2018']);
      expect((await json('--section', 'ocr', '--year', '2024')).map((r) => r.id)).toEqual(['general-ocr-theory-2024', 'nougat-2024']);
      const nips = await json('venue:nips');
      expect(nips.map((r) => r.id)).toHaveLength(3);
      expect(nips.every((r) => r.score === 0 && r.matches.length === 0 && r.snippet === null)).toBe(true);
    });

    it('takes the same --section, --venue, --year and --org options as list', async () => {
      expect((await json('transformer', '--venue', 'neurips')).map((r) => r.id)).toEqual(['transformer-memory-differentiable-2022', 'neural-corpus-indexer-2022']);
      expect((await json('transformer', '-y', '2021', '-s', 'systems')).map((r) => r.id)).toEqual(['lightseq-2021']);
      expect((await json('--org', 'bytedance', 'gpu')).map((r) => r.id)).toEqual(['lightseq2-2022', 'lightseq-2021']);
      expect((await json('--section', 'ocr', '--section', 'ir', 'mobius')).map((r) => r.id)).toEqual(['mobius-transformation-fast-2019']);
    });

    it('applies options and qualifiers together', async () => {
      expect((await json('tvm', 'venue:osdi', '--year', '2024')).map((r) => r.id)).toEqual(['ladder-2024']);
      expect(await json('tvm', 'venue:osdi', '--venue', 'kdd')).toEqual([]);
    });
  });

  describe('bad usage exits 2 with one line', () => {
    it.each([
      [[''], 'papers: search needs words to look for (e.g. papers search inner product, papers search 量化, papers search venue:osdi)\n'],
      [['!!!'], 'papers: nothing to search for in "!!!": it has no letters, digits or Chinese characters (e.g. papers search inner product, papers search 量化, papers search venue:osdi)\n'],
      [['title:tvm'], `papers: unknown qualifier "title:"; the qualifiers are venue:, year:, section:, org:, alias: (to search for the text itself, quote it: '"title:tvm"')\n`],
      [['venue:', 'tvm'], 'papers: venue: needs a value (write it without a space, e.g. venue:osdi)\n'],
      [['year:20x9'], 'papers: year: "20x9" is not a year, expected 2020 or a range like 2019..2022 (see --help)\n'],
      [['tvm', 'year:2030..2020'], 'papers: year: "2030..2020" is reversed, expected from..to: 2020..2030 (see --help)\n'],
      [['tvm', '--year', 'soon'], 'papers: --year: "soon" is not a year, expected 2020 or a range like 2019..2022 (see --help)\n'],
      [['tvm', '--limit', '0'], 'papers: --limit: must be a whole number of at least 1, got "0" (see --help)\n'],
    ])('%j', async (args, stderr) => {
      const r = await search(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(stderr);
    });

    it('an unknown section lists the sections', async () => {
      const r = await search('section:nope', 'tvm');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^papers: no section matches "nope"; the sections are:\n {2}1\. {2}ir {9}信息检索、搜索 {10}\(4\)\n/);
    });

    it('a search with neither words nor filters', async () => {
      const r = await search();
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('papers: search needs words to look for (e.g. papers search inner product, papers search 量化, papers search venue:osdi)\n');
    });
  });

  describe('colour', () => {
    it('highlights matches on a terminal, and cuts titles to its width', async () => {
      const io = memoryIo(seedFiles(), { tty: true, columns: 70, env: {} });
      const r = await run(io, 'search', 'ladder');
      expect(r.stdout).toContain('\u001b[1m\u001b[31mLadder\u001b[39m\u001b[22m');
      for (const line of r.stdout.split('\n')) expect(line.replace(/\u001b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(90);
      expect(r.stdout).toContain('…');
    });

    it('cuts nothing on a terminal of unknown width (0 columns)', async () => {
      const r = await run(memoryIo(seedFiles(), { tty: true, columns: 0, env: { NO_COLOR: '1' } }), 'search', 'ladder');
      expect(r.stdout.split('\n')[0]).toContain('Ladder: Enabling Efficient Low-Precision Deep Learning Computing through Hardware-aware Tensor Transformation');
    });

    it('uses no colour with NO_COLOR or --no-color', async () => {
      for (const [env, args] of [[{ NO_COLOR: '1' }, []], [{}, ['--no-color']]] as const) {
        const r = await run(memoryIo(seedFiles(), { tty: true, env }), ...args, 'search', 'ladder');
        expect(r.code).toBe(0);
        expect(r.stdout).not.toContain('\u001b[');
      }
    });
  });

  it('searches a folder of digests, pointing at the right file', async () => {
    const files = {
      '/work/notes/a.md': '## A\n### First Paper[KDD\'19]\n- alpha notes\n',
      '/work/notes/b.md': '## B\n### Second Paper[KDD\'20]\n- some\n- beta notes here\n',
    };
    const r = await run(memoryIo(files), 'search', 'beta');
    expect(r.stdout.split('\n')[1]).toBe('    notes/b.md:4  beta notes here');
  });

  it('reads the fixture digest with its config: slugs and venue aliases', async () => {
    const files = {
      '/work/notes/papers.md': fixtureText('search/digest.md'),
      '/work/notes/papers.config.json': fixtureText('search/papers.config.json'),
    };
    const r = await run(memoryIo(files), 'search', 'section:retrieval', 'bert', '--json');
    expect((JSON.parse(r.stdout) as JsonResult[]).map((e) => e.id)).toEqual(['colbert-2020']);
  });
});
