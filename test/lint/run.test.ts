import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLintContext, createLintMemo, type LintMemo } from '../../src/lint/context.js';
import { activeRules, ruleNames } from '../../src/lint/config.js';
import { lintStore } from '../../src/lint/lint.js';
import { noTodo } from '../../src/lint/rules/no-todo.js';
import { rules } from '../../src/lint/rules/index.js';
import { runRules } from '../../src/lint/run.js';
import { defineRule, type AnyRule } from '../../src/lint/types.js';
import { parseTexts } from '../../src/store/texts.js';
import { createOrgRegistry } from '../../src/store/orgs.js';
import { memoryIo, run } from '../helpers/memory-io.js';
import { seedFiles } from '../helpers/seed.js';

const TEXT = "## S\n### A[KDD'20][UW]\n- TODO x\n";

async function contextFor(text: string) {
  const texts = new Map([['d.md', text]]);
  const { digest, venues } = await parseTexts(texts, {});
  return createLintContext({ digest, texts, venues, orgs: createOrgRegistry(), ruleNames: ruleNames(rules) });
}

const probe = (check: AnyRule['check'], fixable = false): AnyRule =>
  defineRule({ id: 'PL900', alias: 'probe', description: 'probe', severity: 'warn', fixable, docs: { bad: '', good: '' }, check });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('runRules', () => {
  it('stamps rule id, alias and severity, and turns offsets into lines and columns', async () => {
    const ctx = await contextFor(TEXT);
    const rule = probe((c, report) => report({ file: 'd.md', start: TEXT.indexOf('TODO'), end: TEXT.indexOf('TODO') + 4, message: 'm' }));
    const result = runRules(ctx, [{ rule, severity: 'error', options: undefined }]);
    expect(result.files[0]!.messages).toEqual([
      { file: 'd.md', ruleId: 'probe', ruleCode: 'PL900', severity: 'error', message: 'm', line: 3, column: 3, endLine: 3, endColumn: 7 },
    ]);
  });

  it('turns a throwing rule into an error message and carries on with the others', async () => {
    const ctx = await contextFor(TEXT);
    const boom = probe(() => {
      throw new Error('boom');
    });
    const result = runRules(ctx, [
      { rule: boom, severity: 'warn', options: undefined },
      { rule: noTodo, severity: 'warn', options: {} },
    ]);
    expect(result.crashed).toEqual(['probe']);
    expect(result.files[0]!.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      ['probe', 'error', 'Rule probe (PL900) crashed: boom; this is a bug in papers, please report it'],
      ['no-todo', 'warn', 'Unfinished note: "TODO" in "- TODO x", expected the note to be finished or the marker removed'],
    ]);
  });

  it('treats a fix from a rule not declared fixable as a crash', async () => {
    const ctx = await contextFor(TEXT);
    const sneaky = probe((c, report) => report({ file: 'd.md', start: 0, message: 'm', fix: { start: 0, end: 0, text: 'x' } }));
    expect(runRules(ctx, [{ rule: sneaky, severity: 'warn', options: undefined }]).crashed).toEqual(['probe']);
  });

  it("caps a finding's own severity at the rule's", async () => {
    const ctx = await contextFor(TEXT);
    const rule = probe((c, report) => {
      report({ file: 'd.md', start: 0, message: 'own error', severity: 'error' });
      report({ file: 'd.md', start: 0, message: 'own info', severity: 'info' });
    });
    const messages = runRules(ctx, [{ rule, severity: 'warn', options: undefined }]).files[0]!.messages;
    expect(messages.map((m) => [m.message, m.severity])).toEqual([
      ['own error', 'warn'],
      ['own info', 'info'],
    ]);
  });

  it('drops findings whose own severity is off', async () => {
    const ctx = await contextFor(TEXT);
    const rule = probe((c, report) => report({ file: 'd.md', start: 0, message: 'm', severity: 'off' }));
    expect(runRules(ctx, [{ rule, severity: 'warn', options: undefined }]).files[0]!.messages).toEqual([]);
  });

  it('hands every rule the same frozen context', async () => {
    const ctx = await contextFor(TEXT);
    const seen: unknown[] = [];
    const rule = probe((c) => {
      seen.push(c);
      expect(Object.isFrozen(c)).toBe(true);
      expect(() => {
        (c as { digest: unknown }).digest = null;
      }).toThrow();
    });
    runRules(ctx, [{ rule, severity: 'warn', options: undefined }, { rule, severity: 'warn', options: undefined }]);
    expect(seen[0]).toBe(seen[1]);
  });

  it('papers lint exits 2 when a rule crashes, and still prints the other findings', async () => {
    vi.spyOn(noTodo, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    const r = await run(memoryIo(seedFiles()), 'lint', '--format', 'unix');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('notes/papers.md:1:1: Rule no-todo (PL002) crashed: boom; this is a bug in papers, please report it [error/no-todo]\n');
    expect(r.stdout).toContain('[error/no-missing-file]');
  });
});

