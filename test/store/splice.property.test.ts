// Splicing an edit of one entry's body into the file's earlier split gives exactly what splitting the
// new text whole gives, or says it cannot (null): never a different split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkKey } from '../../src/cache/store-cache.js';
import { buildLayout, rowFields, withRow, type LayoutPart, type RowFields } from '../../src/store/layout.js';
import { parseChunk, splitDigest, type ChunkPlace, type DigestFrame } from '../../src/store/parse.js';
import { countFeeds, spliceChunk, spliceCuts } from '../../src/store/splice.js';
import { createTodoMatcher } from '../../src/store/todos.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const registries = { venues: createVenueRegistry(), todos: createTodoMatcher() };
const isVenue = (name: string): boolean => registries.venues.isKnown(name);

const HEADINGS = [
  "### Deep Interest Network(DIN)[KDD'18][Ali]",
  "### Wide & Deep[DLRS'16][Google]",
  '### Dount',
  '### Bare title',
  '### 2018',
  '### ICML',
  '<h3>Html Paper (2019)</h3>',
  '### [CVPR 2020] Some Title [[pdf]](https://arxiv.org/abs/1)',
];
const SECTIONS = ['## Recsys', '## OCR', '# Digest', '## 2019'];
const BODY = [
  '- a plain note',
  '- 中文笔记 TODO read',
  '  - nested note',
  '',
  'a paragraph line',
  '- Venue: KDD 2018',
  '- **Venue**: OSDI 2004',
  'Year: 2019',
  '#### A sub heading (2017)',
  '### Another Paper[NeurIPS\'20]',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<!-- a comment -->',
  '<pre>',
  '</pre>',
  '[ref]: https://example.org',
  '- [ref]',
  '---',
  '| Title | Venue |',
  '|---|---|',
  '- [ICCV\'17] A Listed Paper',
  '<details>',
  '<summary>Summed Paper (SOSP 2003)</summary>',
  '</details>',
  '- [Linked Title](https://example.org/x) - CVPR 2015',
];

interface Digest {
  blocks: Array<{ heading: string; body: string[] }>;
}

const digest: fc.Arbitrary<Digest> = fc.record({
  blocks: fc.array(
    fc.record({ heading: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HEADINGS) }, { weight: 1, arbitrary: fc.constantFrom(...SECTIONS) }), body: fc.array(fc.constantFrom(...BODY), { maxLength: 4 }) }),
    { minLength: 1, maxLength: 8 },
  ),
});

const textOf = (d: Digest, final: boolean): string => d.blocks.flatMap((b) => [b.heading, ...b.body]).join('\n') + (final ? '\n' : '');

/** A file's part as load.ts makes it from a split: each chunk's fields from its parse. */
function partOf(text: string): { frame: DigestFrame; part: LayoutPart } {
  const frame = splitDigest(text, '/n.md', registries);
  const chunks = frame.chunks.map((c) => ({ offset: c.offset, line: c.line, fields: rowFields(chunkKey(c.source), c.source, parseChunk(c.source, registries)) }));
  return { frame, part: { path: '/n.md', sha1: '', frame: { info: frame.info, sections: frame.sections, problems: frame.problems, headingDiagnostics: frame.headingDiagnostics }, chunks } };
}

type BodyEdit = { kind: 'insert' | 'replace' | 'delete'; at: number; line: string };
const bodyEdit: fc.Arbitrary<BodyEdit> = fc.record({ kind: fc.constantFrom('insert' as const, 'replace' as const, 'delete' as const), at: fc.nat(6), line: fc.constantFrom(...BODY) });

/** The chunk's text after an edit of its body (its heading line kept). */
function edited(chunk: string, e: BodyEdit): string {
  const eol = chunk.indexOf('\n');
  const head = eol < 0 ? `${chunk}\n` : chunk.slice(0, eol + 1);
  const rest = eol < 0 ? '' : chunk.slice(eol + 1);
  const ends = rest.endsWith('\n') || rest === '';
  const lines = rest === '' ? [] : (ends ? rest.slice(0, -1) : rest).split('\n');
  const at = e.at % (lines.length + 1);
  if (e.kind === 'insert') lines.splice(at, 0, e.line);
  else if (e.kind === 'replace' && lines.length) lines[at % lines.length] = e.line;
  else if (lines.length) lines.splice(at % lines.length, 1);
  return head + lines.map((l) => `${l}\n`).join('');
}

/** The splice of an edit of chunk `index`'s body, or null; with the whole split of the new text. */
function spliced(text: string, index: number, e: BodyEdit) {
  const { frame, part } = partOf(text);
  const place = frame.chunks[index]!;
  const oldChunk = place.source.text;
  const chunk = edited(oldChunk, e);
  const next = text.slice(0, place.offset) + chunk + text.slice(place.offset + oldChunk.length);
  const parse = parseChunk(place.source, registries);
  const input = { part, facts: frame.splice, index, length: oldChunk.length, feeds: countFeeds(oldChunk), notes: parse.notes, text: chunk, fileLength: next.length };
  const fieldsOf = (source: typeof place.source) => rowFields(chunkKey(source), source, parseChunk(source, registries));
  return { next, result: spliceChunk(input, isVenue, fieldsOf), whole: partOf(next).part };
}

/** Runs `check` on 3,000 random body edits spliceChunk takes (it says when it checked one) and counts those. */
function eachSplice(check: (s: { text: string; index: number; chunks: ChunkPlace[]; result: LayoutPart; whole: LayoutPart }) => boolean): number {
  let made = 0;
  fc.assert(
    fc.property(digest, fc.boolean(), fc.nat(), bodyEdit, (d, final, pick, e) => {
      const text = textOf(d, final);
      const chunks = splitDigest(text, '/n.md', registries).chunks;
      if (!chunks.length) return;
      const index = pick % chunks.length;
      const { result, whole } = spliced(text, index, e);
      if (result !== null && check({ text, index, chunks, result, whole })) made++;
    }),
    { numRuns: 3000 },
  );
  return made;
}

