import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSyllable, isHanAt, mayBePinyin, pinyinText, syllableCode, readingMatches, readingOf, slugOfReading, splitPinyin, syllablesOf } from '../../src/store/pinyin.js';
import { sectionSlugs } from '../../src/store/build.js';

describe('pinyin', () => {
  it('reads Han characters as toneless syllables in context, ü as v', () => {
    expect(syllablesOf('推荐系统')).toEqual(['tui', 'jian', 'xi', 'tong']);
    expect(syllablesOf('银行')).toEqual(['yin', 'hang']);
    expect(syllablesOf('绿色')).toEqual(['lv', 'se']);
  });

  it.each([
    ['推荐系统', 'tuijian-xitong'],
    ['OCR 文字识别', 'ocr-wenzi-shibie'],
    ['信息检索、搜索', 'xinxi-jiansuo-sousuo'],
    ['NLP', 'nlp'],
    ['Databases 10', 'databases-10'],
    ['Möbius 变换', 'mobius-bianhuan'],
    ['！！！', ''],
  ])('slug of the heading %j is %j', (title, slug) => {
    expect(slugOfReading(readingOf(title))).toBe(slug);
  });

  it('matches the pinyin of a run of whole syllables, and initials only when asked', () => {
    const r = readingOf('推荐系统');
    for (const q of ['tuijian', 'xitong', 'tui jian xi tong', 'TuiJian', 'tuijian-xitong', 'jianxi', 'tui']) expect(readingMatches(r, q, false)).toBe(true);
    for (const q of ['tuiji', 'uijian', 'xitongs', 'tj', '', '推荐']) expect(readingMatches(r, q, false)).toBe(false);
    expect(readingMatches(r, 'tjxt', true)).toBe(true);
    expect(readingMatches(r, 'xt', true)).toBe(true);
    expect(readingMatches(r, 't', true)).toBe(false);
    expect(readingMatches(r, 'tjxt', false)).toBe(false);
  });

  it('writes the pinyin of folded text as runs of syllable codes, one per Han character', () => {
    const code = (list: string) => list.split(' ').map(syllableCode).join('');
    expect(pinyinText('tvm 动态形状，量化')).toBe(`${code('dong tai xing zhuang')}|${code('liang hua')}`);
    expect(pinyinText('no chinese')).toBe('');
    expect(pinyinText('𠀀中')).toBe(`?${syllableCode('zhong')}`);
  });

  it('codes every syllable of the grammar uniquely, and back', () => {
    const all = ['a', 'er', 'yi', 'wu', 'lv', 'lve', 'nv', 'zhuang', 'chuang', 'shuang', 'xiong', 'zi', 'ci', 'si', 'ri', 'e', 'ang', 'jiong', 'qiu', 'yuan', 'hang'];
    const codes = all.map(syllableCode);
    expect(new Set(codes).size).toBe(all.length);
    expect(codes.map((c) => codeSyllable(c.charCodeAt(0)))).toEqual(all);
    for (const c of codes) expect(c.length === 1 && c !== '|' && !(c >= '\ud800' && c <= '\udfff')).toBe(true);
    for (const bad of ['ng', 'hm', 'xyz', '']) expect(syllableCode(bad)).toBe('?');
    expect(codeSyllable('a'.charCodeAt(0))).toBeNull();
  });

  it("cuts a query word into the digest's own syllables, or not at all", () => {
    const have = new Set(['xi', 'an', 'xian', 'liang', 'hua', 'ba', 'na']);
    expect(splitPinyin('xian', have)).toEqual([['xian'], ['xi', 'an']]);
    expect(splitPinyin('lianghua', have)).toEqual([['liang', 'hua']]);
    expect(splitPinyin('banana', have)).toEqual([['ba', 'na', 'na']]);
    expect(splitPinyin('change', have)).toEqual([]);
    expect(splitPinyin('liang2', have)).toEqual([]);
  });

  it('gives every heading without a configured slug one, unique, the configured one winning', () => {
    const readings = { 推荐系统: readingOf('推荐系统'), 'Tuijian Xitong': readingOf('Tuijian Xitong'), OCR: readingOf('OCR'), '？': '' };
    expect(sectionSlugs({}, readings)).toEqual({ 'tuijian-xitong': '推荐系统', 'tuijian-xitong-2': 'Tuijian Xitong', ocr: 'OCR' });
    expect(sectionSlugs({ recsys: '推荐系统', ocr: 'Other' }, readings)).toEqual({ recsys: '推荐系统', ocr: 'Other', 'tuijian-xitong': 'Tuijian Xitong', 'ocr-2': 'OCR' });
  });

  it('tells Han characters as \\p{sc=Han} does, astral ones included', () => {
    const han = /\p{sc=Han}/u;
    const check = (t: string) => {
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        const expected = !(c >= 0xdc00 && c <= 0xdfff) && han.test(String.fromCodePoint(t.codePointAt(i)!));
        expect(isHanAt(t, i)).toBe(expected);
      }
    };
    check('a中〇々⺀〡𠀀ＡＢ，。かカ한');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (t) => check(t)));
  });

  it('knows the shape of pinyin words, so English words rarely look', () => {
    for (const w of ['lianghua', 'dongtai', 'xingzhuang', 'zhengliu', 'banana', 'change', 'lvse', 'nver']) expect(mayBePinyin(w)).toBe(true);
    for (const w of ['transformer', 'quantization', 'long', 'tvm', 'xyz', 'lianghua2', '']) expect(mayBePinyin(w)).toBe(false);
  });
});
