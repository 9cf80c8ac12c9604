import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/lint/rules/index.js';
import type { FileResult, LintMessage } from '../../src/lint/types.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/lint-github.js';
import { formatJson } from '../../src/report/lint-json.js';
import { formatSarif, pathToUri } from '../../src/report/lint-sarif.js';
import { formatStylish, formatSummary, stylishCells } from '../../src/report/lint-stylish.js';
import { formatUnix } from '../../src/report/lint-unix.js';
import { measureFor } from '../../src/report/width.js';
import { countMessages } from '../../src/lint/run.js';

const plain = new Chalk({ level: 0 });

const message = (over: Partial<LintMessage>): LintMessage => ({
  file: 'notes/papers.md',
  ruleId: 'no-todo',
  ruleCode: 'PL002',
  severity: 'warn',
  message: 'Unfinished note',
  line: 7,
  column: 92,
  endLine: 7,
  endColumn: 96,
  ...over,
});

const FILES: FileResult[] = [
  {
    file: 'notes/papers.md',
    messages: [
      message({}),
      message({ ruleId: 'no-missing-file', ruleCode: 'PL009', severity: 'error', message: 'Linked file "a,b:c.md" does not exist', line: 97, column: 7, endColumn: 52 }),
      message({ ruleId: 'venue-spelling', ruleCode: 'PL006', message: 'Unexpected venue spelling "Arxiv", expected "arXiv"', line: 66, column: 76, endColumn: 81, fix: { start: 10, end: 15, text: 'arXiv' } }),
      message({ ruleId: 'no-empty-entry', ruleCode: 'PL001', severity: 'info', message: '空条目 "中文标题"', line: 120, column: 1, endColumn: 20 }),
    ],
  },
  { file: 'notes/clean.md', messages: [] },
];

describe('unix', () => {
  it('prints file:line:col: message [severity/rule]', () => {
    expect(formatUnix(FILES).split('\n')).toEqual([
      'notes/papers.md:7:92: Unfinished note [warning/no-todo]',
      'notes/papers.md:97:7: Linked file "a,b:c.md" does not exist [error/no-missing-file]',
      'notes/papers.md:66:76: Unexpected venue spelling "Arxiv", expected "arXiv" [warning/venue-spelling]',
      'notes/papers.md:120:1: 空条目 "中文标题" [info/no-empty-entry]',
      '',
    ]);
  });
});

describe('json', () => {
  it("uses ESLint's shape: per-file counts, numeric severities, fix ranges", () => {
    const report = JSON.parse(formatJson(FILES));
    expect(report).toHaveLength(2);
    expect(report[0]).toMatchObject({ filePath: 'notes/papers.md', errorCount: 1, warningCount: 2, infoCount: 1, fixableErrorCount: 0, fixableWarningCount: 1 });
    expect(report[0].messages[2]).toEqual({
      ruleId: 'venue-spelling',
      ruleCode: 'PL006',
      severity: 1,
      message: 'Unexpected venue spelling "Arxiv", expected "arXiv"',
      line: 66,
      column: 76,
      endLine: 7,
      endColumn: 81,
      fix: { range: [10, 15], text: 'arXiv' },
    });
    expect(report[0].messages.map((m: { severity: number }) => m.severity)).toEqual([1, 2, 1, 0]);
    expect(report[1]).toEqual({ filePath: 'notes/clean.md', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatSarif(FILES, rules, '1.2.3'));
  const run = log.runs[0];

  it('is SARIF 2.1.0 with every rule in tool.driver.rules and columnKind set', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.name).toBe('papers');
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    expect(run.tool.driver.rules[5]).toMatchObject({
      id: 'PL006',
      name: 'venue-spelling',
      shortDescription: { text: 'A known venue is misspelled or written in the wrong case' },
      defaultConfiguration: { level: 'warning' },
      properties: { fixable: true },
    });
    expect(run.tool.driver.rules[5].help.text).toContain("[Arxiv'23]");
  });

  it('maps severities to levels and places to regions', () => {
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['warning', 'error', 'warning', 'note']);
    expect(run.results[1]).toEqual({
      ruleId: 'PL009',
      ruleIndex: 8,
      level: 'error',
      message: { text: 'Linked file "a,b:c.md" does not exist' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'notes/papers.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 97, startColumn: 7, endLine: 7, endColumn: 52 },
          },
        },
      ],
    });
  });

  it('encodes file paths as URIs', () => {
    expect(pathToUri('notes/论文 笔记.md')).toBe('notes/%E8%AE%BA%E6%96%87%20%E7%AC%94%E8%AE%B0.md');
    expect(pathToUri('/home/me/notes/a#b.md')).toBe('file:///home/me/notes/a%23b.md');
  });
});

