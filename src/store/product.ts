// A product: something computed from the store alone (a search index), declared by the module that
// owns its data and built once per state of the notes. The cache layer keeps it between runs.
import type * as z from 'zod/mini';
import type { Store } from './store.js';

/**
 * How the store changed since a product's previous value was made: for each entry of the store now,
 * the position it had then (-1 for an entry parsed anew). Entries at equal keys parse the same; ids
 * and positions may still differ.
 */
export interface StoreChange {
  previous: Int32Array;
  previousSize: number;
}

/**
 * A product of parts, each cached apart and read only when first used (the search index's folded
 * texts, which only Chinese terms need). A product depends on the entries' content and ids, never on
 * where they are in the file.
 */
export interface Product<P extends Record<string, unknown>> {
  /** Names its cache file; unique among products. */
  name: string;
  /** Bump when what `build` makes changes. */
  version: number;
  /** What each part must be when it comes back from the cache. */
  parts: { readonly [K in keyof P]: z.ZodMiniType<P[K]> };
  build(store: Store): P;
  /**
   * The value for the store now from the value for an earlier state (when cheaper than a build): the
   * parts that changed. A part left out is kept as it was (the cache does not write it again); the
   * parts of `previous` are read when first used.
   */
  update?(previous: P, change: StoreChange, store: Store): Partial<P>;
}
