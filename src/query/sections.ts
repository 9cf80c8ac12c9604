// Resolves what a user typed for a section (`ocr`, `OCR 文字识别`, `2`) to a section title.
import type { Entry, Section } from '../store/schema.js';
import { hasHan, readingMatches } from '../store/pinyin.js';
import { foldText } from '../store/text.js';

export interface SectionSummary {
  index: number;
  title: string;
  slug: string | null;
  count: number;
  /** Where the section's first heading is, `file:line`. */
  file: string;
  line: number;
}

/**
 * What section summaries are made from: the sections, and each entry's section (for the counts); and
 * each heading's reading (its pinyin), for a query typed in pinyin.
 */
export type SectionSource = { sections: readonly Section[]; entries: readonly Pick<Entry, 'section'>[]; readings?: Readonly<Record<string, string>> };

export type SectionResolution =
  | { kind: 'found'; title: string }
  | { kind: 'ambiguous'; candidates: SectionSummary[] }
  | { kind: 'unknown' };

/** One row per distinct section title, in order, with entry counts. */
export function summarizeSections(digest: SectionSource): SectionSummary[] {
  const byTitle = new Map<string, SectionSummary>();
  for (const s of digest.sections) {
    if (!byTitle.has(s.title)) byTitle.set(s.title, { index: s.index, title: s.title, slug: s.slug, count: 0, file: s.file, line: s.line });
  }
  for (const e of digest.entries) {
    if (e.section !== null) {
      const summary = byTitle.get(e.section);
      if (summary) summary.count++;
    }
  }
  return [...byTitle.values()];
}

export function resolveSection(digest: SectionSource, query: string): SectionResolution {
  const sections = summarizeSections(digest);
  const q = foldText(query.trim());
  if (!q) return { kind: 'unknown' };
  const bySlug = sections.find((s) => s.slug !== null && s.slug === q);
  if (bySlug) return { kind: 'found', title: bySlug.title };
  const exact = sections.filter((s) => foldText(s.title) === q);
  if (exact.length === 1) return { kind: 'found', title: exact[0]!.title };
  const partial = sections.filter((s) => foldText(s.title).includes(q));
  if (partial.length === 1) return { kind: 'found', title: partial[0]!.title };
  if (partial.length > 1) {
    if (/^\d+$/.test(q)) {
      const byIndex = sections.find((s) => s.index === Number(q));
      if (byIndex) return { kind: 'found', title: byIndex.title };
    }
    return { kind: 'ambiguous', candidates: partial };
  }
  if (/^\d+$/.test(q)) {
    const byIndex = sections.find((s) => s.index === Number(q));
    if (byIndex) return { kind: 'found', title: byIndex.title };
  }
  // Pinyin of a run of the heading's syllables (`tuijian`), then the initials of one (`tjxt`): only for headings with Chinese.
  const readings = digest.readings;
  if (readings) {
    for (const initials of [false, true]) {
      const hits = sections.filter((s) => hasHan(s.title) && Object.hasOwn(readings, s.title) && readingMatches(readings[s.title]!, q, initials));
      if (hits.length === 1) return { kind: 'found', title: hits[0]!.title };
      if (hits.length > 1) return { kind: 'ambiguous', candidates: hits };
    }
  }
  return { kind: 'unknown' };
}
