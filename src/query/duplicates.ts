// Entries a new title or alias would repeat: compared by keyOf, so case, width, spaces and punctuation do not matter.
import type { Entry } from '../store/schema.js';
import { keyOf } from '../store/text.js';

export function findDuplicates<E extends Pick<Entry, 'title' | 'alias'>>(entries: readonly E[], title: string, alias: string | null): E[] {
  const t = keyOf(title);
  const a = alias === null ? '' : keyOf(alias);
  return entries.filter((e) => (t !== '' && keyOf(e.title) === t) || (a !== '' && e.alias !== null && keyOf(e.alias) === a));
}
