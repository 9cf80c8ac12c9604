import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWithMap, stemOf, tokenize, wordsOf } from '../../src/search/normalize.js';
import { foldText } from '../../src/store/text.js';

describe('tokenize', () => {
  it('splits Latin words from runs of Chinese, with offsets', () => {
    const folded = foldText('基于Transformer的信息检索, T5模型');
    expect(tokenize(folded).map((t) => [t.text, t.cjk, folded.slice(t.start, t.end)])).toEqual([
      ['基于', true, '基于'],
      ['transformer', false, 'transformer'],
      ['的信息检索', true, '的信息检索'],
      ['t5', false, 't5'],
      ['模型', true, '模型'],
    ]);
  });

  it('folds case, width and diacritics before splitting', () => {
    expect(wordsOf(foldText('Möbius ＴＶＭ Ｆｕｌｌ－ｗｉｄｔｈ Ærø naïve'))).toEqual(['mobius', 'tvm', 'full', 'width', 'ærø', 'naive']);
  });

  it('treats kana as CJK and other scripts as words', () => {
    expect(tokenize(foldText('トランスフォーマー Трансформер λ-calculus')).map((t) => [t.text, t.cjk])).toEqual([
      ['トランスフォーマー', true],
      ['трансформер', false],
      ['λ', false],
      ['calculus', false],
    ]);
  });

  it('agrees with a Unicode-property definition of a word on any text', () => {
    const word = /[\p{L}\p{N}\p{M}]/u;
    const cjk = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005]/u;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (raw) => {
        const folded = foldText(raw);
        for (const t of tokenize(folded)) {
          for (const ch of folded.slice(t.start, t.end)) {
            expect(word.test(ch) || cjk.test(ch)).toBe(true);
            expect(cjk.test(ch)).toBe(t.cjk);
          }
        }
      }),
    );
  });
});

describe('foldWithMap', () => {
  it('maps folded offsets back to the original text', () => {
    const text = 'Fast Möbius ＴＶＭ';
    const f = foldWithMap(text);
    expect(f.folded).toBe('fast mobius tvm');
    const at = f.folded.indexOf('mobius');
    expect(text.slice(f.map[at], f.map[at + 6])).toBe('Möbius');
    const tvm = f.folded.indexOf('tvm');
    expect(text.slice(f.map[tvm], f.map[tvm + 3])).toBe('ＴＶＭ');
  });

  it('keeps astral characters whole', () => {
    const f = foldWithMap('a𠀀b');
    expect(f.folded).toBe('a𠀀b');
    expect([...f.map]).toEqual([0, 1, 1, 3, 4]);
  });

  it('folds as folding one code point at a time would, on any text (lone surrogates too)', () => {
    // The definition it replaced: quadratic-free but slow on a long line (each character through NFKC).
    const byCodePoint = (text: string) => {
      let folded = '';
      const map: number[] = [];
      for (let i = 0; i < text.length; ) {
        const cp = text.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        const f = cp < 0x80 ? ch.toLowerCase() : foldText(ch);
        for (let k = 0; k < f.length; k++) map.push(i);
        folded += f;
        i += ch.length;
      }
      map.push(text.length);
      return { folded, map };
    };
    const text = fc.oneof(fc.string({ unit: 'grapheme-composite', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: fc.constantFrom('A', 'ｂ', 'é', '\u0301', 'ﬃ', '中', '\ud83d', '\ude00', '㎒', ' ', '-'), maxLength: 30 }));
    fc.assert(fc.property(text, (raw) => {
      const f = foldWithMap(raw);
      expect({ folded: f.folded, map: [...f.map] }).toEqual(byCodePoint(raw));
    }), { numRuns: 500 });
  });
});

describe('stemOf', () => {
  it.each([
    ['distillation', 'distill'],
    ['distilled', 'distill'],
    ['quantization', 'quantiz'],
    ['quantized', 'quantiz'],
    ['segmentation', 'segment'],
    ['recommendations', 'recommend'],
    ['training', 'train'],
    ['transformer', 'transformer'],
    ['transformers', 'transformer'],
    ['process', 'process'],
    ['graph', 'graph'],
    ['t5', 't5'],
  ])('%s -> %s', (word, stem) => {
    expect(stemOf(word)).toBe(stem);
  });
});
