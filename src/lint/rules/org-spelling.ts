// PL007 org-spelling: one organisation written in several ways (`google` and `Google`).
import type { Entry } from '../../store/schema.js';
import { defineRule } from '../types.js';

interface Occurrence {
  entry: Entry;
  org: string;
  start: number;
  end: number;
}

export const orgSpelling = defineRule({
  id: 'PL007',
  alias: 'org-spelling',
  description: 'An organisation is written differently from its known or most common spelling',
  severity: 'warn',
  fixable: true,
  docs: {
    details:
      'Two spellings are the same organisation when they differ only in case, spaces or punctuation (`google`, `Google`; `Byte Dance`, `ByteDance`). A name the registry knows (a small built-in list, plus the config\'s `orgs`, which come first) is fixed to its registered spelling. Otherwise a spelling used by more than half of that organisation\'s mentions wins and --fix applies it; without such a majority the finding only suggests the most common spelling.',
    bad: "## RecSys\n### Wide & Deep Learning for Recommender Systems[DLRS'16][Google]\n- wide linear part, deep embedding part\n\n### Deep & Cross Network for Ad Click Predictions(DCN)[arXiv'17][google]\n- explicit feature crossing\n",
    good: "## RecSys\n### Wide & Deep Learning for Recommender Systems[DLRS'16][Google]\n- wide linear part, deep embedding part\n\n### Deep & Cross Network for Ad Click Predictions(DCN)[arXiv'17][Google]\n- explicit feature crossing\n",
  },
  check(context, report) {
    const unknown = new Map<string, Occurrence[]>();
    for (const entry of context.digest.entries) {
      const spans = context.heading(entry).orgSpans;
      entry.orgs.forEach((org, i) => {
        const span = spans[i];
        if (!span) return;
        const occurrence = { entry, org, start: entry.heading.rawOffset + span[0], end: entry.heading.rawOffset + span[1] };
        const known = context.orgs.resolve(org);
        if (known.match === 'variant' && known.suggestion) {
          report({
            file: entry.file,
            start: occurrence.start,
            end: occurrence.end,
            message: `Unexpected spelling "${org}" of an organisation, expected "${known.suggestion}"`,
            fix: { start: occurrence.start, end: occurrence.end, text: known.suggestion },
          });
          return;
        }
        if (known.match !== 'unknown') return;
        const key = context.nameKey(org);
        if (!key) return;
        const list = unknown.get(key) ?? [];
        list.push(occurrence);
        unknown.set(key, list);
      });
    }
    for (const occurrences of unknown.values()) {
      const counts = new Map<string, number>();
      for (const o of occurrences) counts.set(o.org, (counts.get(o.org) ?? 0) + 1);
      if (counts.size < 2) continue;
      // Map order is first appearance, so a tie goes to the spelling written first.
      let best = '';
      let bestCount = 0;
      for (const [spelling, count] of counts) {
        if (count > bestCount) {
          best = spelling;
          bestCount = count;
        }
      }
      const majority = bestCount * 2 > occurrences.length;
      const first = occurrences.find((o) => o.org === best)!;
      const where = context.position(first.entry.file, first.start);
      for (const o of occurrences) {
        if (o.org === best) continue;
        const firstPlace = first.entry.file === o.entry.file ? `line ${where.line}` : `${first.entry.file}:${where.line}`;
        const fix = { start: o.start, end: o.end, text: best };
        if (majority) {
          report({
            file: o.entry.file,
            start: o.start,
            end: o.end,
            message: `Unexpected spelling "${o.org}" of an organisation, expected "${best}" (${bestCount} of ${occurrences.length} mentions)`,
            fix,
          });
        } else {
          report({
            file: o.entry.file,
            start: o.start,
            end: o.end,
            message: `Organisation "${o.org}" is also written "${best}" (first at ${firstPlace}), expected one spelling`,
            suggestions: [{ desc: `Write "${best}"`, fix }],
          });
        }
      }
    }
  },
});