describe('github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%d\n')).toBe('a%3Ab%2Cc%25d%0A');
  });

  it('prints one annotation per finding', () => {
    const files: FileResult[] = [{ file: 'notes/a,b:c.md', messages: [message({ file: 'notes/a,b:c.md', severity: 'error', message: 'x: y, 100%\nz' }), message({ file: 'notes/a,b:c.md', severity: 'info' })] }];
    expect(formatGithub(files).split('\n')).toEqual([
      '::error file=notes/a%2Cb%3Ac.md,line=7,col=92,endLine=7,endColumn=96,title=no-todo (PL002)::x: y, 100%25%0Az',
      '::notice file=notes/a%2Cb%3Ac.md,line=7,col=92,endLine=7,endColumn=96,title=no-todo (PL002)::Unfinished note',
      '',
    ]);
  });
});

describe('stylish', () => {
  it('groups by file and aligns the columns by display width, Chinese included', async () => {
    const measure = await measureFor(FILES.flatMap((f) => f.messages.flatMap(stylishCells)));
    const lines = formatStylish(FILES, { color: plain, measure }).split('\n');
    expect(lines[0]).toBe('notes/papers.md');
    expect(lines).not.toContain('notes/clean.md');
    const rows = lines.slice(1, 5);
    const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    // The rule column starts at the same display column on every row.
    const ruleColumn = rows.map((row) => width(row.slice(0, row.lastIndexOf('  ') + 2)));
    expect(new Set(ruleColumn).size).toBe(1);
    expect(rows[3]).toMatch(/^ {2}120:1 {2}info {5}空条目 "中文标题" +no-empty-entry$/);
  });

  it('in a pipe (not aligned) follows each message by its rule at two spaces, no line padded to the longest', async () => {
    const measure = await measureFor(FILES.flatMap((f) => f.messages.flatMap(stylishCells)));
    const rows = formatStylish(FILES, { color: plain, measure, aligned: false }).split('\n').slice(1, 5);
    for (const [row, m] of rows.map((r, i) => [r, FILES[0]!.messages[i]!] as const)) {
      expect(row.endsWith(`${m.message}  ${m.ruleId}`)).toBe(true);
    }
    // Position and severity stay in columns.
    expect(rows[3]).toMatch(/^ {2}120:1 {2}info {5}空条目 "中文标题"  no-empty-entry$/);
  });

  it('colours severities only with a colour-capable chalk', () => {
    const coloured = formatStylish(FILES, { color: new Chalk({ level: 1 }) });
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(formatStylish(FILES, { color: plain })).not.toContain('\u001b[');
  });

  it('summarises counts and what --fix can fix', () => {
    const counts = countMessages(FILES.flatMap((f) => f.messages));
    expect(formatSummary(counts, plain)).toBe(
      '✖ 4 problems (1 error, 2 warnings, 1 info)\n  1 fixable with --fix (0 errors, 1 warning); --fix-dry-run shows the changes',
    );
    expect(formatSummary(countMessages([]), plain)).toBe('');
  });
});
