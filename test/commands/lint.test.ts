import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';
import { SEED, SEED_CONFIG, seedFiles } from '../helpers/seed.js';

interface JsonMessage {
  ruleId: string;
  ruleCode: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
}
interface JsonFile {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

const lintJson = async (files: Record<string, string>, ...args: string[]) => {
  const r = await run(memoryIo(files), 'lint', '--format', 'json', ...args);
  return { ...r, report: JSON.parse(r.stdout) as JsonFile[] };
};

const digest = (body: string): Record<string, string> => ({ '/work/notes/papers.md': body });
/** The file's text with a BOM kept (TextDecoder drops it by default). */
describe('lint stylish output', () => {
  it('aligns the rule column on a terminal, and pads nothing in a pipe', async () => {
    const body = "# D\n\n## S\n### A Much Longer Title For The Message Here(X)[KDD'18]\n\n### B(Y)[KDD'18][Z]\n- TODO\n";
    const piped = await run(memoryIo(digest(body)), 'lint');
    const onTty = await run(memoryIo(digest(body), { stdoutTty: true }), 'lint');
    const rowsOf = (out: string) => out.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((l) => /^ {2}\d+:\d+/.test(l));
    expect(rowsOf(piped.stdout).length).toBeGreaterThan(1);
    for (const row of rowsOf(piped.stdout)) expect(row).toMatch(/[^ ] {2}[a-z-]+$/);
    const ruleAt = rowsOf(onTty.stdout).map((r) => r.search(/ [a-z-]+$/));
    expect(new Set(ruleAt).size).toBe(1);
    expect(rowsOf(onTty.stdout).some((r) => / {3,}[a-z-]+$/.test(r))).toBe(true);
  });
});

const textOf = (io: ReturnType<typeof memoryIo>, file = '/work/notes/papers.md'): string =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(io.files.get(file));
/** A fresh Io (empty stdout and stderr) over the files another one holds now. */
const reopen = (io: ReturnType<typeof memoryIo>): ReturnType<typeof memoryIo> =>
  memoryIo(Object.fromEntries([...io.files].map(([file, data]) => [file, data])));
const CLEAN = "# Digest\n\n## OCR\n### Nougat: Neural Optical Understanding for Academic Documents[ICLR'24][Meta]\n- page images to markdown\n";

// Everything the shipped digest gets wrong, and nothing else (issue 4, "What I will check").
const SEED_FINDINGS = [
  [7, 'no-todo', 1],
  [11, 'no-empty-entry', 1],
  [39, 'org-spelling', 1],
  [66, 'venue-spelling', 1],
  [89, 'venue-spelling', 1],
  [96, 'venue-spelling', 1],
  [97, 'no-missing-file', 2],
  [105, 'missing-metadata', 1],
  [112, 'venue-spelling', 1],
  [120, 'no-empty-entry', 1],
  [120, 'missing-metadata', 1],
  [131, 'venue-spelling', 1],
  [145, 'no-empty-entry', 1],
  [145, 'missing-metadata', 1],
  [145, 'heading-trailing-punctuation', 1],
  [147, 'no-empty-entry', 1],
  [147, 'missing-metadata', 1],
  [147, 'heading-trailing-punctuation', 1],
];

describe('papers lint on the shipped digest', () => {
  it('reports exactly the known problems, at their lines, and exits 1 for the missing file', async () => {
    const { code, report, stderr } = await lintJson(seedFiles());
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(report).toHaveLength(1);
    expect(report[0]!.filePath).toBe('notes/papers.md');
    expect(report[0]!.messages.map((m) => [m.line, m.ruleId, m.severity])).toEqual(SEED_FINDINGS);
    expect(report[0]).toMatchObject({ errorCount: 1, warningCount: 17, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 6 });
  });

  it('names what is wrong and what was expected', async () => {
    const { report } = await lintJson(seedFiles());
    const at = (line: number, rule: string) => report[0]!.messages.find((m) => m.line === line && m.ruleId === rule)!;
    expect(at(7, 'no-todo').message).toContain('"TODO" in "…');
    expect(at(7, 'no-todo').message).toContain('（// TODO 效果不佳如何证明）');
    expect(at(89, 'venue-spelling').message).toBe('Misspelled venue "Arivx", expected "arXiv"');
    expect(at(66, 'venue-spelling').message).toBe('Unexpected venue spelling "Arxiv", expected "arXiv"');
    expect(at(39, 'org-spelling').message).toBe('Unexpected spelling "google" of an organisation, expected "Google"');
    expect(at(97, 'no-missing-file').message).toBe('Linked file "LLM_Serving_Survey.md" does not exist (looked for notes/LLM_Serving_Survey.md)');
    expect(at(105, 'missing-metadata').message).toMatch(/^Missing venue, year and organisation in the heading of "Welder/);
    expect(at(120, 'missing-metadata').message).toMatch(/^Missing organisation in the heading of "DBNet/);
    expect(at(145, 'heading-trailing-punctuation').message).toBe('Unexpected ":" after the heading, expected nothing');
  });

  it('points at the exact text: columns and end columns of the venue and the org', async () => {
    const { report } = await lintJson(seedFiles());
    const lines = SEED.split('\n');
    for (const m of report[0]!.messages.filter((x) => x.ruleId.endsWith('-spelling'))) {
      const text = lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1);
      expect(['Arxiv', 'arxiv', 'Arivx', 'Arixv', 'google']).toContain(text);
      expect(SEED.slice(m.fix!.range[0], m.fix!.range[1])).toBe(text);
    }
  });

  it('--fix corrects the five venues and google, changes no other byte, and reports what remains', async () => {
    const io = memoryIo(seedFiles());
    const r = await run(io, 'lint', '--fix', '--format', 'json');
    const after = textOf(io);
    const expected = SEED.replace("[Arxiv'23]", "[arXiv'23]")
      .replace("[Arivx'21]", "[arXiv'21]")
      .replace("[Arixv'23]", "[arXiv'23]")
      .replace("[arxiv'20]", "[arXiv'20]")
      .replace("[arxiv'24]", "[arXiv'24]")
      .replace("[arXiv'17][google]", "[arXiv'17][Google]");
    expect(after).toBe(expected);
    expect(after.length).toBe(SEED.length);
    expect(io.atomicWrites).toEqual(['/work/notes/papers.md']);
    expect(r.stderr).toBe('fixed 6 problems; 12 problems remain\n');
    const remaining = (JSON.parse(r.stdout) as JsonFile[])[0]!.messages.map((m) => [m.line, m.ruleId, m.severity]);
    expect(remaining).toEqual(SEED_FINDINGS.filter(([, rule]) => rule !== 'venue-spelling' && rule !== 'org-spelling'));
    expect(r.code).toBe(1);
    // And a second run finds nothing more to fix, and writes nothing.
    const io2 = reopen(io);
    const again = await run(io2, 'lint', '--fix', '--format', 'json');
    expect(again.stderr).toBe('fixed 0 problems; 12 problems remain\n');
    expect(io2.atomicWrites).toEqual([]);
  });

  it('--fix-dry-run prints a unified diff of the six lines and writes nothing', async () => {
    const io = memoryIo(seedFiles());
    const r = await run(io, 'lint', '--fix-dry-run');
    expect(io.atomicWrites).toEqual([]);
    expect(textOf(io)).toBe(SEED);
    const removed = r.stdout.split('\n').filter((l) => l.startsWith('-###'));
    const added = r.stdout.split('\n').filter((l) => l.startsWith('+###'));
    expect(removed).toHaveLength(6);
    expect(added).toHaveLength(6);
    expect(r.stdout).toContain('--- a/notes/papers.md');
    expect(r.stdout).toContain("+### Bring Your Own Codegen to Deep Learning Compiler[arXiv'21][AWS]");
    expect(r.stderr).toBe('6 fixes would be applied; 12 problems would remain (nothing written)\n');
    expect(r.code).toBe(1);
  });

  it('prints the stylish report with a summary on stderr', async () => {
    const r = await run(memoryIo(seedFiles()), 'lint');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('notes/papers.md');
    expect(lines[1]).toMatch(/^ {2}7:92 {4}warning {2}Unfinished note: "TODO" in .* {2}no-todo$/);
    expect(r.stdout).toMatch(/ {2}97:7 {4}error {4}Linked file "LLM_Serving_Survey.md" does not exist .* {2}no-missing-file\n/);
    expect(r.stderr).toBe('✖ 18 problems (1 error, 17 warnings)\n  6 fixable with --fix (0 errors, 6 warnings); --fix-dry-run shows the changes\n');
  });

  it('--quiet shows the error only', async () => {
    const r = await run(memoryIo(seedFiles()), 'lint', '--quiet', '--format', 'unix');
    expect(r.stdout).toBe('notes/papers.md:97:7: Linked file "LLM_Serving_Survey.md" does not exist (looked for notes/LLM_Serving_Survey.md) [error/no-missing-file]\n');
    expect(r.code).toBe(1);
  });

  it('is clean once the survey file exists and the fixable problems are fixed, apart from the unfinished notes', async () => {
    const files = { ...seedFiles(), '/work/notes/LLM_Serving_Survey.md': '# survey\n' };
    const io = memoryIo(files);
    await run(io, 'lint', '--fix');
    const r = await run(reopen(io), 'lint', '--format', 'json');
    expect(r.code).toBe(0);
    // The survey is a markdown file in the notes folder, so it is part of the store (and clean).
    const report = JSON.parse(r.stdout) as JsonFile[];
    expect(report.map((f) => [f.filePath, f.messages.length])).toEqual([['notes/LLM_Serving_Survey.md', 0], ['notes/papers.md', 11]]);
    const rules = new Set(report[1]!.messages.map((m) => m.ruleId));
    expect(rules).toEqual(new Set(['no-todo', 'no-empty-entry', 'missing-metadata', 'heading-trailing-punctuation']));
  });
});

describe('papers lint colour', () => {
  const ESC = '\u001b[';
  const files = () => digest(`${CLEAN}- TODO: check the BLEU numbers\n`);

  it('colours the summary on stderr only when stderr is a terminal (papers lint 2>log)', async () => {
    const toLog = await run(memoryIo(files(), { stdoutTty: true, stderrTty: false }), 'lint');
    expect(toLog.stdout).toContain(ESC);
    expect(toLog.stderr).toBe('✖ 1 problem (0 errors, 1 warning)\n');
    const piped = await run(memoryIo(files(), { stdoutTty: false, stderrTty: true }), 'lint');
    expect(piped.stdout).not.toContain(ESC);
    expect(piped.stderr).toContain(`${ESC}33m✖ 1 problem`);
  });

  it('colours both in a pipe with FORCE_COLOR, and neither with NO_COLOR or --no-color', async () => {
    const forced = await run(memoryIo(files(), { env: { FORCE_COLOR: '1' } }), 'lint');
    expect([forced.stdout, forced.stderr].every((t) => t.includes(ESC))).toBe(true);
    const none = await run(memoryIo(files(), { tty: true, env: { NO_COLOR: '1' } }), 'lint');
    const off = await run(memoryIo(files(), { tty: true }), '--no-color', 'lint');
    expect([none.stdout, none.stderr, off.stdout, off.stderr].some((t) => t.includes(ESC))).toBe(false);
  });
});

describe('papers lint exit codes', () => {
  it('exits 0 with no output on a clean digest', async () => {
    const r = await run(memoryIo(digest(CLEAN)), 'lint');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 0 on an empty digest; json still lists the file', async () => {
    expect(await run(memoryIo(digest('')), 'lint')).toEqual({ code: 0, stdout: '', stderr: '' });
    const { report, code } = await lintJson(digest(''));
    expect(code).toBe(0);
    expect(report).toEqual([{ filePath: 'notes/papers.md', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }]);
  });

  it('exits 2 on a file that is not UTF-8', async () => {
    const r = await run(memoryIo({ '/work/notes/papers.md': new Uint8Array([0x23, 0x20, 0xff, 0x0a]) }), 'lint');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: notes\/papers\.md is not valid UTF-8/);
  });

  it('exits 0 on warnings, 1 when they exceed --max-warnings', async () => {
    const files = digest(`${CLEAN}- TODO: check the BLEU numbers\n`);
    expect((await run(memoryIo(files), 'lint')).code).toBe(0);
    expect((await run(memoryIo(files), 'lint', '--max-warnings', '1')).code).toBe(0);
    const over = await run(memoryIo(files), 'lint', '--max-warnings', '0');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('papers: 1 warning, more than --max-warnings 0 allows\n');
  });

  it('does not count warnings hidden by --quiet', async () => {
    const files = digest(`${CLEAN}- TODO: check the BLEU numbers\n`);
    const r = await run(memoryIo(files), 'lint', '--quiet', '--max-warnings', '0');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    [['--max-warnings', '-1'], '--max-warnings: must be a whole number of at least 0, got "-1" (see --help)\n'],
    [['--max-warnings', 'many'], '--max-warnings: must be a whole number of at least 0, got "many" (see --help)\n'],
    [['--format', 'xml'], '--format: expected one of "stylish", "unix", "json", "sarif", "github"'],
    [['--fix', '--fix-dry-run'], '--fix and --fix-dry-run exclude each other'],
    [['--rule', 'no-todos'], '--rule: unknown rule "no-todos"; did you mean "no-todo"?'],
    [['--explain', 'PL999'], '--explain: unknown rule "PL999"'],
  ])('exits 2 for %j', async (args, message) => {
    const r = await run(memoryIo(seedFiles()), 'lint', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`papers: ${message}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the notes cannot be read', async () => {
    const r = await run(memoryIo({}), 'lint', '--notes', 'missing.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: notes not found/);
  });
});

describe('papers lint options', () => {
  it('--rule runs only the named rules, by id or alias', async () => {
    const { report } = await lintJson(seedFiles(), '--rule', 'PL006', '--rule', 'no-todo');
    expect(new Set(report[0]!.messages.map((m) => m.ruleId))).toEqual(new Set(['venue-spelling', 'no-todo']));
    expect(report[0]!.messages).toHaveLength(6);
  });

  it('--rule takes comma-separated names too', async () => {
    const { report } = await lintJson(seedFiles(), '--rule', 'no-todo,no-missing-file');
    expect(report[0]!.messages.map((m) => m.line)).toEqual([7, 97]);
  });

  it('--list-rules lists every rule without reading the notes', async () => {
    const r = await run(memoryIo({}), 'lint', '--list-rules');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+ALIAS\s+SEVERITY\s+FIX\s+DESCRIPTION$/);
    expect(lines).toHaveLength(18);
    expect(lines.find((l) => l.startsWith('PL006'))).toMatch(/^PL006\s+venue-spelling\s+warn\s+fixable\s+A known venue is misspelled/);
    const json = JSON.parse((await run(memoryIo({}), 'lint', '--list-rules', '--format', 'json')).stdout) as Array<{ id: string; alias: string; fixable: boolean }>;
    expect(json).toHaveLength(17);
    expect(json[0]).toEqual({ id: 'PL001', alias: 'no-empty-entry', severity: 'warn', fixable: false, description: 'An entry has no notes under its heading' });
  });

  it('--explain prints the documentation with a bad and a good example', async () => {
    const r = await run(memoryIo({}), 'lint', '--explain', 'PL006');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^venue-spelling \(PL006\)\ndefault severity: warn; fixable with --fix\n/);
    expect(r.stdout).toContain("Reported:\n\n    ## Systems\n    ### Relax: Composable Abstractions for End-to-End Dynamic Machine Learning[Arxiv'23][UW]");
    expect(r.stdout).toContain("Not reported:\n\n    ## Systems\n    ### Relax: Composable Abstractions for End-to-End Dynamic Machine Learning[arXiv'23][UW]");
  });
});

describe('papers lint configuration', () => {
  const withConfig = (config: unknown, body = SEED): Record<string, string> => ({
    '/work/notes/papers.md': body,
    '/work/notes/papers.config.json': JSON.stringify(config),
  });

  it('sets severities by id or alias, and options as [severity, options]', async () => {
    const config = {
      ...JSON.parse(SEED_CONFIG),
      lint: { rules: { 'no-todo': 'off', PL001: 'info', 'missing-metadata': ['warn', { required: ['venue', 'year'] }], 'no-missing-file': 'warn' } },
    };
    const { report, code } = await lintJson(withConfig(config));
    const found = report[0]!.messages.map((m) => [m.line, m.ruleId, m.severity]);
    expect(found.filter(([, r]) => r === 'no-todo')).toEqual([]);
    expect(found.filter(([, r]) => r === 'no-empty-entry').map(([, , s]) => s)).toEqual([0, 0, 0, 0]);
    expect(found.filter(([, r]) => r === 'missing-metadata').map(([l]) => l)).toEqual([105, 145, 147]);
    expect(report[0]!.infoCount).toBe(4);
    expect(code).toBe(0);
  });

  it('--rule runs a rule the config turns off, at its default severity', async () => {
    const { report } = await lintJson(withConfig({ lint: { rules: { 'no-todo': 'off' } } }), '--rule', 'no-todo');
    expect(report[0]!.messages.map((m) => [m.line, m.severity])).toEqual([[7, 1]]);
  });

  it('takes canonical org spellings and TODO terms from the top-level keys', async () => {
    const body = "## S\n### A[KDD'20][bytedance]\n- 结论待验证\n### B[KDD'21][Acme Labs]\n- x\n### C[KDD'22][ACME labs]\n- y\n";
    const config = { orgs: [{ name: 'ACME Labs' }], todoTerms: ['待验证'] };
    const { report } = await lintJson(withConfig(config, body));
    expect(report[0]!.messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`)).toEqual([
      '2 org-spelling Unexpected spelling "bytedance" of an organisation, expected "ByteDance"',
      '3 no-todo Unfinished note: "待验证" in "- 结论待验证", expected the note to be finished or the marker removed',
      '4 org-spelling Unexpected spelling "Acme Labs" of an organisation, expected "ACME Labs"',
      '6 org-spelling Unexpected spelling "ACME labs" of an organisation, expected "ACME Labs"',
    ]);
  });

  it('no-todo terms replace the markers for lint', async () => {
    const body = "## S\n### A[KDD'20][Acme]\n- TODO stays, CHECKME is new\n";
    const { report } = await lintJson(withConfig({ lint: { rules: { 'no-todo': ['warn', { terms: ['CHECKME'] }] } } }, body));
    expect(report[0]!.messages.map((m) => [m.line, m.column, m.message.slice(0, 26)])).toEqual([[3, 15, 'Unfinished note: "CHECKME"']]);
  });

  it.each([
    [{ lint: { rules: { 'no-todos': 'warn' } } }, 'lint.rules.no-todos: unknown rule "no-todos"; did you mean "no-todo"?'],
    [{ lint: { rules: { 'no-todo': 'warning' } } }, 'lint.rules.no-todo: expected "off", "info", "warn" or "error", or [severity, {options}]'],
    [{ lint: { rules: { 'no-todo': ['warn', { term: ['x'] }] } } }, 'lint.rules.no-todo[1]: unknown key "term"'],
    [{ lint: { rules: { 'missing-metadata': ['warn', { required: ['venue', 'doi'] }] } } }, 'lint.rules.missing-metadata[1].required.1: expected one of "venue", "year", "org"'],
    [{ lint: { rules: { 'no-empty-entry': ['warn', { x: 1 }] } } }, 'lint.rules.no-empty-entry[1]: no-empty-entry takes no options'],
    [{ lint: { rules: { PL002: 'warn', 'no-todo': 'off' } } }, 'lint.rules.no-todo: names the same rule as "PL002" (PL002, no-todo); keep one'],
    [{ lint: { rulez: {} } }, 'lint: unknown key "rulez"'],
  ])('exits 2 for %j, naming the key', async (config, line) => {
    const r = await run(memoryIo(withConfig(config)), 'lint');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`\n  ${line}`);
    expect(r.stderr).toMatch(/^papers: invalid config \/work\/notes\/papers\.config\.json:\n/);
  });
});

