// `papers lint`: checks the digest against the rule registry, prints findings in five formats, fixes what is safe.
import * as z from 'zod/mini';
import pkg from '../../package.json';
import { unifiedDiff } from '../edit/diff.js';
import { keepText } from '../edit/commit.js';
import { rewriteFile } from '../edit/write.js';
import { EXIT_FOUND, EXIT_OK, EXIT_USAGE, UsageError } from '../errors.js';
import { activeRules, ruleNames, unknownRuleHint } from '../lint/config.js';
import { explainRule, ruleRow } from '../lint/docs.js';
import { fixFile, type Relint } from '../lint/fix.js';
import { lintStore } from '../lint/lint.js';
import { lintOfStore } from '../lint/store.js';
import { rules } from '../lint/rules/index.js';
import { countMessages } from '../lint/run.js';
import type { LintResult } from '../lint/types.js';
import { formatGithub } from '../report/lint-github.js';
import { formatJson } from '../report/lint-json.js';
import { formatSarif } from '../report/lint-sarif.js';
import { formatStylish, formatSummary, stylishCells } from '../report/lint-stylish.js';
import { formatUnix } from '../report/lint-unix.js';
import { renderRows } from '../report/terminal.js';
import { measureFor } from '../report/width.js';
import type { ParsedChunk } from '../store/parse.js';
import { parseTexts, type ParsedTexts } from '../store/texts.js';
import type { Context } from './context.js';
import { Flag, ListOf, parseOptions, wholeNumber } from './options.js';
import { writeDiff } from './write-output.js';

export const LINT_FORMATS = ['stylish', 'unix', 'json', 'sarif', 'github'] as const;

export const LintOptionsSchema = z.object({
  format: z._default(z.enum(LINT_FORMATS), 'stylish'),
  maxWarnings: wholeNumber(0),
  quiet: Flag,
  fix: Flag,
  fixDryRun: Flag,
  rule: ListOf,
  listRules: Flag,
  explain: z.optional(z.string()),
});

function listRules(ctx: Context, json: boolean): number {
  if (json) {
    const list = rules.map((r) => ({ id: r.id, alias: r.alias, severity: r.severity, fixable: r.fixable, description: r.description }));
    ctx.out(JSON.stringify(list, null, 2));
    return EXIT_OK;
  }
  const rows = [['ID', 'ALIAS', 'SEVERITY', 'FIX', 'DESCRIPTION'], ...rules.map(ruleRow)];
  const head = (t: string, r: number): string => (r === 0 ? ctx.color.bold(t) : t);
  ctx.out(renderRows(rows, [{ style: head }, { style: (t, r) => (r === 0 ? ctx.color.bold(t) : ctx.color.cyan(t)) }, { style: head }, { style: head }, { style: head }]).join('\n'));
  return EXIT_OK;
}

interface Outcome {
  result: LintResult;
  fixed: number;
  diff: string;
}

type LintOptions = z.infer<typeof LintOptionsSchema>;

/** Lints (and with --fix, fixes) one store: the notes found from `notes`, as --notes would. */
async function lintNotes(ctx: Context, notes: string | undefined, options: LintOptions): Promise<Outcome> {
  const store = await ctx.load({ notes, progress: options.format === 'stylish', readsText: true });
  const active = activeRules(rules, store.config.lint, { select: options.rule, configFile: store.configFile });
  // Link targets are looked up here, once each; rules only ask.
  const known = new Map<string, boolean>();
  const exists = (target: string): boolean => {
    let found = known.get(target);
    if (found === undefined) {
      found = ctx.io.stat(target) !== null;
      known.set(target, found);
    }
    return found;
  };
  const { digest, result, texts, paths } = await lintOfStore(store, active, exists);
  const lintTexts = (current: ReadonlyMap<string, string>, parsed: Pick<ParsedTexts, 'digest' | 'venues' | 'markdown'> & { scans?: ParsedTexts['scans'] }): LintResult =>
    lintStore({ ...parsed, texts: current, paths, config: store.config, active, exists });

  if (!options.fix && !options.fixDryRun) return { result, fixed: 0, diff: '' };

  // The fix loop asks again for texts it has seen (before a pass, after the last one): parse those once,
  // each pass reusing the chunks of the one before.
  let last: Iterable<ParsedChunk> = store.files.flatMap((f) => store.parsed(f.file).chunks ?? []);
  let memo = { texts: [...texts.values()], value: { digest, result } };
  const relint: Relint = async (current) => {
    const values = [...current.values()];
    if (values.length !== memo.texts.length || values.some((t, i) => t !== memo.texts[i])) {
      const parsed = await parseTexts(current, store.config, last);
      last = [...parsed.chunks.values()].flat();
      memo = { texts: values, value: { digest: parsed.digest, result: lintTexts(current, parsed) } };
    }
    return memo.value;
  };
  let fixed = 0;
  let diff = '';
  // The store of what was written, kept in the cache file by file: the next command is warm.
  let written = store;
  for (const file of result.files) {
    if (!file.messages.some((m) => m.fix)) continue;
    const name = file.file;
    // Planned again when the file changes during the write: only the last plan counts.
    let planned = 0;
    let bytes: Uint8Array | undefined;
    const write = await rewriteFile(
      ctx.io,
      store.path(name),
      name,
      async (current) => {
        texts.set(name, current);
        const outcome = await fixFile(name, texts, relint);
        planned = outcome.fixed;
        return outcome.output;
      },
      { dryRun: options.fixDryRun, known: { bytes: store.bytes(name), text: () => store.text(name) }, codec: store.codec, written: (data) => (bytes = data) },
    );
    if (write.written || options.fixDryRun) fixed += planned;
    if (write.written) written = keepText(written, name, write.after, bytes, last);
    if (options.fixDryRun) diff += unifiedDiff(name, write.before, write.after);
  }
  return { result: (await relint(texts)).result, fixed, diff };
}

