import { describe, expect, it } from 'vitest';
import { addInputSchema, addIssueLines, adviseVenue, fieldProblem, notesFromText, splitOrgs, type AddDraft } from '../../src/edit/add-input.js';
import { addTemplate, readTemplate } from '../../src/edit/add-template.js';
import { bulletMarker, detectStyle, formatHeading } from '../../src/edit/entry-text.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const schema = addInputSchema({ maxYear: 2026, venues });
const draft = (over: Partial<AddDraft> = {}): AddDraft => ({ title: 'A Paper', orgs: [], notes: [], ...over });
const problems = (d: AddDraft): string[] => {
  const r = schema.safeParse(d);
  return r.success ? [] : addIssueLines(r.error.issues, d);
};

describe('fieldProblem', () => {
  it.each([
    ['title', '', 'must not be empty'],
    ['title', '   ', 'must not be empty'],
    ['title', 'two\nlines', 'must be one line; it holds a line break'],
    ['title', 'bell\u0007', 'holds the control character U+0007 (BEL)'],
    ['title', 'nul\u0000', 'holds the control character U+0000 (NUL)'],
    ['title', 'csi\u009b2J', 'holds the control character U+009B (CSI)'],
    ['note', 'bidi \u202eevil', 'holds the bidi control U+202E (RLO)'],
    ['org', 'iso\u2066X', 'holds the bidi control U+2066 (LRI)'],
    ['title', '## Sneaky', 'starts with "#", which would change the heading\'s level'],
    ['title', 'Ends with #', 'ends with " #", which markdown drops from a heading'],
    ['title', 'Foo [bar]', 'holds "[", which would start the venue and organisation brackets'],
    ['title', 'Foo 【bar', 'holds "【", which would start the venue and organisation brackets'],
    ['title', 'Unbalanced (paren', 'has unbalanced parentheses; "(" and ")" must pair up'],
    ['title', 'Backwards )paren(', 'has unbalanced parentheses; "(" and ")" must pair up'],
    ['title', 'Colon at the end:', 'ends with ":", which papers reads as punctuation, not title'],
    ['alias', '', 'must not be empty (leave it out for no alias)'],
    ['alias', 'D(I)N', 'holds "("; an alias is a short name like DIN'],
    ['alias', 'one two three four', 'is longer than 3 words or 40 characters, so it would not read as an alias'],
    ['venue', 'KDD[18]', 'holds "[", which would break the heading\'s brackets'],
    ['venue', 'KDD,ICML', 'holds ",", which would make it read as organisations'],
    ['org', 'Ali,Google', 'holds ",", which would split it into two organisations; give the option once per organisation'],
    ['org', 'Ali、Google', 'holds "、", which would split it into two organisations; give the option once per organisation'],
    ['org', 'Ali]', 'holds "]", which would break the heading\'s brackets'],
    ['org', '', 'must not be empty'],
    ['note', '# heading', 'starts with "#", which would start a heading'],
    ['note', '  ### indented heading', 'starts with "#", which would start a heading'],
    ['note', 'a\r\nb', 'must be one line; it holds a line break'],
    ['note', '```', 'starts with "```", which would open a code fence: the rest of the file would read as code'],
    ['note', '  ~~~~ python', 'starts with "~~~~", which would open a code fence: the rest of the file would read as code'],
    ['note', 'see <!-- hidden', 'holds "<!--", which would open an HTML comment and hide the text after it'],
    ['note', 'A --> B', 'holds "-->", which closes an HTML comment (a lint directive\'s); write "->" or "→" for an arrow'],
    ['note', '', 'must not be empty'],
    ['year', '20x8', '"20x8" is not a year; expected 2018 (or 18)'],
    ['section', '# Top', 'starts with "#", which would change the heading\'s level'],
  ] as const)('%s %j: %s', (field, value, message) => {
    expect(fieldProblem(field, value)).toBe(message);
  });

  it.each([
    ['title', 'C# in Depth'],
    ['title', 'Deep & Cross Network (DCN) for Ads'],
    ['title', '深度兴趣网络：用户行为建模'],
    ['title', 'Tabs\tare fine'],
    ['alias', 'GPT-4'],
    ['venue', "KDD'18"],
    ['venue', 'USENIX Security'],
    ['org', 'Google DeepMind'],
    ['note', '公式 $x_i$ 与 [链接](a.md)，#不是标题'],
    ['note', 'inline ```code``` and ~~~ in the middle, A -> B → C'],
  ] as const)('accepts %s %j', (field, value) => {
    expect(fieldProblem(field, value)).toBeNull();
  });
});

