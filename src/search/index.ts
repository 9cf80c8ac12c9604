// buildSearchIndex: entries -> plain data (arrays, strings, Maps) that searchEntries queries. Pure.
// NOTE: the index holds no functions or Entry objects, so it can be cached keyed on the store's content.
import type { Entry } from '../store/schema.js';
import { foldText, keyOf } from '../store/text.js';
import type { VenueRegistry } from '../store/venues.js';
import { wordsOf } from './normalize.js';

/** Where a term can match, strongest first. */
export const FIELDS = ['alias', 'title', 'venue', 'org', 'section', 'year', 'notes'] as const;
export type Field = (typeof FIELDS)[number];
const FIELD_COUNT = 8;

export interface IndexedDoc {
  /** The entry's id, to check the index still belongs to the entries it is used with. */
  id: string;
  aliasKey: string;
  titleKey: string;
  /** Key of the title's part before a `:` (`TVM` for `TVM: an automated...`); empty when there is no colon. */
  shortKey: string;
  /** Folded words of the title, in order (for phrases). */
  titleWords: string[];
  /** Folded text of each field, in FIELDS order (for CJK substrings). */
  texts: string[];
}

export interface SearchIndex {
  version: 1;
  docs: IndexedDoc[];
  /** Folded word -> postings `doc * 8 + field` (field = index in FIELDS), each pair once, docs ascending. */
  postings: Map<string, number[]>;
  /** Every distinct word, for prefix, substring and typo scans. */
  vocabulary: string[];
}

export function postingDoc(posting: number): number {
  return Math.floor(posting / FIELD_COUNT);
}

export function postingField(posting: number): Field {
  return FIELDS[posting % FIELD_COUNT]!;
}

/** The words and keys a name contributes: `ACM MM` -> acm, mm, acmmm. */
function nameWords(name: string): string[] {
  const words = wordsOf(foldText(name));
  const key = keyOf(name);
  return words.length > 1 && key ? [...words, key] : words;
}

/** Builds the index of `entries` (positions in the index are positions in `entries`). */
export function buildSearchIndex(entries: readonly Entry[], venues: VenueRegistry): SearchIndex {
  const postings = new Map<string, number[]>();
  const docs: IndexedDoc[] = [];
  const add = (word: string, doc: number, field: number): void => {
    const code = doc * FIELD_COUNT + field;
    const list = postings.get(word);
    if (!list) postings.set(word, [code]);
    else if (!list.includes(code, Math.max(0, list.length - FIELD_COUNT))) list.push(code);
  };
  entries.forEach((e, doc) => {
    const title = foldText(e.title);
    const colon = e.title.search(/[:：]/);
    const venueNames = e.venue === null ? [] : [e.venue, ...(e.venueRaw !== null ? [e.venueRaw] : [])];
    const venueWords = [...venueNames.flatMap(nameWords), ...(e.venue === null ? [] : venues.keysOf(e.venue))];
    const sectionNames = [...(e.section !== null ? [e.section] : []), ...(e.sectionSlug !== null ? [e.sectionSlug] : [])];
    const fieldWords: string[][] = [
      e.alias !== null ? nameWords(e.alias) : [],
      wordsOf(title),
      venueWords,
      e.orgs.flatMap(nameWords),
      sectionNames.flatMap(nameWords),
      e.year !== null ? [String(e.year)] : [],
    ];
    const notes = foldText(e.notes);
    fieldWords.push(wordsOf(notes));
    fieldWords.forEach((words, field) => {
      for (const w of words) add(w, doc, field);
    });
    docs.push({
      id: e.id,
      aliasKey: e.alias !== null ? keyOf(e.alias) : '',
      titleKey: keyOf(e.title),
      shortKey: colon > 0 ? keyOf(e.title.slice(0, colon)) : '',
      titleWords: fieldWords[1]!,
      texts: [
        e.alias !== null ? foldText(e.alias) : '',
        title,
        venueNames.map(foldText).join('\n'),
        e.orgs.map(foldText).join('\n'),
        sectionNames.map(foldText).join('\n'),
        e.year !== null ? String(e.year) : '',
        notes,
      ],
    });
  });
  return { version: 1, docs, postings, vocabulary: [...postings.keys()] };
}
