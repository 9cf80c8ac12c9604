// parseQuery: what the user typed -> folded search terms plus field qualifiers (`venue:osdi`). Pure.
import { UsageError } from '../errors.js';
import { STOP_WORDS } from '../store/build.js';
import { foldText } from '../store/text.js';
import { tokenize } from './normalize.js';

export const QUALIFIERS = ['venue', 'year', 'section', 'org', 'alias'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface QueryTerm {
  /** Folded: a word (letters and digits) or a run of Han/kana characters. */
  text: string;
  cjk: boolean;
}

export interface ParsedQuery {
  /** The free text, qualifiers removed, as typed (quotes removed). */
  text: string;
  /** Terms to match: fillers (`the`, `paper`, `关于`...) are dropped, so a query of fillers alone has none. */
  terms: QueryTerm[];
  /** Every term of the free text, stop words kept, in order (for phrase and exact-title checks). */
  allTerms: QueryTerm[];
  /** Raw qualifier values, each possibly comma-separated, in the order given. */
  qualifiers: Record<Qualifier, string[]>;
}

/**
 * Words that say nothing about which paper is meant: the id stop words, and the fillers of a
 * question (`the Möbius one`, `what did I note about 量化`, `that paper with kmeans docids`).
 */
export const FILLERS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  ...'about are be did do does had has have i is it its me my one our paper papers note notes noted that the these this those was we were what when where which who why with you your'.split(' '),
]);

/** Chinese fillers of a question (`关于量化的论文`), cut out of a run of Chinese characters. */
const CJK_FILLERS = ['关于', '有关', '论文', '文章', '笔记', '那篇', '哪篇', '这篇', '一篇', '什么', '记得', '提到'];

/** A CJK term without its filler words and a `的` at either end: the pieces left, none for fillers alone (`关于论文`). */
export function withoutFillers(term: string): string[] {
  let pieces = [term];
  for (const filler of CJK_FILLERS) pieces = pieces.flatMap((p) => p.split(filler));
  return pieces.map((p) => (p.length > 2 ? p.replace(/^的|的$/g, '') : p)).filter((p) => p !== '' && p !== '的');
}

const PIECE = /([A-Za-z]+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/g;

function qualifierList(): string {
  return QUALIFIERS.map((q) => `${q}:`).join(', ');
}

/** Splits query words into free text and qualifiers; throws UsageError on an unknown qualifier or an empty value. */
export function parseQuery(words: readonly string[]): ParsedQuery {
  const qualifiers = Object.fromEntries(QUALIFIERS.map((q) => [q, [] as string[]])) as Record<Qualifier, string[]>;
  const free: string[] = [];
  for (const m of words.join(' ').matchAll(PIECE)) {
    const [whole, key, quotedValue, bareValue, quoted, bare] = m;
    if (quoted !== undefined) free.push(quoted);
    else if (bare !== undefined) free.push(bare);
    else {
      const name = key!.toLowerCase();
      const value = (quotedValue ?? bareValue ?? '').trim();
      if ((QUALIFIERS as readonly string[]).includes(name)) {
        if (!value) throw new UsageError(`${name}: needs a value`, `write it without a space, e.g. ${name}:${exampleOf(name as Qualifier)}`);
        qualifiers[name as Qualifier].push(value);
      } else if (value === '' || value.startsWith('//')) {
        // `DeepFM:` pasted from a title, or a URL: ordinary text.
        free.push(whole);
      } else {
        throw new UsageError(
          `unknown qualifier "${key}:"; the qualifiers are ${qualifierList()}`,
          `to search for the text itself, quote it: '"${whole}"'`,
        );
      }
    }
  }
  const text = free.join(' ').trim();
  const allTerms = tokenize(foldText(text)).map((t) => ({ text: t.text, cjk: t.cjk }));
  const terms = dedupe(allTerms.flatMap((t) => (t.cjk ? withoutFillers(t.text).map((text) => ({ text, cjk: true })) : FILLERS.has(t.text) ? [] : [t])));
  return { text, terms, allTerms, qualifiers };
}

function dedupe(terms: QueryTerm[]): QueryTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => (seen.has(t.text) ? false : (seen.add(t.text), true)));
}

function exampleOf(q: Qualifier): string {
  return { venue: 'osdi', year: '2019..2022', section: 'ocr', org: 'google', alias: 'din' }[q];
}

