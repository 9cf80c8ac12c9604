// The search index of a store a few entries away from the one its whole index was made for: that
// index with those entries' own small index laid over it, read as the index a build would make. Pure.
// NOTE: the same postings in the same order, the same vocabulary in the same order (of first
// appearance) as a build, so search results never depend on which of the two answered.
import { columnAt, columnStart, type StringColumn } from '../store/columns.js';
import type { Forward as ForwardData, Overlay as OverlayData, SearchCore as CoreData } from './index.js';
import { CODE_SPAN, postingDoc } from './postings.js';

/** An overlay over nothing: the whole index is the store's. */
export function isEmptyOverlay(o: OverlayData): boolean {
  return o.docs.length === 0 && o.renamed.at.length === 0;
}

/** The doc of the first posting of word `w` of an index. */
function firstDoc(core: CoreData, w: number): number {
  return postingDoc(core.postings[w === 0 ? 0 : core.postingEnds[w - 1]!]!);
}

/** The postings of word `w` of an index. */
function postingsAt(core: CoreData, w: number): Int32Array {
  return core.postings.subarray(w === 0 ? 0 : core.postingEnds[w - 1]!, core.postingEnds[w]!);
}

function wordMap(vocabulary: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < vocabulary.length; i++) map.set(vocabulary[i]!, i);
  return map;
}

/** For each word of a doc's forward list, where it first comes in it. */
function ranksIn(forward: ForwardData, doc: number): Map<number, number> {
  const ranks = new Map<number, number>();
  for (let k = doc === 0 ? 0 : forward.ends[doc - 1]!; k < forward.ends[doc]!; k++) if (!ranks.has(forward.words[k]!)) ranks.set(forward.words[k]!, k);
  return ranks;
}

/** The merged view's data: what an index reads, given the whole index, its forward lists and the overlay. */
export interface Overlaid {
  ids: string[];
  /** Position `i` of the store in the overlay's entries, or -1. */
  at: Int32Array;
  postings(word: string): Int32Array | undefined;
  vocabulary(): string[];
  initials(): StringColumn;
  texts(base: readonly StringColumn[]): StringColumn[];
}

