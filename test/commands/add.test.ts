import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { memoryIo, run, type MemoryIoOptions } from '../helpers/memory-io.js';
import { fixtureText, SEED, seedFiles } from '../helpers/seed.js';
import { decode, insertedBlock, watchFile } from '../helpers/written.js';

const DIGEST = '/work/notes/papers.md';
const seedIo = (options: MemoryIoOptions = {}) => memoryIo(seedFiles(), options);
const DIEN = ['--title', 'Deep Interest Evolution Network', '--alias', 'DIEN', '--venue', "AAAI'19", '--org', 'Ali', '--section', 'recsys'];

describe('papers add', () => {
  it('adds before a directive that ends the section, so it still applies to the next section', async () => {
    const text = "## S\n### A[KDD'18][X]\n- a\n\n<!-- papers-lint-disable-next-line no-empty-section -->\n## Empty\n";
    const io = memoryIo({ '/w/notes/d.md': text }, { cwd: '/w' });
    expect((await run(io, 'lint')).code).toBe(0);
    const r = await run(io, 'add', '--title', 'New', '--venue', "KDD'20", '--org', 'X', '--section', 'S', '--note', 'n');
    expect(r).toMatchObject({ code: 0, stdout: 'new-2020 notes/d.md:5\n' });
    expect(decode(io.files.get('/w/notes/d.md'))).toBe(text.replace('- a\n', "- a\n\n### New[KDD'20][X]\n- n\n"));
    const lint = await run(memoryIo({ '/w/notes/d.md': io.files.get('/w/notes/d.md')! }, { cwd: '/w' }), 'lint', '--format', 'unix');
    expect(lint).toMatchObject({ code: 0, stdout: '' });
  });

  it('inserts the entry at the end of the section, in the digest\'s style, and nothing else', async () => {
    const io = seedIo();
    const r = await run(io, 'add', ...DIEN, '--note', '用 GRU 建模兴趣演化', '--note', 'AUGRU');
    expect(r).toEqual({ code: 0, stdout: 'dien-2019 notes/papers.md:50\n', stderr: 'papers: added "Deep Interest Evolution Network" to 推荐系统\n' });
    const after = decode(io.files.get(DIGEST));
    insertedBlock(SEED, after);
    // After DIN's last note (line 47), two blank lines as this section has them, before the blank lines leading to "##".
    expect(after.split('\n').slice(46, 56)).toEqual([
      SEED.split('\n')[46],
      '',
      '',
      "### Deep Interest Evolution Network(DIEN)[AAAI'19][Ali]",
      '- 用 GRU 建模兴趣演化',
      '- AUGRU',
      '',
      '',
      '## 系统、编译器设计、优化',
      '',
    ]);
    expect(after.length).toBe(SEED.length + "\n\n### Deep Interest Evolution Network(DIEN)[AAAI'19][Ali]\n- 用 GRU 建模兴趣演化\n- AUGRU\n".length);
    expect(io.atomicWrites).toEqual([DIGEST]);
    const shown = await run(memoryIo({ ...seedFiles(), [DIGEST]: after }), 'show', 'dien', '--json');
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'dien-2019', section: '推荐系统', venue: 'AAAI', year: 2019, orgs: ['Ali'], line: 50 });
  });

  it('adds to the last section of a digest without a final newline, and adds none', async () => {
    const io = seedIo();
    const r = await run(io, 'add', '--title', 'TrOCR', '--venue', "AAAI'23", '--org', 'Microsoft', '--section', 'ocr', '--note', 'Transformer OCR');
    expect(r.stdout).toBe('trocr-2023 notes/papers.md:150\n');
    const after = decode(io.files.get(DIGEST));
    expect(insertedBlock(SEED, after)).toEqual({ at: SEED.length, text: "\n\n\n### TrOCR[AAAI'23][Microsoft]\n- Transformer OCR" });
    expect(after.endsWith('- Transformer OCR')).toBe(true);
  });

  it('prints the entry as JSON with --json', async () => {
    const r = await run(seedIo(), 'add', ...DIEN, '--note', 'see [paper](https://arxiv.org/abs/1809.03672)', '--json');
    expect(r.code).toBe(0);
    const entry = JSON.parse(r.stdout);
    expect(entry).toMatchObject({ id: 'dien-2019', title: 'Deep Interest Evolution Network', alias: 'DIEN', file: 'notes/papers.md', line: 50, notes: '- see [paper](https://arxiv.org/abs/1809.03672)', stub: false });
    expect(entry.links).toMatchObject([{ url: 'https://arxiv.org/abs/1809.03672', text: 'paper', kind: 'inline', line: 51 }]);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const io = seedIo();
    const file = watchFile(io, DIGEST);
    const r = await run(io, 'add', ...DIEN, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/notes/papers.md\n+++ b/notes/papers.md\n@@ -47,6 +47,9 @@\n');
    expect(r.stdout).toContain("\n+### Deep Interest Evolution Network(DIEN)[AAAI'19][Ali]\n");
    expect(r.stderr).toBe('papers: dry run; nothing written (the entry would go to notes/papers.md:50)\n');
    file.unchanged();
  });

  it('creates a section at the end of the digest with --new-section', async () => {
    const io = seedIo();
    const r = await run(io, 'add', '--title', 'Attention Is All You Need', '--venue', 'NeurIPS', '--year', '2017', '--org', 'Google', '--new-section', 'NLP 自然语言');
    expect(r.stdout).toBe('attention-is-all-2017 notes/papers.md:152\n');
    expect(r.stderr).toBe('papers: added "Attention Is All You Need" to the new section NLP 自然语言\n');
    const after = decode(io.files.get(DIGEST));
    expect(insertedBlock(SEED, after).text).toBe("\n\n\n## NLP 自然语言\n\n### Attention Is All You Need[NeurIPS'17][Google]");
    const sections = await run(memoryIo({ ...seedFiles(), [DIGEST]: after }), 'sections', '--json');
    expect(JSON.parse(sections.stdout).sections.at(-1)).toMatchObject({ index: 6, title: 'NLP 自然语言', count: 1 });
  });

  it('keeps CRLF line endings and a BOM', async () => {
    const crlf = memoryIo({ '/work/notes/p.md': fixtureText('add/crlf.before.md') });
    await run(crlf, 'add', '--title', 'Fourth', '--venue', "ICML'22", '--section', 'section b', '--note', 'n');
    expect(decode(crlf.files.get('/work/notes/p.md'))).toBe(`${fixtureText('add/crlf.before.md')}\r\n### Fourth[ICML'22]\r\n- n\r\n`);
    const bom = memoryIo({ '/work/notes/p.md': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('## A\n### One[KDD\'19]\n')]) });
    await run(bom, 'add', '--title', 'Two', '--section', 'a');
    expect(decode(bom.files.get('/work/notes/p.md'))).toBe("\uFEFF## A\n### One[KDD'19]\n\n### Two\n");
  });

  it('takes notes from a file or standard input, one per line', async () => {
    const io = seedIo({ stdin: '- 第一条\n\n第二条\r\n' });
    await run(io, 'add', ...DIEN, '--note', 'from the option', '--notes-file', '-');
    expect(decode(io.files.get(DIGEST))).toContain("### Deep Interest Evolution Network(DIEN)[AAAI'19][Ali]\n- from the option\n- 第一条\n- 第二条\n");
    const fromFile = memoryIo({ ...seedFiles(), '/work/n.txt': '* a\n* b\n' });
    await run(fromFile, 'add', ...DIEN, '--notes-file', 'n.txt');
    expect(decode(fromFile.files.get(DIGEST))).toContain("[Ali]\n- a\n- b\n");
  });

  it('writes a sure misspelling as lint --fix would, and warns about a guess, adding it as given', async () => {
    const io = seedIo();
    const r = await run(io, 'add', '--title', 'X Paper', '--venue', "Arivx'21", '--section', 'ocr');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('papers: writing the venue "Arivx" as "arXiv", a misspelling of it\n');
    expect(decode(io.files.get(DIGEST))).toMatch(/### X Paper\[arXiv'21\]$/);
    // Said once the entry is written, never before a refusal.
    const refused = await run(seedIo(), 'add', '--title', 'X Paper', '--venue', "Arivx'21", '--section', 'nosuch');
    expect(refused.code).toBe(2);
    expect(refused.stderr).not.toContain('writing the venue');
    const guess = seedIo();
    const g = await run(guess, 'add', '--title', 'X Paper', '--venue', "COLM'24", '--section', 'ocr');
    expect(g.stderr).toContain('papers: warning: "COLM" is not a known venue; did you mean "COLT"? (written as given)\n');
    expect(decode(guess.files.get(DIGEST))).toMatch(/### X Paper\[COLM'24\]$/);
    const variant = seedIo();
    const v = await run(variant, 'add', '--title', 'Y Paper', '--venue', 'neurips', '--year', '2020', '--section', 'ocr');
    expect(v.stderr).toContain('papers: writing the venue "neurips" as "NeurIPS", its registered spelling\n');
    expect(decode(variant.files.get(DIGEST))).toMatch(/### Y Paper\[NeurIPS'20\]$/);
  });

  it('adds a duplicate only with --force', async () => {
    const io = seedIo();
    const r = await run(io, 'add', '--title', 'deep interest network for click-through rate prediction!', '--section', 'ocr', '--force');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('deep-interest-network notes/papers.md:150\n');
    expect(r.stderr).toBe('papers: added "deep interest network for click-through rate prediction!" to OCR 文字识别\n');
  });

  describe('refuses bad input with exit 2, the file untouched', () => {
    it.each([
      [['--title', '', '--section', 'ocr'], 'papers: --title: must not be empty (nothing was added; see papers add --help)'],
      [['--title', 'two\nlines', '--section', 'ocr'], 'papers: --title: must be one line; it holds a line break (nothing was added; see papers add --help)'],
      [['--title', '## Heading', '--section', 'ocr'], 'papers: --title: starts with "#", which would change the heading\'s level (nothing was added; see papers add --help)'],
      [['--title', 'Foo (bar', '--section', 'ocr'], 'papers: --title: has unbalanced parentheses; "(" and ")" must pair up (nothing was added; see papers add --help)'],
      [['--title', 'Foo [bar]', '--section', 'ocr'], 'papers: --title: holds "[", which would start the venue and organisation brackets (nothing was added; see papers add --help)'],
      [['--title', 'Bell\u0007', '--section', 'ocr'], 'papers: --title: holds the control character U+0007 (BEL) (nothing was added; see papers add --help)'],
      [['--title', 'T', '--alias', 'A(B)', '--section', 'ocr'], 'papers: --alias: holds "("; an alias is a short name like DIN (nothing was added; see papers add --help)'],
      [['--title', 'T', '--note', '# a heading', '--section', 'ocr'], 'papers: note 1 ("# a heading"): starts with "#", which would start a heading (nothing was added; see papers add --help)'],
      [['--title', 'T', '--note', 'ok', '--note', 'a\nb', '--section', 'ocr'], 'papers: note 2 ("a\\nb"): must be one line; it holds a line break (nothing was added; see papers add --help)'],
      [['--title', 'T', '--org', 'Ali,Google', '--section', 'ocr'], 'papers: --org "Ali,Google": holds ",", which would split it into two organisations; give the option once per organisation (nothing was added; see papers add --help)'],
      [['--title', 'T', '--org', 'Ali]', '--section', 'ocr'], 'papers: --org "Ali]": holds "]", which would break the heading\'s brackets (nothing was added; see papers add --help)'],
      [['--title', 'T', '--year', '1949', '--section', 'ocr'], 'papers: --year: 1949 is outside 1950..2026 (nothing was added; see papers add --help)'],
      [['--title', 'T', '--venue', "KDD'2027", '--section', 'ocr'], 'papers: --venue: 2027 is outside 1950..2026 (nothing was added; see papers add --help)'],
      [['--title', 'T', '--venue', "KDD'18", '--year', '2019', '--section', 'ocr'], 'papers: --year: 2019 disagrees with the venue\'s year 2018; give the year once (nothing was added; see papers add --help)'],
      [
        ['--title', 'T', '--venue', 'MyConf', '--section', 'ocr'],
        'papers: --venue: "MyConf" has no year; give the year (a heading names a venue with it: MyConf\'YY) (nothing was added; see papers add --help)',
      ],
      [
        // One rule for a known venue too (it used to be written as [OSDI], which lint flags at once).
        ['--title', 'T', '--venue', 'osdi', '--section', 'ocr'],
        'papers: --venue: "osdi" has no year; give the year (a heading names a venue with it: osdi\'YY) (nothing was added; see papers add --help)',
      ],
      [['--title', 'DIN', '--alias', 'din', '--section', 'ocr'], "papers: the alias \"din\" is already in the digest: notes/papers.md:45 Deep Interest Network for Click-Through Rate Prediction(DIN)[KDD'18][Ali] (nothing was added; use --force to add it anyway)"],
      [
        ['--title', 'ＴＶＭ: An Automated End-to-End Optimizing Compiler for Deep Learning', '--section', 'ocr'],
        "papers: \"ＴＶＭ: An Automated End-to-End Optimizing Compiler for Deep Learning\" is already in the digest: notes/papers.md:52 TVM: an automated end-to-end optimizing compiler for deep learning[OSDI'18][UW] (nothing was added; use --force to add it anyway)",
      ],
      [['--title', 'T', '--section', 'nope'], 'papers: no section matches "nope"; the sections are:\n  1.  ir         信息检索、搜索          (4)\n  2.  recsys     推荐系统                (4)\n  3.  systems    系统、编译器设计、优化  (9)\n  4.  model-opt  模型优化                (1)\n  5.  ocr        OCR 文字识别            (6)\n(use a slug, part of the heading, or the number)'],
      [['--title', 'T', '--section', 'ocr', '--new-section', 'X'], 'papers: --section and --new-section both given (give one: an existing section, or the heading of a new one)'],
      [['--title', 'T', '--new-section', 'ocr 文字识别'], 'papers: section "OCR 文字识别" already exists (notes/papers.md:118) (add to it with --section "OCR 文字识别")'],
      [['--title', 'T', '--new-section', '# Top'], 'papers: --new-section: starts with "#", which would change the heading\'s level (give the heading text of the new section)'],
      [['--section', 'ocr'], 'papers: missing --title (pass every field as an option, or run papers add on a terminal)'],
      [['--title', 'T'], 'papers: missing --section (or --new-section) (pass every field as an option, or run papers add on a terminal)'],
      [['--title', 'T', '--notes-file', '-'], 'papers: missing --section (or --new-section) (with --notes-file - standard input holds the notes, so papers cannot ask; pass them as options)'],
      [['--title', 'T', '--section', 'ocr', '--edit'], 'papers: --edit needs a terminal (pass every field as an option, or run papers add on a terminal)'],
      [['--title', 'T', '--section', 'ocr', '--notes-file', 'missing.txt'], 'papers: cannot read missing.txt: ENOENT: /work/missing.txt (check the file and its permissions)'],
    ])('%j', async (args, message) => {
      const io = seedIo();
      const file = watchFile(io, DIGEST);
      const r = await run(io, 'add', ...args);
      expect(r.stderr).toBe(`${message}\n`);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(io.asked).toEqual([]);
      file.unchanged();
    });
  });

  describe('on a terminal', () => {
    it('asks for what is missing: title, section from a list, venue, organisations, notes', async () => {
      const io = seedIo({ tty: true, answers: ['Deep Interest Evolution Network', '推荐系统', "AAAI'19", 'Ali, CMU', '第一条', ''] });
      const r = await run(io, 'add');
      expect(io.asked).toEqual(['Title', 'Section', "Venue, e.g. KDD'18 (empty for none)", 'Organisations, comma-separated (empty for none)', 'Note 1 (empty to finish)', 'Note 2 (empty to finish)']);
      expect(r.stdout).toBe('deep-interest-evolution-2019 notes/papers.md:50\n');
      expect(decode(io.files.get(DIGEST))).toContain("\n### Deep Interest Evolution Network[AAAI'19][Ali,CMU]\n- 第一条\n\n\n## 系统");
    });

    it('asks only for what was not given, a year when the venue has none, and can start a section', async () => {
      const io = seedIo({ tty: true, answers: ['\u0000new', 'NLP', '2017', '', ''] });
      const r = await run(io, 'add', '--title', 'Transformer', '--venue', 'NeurIPS');
      expect(io.asked).toEqual(['Section', 'New section heading', 'Year of NeurIPS', 'Organisations, comma-separated (empty for none)', 'Note 1 (empty to finish)']);
      expect(r.code).toBe(0);
      expect(decode(io.files.get(DIGEST)).endsWith("\n\n\n## NLP\n\n### Transformer[NeurIPS'17]")).toBe(true);
    });

    it('asks a venue given without its year for the year, and does not take an empty answer', async () => {
      const io = seedIo({ tty: true, answers: ['OCR 文字识别', ''] });
      const file = watchFile(io, DIGEST);
      // The scripted terminal throws where a real one would ask again.
      const r = await run(io, 'add', '--title', 'T', '--venue', 'OSDI');
      expect(r.stderr).toContain('scripted answer "" to "Year of OSDI" is invalid: OSDI needs its year');
      file.unchanged();
      expect(io.asked).toEqual(['Section', 'Year of OSDI']);
    });

    it('lists sections holding control characters escaped, and adds to the section as written', async () => {
      const fixture = fixtureText('digest/control-chars.md');
      const io = memoryIo({ 'notes/papers.md': fixture }, { tty: true, answers: ['Evil\u001b[2J Section', "OSDI'23", 'Google', 'a note', ''] });
      const shown: string[] = [];
      const select = io.prompt.select;
      io.prompt.select = async (q) => {
        shown.push(...q.choices.map((c) => c.name));
        return select(q);
      };
      const r = await run(io, 'add', '--title', 'Clean Paper');
      expect(r.code).toBe(0);
      expect(shown[0]).toBe('Evil\\x1b[2J Section [evil-2j-section] · 3');
      expect(r.stderr).toBe('papers: added "Clean Paper" to Evil\\x1b[2J Section\n');
      expect(decode(io.files.get(DIGEST))).toContain("- csi note\n\n### Clean Paper[OSDI'23][Google]\n- a note\n");
    });

    it('asks nothing when every required field is given', async () => {
      const io = seedIo({ tty: true });
      expect((await run(io, 'add', '--title', 'T', '--section', 'ocr')).code).toBe(0);
      expect(io.asked).toEqual([]);
    });

    it('exits 130 and writes nothing when a question is cancelled', async () => {
      const io = seedIo({ tty: true });
      io.prompt.input = async () => {
        throw new CancelledError('cancelled; nothing was written');
      };
      const file = watchFile(io, DIGEST);
      const r = await run(io, 'add');
      expect(r).toMatchObject({ code: 130, stderr: 'papers: cancelled; nothing was written\n' });
      file.unchanged();
    });

    it('--edit adds what is saved in the editor', async () => {
      const io = seedIo({
        tty: true,
        editor: (t) => t.replace(/^title: $/m, 'title: Edited Paper').replace(/^venue: $/m, "venue: ICLR'24").replace(/^notes \(one per line\):\n/m, 'notes (one per line):\n第一条\n- 第二条\n'),
      });
      const r = await run(io, 'add', '--section', 'ocr', '--org', 'Meta', '--edit');
      expect(io.edited[0]).toContain('\nsection: ocr\n');
      expect(io.edited[0]).toContain('\norgs: Meta\n');
      expect(r.code).toBe(0);
      expect(decode(io.files.get(DIGEST)).endsWith("### Edited Paper[ICLR'24][Meta]\n- 第一条\n- 第二条")).toBe(true);
    });

    it('--edit adds nothing when the template comes back unchanged or without a title', async () => {
      for (const editor of [(t: string) => t, () => '', (t: string) => t.replace(/^venue: $/m, "venue: KDD'18")]) {
        const io = seedIo({ tty: true, editor });
        const file = watchFile(io, DIGEST);
        const r = await run(io, 'add', '--edit');
        expect(r).toEqual({ code: 0, stdout: '', stderr: 'papers: no entry saved; nothing added\n' });
        file.unchanged();
      }
    });

    it('--edit shows what was saved when it cannot be added', async () => {
      const io = seedIo({ tty: true, editor: (t) => t.replace(/^title: $/m, 'title: Bad [title').replace(/^section: $/m, 'section: ocr') });
      const file = watchFile(io, DIGEST);
      const r = await run(io, 'add', '--edit');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('papers: what you saved:\n# papers add:');
      expect(r.stderr).toContain('\ntitle: Bad [title\n');
      expect(r.stderr).toMatch(/papers: --title: holds "\[", which would start the venue and organisation brackets \(nothing was added; see papers add --help\)\n$/);
      file.unchanged();
    });
  });

  describe('a folder digest', () => {
    const folder = () =>
      memoryIo({
        '/work/notes/a.md': "## A\n### Alpha[KDD'18]\n- a\n\n## B\n### Beta[KDD'19]\n- b\n",
        '/work/notes/b.md': "## B\n### Gamma[ACL'20]\n- c\n\n## C\n### Delta[ACL'21]\n",
      });

    it('writes to the file that holds the section (its last occurrence)', async () => {
      const io = folder();
      const r = await run(io, 'add', '--title', 'Epsilon', '--section', 'b');
      expect(r.stdout).toBe('epsilon notes/b.md:5\n');
      expect(decode(io.files.get('/work/notes/a.md'))).toBe("## A\n### Alpha[KDD'18]\n- a\n\n## B\n### Beta[KDD'19]\n- b\n");
      expect(decode(io.files.get('/work/notes/b.md'))).toBe("## B\n### Gamma[ACL'20]\n- c\n\n### Epsilon\n\n## C\n### Delta[ACL'21]\n");
      expect(io.atomicWrites).toEqual(['/work/notes/b.md']);
    });

    it('refuses an entry a code fence left open would swallow, naming the fence, and writes nothing', async () => {
      const text = "## A\n### Alpha[KDD'18]\n- a\n```\ncode\n## B\n### Beta[KDD'19]\n";
      const io = memoryIo({ '/work/notes/papers.md': text });
      const file = watchFile(io, DIGEST);
      const r = await run(io, 'add', '--title', 'Gamma', '--venue', "ACL'20", '--section', 'a');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'papers: the change to notes/papers.md did not check out: expected one more entry after adding one, found none; nothing was written (Unclosed code fence "```", expected a closing fence; headings after it are read as code (line 4); fix that first)\n',
      );
      expect(r.stdout).toBe('');
      file.unchanged();
    });

    it('leaves the cache as a fresh read of both files gives it, after adds into the second file', async () => {
      const io = folder();
      await run(io, 'list');
      for (const title of ['Epsilon', 'Zeta']) expect((await run(io, 'add', '--title', title, '--venue', "ACL'22", '--section', 'b')).code).toBe(0);
      // What one run prints (the in-memory stdout holds every run's).
      const printed = async (...argv: string[]) => {
        const before = io.stdoutText().length;
        await run(io, ...argv);
        return io.stdoutText().slice(before);
      };
      const warm = await printed('list', '--json');
      expect(await printed('--no-cache', 'list', '--json')).toBe(warm);
      expect((JSON.parse(warm) as Array<{ title: string; line: number; file: string }>).map((e) => `${e.title} ${e.file}:${e.line}`)).toEqual([
        'Alpha notes/a.md:2',
        'Beta notes/a.md:6',
        'Gamma notes/b.md:2',
        'Epsilon notes/b.md:5',
        'Zeta notes/b.md:7',
        'Delta notes/b.md:10',
      ]);
    });

    it('refuses a title from another file, and starts a new section in the last file', async () => {
      const io = folder();
      expect((await run(io, 'add', '--title', 'alpha', '--section', 'c')).stderr).toContain('is already in the digest: notes/a.md:2');
      const r = await run(io, 'add', '--title', 'Zeta', '--new-section', 'D');
      expect(r.stdout).toContain('zeta notes/b.md:9');
      expect(decode(io.files.get('/work/notes/b.md')).endsWith("### Delta[ACL'21]\n\n## D\n### Zeta\n")).toBe(true);
    });
  });
});
