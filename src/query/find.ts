// findEntries: what `show` and `note` take as a target: an id, an alias or words of a title.
import type { Entry } from '../store/schema.js';
import { foldText } from '../store/text.js';

/** Exact id, then exact alias, then exact title, then entries whose title holds every word. */
export function findEntries<E extends Pick<Entry, 'id' | 'alias' | 'title'>>(entries: readonly E[], query: string): E[] {
  const q = foldText(query.trim());
  if (!q) return [];
  const byId = entries.filter((e) => e.id === q);
  if (byId.length) return byId;
  const byAlias = entries.filter((e) => e.alias !== null && foldText(e.alias) === q);
  if (byAlias.length) return byAlias;
  const byTitle = entries.filter((e) => foldText(e.title) === q);
  if (byTitle.length) return byTitle;
  const words = q.split(/\s+/).filter(Boolean);
  const byIdPrefix = words.length === 1 ? entries.filter((e) => e.id.startsWith(q)) : [];
  const byWords = entries.filter((e) => {
    const title = foldText(e.title);
    return words.every((w) => title.includes(w));
  });
  const hits = new Set<E>([...byIdPrefix, ...byWords]);
  return entries.filter((e) => hits.has(e));
}
