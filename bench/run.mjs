#!/usr/bin/env node
// `npm run bench`: times the real CLI (dist/papers.cjs) on the shipped digest and on generated digests
// of 1k, 10k and 100k entries, cold (empty cache) and warm, beside `node -e 0` measured in the same
// run. Prints a table, writes bench/results.json, and with --docs rewrites docs/benchmarks.md.
//
//   npm run bench                       # everything
//   npm run bench -- --sizes 1000,10000 # fewer sizes
//   npm run bench -- --runs 3 --docs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDigest } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'papers.cjs');
const rssPreload = path.join(root, 'bench', 'rss.cjs');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = option('sizes', '1000,10000,100000').split(',').map(Number);
const RUNS = Number(option('runs', '5'));
const WRITE_DOCS = args.includes('--docs');
const DOCS_ONLY = args.includes('--docs-only');

if (DOCS_ONLY) {
  // Rewrites docs/benchmarks.md from bench/results.json, measuring nothing.
  const saved = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results.json'), 'utf8'));
  fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), renderDocs(saved));
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-bench-'));
const cacheHome = path.join(work, 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1', PAPERS_NOTES: '' };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time (ms) of one run of `argv`; `prepare` runs first, untimed. */
function timeOnce(argv, { prepare, cwd = root } = {}) {
  prepare?.();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Peak RSS (MB) of one more run, measured by a preloaded exit hook. */
function peakRss(argv, { prepare, cwd = root } = {}) {
  prepare?.();
  const file = path.join(work, 'rss.txt');
  fs.rmSync(file, { force: true });
  spawnSync(process.execPath, ['--require', rssPreload, ...argv], { cwd, env: { ...env, BENCH_RSS_FILE: file }, stdio: 'ignore' });
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) / 1024 : null;
}

/** `node -e 0`, timed right before each run of a command: the row's own baseline, as noisy as the row. */
const baselineOnce = () => timeOnce(['-e', '0']);

function measure(argv, options = {}) {
  const runs = options.runs ?? RUNS;
  const times = [];
  const bases = [];
  for (let i = 0; i < runs; i++) {
    if (!options.noBaseline) bases.push(baselineOnce());
    times.push(timeOnce(argv, options));
  }
  return { median: median(times), min: Math.min(...times), runs, rssMb: peakRss(argv, options), baselineMs: bases.length ? median(bases) : null };
}

const clearCache = () => fs.rmSync(cacheHome, { recursive: true, force: true });
const helpText = spawnSync(process.execPath, [bin, '--help'], { env, encoding: 'utf8' }).stdout;
const hasCommand = (name) => new RegExp(`^\\s+${name}\\b`, 'm').test(helpText);

const rows = [];
function record(digest, label, argv, cache, target, options = {}) {
  const m = measure(argv, {
    ...options,
    prepare: () => {
      if (cache === 'cold') clearCache();
      options.prepare?.();
    },
  });
  const row = { digest, command: label, cache, medianMs: m.median, minMs: m.min, runs: m.runs, peakRssMb: m.rssMb, baselineMs: m.baselineMs, target };
  rows.push(row);
  const ratio = (m.median / m.baselineMs).toFixed(2);
  process.stderr.write(`${digest.padEnd(6)} ${label.padEnd(34)} ${cache.padEnd(5)} ${m.median.toFixed(0).padStart(6)} ms  ${ratio.padStart(5)}x  ${m.rssMb?.toFixed(0) ?? '?'} MB\n`);
  return row;
}

// --- baseline
process.stderr.write(`papers benchmark: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}\n`);
const baseline = { ...measure(['-e', '0'], { runs: Math.max(RUNS, 10), noBaseline: true }) };
process.stderr.write(`node -e 0: ${baseline.median.toFixed(1)} ms (median of ${baseline.runs})\n\n`);

const commands = { search: hasCommand('search'), lint: hasCommand('lint'), add: hasCommand('add') };

// --- the shipped digest: start-up bound
const seedNotes = path.join(root, 'notes');
const seedArgs = (...a) => [bin, '--notes', seedNotes, ...a];
const seedTarget = { ratio: 1.5, note: '≤ 1.5× node -e 0' };
// The store redesign (#13) must leave the warm seed list no slower than it was before it: 1.36× node -e 0.
const seedListTarget = { ratio: 1.36, note: '≤ 1.36× node -e 0' };
for (const cache of ['cold', 'warm']) {
  if (cache === 'warm') timeOnce(seedArgs('list', '--json'));
  record('seed', 'list', seedArgs('list'), cache, cache === 'warm' ? seedListTarget : null);
  record('seed', 'show din', seedArgs('show', 'din'), cache, cache === 'warm' ? seedTarget : null);
  if (commands.search) record('seed', 'search transformer', seedArgs('search', 'transformer'), cache, cache === 'warm' ? seedTarget : null);
}

// --- generated digests
const QUERIES = ['transformer', '量化', 'lianghua', 'Donut', 'venue:osdi attention'];
for (const size of SIZES) {
  const label = size >= 1000 ? `${size / 1000}k` : String(size);
  const file = path.join(work, `digest-${label}.md`);
  fs.writeFileSync(file, generateDigest(size, 42));
  const runs = size >= 100000 ? Math.min(RUNS, 3) : RUNS;
  const a = (...x) => [bin, '--notes', file, ...x];
  const t = (ms, note) => ({ ms, note });
  const ten = size === 10000;
  const hundred = size === 100000;

  record(label, 'list', a('list'), 'cold', ten ? t(1500, '≤ 1.5 s') : null, { runs });
  timeOnce(a('list', '--json'));
  record(label, 'list', a('list'), 'warm', ten ? t(300, '≤ 0.3 s') : null, { runs });
  record(label, 'list --json', a('list', '--json'), 'cold', null, { runs });
  record(label, 'list --json', a('list', '--json'), 'warm', null, { runs });
  record(label, 'show <id>', a('show', 'relax2-2023'), 'warm', null, { runs });
  if (commands.search) {
    record(label, `search ${QUERIES[0]}`, a('search', QUERIES[0]), 'cold', null, { runs });
    for (const q of QUERIES) {
      record(label, `search ${q}`, a('search', ...q.split(' ')), 'warm', ten ? t(500, '≤ 0.5 s') : hundred ? t(2000, '≤ 2 s, ≤ 1 GB') : null, { runs });
    }
  }
  if (commands.lint) {
    record(label, 'lint', a('lint', '--format', 'json'), 'cold', ten ? t(2000, '≤ 2 s') : null, { runs });
    record(label, 'lint', a('lint', '--format', 'json'), 'warm', null, { runs });
  }
  if (commands.add) {
    const copy = path.join(work, `copy-${label}.md`);
    let n = 0;
    const freshCopy = () => fs.copyFileSync(file, copy);
    const addArgs = () => [bin, '--notes', copy, 'add', '--title', `Benchmark Entry ${n++}`, '--venue', "KDD'24", '--org', 'Bench', '--section', '2', '--note', '新的笔记'];
    // `add` on a copy; warm means the copy's store is cached before the add.
    for (const cache of ['cold', 'warm']) {
      const times = [];
      const bases = [];
      let rss = null;
      for (let i = 0; i <= runs; i++) {
        freshCopy();
        if (cache === 'cold') clearCache();
        else timeOnce([bin, '--notes', copy, 'list']);
        const argv = addArgs();
        if (i === runs) rss = peakRss(argv);
        else {
          bases.push(baselineOnce());
          times.push(timeOnce(argv));
        }
      }
      const row = { digest: label, command: 'add (on a copy)', cache, medianMs: median(times), minMs: Math.min(...times), runs, peakRssMb: rss, baselineMs: median(bases), target: ten ? t(1000, '≤ 1 s') : null };
      rows.push(row);
      process.stderr.write(`${label.padEnd(6)} ${'add (on a copy)'.padEnd(34)} ${cache.padEnd(5)} ${row.medianMs.toFixed(0).padStart(6)} ms  ${(row.medianMs / row.baselineMs).toFixed(2).padStart(5)}x  ${rss?.toFixed(0) ?? '?'} MB\n`);
    }
  }
  // --- the edit loop: a hand edit (one bullet appended to one entry), or an add, then a command. Each
  // run is paired with a warm `list` of the state before it, in the same loop: the row's ratio is to that.
  if (commands.add) {
    const copy = path.join(work, `loop-${label}.md`);
    const entryStarts = () => {
      const text = fs.readFileSync(copy, 'utf8');
      const starts = [];
      for (let at = text.indexOf('\n### '); at >= 0; at = text.indexOf('\n### ', at + 1)) starts.push(at + 1);
      return { text, starts };
    };
    let edits = 0;
    const handEdit = () => {
      const { text, starts } = entryStarts();
      const start = starts[(edits++ * 7919) % starts.length];
      const eol = text.indexOf('\n', start);
      fs.writeFileSync(copy, `${text.slice(0, eol + 1)}- 又读了一遍 edit ${edits}\n${text.slice(eol + 1)}`);
    };
    const addOne = () => {
      const r = spawnSync(process.execPath, [bin, '--notes', copy, 'add', '--title', `Loop Entry ${edits++}`, '--venue', "KDD'24", '--section', '2'], { env, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`add exited ${r.status}`);
    };
    const loopRow = (command, argv, change, warmRatio, warmOf = 'list') => {
      fs.copyFileSync(file, copy);
      timeOnce([bin, '--notes', copy, 'list', '--json']);
      timeOnce([bin, '--notes', copy, 'search', 'attention']);
      const times = [];
      const warms = [];
      const bases = [];
      for (let i = 0; i < runs; i++) {
        bases.push(baselineOnce());
        warms.push(timeOnce([bin, '--notes', copy, ...warmOf.split(' ')]));
        if (change) change();
        times.push(timeOnce(argv(copy)));
      }
      const row = { digest: label, command, cache: 'edit', medianMs: median(times), minMs: Math.min(...times), runs, peakRssMb: null, baselineMs: median(bases), warmMs: median(warms), warmCommand: warmOf, target: { warmRatio, note: `≤ ${warmRatio}× warm ${warmOf}` } };
      rows.push(row);
      process.stderr.write(`${label.padEnd(6)} ${command.padEnd(34)} ${'edit'.padEnd(5)} ${row.medianMs.toFixed(0).padStart(6)} ms  ${(row.medianMs / row.warmMs).toFixed(2).padStart(5)}× warm ${warmOf} (${row.warmMs.toFixed(0)} ms)\n`);
    };
    loopRow('list after a hand edit', (c) => [bin, '--notes', c, 'list'], handEdit, 1.5);
    loopRow('search attention after a hand edit', (c) => [bin, '--notes', c, 'search', 'attention'], handEdit, 1.5, 'search attention');
    loopRow('add one entry', (c) => [bin, '--notes', c, 'add', '--title', `Timed Entry ${edits++}`, '--venue', "KDD'24", '--section', '2'], null, 2);
    loopRow('list after an add', (c) => [bin, '--notes', c, 'list'], addOne, 1.5);
  }
}

// --- micromark: the pinned 4.0.2 parses in linear time (4.0.3 was quadratic)
const { unified } = await import('unified');
const { default: remarkParse } = await import('remark-parse');
const processor = unified().use(remarkParse);
const micromark = {};
for (const size of [2000, 8000]) {
  const text = generateDigest(size, 7);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    processor.parse(text);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  micromark[size] = { bytes: Buffer.byteLength(text), medianMs: median(times) };
}
micromark.ratio = micromark[8000].medianMs / micromark[2000].medianMs;
const micromarkVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'micromark', 'package.json'), 'utf8')).version;
process.stderr.write(`\nremark-parse (micromark ${micromarkVersion}) on a whole digest: 2k entries ${micromark[2000].medianMs.toFixed(0)} ms, 8k entries ${micromark[8000].medianMs.toFixed(0)} ms: ×${micromark.ratio.toFixed(2)} for ×4 the size (quadratic would be ×16)\n`);