export function overlay(base: CoreData, baseForward: () => ForwardData, o: OverlayData): Overlaid {
  const n = base.docs.id.length;
  const at = new Int32Array(n).fill(-1);
  o.docs.forEach((d, j) => (at[d] = j));
  const ids = base.docs.id.slice();
  o.renamed.at.forEach((d, k) => (ids[d] = o.renamed.id[k]!));
  o.docs.forEach((d, j) => (ids[d] = o.core.docs.id[j]!));
  let baseWords: Map<string, number> | undefined;
  let overWords: Map<string, number> | undefined;
  const baseWord = (word: string) => (baseWords ??= wordMap(base.vocabulary)).get(word);
  const overWord = (word: string) => (overWords ??= wordMap(o.core.vocabulary)).get(word);
  /** The first doc of the whole index's postings of word `w` that is not laid over, or -1. */
  const baseFirst = (w: number): number => {
    const list = postingsAt(base, w);
    for (let k = 0; k < list.length; k++) {
      const d = postingDoc(list[k]!);
      if (at[d]! < 0) return d;
    }
    return -1;
  };
  const merged = new Map<string, Int32Array | undefined>();
  const postings = (word: string): Int32Array | undefined => {
    if (merged.has(word)) return merged.get(word);
    const b = baseWord(word);
    const ow = overWord(word);
    const bl = b === undefined ? new Int32Array(0) : postingsAt(base, b);
    const ol = ow === undefined ? new Int32Array(0) : postingsAt(o.core, ow);
    const out = new Int32Array(bl.length + ol.length);
    let k = 0;
    let j = 0;
    for (let i = 0; i < bl.length; i++) {
      const d = postingDoc(bl[i]!);
      if (at[d]! >= 0) continue;
      // The overlay's postings of docs before this one come first.
      for (; j < ol.length && o.docs[postingDoc(ol[j]!)]! < d; j++) out[k++] = o.docs[postingDoc(ol[j]!)]! * CODE_SPAN + (ol[j]! % CODE_SPAN);
      out[k++] = bl[i]!;
    }
    for (; j < ol.length; j++) out[k++] = o.docs[postingDoc(ol[j]!)]! * CODE_SPAN + (ol[j]! % CODE_SPAN);
    const list = k === 0 ? undefined : k === bl.length && ol.length === 0 ? bl : out.subarray(0, k);
    merged.set(word, list);
    return list;
  };
  let vocabulary: string[] | undefined;
  /**
   * In order of first appearance: a word's place is its first doc, then where it first comes in that
   * doc. Words the overlay does not touch keep the whole index's order; the others (in the overlay,
   * or first in a doc laid over) are placed among them.
   */
  const mergedVocabulary = (): string[] => {
    const moved = new Map<string, { doc: number; rank: number }>();
    const gone = new Set<string>();
    const touched = new Set<string>(o.core.vocabulary);
    for (let w = 0; w < base.vocabulary.length; w++) if (at[firstDoc(base, w)]! >= 0) touched.add(base.vocabulary[w]!);
    // Docs of the whole index some moved word now first comes in: their words are placed by rank there.
    const landing = new Map<number, Map<number, number>>();
    const rankInBase = (doc: number, w: number): number => {
      let ranks = landing.get(doc);
      if (!ranks) landing.set(doc, (ranks = ranksIn(baseForward(), doc)));
      return ranks.get(w)!;
    };
    const overRanks = new Map<number, Map<number, number>>();
    for (const word of touched) {
      const b = baseWord(word);
      const ow = overWord(word);
      const bFirst = b === undefined ? -1 : baseFirst(b);
      const oFirst = ow === undefined ? -1 : o.docs[firstDoc(o.core, ow)]!;
      const doc = bFirst < 0 ? oFirst : oFirst < 0 ? bFirst : Math.min(bFirst, oFirst);
      if (doc < 0) gone.add(word);
      else if (b !== undefined && at[doc]! < 0 && doc === firstDoc(base, b)) continue;
      else if (doc === oFirst) {
        const j = at[doc]!;
        let ranks = overRanks.get(j);
        if (!ranks) overRanks.set(j, (ranks = ranksIn(o.forward, j)));
        moved.set(word, { doc, rank: ranks.get(ow!)! });
      } else moved.set(word, { doc, rank: rankInBase(doc, b!) });
    }
    const order = [...moved].sort((x, y) => x[1].doc - y[1].doc || x[1].rank - y[1].rank);
    const out: string[] = [];
    let m = 0;
    for (let w = 0; w < base.vocabulary.length; w++) {
      const word = base.vocabulary[w]!;
      const doc = firstDoc(base, w);
      if (moved.has(word) || gone.has(word)) continue;
      const rank = landing.has(doc) ? rankInBase(doc, w) : -1;
      for (; m < order.length && (order[m]![1].doc < doc || (order[m]![1].doc === doc && order[m]![1].rank < rank)); m++) out.push(order[m]![0]);
      out.push(word);
    }
    for (; m < order.length; m++) out.push(order[m]![0]);
    return out;
  };
  /** A column of the whole index with the overlay's entries in place of theirs: runs of it sliced, not each entry. */
  const column = (whole: StringColumn, over: StringColumn): StringColumn => {
    const parts: string[] = [];
    const ends = new Int32Array(n);
    let from = 0;
    let shift = 0;
    const run = (to: number): void => {
      parts.push(whole.joined.slice(columnStart(whole, from), columnStart(whole, to)));
      for (let i = from; i < to; i++) ends[i] = whole.ends[i]! + shift;
    };
    o.docs.forEach((d, j) => {
      run(d);
      const text = columnAt(over, j);
      parts.push(text);
      shift += text.length - (whole.ends[d]! - columnStart(whole, d));
      ends[d] = whole.ends[d]! + shift;
      from = d + 1;
    });
    run(n);
    return { joined: parts.join(''), ends };
  };
  let initials: StringColumn | undefined;
  let texts: StringColumn[] | undefined;
  return {
    ids,
    at,
    postings,
    vocabulary: () => (vocabulary ??= mergedVocabulary()),
    initials: () => (initials ??= column(base.docs.initials, o.core.docs.initials)),
    texts: (whole) => (texts ??= whole.map((c, f) => column(c, o.texts[f]!))),
  };
}
