import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { bar, chart, countRows } from '../../src/report/stats.js';
import { plainColor } from '../../src/report/terminal.js';
import { textWidth } from '../../src/report/width.js';

const options = (width: number) => ({ width, measure: textWidth, color: plainColor });

describe('stats charts', () => {
  it.each([
    [8, 8, 1, '█'],
    [1, 8, 1, '▏'],
    [4, 8, 1, '▌'],
    [3, 4, 2, '█▌'],
    [1, 1000, 10, '▏'],
    [0, 8, 10, ''],
  ])('bar(%i of %i, %i cells) is %j', (count, max, width, expected) => {
    expect(bar(count, max, width)).toBe(expected);
  });

  it('aligns labels by display width (Chinese is two columns) and fits the longest bar to the width', () => {
    const lines = chart(
      [
        { label: '系统、编译器设计', count: 9 },
        { label: 'OCR 文字识别', count: 6 },
        { label: 'ir', count: 1 },
      ],
      options(60),
    );
    expect(lines.map((l) => stringWidth(l))).toEqual([60, expect.any(Number), expect.any(Number)]);
    // Every bar starts in the same column.
    const starts = lines.map((l) => stringWidth(l.slice(0, l.search(/[█▏▎▍▌▋▊▉]/))));
    expect(new Set(starts).size).toBe(1);
    expect(starts[0]).toBe(2 + 16 + 2);
    // 1 of 9 in 38 cells: 34 eighths.
    expect(lines[2]).toMatch(/^  ir {16}█{4}▎ 1$/);
  });

  it('cuts a label too long for the width, and sums the rows past --top', () => {
    const rows = countRows(
      [
        { name: 'a'.repeat(100), count: 5 },
        { name: 'b', count: 2 },
        { name: null, count: 1 },
      ],
      2,
      '(none)',
    );
    expect(rows.map((r) => [r.label.length, r.count, r.dim ?? false])).toEqual([
      [100, 5, false],
      [1, 2, false],
      [9, 1, true],
    ]);
    expect(rows[2]!.label).toBe('(1 other)');
    const lines = chart(rows, options(40));
    expect(lines[0]).toMatch(/^ {2}a{15}… {2}█+ 5$/);
    // The longest bar is the longest shown row's; the rest summed has its count and no bar.
    expect(stringWidth(lines[0]!)).toBe(40);
    expect(lines[2]).toBe(`  (1 other)${' '.repeat(7)}  1`);
    expect(lines.every((l) => stringWidth(l) <= 40)).toBe(true);
  });
});
