import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { parseMarkdown } from '../../src/store/markdown.js';
import { parseDigest } from '../../src/store/parse.js';

// Lines that look like the digest's own constructs, so generated texts hit the interesting paths.
const line = fc.oneof(
  fc.constantFrom(
    '# Title',
    '## Section',
    '## 推荐系统',
    "### Paper(ALIAS)[KDD'18][Ali]",
    '### Dount: ',
    '###NoSpace',
    '### Broken[KDD',
    '#### deeper',
    '```',
    '~~~',
    '<!--',
    '-->',
    '---',
    '- bullet TODO 待补充',
    '  - nested [link](a.md)',
    '[ref]: https://example.com',
    'see [x][ref] and https://example.org/x',
    '> quote',
    '| a | b |',
    '',
    '\uFEFF## bom',
  ),
  fc.string({ maxLength: 30 }),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const digestText = fc
  .array(fc.tuple(line, eol), { maxLength: 40 })
  .chain((parts) => fc.boolean().map((finalEol) => {
    const text = parts.map(([l, e]) => l + e).join('');
    return finalEol ? text : text.replace(/(\r\n|\n|\r)$/, '');
  }));

describe('parseDigest properties', () => {
  it('never throws, and every position points into the text', () => {
    fc.assert(
      fc.property(digestText, (text) => {
        const digest = buildStore([parseDigest(text, 'gen.md', { markdown: parseMarkdown })]);
        for (const e of digest.entries) {
          expect(e.range.start).toBeLessThanOrEqual(e.body.start);
          expect(e.body.start).toBeLessThanOrEqual(e.range.end);
          expect(e.range.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(e.heading.rawOffset, e.heading.end)).toBe(e.heading.raw);
          expect(e.endLine).toBeGreaterThanOrEqual(e.line);
          for (const t of e.todos) expect(text.slice(t.offset, t.offset + t.marker.length)).toBe(t.marker);
          for (const l of e.links) {
            expect(l.offset).toBeGreaterThanOrEqual(e.range.start);
            expect(l.endOffset).toBeLessThanOrEqual(e.range.end);
          }
        }
        // Entries never overlap and come in order.
        for (let i = 1; i < digest.entries.length; i++) {
          expect(digest.entries[i - 1]!.range.end).toBeLessThanOrEqual(digest.entries[i]!.range.start);
        }
        expect(new Set(digest.entries.map((e) => e.id)).size).toBe(digest.entries.length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same entries whatever the line endings', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const clean = lines.map((l) => l.replace(/[\r\n]/g, ''));
        const view = (text: string) =>
          buildStore([parseDigest(text, 'x.md', { markdown: parseMarkdown })]).entries.map((e) => [e.title, e.line, e.notes, e.stub, e.todos.length]);
        expect(view(clean.join('\r\n'))).toEqual(view(clean.join('\n')));
      }),
      { numRuns: 200 },
    );
  });
});
