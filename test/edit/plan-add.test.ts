import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/edit/apply.js';
import { fileGaps, newEntryLines, planAdd } from '../../src/edit/plan-add.js';
import { noteLines, planNote } from '../../src/edit/plan-note.js';
import { checkAdded, checkInsertions, checkNoted } from '../../src/edit/verify.js';
import { parseDigest } from '../../src/store/parse.js';
import { ADD_CASES, NOTE_CASES } from './plan-add.cases.js';

const fixture = (name: string): string =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(new URL(`../fixtures/add/${name}`, import.meta.url)));

describe('planAdd golden files (test/fixtures/add)', () => {
  it.each(ADD_CASES)('$name', ({ name, request }) => {
    const before = fixture(`${name}.before.md`);
    const file = parseDigest(before, `${name}.md`);
    const edits = planAdd(file, before, request);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.start).toBe(edits[0]!.end);
    const after = applyEdits(before, edits).output;
    expect(after).toBe(fixture(`${name}.after.md`));
    // The proof the lead asks for: the old text with exactly one insertion, and it reads back.
    checkInsertions(name, before, after, edits);
    const lines = newEntryLines(file, before, request);
    const entry = checkAdded(
      name,
      file,
      parseDigest(after, `${name}.md`),
      { fields: request.fields, notes: lines.slice(1).join('\n'), section: request.section.title },
      request.section.create,
    );
    expect(entry.section).toBe(request.section.title);
  });

  it('keeps the line endings, BOM and missing final newline of the file', () => {
    const crlf = fixture('crlf.after.md');
    expect(crlf.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(fixture('bom.after.md').charCodeAt(0)).toBe(0xfeff);
    expect(fixture('no-final-newline.after.md')).toMatch(/- at the very end$/);
    expect(fixture('last-section.after.md')).toMatch(/\t\n\n$/);
  });

  it('uses the line ending of the line it follows in a file that mixes them', () => {
    const text = "## LF\n### A[KDD'18]\n- a\n\n## CRLF\r\n### B[ACL'21]\r\n- b\r\n\r\n## End\n";
    const file = parseDigest(text, 'x.md');
    const fields = { title: 'C', alias: null, venue: null, year: null, orgs: [] };
    const crlf = planAdd(file, text, { fields, notes: ['n'], section: { title: 'CRLF', create: false } });
    expect(crlf[0]!.text).toBe('\r\n### C\r\n- n\r\n');
    const lf = planAdd(file, text, { fields, notes: ['n'], section: { title: 'LF', create: false } });
    expect(lf[0]!.text).toBe('\n### C\n- n\n');
    const entry = file.entries[1]!;
    expect(planNote(file, text, entry, ['x'])[0]!.text).toBe('- x\r\n');
  });

  it('reads the blank-line habits of the file, section first', () => {
    const seed = readFileSync(new URL('../../notes/papers.md', import.meta.url), 'utf8');
    const file = parseDigest(seed, 'papers.md');
    // OCR separates its entries by two blank lines, systems by one; first entries follow "##" after one.
    expect(fileGaps(file, seed, 'OCR 文字识别')).toEqual({ entry: 2, head: 1, section: 2 });
    expect(fileGaps(file, seed, '系统、编译器设计、优化').entry).toBe(1);
    expect(fileGaps(parseDigest('', 'e.md'), '')).toEqual({ entry: 1, head: 1, section: 1 });
  });

  it('refuses to plan for a section the file does not have', () => {
    const text = fixture('crlf.before.md');
    expect(() =>
      planAdd(parseDigest(text, 'x.md'), text, { fields: ADD_CASES[0]!.request.fields, notes: [], section: { title: 'Nope', create: false } }),
    ).toThrow('no section "Nope"');
  });
});

describe('planNote golden files', () => {
  it.each(NOTE_CASES)('$name', ({ name, before: source, title, notes }) => {
    const before = fixture(`${source}.before.md`);
    const file = parseDigest(before, 'x.md');
    const index = file.entries.findIndex((e) => e.title === title);
    const edits = planNote(file, before, file.entries[index]!, notes);
    const after = applyEdits(before, edits).output;
    expect(after).toBe(fixture(`${name}.after.md`));
    checkInsertions(name, before, after, edits);
    checkNoted(name, file, parseDigest(after, 'x.md'), index, noteLines(before, file.entries[index]!, notes).join('\n'));
  });
});

describe('the checks before writing', () => {
  const before = fixture('section-followed-by-another.before.md');
  const file = parseDigest(before, 'x.md');
  const request = ADD_CASES[0]!.request;
  const expected = { fields: request.fields, notes: '- first note\n- 第二条', section: 'Retrieval' };

  it('catch any byte changed outside the insertion', () => {
    const edits = planAdd(file, before, request);
    const after = applyEdits(before, edits).output;
    expect(() => checkInsertions('x.md', before, after.replace('- one', '- 0ne'), edits)).toThrow('text before the insertion changed');
    expect(() => checkInsertions('x.md', before, `${after} `, edits)).toThrow('text after the insertion changed');
    expect(() => checkInsertions('x.md', before, after.replace('first note', 'first n0te'), edits)).toThrow('the inserted text is not what was planned');
    expect(() => checkInsertions('x.md', before, after, [{ start: 0, end: 1, text: '' }])).toThrow('replaces text');
  });

  it('catch an old entry that would read back differently, or a missing new one', () => {
    const changed = before.replace('- three', '- three\n### Sneaky');
    expect(() => checkAdded('x.md', file, parseDigest(changed, 'x.md'), expected, false)).toThrow(/the entry at line 9 would read back differently|the new entry would read back/);
    expect(() => checkAdded('x.md', file, file, expected, false)).toThrow('expected one more entry after adding one, found none');
  });

  it('blame an unclosed code fence that swallows the new entry, and write nothing', () => {
    const fenced = `${before}\n\`\`\`\ncode\n`;
    const fencedFile = parseDigest(fenced, 'x.md');
    const edits = planAdd(fencedFile, fenced, { ...request, section: { title: 'Vision', create: false } });
    const after = applyEdits(fenced, edits).output;
    let error: unknown;
    try {
      checkAdded('x.md', fencedFile, parseDigest(after, 'x.md'), { ...expected, section: 'Vision' }, false);
    } catch (e) {
      error = e;
    }
    expect(String(error)).toContain('the change to x.md did not check out: expected one more entry after adding one, found none; nothing was written');
    expect((error as { hint: string }).hint).toMatch(/^Unclosed code fence .* \(line 18\); fix that first$/);
  });
});
