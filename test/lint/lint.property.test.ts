import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixTextWith, lintText } from './lint-helpers.js';

// Digest-shaped text: headings, metadata, TODOs, links, directives, fences, CJK, odd line endings.
const piece = fc.constantFrom(
  '# T', '## S', '##S', '### ', '###A', "### P[Arxiv'23][google]", "### P[KDD'18][Ali]:", "### Q(Q)[neurips'22][Google, google]",
  '#### h', '##### deep', '- TODO x', '- 待补充', '- ＦＩＸＭＥ', '[a](missing.md)', '[r]: ref.md', '[x][r]', 'https://e.com',
  '<!-- papers-lint-disable -->', '<!-- papers-lint-enable no-todo -->', '<!-- papers-lint-disable-next-line nope -->',
  '```', '~~~', '<!--', '-->', '中文笔记', '   ', '\uFEFF', '',
);
const digest = fc.array(fc.tuple(piece, fc.constantFrom('\n', '\r\n', '\r', ' ')), { maxLength: 24 }).map((parts) => parts.map(([p, eol]) => p + eol).join(''));

describe('lint properties', () => {
  it('never crashes, and every finding lies inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(digest, async (text) => {
        const messages = await lintText(text, { exists: () => false });
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const m of messages) {
          expect(m.message).not.toMatch(/crashed/);
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.endLine).toBeLessThanOrEqual(lines);
          expect(m.endLine > m.line || m.endColumn >= m.column).toBe(true);
          if (m.fix) expect(m.fix.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('--fix reaches a text with no fixable findings and keeps every entry', async () => {
    await fc.assert(
      fc.asyncProperty(digest, async (text) => {
        const { output } = await fixTextWith(text, { exists: () => false });
        const again = await lintText(output, { exists: () => false });
        expect(again.filter((m) => m.fix)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