// --- a 10 MB note on one line costs about what the same bytes on 1,000 lines cost (linear in the line)
const longLine = [];
{
  const zh = '量化模型的训练与推理在长文本中表现稳定，';
  const line = zh.repeat(Math.ceil(10e6 / Buffer.byteLength(zh)));
  const head = "# Long lines\n\n## S\n\n### Long Line Paper[KDD'20][X]\n";
  const per = Math.ceil(line.length / 1000);
  const split = [];
  for (let i = 0; i < line.length; i += per) split.push(`- ${line.slice(i, i + per)}`);
  const one = path.join(work, 'long-one-line.md');
  const many = path.join(work, 'long-1000-lines.md');
  fs.writeFileSync(one, `${head}- ${line}\n`);
  fs.writeFileSync(many, `${head}${split.join('\n')}\n`);
  const runs = Math.min(RUNS, 3);
  for (const command of [['search', '推理'], ['lint', '--format', 'json'], ['show', 'long']]) {
    const time = (file) => median(Array.from({ length: runs }, () => timeOnce([bin, '--no-cache', '--notes', file, ...command])));
    const oneLineMs = time(one);
    const splitMs = time(many);
    longLine.push({ command: command.join(' '), oneLineMs, splitMs, ratio: oneLineMs / splitMs, target: 2 });
    process.stderr.write(`long   ${command.join(' ').padEnd(34)} one 10 MB line ${oneLineMs.toFixed(0)} ms, 1,000 lines ${splitMs.toFixed(0)} ms: ×${(oneLineMs / splitMs).toFixed(2)} (target ≤ 2)\n`);
  }
}

