// What an entry is as a citation: its kind (conference paper, journal article, arXiv preprint...) and
// its venue's full name, from the venue registry. Shared by the BibTeX and CSL-JSON formatters. Pure.
import type { Entry } from '../store/schema.js';
import type { VenueRegistry } from '../store/venues.js';

export type CitationKind = 'conference' | 'journal' | 'arxiv' | 'preprint' | 'misc';

export interface Citation {
  entry: Entry;
  /** `conference`, `journal`, `arxiv`, `preprint` (another server), or `misc`: no venue. */
  kind: CitationKind;
  /** The venue's full name (the registry's first), else the venue as the digest names it. */
  container: string | null;
  /** The venue's canonical short name. */
  venue: string | null;
  year: number | null;
  /** The arXiv id, when the entry's links name exactly one. */
  arxivId: string | null;
  /** The entry has no venue or no year. */
  lacking: boolean;
}

const ARXIV_LINK = /arxiv\.org\/(?:abs|pdf|html)\/((?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7})|(?:\d{4}\.\d{4,5}))(?:v\d+)?/i;

/** The one arXiv id the entry's links point to; null for none, or for links to several papers. */
export function arxivIdOf(entry: Pick<Entry, 'links'>): string | null {
  const ids = new Set(entry.links.flatMap((l) => ARXIV_LINK.exec(l.url)?.[1] ?? []));
  return ids.size === 1 ? [...ids][0]! : null;
}

export function citationOf(entry: Entry, venues: VenueRegistry): Citation {
  const definition = entry.venue === null ? null : venues.definition(entry.venue);
  let kind: CitationKind;
  if (entry.venue === null) kind = 'misc';
  else if (definition?.name === 'arXiv') kind = 'arxiv';
  else kind = definition?.kind ?? 'conference';
  return {
    entry,
    kind,
    container: entry.venue === null ? null : (definition?.fullNames?.[0] ?? entry.venue),
    venue: entry.venue,
    year: entry.year,
    arxivId: kind === 'arxiv' ? arxivIdOf(entry) : null,
    lacking: entry.venue === null || entry.year === null,
  };
}
