import { describe, expect, it } from 'vitest';
import { BibtexSyntaxError, isKnownType, plainText, readBibtex } from '../../src/bibtex/read.js';
import { fixtureText } from '../helpers/seed.js';

const syntaxError = (text: string): BibtexSyntaxError => {
  try {
    readBibtex(text);
  } catch (error) {
    if (error instanceof BibtexSyntaxError) return error;
    throw error;
  }
  throw new Error('no error');
};

describe('readBibtex', () => {
  it('reads DBLP entries with their keys, lines and decoded fields', () => {
    const entries = readBibtex(fixtureText('bibtex/dblp.bib'));
    expect(entries.map((e) => [e.type, e.key, e.line])).toEqual([
      ['inproceedings', 'DBLP:conf/naacl/DevlinCLT19', 1],
      ['inproceedings', 'DBLP:conf/nips/VaswaniSPUJGKP17', 25],
      ['inproceedings', 'DBLP:conf/cvpr/HeZRS16', 53],
      ['inproceedings', 'DBLP:conf/osdi/ChenMJZYSCWHCGK18', 71],
      ['article', 'DBLP:journals/corr/abs-2111-15664', 98],
      ['inproceedings', 'DBLP:conf/iclr/DosovitskiyB0WZ21', 120],
      ['article', 'DBLP:journals/pami/RenHG017', 145],
      ['inproceedings', 'DBLP:conf/emnlp/FengGTDFGS0LJZ20', 164],
    ]);
    const [bert] = entries;
    // {BERT:} loses its braces, the line break in the value is one space.
    expect(bert!.fields.title).toBe('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
    expect(bert!.fields.booktitle).toContain('Human Language Technologies, NAACL-HLT 2019, Minneapolis');
    expect(bert!.fields.year).toBe('2019');
    expect(bert!.raw.title).toContain('{BERT:}');
    // Authors are kept as written, not decoded (papers does not read them).
    expect(bert!.fields.author).toBeUndefined();
    expect(bert!.raw.author).toContain('Ming{-}Wei');
  });

  it('reads arXiv, ACL Anthology (quoted values, month macros) and Google Scholar exports', () => {
    expect(readBibtex(fixtureText('bibtex/arxiv.bib')).map((e) => [e.key, e.line, e.fields.eprint, e.fields.archiveprefix])).toEqual([
      ['vaswani2023attentionneed', 1, '1706.03762', 'arXiv'],
      ['kim2022ocrfreedocumentunderstandingtransformer', 10, '2111.15664', 'arXiv'],
    ]);
    const acl = readBibtex(fixtureText('bibtex/acl-anthology.bib'));
    expect(acl.map((e) => e.fields.title)).toEqual([
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      'Sentence-BERT: Sentence Embeddings using Siamese BERT-Networks',
      'Multilingual Denoising Pre-training for Neural Machine Translation',
      'LightSeq: A High Performance Inference Library for Transformers',
    ]);
    expect(acl[0]!.raw.month).toBe('06');
    const scholar = readBibtex(fixtureText('bibtex/google-scholar.bib'));
    // Scholar's $\{$TVM$\}$ is a protected word, not math.
    expect(scholar.find((e) => e.key === 'chen2018tvm')!.fields.title).toBe('TVM: An automated End-to-End optimizing compiler for deep learning');
    expect(scholar.find((e) => e.key === 'godel2020mobius')!.fields.title).toBe('Möbius transformation for fast inner product search on graph');
  });

  it.each([
    ['G{\\"o}del', 'Gödel'],
    ['{BERT:}', 'BERT:'],
    ['Ming{-}Wei', 'Ming-Wei'],
    ['a \\& b 50\\% \\$x \\#1 a\\_b', 'a & b 50% $x #1 a_b'],
    ['\\textit{all} \\textbf{bold} {\\sc Caps}', 'all bold Caps'],
    ['  spaced\n   over\tlines  ', 'spaced over lines'],
    ['a~b', 'a b'],
    ['x\\^{}y \\~{}z', 'x^y ~z'],
    ['{\\L}ukasz {\\ss} {\\o} \\c{c}', 'Łukasz ß ø ç'],
  ])('decodes %j as %j', (latex, text) => {
    const [entry] = readBibtex(`@misc{k, title = {${latex}}}`);
    expect(entry!.fields.title).toBe(text);
  });

  it('expands @string macros, skips @comment and @preamble, reads (...) entries and bare numbers', () => {
    const text = '% a comment\n@comment{ignored}\n@preamble{"\\newcommand{\\x}{y}"}\n@string{nips = {Advances in Neural Information Processing Systems}}\n@inproceedings(a, title = {A}, booktitle = nips # { 30}, year = 2017)\n';
    const [entry] = readBibtex(text);
    expect(entry).toMatchObject({ key: 'a', line: 5, fields: { booktitle: 'Advances in Neural Information Processing Systems 30', year: '2017' } });
  });

  it('finds the line of each entry even when keys repeat and text sits between entries', () => {
    const text = 'junk before\n\n@article{same, title={A}}\nnotes between { entries }\n@ARTICLE{same,\n title={B}}\n';
    expect(readBibtex(text).map((e) => [e.type, e.key, e.line, e.fields.title])).toEqual([
      ['article', 'same', 3, 'A'],
      ['article', 'same', 5, 'B'],
    ]);
  });

  it('reads nothing from empty input, white space or text without entries', () => {
    expect(readBibtex('')).toEqual([]);
    expect(readBibtex('\n\n  \n')).toEqual([]);
    expect(readBibtex('Title: Attention is all you need\nYear: 2017\n')).toEqual([]);
    expect(readBibtex('{"title": "json"}')).toEqual([]);
    expect(readBibtex('\ufeff@misc{a, title={A}}')).toMatchObject([{ key: 'a', line: 1 }]);
  });

  it.each([
    ['an unclosed entry', '@article{a,\n title={A},\n year=2019\n', 1, 'a', 1, /never closed: a \} is missing/],
    ['a missing comma', '@article{a,\n title={A}\n year=2019}\n', 3, 'a', 1, /not followed by a comma/],
    ['an unbalanced brace, blamed on its own entry', '@article{ok, title={Fine}}\n@article{a,\n title={A {B},\n year=2019}\n@article{b, title={B}}\n', 2, 'a', 2, /never closed/],
    ['a missing key', '@article{, title={A}, year=2019}\n', 1, '', 1, /has no key/],
    ['an unclosed quote', '@article{a, title="A, year=2019}\n@article{b, title={B}}', 1, 'a', 1, /never closed: a \} or " is missing/],
    ['a field without =', '@article{a, title {A}}', 1, 'a', 1, /./],
  ])('reports %s with its line and entry', (_name, text, line, key, entryLine, reason) => {
    const error = syntaxError(text);
    expect(error.line).toBe(line);
    expect(error.entry).toEqual({ key, line: entryLine });
    expect(error.message).toMatch(reason);
  });

  it('knows BibTeX and biblatex entry types, in any case', () => {
    expect(['article', 'INPROCEEDINGS', 'misc', 'online', 'software', 'phdthesis'].map(isKnownType)).toEqual([true, true, true, true, true, true]);
    expect(['artcle', 'paper', 'foo'].map(isKnownType)).toEqual([false, false, false]);
  });

  it('drops the markup citation-js puts in decoded values', () => {
    expect(plainText('<i>x</i> H<sub>2</sub>O x<sup>2</sup> <span class="nocase">a</span> <span style="font-variant:small-caps;">B</span>')).toBe('x H2O x2 a B');
  });
});