describe('addInputSchema', () => {
  it('reads the year from the venue, or from --year, the same way', () => {
    const a = schema.parse(draft({ venue: "KDD'18" }));
    const b = schema.parse(draft({ venue: 'KDD', year: '2018' }));
    const c = schema.parse(draft({ venue: 'KDD 2018', year: '18' }));
    for (const x of [a, b, c]) expect([x.venue, x.year]).toEqual(['KDD', 2018]);
  });

  it('trims fields and keeps the order of organisations and notes', () => {
    expect(schema.parse(draft({ title: '  Spaced  ', alias: ' DIN ', orgs: [' Ali ', 'CMU'], notes: [' one ', 'two'] }))).toEqual({
      title: 'Spaced',
      alias: 'DIN',
      venue: null,
      year: null,
      orgs: ['Ali', 'CMU'],
      notes: ['one', 'two'],
    });
  });

  it.each([
    [draft({ year: '1949' }), '--year: 1949 is outside 1950..2026'],
    [draft({ year: '2027' }), '--year: 2027 is outside 1950..2026'],
    [draft({ venue: "KDD'1900" }), '--venue: 1900 is outside 1950..2026'],
    [draft({ venue: "KDD'18", year: '2019' }), '--year: 2019 disagrees with the venue\'s year 2018; give the year once'],
    [
      draft({ venue: 'MyConf' }),
      '--venue: "MyConf" has no year; give the year (a heading names a venue with it: MyConf\'YY)',
    ],
    [draft({ venue: 'OSDI' }), '--venue: "OSDI" has no year; give the year (a heading names a venue with it: OSDI\'YY)'],
    [draft({ title: 'Scaling Laws (Revisited)' }), '--title: would read back as the title "Scaling Laws" with the alias "Revisited"; reword it, or give the alias on its own'],
    [draft({ title: '' }), '--title: must not be empty'],
    [{ orgs: [], notes: [] } as AddDraft, '--title: is required'],
  ])('refuses %j', (d, message) => {
    expect(problems(d)).toEqual([message]);
  });

  it('names each failing organisation and note by its value, one line each', () => {
    expect(problems(draft({ title: 'x [y', orgs: ['Ali', 'a,b'], notes: ['fine', '# not fine at all, it is a heading'] }))).toEqual([
      '--title: holds "[", which would start the venue and organisation brackets',
      '--org "a,b": holds ",", which would split it into two organisations; give the option once per organisation',
      'note 2 ("# not fine at all, it is…"): starts with "#", which would start a heading',
    ]);
  });

  it('accepts a lone year, and a venue with its year given apart', () => {
    expect(schema.parse(draft({ year: '2023' }))).toMatchObject({ venue: null, year: 2023 });
    expect(schema.parse(draft({ venue: 'OSDI', year: '23' }))).toMatchObject({ venue: 'OSDI', year: 2023 });
  });
});

describe('adviseVenue', () => {
  it('writes a case variant as the registered spelling and warns about unknown ones', () => {
    expect(adviseVenue('neurips', venues)).toEqual({ venue: 'NeurIPS', message: 'writing the venue "neurips" as "NeurIPS", its registered spelling' });
    expect(adviseVenue('NIPS', venues)).toEqual({ venue: 'NIPS', message: null });
    expect(adviseVenue('Arivx', venues)).toEqual({ venue: 'arXiv', message: 'writing the venue "Arivx" as "arXiv", a misspelling of it' });
    expect(adviseVenue('COLM', venues)).toEqual({ venue: 'COLM', message: 'warning: "COLM" is not a known venue; did you mean "COLT"? (written as given)' });
    expect(adviseVenue('MyConf', venues).message).toBe('warning: "MyConf" is not a known venue (written as given; add it to papers.config.json "venues" to silence this)');
    expect(adviseVenue(null, venues)).toEqual({ venue: null, message: null });
  });
});

