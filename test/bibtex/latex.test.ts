import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLatex, protectedTitle } from '../../src/bibtex/latex.js';
import { readBibtex } from '../../src/bibtex/read.js';

/** What citation-js reads back from a value papers wrote. */
const readBack = (value: string): string => readBibtex(`@misc{k, title = {${value}}}`)[0]!.fields.title!;

describe('escapeLatex', () => {
  it.each([
    ['Wide & Deep', 'Wide \\& Deep'],
    ['50% $5 #1 a_b', '50\\% \\$5 \\#1 a\\_b'],
    ['{x} a~b a^b a\\b', '\\textbraceleft{}x\\textbraceright{} a\\textasciitilde{}b a\\textasciicircum{}b a\\textbackslash{}b'],
    ['a<b>c|d', 'a\\textless{}b\\textgreater{}c\\textbar{}d'],
    ['end--to---end', 'end-{}-to-{}-{}-end'],
    ["''quoted'' ``x``", "'{}'quoted'{}' `{}`x`{}`"],
    ['Möbius 量化', 'Möbius 量化'],
    ['tab\there', 'tab here'],
  ])('%j -> %j', (text, latex) => {
    expect(escapeLatex(text).text).toBe(latex);
  });

  it.each([
    ['Möbius', '{M{\\"o}bius}'],
    ['Gödel', '{G{\\"o}del}'],
    ['naïve café', 'na{\\"i}ve caf{\\\'e}'],
    ['Ångström', '{{\\r{A}}ngstr{\\"o}m}'],
    ['Łukasz Straße Ørsted', '{{\\L}ukasz} {Stra{\\ss}e} {{\\O}rsted}'],
    ['Çelik Šnajder Erdős', '{{\\c{C}}elik} {{\\v{S}}najder} {Erd{\\H{o}}s}'],
    ['α-β — “x” …', '$\\alpha$-$\\beta$ \\textemdash{} \\textquotedblleft{}x\\textquotedblright{} \\textellipsis{}'],
  ])('--ascii: %j -> %j', (text, latex) => {
    const out = protectedTitle(text, { ascii: true });
    expect(out).toEqual({ text: latex, unmapped: [] });
    expect(out.text).toMatch(/^[\x20-\x7e]*$/);
    expect(readBack(out.text)).toBe(text);
  });

  it('keeps characters with no LaTeX form as UTF-8 under --ascii, and says which', () => {
    expect(escapeLatex('量化 ok 量', { ascii: true })).toEqual({ text: '量化 ok 量', unmapped: ['量', '化'] });
  });

  it('protects every word with a capital, and only those', () => {
    expect(protectedTitle('BERT: Pre-training of deep Transformers').text).toBe('{BERT:} {Pre-training} of deep {Transformers}');
    expect(protectedTitle('TVM  end-to-end').text).toBe('{TVM} end-to-end');
  });

  it('reads back (with citation-js) as the text it escaped, special characters and all', () => {
    const chars = fc.constantFrom(...'aB z&%$#_{}~^\\<>|-\'`"@,=().:;!?0123456789éÖ量ß'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 30 }), (list) => {
        const text = list.join('').replace(/\s+/g, ' ').trim();
        fc.pre(text !== '');
        expect(readBack(protectedTitle(text).text)).toBe(text);
        expect(readBack(protectedTitle(text, { ascii: true }).text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
