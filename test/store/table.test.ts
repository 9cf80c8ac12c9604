import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { parseDigest } from '../../src/store/parse.js';
import { cellsOf, columnsOf, headerAbove, isDelimiterRow, newRow, notesColumn } from '../../src/store/table.js';
import { createVenueRegistry } from '../../src/store/venues.js';
import { readFileSync } from 'node:fs';

const venues = createVenueRegistry();
const digest = (text: string) => buildStore([parseDigest(text, 'd.md', { venues })]);
const TABLE = readFileSync(new URL('../fixtures/dialects/table.md', import.meta.url), 'utf8');

describe('a table row', () => {
  it('splits into cells at pipes outside code spans and escapes, with where each starts', () => {
    expect(cellsOf('| A | `x | y` | c \\| d |')).toEqual([
      { text: 'A', start: 2 },
      { text: '`x | y`', start: 6 },
      { text: 'c \\| d', start: 16 },
    ]);
    expect(cellsOf('| A |  |')).toEqual([
      { text: 'A', start: 2 },
      { text: '', start: 7 },
    ]);
  });

  it('names its columns from the header: a title and a venue or a year', () => {
    expect(columnsOf('| Title | Venue | Year | Notes |')).toEqual({ title: 0, venue: 1, year: 2 });
    expect(columnsOf('| # | **Paper** | Conf. |')).toEqual({ title: 1, venue: 2, year: -1 });
    expect(columnsOf('| 论文 | 年份 |')).toEqual({ title: 0, venue: -1, year: 1 });
    expect(columnsOf('| Tool | Link |')).toBeNull();
    expect(columnsOf('| Title | Link |')).toBeNull();
    expect(notesColumn('| Title | Venue | Year | Code | Notes |')).toBe(4);
    expect(notesColumn('| Title | Venue | Year | Comments |')).toBe(3);
    expect(notesColumn('| Title | Year |')).toBe(-1);
    expect(isDelimiterRow('|:---|:---:|---:|')).toBe(true);
    expect(isDelimiterRow('| a | b |')).toBe(false);
  });

  it('finds the header of the table a row is in', () => {
    const text = 'x\n| Title | Year |\n|---|---|\n| A | 2019 |\n| B | 2020 |\n';
    expect(headerAbove(text, text.indexOf('| B'))).toEqual({ header: '| Title | Year |', delimiter: '|---|---|' });
    expect(headerAbove(text, text.indexOf('x'))).toBeNull();
    expect(headerAbove('| A | 2019 |\n| B | 2020 |\n', 13)).toBeNull();
  });

  it('is written for a header: each field in its column, the notes with <br>, pipes escaped', () => {
    expect(newRow('| # | Paper | Conf. | Year | Notes |', { title: 'A | B', venue: 'OSDI', year: '2020' }, ['one', 'two'])).toBe('| | A \\| B | OSDI | 2020 | one<br>two |');
    expect(newRow('| Title | Venue |', { title: 'T', venue: 'OSDI', year: '2020' }, ['dropped'])).toBe('| T | OSDI 2020 |');
  });
});

describe('a digest of tables of papers', () => {
  it('reads each row of a table of papers as an entry, and nothing of other tables', () => {
    const d = digest(TABLE);
    expect(d.entries.map((e) => [e.title, e.alias, e.venue, e.year, e.section, e.line])).toEqual([
      ['The Google File System', null, 'SOSP', 2003, 'Storage', 9],
      ['Bigtable: A Distributed Storage System for Structured Data', null, 'OSDI', 2006, 'Storage', 10],
      ['`a | b`: Pipes In Code', 'PIC', 'NSDI', 2012, 'Storage', 11],
      ['In Search of an Understandable Consensus Algorithm', null, 'USENIX ATC', 2014, 'Consensus', 17],
    ]);
    expect(d.entries.map((e) => [e.notes, e.stub])).toEqual([
      ['Single master, chunk servers.\nRelaxed consistency.', false],
      ['', true],
      ['notes with | a pipe', false],
      ['', true],
    ]);
    // The row is the entry's heading: its title cell is what lint reads and fixes.
    // Entries were found: no hint to read the file another way.
    expect(parseDigest(TABLE, 'd.md', { venues }).info.entries.suggestion).toBeNull();
    const gfs = d.entries[0]!;
    expect(TABLE.slice(gfs.heading.rawOffset, gfs.heading.rawOffset + gfs.heading.raw.length)).toBe('[The Google File System](https://example.org/gfs.pdf)');
    expect(TABLE.slice(gfs.range.start, gfs.range.end)).toBe('| [The Google File System](https://example.org/gfs.pdf) | SOSP | 2003 | Single master, chunk servers.<br>Relaxed consistency. |\n');
  });

  it('takes a known venue from a venue cell with a label beside it, and the year from a year section', () => {
    const text = '## 2023\n| Paper | Venue | Status |\n|---|---|---|\n| Direct Preference Optimization | NeurIPS (oral) | done |\n| QLoRA | arXiv | |\n| Some Paper | the lab meeting | |\n';
    expect(digest(text).entries.map((e) => [e.title, e.venue, e.year, e.notes])).toEqual([
      ['Direct Preference Optimization', 'NeurIPS', 2023, 'done'],
      ['QLoRA', 'arXiv', 2023, ''],
      ['Some Paper', null, 2023, ''],
    ]);
  });

  it('finds papers in a table wherever a section has one, and none in an entry\'s notes', () => {
    const ours = "## S\n| Paper | Year |\n|---|---|\n| Deep Interest Network | 2018 |\n\n### Attention Is All You Need[NeurIPS'17]\n| Paper | Year |\n|---|---|\n| A related one | 2019 |\n";
    expect(digest(ours).entries.map((e) => [e.title, e.year])).toEqual([
      ['Deep Interest Network', 2018],
      ['Attention Is All You Need', 2017],
    ]);
    // A table whose rows name no title column is no list of papers; a file of them gets its hint.
    const file = parseDigest('# T\n## A\n| Tool | Link |\n|---|---|\n| x | y |\n## B\n## C\n', 'd.md', { venues });
    expect(file.entries).toEqual([]);
  });
});

