// searchEntries: ranks indexed entries for a parsed query, in tiers (exact, title, fields, notes, typos). Pure.
import { expandYear } from '../store/heading.js';
import { editDistance, keyOf } from '../store/text.js';
import { columnAt, columnStart, eachHolding } from '../store/columns.js';
import { FIELDS, PINYIN_FIELDS, postingDoc, postingField, postingJoined, type Field, type SearchIndex } from './index.js';
import type { ParsedQuery, QueryTerm } from './query.js';
import { hasCjk, stemOf } from './normalize.js';
import { isHanAt, mayBePinyin, splitPinyin, syllableCode } from '../store/pinyin.js';
import { SHORT_TYPO_LENGTH, searchTypoBudget, typoCandidates } from './typos.js';

/**
 * word: the term as a whole word (or its plural); stem: another form of the word (`distillation`,
 * `distilled`); prefix: the start of a word; acronym: the initials of title words side by side (`byoc`);
 * substring: inside a word, or anywhere for Chinese; typo: a word within a small edit distance (for
 * Chinese, most of the term's character pairs, or its specific words close together); pinyin: the term
 * is the pinyin of a run of whole syllables of Chinese text (`lianghua` for 量化).
 */
export type MatchKind = 'word' | 'stem' | 'prefix' | 'acronym' | 'substring' | 'pinyin' | 'typo';

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
const KIND_FACTOR: Record<Exclude<MatchKind, 'typo'>, number> = { word: 1, stem: 0.8, prefix: 0.66, acronym: 0.5, substring: 0.4, pinyin: 0.25 };
/** Typos rank last: below the weakest other match, part of a word in the notes (8 * 0.4 * 0.4). */
const TYPO_SCORE: Record<Field, number> = { alias: 1, title: 1, venue: 0.9, org: 0.9, section: 0.9, year: 0.9, notes: 0.8 };
/** A query a typo away from an alias or title only orders typo hits among themselves. */
const EXACT_BONUS = { alias: 100, title: 80, id: 80, 'alias-typo': 0.25, 'title-typo': 0.2 } as const;
const PHRASE_BONUS = 20;
/** A word the field holds only written with hyphens (`all-reduce` for `allreduce`) counts a little less. */
const JOINED_FACTOR = 0.9;
/** A term of 3 letters or fewer is too short for the start of a word to beat a whole venue or org (`mm`: ACM MM before MMoE). */
const SHORT_PREFIX_CAP = 0.9 * WORD_SCORE.venue;
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
  const score = scoreOf(field, kind, false) * Math.max(0.4, Math.sqrt(term.length / word.length));
  return term.length <= 3 ? Math.min(score, SHORT_PREFIX_CAP) : score;
}

function offer(hits: TermHits, doc: number, field: Field, hit: FieldHit): void {
  let fields = hits.get(doc);
  if (!fields) hits.set(doc, (fields = new Map()));
  const old = fields.get(field);
  if (!old || hit.score > old.score) fields.set(field, hit);
}

function offerPostings(index: SearchIndex, hits: TermHits, word: string, only: SearchOptions['only'], make: (field: Field) => FieldHit | null): void {
  const list = index.postings(word);
  if (!list) return;
  for (let k = 0; k < list.length; k++) {
    const p = list[k]!;
    const doc = postingDoc(p);
    if (only && !only.has(doc)) continue;
    const field = postingField(p);
    const hit = make(field);
    if (hit) offer(hits, doc, field, postingJoined(p) ? { ...hit, score: hit.score * JOINED_FACTOR } : hit);
  }
}

/** Whether the word has a posting in one of these fields. */
function inFields(index: SearchIndex, word: string, fields: ReadonlySet<Field>): boolean {
  const list = index.postings(word);
  if (list) for (let k = 0; k < list.length; k++) if (fields.has(postingField(list[k]!))) return true;
  return false;
}

const NOT_SECTION: ReadonlySet<Field> = new Set(FIELDS.filter((f) => f !== 'section'));