describe('the lint memo (what the language server keeps between keystrokes)', () => {
  const lintWith = async (text: string, memo?: LintMemo) => {
    const texts = new Map([['d.md', text]]);
    const { digest, venues, markdown, scans } = await parseTexts(texts, {});
    return lintStore({ digest, texts, venues, config: {}, active: activeRules(rules, undefined), markdown, scans, memo }).files[0]!.messages;
  };
  const BEFORE = "## S\n### A Title[Arivx'19][UW]\n- x\n### (B)Other Title.[KDD'20]\n- y\n## T\n- [ICCV'17] [Listed](u)\n";
  const AFTER = "## S\n### A Title[Arivx'19][UW]\n- x\n- 新的 TODO\n### (B)Other Title[KDD'20]\n- y\n### New[NIPS'16]\n";

  const headingCount = (memo: LintMemo) => [...memo.headings.values()].reduce((n, byText) => n + byText.size, 0);

  it('gives every finding a lint without it gives, across edits of the text', async () => {
    const memo = createLintMemo();
    expect(await lintWith(BEFORE, memo)).toEqual(await lintWith(BEFORE));
    const kept = headingCount(memo);
    const keys = memo.keys.size;
    expect(kept).toBeGreaterThan(0);
    expect(keys).toBeGreaterThan(0);
    expect(await lintWith(AFTER, memo)).toEqual(await lintWith(AFTER));
    // The changed and new headings are added; the others were taken as they were.
    expect(headingCount(memo)).toBe(kept + 2);
    // A title key for the new entry, and for the one whose title lost its full stop.
    expect(memo.keys.size).toBe(keys + 2);
  });

  it('is what the rules read: a heading found in it is not parsed again', async () => {
    const memo = createLintMemo();
    await lintWith(BEFORE, memo);
    const byText = memo.headings.get('### ')!;
    const key = [...byText.keys()].find((k) => k.includes('Arivx'))!;
    byText.set(key, { ...byText.get(key)!, venueSpan: null });
    expect((await lintWith(BEFORE, memo)).map((m) => m.ruleId)).not.toContain('venue-spelling');
    expect((await lintWith(BEFORE)).map((m) => m.ruleId)).toContain('venue-spelling');
  });

  it('gives the duplicate rule the keys it keeps', async () => {
    const memo = createLintMemo();
    const twice = "## S\n### Deep Interest Network[KDD'18]\n- a\n### deep interest network.[KDD'18]\n- b\n";
    expect((await lintWith(twice, memo)).map((m) => m.ruleId)).toContain('no-duplicate-entry');
    // A key it holds is the one used: made different, the two titles are no duplicates.
    memo.keys.set('Deep Interest Network', 'something else');
    expect((await lintWith(twice, memo)).map((m) => m.ruleId)).not.toContain('no-duplicate-entry');
  });
});
