import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withoutControls } from '../../src/store/controls.js';

// Every human output path of the real bin/ on a digest holding terminal escapes: nothing a terminal
// would act on reaches stdout or stderr raw; the machine formats keep the exact text.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/papers.cjs', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/digest/control-chars.md', import.meta.url));
const cacheHome = mkdtempSync(path.join(tmpdir(), 'papers-controls-'));
const baseEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', PAPERS_NOTES: '', XDG_CACHE_HOME: cacheHome, VISUAL: '', EDITOR: '' };

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: Buffer;
  out: string;
  err: string;
}

function papers(args: string[], env: Record<string, string> = {}, notes = fixture): Run {
  const r = spawnSync(process.execPath, [bin, '--notes', notes, ...args], { cwd: root, env: { ...baseEnv, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** The raw characters a terminal would act on (newline aside), with where they are. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function rawControls(text: string): string[] {
  return [...text.matchAll(RAW)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index - 12), m.index + 12))}`);
}

/** Checks the bytes themselves: no ESC, BEL or DEL byte, no C1 (C2 80..9F) and no bidi control (E2 80 AA..AE, E2 81 A6..A9). */
function expectNoRawBytes(bytes: Buffer): void {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const c1 = b === 0xc2 && bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f;
    const bidi = b === 0xe2 && ((bytes[i + 1] === 0x80 && bytes[i + 2]! >= 0xaa && bytes[i + 2]! <= 0xae) || (bytes[i + 1] === 0x81 && bytes[i + 2]! >= 0xa6 && bytes[i + 2]! <= 0xa9));
    if ((b < 0x20 && b !== 0x0a) || b === 0x7f || c1 || bidi) throw new Error(`raw control byte 0x${b.toString(16)} at ${i}: ${JSON.stringify(bytes.subarray(Math.max(0, i - 12), i + 12).toString('utf8'))}`);
  }
}

function expectSafe(r: Run): void {
  expect(rawControls(r.out)).toEqual([]);
  expect(rawControls(r.err)).toEqual([]);
  expectNoRawBytes(r.stdout);
  expectNoRawBytes(r.stderr);
}

const copyOfFixture = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-controls-copy-'));
  const copy = path.join(dir, 'papers.md');
  copyFileSync(fixture, copy);
  return copy;
};

describe('the fixture', () => {
  it('holds ESC[31m, ESC[2J, an OSC title, C1 CSI, DEL, bidi controls and tabs', () => {
    const text = readFileSync(fixture, 'utf8');
    for (const s of ['\u001b[31m', '\u001b[2J', '\u001b]0;pwned\u0007', '\u009b', '\u007f', '\u202e', '\u2066', '\t']) expect(text).toContain(s);
  });
});

describe('human output shows control characters escaped (bytes of the real bin/)', () => {
  it('list: escapes in the table and the section header, tabs as spaces, columns aligned on what is shown', () => {
    const r = papers(['list']);
    expect(r.status).toBe(0);
    expectSafe(r);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Evil\\x1b[2J Section [evil-2j-section] · 3');
    expect(r.out).toContain('Tab Title \\u2066Paper\\u2069');
    expect(r.out).toContain('C1 \\x9b2J Title Paper');
    expect(r.out).toContain('Meta\\x7f');
    expect(r.err).toBe('3 entries in 1 section\n');
    // The escaped cells are ASCII: one column a character, so aligned columns start at one index.
    const rows = lines.filter((l) => l.startsWith('  '));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((l) => l.indexOf('test/fixtures/')))).toHaveLength(1);
    expect(new Set(rows.map((l) => l.search(/ (-|OSDI'22|NeurIPS'19) /)))).toHaveLength(1);
  });

  it('list in colour: only papers\' own colour codes are raw; the digest\'s are shown', () => {
    const r = papers(['list'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(r.status).toBe(0);
    expect(r.out).toContain('\u001b[1mEvil\\x1b[2J Section [evil-2j-section]\u001b[22m');
    const withoutOwnColours = r.out.replace(/\u001b\[\d+m/g, '');
    expect(rawControls(withoutOwnColours)).toEqual([]);
    expect(withoutOwnColours).toContain('31mRED\\x1b');
  });

  it('sections', () => {
    const r = papers(['sections']);
    expect(r.status).toBe(0);
    expectSafe(r);
    expect(r.out).toMatch(/1 {2}evil-2j-section {2}Evil\\x1b\[2J Section {8}3 {2}test\/fixtures\/digest\/control-chars\.md:3/);
  });

  it('stats: chart labels (sections, orgs) escaped, bars still aligned', () => {
    const r = papers(['stats']);
    expect(r.status).toBe(0);
    expectSafe(r);
    expect(r.out).toContain('Evil\\x1b[2J Section');
    expect(r.out).toContain('31mRED\\x1b');
    // Every bar of a chart starts in one column: the labels are padded by what is shown.
    const block = r.out.split('\n\n').find((b) => b.startsWith('by organisation'))!;
    const starts = block.split('\n').slice(1).map((l) => l.search(/[\u2588-\u258f]/));
    expect(starts.length).toBeGreaterThan(2);
    expect(new Set(starts).size).toBe(1);
  });

  it('open: an editor that is not known gets the file, and the message quoting the query is escaped', () => {
    const r = papers(['open', 'evil\u001b[2J'], { EDITOR: 'true' });
    expect(r.status).toBe(1);
    expectSafe(r);
    expect(r.err).toContain('evil\\x1b[2J');
  });

  it('show: title, fields and notes (tabs to the next stop of 4)', () => {
    const evil = papers(['show', 'evil']);
    expect(evil.status).toBe(0);
    expectSafe(evil);
    expect(evil.out).toContain('section: Evil\\x1b[2J Section');
    expect(evil.out).toContain('- note \\x1b[2J clear\n- del \\x7f here and bidi \\u202eesrever\\u202c end\n- tab   here');
    const csi = papers(['show', 'csi']);
    expectSafe(csi);
    expect(csi.out.split('\n')[0]).toBe('C1 \\x9b2J Title Paper');
    expect(csi.out).toContain('orgs:    Meta\\x7f');
  });

  it('show: the candidates of an ambiguous query, and a query that matches nothing, quoted escaped', () => {
    const several = papers(['show', 'title']);
    expect(several.status).toBe(2);
    expectSafe(several);
    expect(several.err).toContain('  tab-2022  Tab Title \\u2066Paper\\u2069  OSDI\'22');
    const none = papers(['show', 'a\u001b[2Jb\u001b]0;pwned\u0007']);
    expect(none.status).toBe(1);
    expectSafe(none);
    expect(none.err).toContain('papers: no entry matches "a\\x1b[2Jb\\x1b]0;pwned\\x07"');
  });

  it('search: titles, sections and snippets, highlights still on the words', () => {
    const r = papers(['search', 'pwned']);
    expect(r.status).toBe(0);
    expectSafe(r);
    expect(r.out).toContain('1.  Tab Title \\u2066Paper\\u2069  OSDI\'22  Evil\\x1b[2J Section');
    expect(r.out).toContain('control-chars.md:11  plain note with tab and an OSC \\x1b]0;pwned\\x07 title');
    const colour = papers(['search', 'pwned'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(colour.out).toContain('OSC \\x1b]0;\u001b[1m\u001b[31mpwned\u001b[39m\u001b[22m\\x07');
    expect(rawControls(colour.out.replace(/\u001b\[\d+m/g, ''))).toEqual([]);
  });

  it('lint: stylish and unix messages quoting the heading, and the summary', () => {
    for (const format of ['stylish', 'unix']) {
      const r = papers(['lint', '--format', format]);
      expect(r.status).toBe(1);
      expectSafe(r);
      expect(r.out).toContain('Unexpected control character U+001B (ESC) in the section heading "Evil\\x1b[2J Section"');
      expect(r.out).toContain('Unexpected text "0;pwned\\x07 Title(EVIL)[KDD\'20][X\\x9bCorp]"');
      expect(r.err).toMatch(/problems \(1 error, \d+ warnings\)/);
    }
  });

  it('lint --explain prints the rule\'s examples escaped', () => {
    const r = papers(['lint', '--explain', 'no-control-character']);
    expect(r.status).toBe(0);
    expectSafe(r);
    expect(r.out).toContain('- pasted from a terminal: \\x1b[31mred\\x1b[0m');
  });

  it('lint --fix-dry-run: the diff escaped, tabs kept', () => {
    const r = papers(['lint', '--fix-dry-run', '--rule', 'no-control-character'], {}, copyOfFixture());
    expect(r.status).toBe(0);
    // A diff keeps its tabs (it stays a patch); nothing else is raw.
    expect(rawControls(r.out.replace(/\t/g, ''))).toEqual([]);
    expect(rawControls(r.err)).toEqual([]);
    expect(r.out).toContain('-- note \\x1b[2J clear\n');
    expect(r.out).toContain('+- note [2J clear\n');
    expect(r.out).toContain('\n - tab\there\n');
    expect(r.out).toContain('-### Tab\tTitle \\u2066Paper\\u2069');
  });

  it('add and note: confirmations and refusals quoting the section, the title or the query', () => {
    const copy = copyOfFixture();
    const added = papers(['add', '--title', 'Clean Paper', '--section', 'evil', '--venue', "OSDI'23", '--org', 'Google', '--note', 'a plain note'], {}, copy);
    expect(added.status).toBe(0);
    expectSafe(added);
    expect(added.err).toBe('papers: added "Clean Paper" to Evil\\x1b[2J Section\n');
    const refused = papers(['add', '--title', 'Bad\u001b[2J', '--section', 'evil'], {}, copy);
    expect(refused.status).toBe(2);
    expectSafe(refused);
    expect(refused.err).toContain('--title: holds the control character U+001B (ESC)');
    const noted = papers(['note', 'csi', 'another note'], {}, copy);
    expect(noted.status).toBe(0);
    expectSafe(noted);
    expect(noted.err).toBe('papers: added 1 note to csi-2019\n');
    const missing = papers(['note', '\u001b]0;pwned\u0007', 'x'], {}, copy);
    expect(missing.status).toBe(1);
    expectSafe(missing);
    expect(missing.err).toContain('no entry matches "\\x1b]0;pwned\\x07"');
    const dry = papers(['add', '--title', 'Other Paper', '--section', 'evil', '--note', 'n', '--dry-run'], {}, copy);
    expect(dry.status).toBe(0);
    expect(rawControls(dry.out.replace(/\t/g, ''))).toEqual([]);
    expectSafe({ ...dry, out: '', stdout: Buffer.alloc(0) });
    expect(dry.err).toContain('(the entry would go to');
  });

  it('command-line errors quoting an argument (commander\'s and papers\' own)', () => {
    const option = papers(['list', '--bogus\u001b[2J']);
    expect(option.status).toBe(2);
    expectSafe(option);
    expect(option.err).toContain("'--bogus\\x1b[2J'");
    const section = papers(['list', '--section', 'zz\u001b]0;pwned\u0007']);
    expect(section.status).toBe(2);
    expectSafe(section);
    expect(section.err).toContain('zz\\x1b]0;pwned\\x07');
  });
});

describe('machine formats keep the exact text', () => {
  it('list --json', () => {
    const r = papers(['list', '--json']);
    expect(r.status).toBe(0);
    const entries = JSON.parse(r.out) as Array<{ title: string; orgs: string[]; notes: string; section: string }>;
    expect(entries[0]!.section).toBe('Evil\u001b[2J Section');
    expect(entries[0]!.notes).toBe('- note \u001b[2J clear\n- del \u007f here and bidi \u202eesrever\u202c end\n- tab\there');
    expect(entries[1]!.title).toBe('Tab\tTitle \u2066Paper\u2069');
    expect(entries[2]!.title).toBe('C1 \u009b2J Title Paper');
    expect(entries[2]!.orgs).toEqual(['Meta\u007f']);
    // JSON escapes C0 itself; DEL, C1 and bidi controls are valid JSON text and stay as they are.
    expect(r.out).toContain('Evil\\u001b[2J Section');
    expect(r.stdout.includes(Buffer.from('Meta\u007f'))).toBe(true);
    expect(r.stdout.includes(Buffer.from('\u009b2J'))).toBe(true);
    expect(r.stdout.includes(Buffer.from('\u2066Paper\u2069'))).toBe(true);
  });

  it('stats --json and export keep the exact text', () => {
    const stats = JSON.parse(papers(['stats', '--json']).out) as { bySection: Array<{ name: string }> };
    expect(stats.bySection[0]!.name).toBe('Evil\u001b[2J Section');
    const jsonl = papers(['export', '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l) as { title: string });
    expect(jsonl.map((e) => e.title)).toContain('Evil \u001b');
  });

  it('show, search and sections --json', () => {
    const show = JSON.parse(papers(['show', 'evil', '--json']).out) as { notes: string };
    expect(show.notes).toContain('\u001b[2J');
    const search = JSON.parse(papers(['search', 'pwned', '--json']).out) as Array<{ snippet: { text: string; highlights: Array<{ start: number; end: number }> } }>;
    const { text, highlights } = search[0]!.snippet;
    expect(text).toBe('plain note with\ttab and an OSC \u001b]0;pwned\u0007 title');
    expect(text.slice(highlights[0]!.start, highlights[0]!.end)).toBe('pwned');
    const sections = JSON.parse(papers(['sections', '--json']).out) as { sections: Array<{ title: string }> };
    expect(sections.sections[0]!.title).toBe('Evil\u001b[2J Section');
  });

  it('lint json and sarif', () => {
    const json = JSON.parse(papers(['lint', '--format', 'json']).out) as Array<{ messages: Array<{ ruleId: string; message: string; fix?: { range: number[]; text: string } }> }>;
    const control = json[0]!.messages.filter((m) => m.ruleId === 'no-control-character');
    expect(control[0]!.message).toBe('Unexpected control character U+001B (ESC) in the section heading "Evil\u001b[2J Section", expected none (a terminal acts on it)');
    expect(control.every((m) => m.fix?.text === '' && m.fix.range[1]! - m.fix.range[0]! >= 1)).toBe(true);
    const sarif = JSON.parse(papers(['lint', '--format', 'sarif']).out) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]!.results.some((r) => r.message.text.includes('"Evil\u001b[2J Section"'))).toBe(true);
  });
});

describe('lint --fix removes the control characters and nothing else', () => {
  it('writes the bytes without them, and lints clean of them after', () => {
    const copy = copyOfFixture();
    const before = readFileSync(copy, 'utf8');
    const r = papers(['lint', '--fix', '--rule', 'no-control-character'], {}, copy);
    expect(r.status).toBe(0);
    expectSafe(r);
    const after = readFileSync(copy, 'utf8');
    expect(after).toBe(withoutControls(before));
    expect(after).toContain('- tab\there');
    expect(r.err).toMatch(/^fixed 1[0-9] problems; 0 problems remain\n/);
    expect(papers(['lint', '--rule', 'no-control-character'], {}, copy).status).toBe(0);
  });
});