// --- report
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  date: new Date().toISOString(),
};
const digest1k = fs.statSync(path.join(work, 'digest-1k.md'), { throwIfNoEntry: false });
const results = {
  machine,
  baseline: { command: 'node -e 0', medianMs: baseline.median, runs: baseline.runs },
  runs: RUNS,
  digest1kMb: digest1k ? digest1k.size / 1e6 : null,
  rows,
  longLine,
  micromark: { version: micromarkVersion, ...micromark },
};
fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

process.stdout.write(`\n${resultTable(results)}\n`);
if (WRITE_DOCS) fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), renderDocs(results));
fs.rmSync(work, { recursive: true, force: true });

// --- rendering (also for --docs-only, from bench/results.json); function declarations, so hoisted

function fmt(x) {
  return x === null || x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

/** The row's ratio to `node -e 0`: to its own interleaved baseline when it has one, else to the run's. */
function ratioOf(r, results) {
  return r.medianMs / (r.baselineMs ?? results.baseline.medianMs);
}

function met(r, results) {
  if (r.target.warmRatio !== undefined) return r.medianMs / r.warmMs <= r.target.warmRatio;
  if (r.target.ratio !== undefined) return ratioOf(r, results) <= r.target.ratio;
  return r.medianMs <= r.target.ms && (!r.target.note.includes('GB') || (r.peakRssMb ?? 0) <= 1024);
}

function resultTable(results) {
  return [
    `| digest | command | cache | median ms | node -e 0 ms | × node -e 0 | peak RSS MB | target | met |`,
    `|---|---|---|---:|---:|---:|---:|---|---|`,
    ...results.rows.map(
      (r) =>
        `| ${r.digest} | ${r.command} | ${r.cache} | ${fmt(r.medianMs)} | ${fmt(r.baselineMs ?? results.baseline.medianMs)} | ${ratioOf(r, results).toFixed(2)} | ${fmt(r.peakRssMb)} | ${r.target?.note ?? ''} | ${r.target ? (met(r, results) ? 'yes' : '**no**') : ''} |`,
    ),
  ].join('\n');
}

/** Time at 10k over time at 1k, and at 100k over 10k, for each command measured at all three sizes. */
function growthTable(results) {
  const at = (digest, command, cache) => results.rows.find((r) => r.digest === digest && r.command === command && r.cache === cache);
  const lines = [`| command | cache | 1k ms | 10k ms | 100k ms | ×(10k/1k) | ×(100k/10k) |`, `|---|---|---:|---:|---:|---:|---:|`];
  for (const r of results.rows.filter((row) => row.digest === '1k')) {
    const ten = at('10k', r.command, r.cache);
    const hundred = at('100k', r.command, r.cache);
    if (!ten || !hundred) continue;
    lines.push(`| ${r.command} | ${r.cache} | ${fmt(r.medianMs)} | ${fmt(ten.medianMs)} | ${fmt(hundred.medianMs)} | ${(ten.medianMs / r.medianMs).toFixed(1)} | ${(hundred.medianMs / ten.medianMs).toFixed(1)} |`);
  }
  return lines.join('\n');
}

function editTable(results) {
  const rowsOf = results.rows.filter((r) => r.cache === 'edit');
  if (!rowsOf.length) return '(none in this run)';
  return [
    '| digest | command | median ms | warm ms (paired) | × warm | target | met |',
    '|---|---|---:|---:|---:|---|---|',
    ...rowsOf.map((r) => `| ${r.digest} | ${r.command} | ${fmt(r.medianMs)} | ${fmt(r.warmMs)} (${r.warmCommand}) | ${(r.medianMs / r.warmMs).toFixed(2)} | ${r.target.note} | ${met(r, results) ? 'yes' : '**no**'} |`),
  ].join('\n');
}

function longLineTable(results) {
  if (!results.longLine?.length) return '(not measured in this run)';
  return [
    '| command | one 10 MB line, ms | 1,000 lines, ms | × | target | met |',
    '|---|---:|---:|---:|---|---|',
    ...results.longLine.map((r) => `| ${r.command} | ${fmt(r.oneLineMs)} | ${fmt(r.splitMs)} | ${r.ratio.toFixed(2)} | ≤ ${r.target}× | ${r.ratio <= r.target ? 'yes' : '**no**'} |`),
  ].join('\n');
}

function renderDocs(results) {
  const { machine, baseline, micromark } = results;
  return `# Benchmarks

The latest \`npm run bench\` (${machine.date.slice(0, 10)}) on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}; load average at the end ${machine.loadAverage.join(', ')}.
\`node -e 0\` took **${baseline.medianMs.toFixed(1)} ms** (median of ${baseline.runs}) at the start of the run. Each row also times
\`node -e 0\` right before each of its runs (its own baseline, in the table): a row's ratio is against that, so a
stretch of noise on this shared machine moves both.
How papers gets these figures (the cache, what each command reads, start-up): [performance.md](performance.md).

Digests come from \`bench/generate.mjs\` (seed 42): the shipped digest's mix of English titles, Chinese notes,
nested lists, fences, tables, links, stubs, TODOs and heading variants. 1k entries ≈ ${(results.digest1kMb ?? 0.75).toFixed(2)} MB.
*cold* runs start with an empty cache folder; *warm* runs after the store was cached. Medians of ${results.runs ?? 5} runs
(3 at 100k); peak RSS from one more run.

${resultTable(results)}

## The edit loop

*edit* rows: a digest's copy is cached, then each run follows a change (one bullet appended by hand to
one entry, or an \`add\`), and is paired with the same command run warm on the state before it, in the
same loop: the ratio is to that.

${editTable(results)}

## Growth with the digest's size

Ten times the entries should take at most about ten times as long (linear); start-up makes small digests cost more than their share.

${growthTable(results)}

## A long line

A 10 MB note on one line (Chinese text) against the same bytes on 1,000 lines, \`--no-cache\` (a cold parse each run), medians of ${Math.min(results.runs ?? 5, 3)} runs: time is linear in a line's length, not quadratic.

${longLineTable(results)}

remark-parse with micromark ${micromark.version} over a whole generated digest: 2k entries in ${micromark[2000].medianMs.toFixed(0)} ms, 8k entries in
${micromark[8000].medianMs.toFixed(0)} ms, ×${micromark.ratio.toFixed(2)} for four times the text (linear: ×4; micromark 4.0.3's quadratic edit map: ×16).

Reproduce: \`npm run bench -- --docs\` (\`--sizes 1000,10000\` and \`--runs N\` for a shorter run; \`--docs-only\` rewrites this page from \`bench/results.json\`). Raw figures: \`bench/results.json\`.
`;
}
