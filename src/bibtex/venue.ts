// A BibTeX entry's venue (booktitle, journal, howpublished, eprint...) -> a venue of the registry, or
// a short form of it. Pure.
import { foldText } from '../store/text.js';
import type { VenueDefinition, VenueRegistry } from '../store/venues.js';

export interface VenueSource {
  key: string;
  /** Field values decoded to plain text, by lower-case name. */
  fields: Readonly<Record<string, string>>;
}

export interface VenueGuess {
  /** The venue to write: a registered name (maybe with ` Workshop` or ` Findings`), a short form, or null. */
  venue: string | null;
  /** `registered`: the registry's name; `short`: a short form of a venue the registry does not know. */
  how: 'registered' | 'short' | 'none';
  /** The field it was read from. */
  field: string | null;
}

/** The fields that name where a paper appeared, best first. */
const CONTAINER_FIELDS = ['booktitle', 'journaltitle', 'journal', 'howpublished', 'eventtitle'] as const;

/** Words that look like a venue's acronym but are a publisher, a place or a numeral. */
const NOT_VENUES = new Set(['IEEE', 'ACM', 'CVF', 'USENIX', 'SIAM', 'IFIP', 'IAPR', 'ISCA', 'AFIPS', 'LNCS', 'CEUR', 'PMLR', 'JMLR', 'USA', 'UK', 'EU', 'PRC', 'UAE', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'SIGPLAN', 'SIGARCH', 'SIGOPS', 'SIGSAC', 'SIGDA', 'SIGMETRICS', 'SIGSOFT', 'SIGCHI']);

const ARXIV_ID = /^(?:arxiv:)?(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i;

/** Folded words joined by single spaces, padded, for whole-word containment. */
const phrase = (text: string): string => ` ${foldText(text).replace(/&/g, ' and ').split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')} `;

/** A registered spelling written as a venue's name: with two capitals (`NeurIPS`, `ICML`), or in capitals (`INTERSPEECH`). */
function spellingWords(venues: VenueRegistry): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of venues.definitions()) {
    for (const spelling of venues.spellingsOf(def.name)) {
      const capitals = (spelling.match(/\p{Lu}/gu) ?? []).length;
      if (capitals >= 2) out.set(spelling, def.name);
      if (spelling.length >= 2) out.set(spelling.toUpperCase(), def.name);
    }
  }
  return out;
}

interface Found {
  name: string;
  /** Followed by a year or in parentheses: `NAACL-HLT 2019`, `(CVPR)`. */
  strong: boolean;
}

