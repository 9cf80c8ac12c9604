import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, keyOf } from '../../src/store/text.js';

const slowFold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFKC').toLowerCase();

describe('foldText', () => {
  it('folds ASCII exactly as the full NFKD/NFKC path does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        expect(foldText(text)).toBe(slowFold(text));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['Möbius', 'mobius'],
    ['ＴＶＭ：Ａｎ', 'tvm:an'],
    ['Deep Interest Network', 'deep interest network'],
  ])('%j -> %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
    expect(keyOf(text)).toBe(folded.replace(/[^\p{L}\p{N}]+/gu, ''));
  });
});
