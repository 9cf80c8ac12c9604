import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { parseMarkdown } from '../../src/store/markdown.js';
import { parseDigest } from '../../src/store/parse.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/digest/${name}`, import.meta.url), 'utf8');
const parse = (text: string, file = 'test.md') => buildStore([parseDigest(text, file, { markdown: parseMarkdown })]);

describe('parseDigest on the shipped digest', () => {
  const seed = readFileSync(new URL('../../notes/papers.md', import.meta.url), 'utf8');
  const digest = parse(seed, 'notes/papers.md');

  it('finds 24 entries in 5 sections', () => {
    expect(digest.entries).toHaveLength(24);
    expect(digest.sections.map((s) => s.title)).toEqual(['信息检索、搜索', '推荐系统', '系统、编译器设计、优化', '模型优化', 'OCR 文字识别']);
    expect(digest.files[0]!.title).toBe('每周论文合集');
    expect(digest.files[0]!.finalNewline).toBe(false);
  });

  it('marks the four empty entries as stubs', () => {
    expect(digest.entries.filter((e) => e.stub).map((e) => e.line)).toEqual([11, 120, 145, 147]);
  });

  it('finds the TODO inside Chinese parentheses on line 7, and no other', () => {
    const todos = digest.entries.flatMap((e) => e.todos.map((t) => ({ id: e.id, line: t.line, marker: t.marker })));
    expect(todos).toEqual([{ id: digest.entries[0]!.id, line: 7, marker: 'TODO' }]);
    expect(digest.entries[0]!.title).toBe('Möbius Transformation for Fast Inner Product Search on Graph');
    expect(digest.entries[0]!.todos[0]!.context).toContain('TODO 效果不佳如何证明');
  });

  it('finds the local link and the bare URL with their places', () => {
    const links = digest.entries.flatMap((e) => e.links);
    expect(links).toEqual([
      expect.objectContaining({ url: 'LLM_Serving_Survey.md', kind: 'inline', local: true, line: 97, column: 7 }),
      expect.objectContaining({ url: 'https://github.com/microsoft/fastformers', kind: 'bare', local: false, line: 114, column: 3 }),
    ]);
    for (const link of links) expect(seed.slice(link.offset, link.endOffset)).toContain(link.url);
  });

  it('keeps every body line in the notes, and the notes in the file', () => {
    const lines = seed.split('\n');
    for (const e of digest.entries) {
      for (let n = e.line + 1; n <= e.endLine; n++) if (lines[n - 1]!.trim()) expect(e.notes.split('\n')).toContain(lines[n - 1]);
      expect(seed.slice(e.body.start, e.body.end).includes(e.notes)).toBe(true);
      expect(seed.slice(e.heading.rawOffset, e.heading.end)).toBe(e.heading.raw);
    }
  });

  it('gives readable, unique ids', () => {
    const ids = digest.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('din-2018');
    expect(ids).toContain('tvm-2018');
    expect(ids).toContain('dount');
    for (const id of ids) expect(id).toMatch(/^[\p{L}\p{N}-]+$/u);
  });

  it('covers the file: entries and sections tile it without gaps', () => {
    const entries = digest.entries;
    for (let i = 1; i < entries.length; i++) {
      const prev = entries[i - 1]!;
      const gap = seed.slice(prev.range.end, entries[i]!.range.start);
      // Only section headings sit between two entries.
      expect(gap.split('\n').filter((l) => l.trim() && !l.startsWith('## '))).toEqual([]);
    }
    expect(entries.at(-1)!.range.end).toBe(seed.length);
  });
});

