import { describe, expect, it } from 'vitest';
import { lintText } from './lint-helpers.js';

const rules = ['missing-metadata'];

describe('missing-metadata in a digest whose venues and years are not in its headings', () => {
  it('asks a table of papers for what most of its rows give, never for organisations it has no column for', async () => {
    const text = [
      '## Storage',
      '| Paper | Venue | Year |',
      '|---|---|---|',
      '| The Google File System | SOSP | 2003 |',
      '| Bigtable | OSDI | 2006 |',
      '| Some Draft | | |',
      '',
    ].join('\n');
    expect((await lintText(text, { rules })).map((m) => [m.line, m.message])).toEqual([
      [6, 'Missing venue and year in the heading of "Some Draft", expected them where the file\'s other entries give them'],
    ]);
  });

  it('still asks our own dialect for all three, organisations once the file names any', async () => {
    const text = "## S\n### A Paper[KDD'18][Ali]\n- a\n### Another Paper\n- b\n";
    expect((await lintText(text, { rules })).map((m) => m.message)).toEqual([
      'Missing venue, year and organisation in the heading of "Another Paper", expected Title[Venue\'YY][Org]',
    ]);
  });
});
