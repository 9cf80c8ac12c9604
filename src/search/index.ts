// buildSearchIndex: entries -> plain data (arrays, strings, Maps) that searchEntries queries. Pure.
// NOTE: the index holds no functions or Entry objects, so it can be cached keyed on the store's content.
import type { Entry } from '../store/schema.js';
import { foldText, keyOf } from '../store/text.js';
import type { OrgRegistry } from '../store/orgs.js';
import type { VenueRegistry } from '../store/venues.js';
import { forEachWord, wordsOf } from './normalize.js';
import { byteColumn, byteColumnAt, columnAt, stringColumn, type ByteColumn, type StringColumn } from '../store/columns.js';

/** Where a term can match, strongest first. */
export const FIELDS = ['alias', 'title', 'venue', 'org', 'section', 'year', 'notes'] as const;
export type Field = (typeof FIELDS)[number];
const FIELD_COUNT = 8;
/** Added to a posting's field code when the word is only there joined from a hyphenated one (`all-reduce`). */
const JOINED = FIELD_COUNT;
const CODE_SPAN = 2 * FIELD_COUNT;

export interface IndexedDoc {
  /** The entry's id, to check the index still belongs to the entries it is used with. */
  id: string;
  aliasKey: string;
  titleKey: string;
  /** Key of the title's part before a `:` (`TVM` for `TVM: an automated...`); empty when there is no colon. */
  shortKey: string;
  /** Folded words of the title, in order (for phrases). */
  titleWords: string[];
  /** First letter of each title word, in order (for acronyms: `byoc` for Bring Your Own Codegen). */
  initials: string;
}

/** Bump when the index's shape or contents change (it is cached across runs). */
export const SEARCH_INDEX_VERSION = 5;

/** The index as it is cached: what every query reads. */
export interface SearchIndexCore {
  version: typeof SEARCH_INDEX_VERSION;
  docs: {
    id: ByteColumn;
    aliasKey: ByteColumn;
    titleKey: ByteColumn;
    shortKey: ByteColumn;
    /** The folded title words, each followed by a space. */
    titleWords: ByteColumn;
    initials: StringColumn;
  };
  /** Every distinct word, in order of first appearance. */
  vocabulary: StringColumn;
  /**
   * The postings of vocabulary word `w` are `postings[postingEnds[w - 1] .. postingEnds[w]]`: codes
   * `doc * 16 + joined * 8 + field` (field = index in FIELDS; joined = 1 when the field holds the word
   * only written with hyphens, `all-reduce` for `allreduce`), each pair once, docs ascending.
   */
  postingEnds: ArrayLike<number>;
  postings: ArrayLike<number>;
}

/** The index as cache sections: the core, and the folded texts (one column per field, in FIELDS order) apart. */
export interface SearchIndexSections extends Record<string, unknown> {
  core: SearchIndexCore;
  texts: StringColumn[];
}

/** An index ready for queries. */
export interface SearchIndex {
  /** How many entries it indexes. */
  size: number;
  doc(i: number): IndexedDoc;
  /** The initials of every entry's title (for acronyms). */
  initials: StringColumn;
  /** The word's postings (see SearchIndexCore.postings), or undefined when no entry holds it. */
  postings(word: string): ArrayLike<number> | undefined;
  /** Every distinct word, for stem, prefix, substring and typo scans. */
  vocabulary: readonly string[];
  /**
   * Folded text of each field, one column per field in FIELDS order (for CJK substrings). A function:
   * only CJK terms need them, and they are most of the index's size, so a cached index reads them only then.
   */
  texts(): readonly StringColumn[];
}

