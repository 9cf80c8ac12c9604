// searchEntries: ranks indexed entries for a parsed query, in tiers (exact, title, fields, notes, typos). Pure.
import { editDistance, keyOf } from '../store/text.js';
import { FIELDS, postingDoc, postingField, type Field, type SearchIndex } from './index.js';
import type { ParsedQuery, QueryTerm } from './query.js';
import { hasCjk, stemOf } from './normalize.js';
import { searchTypoBudget, typoCandidates } from './typos.js';

/**
 * word: the term as a whole word (or its plural); stem: another form of the word (`distillation`,
 * `distilled`); prefix: the start of a word; acronym: the initials of title words side by side (`byoc`);
 * substring: inside a word, or anywhere for Chinese; typo: a word within a small edit distance (for
 * Chinese, most of the term's character pairs).
 */
export type MatchKind = 'word' | 'stem' | 'prefix' | 'acronym' | 'substring' | 'typo';

export interface TermMatch {
  /** The query term, folded. */
  term: string;
  field: Field;
  kind: MatchKind;
  /** The word of the entry it matched, when not the term itself (a plural, a longer word, a typo's correction). */
  word: string | null;
}

export interface SearchHit {
  /** Position of the entry in the indexed entries. */
  index: number;
  score: number;
  /** How many of the query's terms matched. */
  matched: number;
  /**
   * The query as a whole equals the entry's alias, title (or its part before `:`) or id; or, with a
   * typo (`Transfromer` for the alias Transformer), its alias or title.
   */
  exact: 'alias' | 'title' | 'id' | 'alias-typo' | 'title-typo' | null;
  /** Two or more words of the query appear in this order, side by side, in the title. */
  phrase: boolean;
  /** Per matched term, one match per field it matched in, best first. */
  matches: TermMatch[];
}

export interface SearchOptions {
  /** Positions of the entries that may match (the filters' result); all when absent. */
  only?: ReadonlySet<number> | undefined;
}

const WORD_SCORE: Record<Field, number> = { alias: 50, title: 30, venue: 14, org: 14, section: 14, year: 14, notes: 8 };
/** Score of a kind of match relative to a whole word in the same field (typos have their own scores). */
const KIND_FACTOR: Record<Exclude<MatchKind, 'typo'>, number> = { word: 1, stem: 0.8, prefix: 0.66, acronym: 0.5, substring: 0.4 };
/** Typos rank last: below the weakest other match, part of a word in the notes (8 * 0.4 * 0.4). */
const TYPO_SCORE: Record<Field, number> = { alias: 1, title: 1, venue: 0.9, org: 0.9, section: 0.9, year: 0.9, notes: 0.8 };
/** A query a typo away from an alias or title only orders typo hits among themselves. */
const EXACT_BONUS = { alias: 100, title: 80, id: 80, 'alias-typo': 0.25, 'title-typo': 0.2 } as const;
const PHRASE_BONUS = 20;
const STRONG_FIELDS: ReadonlySet<Field> = new Set(['alias', 'title', 'venue', 'org', 'section', 'year']);

interface FieldHit {
  kind: MatchKind;
  word: string | null;
  score: number;
}

/** doc -> field -> best hit, for one term. */
type TermHits = Map<number, Map<Field, FieldHit>>;

const DIGITS = /^\d+$/;

/** The term and its plural or singular forms, which count as the same word. */
export function wordForms(term: string): string[] {
  if (term.length < 3 || DIGITS.test(term)) return [term];
  const forms = [term, `${term}s`, `${term}es`];
  if (term.endsWith('es') && term.length > 4) forms.push(term.slice(0, -2));
  if (term.endsWith('s') && term.length > 3) forms.push(term.slice(0, -1));
  return forms;
}

/** Prefix matches need 2 letters (3 in the notes); substring and typo matches need 4. */
export function allowsPrefix(term: string, field: Field): boolean {
  return !DIGITS.test(term) && term.length >= (field === 'notes' ? 3 : 2);
}

