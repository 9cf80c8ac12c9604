import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../../src/lint/docs.js';
import { rules } from '../../src/lint/rules/index.js';

describe('rule documentation', () => {
  // docs/lint-rules.md is generated from the rules' own docs: `npx vitest run test/lint/docs.test.ts -u` rewrites it.
  it('docs/lint-rules.md is what the registry generates', async () => {
    await expect(rulesMarkdown(rules)).toMatchFileSnapshot('../../docs/lint-rules.md');
  });

  it("the README's rules table lists every rule with its default severity and fixability", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rows = readme
      .split('\n')
      .filter((l) => /^\| PL\d{3} \|/.test(l))
      .map((l) => l.split('|').map((c) => c.trim()).slice(1, 5));
    expect(rows).toEqual(rules.map((r) => [r.id, `\`${r.alias}\``, r.severity, r.fixable ? 'yes' : '']));
  });
});
