import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../src/edit/apply.js';
import { fixText, MAX_FIX_PASSES } from '../../src/lint/fix.js';
import { SEED } from '../helpers/seed.js';
import { fixTextWith, lintText } from './lint-helpers.js';

describe('fixText', () => {
  it('applies touching fixes in later passes, one pass each', async () => {
    // Each pass "finds" the fixes that turn every `a` into `b`; two neighbours touch, so one waits.
    const find = async (text: string): Promise<Edit[]> =>
      [...text.matchAll(/a/g)].map((m) => ({ start: m.index, end: m.index + 1, text: 'b' }));
    const r = await fixText('aa-a', find);
    expect(r).toEqual({ output: 'bb-b', fixed: 3, passes: 2 });
  });

  it('stops on a cycle', async () => {
    const flip = async (text: string): Promise<Edit[]> => [{ start: 0, end: 1, text: text[0] === 'x' ? 'y' : 'x' }];
    const r = await fixText('x', flip);
    expect(r.output).toBe('x');
    expect(r.passes).toBe(2);
  });

  it('stops after 10 passes', async () => {
    const grow = async (text: string): Promise<Edit[]> => [{ start: text.length, end: text.length, text: '+' }];
    const r = await fixText('', grow);
    expect(r.passes).toBe(MAX_FIX_PASSES);
    expect(r.output).toBe('+'.repeat(MAX_FIX_PASSES));
  });

  it('stops when the fixes change nothing', async () => {
    const same = async (): Promise<Edit[]> => [{ start: 0, end: 1, text: 'a' }];
    expect(await fixText('abc', same)).toEqual({ output: 'abc', fixed: 0, passes: 1 });
  });
});

describe('lint --fix on digests', () => {
  it('changes nothing outside the venue and org spans, whatever surrounds them', async () => {
    const filler = fc.string({ unit: fc.constantFrom('a', '中', ' ', '\n', '\r\n', '-', '#', '[', ']', '\t') });
    await fc.assert(
      fc.asyncProperty(filler, fc.constantFrom('Arxiv', 'arxiv', 'Arivx', 'neurips'), fc.constantFrom('google', 'Google', 'facebook'), async (notes, venue, org) => {
        const line = `### Paper[${venue}'23][${org}]`;
        const text = `## S\n${line}\n- ${notes.replace(/^#+/gm, '')}\n`;
        const { output } = await fixTextWith(text, { rules: ['venue-spelling', 'org-spelling'] });
        const at = text.indexOf(line);
        expect(output.slice(0, at)).toBe(text.slice(0, at));
        const after = text.slice(at + line.length);
        expect(output.endsWith(after)).toBe(true);
        const fixedLine = output.slice(at, output.length - after.length);
        expect(fixedLine).toMatch(/^### Paper\[(arXiv|NeurIPS)'23\]\[(Google|Facebook)\]$/);
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ['a section', '##S ###\n### A\n- a\n'],
    ['an entry', '## S\n###A ###\n- a\n'],
    ['an entry, with spaces after', '## S\n###A # \t\n- a\n'],
  ])('offers no missing-space fix where the space would make trailing # a closing sequence (%s)', async (_name, text) => {
    const messages = await lintText(text, { rules: ['heading-syntax'] });
    expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/^Missing space after "#+"/)]);
    expect(messages[0]!.fix).toBeUndefined();
    expect(await fixTextWith(text, { rules: ['heading-syntax'] })).toMatchObject({ output: text, fixed: 0 });
  });

  it.each([
    ['a bare ##', '# T\n\n##\n\n## S\n### A[KDD\'18][X]\n- a\n'],
    ['a bare ### (an untitled entry)', '## S\n###\n- a\n'],
    ['a bare ## at the end, no final newline', '## S\n### A[KDD\'18][X]\n- a\n\n##'],
  ])('reads %s as an empty heading, not one missing its space: --fix adds no trailing space', async (_name, text) => {
    const messages = await lintText(text, { rules: ['heading-syntax'] });
    expect(messages.filter((m) => m.message.startsWith('Missing space'))).toEqual([]);
    expect((await fixTextWith(text)).output).not.toMatch(/#+ $/m);
  });

  it('still fixes a missing space before a # inside the heading', async () => {
    const { output } = await fixTextWith("##S #1\n###A ###[KDD'18][X]\n- a\n", { rules: ['heading-syntax'] });
    expect(output).toBe("## S #1\n### A ###[KDD'18][X]\n- a\n");
  });

  it('fixes every fixable finding of the shipped digest and leaves the rest', async () => {
    const before = await lintText(SEED);
    const { output, fixed } = await fixTextWith(SEED);
    expect(fixed).toBe(before.filter((m) => m.fix).length);
    const after = await lintText(output);
    expect(after.filter((m) => m.fix)).toEqual([]);
    expect(after.length).toBe(before.length - fixed);
  });
});
