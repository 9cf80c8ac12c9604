import { describe, expect, it } from 'vitest';
import { expandYear, parseHeading } from '../../src/store/heading.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const isVenue = (name: string): boolean => venues.canonicalOf(name) !== null;

describe('parseHeading', () => {
  it.each([
    ['Deep Interest Network for Click-Through Rate Prediction(DIN)[KDD\'18][Ali]', 'Deep Interest Network for Click-Through Rate Prediction', 'DIN', 'KDD', 2018, ['Ali']],
    ['Dense Passage Retrieval (DPR) [EMNLP\'20] [Facebook]', 'Dense Passage Retrieval', 'DPR', 'EMNLP', 2020, ['Facebook']],
    ['Dount: ', 'Dount', null, null, null, []],
    ['LayoutLM:', 'LayoutLM', null, null, null, []],
    ['Wide & Deep Learning for Recommender Systems[DLRS\'16][Google]', 'Wide & Deep Learning for Recommender Systems', null, 'DLRS', 2016, ['Google']],
    ['Welder: Scheduling Deep Learning Memory Access via Tile-graph', 'Welder: Scheduling Deep Learning Memory Access via Tile-graph', null, null, null, []],
    ['Some Paper[OSDI\'22][UC Berkeley]', 'Some Paper', null, 'OSDI', 2022, ['UC Berkeley']],
    ['SVTR: Scene Text Recognition with a Single Visual Model[IJCAI\'22][BJTU,Baidu]', 'SVTR: Scene Text Recognition with a Single Visual Model', null, 'IJCAI', 2022, ['BJTU', 'Baidu']],
    ['Big Model[NeurIPS\'2023][Meta]', 'Big Model', null, 'NeurIPS', 2023, ['Meta']],
    ['DBNet: Real-time Scene Text Detection[AAAI\'20]', 'DBNet: Real-time Scene Text Detection', null, 'AAAI', 2020, []],
    ['Old Paper[NIPS\'99][Bell Labs]', 'Old Paper', null, 'NIPS', 1999, ['Bell Labs']],
    ['Spaced[OSDI 2022][UC Berkeley, Google Research]', 'Spaced', null, 'OSDI', 2022, ['UC Berkeley', 'Google Research']],
    ['Venue Without Year[OSDI][Google]', 'Venue Without Year', null, 'OSDI', null, ['Google']],
    ['Only Org[Google]', 'Only Org', null, null, null, ['Google']],
    ['Full Width（FW）【KDD\'19】【Ali】', 'Full Width', 'FW', 'KDD', 2019, ['Ali']],
    ['Curly Quote[ACL’21][Allen AI]', 'Curly Quote', null, 'ACL', 2021, ['Allen AI']],
    ['Year Only[2023][Lab]', 'Year Only', null, null, 2023, ['Lab']],
    ['Title With (a long parenthetical remark in it)', 'Title With (a long parenthetical remark in it)', null, null, null, []],
    ['中文标题[KDD\'20][阿里]', '中文标题', null, 'KDD', 2020, ['阿里']],
  ])('%s', (raw, title, alias, venue, year, orgs) => {
    const h = parseHeading(raw, isVenue);
    expect({ title: h.title, alias: h.alias, venue: h.venueRaw, year: h.year, orgs: h.orgs }).toEqual({ title, alias, venue, year, orgs });
  });

  it('flags a trailing colon and spaces with a fix that removes them', () => {
    const h = parseHeading('Dount: ');
    expect(h.issues).toEqual([expect.objectContaining({ code: 'trailing-punctuation', start: 5, end: 7, fix: '' })]);
  });

  it('flags a colon between the title and the metadata', () => {
    const h = parseHeading('Paper:[KDD\'18]');
    expect(h.title).toBe('Paper');
    expect(h.issues.map((i) => i.code)).toEqual(['trailing-punctuation']);
  });

  it.each([
    ['', 'empty-title'],
    ['   ', 'empty-title'],
    ['Paper[KDD\'18', 'unbalanced-bracket'],
    ['Paper (unclosed[KDD\'18]', 'unbalanced-bracket'],
    ['Paper[KDD\'18][Ali] extra words', 'text-after-metadata'],
  ])('reports %j as %s', (raw, code) => {
    expect(parseHeading(raw).issues.map((i) => i.code)).toContain(code);
  });

  it('keeps the places of the venue and the orgs for fixes', () => {
    const raw = 'Paper[Arxiv\'23][google, UW]';
    const h = parseHeading(raw);
    expect(raw.slice(...h.venueSpan!)).toBe('Arxiv');
    expect(h.orgSpans.map(([s, e]) => raw.slice(s, e))).toEqual(['google', 'UW']);
  });

  it('maps two-digit years around a 1950 pivot', () => {
    expect([expandYear('18'), expandYear('49'), expandYear('50'), expandYear('99'), expandYear('2023')]).toEqual([2018, 2049, 1950, 1999, 2023]);
  });
});