describe('papers lint on a digest it has not seen', () => {
  const UNSEEN = [
    '# Reading notes',
    '',
    '## Retrieval',
    "### Dense Passage Retrieval for Open-Domain Question Answering(DPR)[EMNLP'20][Facebook]",
    '- dual encoder; in-batch negatives',
    '- Fixme: 复现结果待确认',
    '- see [slides](slides/dpr.pdf) and [paper](https://arxiv.org/abs/2004.04906)',
    '',
    "### ColBERT: Efficient and Effective Passage Search via Contextualized Late Interaction over BERT[SIGIR'20][Stanford]",
    '- late interaction; ＴＯＤＯ check MaxSim cost',
    '',
    "### Dense passage retrieval for open-domain question answering[arXiv'20][FaceBook]",
    '- the arXiv version',
    '',
    '## Generation',
    "### Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks(RAG)[NeurIPS'20][facebook]",
    '- xxx: compare with REALM',
    '',
  ].join('\n');

  it('finds the TODO spellings, the duplicate, the broken link and the org mismatches', async () => {
    const { report, code } = await lintJson(digest(UNSEEN));
    expect(report[0]!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '6:3 no-todo',
      '6:14 no-todo',
      '7:7 no-missing-file',
      '10:21 no-todo',
      '12:1 no-duplicate-entry',
      '12:74 org-spelling',
      '16:87 org-spelling',
      '17:3 no-todo',
    ]);
    expect(code).toBe(1);
  });

  it('fixes the org spellings and nothing else', async () => {
    const io = memoryIo(digest(UNSEEN));
    await run(io, 'lint', '--fix');
    expect(textOf(io)).toBe(UNSEEN.replace('[FaceBook]', '[Facebook]').replace('[facebook]', '[Facebook]'));
  });
});