describe('spliceChunk (property)', () => {
  it('gives the split of the new text, or null', () => {
    const made = eachSplice(({ result, whole }) => {
      expect(result).toEqual(whole);
      return true;
    });
    // Most edits are notes under a heading: a splice that always said null would pass the check above.
    expect(made).toBeGreaterThan(500);
  });
});

describe('withRow (property)', () => {
  it('gives the layout buildLayout gives for the spliced part, or null when the heading changed', () => {
    const made = eachSplice(({ text, index, chunks, result }) => {
      const before = buildLayout([partOf(text).part]);
      const fields = result.chunks[index]!.fields as RowFields;
      const chars = fields.length - chunks[index]!.source.text.length;
      const feeds = result.chunks[index + 1] ? result.chunks[index + 1]!.line - chunks[index + 1]!.line : 0;
      const patched = withRow(before, 0, result, index, fields, chars, feeds);
      if (patched === null) return false;
      expect(patched).toEqual(buildLayout([result]));
      return true;
    });
    expect(made).toBeGreaterThan(500);
  });

  it('says null for another file or a changed title', () => {
    const text = "## S\n### A[KDD'18]\n- a\n### B\n- b\n";
    const { part } = partOf(text);
    const layout = buildLayout([part]);
    const fields = part.chunks[0]!.fields as RowFields;
    expect(withRow(layout, 0, part, 0, fields, 0, 0)).toEqual(layout);
    expect(withRow(layout, 1, part, 0, fields, 0, 0)).toBeNull();
    expect(withRow(layout, 0, part, 0, { ...fields, title: 'Other' }, 0, 0)).toBeNull();
    expect(withRow(layout, 0, part, 0, { ...fields, orgs: ['X'] }, 0, 0)).toBeNull();
  });
});

describe('spliceChunk', () => {
  const text = ['# Digest', '', '## Recsys', "### Deep Interest Network(DIN)[KDD'18][Ali]", '- 用户兴趣', "### Wide & Deep[DLRS'16][Google]", '- memorization', '## OCR', '### Dount', ''].join('\n');

  it('splices a note added under a heading, moving what follows', () => {
    const { result, whole, next } = spliced(text, 0, { kind: 'insert', at: 1, line: '- 又读了一遍 TODO' });
    expect(next).toContain('- 用户兴趣\n- 又读了一遍 TODO\n');
    expect(result).not.toBeNull();
    expect(result).toEqual(whole);
    expect(result!.chunks[2]!.line).toBe(10);
    expect(result!.frame.sections[1]!.line).toBe(9);
  });

  it("splices a stub's first note", () => {
    const { result, whole } = spliced(text, 2, { kind: 'insert', at: 0, line: '- finally read it' });
    expect(result).not.toBeNull();
    expect(result).toEqual(whole);
    expect(result!.frame.info.length).toBe(text.length + '- finally read it\n'.length);
  });

  it.each([
    ['a sub-heading', '#### Compared with BERT (2019)'],
    ['a heading', "### New Paper[ICLR'21]"],
    ['a fence left open', '```'],
    ['a comment left open', '<!--'],
    ['a raw block left open', '<pre>'],
    ['a reference definition', '[ref]: https://example.org'],
  ])('says null for %s in the body', (_, line) => {
    expect(spliced(text, 0, { kind: 'insert', at: 1, line }).result).toBeNull();
  });

  it('says null for a labelled venue under a heading without a year', () => {
    expect(spliced(text, 2, { kind: 'insert', at: 0, line: '- Venue: ECCV 2022' }).result).toBeNull();
  });

  it('says null in a file with carriage returns or reference definitions', () => {
    expect(spliced(text.replaceAll('\n', '\r\n'), 0, { kind: 'insert', at: 1, line: '- note' }).result).toBeNull();
    expect(spliced(`${text}[ref]: https://example.org\n`, 0, { kind: 'insert', at: 1, line: '- note' }).result).toBeNull();
  });

  it("says null for a bullet where the file's list items told where its papers are", () => {
    const mixed = ['## Papers', '### Stray one', "- [ICCV'17] A Listed Paper", "- [CVPR'18] Another Listed Paper", '### Stray two', '- note', ''].join('\n');
    const frame = splitDigest(mixed, '/n.md', registries);
    expect(frame.splice.itemsRead).toBe(true);
    expect(frame.info.entries.at).toEqual({ heading: 3 });
    const { next, result } = spliced(mixed, 1, { kind: 'insert', at: 0, line: "- [ECCV'18] Third Paper" });
    // A third paper item makes the file a list of papers: every chunk is another.
    expect(splitDigest(next, '/n.md', registries).info.entries.at).toEqual({ bullets: true });
    expect(result).toBeNull();
  });
});

describe('spliceCuts', () => {
  it("cuts at each chunk's start, body and end, an empty body included", () => {
    const text = '# T\n### A\n- a\n### B\n### C\n- c';
    const chunks = splitDigest(text, '/n.md', registries).chunks.map((c) => ({ offset: c.offset, length: c.source.text.length }));
    const { cuts, bodies } = spliceCuts(text, chunks);
    expect(cuts).toEqual([0, 4, 10, 14, 20, 20, 26, 29]);
    expect([...bodies]).toEqual([
      [2, 0],
      [4, 1],
      [6, 2],
    ]);
  });
});
