// An insertion's window: the chunks of the new text outside it are the old chunks (same text, section
// and definitions, so the same parse), and the fingerprint remade around it equals one made whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resegment, segmentsOf } from '../../src/cache/segments.js';
import { chunkKey } from '../../src/cache/store-cache.js';
import { buildLayout, rowFields, withRows, type LayoutPart } from '../../src/store/layout.js';
import { parseChunk, splitDigest, type ChunkPlace, type DigestFrame } from '../../src/store/parse.js';
import { insertionWindow } from '../../src/store/splice.js';
import { createTodoMatcher } from '../../src/store/todos.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const LINES = [
  '## 推荐系统',
  '## OCR',
  '# Digest',
  "### Deep Interest Network(DIN)[KDD'18][Ali]",
  "### Wide & Deep[DLRS'16][Google]",
  '### Dount',
  '### 2018',
  '### [CVPR 2020] Some Title [[pdf]](https://arxiv.org/abs/1)',
  '<h3>Html Paper (2019)</h3>',
  '- 用户兴趣 🙂 TODO 读',
  '- a plain note',
  '  - nested note',
  '',
  '#### A sub heading (2017)',
  '```',
  '<!--',
  '-->',
  '[ref]: https://example.org',
  '- [ref]',
  '---',
  "- [ICCV'17] A Listed Paper",
  '全角（文字）【KDD2018】',
];

const lines = (max: number) => fc.array(fc.constantFrom(...LINES), { maxLength: max });
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const places = (chunks: readonly ChunkPlace[]) => chunks.map((c) => ({ offset: c.offset, length: c.source.text.length }));
const listOf = (chunks: readonly ChunkPlace[]) => ({
  length: chunks.length,
  chunk: (i: number) => ({ offset: chunks[i]!.offset, length: chunks[i]!.source.text.length, section: chunks[i]!.source.section, definitions: chunks[i]!.source.definitions }),
});

/** Lines inserted at a line's start, or (rarely) anywhere inside a line. */
function insert(before: string[], inserted: string[], pickLine: number, midLine: boolean, pickChar: number) {
  const text = before.map((l) => `${l}\n`).join('');
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const at = midLine && text.length ? pickChar % text.length : starts[pickLine % starts.length]!;
  return insertAt(text, at, inserted.map((l) => `${l}\n`).join(''));
}

/** The old split, the new one, the window, and both fingerprints of the new text (remade, whole). */
function insertAt(text: string, at: number, piece: string) {
  const next = text.slice(0, at) + piece + text.slice(at);
  const old = splitDigest(text, '/n.md');
  const fresh = splitDigest(next, '/n.md');
  const w = insertionWindow(listOf(old.chunks), fresh.chunks, [{ start: at, text: piece }]);
  const oldSegments = segmentsOf(text, encode(text), places(old.chunks), old.splice);
  const end = (j: number): number => fresh.chunks[j]!.offset + fresh.chunks[j]!.source.text.length;
  const from = w.from > 0 ? end(w.from - 1) : 0;
  const to = w.newTo < fresh.chunks.length ? fresh.chunks[w.newTo]!.offset : next.length;
  const remade = resegment(oldSegments, next, encode(next), places(fresh.chunks), fresh.splice, from, to);
  const whole = segmentsOf(next, encode(next), places(fresh.chunks), fresh.splice);
  return { old, fresh, w, remade, whole, shift: piece.length };
}