export function openSearchIndex(core: SearchIndexCore, texts: () => readonly StringColumn[]): SearchIndex {
  const { docs } = core;
  let words: string[] | undefined;
  let wordIndex: Map<string, number> | undefined;
  let gotTexts: readonly StringColumn[] | undefined;
  const vocabulary = (): string[] => {
    if (!words) {
      const n = core.vocabulary.ends.length;
      words = new Array<string>(n);
      for (let i = 0; i < n; i++) words[i] = columnAt(core.vocabulary, i);
    }
    return words;
  };
  const postingsArray = core.postings instanceof Int32Array ? core.postings : Int32Array.from(core.postings);
  return {
    size: docs.id.ends.length,
    doc: (i) => {
      const titleWords = byteColumnAt(docs.titleWords, i);
      return {
        id: byteColumnAt(docs.id, i),
        aliasKey: byteColumnAt(docs.aliasKey, i),
        titleKey: byteColumnAt(docs.titleKey, i),
        shortKey: byteColumnAt(docs.shortKey, i),
        titleWords: titleWords ? titleWords.slice(0, -1).split(' ') : [],
        initials: columnAt(docs.initials, i),
      };
    },
    initials: docs.initials,
    postings: (word) => {
      if (!wordIndex) {
        const list = vocabulary();
        wordIndex = new Map();
        for (let i = 0; i < list.length; i++) wordIndex.set(list[i]!, i);
      }
      const w = wordIndex.get(word);
      if (w === undefined) return undefined;
      return postingsArray.subarray(w === 0 ? 0 : core.postingEnds[w - 1]!, core.postingEnds[w]!);
    },
    get vocabulary() {
      return vocabulary();
    },
    texts: () => (gotTexts ??= texts()),
  };
}

export function postingDoc(posting: number): number {
  return Math.floor(posting / CODE_SPAN);
}

export function postingField(posting: number): Field {
  return FIELDS[posting % FIELD_COUNT]!;
}

/** True when the field holds the word only joined from a hyphenated one. */
export function postingJoined(posting: number): boolean {
  return posting % CODE_SPAN >= JOINED;
}

interface Name {
  folded: string;
  /** The words and key a name contributes: `ACM MM` -> acm, mm, acmmm. */
  words: string[];
}

function nameOf(name: string): Name {
  const folded = foldText(name);
  const words = wordsOf(folded);
  const key = keyOf(name);
  return { folded, words: words.length > 1 && key ? [...words, key] : words };
}

/**
 * Builds the index of `entries` (positions in the index are positions in `entries`). `orgs` should know
 * informal names (`createOrgRegistry(config, { informal: true })`): an org is indexed under every name
 * of its organisation, so `alibaba` finds `[Ali]` and `microsoft` finds `[MSRA]`.
 */
export function buildSearchIndex(entries: readonly Entry[], venues: VenueRegistry, orgs: OrgRegistry): SearchIndex {
  const sections = buildSearchIndexSections(entries, venues, orgs);
  return openSearchIndex(sections.core, () => sections.texts);
}

