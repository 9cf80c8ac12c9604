// The shipped digest and its config, for tests that run commands on it.
import { readFileSync } from 'node:fs';

export const SEED = readFileSync(new URL('../../notes/papers.md', import.meta.url), 'utf8');
export const SEED_CONFIG = readFileSync(new URL('../../notes/papers.config.json', import.meta.url), 'utf8');

/** Files for memoryIo: the shipped notes folder under /work/notes. */
export function seedFiles(): Record<string, string> {
  return { '/work/notes/papers.md': SEED, '/work/notes/papers.config.json': SEED_CONFIG };
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}