describe('papers lint --fix keeps the file as it was around the fixes', () => {
  it.each([
    ['CRLF line endings', "## S\r\n### A[Arxiv'23][UW]\r\n- x\r\n"],
    ['a BOM', "\uFEFF## S\n### A[Arxiv'23][UW]\n- x\n"],
    ['no final newline', "## S\n### A[Arxiv'23][UW]\n- x"],
    ['mixed line endings', "## S\r\n### A[Arxiv'23][UW]\n- x\r- y\n"],
  ])('%s', async (_, text) => {
    const io = memoryIo(digest(text));
    const r = await run(io, 'lint', '--fix');
    expect(r.code).toBe(0);
    expect(textOf(io)).toBe(text.replace('Arxiv', 'arXiv'));
  });

  it('reports the column without counting a BOM', async () => {
    const { report } = await lintJson(digest("\uFEFF### A[Arxiv'23][UW]\n- x\n"), '--rule', 'venue-spelling');
    expect(report[0]!.messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([[1, 7, 12]]);
  });

  it('counts the fixes written once when the file changes during the write and they are planned again', async () => {
    const io = memoryIo(digest("## S\n### A[Arxiv'23][UW]\n- x\n"));
    const read = io.readFile;
    let reads = 0;
    io.readFile = (p) => {
      const data = read(p);
      // Another writer (an editor) saves right after papers read the file it plans the fix on.
      if (p === '/work/notes/papers.md' && ++reads === 1) io.files.set(p, new TextEncoder().encode("## S\n### A[Arxiv'23][UW]\n- x\n- y\n"));
      return data;
    };
    const r = await run(io, 'lint', '--fix');
    expect(textOf(io)).toBe("## S\n### A[arXiv'23][UW]\n- x\n- y\n");
    expect(r.stderr).toBe('fixed 1 problem; 0 problems remain\n');
  });

  it('applies fixes to every file of a notes folder', async () => {
    const io = memoryIo({ '/work/notes/a.md': "## S\n### A[Arxiv'23][UW]\n- x\n", '/work/notes/b.md': "## T\n### B[neurips'22][UW]\n- y\n" });
    const r = await run(io, 'lint', '--fix');
    expect(r.stderr).toBe('fixed 2 problems; 0 problems remain\n');
    expect(io.atomicWrites).toEqual(['/work/notes/a.md', '/work/notes/b.md']);
    expect(textOf(io, '/work/notes/b.md')).toBe("## T\n### B[NeurIPS'22][UW]\n- y\n");
  });
});

describe('papers lint <paths...>', () => {
  const files = {
    '/work/notes/papers.md': CLEAN,
    '/work/drafts/a.md': "## S\n### A[Arxiv'23][UW]\n- x\n",
    '/work/drafts/b.md': '## T\n### B\n- TODO\n',
  };

  it('lints each path like --notes, as a pre-commit hook passes them', async () => {
    const r = await run(memoryIo(files), 'lint', 'drafts/a.md', 'drafts/b.md', '--format', 'unix');
    expect(r.stdout.split('\n').map((l) => l.replace(/: .*\[/, ': [')).filter(Boolean)).toEqual([
      'drafts/a.md:2:7: [warning/venue-spelling]',
      'drafts/b.md:2:5: [warning/missing-metadata]',
      'drafts/b.md:3:3: [warning/no-todo]',
    ]);
    expect(r.code).toBe(0);
  });

  it('fixes each path, and exits 2 for a path that does not exist', async () => {
    const io = memoryIo(files);
    const r = await run(io, 'lint', '--fix', 'drafts');
    expect(r.stderr).toBe('fixed 1 problem; 2 problems remain\n✖ 2 problems (0 errors, 2 warnings)\n');
    expect(textOf(io, '/work/drafts/a.md')).toBe("## S\n### A[arXiv'23][UW]\n- x\n");
    const missing = await run(memoryIo(files), 'lint', 'drafts/a.md', 'nope.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('papers: notes not found: nope.md does not exist');
  });
});

describe('papers lint directives', () => {
  it('switch rules off by line, next line and block, and report unknown rules', async () => {
    const body = [
      '## S',
      "### A[KDD'20][UW]",
      '- TODO one <!-- papers-lint-disable-line no-todo -->',
      '<!-- papers-lint-disable-next-line PL002 -->',
      '- TODO two',
      '- TODO three',
      '<!-- papers-lint-disable -->',
      '- TODO four',
      "### B[Arxiv'20][UW]",
      '<!-- papers-lint-enable no-todo -->',
      '- TODO five',
      '<!-- papers-lint-enable -->',
      '- TODO six <!-- papers-lint-disable-line no-todoo -->',
      '',
    ].join('\n');
    const { report } = await lintJson(digest(body));
    expect(report[0]!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['6 no-todo', '11 no-todo', '13 no-todo', '13 valid-directive']);
  });
});
