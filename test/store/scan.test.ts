import fc from 'fast-check';
import type { Heading, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { parseMarkdown } from '../../src/store/markdown.js';
import { parseDigest } from '../../src/store/parse.js';
import { scanDigest, spliceScan, type Scan } from '../../src/store/scan.js';

const parse = (text: string) => buildStore([parseDigest(text, 'x.md', { markdown: parseMarkdown })]);
const titles = (text: string) => parse(text).entries.map((e) => e.title);

describe('scanDigest, where it must agree with CommonMark', () => {
  it.each([
    ['- ```python'],
    ['* ```'],
    ['1. ```'],
    ['> ```'],
  ])('sees a fence opened after %j, and the digest after it', (open) => {
    const closing = open.startsWith('>') ? '> ```' : '  ```';
    const text = `## Sys\n\n### Beta[SOSP'19][MIT]\n${open}\n  # comment\n  x = 1\n${closing}\n\n## Other\n\n### Delta\n- d\n`;
    expect(titles(text)).toEqual(['Beta', 'Delta']);
    expect(parse(text).diagnostics).toEqual([]);
    expect(parse(text).sections.map((s) => s.title)).toEqual(['Sys', 'Other']);
  });

  it('reads a heading that holds U+2028 or U+2029', () => {
    expect(titles("## S\n\n### Alpha\u2028Beta[KDD'18]\n- a\n\n### Gamma\u2029X\n- g\n")).toEqual(['Alpha\u2028Beta', 'Gamma\u2029X']);
  });

  it('takes `---` on line 1 for front matter only when a YAML key follows', () => {
    expect(titles('---\n\n## A\n\n### One\n- x\n\n---\n\n## B\n### Two\n')).toEqual(['One', 'Two']);
    expect(titles('---\ntitle: notes\n### not an entry\n---\n## A\n### One\n')).toEqual(['One']);
  });

  it('resolves a reference to its first definition', () => {
    const digest = parse('## S\n### A\n- [paper][p]\n### B\n[p]: first.md\n### C\n[p]: second.md\n');
    expect(digest.entries[0]!.links.map((l) => l.url)).toEqual(['first.md']);
  });

  it('places links on a first line after a BOM exactly', () => {
    const text = '\uFEFF### A [x](a.md)\n- b\n';
    const link = parse(text).entries[0]!.links[0]!;
    expect(text.slice(link.offset, link.endOffset)).toBe('[x](a.md)');
  });

  it('judges each line by its own text, whatever the lines around it hold', () => {
    // The scanner looks ahead for the next `` `` ``, `~~` and `<!--` of the text: one on the line
    // before, or split over a line break, must not make a line a fence or a comment.
    const text = [
      '```',
      '### in a fence',
      '```',
      '## S',
      'ends in a tick `',
      '`` inline `` code, then',
      '   ### Three spaces[KDD\'18]',
      '    ### four spaces is code',
      '\t### a tab',
      'a ~',
      '~ b',
      '   <!-- a comment',
      '### hidden',
      '-->',
      'text <!-- not at the start',
      '### After[SOSP\'19]',
      '   [d]: https://example.org',
      '    [e]: https://example.org',
      '~~~',
      '### in the second fence',
    ].join('\n');
    const scan = scanDigest(text);
    expect(scan.outline.map((h) => [h.line, h.raw])).toEqual([
      [4, 'S'],
      [7, "Three spaces[KDD'18]"],
      [16, "After[SOSP'19]"],
    ]);
    expect(scan.fences).toEqual([
      [1, 3],
      [19, 20],
    ]);
    expect(scan.definitionLines).toEqual([17]);
    expect(scan.problems.map((p) => [p.line, p.code])).toEqual([[19, 'unclosed-fence']]);
  });

  it('reads a bullet from its characters exactly as the list-item pattern does', () => {
    // The scanner judges a bullet in place, without the pattern: after the marker, spaces or tabs,
    // then anything but whitespace as `\s` means it (U+3000, U+00A0, U+2028 and U+FEFF are whitespace).
    const listItem = /^ ?(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)/;
    const breakLine = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
    const piece = fc.constantFrom(' ', '  ', '\t', '-', '*', '+', '_', '1.', '7)', 'x', '中', '\u3000', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u200b', '\u202f', '\u180e', '#');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const line = parts.join('');
        const oracle = (l: string, n: number, at: number) => (listItem.test(l) && !breakLine.test(l) ? [{ line: n, raw: l.replace(listItem, ''), rawOffset: at + listItem.exec(l)![0].length }] : []);
        // The line alone (a BOM that starts the text is not part of it), and the same line after another.
        const bom = line.startsWith('\ufeff') ? 1 : 0;
        expect(scanDigest(line).items).toEqual(oracle(line.slice(bom), 1, bom));
        expect(scanDigest(`x\n${line}`).items).toEqual(oracle(line, 2, 2));
      }),
      { numRuns: 3000 },
    );
    expect(scanDigest('- \u3000x\n-\u3000x\n-\tx\n - x\n  - x\n- - -\n- x -\n').items.map((i) => i.line)).toEqual([3, 4, 7]);
  });

  it('removes a closing sequence only where one is', () => {
    const raws = (text: string) => scanDigest(text).outline.map((h) => h.raw);
    expect(raws('## A ##\n## B #  \n## C#\n## D # x\n## #\n### E\t#\t\n## F[KDD\'18]\n')).toEqual(['A', 'B', 'C#', 'D # x', '', 'E', "F[KDD'18]"]);
  });

  it('gives `###Title` a 1-based column at its text', () => {
    const d = parse('## S\n###Title\n');
    expect(d.diagnostics[0]).toMatchObject({ code: 'heading-missing-space', line: 2, column: 4 });
  });
});

