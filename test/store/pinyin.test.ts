import { describe, expect, it } from 'vitest';
import { pinyinText, readingMatches, readingOf, slugOfReading, splitPinyin, syllablesOf } from '../../src/store/pinyin.js';
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

  it('writes the pinyin of folded text as runs of syllables', () => {
    expect(pinyinText('tvm 动态形状，量化')).toBe(' dong tai xing zhuang | liang hua ');
    expect(pinyinText('no chinese')).toBe('');
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
});