describe('notes and organisations typed as text', () => {
  it('one note per non-blank line, list markers dropped', () => {
    expect(notesFromText('- one\r\n\r\n* two\n  + three  \n\nfour\r')).toEqual(['one', 'two', 'three', 'four']);
  });

  it('splits organisations on the separators headings use', () => {
    expect(splitOrgs('Ali, Google，清华、 MSRA;')).toEqual(['Ali', 'Google', '清华', 'MSRA']);
  });
});

describe('the heading style', () => {
  const fields = { title: 'T', alias: 'A', venue: 'KDD', year: 2018, orgs: ['Ali', 'CMU'] };

  it('writes the shipped digest\'s style by default', () => {
    expect(formatHeading(fields)).toBe("T(A)[KDD'18][Ali,CMU]");
    expect(formatHeading({ ...fields, venue: null, orgs: [] })).toBe('T(A)[2018]');
    expect(formatHeading({ ...fields, alias: null, venue: null, year: null, orgs: [] })).toBe('T');
    expect(formatHeading({ ...fields, year: 2005 })).toBe("T(A)[KDD'05][Ali,CMU]");
  });

  it('follows the majority of the file', () => {
    const style = detectStyle(["One (O) [KDD'2019] [Ali, Google]", "Two [ACL'2021] [MSRA, PKU]", "Three[ICML'22]"]);
    expect(style).toEqual({ fullYear: true, spaceBeforeAlias: true, spaceBeforeGroups: true, spaceBetweenGroups: true, orgSeparator: ', ' });
    expect(formatHeading(fields, style)).toBe("T (A) [KDD'2018] [Ali, CMU]");
    expect(detectStyle([])).toEqual(detectStyle(["Deep Interest Network(DIN)[KDD'18][Ali]"]));
  });

  it('picks the bullet marker most lines use', () => {
    expect(bulletMarker('* a\n* b\n- c\n**bold**')).toBe('*');
    expect(bulletMarker('text\n  - nested only')).toBeNull();
  });
});

describe('the --edit template', () => {
  const sections = [{ index: 1, title: '推荐系统', slug: 'recsys', count: 4, file: 'p.md', line: 28 }];
  const values = { draft: draft({ title: undefined, orgs: ['Ali'], notes: ['n1'] }), section: null };

  it('lists the sections and pre-fills what was given', () => {
    const t = addTemplate(values, sections);
    expect(t).toContain('#   1. recsys  推荐系统\n');
    expect(t).toContain('\ntitle: \nalias: \nvenue: \nyear: \norgs: Ali\nsection: \nnotes (one per line):\n- n1\n');
  });

  it('reads back what was saved', () => {
    const t = addTemplate(values, sections);
    const saved = t.replace(/^title: $/m, 'title: Deep Interest Network').replace(/^venue: $/m, "venue: KDD'18").replace(/^section: $/m, 'section: recsys').replace('- n1', '- n1\n第二条\n\n- 第三条').replace(/\n/g, '\r\n');
    expect(readTemplate(saved, t)).toEqual({
      draft: { title: 'Deep Interest Network', alias: undefined, venue: "KDD'18", year: undefined, orgs: ['Ali'], notes: ['n1', '第二条', '第三条'] },
      section: { kind: 'query', query: 'recsys' },
    });
    const created = readTemplate(t.replace(/^title: $/m, 'title: X').replace(/^section: $/m, 'new section: 新的'), t);
    expect(created?.section).toEqual({ kind: 'new', title: '新的' });
  });

  it('means nothing when unchanged, emptied or without a title', () => {
    const t = addTemplate(values, sections);
    expect(readTemplate(t, t)).toBeNull();
    expect(readTemplate('', t)).toBeNull();
    expect(readTemplate(t.replace('orgs: Ali', 'orgs: Ali, CMU'), t)).toBeNull();
  });

  it('points at a line it cannot read', () => {
    const t = addTemplate(values, sections);
    expect(() => readTemplate(t.replace(/^title: $/m, 'title: X\nvenu: KDD'), t)).toThrow(
      'line 10 of the saved template: expected "field: value" with a field among title, alias, venue, year, orgs, section, new section or notes, got "venu: KDD"',
    );
  });
});
