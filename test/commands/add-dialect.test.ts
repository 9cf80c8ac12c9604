// add and add --bibtex write in the digest's own dialect (issue 14): through add-write.ts, one writer for both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';
import { decode, insertedBlock } from '../helpers/written.js';

const DIGEST = '/w/notes/digest.md';
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/dialects/${name}`, import.meta.url), 'utf8');
const ioWith = (text: string, more: Record<string, string> = {}) => memoryIo({ [DIGEST]: text, ...more }, { cwd: '/w' });
/** `list --json` with these options, as a next run on the files `io` left reads them. */
const listedAfter = async (io: ReturnType<typeof memoryIo>, ...args: string[]): Promise<Array<{ title: string; section: string }>> =>
  JSON.parse((await run(memoryIo(Object.fromEntries(io.files), { cwd: '/w' }), 'list', '--json', ...args)).stdout);

const CVPR_BIB = `@inproceedings{kirillov2024,
  title = {Segment Anything Again},
  author = {Kirillov, Alexander},
  booktitle = {IEEE/CVF Conference on Computer Vision and Pattern Recognition},
  year = {2024}
}
`;

describe('add and note in a digest of tables of papers', () => {
  it('adds a row under the section\'s table, each field in its column, its notes in the notes column', async () => {
    const before = fixture('table.md');
    const io = ioWith(before);
    const r = await run(io, 'add', '--title', 'Spanner: Google\'s Globally-Distributed Database', '--alias', 'Spanner', '--venue', 'OSDI', '--year', '2012', '--section', 'Storage', '--note', 'TrueTime', '--note', 'a | b');
    expect(r.code, r.stderr).toBe(0);
    const { at, text } = insertedBlock(before, decode(io.files.get(DIGEST)));
    expect(text).toBe("| Spanner: Google's Globally-Distributed Database (Spanner) | OSDI | 2012 | TrueTime<br>a \\| b |\n");
    expect(before.slice(at)).toMatch(/^\n## Consensus/);
    const shown = JSON.parse((await run(memoryIo(Object.fromEntries(io.files), { cwd: '/w' }), 'show', 'spanner', '--json')).stdout);
    expect([shown.title, shown.alias, shown.venue, shown.year, shown.notes]).toEqual(["Spanner: Google's Globally-Distributed Database", 'Spanner', 'OSDI', 2012, 'TrueTime\na | b']);
  });

  it('starts a table like the last one in a new section, and refuses organisations a table has no column for', async () => {
    const before = fixture('table.md');
    const io = ioWith(before);
    expect((await run(io, 'add', '--title', 'Paxos Made Simple', '--venue', 'PODC', '--year', '2001', '--new-section', 'More')).code).toBe(0);
    const { text } = insertedBlock(before, decode(io.files.get(DIGEST)));
    expect(text).toBe('## More\n\n| 论文 | 会议 | 年份 |\n|---|---|---|\n| Paxos Made Simple | PODC | 2001 |\n\n');
    const refused = ioWith(before);
    const r = await run(refused, 'add', '--title', 'Chubby', '--venue', 'OSDI', '--year', '2006', '--section', 'Storage', '--org', 'Google');
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('no column for organisations')]);
    expect(decode(refused.files.get(DIGEST))).toBe(before);
    // What the table has no column for, or a cell cannot hold, is refused too: nothing written.
    for (const args of [
      ['--title', 'Chubby', '--venue', 'OSDI', '--year', '2006', '--section', 'Consensus', '--note', 'locks'],
      ['--title', 'A | B', '--venue', 'OSDI', '--year', '2006', '--section', 'Storage'],
    ]) {
      const io2 = ioWith(before);
      const r2 = await run(io2, 'add', ...args);
      expect([r2.code, r2.stderr.includes('this is a bug')]).toEqual([2, false]);
      expect(decode(io2.files.get(DIGEST))).toBe(before);
    }
  });

  it('note appends to a row\'s notes cell, and refuses a table without one', async () => {
    const before = fixture('table.md');
    const io = ioWith(before);
    const r = await run(io, 'note', 'google-file-system-2003', '-n', 'read twice');
    expect(r.code, r.stderr).toBe(0);
    expect(decode(io.files.get(DIGEST))).toBe(before.replace('Relaxed consistency. |', 'Relaxed consistency.<br>read twice |'));
    const empty = ioWith(before);
    expect((await run(empty, 'note', 'bigtable', '-n', 'first')).code).toBe(0);
    expect(decode(empty.files.get(DIGEST))).toBe(before.replace('Structured Data | OSDI | 2006 | |', 'Structured Data | OSDI | 2006 | first |'));
    const none = ioWith(before);
    const refused = await run(none, 'note', 'understandable consensus', '-n', 'x');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('no column for notes')]);
    expect(decode(none.files.get(DIGEST))).toBe(before);
  });
});

describe('add into sections that group papers', () => {
  const DIGEST_TEXT = [
    '# Notes',
    '## Papers',
    "### Attention Is All You Need[NeurIPS'17][Google]",
    '- a',
    "### Deep Residual Learning for Image Recognition[CVPR'16][MSRA]",
    '- b',
    '## Older picks',
    '### 2018',
    '- [ICLR] Mixed Precision Training',
    '- [ICML] Efficient Neural Architecture Search via Parameter Sharing',
    '## Graph embeddings',
    '### Shallow',
    '#### DeepWalk: Online Learning of Social Representations (2014)',
    '#### LINE: Large-scale Information Network Embedding (2015)',
    '## ICML',
    "### Some ICML Paper[ICML'20][Lab]",
    '',
  ].join('\n');

  it.each([
    ['a list item under a year heading', ['--title', 'Neural Ordinary Differential Equations', '--venue', 'NeurIPS', '--year', '2018', '--section', '2018'], '- [ICML] Efficient Neural Architecture Search via Parameter Sharing', "- Neural Ordinary Differential Equations[NeurIPS'18]"],
    ['a heading at the level of the papers a group holds', ['--title', 'node2vec: Scalable Feature Learning for Networks', '--year', '2016', '--section', 'Shallow'], '#### LINE: Large-scale Information Network Embedding (2015)', '#### node2vec: Scalable Feature Learning for Networks[2016]'],
    ['a paper without a venue under a section named by one', ['--title', 'Another ICML Paper', '--year', '2021', '--org', 'Lab', '--section', 'ICML'], "### Some ICML Paper[ICML'20][Lab]", '### Another ICML Paper[2021][Lab]'],
  ])('writes %s', async (_, args, after, line) => {
    const io = ioWith(DIGEST_TEXT);
    const r = await run(io, 'add', ...args);
    expect(r.code, r.stderr).toBe(0);
    expect(decode(io.files.get(DIGEST))).toBe(DIGEST_TEXT.replace(`${after}\n`, `${after}\n${line}\n`));
  });
});

describe('add and note in a digest of collapsible blocks', () => {
  it('adds a block after the section\'s last one, its summary in the file\'s style, and notes inside a block', async () => {
    const before = fixture('details.md');
    const io = ioWith(before);
    const r = await run(io, 'add', '--title', 'Spanner: Google\'s Globally-Distributed Database', '--venue', 'OSDI', '--year', '2012', '--section', 'Storage', '--note', 'TrueTime');
    expect(r.code, r.stderr).toBe(0);
    const { at, text } = insertedBlock(before, decode(io.files.get(DIGEST)));
    expect(text).toMatch(/^<details>\n<summary>.*Spanner: Google's Globally-Distributed Database.*<\/summary>\n\n- TrueTime\n\n<\/details>\n\n$/);
    expect(before.slice(at)).toBe('[back to top](#systems-reading-group)\n');
    expect((await listedAfter(io, '--venue', 'osdi')).map((e) => e.title)).toEqual(['Bigtable: A Distributed Storage System for Structured Data', "Spanner: Google's Globally-Distributed Database"]);
    const noted = ioWith(before);
    expect((await run(noted, 'note', 'google-file-system-2003', '-n', 'read twice')).code).toBe(0);
    expect(decode(noted.files.get(DIGEST))).toBe(before.replace('- relaxed consistency\n', '- relaxed consistency\n- read twice\n'));
  });
});

describe('add in the dialect of the digest', () => {
  it('writes venue first with a full year into a venue-first digest, before the section footer', async () => {
    const before = fixture('venue-first.md');
    const io = ioWith(before);
    const r = await run(io, 'add', '--title', 'Segment Anything Again', '--venue', 'CVPR', '--year', '2024', '--section', 'One-stage detectors', '--note', '新的一条');
    expect(r.code, r.stderr).toBe(0);
    const { at, text } = insertedBlock(before, decode(io.files.get(DIGEST)));
    expect(text).toBe('### [CVPR 2024] Segment Anything Again\n- 新的一条\n\n');
    // Inserted before the section's trailing `[[back to top]]` and `---`, not after them.
    expect(before.slice(at)).toMatch(/^\[\[back to top\]\]\(#contents\)\n\n---\n\n## Transformers/);
    expect((await listedAfter(io, '--venue', 'cvpr', '--year', '2024')).map((e) => e.title)).toEqual(['Segment Anything Again']);
  });

  it('add --bibtex follows the dialect too', async () => {
    const before = fixture('venue-first.md');
    const io = ioWith(before, { '/w/cvpr.bib': CVPR_BIB });
    const r = await run(io, 'add', '--bibtex', 'cvpr.bib', '--section', 'Transformers');
    expect(r.code, r.stderr).toBe(0);
    const { at, text } = insertedBlock(before, decode(io.files.get(DIGEST)));
    expect(text).toBe('### [CVPR 2024] Segment Anything Again\n\n');
    expect(before.slice(at)).toBe('[[back to top]](#contents)\n');
  });

  it('writes a list item into a digest of one paper per item, in its bracket and year form', async () => {
    const before = fixture('bullets.md');
    const io = ioWith(before);
    const r = await run(io, 'add', '--title', 'Segment Anything Again', '--venue', 'CVPR', '--year', '2024', '--section', '分割');
    expect(r.code, r.stderr).toBe(0);
    const { text } = insertedBlock(before, decode(io.files.get(DIGEST)));
    expect(text).toMatch(/^- \[CVPR'24\] Segment Anything Again\n/);
  });

  it('adds into a group of nested papers as its papers are written, ` - Venue YYYY` after the title', async () => {
    const before = fixture('grouped.md');
    const io = ioWith(before);
    const r = await run(io, 'add', '--title', 'A ConvNet for Modern Times', '--venue', 'CVPR', '--year', '2022', '--section', 'Convolutional', '--note', '现代化的 ResNet');
    expect(r.code, r.stderr).toBe(0);
    const { at, text } = insertedBlock(before, decode(io.files.get(DIGEST)));
    expect(text).toBe('  - A ConvNet for Modern Times - CVPR 2022\n    - 现代化的 ResNet\n');
    expect(before.slice(0, at)).toMatch(/EfficientNet.*ICML 2019\n$/);
    expect((await listedAfter(io, '--venue', 'cvpr', '--year', '2022')).map((e) => [e.title, e.section])).toEqual([['A ConvNet for Modern Times', 'Convolutional']]);
  });

  it('note nests its bullets under a paper written as a list item, at the depth of its own notes', async () => {
    const before = fixture('grouped.md');
    const io = ioWith(before);
    expect((await run(io, 'note', 'cvt', '混合结构')).code).toBe(0);
    expect(insertedBlock(before, decode(io.files.get(DIGEST))).text).toBe('    * 混合结构\n');
    const again = decode(io.files.get(DIGEST));
    expect((await run(io, 'note', 'deep-residual-learning-2016', 'bottleneck')).code).toBe(0);
    const after = decode(io.files.get(DIGEST));
    expect(after.length - again.length).toBe('    - bottleneck\n'.length);
    expect(after).toContain('    - 残差连接，152 层\n    - bottleneck\n  - [Aggregated');
    expect(await listedAfter(io)).toHaveLength(7);
  });

  it("refuses, naming the option, what would not read back in the digest's style (nothing written)", async () => {
    // `Title. My Conf 2024`: a trailing venue of two words is read only when papers knows it.
    const before = fixture('trailing.md');
    const io = ioWith(before);
    const r = await run(io, 'add', '--title', 'Learner', '--venue', 'My Conf', '--year', '2024', '--section', 'Others');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('papers: --title: in the style of notes/digest.md, would read back as the title "Learner. My Conf 2024"');
    expect(r.stderr).not.toContain('bug');
    expect(decode(io.files.get(DIGEST))).toBe(before);
  });

  it('writes ours as it always did', async () => {
    const before = "## S\n\n### Old Paper(OP)[KDD'18][Ali]\n- note\n";
    const io = ioWith(before);
    expect((await run(io, 'add', '--title', 'New Paper', '--alias', 'NP', '--venue', "CVPR'24", '--org', 'MSRA', '--section', 'S')).code).toBe(0);
    expect(insertedBlock(before, decode(io.files.get(DIGEST))).text).toBe("\n### New Paper(NP)[CVPR'24][MSRA]\n");
  });
});
