import { readdirSync, readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnyHeading, parseHeading, parseOurs } from '../../src/store/heading.js';
import { createVenueRegistry } from '../../src/store/venues.js';

// parseOurs reads the plainest of our headings without the whole grammar: wherever it answers, the
// answer must be the whole grammar's, and it must answer for the headings a digest of ours is made of.
const venues = createVenueRegistry();
const isVenue = (name: string): boolean => venues.isKnown(name);

/** The `##` to `####` heading lines of every markdown file under a folder, markers kept. */
function headingsUnder(dir: URL): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory()) out.push(...headingsUnder(new URL(`${name}/`, dir)));
    else if (name.endsWith('.md')) out.push(...readFileSync(url, 'utf8').split(/\r?\n/).filter((l) => /^#{2,4} /.test(l)));
  }
  return out;
}

// Pieces that the whole grammar treats in some way of its own, glued in any order.
const piece = fc.constantFrom(
  'Deep', 'Interest', 'Network', ' ', ' ', '推荐', '模型', 'DIN', 'KDD', 'CVPR', 'OSDI', 'arXiv', 'Li Fei-Fei', 'Kaiming He', '3.', '2.5D',
  '(', ')', '（', '）', '[', ']', '【', '】', "'", '’', '18', '2019', '1907', ':', '：', '.', ',', '-', ' - ', '**', '__', '_', '*', '`', '<b>', '</b>',
  'http://x.y', 'www.x', '!', '\\', '(DIN)', '(2015)', '(Oral)', '(CVPR)', "[KDD'18]", '[OSDI 2022]', '[Ali]', '[Ali,Google]', '[pdf]', '[[pdf]](u)', '(u)',
  '[2019]', '[3]', '[Oral]', '[]', 'No. 3', 'CVPR 2019: ', '\u3000', '\t',
);
const heading = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
// Ours, with the variations it allows: spaces, an alias or none, full-width parentheses, organisations or none.
const ours = fc
  .record({
    title: fc.constantFrom('Deep Interest Network', '推荐 模型', 'A: B', 'GPT-2 Is Good.', 'Kaiming He', 'CVPR 2019 Title', 'x'),
    alias: fc.option(fc.constantFrom('(DIN)', '（DIN）', ' (Mask R-CNN)', '(2015)', '(Oral)', '(CVPR)', '(Li Fei-Fei)', '(a b c d)'), { nil: '' }),
    venue: fc.constantFrom("[KDD'18]", ' [OSDI 2022]', "[arXiv'19]", '[Foo 2020]', '[OSDI]', '[Ali]', "[KDD'18 ]", '[2019]'),
    orgs: fc.option(fc.constantFrom('[Ali]', ' [Ali, Google]', '[]', '[pdf]', '[Oral]', "[KDD'19]", '[3]'), { nil: '' }),
  })
  .map((h) => `${h.title}${h.alias}${h.venue}${h.orgs}`);

describe('parseOurs, the plainest of our headings read without the whole grammar', () => {
  it('reads every heading it answers for exactly as the whole grammar does', () => {
    fc.assert(
      fc.property(fc.oneof(heading, ours), (raw) => {
        const fast = parseOurs(raw, isVenue);
        if (fast !== null) expect(fast).toEqual(parseAnyHeading(raw, isVenue));
        expect(parseHeading(raw, isVenue)).toEqual(parseAnyHeading(raw, isVenue));
      }),
      { numRuns: 5000 },
    );
  });

  it('answers for most of ours and reads them as the whole grammar does', () => {
    let answered = 0;
    fc.assert(
      fc.property(ours, (raw) => {
        const fast = parseOurs(raw, isVenue);
        if (fast === null) return;
        answered++;
        expect(fast).toEqual(parseAnyHeading(raw, isVenue));
      }),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(400);
  });

  it('agrees with the whole grammar on every heading of the shipped digest and the fixtures, and answers for most of the shipped one', () => {
    const shipped = headingsUnder(new URL('../../notes/', import.meta.url));
    const all = [...shipped, ...headingsUnder(new URL('../fixtures/', import.meta.url))];
    expect(all.length).toBeGreaterThan(200);
    for (const line of all) {
      const raw = line.replace(/^#+ /, '');
      const fast = parseOurs(raw, isVenue);
      if (fast !== null) expect(fast, raw).toEqual(parseAnyHeading(raw, isVenue));
    }
    const entries = shipped.filter((l) => l.startsWith('### ')).map((l) => l.slice(4));
    const answered = entries.filter((raw) => parseOurs(raw, isVenue) !== null).length;
    expect(answered / entries.length).toBeGreaterThan(0.8);
  });

  it.each([
    ["Deep Interest Network(DIN)[KDD'18][Ali]", 'Deep Interest Network', 'DIN', ['Ali']],
    ["Title [OSDI 2022] [Ali, Google]", 'Title', null, ['Ali', 'Google']],
    ['推荐 模型（DIN）[arXiv 1907]', '推荐 模型', 'DIN', []],
  ])('reads %j', (raw, title, alias, orgs) => {
    const fast = parseOurs(raw, isVenue);
    expect(fast).not.toBeNull();
    expect([fast!.title, fast!.alias, fast!.orgs, fast!.issues]).toEqual([title, alias, orgs, []]);
  });

  it.each([
    ["3.PSPNet(PSP)[CVPR'17]"], // numbered
    ['CVPR 2019: Title[Ali 2019]'], // a bare venue in front
    ["Title:[KDD'18]"], // a colon before the metadata
    ["Title(Li Fei-Fei)[KDD'18]"], // a name, not an alias
    ['Title[Ali][Google]'], // no dated venue group
    ["Title[KDD'18] (DIN)"], // text after the metadata
    ["**Title**[KDD'18]"], // markup
    ["Title http://x.y[KDD'18]"], // a URL
  ])('leaves %j to the whole grammar', (raw) => {
    expect(parseOurs(raw, isVenue)).toBeNull();
  });
});
