// How a posting of the search index is coded: the entry it is in, the field, whether it is joined. Pure.

/** Where a term can match, strongest first. */
export const FIELDS = ['alias', 'title', 'venue', 'org', 'section', 'year', 'notes'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = 8;
/** Added to a posting's field code when the word is only there joined from a hyphenated one (`all-reduce`). */
export const JOINED = FIELD_COUNT;
/** A posting is `doc * CODE_SPAN + code` (code: joined * 8 + field). */
export const CODE_SPAN = 2 * FIELD_COUNT;

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
