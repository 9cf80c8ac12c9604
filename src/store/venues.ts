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

interface RegistryName {
  spelling: string;
  canonical: string;
  key: string;
}

export interface VenueRegistry {
  resolve(raw: string | null): VenueResolution;
  /** Every key (canonical and aliases) that names this canonical venue. */
  keysOf(canonical: string): string[];
  /** The canonical name for any spelling, including misspellings; null when unknown. */
  canonicalOf(name: string): string | null;
  names(): string[];
}

export function createVenueRegistry(extra: readonly VenueDefinition[] = []): VenueRegistry {
  const byKey = new Map<string, RegistryName>();
  const keysByCanonical = new Map<string, string[]>();
  const all: RegistryName[] = [];
  for (const def of [...VENUES, ...extra]) {
    for (const spelling of [def.name, ...(def.aliases ?? [])]) {
      const key = keyOf(spelling);
      if (!key || byKey.has(key)) continue;
      const name = { spelling, canonical: def.name, key };
      byKey.set(key, name);
      all.push(name);
      const keys = keysByCanonical.get(def.name) ?? [];
      keys.push(key);
      keysByCanonical.set(def.name, keys);
    }
  }
  const cache = new Map<string, VenueResolution>();

  function lookup(raw: string): VenueResolution {
    const key = keyOf(raw);
    if (!key) return { venue: raw, match: 'unknown', suggestion: null };
    const hit = byKey.get(key);
    if (hit) {
      if (raw === hit.spelling) {
        return { venue: hit.canonical, match: hit.spelling === hit.canonical ? 'canonical' : 'alias', suggestion: null };
      }
      return { venue: hit.canonical, match: 'variant', suggestion: hit.spelling };
    }
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
    if (best && !tie && bestDistance <= budget && bestDistance < key.length / 2) {
      return { venue: best.canonical, match: 'misspelled', suggestion: best.spelling };
    }
    return { venue: raw, match: 'unknown', suggestion: null };
  }

  return {
    resolve(raw) {
      if (raw === null || raw.trim() === '') return { venue: null, match: 'none', suggestion: null };
      let r = cache.get(raw);
      if (!r) {
        r = lookup(raw);
        cache.set(raw, r);
      }
      return r;
    },
    keysOf: (canonical) => keysByCanonical.get(canonical) ?? [keyOf(canonical)],
    canonicalOf(name) {
      const r = this.resolve(name);
      return r.match === 'unknown' || r.match === 'none' ? null : r.venue;
    },
    names: () => [...keysByCanonical.keys()],
  };
}
