import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../src/bibtex/read.js';
import { venueFromBibtex } from '../../src/bibtex/venue.js';
import type { Entry } from '../../src/store/schema.js';
import { createVenueRegistry } from '../../src/store/venues.js';
import { memoryIo, run } from '../helpers/memory-io.js';
import { SEED, seedFiles } from '../helpers/seed.js';
import { decode, watchFile } from '../helpers/written.js';

const DIGEST = '/work/notes/papers.md';
const seedIo = () => memoryIo(seedFiles());
const listed = async (...filters: string[]): Promise<Entry[]> => JSON.parse((await run(seedIo(), 'list', '--json', ...filters)).stdout);

/** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`);
    else field += ch;
  }
  if (field !== '' || row.length) throw new Error('last record not ended by CRLF');
  return rows;
}

describe('papers export', () => {
  it('writes the shipped digest as BibTeX, with the count and the entries lacking a venue or year on stderr', async () => {
    const r = await run(seedIo(), 'export');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('papers: exported 24 entries as BibTeX; 3 lacked a venue or year (written as @misc)\n');
    expect(r.stdout).toContain(
      [
        '@inproceedings{din-2018,',
        '  title       = {{Deep} {Interest} {Network} for {Click-Through} {Rate} {Prediction}},',
        '  shorttitle  = {{DIN}},',
        '  booktitle   = {ACM SIGKDD International Conference on Knowledge Discovery and Data Mining},',
        '  year        = {2018},',
        '  institution = {Ali}',
        '}',
      ].join('\n'),
    );
    // arXiv (here written "Arxiv" and misspelled "Arivx" in the digest), a workshop, an entry without venue or year.
    expect(r.stdout).toContain('@article{dcn-2017,\n  title         = {{Deep} \\& {Cross} {Network} for {Ad} {Click} {Predictions}},\n  shorttitle    = {{DCN}},\n  journal       = {arXiv preprint},\n  year          = {2017},\n  eprinttype    = {arXiv},\n  archivePrefix = {arXiv},\n  institution   = {google}\n}');
    expect(r.stdout).toContain('@article{bring-your-own-2021,\n');
    expect(r.stdout).toContain('  booktitle   = {Workshop on Deep Learning for Recommender Systems},');
    expect(r.stdout).toMatch(/@misc\{welder,\n {2}title = \{\{Welder:\} \{Scheduling\} \{Deep\} \{Learning\} \{Memory\} \{Access\} via \{Tile-graph\}\}\n\}\n/);
    expect(r.stdout).toContain('@inproceedings{svtr-2022,');
    expect(r.stdout).toContain('  institution = {BJTU and Baidu}');
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('is read back by citation-js with the same keys, titles, years and venues (round trip)', async () => {
    const entries = await listed();
    const r = await run(seedIo(), 'export');
    const back = readBibtex(r.stdout);
    const venues = createVenueRegistry();
    expect(back.map((b) => b.key)).toEqual(entries.map((e) => e.id));
    expect(new Set(back.map((b) => b.key)).size).toBe(entries.length);
    expect(back.map((b) => b.fields.title)).toEqual(entries.map((e) => e.title));
    expect(back.map((b) => (b.fields.year === undefined ? null : Number(b.fields.year)))).toEqual(entries.map((e) => e.year));
    expect(back.map((b) => venueFromBibtex(b, venues).venue)).toEqual(entries.map((e) => e.venue));
    expect(back.map((b) => b.fields.shorttitle ?? null)).toEqual(entries.map((e) => e.alias));
  });

  it('round-trips through add --bibtex into an empty digest: the same titles, venues and years', async () => {
    for (const extra of [[], ['--ascii'], ['--with-notes']]) {
      const bib = (await run(seedIo(), 'export', ...extra)).stdout;
      const io = memoryIo({ '/w/notes/papers.md': '# Empty\n', '/w/refs.bib': bib }, { cwd: '/w' });
      const added = await run(io, 'add', '--bibtex', 'refs.bib', '--new-section', 'Imported');
      expect(added.code, added.stderr).toBe(0);
      expect(added.stderr).toMatch(/papers: added 24 entries to the new section Imported\n$/);
      const after: Entry[] = JSON.parse((await run(memoryIo({ '/w/notes/papers.md': io.files.get('/w/notes/papers.md')! }, { cwd: '/w' }), 'list', '--json')).stdout);
      const want = await listed();
      expect(after.map((e) => [e.title, e.venue, e.year])).toEqual(want.map((e) => [e.title, e.venue, e.year]));
      // Aliases come back from shorttitle (and a one-word "Name:" prefix adds one).
      for (const [i, e] of want.entries()) if (e.alias) expect(after[i]!.alias).toBe(e.alias);
    }
  });

  it('takes a pinyin slug or its initials for --section, as list does, in a digest without a config', async () => {
    const bare = () => memoryIo({ [DIGEST]: SEED });
    const keys = async (...args: string[]) => readBibtex((await run(bare(), 'export', ...args)).stdout).map((b) => b.key);
    const ids = (await listed('--section', 'recsys')).map((e) => e.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(await keys('--section', 'tuijian-xitong')).toEqual(ids);
    // Its initials, and the pinyin typed without the hyphen, as list takes them.
    expect(await keys('--section', 'tjxt')).toEqual(ids);
    expect(await keys('--section', 'tuijian')).toEqual(ids);
    expect(await keys('--query', 'section:tjxt')).toEqual(ids);
    const unknown = await run(bare(), 'export', '--section', 'recsys');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^papers: no section matches "recsys"; the sections are:\n.*tuijian-xitong/s);
  });

  it('exports the entries the list filters select, in file order', async () => {
    const keys = async (...args: string[]) => readBibtex((await run(seedIo(), 'export', ...args)).stdout).map((b) => b.key);
    expect(await keys('--section', 'recsys')).toEqual((await listed('--section', 'recsys')).map((e) => e.id));
    expect(await keys('--venue', 'neurips', '--year', '2022')).toEqual(['transformer-memory-differentiable-2022', 'neural-corpus-indexer-2022']);
    expect(await keys('--org', 'bytedance')).toEqual(['lightseq-2021', 'lightseq2-2022']);
    expect(await keys('--venue', 'osdi,sc')).toEqual((await listed('--venue', 'osdi,sc')).map((e) => e.id));
    expect(await keys('--stub')).toEqual((await listed('--stub')).map((e) => e.id));
    expect(await keys('--todo')).toEqual((await listed('--todo')).map((e) => e.id));
  });

  it('exports what a search query finds, with --query or as words, in file order', async () => {
    const keys = async (...args: string[]) => readBibtex((await run(seedIo(), 'export', ...args)).stdout).map((b) => b.key);
    expect(await keys('--query', 'venue:osdi tensor')).toEqual(['tvm-2018', 'ansor-2020', 'ladder-2024']);
    expect(await keys('--', 'venue:osdi', 'tensor')).toEqual(['tvm-2018', 'ansor-2020', 'ladder-2024']);
    expect(await keys('venue:osdi')).toEqual((await listed('--venue', 'osdi')).map((e) => e.id));
    expect(await keys('--section', 'ocr', '--query', 'transformer')).toEqual(['nougat-2024']);
    expect(await keys('--section', 'ocr', '--query', 'tvm')).toEqual([]);
  });

  it('exits 1 with nothing on stdout when nothing matches', async () => {
    expect(await run(seedIo(), 'export', '--venue', 'ICML')).toEqual({ code: 1, stdout: '', stderr: 'papers: no entries match\n' });
    expect(await run(seedIo(), 'export', '--query', 'zzzzqqq')).toMatchObject({ code: 1, stdout: '' });
    expect(await run(seedIo(), 'export', '--format', 'csl-json', '--venue', 'ICML')).toMatchObject({ code: 1, stdout: '[]\n' });
  });

  it('writes CSL-JSON', async () => {
    const r = await run(seedIo(), 'export', '--format', 'csl-json', '--section', 'recsys');
    expect(r.stderr).toBe('papers: exported 4 entries as CSL-JSON\n');
    const items = JSON.parse(r.stdout);
    expect(items[0]).toEqual({
      id: 'wide-deep-learning-2016',
      type: 'paper-conference',
      title: 'Wide & Deep Learning for Recommender Systems',
      issued: { 'date-parts': [[2016]] },
      'container-title': 'Workshop on Deep Learning for Recommender Systems',
      'container-title-short': 'DLRS',
      authority: 'Google',
    });
    expect(items[2]).toMatchObject({ id: 'dcn-2017', type: 'article', 'title-short': 'DCN', 'container-title': 'arXiv preprint', 'container-title-short': 'arXiv' });
    expect(items.every((i: { note?: string }) => i.note === undefined)).toBe(true);
    const withNotes = JSON.parse((await run(seedIo(), 'export', '--format', 'csl-json', '--section', 'recsys', '--with-notes')).stdout);
    expect(withNotes[3].note).toBe((await listed('--section', 'recsys'))[3]!.notes);
    const welder = JSON.parse((await run(seedIo(), 'export', '--format', 'csl-json', '--query', 'welder')).stdout);
    expect(welder).toEqual([{ id: 'welder', type: 'document', title: 'Welder: Scheduling Deep Learning Memory Access via Tile-graph' }]);
  });

  it('writes CSV as RFC 4180: a header, CRLF, quotes where needed', async () => {
    const r = await run(seedIo(), 'export', '--format', 'csv');
    expect(r.stdout.startsWith('id,title,alias,venue,year,orgs,section,file,line,todos,stub\r\n')).toBe(true);
    const rows = parseCsv(r.stdout);
    const entries = await listed();
    expect(rows.slice(1)).toEqual(
      entries.map((e) => [e.id, e.title, e.alias ?? '', e.venue ?? '', e.year === null ? '' : String(e.year), e.orgs.join('; '), e.section ?? '', e.file, String(e.line), String(e.todos.length), String(e.stub)]),
    );
    expect(r.stdout).toContain(',系统、编译器设计、优化,');
    expect(r.stdout).toContain('svtr-2022,SVTR: Scene Text Recognition with a Single Visual Model,,IJCAI,2022,BJTU; Baidu,');
    const withNotes = parseCsv((await run(seedIo(), 'export', '--format', 'csv', '--with-notes')).stdout);
    expect(withNotes[0]!.at(-1)).toBe('notes');
    expect(withNotes.slice(1).map((row) => row.at(-1))).toEqual(entries.map((e) => e.notes));
  });

  it('quotes CSV fields with commas, quotes and line breaks', async () => {
    const io = memoryIo({ '/w/notes/d.md': '## S\n### A "quoted", title[KDD\'18][X]\n- line one\n- line two\n' }, { cwd: '/w' });
    const r = await run(io, 'export', '--format', 'csv', '--with-notes');
    expect(r.stdout.split('\r\n')[1]).toBe('quoted-title-2018,"A ""quoted"", title",,KDD,2018,X,S,notes/d.md,2,0,false,"- line one\n- line two"');
    expect(parseCsv(r.stdout)[1]!.at(-1)).toBe('- line one\n- line two');
  });

  it('writes JSON Lines: one list --json entry per line', async () => {
    const r = await run(seedIo(), 'export', '--format', 'jsonl');
    const lines = r.stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l))).toEqual(await listed());
  });

  it('--with-notes puts the notes in annote; --ascii writes LaTeX and says what it could not', async () => {
    const r = await run(seedIo(), 'export', '--with-notes', '--section', 'ocr');
    expect(r.stdout).toContain('  annote      = {- 介绍了场景文本识别的几种主流结构，分别为：1. CNN+RNN');
    // Markdown's own backslashes are text to LaTeX.
    expect(r.stdout).toContain('2个3\\textbackslash{}*3 stride为2');
    expect(readBibtex(r.stdout).every((b) => b.raw.annote === undefined || !/\n\s*\n/.test(b.raw.annote))).toBe(true);
    const ascii = await run(seedIo(), 'export', '--ascii', '--section', 'ir');
    expect(ascii.stdout).toContain('{{M{\\"o}bius} {Transformation}');
    expect(ascii.stdout).toMatch(/^[\x00-\x7f]*$/);
    expect(ascii.stderr).toBe('papers: exported 4 entries as BibTeX\n');
    const both = await run(seedIo(), 'export', '--ascii', '--with-notes', '--section', 'ocr');
    expect(both.code).toBe(0);
    expect(both.stderr).toMatch(/\npapers: warning: --ascii found no LaTeX for \d+ characters \(.+ …\); they are kept as UTF-8\n$/);
  });

  it('-o writes the file atomically, not stdout', async () => {
    const io = seedIo();
    const r = await run(io, 'export', '-o', 'refs.bib', '--section', 'ocr');
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'papers: exported 6 entries as BibTeX to refs.bib; 2 lacked a venue or year (written as @misc)\n' });
    expect(io.atomicWrites).toEqual(['/work/refs.bib']);
    expect(decode(io.files.get('/work/refs.bib'))).toBe((await run(seedIo(), 'export', '--section', 'ocr')).stdout);
  });

  it('-o never replaces the notes, a folder or a read-only file, and writes nothing when nothing matches', async () => {
    const io = seedIo();
    const notes = watchFile(io, DIGEST);
    expect(await run(io, 'export', '-o', 'notes/papers.md')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'papers: -o notes/papers.md is the notes file notes/papers.md; exporting would replace your notes (write the export to another file)\n',
    });
    expect((await run(io, 'export', '--output', './notes/../notes/papers.md')).code).toBe(2);
    notes.unchanged();
    expect(decode(io.files.get(DIGEST))).toBe(SEED);
    const dirIo = memoryIo(seedFiles(), { dirs: ['/work/out'] });
    expect((await run(dirIo, 'export', '-o', 'out')).stderr).toBe('papers: -o out is a folder (give a file name, e.g. -o refs.bib)\n');
    const ro = memoryIo({ ...seedFiles(), '/work/refs.bib': 'old' }, { replaceProblems: { '/work/refs.bib': { kind: 'read-only', mode: 0o444 } } });
    expect(await run(ro, 'export', '-o', 'refs.bib')).toMatchObject({ code: 2, stderr: 'papers: refs.bib is read-only; nothing was written (chmod u+w refs.bib, or write elsewhere)\n' });
    const keep = memoryIo({ ...seedFiles(), '/work/refs.bib': 'old' });
    expect(await run(keep, 'export', '-o', 'refs.bib', '--venue', 'ICML')).toEqual({ code: 1, stdout: '', stderr: 'papers: no entries match; refs.bib was not written\n' });
    expect(decode(keep.files.get('/work/refs.bib'))).toBe('old');
    expect(keep.atomicWrites).toEqual([]);
  });

  it.each([
    [['--format', 'ris'], 'papers: --format: expected one of "bibtex", "csl-json", "csv", "jsonl" (see --help)\n'],
    [['--format', 'csv', '--ascii'], 'papers: --ascii applies to BibTeX only, not --format csv (leave out --ascii: the other formats are UTF-8)\n'],
    [['--year', '20x'], 'papers: --year: "20x" is not a year, expected 2020 or a range like 2019..2022 (see --help)\n'],
    [['--section', 'nope'], /^papers: no section matches "nope"/],
    [['--query', 'title:x'], /^papers: unknown qualifier "title:"/],
    [['--query', '!!!'], /^papers: nothing to search for in "!!!"/],
  ])('refuses %j (exit 2)', async (args, message) => {
    const r = await run(seedIo(), 'export', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
  });
});

describe('papers export with config venues', () => {
  it('writes a config venue by its full name and kind, and refuses a bad kind', async () => {
    const config = { venues: [{ name: 'MyJ', fullNames: ['Journal of Mine'], kind: 'journal' }] };
    const io = memoryIo({ '/w/notes/d.md': "## S\n### Paper[MyJ'20]\n- n\n", '/w/notes/papers.config.json': JSON.stringify(config) }, { cwd: '/w' });
    const r = await run(io, 'export');
    expect(r.stdout).toBe('@article{paper-2020,\n  title   = {{Paper}},\n  journal = {Journal of Mine},\n  year    = {2020}\n}\n');
    const bad = memoryIo({ '/w/notes/d.md': '## S\n', '/w/notes/papers.config.json': JSON.stringify({ venues: [{ name: 'X', kind: 'workshop' }] }) }, { cwd: '/w' });
    const refused = await run(bad, 'export');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('venues.0.kind: expected one of "conference", "journal", "preprint"');
  });
});
