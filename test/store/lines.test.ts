import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/store/scan.js';

/** Lines by the definition: \n, \r\n and \r end a line; a last line without an ending counts, and so does an empty text. */
function reference(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    starts.push(start);
    ends.push(m.index);
    start = m.index + m[0].length;
  }
  if (start < text.length || starts.length === 0) {
    starts.push(start);
    ends.push(text.length);
  }
  return { starts, ends };
}

describe('splitLines', () => {
  it('finds the lines of any text, LF-only or not (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '量', '\n', '\r', ' ') }), (text) => {
        expect(splitLines(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
    expect(splitLines('')).toEqual({ starts: [0], ends: [0] });
    expect(splitLines('a\n')).toEqual({ starts: [0], ends: [1] });
    expect(splitLines('a\r\nb')).toEqual({ starts: [0, 3], ends: [1, 4] });
  });
});
