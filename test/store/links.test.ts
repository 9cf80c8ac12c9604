import { describe, expect, it } from 'vitest';
import { mayHoldLinks } from '../../src/store/links.js';

describe('mayHoldLinks', () => {
  it.each([
    ["### Paper[KDD'18][Ali]\n- notes", false],
    ['- see [survey](survey.md)', true],
    ['- https://arxiv.org/abs/1', true],
    ['- www.example.com', true],
    ['- <mailto:me@example.com>', true],
    ['- [text][label]', false],
    ['- [text][label]\n\n[label]: a.md', true],
    ['[label]: a.md', true],
  ])('%j -> %s', (text, expected) => {
    expect(mayHoldLinks(text)).toBe(expected);
  });

  it('considers reference links when told the file has definitions', () => {
    expect(mayHoldLinks("### Paper[KDD'18][Ali]", true)).toBe(true);
    expect(mayHoldLinks("### Paper[KDD'18][Ali]", false)).toBe(false);
  });
});