/** An acronym is 3 to 8 letters; fewer would match the initials of too many titles. */
export function allowsAcronym(term: string): boolean {
  return term.length >= 3 && term.length <= 8 && /^[a-z]+$/.test(term);
}

export function allowsInside(term: string): boolean {
  return !DIGITS.test(term) && term.length >= 4;
}

function scoreOf(field: Field, kind: MatchKind, cjk: boolean): number {
  if (kind === 'typo') return TYPO_SCORE[field];
  // NOTE: Chinese has no word boundaries: a substring hit is as good as a whole word.
  if (cjk && kind === 'substring') return WORD_SCORE[field];
  return WORD_SCORE[field] * KIND_FACTOR[kind];
}

/**
 * A prefix or substring covering more of the word counts more: `lightseq` in lightseq2 more than `sc` in
 * scheduling (the square root of the share, at least 0.4).
 */
function partScore(field: Field, kind: MatchKind, term: string, word: string): number {
  return scoreOf(field, kind, false) * Math.max(0.4, Math.sqrt(term.length / word.length));
}

function offer(hits: TermHits, doc: number, field: Field, hit: FieldHit): void {
  let fields = hits.get(doc);
  if (!fields) hits.set(doc, (fields = new Map()));
  const old = fields.get(field);
  if (!old || hit.score > old.score) fields.set(field, hit);
}

function offerPostings(index: SearchIndex, hits: TermHits, word: string, only: SearchOptions['only'], make: (field: Field) => FieldHit | null): void {
  for (const p of index.postings.get(word) ?? []) {
    const doc = postingDoc(p);
    if (only && !only.has(doc)) continue;
    const field = postingField(p);
    const hit = make(field);
    if (hit) offer(hits, doc, field, hit);
  }
}

function docCount(index: SearchIndex, words: readonly string[]): number {
  const docs = new Set<number>();
  for (const w of words) for (const p of index.postings.get(w) ?? []) docs.add(postingDoc(p));
  return docs.size;
}

function matchWord(index: SearchIndex, term: string, only: SearchOptions['only']): TermHits {
  const hits: TermHits = new Map();
  const forms = wordForms(term);
  const formSet = new Set(forms);
  // NOTE: a number of one or two digits is everywhere in notes (list numbering, sizes): it counts only in titles and aliases.
  const smallNumber = DIGITS.test(term) && term.length < 3;
  for (const form of forms) {
    offerPostings(index, hits, form, only, (field) =>
      smallNumber && field !== 'title' && field !== 'alias' ? null : { kind: 'word', word: form === term ? null : form, score: scoreOf(field, 'word', false) },
    );
  }
  const stem = stemOf(term);
  // A stem less its last letter starts every word with that stem (`quantiz` from quantization, quantized).
  const stemStart = stem !== term || stem.length >= 5 ? stem.slice(0, -1) : null;
  const prefix = allowsPrefix(term, 'title');
  const inside = allowsInside(term);
  if (prefix || inside || stemStart) {
    for (const w of index.vocabulary) {
      if (formSet.has(w)) continue;
      if (stemStart && w.startsWith(stemStart) && stemOf(w) === stem) {
        offerPostings(index, hits, w, only, (field) => ({ kind: 'stem', word: w, score: scoreOf(field, 'stem', false) }));
      } else if (prefix && w.startsWith(term)) {
        offerPostings(index, hits, w, only, (field) =>
          allowsPrefix(term, field) ? { kind: 'prefix', word: w, score: partScore(field, 'prefix', term, w) } : null,
        );
      } else if (inside && w.includes(term)) {
        offerPostings(index, hits, w, only, (field) => ({ kind: 'substring', word: w, score: partScore(field, 'substring', term, w) }));
      }
    }
  }
  if (allowsAcronym(term)) {
    index.docs.forEach((d, doc) => {
      if ((!only || only.has(doc)) && d.initials.includes(term)) offer(hits, doc, 'title', { kind: 'acronym', word: null, score: scoreOf('title', 'acronym', false) });
    });
  }
  // Typos only for a word no title, alias, venue, org or section holds (as a word or a prefix), and only
  // towards words more common than it: a correctly spelled word does not drag in its near neighbours.
  const strong = [...hits.values()].some((fields) => [...fields.keys()].some((f) => STRONG_FIELDS.has(f)));
  if (!strong && allowsInside(term)) {
    const own = docCount(index, forms);
    for (const c of typoCandidates(index.vocabulary, term)) {
      if (formSet.has(c.word) || c.word.startsWith(term)) continue;
      if (own > 0 && docCount(index, [c.word]) <= own) continue;
      // Two edits count a little less than one.
      const weight = c.distance === 1 ? 1 : 0.8;
      offerPostings(index, hits, c.word, only, (field) => ({ kind: 'typo', word: c.word, score: scoreOf(field, 'typo', false) * weight }));
    }
  }
  return hits;
}

