import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/lint/rules/index.js';
import { brief, fixTextWith, lintText } from './lint-helpers.js';

// Every rule has test/fixtures/lint/<alias>/ok.md (clean under every rule), not-ok.md with its expected
// findings in not-ok.txt, and for a fixable rule not-ok.fixed.md, the --fix output (remark-lint style).
const dir = (alias: string): string => fileURLToPath(new URL(`../fixtures/lint/${alias}/`, import.meta.url));
const read = (alias: string, name: string): string => readFileSync(`${dir(alias)}${name}`, 'utf8');

describe('the rule registry', () => {
  it('has unique ids and aliases, ids in order, kebab-case aliases', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(new Set(rules.map((r) => r.alias)).size).toBe(rules.length);
    expect(rules.map((r) => r.id)).toEqual(rules.map((_, i) => `PL${String(i + 1).padStart(3, '0')}`));
    for (const r of rules) expect(r.alias).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('names each rule file after its alias', () => {
    for (const r of rules) expect(existsSync(fileURLToPath(new URL(`../../src/lint/rules/${r.alias}.ts`, import.meta.url)))).toBe(true);
  });

  it.each(rules.map((r) => [r.alias]))('%s has an ok and a not-ok fixture (and a fixed one when fixable)', (alias) => {
    const rule = rules.find((r) => r.alias === alias)!;
    const needed = ['ok.md', 'not-ok.md', 'not-ok.txt', ...(rule.fixable ? ['not-ok.fixed.md'] : [])];
    for (const name of needed) expect(existsSync(`${dir(alias)}${name}`), `${alias}/${name}`).toBe(true);
  });
});

describe.each(rules.map((r) => [r.alias, r] as const))('%s', (alias, rule) => {
  const options = { name: 'not-ok.md', path: `${dir(alias)}not-ok.md` };

  it('finds nothing at all in ok.md (every rule at its default)', async () => {
    const messages = await lintText(read(alias, 'ok.md'), { name: 'ok.md', path: `${dir(alias)}ok.md` });
    expect(messages.map((m) => `${brief(m)} [${m.ruleId}]`)).toEqual([]);
  });

  it('reports exactly the expected findings in not-ok.md', async () => {
    const messages = await lintText(read(alias, 'not-ok.md'), { ...options, rules: [alias] });
    const expected = read(alias, 'not-ok.txt').split('\n').filter(Boolean);
    expect(messages.map(brief)).toEqual(expected);
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(new Set([alias]));
  });

  it(rule.fixable ? 'fixes not-ok.md into not-ok.fixed.md, which re-lints without fixable findings' : 'never offers a fix', async () => {
    const source = read(alias, 'not-ok.md');
    if (!rule.fixable) {
      const messages = await lintText(source, { ...options, rules: [alias] });
      expect(messages.filter((m) => m.fix)).toEqual([]);
      return;
    }
    const { output } = await fixTextWith(source, { ...options, rules: [alias] });
    expect(output).not.toBe(source);
    expect(output).toBe(read(alias, 'not-ok.fixed.md'));
    const again = await lintText(output, { ...options, rules: [alias] });
    expect(again.filter((m) => m.fix).map(brief)).toEqual([]);
  });

  it('reports its documented bad example and not its good one', async () => {
    const exists = (): boolean => false;
    expect((await lintText(rule.docs.bad, { rules: [alias], exists })).length).toBeGreaterThan(0);
    expect((await lintText(rule.docs.good, { rules: [alias], exists })).map(brief)).toEqual([]);
  });
});

describe('no-control-character in a heading', () => {
  it('only suggests removing a character whose removal would change what the heading says', async () => {
    // `[X] \u0007 [x][r]`: one organisation; without the character, `[X]  [x][r]` reads three.
    const text = "## S\n### E[KDD'20][X] \u0007 [x][r]\n- n\n### F[KDD'20][\u0007Y]\n- n\n";
    const found = (await lintText(text, { rules: ['no-control-character'] })).map((m) => [m.line, !!m.fix, m.suggestions?.length ?? 0]);
    expect(found).toEqual([
      [2, false, 1],
      // Inside an organisation's bracket it changes only that name's spelling: fixed.
      [4, true, 0],
    ]);
    const { output } = await fixTextWith(text, { rules: ['no-control-character'] });
    expect(output).toBe("## S\n### E[KDD'20][X] \u0007 [x][r]\n- n\n### F[KDD'20][Y]\n- n\n");
  });
});
