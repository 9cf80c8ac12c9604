import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInputSchema, readBackProblem } from '../../src/edit/add-input.js';
import { detectStyle, detectVenueStyle, formatHeading, type HeadingStyle } from '../../src/edit/entry-text.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const isVenue = (name: string): boolean => venues.isKnown(name);
const schema = addInputSchema({ maxYear: 2026, venues });

// Fields from pieces that could break a heading; the schema decides which are accepted.
const piece = fc.constantFrom('Paper', '论文', ' ', 'A', '(', ')', '[', ']', '【', '#', ':', ',', "'", '’', '-', '&', 'Ｋ', '2019', 'DIN');
const text = fc.array(piece, { minLength: 0, maxLength: 6 }).map((p) => p.join(''));
const draft = fc.record({
  title: text,
  alias: fc.option(fc.oneof(fc.constantFrom('DIN', 'T5 v2'), text), { nil: undefined }),
  venue: fc.option(fc.oneof(fc.constantFrom("KDD'18", 'NeurIPS', 'arxiv', 'MyConf', 'ACM MM'), text), { nil: undefined }),
  year: fc.option(fc.constantFrom('2018', '19', '1950'), { nil: undefined }),
  orgs: fc.array(fc.oneof(fc.constantFrom('Ali', '清华'), text), { maxLength: 2 }),
  notes: fc.constant([]),
});
const style = fc.record<HeadingStyle>({
  fullYear: fc.boolean(),
  spaceBeforeAlias: fc.boolean(),
  spaceBeforeGroups: fc.boolean(),
  spaceBetweenGroups: fc.boolean(),
  orgSeparator: fc.constantFrom(',', ', '),
});

describe('formatHeading in our own dialect (property)', () => {
  // planAdd writes in the digest's spacing; what the schema accepts must read back in every spacing.
  it('writes fields the schema accepts so that they read back, however the digest spaces its headings', () => {
    fc.assert(
      fc.property(draft, style, (d, s) => {
        const parsed = schema.safeParse(d);
        fc.pre(parsed.success);
        expect(readBackProblem(parsed.data!, isVenue, formatHeading(parsed.data!, s))).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back a title in parentheses with a spaced alias or venue', () => {
    const fields = { title: '(Paper)', alias: 'PAP', venue: 'arxiv', year: 1950, orgs: [], notes: [] };
    for (const s of [{ spaceBeforeAlias: true }, { spaceBeforeGroups: true }]) {
      const heading = formatHeading({ ...fields, alias: s.spaceBeforeAlias ? 'PAP' : null }, { fullYear: false, spaceBeforeAlias: false, spaceBeforeGroups: false, spaceBetweenGroups: false, orgSeparator: ',', ...s });
      expect(readBackProblem({ ...fields, alias: s.spaceBeforeAlias ? 'PAP' : null }, isVenue, heading)).toBeNull();
    }
  });
});

describe('detectVenueStyle: the separator before a trailing venue', () => {
  const isVenue = (name: string): boolean => createVenueRegistry().isKnown(name);
  it.each([
    [['A Title. ICLR 2018', 'B Title. NeurIPS 2017'], '. '],
    [['A Title, AAAI 2018', 'B Title, KDD 2019'], ', '],
    [['A Title - CVPR 2015', 'B Title - ICCV 2017'], ' - '],
    [['A Title —— EMNLP 2014', 'B Title —— ACL 2019'], ' —— '],
  ])('%j writes %j before the venue, and the heading it writes reads back', (raws, separator) => {
    const style = detectVenueStyle(raws, isVenue);
    expect(style.trailingSeparator).toBe(separator);
    const heading = formatHeading({ title: 'A ConvNet for Modern Times', alias: null, venue: 'CVPR', year: 2022, orgs: [] }, detectStyle(raws), style);
    expect(heading).toBe(`A ConvNet for Modern Times${separator}CVPR 2022`);
    expect(readBackProblem({ title: 'A ConvNet for Modern Times', alias: null, venue: 'CVPR', year: 2022, orgs: [] }, isVenue, heading)).toBeNull();
  });
});
