// The venue registry (data) and the lookup that resolves a venue as written to its canonical name.
import { editDistance, keyOf, typoBudget } from './text.js';
import type { VenueMatch } from './schema.js';

export interface VenueDefinition {
  /** The canonical spelling, e.g. `NeurIPS`. */
  name: string;
  /** Other accepted names, each with its own registered spelling, e.g. `NIPS`. */
  aliases?: string[];
}

/** Conferences, journals and preprint servers a reading digest meets. Extend freely; config adds more. */
export const VENUES: readonly VenueDefinition[] = [
  // Preprints
  { name: 'arXiv', aliases: ['CoRR'] },
  { name: 'OpenReview' },
  // Machine learning
  { name: 'NeurIPS', aliases: ['NIPS'] },
  { name: 'ICML' },
  { name: 'ICLR' },
  { name: 'AAAI' },
  { name: 'IJCAI' },
  { name: 'UAI' },
  { name: 'AISTATS' },
  { name: 'COLT' },
  { name: 'JMLR' },
  { name: 'TMLR' },
  { name: 'MLSys', aliases: ['SysML'] },
  // Data mining, IR, recommendation, web
  { name: 'KDD', aliases: ['SIGKDD'] },
  { name: 'WWW', aliases: ['TheWebConf'] },
  { name: 'SIGIR' },
  { name: 'CIKM' },
  { name: 'WSDM' },
  { name: 'RecSys' },
  { name: 'DLRS' },
  { name: 'ICDM' },
  { name: 'SDM' },
  { name: 'ECIR' },
  { name: 'TOIS' },
  { name: 'TKDE' },
  { name: 'VLDB', aliases: ['PVLDB'] },
  { name: 'SIGMOD' },
  { name: 'ICDE' },
  // Language
  { name: 'ACL' },
  { name: 'EMNLP' },
  { name: 'NAACL' },
  { name: 'COLING' },
  { name: 'EACL' },
  { name: 'AACL' },
  { name: 'CoNLL' },
  { name: 'TACL' },
  { name: 'Interspeech' },
  { name: 'ICASSP' },
  // Vision and documents
  { name: 'CVPR' },
  { name: 'ICCV' },
  { name: 'ECCV' },
  { name: 'BMVC' },
  { name: 'WACV' },
  { name: 'ACCV' },
  { name: 'ACM MM', aliases: ['ACMMM', 'MM'] },
  { name: 'ICDAR' },
  { name: 'ICPR' },
  { name: 'TPAMI', aliases: ['PAMI'] },
  { name: 'IJCV' },
  { name: 'TIP' },
  { name: 'SIGGRAPH' },
  { name: 'TOG' },
  { name: 'MICCAI' },
  { name: '3DV' },
  { name: 'ICME' },
  // Robotics
  { name: 'ICRA' },
  { name: 'IROS' },
  { name: 'RSS' },
  // Systems, architecture, compilers, HPC
  { name: 'OSDI' },
  { name: 'SOSP' },
  { name: 'NSDI' },
  { name: 'ATC', aliases: ['USENIX ATC'] },
  { name: 'EuroSys' },
  { name: 'FAST' },
  { name: 'ASPLOS' },
  { name: 'ISCA' },
  { name: 'MICRO' },
  { name: 'HPCA' },
  { name: 'DAC' },
  { name: 'PLDI' },
  { name: 'POPL' },
  { name: 'OOPSLA' },
  { name: 'CGO' },
  { name: 'CC' },
  { name: 'PPoPP' },
  { name: 'PACT' },
  { name: 'SC', aliases: ['Supercomputing'] },
  { name: 'ICS' },
  { name: 'IPDPS' },
  { name: 'HPDC' },
  { name: 'SoCC' },
  { name: 'SIGCOMM' },
  { name: 'MobiCom' },
  { name: 'FPGA' },
  { name: 'TC' },
  { name: 'TPDS' },
  // Security
  { name: 'CCS' },
  { name: 'USENIX Security' },
  { name: 'S&P', aliases: ['Oakland', 'IEEE S&P'] },
  { name: 'NDSS' },
];

export interface VenueResolution {
  /** The canonical name, or the name as written for an unknown venue, or null for none. */
  venue: string | null;
  match: VenueMatch;
  /** For a variant or misspelling: the registered spelling it should be written as. */
  suggestion: string | null;
}

/** How a name as written (a venue, an organisation) relates to a registry of canonical names. */
export interface NameResolution {
  /** The canonical name, or the name as written when unknown, or null for none. */
  name: string | null;
  match: VenueMatch;
  /** For a variant or misspelling: the registered spelling it should be written as. */
  suggestion: string | null;
}

interface RegistryName {
  spelling: string;
  canonical: string;
  key: string;
}

export interface NameRegistry<R = NameResolution> {
  resolve(raw: string | null): R;
  /** Every key (canonical and aliases) that names this canonical name. */
  keysOf(canonical: string): string[];
  /** Every registered spelling of this canonical name: itself first, then its aliases. */
  spellingsOf(canonical: string): string[];
  /** The canonical name for any spelling, including confident misspellings; null when unknown. */
  canonicalOf(name: string): string | null;
  /**
   * True when the name is registered, in any case or punctuation, but not merely close to one:
   * what decides whether a bracket group without a year (`[OSDI]`) is a venue or an organisation.
   */
  isKnown(name: string): boolean;
  names(): string[];
}

