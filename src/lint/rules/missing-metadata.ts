// PL005 missing-metadata: an entry heading without a venue, a year or an organisation.
import * as z from 'zod/mini';
import { fileDialect, FORM_PATTERN } from '../dialect.js';
import { defineRule } from '../types.js';

const FIELDS = ['venue', 'year', 'org'] as const;

const Options = z.strictObject({
  /** Which parts every entry heading must have; by default those its file's dialect writes (see the docs). */
  required: z.optional(z.array(z.enum(FIELDS))),
});

const NAMES: Record<(typeof FIELDS)[number], string> = { venue: 'venue', year: 'year', org: 'organisation' };

function listOf(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export const missingMetadata = defineRule({
  id: 'PL005',
  alias: 'missing-metadata',
  description: 'An entry heading has no venue, year or organisation',
  severity: 'warn',
  fixable: false,
  options: Options,
  docs: {
    details:
      "Venue, year and organisation are what `papers list --venue/--year/--org` filter on; an entry without them never shows up there. One finding per entry names everything missing. It is a warning, not an error: the notes are unfinished, not wrong. A file of ours that names no organisation at all is not asked for them. A file written in another dialect (`[CVPR 2020] Title`, `Title. ICLR 2018`, a list of papers) is judged by its own: only the parts at least half of its entries have are expected, so a reading list that never names organisations is not told to. A digest that does not track organisations sets `\"missing-metadata\": [\"warn\", {\"required\": [\"venue\", \"year\"]}]`.",
    options: ['required: ("venue" | "year" | "org")[]: the parts every entry must have (default: in our `Title[Venue\'YY][Org]` dialect all three, the organisation once the file names any; in a file written in another, the parts at least half of its entries have)'],
    bad: "## Systems\n### Welder: Scheduling Deep Learning Memory Access via Tile-graph\n- tiles the memory accesses of fused operators\n\n## OCR\n### DBNet: Real-time Scene Text Detection with Differentiable Binarization[AAAI'20]\n- differentiable binarization\n",
    good: "## Systems\n### Welder: Scheduling Deep Learning Memory Access via Tile-graph[OSDI'23][MSRA]\n- tiles the memory accesses of fused operators\n\n## OCR\n### DBNet: Real-time Scene Text Detection with Differentiable Binarization[AAAI'20][HUST]\n- differentiable binarization\n",
  },
  check(context, report, options) {
    const files = new Map<string, { required: Set<(typeof FIELDS)[number]>; expected: string }>();
    const judged = (file: string) => {
      let f = files.get(file);
      if (!f) {
        const dialect = fileDialect(context, file);
        // Ours expects all three, as it always did (organisations once the file names any); another dialect what most of its entries have.
        const expects = (k: (typeof FIELDS)[number]): boolean => (dialect.ours ? k !== 'org' || dialect.share.org > 0 : dialect.share[k] >= 0.5);
        const required = new Set(options.required ?? FIELDS.filter(expects));
        const org = required.has('org') ? ' [Org]' : '';
        const expected = dialect.ours
          ? `Title[Venue'YY]${org ? '[Org]' : ''}`
          : dialect.majority === null
            ? `them where the file's other entries give them${org ? ' (and an organisation)' : ''}`
            : `${FORM_PATTERN[dialect.majority]}${org}`;
        f = { required, expected };
        files.set(file, f);
      }
      return f;
    };
    for (const entry of context.digest.entries) {
      const { required, expected } = judged(entry.file);
      const missing: string[] = [];
      if (required.has('venue') && entry.venue === null) missing.push(NAMES.venue);
      if (required.has('year') && entry.year === null) missing.push(NAMES.year);
      if (required.has('org') && entry.orgs.length === 0) missing.push(NAMES.org);
      if (!missing.length) continue;
      const { raw, rawOffset } = entry.heading;
      report({
        file: entry.file,
        start: rawOffset,
        end: rawOffset + raw.trimEnd().length,
        message: `Missing ${listOf(missing)} in the heading of "${entry.title || '(untitled)'}", expected ${expected}`,
      });
    }
  },
});
