// A file's fingerprint finds the one chunk body an edit changed from the new bytes alone.
import { describe, expect, it } from 'vitest';
import { changedBody, segmentsAreWhole, segmentsOf, withBody, type FileSegments } from '../../src/cache/segments.js';
import { splitDigest } from '../../src/store/parse.js';
import { countFeeds } from '../../src/store/splice.js';

const TEXT = ['# 论文', '', '## 推荐系统', "### Deep Interest Network(DIN)[KDD'18][Ali]", '- 用户兴趣 🙂', '- 第二条', "### Wide & Deep[DLRS'16][Google]", '- memorization', '## OCR', '### Dount', "### Donut(DONUT)[ECCV'22][Naver]", '- OCR-free', ''].join('\n');

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
function fingerprint(text: string): FileSegments {
  const frame = splitDigest(text, '/n.md');
  return segmentsOf(text, bytesOf(text), frame.chunks.map((c) => ({ offset: c.offset, length: c.source.text.length })), frame.splice);
}
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('file segments', () => {
  const seg = fingerprint(TEXT);

  it('cover the file in UTF-8 bytes, with its line feeds', () => {
    expect(segmentsAreWhole(seg)).toBe(true);
    expect(seg.bounds.at(-1)).toBe(bytesOf(TEXT).length);
    expect(seg.feeds.at(-1)).toBe(countFeeds(TEXT));
    expect([...seg.bodies].filter((k) => k >= 0)).toEqual([0, 1, 2, 3]);
  });

  it('find nothing changed in the same bytes', () => {
    expect(changedBody(seg, bytesOf(TEXT))).toBeNull();
  });

  it('find the body a note was added to, after Chinese and emoji', () => {
    const next = TEXT.replace('- 第二条\n', '- 第二条\n- 又读了一遍 😀\n');
    const changed = changedBody(seg, bytesOf(next))!;
    expect(changed.chunk).toBe(0);
    expect(decode(changed.heading)).toBe("### Deep Interest Network(DIN)[KDD'18][Ali]\n");
    expect(decode(changed.body)).toBe('- 用户兴趣 🙂\n- 第二条\n- 又读了一遍 😀\n');
  });

  it("find a stub's empty body", () => {
    const next = TEXT.replace('### Dount\n', '### Dount\n- 终于读了\n');
    const changed = changedBody(seg, bytesOf(next))!;
    expect(changed.chunk).toBe(2);
    expect(decode(changed.body)).toBe('- 终于读了\n');
  });

  it('find a body whose notes were all removed', () => {
    const changed = changedBody(seg, bytesOf(TEXT.replace('- memorization\n', '')))!;
    expect(changed.chunk).toBe(1);
    expect(changed.body.length).toBe(0);
  });

  it('find the last body when text is added at the end of the file', () => {
    const changed = changedBody(seg, bytesOf(`${TEXT}- 末尾的笔记\n`))!;
    expect(changed.chunk).toBe(3);
    expect(decode(changed.body)).toBe('- OCR-free\n- 末尾的笔记\n');
  });

  it.each([
    ['a heading', TEXT.replace('### Wide & Deep', '### Wide and Deep')],
    ['a section heading', TEXT.replace('## OCR', '## 文档')],
    ['two bodies', TEXT.replace('- 第二条', '- 改').replace('- memorization', '- 改了')],
    ['the text before the first section', TEXT.replace('# 论文\n', '# 论文笔记\n')],
  ])('find no single body when the edit changes %s', (_, next) => {
    expect(changedBody(seg, bytesOf(next))).toBeNull();
  });

  it('after a body changed, are the fingerprint of the new file', () => {
    for (const next of [TEXT.replace('- 第二条\n', '- 第二条\n- 又读了一遍 😀\n'), TEXT.replace('### Dount\n', '### Dount\n- 终于读了\n- 两行\n'), TEXT.replace('- OCR-free\n', ''), `${TEXT}- 末尾\n`]) {
      const changed = changedBody(seg, bytesOf(next))!;
      const after = withBody(seg, changed.part, changed.body, countFeeds(decode(changed.body)));
      expect(after).toEqual(fingerprint(next));
    }
  });
});
