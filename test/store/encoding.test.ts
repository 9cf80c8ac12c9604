import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeLike, encodeText, UnencodableError } from '../../src/store/encoding.js';

const gb = (s: string) => encodeText(s, 'gb18030');
const utf16 = (s: string, le = true) => {
  const b = Buffer.from(s, 'utf16le');
  if (!le) b.swap16();
  return new Uint8Array(b);
};

describe('decodeText', () => {
  it('detects GB18030 in bytes that are not UTF-8 and read as Chinese', () => {
    const text = '## 推荐系统\n### 深度兴趣网络[KDD\'18][阿里]\n- 对用户历史行为做注意力\n';
    expect(gb(text)).not.toEqual(new TextEncoder().encode(text));
    expect(decodeText(gb(text))).toEqual({ ok: true, text, encoding: 'gb18030' });
    expect(decodeText(gb(text), 'gbk')).toEqual({ ok: true, text, encoding: 'gbk' });
  });

  it('keeps UTF-8 first: valid UTF-8 is never read as GB18030', () => {
    const text = '### 中文 Möbius\n';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM, either order, the BOM kept as a character', () => {
    const text = '\uFEFF## 检索\n### Dense Passage Retrieval[EMNLP\'20]\n';
    expect(decodeText(utf16(text))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeText(utf16(text, false))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('does not take Latin-1 for Chinese, and says where the first bad byte is', () => {
    const latin1 = new Uint8Array(Buffer.from('## Caf\u00e9 na\u00efve r\u00e9sum\u00e9s\n', 'latin1'));
    expect(decodeText(latin1)).toMatchObject({ ok: false, reason: 'invalid', encoding: 'utf-8', line: 1, column: 7 });
    expect(decodeText(new Uint8Array([0x41, 0x0a, 0xff, 0xfe, 0x41]), 'gb18030')).toMatchObject({ ok: false, encoding: 'gb18030', line: 2, column: 1, byte: 2 });
  });

  it('calls NUL bytes binary, unless a UTF-16 BOM explains them', () => {
    expect(decodeText(new Uint8Array([0x41, 0x00]))).toMatchObject({ ok: false, reason: 'binary' });
    expect(decodeText(new Uint8Array([0x41, 0x00]), 'utf-16le')).toEqual({ ok: true, text: 'A', encoding: 'utf-16le' });
  });
});

describe('encodeText and encodeLike', () => {
  it('writes GB18030 the decoder reads back, for Chinese, symbols and astral characters', () => {
    const text = '中文、标点：「」（）€ ① Ω я 😀 𠀀\n';
    expect(new TextDecoder('gb18030').decode(gb(text))).toBe(text);
    expect(() => encodeText('😀', 'gbk')).toThrow(UnencodableError);
    expect(() => encodeText('\uE5E5', 'gb18030')).toThrow(UnencodableError);
  });

  it('replaces only the bytes of what changed: the rest are the file\'s own (property)', () => {
    const chunk = fc.constantFrom('中文', '笔记', 'abc', '\n', '- ', '😀', '€', '（注）', ' ');
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 20 }), fc.array(chunk, { maxLength: 6 }), fc.nat(), fc.constantFrom('gb18030', 'utf-16le', 'utf-16be'), (parts, inserted, at, encoding) => {
        const text = parts.join('');
        const cut = parts.slice(0, at % (parts.length + 1)).join('').length;
        const next = text.slice(0, cut) + inserted.join('') + text.slice(cut);
        const bytes = encodeText(text, encoding as 'gb18030');
        const out = encodeLike(next, { bytes, text, encoding: encoding as 'gb18030' });
        expect(decodeText(out, encoding as 'gb18030')).toMatchObject({ ok: true, text: next });
        const head = encodeText(text.slice(0, cut), encoding as 'gb18030').length;
        const tail = bytes.length - head;
        expect(out.subarray(0, head)).toEqual(bytes.subarray(0, head));
        expect(out.subarray(out.length - tail)).toEqual(bytes.subarray(head));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps bytes it could not have written itself when they are outside the change', () => {
    // 0x80 alone is the euro sign to the decoder, but the encoder writes A2 E3: it must survive an edit elsewhere.
    const bytes = new Uint8Array([0x80, 0x0a, ...gb('中文\n')]);
    const text = new TextDecoder('gb18030').decode(bytes);
    const out = encodeLike(`${text}新\n`, { bytes, text, encoding: 'gb18030' });
    expect(out.subarray(0, bytes.length)).toEqual(bytes);
  });
});
