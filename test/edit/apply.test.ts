import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/edit/apply.js';
import { unifiedDiff } from '../../src/edit/diff.js';

describe('applyEdits', () => {
  it('replaces and inserts from the original offsets, whatever the order given', () => {
    const r = applyEdits('abcdef', [
      { start: 4, end: 5, text: 'E' },
      { start: 0, end: 0, text: '>' },
      { start: 1, end: 3, text: 'BC' },
    ]);
    expect(r.output).toBe('>aBCdEf');
    expect(r.skipped).toEqual([]);
  });

  it('skips an edit that overlaps or touches an earlier replacement', () => {
    const r = applyEdits('abcdef', [
      { start: 1, end: 3, text: 'X' },
      { start: 2, end: 4, text: 'Y' },
      { start: 3, end: 4, text: 'Z' },
    ]);
    expect(r.output).toBe('aXdef');
    expect(r.skipped.map((e) => e.text)).toEqual(['Y', 'Z']);
  });

  it('skips edits outside the text', () => {
    expect(applyEdits('ab', [{ start: 1, end: 5, text: 'x' }]).output).toBe('ab');
  });

  it('changes nothing outside the edited ranges (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.nat(60), fc.nat(5), fc.string({ maxLength: 10 }), (source, at, len, text) => {
        const start = Math.min(at, source.length);
        const end = Math.min(start + len, source.length);
        const { output } = applyEdits(source, [{ start, end, text }]);
        expect(output.slice(0, start)).toBe(source.slice(0, start));
        expect(output.slice(start, start + text.length)).toBe(text);
        expect(output.slice(start + text.length)).toBe(source.slice(end));
      }),
    );
  });
});

describe('unifiedDiff', () => {
  it('prints a unified diff with a/ and b/ names, and nothing for no change', () => {
    const d = unifiedDiff('notes/x.md', 'a\nb\n', 'a\nB\n');
    expect(d).toContain('--- a/notes/x.md');
    expect(d).toContain('+++ b/notes/x.md');
    expect(d).toContain('-b\n+B');
    expect(unifiedDiff('x', 'same', 'same')).toBe('');
  });
});
