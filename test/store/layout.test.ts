import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLayout, rowAt, type LayoutPart, type RowFields, type RowRef, type StoreLayout } from '../../src/store/layout.js';

// buildLayout copies the rows a new layout shares with an earlier one column by column (in runs, for
// string columns): the layout must be the one made from those rows' fields as objects.
const frame = (file: string): LayoutPart['frame'] => ({
  info: { file, title: null, bom: false, eol: '\n', finalNewline: true, length: 0, entries: { at: { heading: 3 }, detected: true, suggestion: null } },
  sections: [],
  problems: [],
  headingDiagnostics: [],
});

const word = fc.constantFrom('', 'a', 'DIN', '推荐', 'x y', 'Ali', 'KDD', 'é😀');
const fieldsArb: fc.Arbitrary<RowFields> = fc.record({
  key: fc.string({ maxLength: 4 }),
  section: fc.option(fc.constantFrom('推荐系统', 'OCR', 'Systems'), { nil: null }),
  definitions: fc.constantFrom('', '[a]: b'),
  title: word,
  alias: fc.option(word, { nil: null }),
  venue: fc.option(word, { nil: null }),
  year: fc.option(fc.integer({ min: 1950, max: 2030 }), { nil: null }),
  orgs: fc.array(word, { maxLength: 3 }),
  stub: fc.boolean(),
  todoCount: fc.nat(3),
  length: fc.nat(500),
  idBase: fc.constantFrom('din-2018', 'din-2018', 'paper-a', 'x', '推荐'),
});

const LONE: RowFields = { key: '', section: 'OCR', definitions: '', title: 't', alias: null, venue: 'KDD', year: 2018, orgs: ['Ali'], stub: false, todoCount: 0, length: 3, idBase: 'din-2018' };

/** A row of an earlier layout as the plain fields buildLayout made it from. */
function materialise(ref: RowRef): RowFields {
  const { file: _f, offset: _o, line: _l, id: _i, ...fields } = rowAt(ref.layout, ref.row);
  return fields;
}

const layoutOf = (files: RowFields[][]): StoreLayout =>
  buildLayout(files.map((rows, k) => ({ path: `/n/${k}.md`, sha1: String(k), frame: frame(`${k}.md`), chunks: rows.map((fields, i) => ({ offset: i * 10, line: i + 1, fields })) })));

describe('buildLayout with rows of an earlier layout', () => {
  it('makes the layout its rows as objects make, runs of consecutive rows and single ones alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fieldsArb, { maxLength: 8 }), { minLength: 1, maxLength: 2 }),
        fc.array(fc.array(fc.oneof(fieldsArb, fc.nat(40), fc.constant('run' as const)), { maxLength: 12 }), { minLength: 1, maxLength: 3 }),
        (earlierFiles, plan) => {
          const earlier = layoutOf(earlierFiles);
          const size = earlier.rows.size;
          let next = 0;
          const parts = plan.map((rows, k): { refs: LayoutPart; objects: LayoutPart } => {
            const chunks = rows.map((r, i) => {
              let fields: RowFields | RowRef;
              if (typeof r === 'object') fields = r;
              else if (size === 0) fields = { ...LONE, key: `k${i}` };
              else {
                // "run": the row after the last one taken, so refs come in runs as an edit leaves them.
                next = r === 'run' ? (next + 1) % size : r % size;
                fields = { layout: earlier, row: next };
              }
              return { offset: i * 7, line: i + 2, fields };
            });
            const base = { path: `/m/${k}.md`, sha1: `s${k}`, frame: frame(`${k}.md`) };
            return {
              refs: { ...base, chunks },
              objects: { ...base, chunks: chunks.map((c) => ({ ...c, fields: 'layout' in c.fields ? materialise(c.fields) : c.fields })) },
            };
          });
          expect(buildLayout(parts.map((p) => p.refs))).toEqual(buildLayout(parts.map((p) => p.objects)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
