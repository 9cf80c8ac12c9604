import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseQuery, withoutFillers } from '../../src/search/query.js';

const terms = (...words: string[]) => parseQuery(words).terms.map((t) => t.text);

describe('parseQuery', () => {
  it('folds the free words into terms, Chinese runs apart from Latin words', () => {
    expect(parseQuery(['TVM动态形状', 'Möbius']).terms).toEqual([
      { text: 'tvm', cjk: false },
      { text: '动态形状', cjk: true },
      { text: 'mobius', cjk: false },
    ]);
  });

  it('drops stop words and repeated terms, but keeps them for the whole text', () => {
    const q = parseQuery(['the', 'Deep', 'Interest', 'Network', 'for', 'deep']);
    expect(q.terms.map((t) => t.text)).toEqual(['deep', 'interest', 'network']);
    expect(q.allTerms.map((t) => t.text)).toEqual(['the', 'deep', 'interest', 'network', 'for', 'deep']);
    expect(terms('the', 'of')).toEqual([]);
  });

  it('drops the fillers of a question, in English and Chinese', () => {
    expect(terms('what', 'did', 'I', 'note', 'about', '量化')).toEqual(['量化']);
    expect(terms('the', 'Möbius', 'one')).toEqual(['mobius']);
    expect(withoutFillers('关于动态形状的论文')).toEqual(['动态形状']);
    expect(withoutFillers('目的')).toEqual(['目的']);
    expect(withoutFillers('论文')).toEqual([]);
    expect(withoutFillers('关于论文')).toEqual([]);
    expect(withoutFillers('关于的论文')).toEqual([]);
  });

  it('takes qualifiers out of the free text, in any case, several times', () => {
    const q = parseQuery(['venue:osdi,sosp', 'tvm', 'Year:2019..2022', 'venue:nsdi', 'section:ocr', 'org:google', 'alias:din']);
    expect(q.text).toBe('tvm');
    expect(q.qualifiers).toEqual({ venue: ['osdi,sosp', 'nsdi'], year: ['2019..2022'], section: ['ocr'], org: ['google'], alias: ['din'] });
  });

  it('reads a quoted qualifier value with spaces, from one argument or several', () => {
    expect(parseQuery(['org:"UC Berkeley"', 'paged']).qualifiers.org).toEqual(['UC Berkeley']);
    expect(parseQuery(['section:"OCR', '文字识别"']).qualifiers.section).toEqual(['OCR 文字识别']);
  });

  it('keeps quoted text, a URL and a title ending in a colon as free text', () => {
    expect(parseQuery(['"title:foo"']).text).toBe('title:foo');
    expect(parseQuery(['https://github.com/microsoft/fastformers']).terms.map((t) => t.text)).toContain('fastformers');
    expect(parseQuery(['DeepFM:', 'factorization']).text).toBe('DeepFM: factorization');
  });

  it('rejects an unknown qualifier, naming the known ones and how to search for the text', () => {
    expect(() => parseQuery(['title:foo'])).toThrow(UsageError);
    expect(() => parseQuery(['title:foo'])).toThrow('unknown qualifier "title:"; the qualifiers are venue:, year:, section:, org:, alias:');
    try {
      parseQuery(['titel:foo']);
    } catch (error) {
      expect((error as UsageError).hint).toBe(`to search for the text itself, quote it: '"titel:foo"'`);
    }
  });

  it('rejects a qualifier without a value', () => {
    expect(() => parseQuery(['venue:', 'tvm'])).toThrow('venue: needs a value');
    expect(() => parseQuery(['year:""'])).toThrow('year: needs a value');
  });
});
