// PL008 no-duplicate-entry: two entries with the same normalised title or alias.
import * as z from 'zod/mini';
import { SeveritySchema } from '../../config/schema.js';
import type { Entry } from '../../store/schema.js';
import { defineRule } from '../types.js';

const Options = z.strictObject({
  /** Severity of a duplicate in another section (the rule's own severity applies within a section). */
  acrossSections: z._default(SeveritySchema, 'warn'),
});

export const noDuplicateEntry = defineRule({
  id: 'PL008',
  alias: 'no-duplicate-entry',
  description: 'Two entries have the same title or alias',
  severity: 'error',
  fixable: false,
  options: Options,
  docs: {
    details:
      'Titles are compared folded (case, width, accents) with everything but letters and digits removed, so `Deep Interest Network` and `deep interest network.` are the same; aliases likewise. The later entry is reported and the message points at the first. Within one section a duplicate is an error; in another section it may be deliberate (a paper filed under two topics), so it gets the `acrossSections` severity, a warning by default.',
    options: ['acrossSections: "off" | "info" | "warn" | "error": severity of a duplicate in another section (default "warn"; never above the rule\'s own)'],
    bad: "## RecSys\n### Deep Interest Network for Click-Through Rate Prediction(DIN)[KDD'18][Alibaba]\n- attention over user behaviours\n\n### Deep interest network for click-through rate prediction[KDD'18][Alibaba]\n- local activation unit\n",
    good: "## RecSys\n### Deep Interest Network for Click-Through Rate Prediction(DIN)[KDD'18][Alibaba]\n- attention over user behaviours\n- local activation unit\n",
  },
  check(context, report, options) {
    const byTitle = new Map<string, Entry>();
    const byAlias = new Map<string, Entry>();
    for (const entry of context.digest.entries) {
      const titleKey = context.nameKey(entry.title);
      // NOTE: a trailing `+` names another model (`DeepLabv3+` after `DeepLabv3`): it stays in the key.
      const aliasKey = entry.alias ? context.nameKey(entry.alias) + (/\++$/.exec(entry.alias.trim())?.[0] ?? '') : '';
      // A title may repeat another entry's alias (`### TrOCR` after `### ...(TrOCR)`), and the other way round.
      const sameTitle = titleKey ? (byTitle.get(titleKey) ?? byAlias.get(titleKey)) : undefined;
      const sameAlias = !sameTitle && aliasKey ? (byAlias.get(aliasKey) ?? byTitle.get(aliasKey)) : undefined;
      if (titleKey && !byTitle.has(titleKey)) byTitle.set(titleKey, entry);
      if (aliasKey && !byAlias.has(aliasKey)) byAlias.set(aliasKey, entry);
      const first = sameTitle ?? sameAlias;
      if (!first) continue;
      const place = first.file === entry.file ? `line ${first.line}` : `${first.file}:${first.line}`;
      const what = sameTitle
        ? byTitle.get(titleKey) === first
          ? 'the same title as'
          : `a title that is the alias of`
        : byAlias.get(aliasKey) === first
          ? `the same alias "${entry.alias}" as`
          : `an alias that is the title of`;
      const across = first.section !== entry.section;
      report({
        file: entry.file,
        start: entry.heading.start,
        end: entry.heading.end,
        message: `Duplicate entry "${entry.title || entry.alias}": ${what} the entry at ${place}${across ? ` in section "${first.section ?? '(none)'}"` : ''}`,
        ...(across ? { severity: options.acrossSections } : {}),
      });
    }
  },
});
