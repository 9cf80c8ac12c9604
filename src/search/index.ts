// The search index: entries -> the words and texts searchEntries queries, as a product of the store
// (built once per state of the notes, and after an edit updated from its old value). Pure.
// NOTE: it holds no functions or Entry objects, so it can be cached; an update gives exactly what a
// build gives (the same vocabulary order, the same postings), so results never depend on history.
import * as z from 'zod/mini';
import type { Product, StoreChange } from '../store/product.js';
import type { Store } from '../store/store.js';
import type { Entry } from '../store/schema.js';
import { createOrgRegistry, type OrgRegistry } from '../store/orgs.js';
import { foldText, keyOf } from '../store/text.js';
import type { VenueRegistry } from '../store/venues.js';
import { columnAt, Int32Schema, stringColumn, StringColumnSchema, type StringColumn } from '../store/columns.js';
import { forEachWord, wordsOf } from './normalize.js';
import { buildPinyinParts, pinyinIndexProduct, type PinyinParts } from './pinyin-index.js';
import { isEmptyOverlay, overlay } from './overlay.js';

import { CODE_SPAN, FIELDS, JOINED, postingDoc, type Field } from './postings.js';

export { FIELDS, postingDoc, postingField, postingJoined, type Field } from './postings.js';

export interface IndexedDoc {
  /** The entry's id, for a query that is an id. */
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


const Strings = z.array(z.string());

export const SearchCoreSchema = z.object({
  docs: z.object({
    id: Strings,
    aliasKey: Strings,
    titleKey: Strings,
    shortKey: Strings,
    /** The folded title words, each followed by a space. */
    titleWords: Strings,
    initials: StringColumnSchema,
  }),
  /** Every distinct word, in order of first appearance. */
  vocabulary: Strings,
  /**
   * The postings of vocabulary word `w` are `postings[postingEnds[w - 1] .. postingEnds[w]]`: codes
   * `doc * 16 + joined * 8 + field` (field = index in FIELDS; joined = 1 when the field holds the word
   * only written with hyphens, `all-reduce` for `allreduce`), each pair once, docs ascending.
   */
  postingEnds: Int32Schema,
  postings: Int32Schema,
});
/** What every query reads. */
export type SearchCore = z.infer<typeof SearchCoreSchema>;

/**
 * Each entry's postings in the order a build adds them: entry `d`'s are `words[ends[d - 1] .. ends[d]]`
 * (vocabulary positions) with their field codes (joined * 8 + field). What an update is made from.
 */
const ForwardSchema = z.object({ ends: Int32Schema, words: Int32Schema, codes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) });
export type Forward = z.infer<typeof ForwardSchema>;

export { PINYIN_FIELDS } from './pinyin-index.js';

/** A whole index: of every entry of a store. */
export interface SearchIndexParts extends Record<string, unknown> {
  core: SearchCore;
  /** The folded text of each field, one column per field in FIELDS order: for Chinese terms only. */
  texts: StringColumn[];
  forward: Forward;
}

/** The index of a few entries changed since the whole index was made, laid over it (search/overlay.ts). */
const OverlaySchema = z.object({
  docs: Int32Schema,
  renamed: z.object({ at: Int32Schema, id: Strings }),
  core: SearchCoreSchema,
  texts: z.array(StringColumnSchema),
  forward: ForwardSchema,
});
export type Overlay = z.infer<typeof OverlaySchema>;

/** The search index product: a whole index, and the overlay of the entries changed since it was made. */
export interface SearchIndexProduct extends SearchIndexParts {
  overlay: Overlay;
}

/** The overlay of no entry. */
export function emptyOverlay(): Overlay {
  const none = assemble([], []);
  return { docs: new Int32Array(0), renamed: { at: new Int32Array(0), id: [] }, ...none };
}

/** An index ready for queries. */
export interface SearchIndex {
  /** How many entries it indexes. */
  size: number;
  doc(i: number): IndexedDoc;
  /** The initials of every entry's title (for acronyms). */
  initials: StringColumn;
  /** The word's postings (see SearchCore.postings), or undefined when no entry holds it. */
  postings(word: string): ArrayLike<number> | undefined;
  /** Every distinct word, for stem, prefix, substring and typo scans. */
  vocabulary: readonly string[];
  /**
   * Folded text of each field, one column per field in FIELDS order (for CJK substrings). A function:
   * only CJK terms need them, and they are most of the index's size, so a cached index reads them only then.
   */
  texts(): readonly StringColumn[];
  /** The digest's pinyin syllables (read on first use: only a query word of letters a-z needs them). */
  syllables(): ReadonlySet<string>;
  /** The pinyin columns, in PINYIN_FIELDS order (read on first use). */
  pinyin(): readonly StringColumn[];
}