describe('a digest of collapsible blocks', () => {
  const DETAILS = readFileSync(new URL('../fixtures/dialects/details.md', import.meta.url), 'utf8');

  it('reads each <details> block whose <summary> names a paper as an entry, its closing tag outside it', () => {
    const d = digest(DETAILS);
    expect(d.entries.map((e) => [e.title, e.venue, e.year, e.section, e.line, e.notes])).toEqual([
      ['The Google File System', 'SOSP', 2003, 'Storage', 6, '- single master\n- relaxed consistency'],
      ['Bigtable: A Distributed Storage System for Structured Data', 'OSDI', 2006, 'Storage', 14, '- sorted map'],
    ]);
    const gfs = d.entries[0]!;
    expect(DETAILS.slice(gfs.range.start, gfs.range.end).split('\n').at(-2)).toBe('');
    expect(DETAILS.slice(gfs.range.end).startsWith('</details>')).toBe(true);
  });

  it('leaves blocks inside an entry\'s notes, and a lone block, alone', () => {
    const inNotes = "## S\n### A Paper[KDD'18]\n<details>\n<summary>Related (CVPR 2019)</summary>\n\n- x\n\n</details>\n<details>\n<summary>Another one (ICCV 2019)</summary>\n\n</details>\n";
    expect(digest(inNotes).entries.map((e) => e.title)).toEqual(['A Paper']);
    expect(digest('## S\n<details>\n<summary>Only One Paper (SOSP 2003)</summary>\n\n- a\n\n</details>\n').entries).toEqual([]);
  });
});

describe('what is no table or block of papers (review cases)', () => {
  const TABLE = '| Paper | Venue | Year | Notes |\n|---|---|---|---|\n| Example Paper | SOSP | 2003 | example |\n| Other Paper | OSDI | 2006 | |\n';

  it('reads nothing in a fence or an HTML comment, nor a table indented under a list item', () => {
    expect(digest(`## Template\n\`\`\`markdown\n${TABLE}\`\`\`\n`).entries).toEqual([]);
    expect(digest(`## Template\n<!--\n${TABLE}-->\n`).entries).toEqual([]);
    expect(digest(`## S\n- see:\n\n  ${TABLE.split('\n').join('\n  ')}\n`).entries).toEqual([]);
    expect(digest(`## S\n~~~\n<details>\n<summary>A Paper (SOSP 2003)</summary>\n</details>\n<details>\n<summary>B Paper (OSDI 2006)</summary>\n</details>\n~~~\n`).entries).toEqual([]);
  });

  it('skips spacer rows, accepts one-dash delimiters, and wants as many delimiter cells as header cells', () => {
    expect(digest('## S\n| Paper | Year |\n|-|-|\n| A Paper | 2019 |\n| | |\n| B Paper | 2020 |\n').entries.map((e) => e.title)).toEqual(['A Paper', 'B Paper']);
    expect(digest('## S\n| Paper | Venue | Year |\n|---|---|\n| A Paper | SOSP | 2019 |\n').entries).toEqual([]);
  });

  it('ends a block at its own closing tag, past blocks nested in its notes', () => {
    const text = [
      '## Storage',
      '<details>',
      '<summary>The Google File System (SOSP 2003)</summary>',
      '',
      '- master',
      '</details>',
      '<details>',
      '<summary>Bigtable (OSDI 2006)</summary>',
      '',
      '- sorted map',
      '<details>',
      '<summary>Proof sketch</summary>',
      '',
      'long proof',
      '',
      '</details>',
      '',
      '- more notes on bigtable',
      '',
      '</details>',
      '',
    ].join('\n');
    const entries = digest(text).entries;
    expect(entries.map((e) => e.title)).toEqual(['The Google File System', 'Bigtable']);
    expect(entries[1]!.notes.endsWith('- more notes on bigtable')).toBe(true);
  });

  it('keeps a section\'s log in a digest of headings out of the entries, and a paper whose notes have dated sub-headings one entry', () => {
    const log = "## RL\nReading log:\n- Started this section in January 2023\n- Reviewed for neurips 2023 and Icml 2024:\n### Playing Atari with Deep Reinforcement Learning[NeurIPS'13][DeepMind]\n- dqn\n";
    expect(digest(log).entries.map((e) => e.title)).toEqual(['Playing Atari with Deep Reinforcement Learning']);
    const xl = "## NLP\n### Attention Is All You Need[NeurIPS'17]\n### BERT[NAACL'19]\n### GPT-2[arXiv'19]\n### Transformer-XL\n- segment recurrence\n#### Compared with BERT (2019)\n- a\n#### Compared with GPT-2 (2019)\n- b\n";
    expect(digest(xl).entries.map((e) => e.title)).toEqual(['Attention Is All You Need', 'BERT', 'GPT-2', 'Transformer-XL']);
    expect(digest("## S\n### A Paper[KDD'18]\n### 2048\n- [DIN](https://x.org) KDD 2018\n- [DIEN](https://x.org) AAAI 2019\n").entries.map((e) => e.title)).toEqual(['A Paper', '2048']);
  });
});
