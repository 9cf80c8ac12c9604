import stringWidth from 'string-width';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSimpleText, measureFor, simpleWidth, textWidth } from '../../src/report/width.js';
import { renderRows } from '../../src/report/terminal.js';

describe('display width', () => {
  it('measures simple text the fast way and anything else with string-width, with the same result', async () => {
    for (const text of ['abc', '量化 Transformer', '（全角）', 'Ünïcödé', '👍🏽 emoji', 'e\u0301', 'zero\u200bwidth', '\u001b[31mred\u001b[39m']) {
      expect(textWidth(text)).toBe(stringWidth(text));
    }
    expect(isSimpleText('👍🏽')).toBe(false);
    expect(await measureFor(['abc', '量化'])).toBe(simpleWidth);
    expect(await measureFor(['abc', '👍🏽'])).toBe(textWidth);
  });

  it('agrees with string-width on any text (property)', () => {
    const unit = fc.constantFrom('a', ' ', '量', 'é', 'e\u0301', '👍', '\u200b', 'Ａ', 'ｱ', '\t');
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        expect(textWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 300 },
    );
  });

  it('aligns rows with cells of mixed widths, rows longer than the columns included', () => {
    const lines = renderRows(
      [
        ['量化', 'x'],
        ['ab', 'yy', 'extra'],
      ],
      [{}, {}],
      { measure: textWidth },
    );
    expect(lines).toEqual(['量化  x', 'ab    yy  extra']);
  });
});