export type VenueRegistry = NameRegistry<VenueResolution>;

/**
 * A registry of canonical names with aliases. Every registered spelling is accepted as written;
 * another case or punctuation of one is a `variant`; with `fuzzy`, a name within a small edit
 * distance of exactly one registered name is `misspelled`.
 */
export function createNameRegistry(definitions: readonly VenueDefinition[], options: { fuzzy: boolean }): NameRegistry {
  const byKey = new Map<string, RegistryName>();
  const bySpelling = new Map<string, RegistryName>();
  const keysByCanonical = new Map<string, string[]>();
  const spellingsByCanonical = new Map<string, string[]>();
  const all: RegistryName[] = [];
  for (const def of definitions) {
    for (const spelling of [def.name, ...(def.aliases ?? [])]) {
      const key = keyOf(spelling);
      if (!key || bySpelling.has(spelling)) continue;
      const name = { spelling, canonical: def.name, key };
      const taken = byKey.get(key);
      // NOTE: a second spelling of a taken key is accepted only for the same canonical name
      // (`ACMMM` for `ACM MM`); for another one it stays a variant of the first.
      if (taken) {
        if (taken.canonical === def.name) {
          bySpelling.set(spelling, name);
          spellingsByCanonical.get(def.name)!.push(spelling);
        }
        continue;
      }
      bySpelling.set(spelling, name);
      const spellings = spellingsByCanonical.get(def.name) ?? [];
      spellings.push(spelling);
      spellingsByCanonical.set(def.name, spellings);
      byKey.set(key, name);
      all.push(name);
      const keys = keysByCanonical.get(def.name) ?? [];
      keys.push(key);
      keysByCanonical.set(def.name, keys);
    }
  }
  const cache = new Map<string, NameResolution>();

  function lookup(raw: string): NameResolution {
    const exact = bySpelling.get(raw);
    if (exact) return { name: exact.canonical, match: exact.spelling === exact.canonical ? 'canonical' : 'alias', suggestion: null };
    const key = keyOf(raw);
    if (!key) return { name: raw, match: 'unknown', suggestion: null };
    const hit = byKey.get(key);
    if (hit) return { name: hit.canonical, match: 'variant', suggestion: hit.spelling };
    if (!options.fuzzy) return { name: raw, match: 'unknown', suggestion: null };
    const budget = typoBudget(key.length);
    let best: RegistryName | null = null;
    let bestDistance = budget + 1;
    let tie = false;
    for (const name of all) {
      const d = editDistance(key, name.key, budget);
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance && best && best.canonical !== name.canonical) {
        tie = true;
      }
    }
    // NOTE: only a unique nearest name within the budget counts; a tie is not a guess worth making.
    if (!best || tie || bestDistance > budget || bestDistance >= key.length / 2) return { name: raw, match: 'unknown', suggestion: null };
    // A misspelling papers resolves (and lint fixes) is one it can be sure of: the same letters in
    // another order (`Arivx`, `Arixv` for arXiv), or one edit in a long name (`Neurlps`). One letter
    // off a short name is as likely another venue (`COLM` is not COLT, `ECML` is not ICML, `CVPRW`
    // is not CVPR): that is only a "did you mean", and the venue stays as written.
    if (isAnagram(key, best.key) || (bestDistance === 1 && key.length >= 6)) {
      return { name: best.canonical, match: 'misspelled', suggestion: best.spelling };
    }
    return { name: raw, match: 'unknown', suggestion: best.spelling };
  }

  return {
    resolve(raw) {
      if (raw === null || raw.trim() === '') return { name: null, match: 'none', suggestion: null };
      let r = cache.get(raw);
      if (!r) {
        r = lookup(raw);
        cache.set(raw, r);
      }
      return r;
    },
    keysOf: (canonical) => keysByCanonical.get(canonical) ?? [keyOf(canonical)],
    spellingsOf: (canonical) => spellingsByCanonical.get(canonical) ?? [canonical],
    canonicalOf(name) {
      const r = this.resolve(name);
      return r.match === 'unknown' || r.match === 'none' ? null : r.name;
    },
    isKnown(name) {
      const match = this.resolve(name).match;
      return match === 'canonical' || match === 'alias' || match === 'variant';
    },
    names: () => [...keysByCanonical.keys()],
  };
}

function isAnagram(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

export function createVenueRegistry(extra: readonly VenueDefinition[] = []): VenueRegistry {
  const names = createNameRegistry([...VENUES, ...extra], { fuzzy: true });
  const cache = new Map<string, VenueResolution>();
  return {
    resolve(raw) {
      if (raw === null) return { venue: null, match: 'none', suggestion: null };
      let r = cache.get(raw);
      if (!r) {
        const { name, match, suggestion } = names.resolve(raw);
        r = { venue: name, match, suggestion };
        cache.set(raw, r);
      }
      return r;
    },
    keysOf: names.keysOf,
    spellingsOf: names.spellingsOf,
    canonicalOf: (name) => names.canonicalOf(name),
    isKnown: (name) => names.isKnown(name),
    names: names.names,
  };
}