describe('insertionWindow and resegment (property)', () => {
  it('keep only chunks that are the old ones, and remake the fingerprint as made whole', () => {
    let small = 0;
    fc.assert(
      fc.property(lines(30), lines(4), fc.nat(), fc.nat(9), fc.nat(), (before, inserted, pickLine, mid, pickChar) => {
        const { old, fresh, w, remade, whole, shift } = insert(before, inserted, pickLine, mid === 0, pickChar);
        expect(w.from).toBeLessThanOrEqual(Math.min(w.oldTo, w.newTo));
        expect(w.oldTo - w.from).toBe(old.chunks.length - fresh.chunks.length + (w.newTo - w.from));
        for (let j = 0; j < fresh.chunks.length; j++) {
          if (j >= w.from && j < w.newTo) continue;
          const o = old.chunks[j < w.from ? j : j - w.newTo + w.oldTo]!;
          const c = fresh.chunks[j]!;
          expect(c.source).toEqual(o.source);
          expect(c.offset).toBe(o.offset + (j < w.from ? 0 : shift));
        }
        expect(remade).toEqual(whole);
        if (w.newTo - w.from <= 2 && fresh.chunks.length >= 4) small++;
      }),
      { numRuns: 2000 },
    );
    // Many insertions touch a chunk or two: a window that always took the whole file would pass the checks above.
    expect(small).toBeGreaterThan(80);
  });

  it("puts an entry added at a section's end, as add writes it, in a window of its own", () => {
    const entry = fc.record({ heading: fc.constantFrom(...LINES.filter((l) => l.startsWith('### '))), notes: fc.array(fc.constantFrom('- 用户兴趣 🙂 TODO 读', '- a plain note', '  - nested', ''), { maxLength: 3 }) });
    const section = fc.record({ title: fc.constantFrom('## 推荐系统', '## OCR', '## 2019'), entries: fc.array(entry, { minLength: 1, maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 5 }), fc.nat(), (sections, pick) => {
        const blocks = sections.map((s) => [s.title, ...s.entries.flatMap((e) => [e.heading, ...e.notes, ''])].map((l) => `${l}\n`).join(''));
        const k = pick % blocks.length;
        const at = blocks.slice(0, k + 1).join('').length;
        const { w, remade, whole } = insertAt(blocks.join(''), at, "### Added Paper[KDD'24][Bench]\n- 新的笔记\n\n");
        expect(w.newTo - w.from).toBe(1);
        expect(w.oldTo).toBe(w.from);
        expect(remade).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });
});

const registries = { venues: createVenueRegistry(), todos: createTodoMatcher() };

/** A file's part of a layout, each chunk's fields made from its parse, or `kept(j)`'s row of `layout`. */
function partOf(frame: DigestFrame, kept: (j: number) => number | undefined = () => undefined, layout?: ReturnType<typeof buildLayout>): LayoutPart {
  const chunks = frame.chunks.map((c, j) => {
    const row = kept(j);
    return { offset: c.offset, line: c.line, fields: row !== undefined && layout ? { layout, row } : rowFields(chunkKey(c.source), c.source, parseChunk(c.source, registries)) };
  });
  return { path: '/n.md', sha1: '', frame: { info: frame.info, sections: frame.sections, problems: frame.problems, headingDiagnostics: frame.headingDiagnostics }, chunks };
}

describe('withRows (property)', () => {
  it('gives the layout buildLayout gives for an insertion, or null', () => {
    let made = 0;
    const entry = fc.record({ heading: fc.constantFrom(...LINES.filter((l) => l.startsWith('### ')), '### Fresh[KDD\'24][Bench]', '### Same Title'), notes: fc.array(fc.constantFrom('- a', '- 用户兴趣 TODO', ''), { maxLength: 3 }) });
    const section = fc.record({ title: fc.constantFrom('## 推荐系统', '## OCR', '## 2019'), entries: fc.array(entry, { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 5 }), fc.nat(), entry, fc.boolean(), (sections, pick, added, mid) => {
        const blocks = sections.map((s) => [s.title, ...s.entries.flatMap((e) => [e.heading, ...e.notes, ''])].map((l) => `${l}\n`).join(''));
        const text = blocks.join('');
        const k = pick % blocks.length;
        // At a section's end (as add writes), or at the start of any line.
        const starts = [0];
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
        const at = mid ? starts[pick % starts.length]! : blocks.slice(0, k + 1).join('').length;
        const piece = [added.heading, ...added.notes, ''].map((l) => `${l}\n`).join('');
        const { old, fresh, w } = insertAt(text, at, piece);
        const before = buildLayout([partOf(old)]);
        const kept = (j: number) => (j < w.from ? j : j >= w.newTo ? j - w.newTo + w.oldTo : undefined);
        const part = partOf(fresh, kept, before);
        const spliced = withRows(before, 0, part, w.from, w.oldTo, w.newTo);
        if (spliced === null) return;
        made++;
        expect(spliced).toEqual(buildLayout([part], before.sectionReadings));
      }),
      { numRuns: 1500 },
    );
    expect(made).toBeGreaterThan(300);
  });
});

describe('insertionWindow', () => {
  const text = ['## 推荐系统', "### Deep Interest Network(DIN)[KDD'18][Ali]", '- 用户兴趣 🙂', '', '## OCR', '### Dount', ''].join('\n');

  it('puts an entry added at the end of a section in a window of its own', () => {
    const piece = "### Donut(DONUT)[ECCV'22][Naver]\n- OCR-free 中文\n\n";
    const { w, fresh } = insertAt(text, text.indexOf('## OCR'), piece);
    expect(w).toEqual({ from: 1, oldTo: 1, newTo: 2 });
    expect(fresh.chunks[1]!.source.text).toBe(piece);
  });

  it('takes in the chunk an insertion falls inside, and every chunk a new section heading moves to it', () => {
    // The first entry loses its notes to the new section; "Dount" is still under "OCR", moved.
    expect(insertAt(text, text.indexOf('- 用户兴趣'), '## 新的\n').w).toEqual({ from: 0, oldTo: 1, newTo: 1 });
  });

  it('is the whole file without insertions to place it', () => {
    const old = splitDigest(text, '/n.md');
    expect(insertionWindow(listOf(old.chunks), old.chunks, [])).toEqual({ from: 0, oldTo: 2, newTo: 2 });
  });
});
