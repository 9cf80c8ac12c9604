import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInputSchema, type AddInput } from '../../src/edit/add-input.js';
import { applyEdits } from '../../src/edit/apply.js';
import { newEntryLines, planAdd, type AddRequest } from '../../src/edit/plan-add.js';
import { noteLines, planNote } from '../../src/edit/plan-note.js';
import { CheckFailed, checkAdded, checkInsertions, checkNoted } from '../../src/edit/verify.js';
import { parseDigest, parsedWindow, sectionMeta, splitDigest, viewOf, type ParsedEntry } from '../../src/store/parse.js';
import { insertionWindow } from '../../src/store/splice.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const schema = addInputSchema({ maxYear: 2026, venues });

// Digests built from the constructs a real one has, with every spacing and line-ending habit.
const word = fc.constantFrom('Deep', 'Learning', 'for', 'CTR', 'Graph', '检索', '推荐系统', 'Ｆｕｌｌ', 'x86', 'C#', 'Q&A', 'end-to-end');
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const blank = fc.constantFrom('', '', '', ' ', '\t', '\u3000');
const headingText = fc.oneof(
  fc.tuple(words, fc.constantFrom('', '(DIN)', ' (X2)'), fc.constantFrom('', "[KDD'18]", '[NIPS’2019]', ' [Arivx 2021]', '[OSDI]', '[2023]'), fc.constantFrom('', '[Ali]', '[BJTU,Baidu]', '[Google, MSRA]')).map((p) => p.join('')),
  fc.constantFrom('Dount: ', 'Broken[KDD', 'Title ###', ''),
);
const bodyLine = fc.oneof(
  words.map((w) => `- ${w}`),
  words.map((w) => `* ${w}`),
  words.map((w) => `  - ${w}`),
  words.map((w) => `${w} TODO 待补充`),
  fc.constantFrom('```', '<!-- note -->', '#### deeper', '> quote', '| a | b |', '- [link](a.md)', '1. first'),
);
// A body never leaves a fence open: an odd number of fence lines gets one more.
const body = fc.array(fc.oneof(bodyLine, blank), { maxLength: 5 }).map((lines) => {
  const fences = lines.filter((l) => l === '```').length;
  return fences % 2 ? [...lines, '```'] : lines;
});
const entryArb = fc.record({ heading: headingText, body, gap: fc.array(blank, { maxLength: 3 }) });
const sectionArb = fc.record({
  title: fc.oneof(words, fc.constantFrom('OCR 文字识别', '信息检索、搜索')),
  gap: fc.array(blank, { maxLength: 2 }),
  intro: fc.array(fc.oneof(blank, words), { maxLength: 2 }),
  entries: fc.array(entryArb, { maxLength: 4 }),
});
const digestArb = fc
  .record({
    bom: fc.boolean(),
    title: fc.constantFrom('', '# 每周论文合集'),
    sections: fc.array(sectionArb, { maxLength: 4 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
    trailing: fc.array(blank, { maxLength: 3 }),
  })
  .map((d) => {
    const lines: string[] = d.title ? [d.title] : [];
    for (const s of d.sections) {
      lines.push(...s.gap, `## ${s.title}`, ...s.intro);
      for (const e of s.entries) lines.push(...e.gap, `### ${e.heading}`, ...e.body);
    }
    lines.push(...d.trailing);
    let text = lines.join(d.eol);
    if (d.finalNewline && text) text += d.eol;
    return (d.bom ? '\uFEFF' : '') + text;
  });

// Drafts from pieces that include every character that could break the structure; the schema decides.
const piece = fc.constantFrom('Paper', '论文', ' ', 'A', '(', ')', '[', ']', '【', '#', ':', ',', "'", '’', '\n', '-', '&', 'Ｋ', '\t', '2019');
const textArb = fc.array(piece, { minLength: 0, maxLength: 6 }).map((p) => p.join(''));
const draftArb = fc.record({
  title: fc.oneof(words, textArb),
  alias: fc.option(fc.oneof(fc.constantFrom('DIN', 'GPT-4', 'T5 v2'), textArb), { nil: undefined }),
  venue: fc.option(fc.oneof(fc.constantFrom("KDD'18", 'NeurIPS', 'arxiv', 'Arivx', 'MyConf', 'ACM MM', 'MM 2020'), textArb), { nil: undefined }),
  year: fc.option(fc.oneof(fc.constantFrom('2018', '19', '1950', '2026'), textArb), { nil: undefined }),
  orgs: fc.array(fc.oneof(fc.constantFrom('Ali', 'Google DeepMind', '清华'), textArb), { maxLength: 3 }),
  notes: fc.array(fc.oneof(words, textArb), { maxLength: 3 }),
});

const view = (e: ParsedEntry) => [e.title, e.alias, e.venueRaw, e.year, e.orgs, e.section, e.notes, e.heading.raw];

// The model of where new lines go: before the closing lines of nothing but HTML comments and blanks.
const closing = (line: string): boolean => /^\s*(?:<!--.*?-->\s*)*$/.test(line);
function closingLines(notes: string): { head: string[]; tail: string[] } {
  const lines = notes ? notes.split('\n') : [];
  let k = lines.length;
  while (k > 0 && closing(lines[k - 1]!)) k--;
  return { head: lines.slice(0, k), tail: lines.slice(k) };
}

function addOnce(text: string, input: AddInput, section: AddRequest['section']) {
  const file = parseDigest(text, 'g.md', { venues });
  const request: AddRequest = { fields: input, notes: input.notes, section };
  const edits = planAdd(file, text, request);
  const after = applyEdits(text, edits).output;
  return { file, request, edits, after };
}

describe('planAdd properties', () => {
  it('inserts only the new text, and the result reads as the old entries plus the new one', () => {
    fc.assert(
      fc.property(digestArb, draftArb, fc.nat(), fc.boolean(), (text, draft, pick, create) => {
        const parsed = schema.safeParse(draft);
        fc.pre(parsed.success);
        const input = parsed.data!;
        const sections = parseDigest(text, 'g.md').sections;
        fc.pre(create || sections.length > 0);
        const section = create ? { title: 'Brand New 新', create: true } : { title: sections[pick % sections.length]!.title, create: false };
        fc.pre(!create || !sections.some((s) => s.title === section.title));
        const { file, request, edits, after } = addOnce(text, input, section);

        // Exactly one insertion: the old text is the new text with it cut out.
        expect(edits).toHaveLength(1);
        const { start, text: inserted } = edits[0]!;
        expect(after.slice(0, start) + after.slice(start + inserted.length)).toBe(text);
        checkInsertions('g.md', text, after, edits);
        // In the file's line endings; a missing final newline stays missing (an empty file gets one).
        if (file.info.eol === '\r\n') expect(inserted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        if (text.trim() !== '' && text.replace(/^\uFEFF/, '') !== '') expect(/[\r\n]$/.test(after)).toBe(/[\r\n]$/.test(text));
        expect(after.charCodeAt(0) === 0xfeff).toBe(text.charCodeAt(0) === 0xfeff);

        // Reads back as the old entries, unchanged and in order, plus the new one in its section.
        const afterFile = parseDigest(after, 'g.md', { venues });
        const notes = newEntryLines(file, text, request).slice(1).join('\n');
        // A paper that names no venue or year under a section that names one reads back with it (as add expects).
        const named = sectionMeta(section.title, venues);
        const fields = { ...input, venue: input.venue ?? named.venueRaw, year: input.year ?? named.year };
        const added = checkAdded('g.md', file, afterFile, { fields, notes, section: section.title }, section.create);
        // The entry it follows hands it the comment lines that closed it (a directive for what comes next).
        const index = afterFile.entries.indexOf(added);
        const previous = index > 0 && start < file.entries[index - 1]!.range.end ? file.entries[index - 1] : undefined;
        const moved = previous ? closingLines(previous.notes) : { head: [], tail: [] };
        const expected = file.entries.map((e) => (e === previous ? { ...e, notes: moved.head.join('\n') } : e));
        expect(afterFile.entries.filter((e) => e !== added).map(view)).toEqual(expected.map(view));
        // After the new entry, up to the next section, only blank and comment lines (now its notes); before it, content.
        const rest = after.slice(start + inserted.length).split(/\r\n|\n/);
        const next = rest.findIndex((l) => /^##? /.test(l));
        const trailing = rest.slice(0, next < 0 ? undefined : next);
        expect(trailing.every(closing)).toBe(true);
        const want = [...(notes ? notes.split('\n') : []), ...trailing];
        while (want.length && want[0]!.trim() === '') want.shift();
        while (want.length && want.at(-1)!.trim() === '') want.pop();
        expect(added.notes).toBe(want.join('\n'));
        const head = after.slice(0, start).split(/\r\n|\n/);
        const lineBefore = head.at(head.at(-1) === '' ? -2 : -1);
        if (lineBefore !== undefined && !section.create) expect(closing(lineBefore)).toBe(false);
        expect([added.title, added.alias, added.venueRaw, added.year, added.orgs]).toEqual([fields.title, fields.alias, fields.venue, fields.year, fields.orgs]);
        // At the end of its section: no entry of the same section comes after it.
        expect(afterFile.entries.slice(index + 1).some((e) => e.section === section.title)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('on any line soup, either checks out or refuses with CheckFailed: never a silent bad write', () => {
    const soup = fc
      .array(fc.tuple(fc.oneof(fc.constantFrom('## S', '### E[KDD\'18]', '```', '~~~', '<!--', '-->', '---', '', '- x', '<pre>', '</pre>'), fc.string({ maxLength: 8 })), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 30 })
      .map((parts) => parts.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(soup, (text) => {
        const file = parseDigest(text, 's.md');
        const section = file.sections.at(-1);
        fc.pre(section !== undefined);
        const input: AddInput = { title: 'New', alias: null, venue: 'KDD', year: 2018, orgs: [], notes: ['n'] };
        const { request, edits, after } = addOnce(text, input, { title: section!.title, create: false });
        try {
          checkInsertions('s.md', text, after, edits);
          const notes = newEntryLines(file, text, request).slice(1).join('\n');
          checkAdded('s.md', file, parseDigest(after, 's.md', { venues }), { fields: input, notes, section: section!.title }, false);
        } catch (error) {
          expect(error).toBeInstanceOf(CheckFailed);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** What checkAdded says: the entry as it reads, or the message it refuses with. */
function outcome(check: () => ParsedEntry): unknown {
  try {
    const e = check();
    return { line: e.line, ...Object.fromEntries(view(e).entries()) };
  } catch (error) {
    if (!(error instanceof CheckFailed)) throw error;
    return error.message;
  }
}

describe('checking an insertion in its window', () => {
  it('says what checking both files whole says: the same entry, or the same refusal', () => {
    const soup = fc
      .array(fc.tuple(fc.oneof(fc.constantFrom('## S', "### E[KDD'18]", '```', '<!--', '-->', '---', '', '- x', '<pre>', '</pre>', '[r]: https://e.org'), fc.string({ maxLength: 6 })), fc.constantFrom('\n', '\r\n')), { maxLength: 30 })
      .map((parts) => parts.map(([l, e]) => l + e).join(''));
    let windows = 0;
    fc.assert(
      fc.property(fc.oneof(digestArb, soup), draftArb, fc.nat(), (text, draft, pick) => {
        const parsed = schema.safeParse(draft);
        fc.pre(parsed.success);
        const input = parsed.data!;
        const sections = parseDigest(text, 'g.md').sections;
        fc.pre(sections.length > 0);
        const section = { title: sections[pick % sections.length]!.title, create: false };
        const { file, request, edits, after } = addOnce(text, input, section);
        const afterFile = parseDigest(after, 'g.md', { venues });
        const notes = newEntryLines(file, text, request).slice(1).join('\n');
        const expected = { fields: input, notes, section: section.title };
        const whole = outcome(() => checkAdded('g.md', file, afterFile, expected, false));
        const w = insertionWindow(viewOf(file).entries, splitDigest(after, 'g.md', { venues }).chunks, edits);
        if (w.newTo - w.from < afterFile.entries.length) windows++;
        const cut = outcome(() => checkAdded('g.md', parsedWindow(viewOf(file), w.from, w.oldTo), parsedWindow(viewOf(afterFile), w.from, w.newTo), expected, false));
        expect(cut).toEqual(whole);
      }),
      { numRuns: 1500 },
    );
    // Most windows are a part of the file: one that was always the whole file would pass the check above.
    expect(windows).toBeGreaterThan(300);
  });

  it('says so for any lines inserted anywhere too (fences, comments, definitions, headings)', () => {
    const line = fc.constantFrom('## S', '## T', "### E[KDD'18]", '### New[KDD\'18]', '```', '<!--', '-->', '', '- x TODO', '[r]: https://e.org', '- [r]', '# Top', '##NoSpace');
    const lines = (max: number) => fc.array(line, { maxLength: max }).map((l) => l.map((x) => `${x}\n`).join(''));
    let refused = 0;
    fc.assert(
      fc.property(lines(20), fc.array(line, { minLength: 1, maxLength: 4 }), fc.nat(), (text, inserted, pick) => {
        const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
        const at = starts[pick % starts.length]!;
        const piece = inserted.map((x) => `${x}\n`).join('');
        const after = text.slice(0, at) + piece + text.slice(at);
        const file = parseDigest(text, 'g.md', { venues });
        const afterFile = parseDigest(after, 'g.md', { venues });
        const expected = { fields: { title: 'New', alias: null, venue: "KDD'18", year: 2018, orgs: [] }, notes: '', section: 'S' };
        const edits = [{ start: at, end: at, text: piece }];
        const whole = outcome(() => checkAdded('g.md', file, afterFile, expected, false));
        if (typeof whole === 'string') refused++;
        const w = insertionWindow(viewOf(file).entries, splitDigest(after, 'g.md', { venues }).chunks, edits);
        expect(outcome(() => checkAdded('g.md', parsedWindow(viewOf(file), w.from, w.oldTo), parsedWindow(viewOf(afterFile), w.from, w.newTo), expected, false))).toEqual(whole);
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(1000);
  });
});

describe('planNote properties', () => {
  it('appends only the bullets to any entry, and every other entry reads back unchanged', () => {
    fc.assert(
      fc.property(digestArb, fc.nat(), fc.array(words, { minLength: 1, maxLength: 3 }), (text, pick, notes) => {
        const file = parseDigest(text, 'g.md');
        fc.pre(file.entries.length > 0);
        const index = pick % file.entries.length;
        const entry = file.entries[index]!;
        const edits = planNote(file, text, entry, notes);
        const after = applyEdits(text, edits).output;
        const { start, text: inserted } = edits[0]!;
        expect(after.slice(0, start) + after.slice(start + inserted.length)).toBe(text);
        if (file.info.eol === '\r\n') expect(inserted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        const noted = checkNoted('g.md', file, parseDigest(after, 'g.md'), index, noteLines(text, entry, notes).join('\n'));
        // The new bullets end the notes, but for the comment lines that closed them, which still do.
        const old = closingLines(entry.notes);
        const now = closingLines(noted.notes);
        // (Blank lines between a heading and a first comment line were not part of the old notes.)
        expect(old.head.length ? now.tail : now.tail.slice(now.tail.findIndex((l) => l.trim() !== ''))).toEqual(old.tail);
        expect(now.head.at(-1)!.endsWith(notes.at(-1)!)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
