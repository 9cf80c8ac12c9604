// The venue registry (data) and the lookup that resolves a venue as written to its canonical name.
import { editDistance, keyOf, typoBudget } from './text.js';
import type { VenueMatch } from './schema.js';

export type VenueKind = 'conference' | 'journal' | 'preprint';

export interface VenueDefinition {
  /** The canonical spelling, e.g. `NeurIPS`. */
  name: string;
  /** Other accepted names, each with its own registered spelling, e.g. `NIPS`. */
  aliases?: string[];
  /**
   * Full names, as BibTeX `booktitle`s and `journal`s write them: the first is what `papers export`
   * writes; every one (and the short names) is what `add --bibtex` recognises.
   */
  fullNames?: string[];
  /** What kind of venue: `@inproceedings`, `@article` or a preprint in BibTeX. */
  kind?: VenueKind;
}

const conf = (name: string, fullNames: string[], aliases?: string[]): VenueDefinition => ({ name, ...(aliases ? { aliases } : {}), fullNames, kind: 'conference' });
const journal = (name: string, fullNames: string[], aliases?: string[]): VenueDefinition => ({ name, ...(aliases ? { aliases } : {}), fullNames, kind: 'journal' });

/** Conferences, journals and preprint servers a reading digest meets. Extend freely; config adds more. */
export const VENUES: readonly VenueDefinition[] = [
  // Science at large
  journal('Nature', ['Nature']),
  journal('Science', ['Science', 'Science Magazine']),
  journal('PNAS', ['Proceedings of the National Academy of Sciences', 'Proceedings of the National Academy of Sciences of the United States of America', 'Proc. Natl. Acad. Sci. USA']),
  // Preprints
  { name: 'arXiv', aliases: ['CoRR'], fullNames: ['arXiv preprint', 'Computing Research Repository'], kind: 'preprint' },
  { name: 'OpenReview', fullNames: ['OpenReview', 'OpenReview.net'], kind: 'preprint' },
  // Machine learning
  conf('NeurIPS', ['Advances in Neural Information Processing Systems', 'Neural Information Processing Systems', 'Conference on Neural Information Processing Systems'], ['NIPS']),
  conf('ICML', ['International Conference on Machine Learning']),
  conf('ICLR', ['International Conference on Learning Representations']),
  conf('AAAI', ['AAAI Conference on Artificial Intelligence', 'Proceedings of the AAAI Conference on Artificial Intelligence']),
  conf('IJCAI', ['International Joint Conference on Artificial Intelligence']),
  conf('UAI', ['Conference on Uncertainty in Artificial Intelligence', 'Uncertainty in Artificial Intelligence']),
  conf('AISTATS', ['International Conference on Artificial Intelligence and Statistics']),
  conf('COLT', ['Conference on Learning Theory', 'Annual Conference on Learning Theory']),
  journal('JMLR', ['Journal of Machine Learning Research', 'J. Mach. Learn. Res.']),
  journal('TMLR', ['Transactions on Machine Learning Research', 'Trans. Mach. Learn. Res.']),
  conf('MLSys', ['Proceedings of Machine Learning and Systems', 'Conference on Machine Learning and Systems'], ['SysML']),
  // Data mining, IR, recommendation, web
  conf('KDD', ['ACM SIGKDD International Conference on Knowledge Discovery and Data Mining', 'ACM SIGKDD Conference on Knowledge Discovery and Data Mining', 'International Conference on Knowledge Discovery and Data Mining'], ['SIGKDD']),
  conf('WWW', ['The Web Conference', 'The ACM Web Conference', 'International World Wide Web Conference', 'International Conference on World Wide Web'], ['TheWebConf']),
  conf('SIGIR', ['International ACM SIGIR Conference on Research and Development in Information Retrieval', 'ACM SIGIR Conference on Research and Development in Information Retrieval']),
  conf('CIKM', ['ACM International Conference on Information and Knowledge Management', 'International Conference on Information and Knowledge Management']),
  conf('WSDM', ['ACM International Conference on Web Search and Data Mining', 'International Conference on Web Search and Data Mining']),
  conf('RecSys', ['ACM Conference on Recommender Systems']),
  conf('DLRS', ['Workshop on Deep Learning for Recommender Systems']),
  conf('ICDM', ['IEEE International Conference on Data Mining']),
  conf('SDM', ['SIAM International Conference on Data Mining']),
  conf('ECIR', ['European Conference on Information Retrieval', 'European Conference on IR Research']),
  journal('TOIS', ['ACM Transactions on Information Systems', 'ACM Trans. Inf. Syst.']),
  journal('TKDE', ['IEEE Transactions on Knowledge and Data Engineering', 'IEEE Trans. Knowl. Data Eng.']),
  conf('VLDB', ['Proceedings of the VLDB Endowment', 'Proc. VLDB Endow.', 'International Conference on Very Large Data Bases', 'Very Large Data Bases'], ['PVLDB']),
  conf('SIGMOD', ['International Conference on Management of Data', 'ACM SIGMOD International Conference on Management of Data']),
  conf('CIDR', ['Conference on Innovative Data Systems Research']),
  journal('TODS', ['ACM Transactions on Database Systems', 'ACM Trans. Database Syst.']),
  conf('ICDE', ['IEEE International Conference on Data Engineering', 'International Conference on Data Engineering']),
  // Language
  // NOTE: joint meetings (`ACL-IJCNLP 2021`, `EMNLP-IJCNLP 2019`, `NAACL-HLT 2016`) are the main conference.
  conf('ACL', ['Annual Meeting of the Association for Computational Linguistics'], ['ACL-IJCNLP']),
  conf('EMNLP', ['Conference on Empirical Methods in Natural Language Processing', 'Empirical Methods in Natural Language Processing'], ['EMNLP-IJCNLP']),
  conf(
    'NAACL',
    [
      'Conference of the North American Chapter of the Association for Computational Linguistics',
      'North American Chapter of the Association for Computational Linguistics',
      'North American Chapter of the ACL',
    ],
    ['NAACL-HLT'],
  ),
  conf('COLING', ['International Conference on Computational Linguistics']),
  conf('EACL', ['Conference of the European Chapter of the Association for Computational Linguistics', 'European Chapter of the Association for Computational Linguistics', 'European Chapter of the ACL']),
  conf('AACL', [
    'Conference of the Asia-Pacific Chapter of the Association for Computational Linguistics',
    'Asia-Pacific Chapter of the Association for Computational Linguistics',
    'Asia-Pacific Chapter of the ACL',
  ]),
  conf('CoNLL', ['Conference on Computational Natural Language Learning', 'Computational Natural Language Learning']),
  journal('TACL', ['Transactions of the Association for Computational Linguistics', 'Trans. Assoc. Comput. Linguistics']),
  conf('Interspeech', ['Annual Conference of the International Speech Communication Association']),
  conf('ICASSP', ['IEEE International Conference on Acoustics, Speech and Signal Processing', 'International Conference on Acoustics, Speech, and Signal Processing']),
  // Vision and documents
  conf('CVPR', ['IEEE/CVF Conference on Computer Vision and Pattern Recognition', 'Conference on Computer Vision and Pattern Recognition']),
  conf('ICCV', ['IEEE/CVF International Conference on Computer Vision', 'International Conference on Computer Vision']),
  conf('ECCV', ['European Conference on Computer Vision']),
  conf('BMVC', ['British Machine Vision Conference']),
  conf('WACV', ['IEEE/CVF Winter Conference on Applications of Computer Vision', 'Winter Conference on Applications of Computer Vision']),
  conf('ACCV', ['Asian Conference on Computer Vision']),
  conf('ACM MM', ['ACM International Conference on Multimedia', 'ACM Multimedia'], ['ACMMM', 'MM']),
  conf('ICDAR', ['International Conference on Document Analysis and Recognition']),
  conf('ICPR', ['International Conference on Pattern Recognition']),
  journal('TPAMI', ['IEEE Transactions on Pattern Analysis and Machine Intelligence', 'IEEE Trans. Pattern Anal. Mach. Intell.'], ['PAMI']),
  journal('IJCV', ['International Journal of Computer Vision', 'Int. J. Comput. Vis.']),
  journal('TIP', ['IEEE Transactions on Image Processing', 'IEEE Trans. Image Process.']),
  journal('TMM', ['IEEE Transactions on Multimedia', 'IEEE Trans. Multimedia']),
  journal('TCSVT', ['IEEE Transactions on Circuits and Systems for Video Technology', 'IEEE Trans. Circuits Syst. Video Technol.']),
  journal('TNNLS', ['IEEE Transactions on Neural Networks and Learning Systems', 'IEEE Trans. Neural Netw. Learn. Syst.']),
  journal('TASLP', ['IEEE/ACM Transactions on Audio, Speech, and Language Processing', 'IEEE/ACM Trans. Audio Speech Lang. Process.']),
  journal('TIFS', ['IEEE Transactions on Information Forensics and Security', 'IEEE Trans. Inf. Forensics Secur.']),
  conf('SIGGRAPH', ['ACM SIGGRAPH Conference', 'Special Interest Group on Computer Graphics and Interactive Techniques Conference']),
  journal('TOG', ['ACM Transactions on Graphics', 'ACM Trans. Graph.']),
  conf('MICCAI', ['International Conference on Medical Image Computing and Computer-Assisted Intervention', 'Medical Image Computing and Computer Assisted Intervention']),
  conf('3DV', ['International Conference on 3D Vision']),
  conf('ICME', ['IEEE International Conference on Multimedia and Expo', 'International Conference on Multimedia and Expo']),
  // Robotics
  conf('ICRA', ['IEEE International Conference on Robotics and Automation', 'International Conference on Robotics and Automation']),
  conf('IROS', ['IEEE/RSJ International Conference on Intelligent Robots and Systems', 'International Conference on Intelligent Robots and Systems']),
  conf('RSS', ['Robotics: Science and Systems']),
  // Systems, architecture, compilers, HPC
  conf('OSDI', ['USENIX Symposium on Operating Systems Design and Implementation', 'Symposium on Operating Systems Design and Implementation']),
  conf('SOSP', ['ACM Symposium on Operating Systems Principles', 'Symposium on Operating Systems Principles']),
  conf('NSDI', ['USENIX Symposium on Networked Systems Design and Implementation', 'Symposium on Networked Systems Design and Implementation']),
  conf('USENIX ATC', ['USENIX Annual Technical Conference'], ['ATC']),
  conf('EuroSys', ['European Conference on Computer Systems']),
  journal('TOCS', ['ACM Transactions on Computer Systems', 'ACM Trans. Comput. Syst.']),
  journal('CACM', ['Communications of the ACM', 'Commun. ACM']),
  conf('FAST', ['USENIX Conference on File and Storage Technologies', 'Conference on File and Storage Technologies']),
  conf('ASPLOS', ['ACM International Conference on Architectural Support for Programming Languages and Operating Systems', 'Architectural Support for Programming Languages and Operating Systems']),
  conf('ISCA', ['ACM/IEEE International Symposium on Computer Architecture', 'International Symposium on Computer Architecture', 'Annual International Symposium on Computer Architecture']),
  conf('MICRO', ['IEEE/ACM International Symposium on Microarchitecture', 'International Symposium on Microarchitecture']),
  conf('HPCA', ['IEEE International Symposium on High-Performance Computer Architecture', 'International Symposium on High-Performance Computer Architecture', 'International Symposium on High Performance Computer Architecture']),
  conf('DAC', ['ACM/IEEE Design Automation Conference', 'Design Automation Conference']),
  conf('PLDI', ['ACM SIGPLAN Conference on Programming Language Design and Implementation', 'Programming Language Design and Implementation']),
  conf('POPL', ['ACM SIGPLAN Symposium on Principles of Programming Languages', 'Symposium on Principles of Programming Languages']),
  conf('OOPSLA', ['ACM SIGPLAN Conference on Object-Oriented Programming, Systems, Languages, and Applications', 'Object-Oriented Programming, Systems, Languages, and Applications', 'Object-Oriented Programming Systems, Languages, and Applications']),
  conf('CGO', ['IEEE/ACM International Symposium on Code Generation and Optimization', 'International Symposium on Code Generation and Optimization']),
  conf('CC', ['ACM SIGPLAN International Conference on Compiler Construction', 'International Conference on Compiler Construction']),
  conf('PPoPP', ['ACM SIGPLAN Symposium on Principles and Practice of Parallel Programming', 'Symposium on Principles and Practice of Parallel Programming']),
  conf('PACT', ['International Conference on Parallel Architectures and Compilation Techniques', 'Parallel Architectures and Compilation Techniques']),
  conf('SC', ['International Conference for High Performance Computing, Networking, Storage and Analysis', 'International Conference for High Performance Computing, Networking, Storage, and Analysis'], ['Supercomputing']),
  conf('ICS', ['ACM International Conference on Supercomputing', 'International Conference on Supercomputing']),
  conf('IPDPS', ['IEEE International Parallel and Distributed Processing Symposium', 'International Parallel and Distributed Processing Symposium']),
  conf('HPDC', ['International Symposium on High-Performance Parallel and Distributed Computing', 'International Symposium on High Performance Parallel and Distributed Computing']),
  conf('SoCC', ['ACM Symposium on Cloud Computing', 'Symposium on Cloud Computing']),
  conf('SIGCOMM', ['ACM SIGCOMM Conference', 'Conference of the ACM Special Interest Group on Data Communication']),
  conf('MobiCom', ['Annual International Conference on Mobile Computing and Networking', 'International Conference on Mobile Computing and Networking']),
  conf('FPGA', ['ACM/SIGDA International Symposium on Field-Programmable Gate Arrays', 'International Symposium on Field-Programmable Gate Arrays', 'International Symposium on Field Programmable Gate Arrays']),
  journal('TC', ['IEEE Transactions on Computers', 'IEEE Trans. Computers']),
  journal('TPDS', ['IEEE Transactions on Parallel and Distributed Systems', 'IEEE Trans. Parallel Distributed Syst.']),
  // Security
  conf('CCS', ['ACM SIGSAC Conference on Computer and Communications Security', 'ACM Conference on Computer and Communications Security', 'Conference on Computer and Communications Security']),
  conf('USENIX Security', ['USENIX Security Symposium']),
  conf('S&P', ['IEEE Symposium on Security and Privacy', 'Symposium on Security and Privacy'], ['Oakland', 'IEEE S&P']),
  conf('NDSS', ['Network and Distributed System Security Symposium']),
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

export interface VenueRegistry extends NameRegistry<VenueResolution> {
  /** What the registry knows of a canonical name (built-in and config entries merged); null when unknown. */
  definition(canonical: string): VenueDefinition | null;
  /** Every venue, merged by canonical name, in registry order. */
  definitions(): readonly VenueDefinition[];
}

/**
 * Definitions merged by canonical name: aliases and full names of the later ones (the config) come
 * first, so a config's full name is the one written; its kind wins.
 */
export function mergeVenueDefinitions(definitions: readonly VenueDefinition[]): VenueDefinition[] {
  const byName = new Map<string, VenueDefinition>();
  for (const def of definitions) {
    const seen = byName.get(def.name);
    if (!seen) {
      byName.set(def.name, { ...def, aliases: [...(def.aliases ?? [])], fullNames: [...(def.fullNames ?? [])] });
      continue;
    }
    const union = (later: readonly string[] | undefined, earlier: readonly string[] | undefined): string[] => [...new Set([...(later ?? []), ...(earlier ?? [])])];
    byName.set(def.name, { name: def.name, aliases: union(seen.aliases, def.aliases), fullNames: union(def.fullNames, seen.fullNames), kind: def.kind ?? seen.kind });
  }
  return [...byName.values()].map((d) => ({ name: d.name, ...(d.aliases?.length ? { aliases: d.aliases } : {}), ...(d.fullNames?.length ? { fullNames: d.fullNames } : {}), ...(d.kind ? { kind: d.kind } : {}) }));
}

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
  // A full name (`Journal of Machine Learning Research`) names its venue too, as an alias does; it is no
  // spelling of it to suggest, and no name a typo is matched against.
  for (const def of definitions) {
    for (const full of def.fullNames ?? []) {
      const key = keyOf(full);
      if (!key || byKey.has(key) || bySpelling.has(full)) continue;
      const name = { spelling: full, canonical: def.name, key };
      bySpelling.set(full, name);
      byKey.set(key, name);
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
    // NOTE: what resolve would call canonical, alias or variant, without its fuzzy search: the heading
    // grammar asks this of every bracket and parenthesis it reads, mostly of names that are no venue.
    isKnown(name) {
      if (name.trim() === '') return false;
      if (bySpelling.has(name)) return true;
      const key = keyOf(name);
      return key !== '' && byKey.has(key);
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
  let merged: { list: VenueDefinition[]; byName: Map<string, VenueDefinition> } | undefined;
  const definitions = () => {
    if (!merged) {
      const list = mergeVenueDefinitions([...VENUES, ...extra]);
      merged = { list, byName: new Map(list.map((d) => [d.name, d])) };
    }
    return merged;
  };
  return {
    definition: (canonical) => definitions().byName.get(canonical) ?? null,
    definitions: () => definitions().list,
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
