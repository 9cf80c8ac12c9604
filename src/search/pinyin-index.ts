// The pinyin of the entries' Chinese text, for query words typed in pinyin (`lianghua` for 量化): a
// product of the store of its own, made only when a query first needs it, and after an edit updated
// from its old value (equal to a build). Pure but for pinyin-pro, loaded on first use.
import * as z from 'zod/mini';
import { columnAt, stringColumn, StringColumnSchema, type StringColumn } from '../store/columns.js';
import { codeSyllable, pinyinText } from '../store/pinyin.js';
import type { Product, StoreChange } from '../store/product.js';
import type { Entry } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { foldText } from '../store/text.js';

/** The fields whose Chinese text a pinyin query matches, in this order in the pinyin columns. */
export const PINYIN_FIELDS = ['title', 'section', 'notes'] as const;

export interface PinyinParts extends Record<string, unknown> {
  /**
   * One column per field of PINYIN_FIELDS: each entry's pinyin of that field's folded text (see
   * pinyinText; the section field is the section's heading). Syllable `k` is the field's `k`-th Han character.
   */
  pinyin: StringColumn[];
  /** Every syllable the columns hold, sorted: what a query word must be made of to count as pinyin. */
  syllables: string[];
}

/** One entry's pinyin, per field of PINYIN_FIELDS. */
function pinyinOfEntry(e: Pick<Entry, 'title' | 'section' | 'notes'>): string[] {
  return [pinyinText(foldText(e.title)), e.section === null ? '' : pinyinText(foldText(e.section)), pinyinText(foldText(e.notes))];
}

/** The syllables of pinyin columns, sorted: the same however the columns were made. */
function syllablesOf(columns: readonly StringColumn[]): string[] {
  const seen = new Set<number>();
  for (const { joined } of columns) for (let i = 0; i < joined.length; i++) seen.add(joined.charCodeAt(i));
  const out: string[] = [];
  for (const code of seen) {
    const s = codeSyllable(code);
    if (s !== null) out.push(s);
  }
  return out.sort();
}

function partsOf(rows: ReadonlyArray<readonly string[]>): PinyinParts {
  const pinyin = PINYIN_FIELDS.map((_, f) => stringColumn(rows.map((r) => r[f]!)));
  return { pinyin, syllables: syllablesOf(pinyin) };
}

export function buildPinyinParts(entries: ReadonlyArray<Pick<Entry, 'title' | 'section' | 'notes'>>): PinyinParts {
  return partsOf(entries.map(pinyinOfEntry));
}

/** The parts after a change of the store: entries kept are taken from `previous`, the others made anew. */
export function updatePinyinParts(previous: PinyinParts, change: StoreChange, entriesAt: (positions: number[]) => Array<Pick<Entry, 'title' | 'section' | 'notes'>>): PinyinParts {
  const fresh: number[] = [];
  change.previous.forEach((at, i) => at < 0 && fresh.push(i));
  const made = new Map(entriesAt(fresh).map((e, k) => [fresh[k]!, pinyinOfEntry(e)]));
  return partsOf(Array.from(change.previous, (at, i) => (at < 0 ? made.get(i)! : previous.pinyin.map((column) => columnAt(column, at)))));
}

export const pinyinIndexProduct: Product<PinyinParts> = {
  name: 'search-pinyin',
  version: 1,
  parts: { pinyin: z.array(StringColumnSchema), syllables: z.array(z.string()) },
  build: (store: Store) => buildPinyinParts(store.entries()),
  update: (previous, change, store) => updatePinyinParts(previous, change, (positions) => store.entries(positions)),
};
