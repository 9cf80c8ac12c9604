// Entries a new title or alias would repeat: compared by keyOf, so case, width, spaces and punctuation do not matter.
import type { Entry } from '../store/schema.js';
import { keyOf } from '../store/text.js';

/** The names an entry goes by, as comparison keys: its title and its alias. */
export function nameKeys(entry: Pick<Entry, 'title' | 'alias'>): string[] {
  const keys = [keyOf(entry.title), entry.alias === null ? '' : keyOf(entry.alias)].filter(Boolean);
  return keys.length === 2 && keys[0] === keys[1] ? [keys[0]!] : keys;
}

/** Entries that go by one of these names: a title or alias equal to the new title or alias (`TrOCR` the title is `(TrOCR)` the alias). */
export function findDuplicates<E extends Pick<Entry, 'title' | 'alias'>>(entries: readonly E[], title: string, alias: string | null): E[] {
  const wanted = new Set(nameKeys({ title, alias }));
  if (!wanted.size) return [];
  // NOTE: nameKeys without its arrays (an add checks every entry): a key never wanted is empty.
  return entries.filter((e) => wanted.has(keyOf(e.title)) || (e.alias !== null && wanted.has(keyOf(e.alias))));
}
