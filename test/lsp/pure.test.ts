// The pure helpers of papers lsp: positions in UTF-16, the heading completion context, edits, details.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/edit/apply.js';
import { bracketContext } from '../../src/lsp/complete.js';
import { replaceChanged } from '../../src/lsp/diagnostics.js';
import { entriesByAlias, noteCount, wordAt } from '../../src/lsp/hover.js';
import { entryDetail } from '../../src/lsp/outline.js';
import { lineIndex, offsetAt, positionAt } from '../../src/lsp/positions.js';

describe('positions', () => {
  it.each([
    ['ab\ncd', 4, { line: 1, character: 1 }],
    ['中文😀x', 4, { line: 0, character: 4 }],
    ['a\r\nb', 2, { line: 0, character: 1 }],
    ['a\r\nb', 3, { line: 1, character: 0 }],
    ['a\rb', 2, { line: 1, character: 0 }],
    ['a\n', 2, { line: 1, character: 0 }],
    ['\uFEFFab', 2, { line: 0, character: 1 }],
    ['', 0, { line: 0, character: 0 }],
    ['ab', 99, { line: 0, character: 2 }],
  ])('%j at %i is %j', (text, offset, position) => {
    expect(positionAt(lineIndex(text), offset)).toEqual(position);
  });

  it('clamps positions past a line or the text, as LSP says', () => {
    const index = lineIndex('ab\ncd\n');
    expect(offsetAt(index, { line: 0, character: 99 })).toBe(2);
    expect(offsetAt(index, { line: 9, character: 0 })).toBe(6);
    expect(offsetAt(index, { line: -1, character: 3 })).toBe(0);
  });

  it('round-trips every offset that is not inside a line ending or a surrogate pair', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '中', '😀', '\n', '\r\n', '\r', ' ', '\uFEFF')), (parts) => {
        const text = parts.join('');
        const index = lineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const code = text.charCodeAt(offset);
          const insideEol = text[offset] === '\n' && text[offset - 1] === '\r';
          const insidePair = (code & 0xfc00) === 0xdc00;
          const bom = offset === 0 && index.bom;
          if (insideEol || insidePair || bom) continue;
          expect(offsetAt(index, positionAt(index, offset))).toBe(offset);
        }
      }),
    );
  });
});

describe('the heading completion context', () => {
  it.each([
    ["### Title[KD", 12, { group: 0, start: 10, typed: 'KD' }],
    ["### Title(AL)[", 14, { group: 0, start: 14, typed: '' }],
    ["### Title[KDD'18][Goo", 21, { group: 1, start: 18, typed: 'Goo' }],
    ["### Title[KDD'18][Google, Ali", 29, { group: 1, start: 26, typed: 'Ali' }],
    ["### Title[KDD'18][Google，字节", 27, { group: 1, start: 25, typed: '字节' }],
    ["### Title[Google]", 12, { group: 0, start: 10, typed: 'Go' }],
  ])('%j at %i', (line, character, context) => {
    expect(bracketContext(line, character)).toEqual(context);
  });

  it.each([
    ['### Title(A', 11, 'inside the alias'],
    ["### Title[KDD'1", 15, 'after the year quote'],
    ['### Title', 5, 'in the title'],
    ['## Section[x', 12, 'in a section heading'],
    ['- a note [x', 11, 'in a note'],
    ["### Title[KDD'18]", 17, 'after a closed bracket'],
  ])('%j at %i: nothing (%s)', (line, character) => {
    expect(bracketContext(line, character)).toBeNull();
  });
});

describe('one edit for a whole-file change', () => {
  it('turns before into after, and never splits a surrogate pair or a CRLF', () => {
    const piece = fc.constantFrom('a', 'b', '😀', '😁', '\r\n', '\n', '中');
    fc.assert(
      fc.property(fc.array(piece), fc.array(piece), (a, b) => {
        const before = a.join('');
        const after = b.join('');
        const edit = replaceChanged(before, after);
        if (before === after) {
          expect(edit).toBeNull();
          return;
        }
        expect(applyEdits(before, [edit!]).output).toBe(after);
        const splits = (s: string, i: number) => (i > 0 && i < s.length && (s.charCodeAt(i) & 0xfc00) === 0xdc00) || (s[i] === '\n' && s[i - 1] === '\r');
        expect(splits(before, edit!.start) || splits(before, edit!.end)).toBe(false);
      }),
    );
  });

  it('finds the smallest edit in texts longer than the blocks it compares at once', () => {
    const piece = fc.constantFrom('a', 'b', '😀', '\r\n', '\n', '中');
    const long = fc.array(piece, { minLength: 1, maxLength: 3000 });
    fc.assert(
      fc.property(long, fc.nat(), fc.nat(), fc.array(piece, { maxLength: 5 }), (pieces, i, j, inserted) => {
        // A typist's change: a few characters removed somewhere, a few put in their place.
        const a = i % (pieces.length + 1);
        const b = Math.min(pieces.length, a + (j % 4));
        const before = pieces.join('');
        const after = [...pieces.slice(0, a), ...inserted, ...pieces.slice(b)].join('');
        const edit = replaceChanged(before, after);
        if (before === after) {
          expect(edit).toBeNull();
          return;
        }
        expect(applyEdits(before, [edit!]).output).toBe(after);
        // Nothing both texts share at either end is in the edit, but a character at each end where a
        // pair or a CRLF would be split (one more on each side of the edit, in both texts).
        const removed = before.slice(edit!.start, edit!.end);
        expect(removed.length + edit!.text.length).toBeLessThanOrEqual(pieces.slice(a, b).join('').length + inserted.join('').length + 4);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('details', () => {
  it.each([
    [{ venue: 'KDD', year: 2018, orgs: ['Alibaba'] }, "KDD'18 · Alibaba"],
    [{ venue: 'arXiv', year: 2005, orgs: ['Google', 'MIT'] }, "arXiv'05 · Google, MIT"],
    [{ venue: null, year: 2020, orgs: [] }, '2020'],
    [{ venue: 'OSDI', year: null, orgs: [] }, 'OSDI'],
    [{ venue: null, year: null, orgs: ['UW'] }, 'UW'],
    [{ venue: null, year: null, orgs: [] }, ''],
  ])('%j -> %j', (entry, detail) => {
    expect(entryDetail(entry)).toBe(detail);
  });

  it('counts notes, finds words and aliases', () => {
    expect(noteCount('- a\n  - b\n- c')).toBe(3);
    expect(noteCount('just a paragraph\n\nand another')).toBe(2);
    expect(noteCount('')).toBe(0);
    expect(wordAt('- 比 DIN 好', 4)).toEqual({ text: 'DIN', start: 4, end: 7 });
    expect(wordAt('- see DIN.', 8)).toEqual({ text: 'DIN', start: 6, end: 9 });
    expect(wordAt('- 中文', 3)).toBeNull();
    expect(entriesByAlias([{ alias: 'DIN' }, { alias: null }, { alias: 'din' }], 'Din')).toEqual([{ alias: 'DIN' }, { alias: 'din' }]);
  });
});