/** Overlapping character pairs of a CJK term (`混合精度` -> 混合, 合精, 精度). */
export function charPairs(term: string): string[] {
  const chars = [...term];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return [...new Set(pairs)];
}

/** Share of a CJK term's character pairs a text must hold to count as a near miss. */
const CJK_PAIR_SHARE = 0.75;

/** Characters that usually stand alone between Chinese words: particles, conjunctions, prepositions. */
const PARTICLES = new Set([...'的了和与及或是在对把被将从为等也都而并其之由于即']);

function softEdge(ch: string | undefined): boolean {
  return ch === undefined || !hasCjk(ch) || PARTICLES.has(ch);
}

/**
 * How likely an occurrence of a CJK term is a word of its own rather than part of a longer one
 * (`量化` inside `向量化`), from the characters on either side: 0.8 to 1, the start counting most.
 */
export function cjkEdgeFactor(text: string, term: string): number {
  let best = 0;
  let seen = 0;
  for (let i = text.indexOf(term); i >= 0 && seen < 20; i = text.indexOf(term, i + term.length), seen++) {
    const f = 0.8 + (softEdge(text[i - 1]) ? 0.15 : 0) + (softEdge(text[i + term.length]) ? 0.05 : 0);
    if (f > best) best = f;
    if (best >= 1) break;
  }
  return best;
}

function matchCjk(index: SearchIndex, term: string, only: SearchOptions['only']): TermHits {
  const hits: TermHits = new Map();
  const docs = index.docs;
  for (let doc = 0; doc < docs.length; doc++) {
    if (only && !only.has(doc)) continue;
    const texts = docs[doc]!.texts;
    for (let f = 0; f < FIELDS.length; f++) {
      const text = texts[f]!;
      if (!text.includes(term)) continue;
      const field = FIELDS[f]!;
      offer(hits, doc, field, { kind: 'substring', word: null, score: scoreOf(field, 'substring', true) * cjkEdgeFactor(text, term) });
    }
  }
  // Nothing holds the whole term: entries holding most of its character pairs are near misses
  // (`混合精度训练` finds notes that say 混合精度 and 训练 apart).
  const pairs = charPairs(term);
  if (hits.size === 0 && pairs.length >= 2) {
    const need = Math.max(2, Math.ceil(pairs.length * CJK_PAIR_SHARE));
    for (let doc = 0; doc < docs.length; doc++) {
      if (only && !only.has(doc)) continue;
      const texts = docs[doc]!.texts;
      for (let f = 0; f < FIELDS.length; f++) {
        const text = texts[f]!;
        if (text.length < 2) continue;
        let n = 0;
        for (const p of pairs) if (text.includes(p)) n++;
        if (n >= need) offer(hits, doc, FIELDS[f]!, { kind: 'typo', word: null, score: scoreOf(FIELDS[f]!, 'typo', true) });
      }
    }
  }
  return hits;
}