/** Registered names written in the text (`CVPR 2015`, `NAACL-HLT 2019`, `SC22`), the best last. */
function registeredWords(text: string, venues: VenueRegistry): Found[] {
  const known = spellingWords(venues);
  const found: Found[] = [];
  // Single words and the registered names of two words (`USENIX Security`, `ACM MM`).
  const tokens = [...text.matchAll(/[\p{L}\p{N}&]+/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  for (let i = 0; i < tokens.length; i++) {
    const candidates: Array<{ word: string; end: number }> = [];
    const next = tokens[i + 1];
    if (next && /^\s+$/.test(text.slice(tokens[i]!.end, next.start))) candidates.push({ word: `${tokens[i]!.word} ${next.word}`, end: next.end });
    candidates.push({ word: tokens[i]!.word, end: tokens[i]!.end });
    for (const c of candidates) {
      // `SC22`, `NeurIPS2020`: the name with its year.
      const withYear = /^(.*?\D)(\d{2}|\d{4})$/.exec(c.word);
      const name = known.get(c.word) ?? (withYear ? known.get(withYear[1]!) : undefined);
      if (!name) continue;
      const after = text.slice(c.end);
      const strong = Boolean(withYear && known.get(withYear[1]!)) || /^(?:-[\p{L}\p{N}]+)*\s*'?\s*(?:\d{4}|\d{2})\b/u.test(after) || (text[tokens[i]!.start - 1] === '(' && after.startsWith(')'));
      // A name of two letters (SC, CC, MM) is as likely a US state or a licence: only with a year or in parentheses.
      if (strong || c.word.replace(/\d+$/, '').length > 2) found.push({ name, strong });
      if (c.word.includes(' ')) i++;
      break;
    }
  }
  return found;
}

/** An acronym the registry does not know, written as a venue's name: followed by a year, or alone in parentheses. */
function unknownAcronym(text: string, venues: VenueRegistry): string | null {
  const acronym = /(?:^|[\s,(:;])([A-Z][A-Za-z&]*[A-Z][A-Za-z&]*)(?:(?:-[A-Za-z]+)*\s*'?\s*(?:19|20)?\d{2}\b|\))/g;
  let last: string | null = null;
  for (const m of text.matchAll(acronym)) {
    const word = m[1]!;
    if (word.length > 15 || NOT_VENUES.has(word) || venues.isKnown(word)) continue;
    if ((word.match(/[A-Z]/g) ?? []).length < 2) continue;
    last = word;
  }
  return last;
}

/** The venue whose full name the text holds; the longest full name wins (NAACL's holds ACL's words). */
function byFullName(text: string, venues: VenueRegistry): string | null {
  const haystack = phrase(text);
  let best: { name: string; length: number } | null = null;
  for (const def of venues.definitions()) {
    for (const full of def.fullNames ?? []) {
      const needle = phrase(full);
      if (needle.trim() === '' || !haystack.includes(needle)) continue;
      if (!best || needle.length > best.length) best = { name: def.name, length: needle.length };
    }
  }
  return best?.name ?? null;
}

/** `EMNLP` in "Findings of the ACL: EMNLP 2020" is EMNLP's Findings; `CVPR` in "CVPR Workshops" a workshop. */
function qualified(name: string, text: string, definition: VenueDefinition | null): string {
  const own = (definition?.fullNames ?? []).some((f) => /workshop/i.test(f));
  if (/\bfindings\b/i.test(text)) return `${name} Findings`;
  if (/\bworkshops?\b/i.test(text) && !own) return `${name} Workshop`;
  return name;
}

/**
 * A short name for a venue the registry does not know: the text up to its first comma, colon or
 * parenthesis, without "Proceedings of the", ordinals and years (`Nature`, `Journal of Foo`).
 */
export function shortVenue(text: string): string | null {
  const cut = text
    .replace(/^\s*(?:(?:19|20)\d{2}\s+)?(?:proceedings|proc\.?)(?:\s+of)?(?:\s+the)?\s+/i, '')
    .replace(/^\s*the\s+/i, '')
    .split(/[,:;(）（]/)[0]!
    .replace(/\b\d+(?:st|nd|rd|th)\b/gi, ' ')
    .replace(/\b(?:19|20)\d{2}\b/g, ' ')
    .replace(/[[\]【】{}'’‘`´"]/g, ' ')
    .replace(/\s+\d+\s*$/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cut === '' ? null : cut;
}

/** An arXiv preprint by its eprint fields, URL or DOI. */
function isArxivEntry(fields: Readonly<Record<string, string>>): boolean {
  if (/arxiv/i.test(fields.archiveprefix ?? '') || /arxiv/i.test(fields.eprinttype ?? '')) return true;
  if (fields.eprint && ARXIV_ID.test(fields.eprint.trim()) && !fields.eprinttype && !fields.archiveprefix) return true;
  return /arxiv\.org\//i.test(fields.url ?? '') || /^10\.48550\/arxiv\./i.test(fields.doi ?? '');
}

export function venueFromBibtex(source: VenueSource, venues: VenueRegistry): VenueGuess {
  const { fields } = source;
  const field = CONTAINER_FIELDS.find((f) => (fields[f] ?? '').trim() !== '') ?? null;
  const text = field === null ? '' : fields[field]!.trim();
  const registered = (name: string): VenueGuess => ({ venue: qualified(name, text, venues.definition(name)), how: 'registered', field });
  if (field !== null) {
    // "arXiv preprint arXiv:2111.15664" (Google Scholar), "CoRR" (DBLP).
    if (/\barxiv\b/i.test(text) || /^corr$/i.test(text) || /^CoRR\b/.test(text)) return { venue: 'arXiv', how: 'registered', field };
    const words = registeredWords(text, venues);
    const word = words.filter((w) => w.strong).at(-1) ?? words.at(-1);
    if (word) return registered(word.name);
    const acronym = unknownAcronym(text, venues);
    if (acronym) return { venue: qualified(acronym, text, null), how: 'short', field };
    const full = byFullName(text, venues);
    if (full) return registered(full);
  }
  // DBLP's keys name the venue: DBLP:conf/naacl/DevlinCLT19, DBLP:journals/corr/abs-2111-15664.
  const dblp = /^DBLP:(?:conf|journals)\/([^/]+)\//.exec(source.key);
  if (dblp && venues.isKnown(dblp[1]!)) return registered(venues.canonicalOf(dblp[1]!)!);
  if (field === null) return isArxivEntry(fields) ? { venue: 'arXiv', how: 'registered', field: 'eprint' } : { venue: null, how: 'none', field: null };
  const short = shortVenue(text);
  return short === null ? { venue: null, how: 'none', field } : { venue: short, how: 'short', field };
}