describe('parseDigest on a digest with every construct', () => {
  const text = fixture('constructs.md');
  const digest = parse(text);
  const byTitle = (t: string) => digest.entries.find((e) => e.title.startsWith(t))!;

  it('finds the entries and sections, with fences, comments and #### inside bodies', () => {
    expect(digest.entries.map((e) => e.title)).toEqual([
      'Orphan Entry Before Any Section',
      'Dense Passage Retrieval for Open-Domain Question Answering',
      'ColBERT: Efficient and Effective Passage Search via Contextualized Late Interaction over BERT',
      'Welder: Scheduling Deep Learning Memory Access via Tile-graph',
      'Spaced Title With Org Spaces',
      'Many Orgs',
      'Trailing Colon Stub',
      'Title',
    ]);
    expect(digest.sections.map((s) => s.title)).toEqual(['Retrieval', 'Empty Section', 'Systems & Compilers']);
  });

  it('keeps an entry before any section, with no section', () => {
    expect(byTitle('Orphan').section).toBeNull();
    expect(byTitle('Orphan').venue).toBe('ICML');
  });

  it('puts every body line of the big entry in its notes', () => {
    const dpr = byTitle('Dense Passage');
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('### Dense Passage')) + 1;
    const end = lines.findIndex((l) => l.startsWith('### ColBERT'));
    for (const l of lines.slice(start, end)) if (l.trim()) expect(dpr.notes).toContain(l);
    expect(dpr.notes).toContain('### nor an entry');
    expect(dpr.notes).toContain('#### A deeper heading belongs to the entry');
    expect(dpr.notes).toContain('### a heading-like line inside an HTML comment');
    expect(dpr.alias).toBe('DPR');
    expect(dpr.orgs).toEqual(['Facebook']);
  });

  it('resolves a reference link whose definition is in another chunk', () => {
    const dpr = byTitle('Dense Passage');
    expect(dpr.links.map((l) => [l.kind, l.url, l.local])).toEqual([
      ['reference', 'https://arxiv.org/abs/2004.04906', false],
      ['inline', 'notes/dpr.md', true],
    ]);
  });

  it('parses spaced and multi-word heading parts', () => {
    expect(byTitle('Spaced')).toMatchObject({ venue: 'OSDI', year: 2022, orgs: ['UC Berkeley', 'Google Research'] });
    expect(byTitle('Many Orgs')).toMatchObject({ alias: 'MO', venue: 'NeurIPS', year: 2023, orgs: ['BJTU', 'Baidu'] });
    expect(byTitle('Welder')).toMatchObject({ venue: null, year: null, orgs: [] });
  });

  it('finds English and Chinese TODO markers', () => {
    expect(byTitle('ColBERT').todos.map((t) => t.marker)).toEqual(['待补充']);
    expect(byTitle('Many Orgs').todos.map((t) => t.marker)).toEqual(['FIXME']);
  });

  it('keeps an empty section as a section', () => {
    expect(digest.sections.find((s) => s.title === 'Empty Section')).toBeDefined();
    expect(digest.entries.filter((e) => e.section === 'Empty Section')).toEqual([]);
  });

  it('strips an ATX closing sequence and marks stubs', () => {
    expect(byTitle('Trailing Colon').stub).toBe(true);
    expect(byTitle('Title')).toMatchObject({ title: 'Title', stub: false });
  });
});