function inStrongField(index: SearchIndex, word: string): boolean {
  return inFields(index, word, STRONG_FIELDS);
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
  // Whether the digest holds the word itself or another form of it, filtered out or not.
  let known = forms.some((f) => index.postings(f) !== undefined);
  // Words of section names alone do not make a word English: a section without a configured slug
  // is named by its pinyin (`tuijian` in tuijian-xitong), and the notes may say 推荐 too.
  let englishWord = forms.some((f) => inFields(index, f, NOT_SECTION));
  if (prefix || inside || stemStart) {
    for (const w of index.vocabulary) {
      if (formSet.has(w)) continue;
      if (stemStart && w.startsWith(stemStart) && stemOf(w) === stem) {
        known = true;
        englishWord = true;
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
  // Pinyin only for a word the digest does not hold in any form (`change`, `long` in English notes stay English).
  if (!englishWord && matchPinyin(index, term, only, hits)) known = true;
  if (allowsAcronym(term)) {
    eachHolding(index.initials, term, (doc) => {
      if (!only || only.has(doc)) offer(hits, doc, 'title', { kind: 'acronym', word: null, score: scoreOf('title', 'acronym', false) });
    });
  }
  // Typos only for a word the digest holds nowhere as a word or another form of it (notes included: `mips`
  // is not a typo of `nips`), and that no title, alias, venue, org or section holds as a prefix. A short
  // word is corrected only towards a word of those fields: notes are full of short words and fragments.
  const strong = [...hits.values()].some((fields) => [...fields.keys()].some((f) => STRONG_FIELDS.has(f)));
  if (!known && !strong && allowsInside(term)) {
    for (const c of typoCandidates(index.vocabulary, term)) {
      if (formSet.has(c.word) || c.word.startsWith(term)) continue;
      if (term.length <= SHORT_TYPO_LENGTH && !inStrongField(index, c.word)) continue;
      // Two edits count a little less than one.
      const weight = c.distance === 1 ? 1 : 0.8;
      offerPostings(index, hits, c.word, only, (field) => ({ kind: 'typo', word: c.word, score: scoreOf(field, 'typo', false) * weight }));
    }
  }
  return hits;
}

/** The Han characters `k .. k + n` of a text (syllable `k` of its pinyin is its `k`-th Han character). */
function hanRun(text: string, k: number, n: number): string {
  let seen = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (!isHanAt(text, i)) continue;
    if (seen === k) start = i;
    if (++seen === k + n) return text.slice(start, i + (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1));
  }
  return '';
}

/** How many syllables come before `at` in a pinyin text (codes other than the run break). */
function syllablesBefore(pinyin: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++) if (pinyin.charCodeAt(i) !== 0x7c) n++;
  return n;
}

/**
 * The term as pinyin: cut into the digest's own syllables every way it can be (`xian`: xian, xi an),
 * each way a run of two or more whole syllables of Chinese text in a title, section name or notes. A
 * single syllable never counts: it is in every other Chinese sentence (`de` 的, `ran` 自然), and short
 * English words spell one. Scores below a direct match of the word in any field. True when something matched.
 */
function matchPinyin(index: SearchIndex, term: string, only: SearchOptions['only'], hits: TermHits): boolean {
  if (!mayBePinyin(term)) return false;
  const splits = splitPinyin(term, index.syllables()).filter((split) => split.length >= 2);
  if (splits.length === 0) return false;
  let found = false;
  const columns = index.pinyin();
  for (const split of splits) {
    const pattern = split.map(syllableCode).join('');
    PINYIN_FIELDS.forEach((field, f) => {
      const column = columns[f]!;
      eachHolding(column, pattern, (doc) => {
        if (only && !only.has(doc)) return;
        found = true;
        const pinyin = columnAt(column, doc);
        const text = columnAt(index.texts()[FIELDS.indexOf(field)]!, doc);
        const word = hanRun(text, syllablesBefore(pinyin, pinyin.indexOf(pattern)), split.length);
        // As for the Chinese itself: 量化 inside 向量化 counts less than standing alone.
        const edge = word ? cjkEdgeFactor(text, word) || 0.8 : 0.8;
        offer(hits, doc, field, { kind: 'pinyin', word: word || null, score: scoreOf(field, 'pinyin', false) * edge });
      });
    });
  }
  return found;
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
/** Longer runs are not segmented into words. */
const SEGMENT_MAX = 32;

let segmenter: Intl.Segmenter | undefined;

/**
 * The words of a short run of Chinese characters (`模型蒸馏` -> 模型, 蒸馏), by `Intl.Segmenter`.
 * NOTE: only ever a query term: the segmenter is quadratic on long strings on Node 20 (31 s for 160k characters).
 */
export function cjkWords(term: string): string[] {
  if (term.length > SEGMENT_MAX || typeof Intl.Segmenter !== 'function') return [term];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(term)].map((s) => s.segment);
}

/**
 * Chinese words too general to stand for a longer term (`学习` for `强化学习`, `模型` for `模型蒸馏`): a term's
 * near misses need its other words.
 */
const CJK_GENERIC = new Set(
  '学习 模型 方法 问题 数据 训练 网络 系统 算法 技术 研究 机制 计算 深度 分析 应用 实现 设计 结构 框架 处理 任务 性能 效果 信息 基于 使用 进行 提出 通过 一种 实验 结果 优化 表示 特征'.split(' '),
);

/** Words of a near miss standing further apart than this (in characters, on one line) are not one term. */
const CJK_WINDOW = 12;

/**
 * The words of a CJK term a text must hold, close together, when it does not hold the whole term: its
 * words of two characters or more that some entry holds, except general ones (`知识蒸馏` -> 蒸馏 when no
 * entry says 知识; `注意力机制` -> 注意力). Empty when the term is one word or nothing specific is left.
 */
function requiredWordsOf(index: SearchIndex, term: string): string[] {
  const words = [...new Set(cjkWords(term))].filter((w) => w.length >= 2 && hasCjk(w) && !CJK_GENERIC.has(w));
  if (words.length === 1 && words[0] === term) return [];
  return words.filter((w) =>
    index.texts().some((column) => {
      let held = false;
      eachHolding(column, w, () => (held = true));
      return held;
    }),
  );
}

/** Whether every word occurs within {@link CJK_WINDOW} characters of an occurrence of the first, on one line. */
function heldTogether(text: string, words: readonly string[]): boolean {
  const [first, ...rest] = words;
  if (rest.length === 0) return text.includes(first!);
  for (let i = text.indexOf(first!); i >= 0; i = text.indexOf(first!, i + 1)) {
    const from = Math.max(0, i - CJK_WINDOW);
    const window = text.slice(from, i + first!.length + CJK_WINDOW);
    const at = i - from;
    const line = window.slice(window.lastIndexOf('\n', at) + 1, (window.indexOf('\n', at) + 1 || window.length + 1) - 1);
    if (rest.every((w) => line.includes(w))) return true;
  }
  return false;
}

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
  index.texts().forEach((column, f) => {
    const field = FIELDS[f]!;
    eachHolding(column, term, (doc) => {
      if (only && !only.has(doc)) return;
      offer(hits, doc, field, { kind: 'substring', word: null, score: scoreOf(field, 'substring', true) * cjkEdgeFactor(columnAt(column, doc), term) });
    });
  });
  if (hits.size === 0) nearCjk(index, term, only, hits);
  return hits;
}

