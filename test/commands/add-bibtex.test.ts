import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/store/schema.js';
import { memoryIo, run, type MemoryIoOptions } from '../helpers/memory-io.js';
import { fixtureText, SEED, seedFiles } from '../helpers/seed.js';
import { decode, insertedBlock, watchFile } from '../helpers/written.js';

const DIGEST = '/work/notes/papers.md';
const bibIo = (bib: Record<string, string>, options: MemoryIoOptions = {}) => memoryIo({ ...seedFiles(), ...bib }, options);
const emptyIo = (bib: Record<string, string>) => memoryIo({ '/w/notes/papers.md': '# Reading\n\n## NLP\n', ...bib }, { cwd: '/w' });
const entriesOf = async (text: string): Promise<Entry[]> => JSON.parse((await run(memoryIo({ '/w/notes/papers.md': text }, { cwd: '/w' }), 'list', '--json')).stdout);

describe('papers add --bibtex', () => {
  it('adds DBLP entries to an empty section: headings only, in order, nothing else changed', async () => {
    const io = emptyIo({ '/w/dblp.bib': fixtureText('bibtex/dblp.bib') });
    const r = await run(io, 'add', '--bibtex', 'dblp.bib', '--section', 'NLP');
    expect(r.code, r.stderr).toBe(0);
    const after = decode(io.files.get('/w/notes/papers.md'));
    expect(after).toBe(
      [
        '# Reading',
        '',
        '## NLP',
        '',
        "### BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding(BERT)[NAACL'19]",
        '',
        "### Attention is All you Need[NeurIPS'17]",
        '',
        "### Deep Residual Learning for Image Recognition[CVPR'16]",
        '',
        "### TVM: An Automated End-to-End Optimizing Compiler for Deep Learning(TVM)[OSDI'18]",
        '',
        "### Donut: Document Understanding Transformer without OCR(Donut)[arXiv'21]",
        '',
        "### An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale[ICLR'21]",
        '',
        "### Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks[TPAMI'17]",
        '',
        "### CodeBERT: A Pre-Trained Model for Programming and Natural Languages(CodeBERT)[EMNLP Findings'20]",
        '',
      ].join('\n'),
    );
    expect(r.stdout.split('\n')).toEqual([
      'bert-2019 notes/papers.md:5',
      'attention-is-all-2017 notes/papers.md:7',
      'deep-residual-learning-2016 notes/papers.md:9',
      'tvm-2018 notes/papers.md:11',
      'donut-2021 notes/papers.md:13',
      'image-is-worth-2021 notes/papers.md:15',
      'faster-r-cnn-2017 notes/papers.md:17',
      'codebert-2020 notes/papers.md:19',
      '',
    ]);
    // The only venue the registry does not know is the one that is not the conference itself.
    expect(r.stderr).toBe(
      'papers: dblp.bib:164 (DBLP:conf/emnlp/FengGTDFGS0LJZ20): warning: "EMNLP Findings" is not a known venue (written as given; add it to papers.config.json "venues" to silence this)\npapers: added 8 entries to NLP\n',
    );
    expect(io.atomicWrites).toEqual(['/w/notes/papers.md']);
  });

  it.each([
    ['arxiv.bib', ["Attention Is All You Need[arXiv'23]", "OCR-free Document Understanding Transformer[arXiv'22]"]],
    [
      'acl-anthology.bib',
      [
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding(BERT)[NAACL'19]",
        "Sentence-BERT: Sentence Embeddings using Siamese BERT-Networks(Sentence-BERT)[EMNLP'19]",
        "Multilingual Denoising Pre-training for Neural Machine Translation[TACL'20]",
        "LightSeq: A High Performance Inference Library for Transformers(LightSeq)[NAACL'21]",
      ],
    ],
    [
      'google-scholar.bib',
      [
        "Attention is all you need[NeurIPS'17]",
        "Deep residual learning for image recognition[CVPR'16]",
        "Donut: Document understanding transformer without ocr(Donut)[arXiv'21]",
        "TVM: An automated End-to-End optimizing compiler for deep learning(TVM)[OSDI'18]",
        "Bert: Pre-training of deep bidirectional transformers for language understanding(Bert)[NAACL'19]",
        "Möbius transformation for fast inner product search on graph[NeurIPS'19]",
      ],
    ],
  ])('reads %s as these headings', async (file, headings) => {
    const io = emptyIo({ [`/w/${file}`]: fixtureText(`bibtex/${file}`) });
    const r = await run(io, 'add', '--bibtex', file, '--section', 'nlp');
    expect(r).toMatchObject({ code: 0, stderr: `papers: added ${headings.length} entries to NLP\n` });
    expect((await entriesOf(decode(io.files.get('/w/notes/papers.md')))).map((e) => e.heading.raw)).toEqual(headings);
  });

  it("adds into the shipped digest in its style, inserting only new bytes, with --org for all", async () => {
    const io = bibIo({ '/work/arxiv.bib': fixtureText('bibtex/arxiv.bib') });
    const r = await run(io, 'add', '--bibtex', 'arxiv.bib', '--section', 'ocr', '--org', 'Google', '--org', 'NAVER');
    expect(r.code, r.stderr).toBe(0);
    const after = decode(io.files.get(DIGEST));
    // The last section; the file has no final newline, and still has none.
    expect(insertedBlock(SEED, after)).toEqual({ at: SEED.length, text: "\n\n\n### Attention Is All You Need[arXiv'23][Google,NAVER]\n\n\n### OCR-free Document Understanding Transformer[arXiv'22][Google,NAVER]" });
    expect(r.stdout).toBe('attention-is-all-2023 notes/papers.md:150\nocr-free-document-understanding-2022 notes/papers.md:153\n');
    const lint = await run(memoryIo({ ...seedFiles(), [DIGEST]: after }), 'lint', '--format', 'unix', '--rule', 'heading-syntax,venue-spelling,no-duplicate-entry');
    expect(lint.stdout).not.toContain(':150:');
    expect(lint.stdout).not.toContain(':153:');
  });

  it('reads standard input, and takes --alias and notes for a single entry', async () => {
    const io = bibIo({}, { stdin: '@article{k, title = {Deep Interest Evolution Network for Click-Through Rate Prediction}, journal = {Proceedings of the AAAI Conference on Artificial Intelligence}, year = {2019}}' });
    const r = await run(io, 'add', '--bibtex', '-', '--section', 'recsys', '--alias', 'DIEN', '--org', 'Ali', '--note', 'GRU 兴趣演化', '--json');
    expect(r.code, r.stderr).toBe(0);
    const [entry] = JSON.parse(r.stdout);
    expect(entry).toMatchObject({ id: 'dien-2019', title: 'Deep Interest Evolution Network for Click-Through Rate Prediction', alias: 'DIEN', venue: 'AAAI', year: 2019, orgs: ['Ali'], notes: '- GRU 兴趣演化', section: '推荐系统' });
    expect(r.stderr).toBe('papers: added 1 entry to 推荐系统\n');
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const io = bibIo({ '/work/a.bib': fixtureText('bibtex/arxiv.bib') });
    const file = watchFile(io, DIGEST);
    const r = await run(io, 'add', '--bibtex', 'a.bib', '--section', 'recsys', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--- a/notes/papers.md\n+++ b/notes/papers.md\n");
    expect(r.stdout).toContain("\n+### Attention Is All You Need[arXiv'23]\n+\n+\n+### OCR-free Document Understanding Transformer[arXiv'22]\n");
    expect(r.stderr).toBe('papers: dry run; nothing written (2 entries would go to notes/papers.md:50-53)\n');
    file.unchanged();
  });

  it('creates a new section for them with --new-section', async () => {
    const io = bibIo({ '/work/a.bib': fixtureText('bibtex/arxiv.bib') });
    const r = await run(io, 'add', '--bibtex', 'a.bib', '--new-section', 'NLP');
    expect(r.code, r.stderr).toBe(0);
    expect(decode(io.files.get(DIGEST)).endsWith("\n\n\n## NLP\n\n### Attention Is All You Need[arXiv'23]\n\n### OCR-free Document Understanding Transformer[arXiv'22]")).toBe(true);
    expect(r.stderr).toBe('papers: added 2 entries to the new section NLP\n');
  });

  it('refuses the whole file when one entry repeats the digest, naming the file, line and key', async () => {
    const io = bibIo({ '/work/acl.bib': fixtureText('bibtex/acl-anthology.bib') });
    const file = watchFile(io, DIGEST);
    const r = await run(io, 'add', '--bibtex', 'acl.bib', '--section', 'systems');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'papers: acl.bib:62 (wang-etal-2021-lightseq): "LightSeq: A High Performance Inference Library for Transformers" is already in the digest: notes/papers.md:75 LightSeq: A High Performance Inference Library for Transformers[NAACL\'21][ByteDance] (nothing was added; use --force to add it anyway)\n',
    });
    file.unchanged();
    // --force adds it anyway.
    const forced = await run(bibIo({ '/work/acl.bib': fixtureText('bibtex/acl-anthology.bib') }), 'add', '--bibtex', 'acl.bib', '--section', 'systems', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('papers: added 4 entries to 系统、编译器设计、优化\n');
  });

  it('refuses a file whose entries repeat each other', async () => {
    const bib = `${fixtureText('bibtex/dblp.bib')}\n${fixtureText('bibtex/google-scholar.bib')}`;
    const io = bibIo({ '/work/both.bib': bib });
    const file = watchFile(io, DIGEST);
    const r = await run(io, 'add', '--bibtex', 'both.bib', '--section', 'ocr');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('papers: 5 of the 14 entries cannot be added:\n');
    expect(r.stderr).toContain('  both.bib:194 (vaswani2017attention): "Attention is all you need" repeats both.bib:25 (DBLP:conf/nips/VaswaniSPUJGKP17)\n');
    expect(r.stderr).toContain('(fix them in the BibTeX, or leave them out (--force adds repeats); nothing was added)\n');
    file.unchanged();
  });

  it.each([
    ['malformed BibTeX', '@article{ok, title={Fine}, year={2020}}\n\n@article{broken,\n  title={Broken {brace},\n  year={2020}\n}\n', 'papers: x.bib:3:1: malformed BibTeX in the entry "broken" (line 3): the entry is never closed: a } is missing (or a brace in a value is unbalanced) (fix the BibTeX; nothing was added)\n'],
    ['a missing comma', '@article{a,\n  title={A}\n  year={2020}\n}', 'papers: x.bib:3:3: malformed BibTeX in the entry "a" (line 1): a field is not followed by a comma (or the entry is not closed) (fix the BibTeX; nothing was added)\n'],
    ['empty input', '', 'papers: x.bib holds no BibTeX entries (expected entries like @article{key, title = {...}, year = {2019}}; nothing was added)\n'],
    ['text that is not BibTeX', 'Attention is all you need. NeurIPS 2017.\n', 'papers: x.bib holds no BibTeX entries (expected entries like @article{key, title = {...}, year = {2019}}; nothing was added)\n'],
    ['only macros', '@string{x = {y}}\n@comment{z}\n', 'papers: x.bib holds no BibTeX entries (expected entries like @article{key, title = {...}, year = {2019}}; nothing was added)\n'],
    ['an unknown entry type', '@artcle{a, title={A}, journal={Nature}, year={2020}}', 'papers: x.bib:1 (a): @artcle is not a BibTeX or biblatex entry type (fix it in the BibTeX, or leave it out (--force adds repeats); nothing was added)\n'],
    ['an entry without title', '@misc{a, year={2020}}', 'papers: x.bib:1 (a): it has no title (fix it in the BibTeX, or leave it out (--force adds repeats); nothing was added)\n'],
    ['a year that is not one', '@misc{a, title={A}, year={forthcoming}}', 'papers: x.bib:1 (a): its year "forthcoming" is not a four-digit year (fix it in the BibTeX, or leave it out (--force adds repeats); nothing was added)\n'],
    ['a year before 1950', '@article{g, title={{\\"U}ber formal unentscheidbare S{\\"a}tze}, journal={Monatshefte f{\\"u}r Mathematik und Physik}, year={1931}}', 'papers: x.bib:1 (g): its year 1931 is outside 1950..2026 (fix it in the BibTeX, or leave it out (--force adds repeats); nothing was added)\n'],
    ['a title the heading cannot hold', '@misc{a, title={[Re] A reproduction}, year={2020}}', 'papers: x.bib:1 (a): its title holds "[", which would start the venue and organisation brackets (fix it in the BibTeX, or leave it out (--force adds repeats); nothing was added)\n'],
    ['an unknown venue without a year', '@misc{a, title={A}, howpublished={Some Blog}}', 'papers: x.bib:1 (a): its venue "Some Blog" (from howpublished): "Some Blog" has no year; give the year (a heading names a venue with it: Some Blog\'YY) (fix it in the BibTeX, or leave it out (--force adds repeats); nothing was added)\n'],
    ['a known venue without a year', '@inproceedings{a, title={A}, booktitle={OSDI}}', 'papers: x.bib:1 (a): its venue "OSDI" (from booktitle): "OSDI" has no year; give the year (a heading names a venue with it: OSDI\'YY) (fix it in the BibTeX, or leave it out (--force adds repeats); nothing was added)\n'],
  ])('refuses %s (exit 2), writing nothing', async (_name, bib, message) => {
    const io = bibIo({ '/work/x.bib': bib });
    const file = watchFile(io, DIGEST);
    expect(await run(io, 'add', '--bibtex', 'x.bib', '--section', 'ocr')).toEqual({ code: 2, stdout: '', stderr: message });
    file.unchanged();
  });

  it('names every entry it refuses, and adds none of the good ones', async () => {
    const bib = '@misc{good, title={Good}, year={2020}}\n@misc{a, year={2020}}\n@foo{b, title={B}, year={2020}}\n';
    const io = bibIo({ '/work/x.bib': bib });
    const file = watchFile(io, DIGEST);
    const r = await run(io, 'add', '--bibtex', 'x.bib', '--section', 'ocr');
    expect(r.stderr).toBe('papers: 2 of the 3 entries cannot be added:\n  x.bib:2 (a): it has no title\n  x.bib:3 (b): @foo is not a BibTeX or biblatex entry type\n(fix them in the BibTeX, or leave them out (--force adds repeats); nothing was added)\n');
    file.unchanged();
  });

  it.each([
    [['--bibtex', 'x.bib', '--section', 'ocr', '--title', 'T'], 'papers: --bibtex and --title both given (the BibTeX gives the title, venue and year; --alias, --org, --section and notes may go with it)\n'],
    [['--bibtex', 'x.bib', '--section', 'ocr', '--alias', 'X'], 'papers: --alias names one entry, and x.bib holds 2 (give the aliases as shorttitle fields in the BibTeX, or add the entries one by one)\n'],
    [['--bibtex', 'x.bib', '--section', 'ocr', '--note', 'n'], 'papers: notes go with one entry, and x.bib holds 2 (add the notes afterwards with papers note)\n'],
    [['--bibtex', 'x.bib'], 'papers: missing --section (or --new-section) (pass every field as an option, or run papers add on a terminal)\n'],
    [['--bibtex', '-'], 'papers: missing --section (or --new-section) (with --bibtex - standard input holds the BibTeX, so papers cannot ask; pass --section)\n'],
    [['--bibtex', '-', '--notes-file', '-', '--section', 'ocr'], 'papers: --bibtex - and --notes-file - both read standard input (give one of them as a file)\n'],
    [['--bibtex', 'missing.bib', '--section', 'ocr'], /^papers: cannot read missing\.bib: ENOENT/],
    [['--bibtex', 'x.bib', '--section', 'nope'], /^papers: no section matches "nope"/],
  ])('refuses %j', async (args, message) => {
    const io = bibIo({ '/work/x.bib': fixtureText('bibtex/arxiv.bib') });
    const file = watchFile(io, DIGEST);
    const r = await run(io, 'add', ...args);
    expect(r.code).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
    file.unchanged();
  });

  it('refuses a .bib that is not UTF-8 or is binary', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('@misc{a, title={G'), 0xf6, ...new TextEncoder().encode('del}, year={2020}}')]);
    const io = memoryIo({ ...seedFiles(), '/work/x.bib': latin1 });
    expect((await run(io, 'add', '--bibtex', 'x.bib', '--section', 'ocr')).stderr).toBe('papers: x.bib is not valid UTF-8: bad byte at line 1, column 18 (byte offset 17) (save the .bib file as UTF-8)\n');
    const bin = memoryIo({ ...seedFiles(), '/work/x.bib': new Uint8Array([0x40, 0, 1]) });
    expect((await run(bin, 'add', '--bibtex', 'x.bib', '--section', 'ocr')).stderr).toMatch(/^papers: x\.bib looks like a binary file/);
  });

  it('asks for the section on a terminal', async () => {
    const io = bibIo({ '/work/a.bib': fixtureText('bibtex/arxiv.bib') }, { tty: true, answers: ['推荐系统'] });
    const r = await run(io, 'add', '--bibtex', 'a.bib');
    expect(r.code, r.stderr).toBe(0);
    expect(io.asked).toEqual(['Section']);
    expect(r.stderr).toBe('papers: added 2 entries to 推荐系统\n');
  });
});