export async function runLint(ctx: Context, paths: readonly string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(LintOptionsSchema, rawOptions);
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other', 'use one of them');
  if (options.listRules) return listRules(ctx, options.format === 'json');
  if (options.explain !== undefined) {
    const rule = ruleNames(rules).rule(options.explain);
    if (!rule) throw new UsageError(`--explain: unknown rule "${options.explain}"${unknownRuleHint(options.explain, rules)}`, 'papers lint --list-rules lists the rules');
    ctx.out(explainRule(rule));
    return EXIT_OK;
  }

  // Paths (as a pre-commit hook passes them) are linted one by one, each like --notes <path>.
  const outcomes: Outcome[] = [];
  for (const notes of paths.length ? paths : [ctx.global.notes]) outcomes.push(await lintNotes(ctx, notes, options));
  const result: LintResult = { files: outcomes.flatMap((o) => o.result.files), crashed: outcomes.flatMap((o) => o.result.crashed) };
  if (options.fix || options.fixDryRun) {
    const fixed = outcomes.reduce((n, o) => n + o.fixed, 0);
    const remaining = result.files.reduce((n, f) => n + f.messages.length, 0);
    const problems = `${remaining} problem${remaining === 1 ? '' : 's'}`;
    if (options.fixDryRun) {
      const diff = outcomes.map((o) => o.diff).join('');
      writeDiff(ctx, diff);
      ctx.err(`${fixed} fix${fixed === 1 ? '' : 'es'} would be applied; ${problems} would remain (nothing written)`);
      return exitCode(shown(result, options.quiet), options.maxWarnings, ctx);
    }
    ctx.err(`fixed ${fixed} problem${fixed === 1 ? '' : 's'}; ${problems} remain`);
  }

  const { files } = shown(result, options.quiet);
  const all = files.flatMap((f) => f.messages);
  switch (options.format) {
    case 'json':
      ctx.io.stdout.write(formatJson(files));
      break;
    case 'sarif':
      ctx.io.stdout.write(formatSarif(files, rules, pkg.version));
      break;
    case 'unix':
      ctx.io.stdout.write(formatUnix(files));
      break;
    case 'github':
      ctx.io.stdout.write(formatGithub(files));
      break;
    default:
      if (all.length) ctx.io.stdout.write(formatStylish(files, { color: ctx.color, measure: await measureFor(all.flatMap(stylishCells)), aligned: ctx.io.stdout.isTTY }));
  }
  if (options.format !== 'json' && options.format !== 'sarif') {
    const summary = formatSummary(countMessages(all), await ctx.errColor());
    // Styled (coloured on a terminal) and holding no user text: written as it is.
    if (summary) ctx.io.stderr.write(`${summary}\n`);
  }
  return exitCode({ files, crashed: result.crashed }, options.maxWarnings, ctx);
}

/** With --quiet, errors only: warnings are neither shown nor counted. */
function shown(result: LintResult, quiet: boolean | undefined): LintResult {
  if (!quiet) return result;
  return { crashed: result.crashed, files: result.files.map((f) => ({ file: f.file, messages: f.messages.filter((m) => m.severity === 'error') })) };
}

/** 2 when a rule crashed, 1 for errors or warnings over --max-warnings, else 0. */
function exitCode(result: LintResult, maxWarnings: number | undefined, ctx: Context): number {
  const counts = countMessages(result.files.flatMap((f) => f.messages));
  if (result.crashed.length) return EXIT_USAGE;
  if (counts.errors) return EXIT_FOUND;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
    ctx.err(`papers: ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows`);
    return EXIT_FOUND;
  }
  return EXIT_OK;
}