describe('line endings, BOM and odd files', () => {
  it('parses CRLF like LF, with LF notes and CRLF recorded', () => {
    const crlf = parse(fixture('crlf.md'));
    const lf = parse(fixture('crlf.md').replace(/\r\n/g, '\n'));
    expect(crlf.files[0]!.eol).toBe('\r\n');
    const strip = (d: typeof crlf) => d.entries.map(({ title, alias, venue, year, orgs, notes, line, endLine, todos }) => ({ title, alias, venue, year, orgs, notes, line, endLine, todos: todos.map((t) => t.line) }));
    expect(strip(crlf)).toEqual(strip(lf));
    expect(crlf.entries[0]!.notes).toBe('- line one\n- line two');
  });

  it('parses a BOM like no BOM and keeps offsets on the text with it', () => {
    const text = fixture('bom.md');
    const digest = parse(text);
    expect(digest.files[0]!.bom).toBe(true);
    expect(digest.sections[0]!.title).toBe('Only Section');
    expect(digest.entries[0]).toMatchObject({ title: 'BOM Paper', venue: 'ICLR', year: 2022, line: 2 });
    expect(text.slice(digest.entries[0]!.heading.rawOffset, digest.entries[0]!.heading.end)).toBe("BOM Paper[ICLR'22][Meta]");
  });

  it('reads a file without a final newline to its last character', () => {
    const text = fixture('no-final-newline.md');
    const digest = parse(text);
    expect(digest.files[0]!.finalNewline).toBe(false);
    expect(digest.entries[0]!.notes).toBe('- last line without newline');
    expect(digest.entries[0]!.range.end).toBe(text.length);
  });

  it('treats an empty file as an empty store', () => {
    expect(parse('')).toMatchObject({ sections: [], entries: [], diagnostics: [] });
  });

  it('skips front matter', () => {
    const digest = parse(fixture('front-matter.md'));
    expect(digest.entries.map((e) => e.title)).toEqual(['Real Entry']);
  });

  it('reports an unclosed fence and a broken heading as diagnostics, not exceptions', () => {
    const digest = parse("## S\n### A[KDD'18\n```\n### hidden\n");
    expect(digest.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['unclosed-fence', 3],
      ['heading-unbalanced-bracket', 2],
    ]);
    expect(digest.entries.map((e) => e.title)).toEqual(['A']);
  });

  it('reads `###Title` as an entry, with a diagnostic', () => {
    const digest = parse('## S\n###Title[KDD\'18]\n- x\n');
    expect(digest.entries[0]).toMatchObject({ title: 'Title', venue: 'KDD' });
    expect(digest.diagnostics.map((d) => d.code)).toEqual(['heading-missing-space']);
  });

  it('does not take `#hashtag` or 4-space-indented hashes for headings', () => {
    const digest = parse('## S\n### A\n#hashtag\n    ### indented code\n');
    expect(digest.entries).toHaveLength(1);
    expect(digest.entries[0]!.notes).toBe('#hashtag\n    ### indented code');
  });

  it('gives duplicate ids a counter', () => {
    const digest = parse("## S\n### Same[KDD'18]\n### Same[KDD'18]\n### Same[KDD'18]\n");
    expect(digest.entries.map((e) => e.id)).toEqual(['same-2018', 'same-2018-2', 'same-2018-3']);
  });

  it('without a markdown parser, extracts no links but everything else', () => {
    const digest = buildStore([parseDigest('## S\n### A\n- [x](y.md)\n', 'a.md')]);
    expect(digest.entries[0]!.links).toEqual([]);
    expect(digest.entries[0]!.notes).toBe('- [x](y.md)');
  });
});

describe('papers grouped by year', () => {
  it("gives a paper without a year its section's year, when the section is a year", () => {
    const text = "## 2023\n\n### Whisper\n- a\n\n### Older One[ICML'21]\n- b\n\n## 2023 plans\n\n### Later\n- c\n\n## Before 2016\n\n### Old\n- d\n";
    expect(parse(text).entries.map((e) => [e.title, e.year])).toEqual([
      ['Whisper', 2023],
      ['Older One', 2021],
      ['Later', null],
      ['Old', null],
    ]);
  });
});

describe('a shortcut reference whose definition is elsewhere in the file', () => {
  it.each([
    ['above the first section', '[ref]: https://example.org\n# Digest\n\n## S\n### Dount\n- [ref]\n'],
    ['under the title', '# Digest\n\n[ref]: https://example.org\n\n## S\n### Dount\n- [ref]\n'],
    ['in another entry', '## S\n### A\n- a\n\n[ref]: https://example.org\n### Dount\n- see [Ref]\n'],
  ])('is a link when the definition is %s', (_, text) => {
    const dount = parse(text).entries.find((e) => e.title === 'Dount')!;
    expect(dount.links.map((l) => [l.url, l.kind])).toEqual([['https://example.org', 'reference']]);
  });

  it('is no link without a definition of its label', () => {
    const dount = parse('[other]: https://example.org\n## S\n### Dount\n- [ref]\n').entries[0]!;
    expect(dount.links).toEqual([]);
  });
});
