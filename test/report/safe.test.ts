import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSafe, hasUnsafe, moveRanges, terminalSafe, terminalSafeMap } from '../../src/report/safe.js';
import { describeControl, escapeControls, withoutControls } from '../../src/store/controls.js';

// Any raw byte a terminal could act on: C0 but newline, DEL, C1, and the bidi controls.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it.each([
    ['colour', 'a\u001b[31mred', 'a\\x1b[31mred'],
    ['clear screen', '\u001b[2J', '\\x1b[2J'],
    ['OSC title', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['C1 CSI', 'x\u009b2J', 'x\\x9b2J'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['NUL', '\u0000', '\\x00'],
    ['bidi override', 'a\u202eb\u202c', 'a\\u202eb\\u202c'],
    ['bidi isolate', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['lone CR', 'a\rb', 'a\\x0db'],
    ['CRLF', 'a\r\nb', 'a\nb'],
    ['newline', 'a\nb', 'a\nb'],
    ['tab to the next stop of 4', 'ab\tc', 'ab  c'],
    ['tab at a stop', 'abcd\te', 'abcd    e'],
    ['tab after a newline', 'abc\n\tx', 'abc\n    x'],
    ['Chinese and marks kept', '量化 Möbius ‐ “x” \u200e', '量化 Möbius ‐ “x” \u200e'],
  ])('%s', (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('returns text without unsafe characters as it is (the same string)', () => {
    const text = 'Deep Interest Network[KDD\'18][Ali] 量化';
    expect(terminalSafe(text)).toBe(text);
    expect(hasUnsafe(text)).toBe(false);
  });

  it('never lets a raw control through, and applied twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const once = terminalSafe(text);
        expect(once).not.toMatch(RAW);
        expect(terminalSafe(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("maps every offset onto the result, in order, so highlights keep their text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '量', '\u001b', '\t', '\u202e', '\n', '\r', 'x'), maxLength: 40 }), (text) => {
        const { text: out, map } = terminalSafeMap(text);
        expect(map).toHaveLength(text.length + 1);
        expect(map[text.length]).toBe(out.length);
        for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
        // A printable character lands on itself.
        for (let i = 0; i < text.length; i++) if (text[i] === 'a' || text[i] === '量') expect(out[map[i]!]).toBe(text[i]);
      }),
    );
    const { text, map } = terminalSafeMap('\u001b[31mred alert');
    expect(moveRanges([{ start: 5, end: 8 }], map).map((r) => text.slice(r.start, r.end))).toEqual(['red']);
  });
});

describe('diffSafe', () => {
  it('escapes control characters and lone CRs but keeps tabs and CRLF (a diff stays a patch)', () => {
    expect(diffSafe('+- a\u001b[2J\tb\r\n- c\rd\n')).toBe('+- a\\x1b[2J\tb\r\n- c\\x0dd\n');
    const plain = '@@ -1,2 +1,3 @@\n-\told\r\n+\tnew 量化\r\n';
    expect(diffSafe(plain)).toBe(plain);
  });
});

describe('store/controls', () => {
  it('names a code point for messages', () => {
    expect(['\u001b', '\u0007', '\u007f', '\u009b', '\u0085', '\u0081', '\u202e', '\u2069'].map((c) => describeControl(c.charCodeAt(0)))).toEqual([
      'U+001B (ESC)', 'U+0007 (BEL)', 'U+007F (DEL)', 'U+009B (CSI)', 'U+0085 (NEL)', 'U+0081', 'U+202E (RLO)', 'U+2069 (PDI)',
    ]);
  });

  it('removes or escapes the controls, keeping tabs and line endings', () => {
    expect(withoutControls('a\u001b[31m\tb\r\nc\u202e')).toBe('a[31m\tb\r\nc');
    expect(escapeControls('a\u001b\tb\r\n\u2066')).toBe('a\\x1b\tb\r\n\\u2066');
  });
});