/**
 * Near misses of a CJK term that nothing holds whole: texts holding 3/4 of its character pairs
 * (`混合精度训练` in notes that say 混合精度 ... 训练), or its specific words close together (`知识蒸馏`
 * and `模型蒸馏` in notes that say 模型裁剪、蒸馏). They count as typos, more for more of the term's characters.
 */
function nearCjk(index: SearchIndex, term: string, only: SearchOptions['only'], hits: TermHits): void {
  const pairs = charPairs(term);
  const needPairs = pairs.length >= 2 ? Math.max(2, Math.ceil(pairs.length * CJK_PAIR_SHARE)) : Infinity;
  const required = requiredWordsOf(index, term);
  // The longest word is looked for first.
  required.sort((a, b) => b.length - a.length);
  const chars = [...new Set(term)];
  if (needPairs === Infinity && required.length === 0) return;
  // The characters of the required words are held whenever they are; only the others are counted.
  const inRequired = chars.filter((c) => required.some((w) => w.includes(c))).length;
  const otherChars = chars.filter((c) => !required.some((w) => w.includes(c)));
  const columns = index.texts();
  for (let doc = 0; doc < index.size; doc++) {
    if (only && !only.has(doc)) continue;
    for (let f = 0; f < FIELDS.length; f++) {
      const column = columns[f]!;
      if (column.ends[doc]! - columnStart(column, doc) < 2) continue;
      const text = columnAt(column, doc);
      let nPairs = 0;
      if (needPairs !== Infinity) for (const p of pairs) if (text.includes(p)) nPairs++;
      const together = required.length > 0 && heldTogether(text, required);
      if (nPairs < needPairs && !together) continue;
      let nChars = together ? inRequired : 0;
      for (const c of together ? otherChars : chars) if (text.includes(c)) nChars++;
      const field = FIELDS[f]!;
      offer(hits, doc, field, { kind: 'typo', word: null, score: scoreOf(field, 'typo', true) * (0.6 + (0.4 * nChars) / chars.length) });
    }
  }
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

const SMALL_NUMBER = /^\d{1,2}$/;

const VENUE_FIELD: ReadonlySet<Field> = new Set(['venue']);

function isVenueWord(index: SearchIndex, word: string): boolean {
  return inFields(index, word, VENUE_FIELD);
}

/**
 * A number of one or two digits right after a venue (`osdi 18`, `osdi'18`, `NeurIPS'22`) is also that
 * venue's year, as headings write it: it matches the year 2018 (the same pivot as headings: 50 -> 1950).
 */
function matchVenueYears(index: SearchIndex, terms: readonly QueryTerm[], perTerm: TermHits[], only: SearchOptions['only']): void {
  for (let i = 1; i < terms.length; i++) {
    const [prev, term] = [terms[i - 1]!, terms[i]!];
    if (term.cjk || prev.cjk || !SMALL_NUMBER.test(term.text) || !isVenueWord(index, prev.text)) continue;
    const year = String(expandYear(term.text));
    offerPostings(index, perTerm[i]!, year, only, (field) => (field === 'year' ? { kind: 'word', word: year, score: scoreOf('year', 'word', false) } : null));
  }
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
  matchVenueYears(index, terms, perTerm, options.only);
  // A number of one or two digits that matches nowhere (`ZeRO-3`, whose 3 is only in the notes) is not
  // a term the entries must match.
  const counted = terms.filter((t, i) => !(SMALL_NUMBER.test(t.text) && perTerm[i]!.size === 0)).length;
  const need = termsNeeded(counted);
  const queryKey = keyOf(query.text);
  const queryId = query.text.trim().toLowerCase();
  const typoBudget = searchTypoBudget(queryKey.length);
  const run = query.allTerms.filter((t) => !t.cjk).map((t) => t.text);
  const candidates = new Set<number>();
  for (const hits of perTerm) for (const doc of hits.keys()) candidates.add(doc);

  const out: SearchHit[] = [];
  // The query a typo away from an alias or title: only the nearest such entries get the bonus
  // (`flashatention`: FlashAttention, not FlashAttention-2).
  const typoDistance = new Map<number, number>();
  let nearest = Infinity;
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
    if (matched < need || matched === 0) continue;
    const d = index.doc(doc);
    let exact: SearchHit['exact'] = null;
    if (queryKey && d.aliasKey === queryKey) exact = 'alias';
    else if (queryKey && (d.titleKey === queryKey || d.shortKey === queryKey)) exact = 'title';
    else if (queryId === d.id) exact = 'id';
    else if (typoBudget > 0) {
      const distance = (key: string): number => (key === '' ? Infinity : editDistance(queryKey, key, typoBudget));
      const alias = distance(d.aliasKey);
      const title = Math.min(distance(d.titleKey), distance(d.shortKey));
      const best = Math.min(alias, title);
      if (best <= typoBudget) {
        exact = alias <= title ? 'alias-typo' : 'title-typo';
        typoDistance.set(doc, best);
        nearest = Math.min(nearest, best);
      }
    }
    if (exact) score += EXACT_BONUS[exact];
    const phrase = run.length >= 2 && containsRun(d.titleWords, run);
    if (phrase) score += PHRASE_BONUS;
    out.push({ index: doc, score, matched, exact, phrase, matches });
  }
  for (const hit of out) {
    const distance = typoDistance.get(hit.index);
    if (distance !== undefined && distance > nearest) {
      hit.score -= EXACT_BONUS[hit.exact!];
      hit.exact = null;
    }
    hit.score = Math.round(hit.score * 100) / 100;
  }
  return out.sort((a, b) => b.matched - a.matched || b.score - a.score || a.index - b.index);
}