function matchTerm(index: SearchIndex, term: QueryTerm, only: SearchOptions['only']): TermHits {
  return term.cjk ? matchCjk(index, term.text, only) : matchWord(index, term.text, only);
}

/**
 * Two neighbouring words of the query that an entry holds as one word (`layout lm` in LayoutLM,
 * `deep fm` in DeepFM) match there for both, each with half the joined word's score.
 */
function joinNeighbours(index: SearchIndex, terms: readonly QueryTerm[], perTerm: TermHits[], only: SearchOptions['only']): void {
  for (let i = 0; i + 1 < terms.length; i++) {
    const [a, b] = [terms[i]!, terms[i + 1]!];
    if (a.cjk || b.cjk) continue;
    const joined = matchWord(index, a.text + b.text, only);
    for (const [doc, fields] of joined) {
      for (const [field, hit] of fields) {
        if (hit.kind === 'typo' || hit.kind === 'substring') continue;
        const half = { ...hit, word: hit.word ?? a.text + b.text, score: hit.score / 2 };
        offer(perTerm[i]!, doc, field, half);
        offer(perTerm[i + 1]!, doc, field, half);
      }
    }
  }
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

/** How many of a query's terms an entry must match: all of one or two, then all but one in three. */
export function termsNeeded(termCount: number): number {
  return termCount - Math.floor(termCount / 3);
}

/**
 * Entries that match the query, best first: more matched terms first, then higher score (an exact
 * alias/title/id, a title phrase, then per term its best field tier), then file order.
 */
export function searchEntries(index: SearchIndex, query: ParsedQuery, options: SearchOptions = {}): SearchHit[] {
  const { terms } = query;
  if (terms.length === 0) return [];
  const perTerm = terms.map((t) => matchTerm(index, t, options.only));
  joinNeighbours(index, terms, perTerm, options.only);
  const need = termsNeeded(terms.length);
  const queryKey = keyOf(query.text);
  const queryId = query.text.trim().toLowerCase();
  const typoBudget = searchTypoBudget(queryKey.length);
  const run = query.allTerms.filter((t) => !t.cjk).map((t) => t.text);
  const candidates = new Set<number>();
  for (const hits of perTerm) for (const doc of hits.keys()) candidates.add(doc);

  const out: SearchHit[] = [];
  for (const doc of candidates) {
    let matched = 0;
    let score = 0;
    const matches: TermMatch[] = [];
    perTerm.forEach((hits, i) => {
      const fields = hits.get(doc);
      if (!fields) return;
      matched++;
      const ranked = [...fields].sort((a, b) => b[1].score - a[1].score);
      // The best field counts in full; more fields for the same term only break ties.
      ranked.forEach(([field, hit], k) => {
        score += k === 0 ? hit.score : hit.score * 0.1;
        matches.push({ term: terms[i]!.text, field, kind: hit.kind, word: hit.word });
      });
    });
    if (matched < need) continue;
    const d = index.docs[doc]!;
    let exact: SearchHit['exact'] = null;
    if (queryKey && d.aliasKey === queryKey) exact = 'alias';
    else if (queryKey && (d.titleKey === queryKey || d.shortKey === queryKey)) exact = 'title';
    else if (queryId === d.id) exact = 'id';
    else if (typoBudget > 0) {
      const near = (key: string): boolean => key !== '' && editDistance(queryKey, key, typoBudget) <= typoBudget;
      if (near(d.aliasKey)) exact = 'alias-typo';
      else if (near(d.titleKey) || near(d.shortKey)) exact = 'title-typo';
    }
    if (exact) score += EXACT_BONUS[exact];
    const phrase = run.length >= 2 && containsRun(d.titleWords, run);
    if (phrase) score += PHRASE_BONUS;
    out.push({ index: doc, score: Math.round(score * 100) / 100, matched, exact, phrase, matches });
  }
  return out.sort((a, b) => b.matched - a.matched || b.score - a.score || a.index - b.index);
}