/** The parts an index reads only when a query needs them. */
export interface LazyParts {
  texts: () => readonly StringColumn[];
  syllables: () => readonly string[];
  pinyin: () => readonly StringColumn[];
}

/**
 * The index `core` is of, ready for queries; with `over`, the index of the store its overlay's entries
 * have changed to (the overlay laid over `core`; `forward` is core's, read only if a query needs it).
 */
export function openSearchIndex(core: SearchCore, lazy: LazyParts, over?: { overlay: Overlay; forward: () => Forward }): SearchIndex {
  if (over && !isEmptyOverlay(over.overlay)) return overlaidIndex(core, lazy, over.overlay, over.forward);
  const { docs } = core;
  let wordIndex: Map<string, number> | undefined;
  let gotTexts: readonly StringColumn[] | undefined;
  let gotSyllables: ReadonlySet<string> | undefined;
  let gotPinyin: readonly StringColumn[] | undefined;
  return {
    size: docs.id.length,
    doc: (i) => docAt(docs, i, docs.id[i]!),
    initials: docs.initials,
    postings: (word) => {
      if (!wordIndex) {
        wordIndex = new Map();
        for (let i = 0; i < core.vocabulary.length; i++) wordIndex.set(core.vocabulary[i]!, i);
      }
      const w = wordIndex.get(word);
      if (w === undefined) return undefined;
      return core.postings.subarray(w === 0 ? 0 : core.postingEnds[w - 1]!, core.postingEnds[w]!);
    },
    vocabulary: core.vocabulary,
    texts: () => (gotTexts ??= lazy.texts()),
    syllables: () => (gotSyllables ??= new Set(lazy.syllables())),
    pinyin: () => (gotPinyin ??= lazy.pinyin()),
  };
}

function docAt(docs: SearchCore['docs'], i: number, id: string): IndexedDoc {
  const titleWords = docs.titleWords[i]!;
  return {
    id,
    aliasKey: docs.aliasKey[i]!,
    titleKey: docs.titleKey[i]!,
    shortKey: docs.shortKey[i]!,
    titleWords: titleWords ? titleWords.slice(0, -1).split(' ') : [],
    initials: columnAt(docs.initials, i),
  };
}

