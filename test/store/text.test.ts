import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, keyOf } from '../../src/store/text.js';

// The definitions foldText and keyOf must keep; their ASCII fast path must not change a result.
const reference = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFKC').toLowerCase();

describe('foldText and keyOf', () => {
  it('fold case, width and diacritics', () => {
    expect(foldText('Möbius ＴＶＭ Arxiv')).toBe('mobius tvm arxiv');
    expect(keyOf('Neur-IPS')).toBe('neurips');
    expect(keyOf('ACM MM 多模态')).toBe('acmmm多模态');
  });

  it('agree with the reference definitions on any text, ASCII or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme-composite' })), (text) => {
        expect(foldText(text)).toBe(reference(text));
        expect(keyOf(text)).toBe(reference(text).replace(/[^\p{L}\p{N}]+/gu, ''));
      }),
    );
  });
});
