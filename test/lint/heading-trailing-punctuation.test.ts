import { describe, expect, it } from 'vitest';
import { lintText } from './lint-helpers.js';

const rules = ['heading-trailing-punctuation'];

describe('heading-trailing-punctuation in a digest of paper lists', () => {
  const list = (ending: string) =>
    [
      '## Security',
      '',
      `1. **Intriguing properties of neural networks**${ending}`,
      '   Christian Szegedy, Wojciech Zaremba',
      '   *ICLR 2014*',
      '   - adversarial examples exist',
      `2. **Explaining and Harnessing Adversarial Examples**${ending}`,
      '   Ian J. Goodfellow, Jonathon Shlens',
      '   *ICLR 2015*',
      '',
    ].join('\n');

  it('leaves alone two spaces that break an item line (markdown, not a slip)', async () => {
    expect(await lintText(list('  '), { rules })).toEqual([]);
    expect(await lintText(list('   '), { rules })).toEqual([]);
  });

  it('still reports one stray space at the end of an item, and two at the end of a heading', async () => {
    expect((await lintText(list(' '), { rules })).map((m) => [m.line, m.message])).toEqual([
      [3, 'Unexpected spaces at the end of the heading, expected nothing'],
      [7, 'Unexpected spaces at the end of the heading, expected nothing'],
    ]);
    expect((await lintText("## S\n### Title[KDD'18]  \n- a\n", { rules })).map((m) => m.line)).toEqual([2]);
  });
});