function overlaidIndex(core: SearchCore, lazy: LazyParts, o: Overlay, forward: () => Forward): SearchIndex {
  const view = overlay(core, forward, o);
  let gotSyllables: ReadonlySet<string> | undefined;
  let gotPinyin: readonly StringColumn[] | undefined;
  let gotTexts: readonly StringColumn[] | undefined;
  return {
    size: view.ids.length,
    doc: (i) => (view.at[i]! < 0 ? docAt(core.docs, i, view.ids[i]!) : docAt(o.core.docs, view.at[i]!, view.ids[i]!)),
    get initials() {
      return view.initials();
    },
    postings: view.postings,
    get vocabulary() {
      return view.vocabulary();
    },
    texts: () => (gotTexts ??= view.texts(lazy.texts())),
    syllables: () => (gotSyllables ??= new Set(lazy.syllables())),
    pinyin: () => (gotPinyin ??= lazy.pinyin()),
  };
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

/** One entry's share of the index, made from the entry alone. */
interface DocPart {
  doc: Omit<IndexedDoc, 'id'>;
  /** Its postings in order: words and field codes (joined * 8 + field). */
  words: string[];
  codes: number[];
  /** Its folded text per field, in FIELDS order. */
  texts: string[];
}

/** Makes each entry's DocPart; venues, orgs and sections, which repeat from entry to entry, are folded once. */
function docParts(venues: VenueRegistry, orgs: OrgRegistry): (e: Entry) => DocPart {
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
  return (e) => {
    const words: string[] = [];
    const codes: number[] = [];
    // The last code each word got in this entry: a repeat in the same field is that one.
    const last = new Map<string, number>();
    const add = (word: string, code: number): void => {
      const prev = last.get(word);
      if (prev === code) return;
      // The word as written replaces its joined form in the same field.
      if (prev === code + JOINED) {
        for (let k = words.length - 1; k >= 0; k--) {
          if (words[k] === word) {
            codes[k] = code;
            break;
          }
        }
      } else {
        words.push(word);
        codes.push(code);
      }
      last.set(word, code);
    };
    const addJoined = (word: string, code: number): void => {
      const prev = last.get(word);
      if (prev === code || prev === code + JOINED) return;
      words.push(word);
      codes.push(code + JOINED);
      last.set(word, code + JOINED);
    };
    /** Adds the words of folded text, and its hyphenated words joined (`pre-training` -> `pretraining`); returns the words. */
    const addText = (folded: string, code: number, keep: boolean): string[] => {
      const kept: string[] = [];
      let chainStart = -1;
      let chainWords = 0;
      let prevEnd = -2;
      const close = (): void => {
        if (chainWords > 1) addJoined(folded.slice(chainStart, prevEnd).replaceAll('-', ''), code);
      };
      forEachWord(folded, (start, end) => {
        const word = folded.slice(start, end);
        if (keep) kept.push(word);
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
      return kept;
    };
    const field = (f: Field): number => FIELDS.indexOf(f);
    const addNames = (list: readonly string[], f: Field): void => {
      for (const name of list) for (const w of named(name).words) add(w, field(f));
    };
    const title = foldText(e.title);
    const notes = foldText(e.notes);
    const colon = e.title.search(/[:：]/);
    const venueNames = e.venue === null ? [] : e.venueRaw !== null && e.venueRaw !== e.venue ? [e.venue, e.venueRaw] : [e.venue];
    const orgList = e.orgs.length === 0 ? e.orgs : e.orgs.length === 1 ? orgNamesOf(e.orgs[0]!) : [...new Set(e.orgs.flatMap(orgNamesOf))];
    const sectionNames = [...(e.section !== null ? [e.section] : []), ...(e.sectionSlug !== null ? [e.sectionSlug] : [])];
    if (e.alias !== null) addNames([e.alias], 'alias');
    const titleWords = addText(title, field('title'), true);
    addNames(venueNames, 'venue');
    if (e.venue !== null) for (const key of venues.keysOf(e.venue)) add(key, field('venue'));
    addNames(orgList, 'org');
    addNames(sectionNames, 'section');
    if (e.year !== null) add(String(e.year), field('year'));
    addText(notes, field('notes'), false);
    return {
      doc: {
        aliasKey: e.alias !== null ? keyOf(e.alias) : '',
        titleKey: keyOf(e.title),
        shortKey: colon > 0 ? keyOf(e.title.slice(0, colon)) : '',
        titleWords,
        initials: titleWords.map((w) => w[0]).join(''),
      },
      words,
      codes,
      texts: [
        e.alias !== null ? named(e.alias).folded : '',
        title,
        venueNames.map((n) => named(n).folded).join('\n'),
        orgList.map((n) => named(n).folded).join('\n'),
        sectionNames.map((n) => named(n).folded).join('\n'),
        e.year !== null ? String(e.year) : '',
        notes,
      ],
    };
  };
}

/** An entry of the index being made: a new part, or entry `at` of an earlier index. */
type DocSource = { part: DocPart } | { at: number };

/**
 * The index of these entries in order, each made anew or taken from `earlier`: the vocabulary in
 * order of first appearance and the postings in entry order, so it is the same however it was made.
 */
function assemble(sources: readonly DocSource[], ids: readonly string[], earlier?: Pick<SearchIndexParts, 'core' | 'texts' | 'forward'>): SearchIndexParts {
  const vocabulary: string[] = [];
  const idOf = new Map<string, number>();
  const wordId = (word: string): number => {
    let w = idOf.get(word);
    if (w === undefined) {
      idOf.set(word, (w = vocabulary.length));
      vocabulary.push(word);
    }
    return w;
  };
  // An earlier index's word -> its position in the new vocabulary (-1 until seen).
  const remap = new Int32Array(earlier ? earlier.core.vocabulary.length : 0).fill(-1);
  let total = 0;
  for (const s of sources) total += 'part' in s ? s.part.words.length : earlier!.forward.ends[s.at]! - (s.at === 0 ? 0 : earlier!.forward.ends[s.at - 1]!);
  const ends = new Int32Array(sources.length);
  const words = new Int32Array(total);
  const codes = new Uint8Array(total);
  let k = 0;
  sources.forEach((s, d) => {
    if ('part' in s) {
      for (let j = 0; j < s.part.words.length; j++, k++) {
        words[k] = wordId(s.part.words[j]!);
        codes[k] = s.part.codes[j]!;
      }
    } else {
      const f = earlier!.forward;
      for (let j = s.at === 0 ? 0 : f.ends[s.at - 1]!; j < f.ends[s.at]!; j++, k++) {
        const old = f.words[j]!;
        let w = remap[old]!;
        if (w < 0) remap[old] = w = wordId(earlier!.core.vocabulary[old]!);
        words[k] = w;
        codes[k] = f.codes[j]!;
      }
    }
    ends[d] = k;
  });
  // Postings by word, in entry order: counted, then placed.
  const postingEnds = new Int32Array(vocabulary.length);
  for (let j = 0; j < total; j++) postingEnds[words[j]!]!++;
  let sum = 0;
  for (let w = 0; w < postingEnds.length; w++) postingEnds[w] = sum += postingEnds[w]!;
  const fill = new Int32Array(vocabulary.length);
  for (let w = 1; w < fill.length; w++) fill[w] = postingEnds[w - 1]!;
  const postings = new Int32Array(total);
  let d = 0;
  for (let j = 0; j < total; j++) {
    while (j >= ends[d]!) d++;
    postings[fill[words[j]!]!++] = d * CODE_SPAN + codes[j]!;
  }
  const docOf = (s: DocSource): Omit<IndexedDoc, 'id'> => {
    if ('part' in s) return s.part.doc;
    return docAt(earlier!.core.docs, s.at, '');
  };
  const docs = sources.map(docOf);
  return {
    core: {
      docs: {
        id: [...ids],
        aliasKey: docs.map((x) => x.aliasKey),
        titleKey: docs.map((x) => x.titleKey),
        shortKey: docs.map((x) => x.shortKey),
        titleWords: docs.map((x) => x.titleWords.map((w) => `${w} `).join('')),
        initials: stringColumn(docs.map((x) => x.initials)),
      },
      vocabulary,
      postingEnds,
      postings,
    },
    texts: FIELDS.map((_, f) => stringColumn(sources.map((s) => ('part' in s ? s.part.texts[f]! : columnAt(earlier!.texts[f]!, s.at))))),
    forward: { ends, words, codes },
  };
}

/** The index of `entries` (positions in the index are positions in `entries`); see buildSearchIndex. */
export function buildSearchIndexParts(entries: readonly Entry[], venues: VenueRegistry, orgs: OrgRegistry): SearchIndexParts {
  const part = docParts(venues, orgs);
  return assemble(entries.map((e) => ({ part: part(e) })), entries.map((e) => e.id));
}

/**
 * Builds the index of `entries`. `orgs` should know informal names (`createOrgRegistry(config, {
 * informal: true })`): an org is indexed under every name of its organisation, so `alibaba` finds
 * `[Ali]` and `microsoft` finds `[MSRA]`.
 */
export function buildSearchIndex(entries: readonly Entry[], venues: VenueRegistry, orgs: OrgRegistry): SearchIndex {
  const parts = buildSearchIndexParts(entries, venues, orgs);
  let pinyin: PinyinParts | undefined;
  const pinyinOf = (): PinyinParts => (pinyin ??= buildPinyinParts(entries));
  return openSearchIndex(parts.core, { texts: () => parts.texts, syllables: () => pinyinOf().syllables, pinyin: () => pinyinOf().pinyin });
}

/** The index after a change of the store: entries kept are taken from `previous`, the others indexed anew. */
export function updateSearchIndexParts(previous: SearchIndexParts, change: StoreChange, entriesAt: (positions: number[]) => Entry[], ids: readonly string[], venues: VenueRegistry, orgs: OrgRegistry): SearchIndexParts {
  const fresh: number[] = [];
  change.previous.forEach((at, i) => at < 0 && fresh.push(i));
  const part = docParts(venues, orgs);
  const made = new Map(entriesAt(fresh).map((e, k) => [fresh[k]!, part(e)]));
  const sources = Array.from(change.previous, (at, i): DocSource => (at < 0 ? { part: made.get(i)! } : { at }));
  return assemble(sources, ids, previous);
}

const orgsOf = (store: Store): OrgRegistry => createOrgRegistry(store.config.orgs ?? [], { informal: true });

/** An overlay holds at most this share of the entries (or OVERLAY_MIN of them); past it the whole index is made again. */
const OVERLAY_SHARE = 1 / 32;
const OVERLAY_MIN = 64;

/**
 * The overlay after entries changed in place (`fresh`: position -> entry now) over a whole index of
 * entries with ids `wholeIds`, from the overlay `old` over it; null when it would hold too many.
 */
export function updateOverlay(old: Overlay, wholeIds: readonly string[], fresh: ReadonlyMap<number, Entry>, ids: readonly string[], venues: VenueRegistry, orgs: OrgRegistry): Overlay | null {
  const docs = [...new Set([...old.docs, ...fresh.keys()])].sort((a, b) => a - b);
  if (docs.length > Math.max(OVERLAY_MIN, ids.length * OVERLAY_SHARE)) return null;
  const part = docParts(venues, orgs);
  const oldAt = new Map(Array.from(old.docs, (d, j) => [d, j]));
  const sources = docs.map((d): DocSource => (fresh.has(d) ? { part: part(fresh.get(d)!) } : { at: oldAt.get(d)! }));
  const over = new Set(docs);
  const renamed = { at: [] as number[], id: [] as string[] };
  ids.forEach((id, i) => {
    if (!over.has(i) && id !== wholeIds[i]) renamed.at.push(i), renamed.id.push(id);
  });
  return { docs: Int32Array.from(docs), renamed: { at: Int32Array.from(renamed.at), id: renamed.id }, ...assemble(sources, docs.map((d) => ids[d]!), old) };
}

/**
 * The parts that change with the store: when every entry kept its place and few changed (a hand
 * edit of notes), only the overlay, the index of the changed entries, is made; else a whole index
 * (entries kept are taken from the old one; those the old overlay held are indexed anew).
 */
function updateProduct(previous: SearchIndexProduct, change: StoreChange, store: Store): Partial<SearchIndexProduct> {
  const n = change.previous.length;
  const old = previous.overlay;
  const ids = store.ids();
  const stable = change.previousSize === n && change.previous.every((at, i) => at === i || at < 0);
  if (stable) {
    const fresh: number[] = [];
    change.previous.forEach((at, i) => at < 0 && fresh.push(i));
    const entries = store.entries(fresh);
    const made = updateOverlay(old, previous.core.docs.id, new Map(fresh.map((d, k) => [d, entries[k]!])), ids, store.venues, orgsOf(store));
    if (made) return { overlay: made };
  }
  // Entries the old overlay held are not the whole index's: made anew.
  const overlaid = new Set(old.docs);
  const positions = change.previous.map((at) => (at >= 0 && overlaid.has(at) ? -1 : at));
  const whole = updateSearchIndexParts(previous, { previous: positions, previousSize: change.previousSize }, (p) => store.entries(p), ids, store.venues, orgsOf(store));
  return { ...whole, overlay: emptyOverlay() };
}

/** The store's search index (see Product). */
export const searchIndexProduct: Product<SearchIndexProduct> = {
  name: 'search-index',
  version: 8,
  parts: { core: SearchCoreSchema, texts: z.array(StringColumnSchema), forward: ForwardSchema, overlay: OverlaySchema },
  build: (store) => ({ ...buildSearchIndexParts(store.entries(), store.venues, orgsOf(store)), overlay: emptyOverlay() }),
  update: updateProduct,
};

/** The store's search index, ready for queries (its texts read only when a query needs them). */
export function searchIndexOf(store: Store): SearchIndex {
  const parts = store.derive(searchIndexProduct);
  // NOTE: the core before the overlay: were a part found damaged, both come from the same build.
  const core = parts.core;
  const over = { overlay: parts.overlay, forward: () => parts.forward };
  // NOTE: the pinyin is a product of its own: making it takes seconds on a large digest, which only the
  // first query word that may be pinyin pays (a warm one reads it from the cache).
  return openSearchIndex(core, { texts: () => parts.texts, syllables: () => store.derive(pinyinIndexProduct).syllables, pinyin: () => store.derive(pinyinIndexProduct).pinyin }, over);
}