// Lines whose CommonMark reading the scanner must share. Left out on purpose, where papers reads
// the text as its author meant it rather than as CommonMark does: `###Title` without a space,
// fences indented four spaces outside a list, unindented lines inside a list item's fence, HTML
// blocks other than comments and <pre>, and setext underlines.
const block = fc.oneof(
  fc.constantFrom('## Section', '### Entry[KDD\'18][Ali]', '# Title', '#### deeper', '- bullet', '1. item', '> quote', 'text', '', '| a | b |', '<!-- note -->'),
  fc.constantFrom(
    ['```', '### hidden', '```'],
    ['~~~', '## hidden', '~~~'],
    ['- ```python', '  # comment', '  ### hidden', '  ```'],
    ['1. ~~~', '   ## hidden', '   ~~~'],
    ['> ```', '> ### hidden', '> ```'],
    ['<!--', '### hidden', '-->'],
    ['- item', '  ```', '  ### hidden', '  ```'],
  ).map((lines) => lines.join('\n')),
);

function commonMarkHeadings(text: string): number[] {
  const tree = parseMarkdown(text) as Root;
  return tree.children
    .filter((n): n is Heading => n.type === 'heading' && n.depth <= 3 && /^ {0,3}#/.test(text.split('\n')[n.position!.start.line - 1]!))
    .map((n) => n.position!.start.line);
}

describe('scanDigest against remark-parse', () => {
  it('finds exactly the top-level #, ## and ### headings CommonMark finds (property)', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), (blocks) => {
        // A blank line between blocks, as authors write them, so no paragraph swallows the next block.
        const text = blocks.join('\n\n');
        const ours = scanDigest(text).outline.filter((h) => !h.html && h.level <= 3).map((h) => h.line);
        expect(ours).toEqual(commonMarkHeadings(text));
      }),
      { numRuns: 400 },
    );
  });
});

describe('spliceScan', () => {
  // Everything a scan says, its items and each item's children included.
  const facts = (scan: Scan) => ({
    lines: scan.lines,
    outline: scan.outline,
    items: scan.items,
    children: scan.items.map((item) => scan.children(item, Number.MAX_SAFE_INTEGER)),
    itemLines: scan.itemLines,
    breaks: scan.breaks,
    definitionLines: scan.definitionLines,
    problems: scan.problems,
    frontMatterLines: scan.frontMatterLines,
    fences: scan.fences,
    endsOpen: scan.endsOpen,
  });
  const line = fc.constantFrom('## S', "### E[KDD'18]", '#### deep', '- note', '  - child', '* item', '1. one', 'text', '', '```', '~~~', '<!--', '-->', '<pre>', '</pre>', '<h3>H</h3>', '[d]: https://x', '---', 'a: b', '- - -', '中文 😀', '\uFEFF### B');
  const typed = fc.constantFrom('x', '\n', '\r\n', '```', '<!--', '-->', '### ', '## ', '- ', '  - ', '<pre>', '</pre>', '---', '[e]: u', '中', '😀', '');

  it('gives what scanning the edited text whole gives (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.nat(), fc.nat(6), typed, (lines, eol, at, remove, put) => {
        const before = lines.join(eol);
        const whole = (i: number) => (i > 0 && (before.charCodeAt(i) & 0xfc00) === 0xdc00) || (before[i] === '\n' && before[i - 1] === '\r') ? i - 1 : i;
        const start = whole(at % (before.length + 1));
        const end = whole(Math.min(before.length, start + remove));
        const after = before.slice(0, start) + put + before.slice(end);
        expect(facts(spliceScan(scanDigest(before), after, { start, end, text: put }))).toEqual(facts(scanDigest(after)));
      }),
      // Once a counterexample: the edit empties the text after the last line break.
      { numRuns: 4000, examples: [[['#### deep', '## S'], '\n', 10, 4, '']] },
    );
  });

  it('scans again only from the heading before the edit to the one after it', () => {
    const before = ['# T', '## S', '### A', '- a', '### B', '- b', '```', 'x', '```', '### C', '- c', ''].join('\n');
    const at = before.indexOf('- b') + 3;
    const after = `${before.slice(0, at)}!${before.slice(at)}`;
    const spliced = spliceScan(scanDigest(before), after, { start: at, end: at, text: '!' });
    expect(facts(spliced)).toEqual(facts(scanDigest(after)));
    // An edit that opens a fence reads on to the end: the headings after it are code now.
    const open = `${before.slice(0, at)}\n\`\`\`${before.slice(at)}`;
    expect(spliceScan(scanDigest(before), open, { start: at, end: at, text: '\n```' }).outline.map((h) => h.raw)).toEqual(['T', 'S', 'A', 'B']);
  });
});