/** The index of `entries` as cache sections (see buildSearchIndex). */
export function buildSearchIndexSections(entries: readonly Entry[], venues: VenueRegistry, orgs: OrgRegistry): SearchIndexSections {
  const postings = new Map<string, number[]>();
  const docs: IndexedDoc[] = [];
  const texts: string[][] = [];
  // NOTE: entries are indexed one field at a time, so a repeat of a word in the same field is the
  // list's last posting: no set is needed to keep each pair once.
  const add = (word: string, code: number): void => {
    const list = postings.get(word);
    if (!list) postings.set(word, [code]);
    else {
      const last = list[list.length - 1];
      // The word as written replaces its joined form in the same field.
      if (last === code + JOINED) list[list.length - 1] = code;
      else if (last !== code) list.push(code);
    }
  };
  const addJoined = (word: string, code: number): void => {
    const list = postings.get(word);
    if (!list) postings.set(word, [code + JOINED]);
    else {
      const last = list[list.length - 1];
      if (last !== code && last !== code + JOINED) list.push(code + JOINED);
    }
  };
  // Venues, orgs and sections repeat from entry to entry: each name is folded once.
  const names = new Map<string, Name>();
  const named = (name: string): Name => {
    let n = names.get(name);
    if (!n) names.set(name, (n = nameOf(name)));
    return n;
  };
  // An org as written -> the names it is indexed under: itself, then every name of its organisation.
  const orgNames = new Map<string, string[]>();
  const orgNamesOf = (org: string): string[] => {
    let list = orgNames.get(org);
    if (!list) {
      const canonical = orgs.canonicalOf(org);
      list = canonical === null ? [org] : [...new Set([org, ...orgs.spellingsOf(canonical)])];
      orgNames.set(org, list);
    }
    return list;
  };
  /** Adds the words of folded text, and its hyphenated words joined (`pre-training` -> `pretraining`); returns the words. */
  const addText = (folded: string, code: number, keep: boolean): string[] => {
    const words: string[] = [];
    let chainStart = -1;
    let chainWords = 0;
    let prevEnd = -2;
    const close = (): void => {
      if (chainWords > 1) addJoined(folded.slice(chainStart, prevEnd).replaceAll('-', ''), code);
    };
    forEachWord(folded, (start, end) => {
      const word = folded.slice(start, end);
      if (keep) words.push(word);
      add(word, code);
      if (start === prevEnd + 1 && folded.charCodeAt(prevEnd) === 0x2d) chainWords++;
      else {
        close();
        chainStart = start;
        chainWords = 1;
      }
      prevEnd = end;
    });
    close();
    return words;
  };
  const fieldCode = (doc: number, field: Field): number => doc * CODE_SPAN + FIELDS.indexOf(field);
  entries.forEach((e, doc) => {
    const title = foldText(e.title);
    const notes = foldText(e.notes);
    const colon = e.title.search(/[:：]/);
    const venueNames = e.venue === null ? [] : e.venueRaw !== null && e.venueRaw !== e.venue ? [e.venue, e.venueRaw] : [e.venue];
    const orgList = e.orgs.length === 0 ? e.orgs : e.orgs.length === 1 ? orgNamesOf(e.orgs[0]!) : [...new Set(e.orgs.flatMap(orgNamesOf))];
    const sectionNames = [...(e.section !== null ? [e.section] : []), ...(e.sectionSlug !== null ? [e.sectionSlug] : [])];
    const addNames = (list: readonly string[], field: Field): void => {
      for (const name of list) for (const w of named(name).words) add(w, fieldCode(doc, field));
    };
    if (e.alias !== null) addNames([e.alias], 'alias');
    const titleWords = addText(title, fieldCode(doc, 'title'), true);
    addNames(venueNames, 'venue');
    if (e.venue !== null) for (const key of venues.keysOf(e.venue)) add(key, fieldCode(doc, 'venue'));
    addNames(orgList, 'org');
    addNames(sectionNames, 'section');
    if (e.year !== null) add(String(e.year), fieldCode(doc, 'year'));
    addText(notes, fieldCode(doc, 'notes'), false);
    docs.push({
      id: e.id,
      aliasKey: e.alias !== null ? keyOf(e.alias) : '',
      titleKey: keyOf(e.title),
      shortKey: colon > 0 ? keyOf(e.title.slice(0, colon)) : '',
      titleWords,
      initials: titleWords.map((w) => w[0]).join(''),
    });
    texts.push([
        e.alias !== null ? named(e.alias).folded : '',
        title,
        venueNames.map((n) => named(n).folded).join('\n'),
        orgList.map((n) => named(n).folded).join('\n'),
        sectionNames.map((n) => named(n).folded).join('\n'),
        e.year !== null ? String(e.year) : '',
        notes,
      ]);
  });
  const postingEnds = new Int32Array(postings.size);
  let total = 0;
  let w = 0;
  for (const list of postings.values()) postingEnds[w++] = total += list.length;
  const flat = new Int32Array(total);
  w = 0;
  for (const list of postings.values()) {
    flat.set(list, w === 0 ? 0 : postingEnds[w - 1]!);
    w++;
  }
  const docColumn = (key: 'id' | 'aliasKey' | 'titleKey' | 'shortKey') => byteColumn(docs.map((d) => d[key]));
  return {
    core: {
      version: SEARCH_INDEX_VERSION,
      docs: {
        id: docColumn('id'),
        aliasKey: docColumn('aliasKey'),
        titleKey: docColumn('titleKey'),
        shortKey: docColumn('shortKey'),
        titleWords: byteColumn(docs.map((d) => d.titleWords.map((w) => `${w} `).join(''))),
        initials: stringColumn(docs.map((d) => d.initials)),
      },
      vocabulary: stringColumn([...postings.keys()]),
      postingEnds,
      postings: flat,
    },
    texts: FIELDS.map((_, f) => stringColumn(texts.map((t) => t[f]!))),
  };
}
