// The dialect corpus: fixtures in each way issue 14 lists that digests write their papers, each with
// the papers it holds (line, title, venue, year) and the lint findings expected, in expected.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/store/schema.js';
import { memoryIo, run } from '../helpers/memory-io.js';

type Paper = [line: number, title: string, venue: string | null, year: number | null];
const dir = new URL('../fixtures/dialects/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, { papers: Paper[]; lint: string[] }>;
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, dir)));

/** The store's entries of one fixture, read as a user's digest is (decoding included). */
async function entriesOf(name: string): Promise<Entry[]> {
  const r = await run(memoryIo({ '/w/notes/digest.md': bytesOf(name) }, { cwd: '/w' }), 'list', '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Entry[];
}

/** The share of the expected papers read as entries with the right title, venue and year, and the ones read wrong. */
function paperShare(entries: readonly Entry[], papers: readonly Paper[]): { share: number; wrong: string[] } {
  const byLine = new Map(entries.map((e) => [e.line, JSON.stringify([e.line, e.title, e.venue, e.year])]));
  const wrong = papers.filter((p) => byLine.get(p[0]) !== JSON.stringify(p)).map((p) => `${JSON.stringify(p)} read as ${byLine.get(p[0]) ?? 'no entry'}`);
  return { share: (papers.length - wrong.length) / papers.length, wrong };
}

describe.each(Object.entries(expected))('the %s dialect fixture', (name, want) => {
  it('reads at least 95% of its papers with the right title, venue and year, and nothing else as an entry', async () => {
    const entries = await entriesOf(name);
    const { share, wrong } = paperShare(entries, want.papers);
    expect(share, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(entries.map((e) => e.line)).toEqual(want.papers.map((p) => p[0]));
  });

  it('lints with exactly the expected findings, none of them a heading-syntax error', async () => {
    const r = await run(memoryIo({ '/w/notes/digest.md': bytesOf(name) }, { cwd: '/w' }), 'lint', '--format', 'json');
    const report = JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; ruleId: string }> }>;
    const found = report.flatMap((f) => f.messages.map((m) => `${m.line} ${m.ruleId}`));
    expect(found).toEqual(want.lint);
    expect(found.filter((f) => f.endsWith('heading-syntax'))).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('the corpus as a whole', () => {
  it('has a fixture for every dialect row of issue 14, and reads every paper of them right', async () => {
    expect(Object.keys(expected).sort()).toEqual(['awesome.md', 'bullets.md', 'gbk.md', 'glued.md', 'h2-numbered.md', 'h3-name-year.md', 'h4.md', 'mixed.md', 'trailing.md', 'venue-first.md']);
    let right = 0;
    let total = 0;
    for (const [name, want] of Object.entries(expected)) {
      const { share } = paperShare(await entriesOf(name), want.papers);
      right += share * want.papers.length;
      total += want.papers.length;
    }
    expect(right / total).toBe(1);
  });

  it('reads the GBK digest exactly like its UTF-8 copy', async () => {
    const gbk = await entriesOf('gbk.md');
    const utf8 = await entriesOf('h3-name-year.md');
    expect(gbk).toEqual(utf8);
    expect(gbk.some((e) => /[\u4e00-\u9fff]/.test(e.notes))).toBe(true);
  });
});

// Held out: digests written by someone who did not write the grammar nor look at it, scored without
// changing the grammar for them. A paper is matched by its title, so a wrong title counts as missed.
type HeldOut = [title: string, venue: string | null, year: number | null];
const heldOutDir = new URL('../fixtures/dialects-heldout/', import.meta.url);
const heldOut = JSON.parse(readFileSync(new URL('expected.json', heldOutDir), 'utf8')) as Record<string, { papers: HeldOut[]; lint: string[] }>;
const heldOutIo = (name: string) => memoryIo({ '/w/notes/digest.md': new Uint8Array(readFileSync(new URL(name, heldOutDir))) }, { cwd: '/w' });

describe.each(Object.entries(heldOut))('the held-out %s digest', (name, want) => {
  it('reads each of its papers, and only them, with the right title, venue and year', async () => {
    const r = await run(heldOutIo(name), 'list', '--json');
    expect(r.code).toBe(0);
    const got = (JSON.parse(r.stdout) as Entry[]).map((e): HeldOut => [e.title, e.venue, e.year]);
    expect(got).toEqual(want.papers);
  });

  it('lints with the expected findings and no heading-syntax error', async () => {
    const r = await run(heldOutIo(name), 'lint', '--format', 'json');
    const report = JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; ruleId: string }> }>;
    expect(report.flatMap((f) => f.messages.map((m) => `${m.line} ${m.ruleId}`))).toEqual(want.lint);
    expect(r.code).toBe(0);
  });
});

// A second held-out set, scored the same way before the grammar saw it: 193 of its 211 papers were
// read right then (91%). The grammar has since learnt what it taught (a label after a dated venue in a
// bracket, emoji and `:shortcode:`s around a title and its links, an emphasised title before its
// authors, authors or a lab in parentheses after a trailing venue, an acronym glued to its year in
// front). One paper stays missed: a venue of three words the registry does not know.
const heldOut2Dir = new URL('../fixtures/dialects-heldout2/', import.meta.url);
const heldOut2 = JSON.parse(readFileSync(new URL('expected.json', heldOut2Dir), 'utf8')) as Record<string, { papers: HeldOut[]; lint: string[] }>;
const heldOut2Io = (name: string) => memoryIo({ '/w/notes/digest.md': new Uint8Array(readFileSync(new URL(name, heldOut2Dir))) }, { cwd: '/w' });
const KNOWN_MISSES = ['Generalizing from a Few Examples: A Survey on Few-Shot Learning'];

describe.each(Object.entries(heldOut2))('the second held-out set: %s', (name, want) => {
  it('reads one entry per paper, each with the right title, venue and year (but the known misses)', async () => {
    const r = await run(heldOut2Io(name), 'list', '--json');
    expect(r.code).toBe(0);
    const got = (JSON.parse(r.stdout) as Entry[]).map((e): HeldOut => [e.title, e.venue, e.year]);
    expect(got.length).toBe(want.papers.length);
    const wrong = want.papers.filter((p) => !got.some((g) => JSON.stringify(g) === JSON.stringify(p)));
    expect(wrong.map((p) => p[0])).toEqual(want.papers.filter((p) => KNOWN_MISSES.includes(p[0])).map((p) => p[0]));
  });

  it('lints with the expected findings and no heading-syntax error', async () => {
    const r = await run(heldOut2Io(name), 'lint', '--format', 'json');
    const report = JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; ruleId: string }> }>;
    const found = report.flatMap((f) => f.messages.map((m) => `${m.line} ${m.ruleId}`));
    expect(found).toEqual(want.lint);
    expect(found.filter((f) => f.endsWith('heading-syntax') || f.endsWith('no-duplicate-entry'))).toEqual([]);
  });
});

describe('the second held-out set as a whole', () => {
  it('reads at least 95% of its papers right, and its GBK copy exactly like the UTF-8 one', async () => {
    let right = 0;
    let total = 0;
    for (const [name, want] of Object.entries(heldOut2)) {
      const got = (JSON.parse((await run(heldOut2Io(name), 'list', '--json')).stdout) as Entry[]).map((e) => JSON.stringify([e.title, e.venue, e.year]));
      right += want.papers.filter((p) => got.includes(JSON.stringify(p))).length;
      total += want.papers.length;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    const entries = async (name: string) => (JSON.parse((await run(heldOut2Io(name), 'list', '--json')).stdout) as Entry[]).map(({ file: _file, ...e }) => e);
    expect(await entries('h7-recsys-fullwidth.gbk.md')).toEqual(await entries('h7-recsys-fullwidth.md'));
  });
});
