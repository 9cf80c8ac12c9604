// Products of a store (see store/product.ts) kept between runs: one file per product and notes
// location, its header naming the state of the store it was made for, each part a section read and
// checked on first use. For another state, a product that can update is updated from its old value
// (its entries matched by their chunks' keys); any other is built again.
import * as z from 'zod/mini';
import { columnAt, StringColumnSchema, type StringColumn } from '../store/columns.js';
import type { Product, StoreChange } from '../store/product.js';
import type { Store } from '../store/store.js';
import { checker } from './check.js';
import type { CacheFile } from './format.js';
import { textKey } from './hash.js';
import type { CacheSlot } from './slot.js';

/** What a product's cache file is checked against: the config, the state of the store, its entries' keys. */
export interface ProductInputs {
  /** Of the config that shapes the store. */
  configKey: string;
  /** Each entry's chunk key, in store order. */
  keys: StringColumn;
  /** Of the entries' keys and ids, in order: equal for stores a product is the same for. */
  generation: string;
}

/** The generation of a store whose entries have these keys and ids. */
export function generationOf(keys: StringColumn, ids: StringColumn): string {
  return textKey(keys.joined, keys.ends.join(','), ids.joined, ids.ends.join(','));
}

const isKeys = checker(StringColumnSchema);
const partName = (name: string): string => `part:${name}`;

/** For each key of `now`, the position of the same key in `before` (each used once), else -1. */
export function changeBetween(before: StringColumn, now: StringColumn): StoreChange {
  const positions = new Map<string, number[]>();
  for (let i = before.ends.length - 1; i >= 0; i--) {
    const key = columnAt(before, i);
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  }
  const previous = new Int32Array(now.ends.length);
  for (let i = 0; i < previous.length; i++) previous[i] = positions.get(columnAt(now, i))?.pop() ?? -1;
  return { previous, previousSize: before.ends.length };
}

/** A part of a product's cache file that is missing or not what the product declares. */
class Untrusted extends Error {}

/**
 * The product's parts in `file`, each read and checked when first used. A part that cannot be
 * trusted gives `fallback()`'s value, and every part read after it too, when there is a fallback;
 * else it throws Untrusted.
 */
function partsOf<P extends Record<string, unknown>>(file: CacheFile, product: Product<P>, fallback?: () => P): P {
  const value = {} as P;
  let fell: P | undefined;
  for (const [name, schema] of Object.entries(product.parts) as Array<[keyof P & string, z.ZodMiniType]>) {
    const check = checker(schema);
    let got: unknown;
    let read = false;
    Object.defineProperty(value, name, {
      enumerable: true,
      get() {
        // Once one part fell back, every part is the fallback's.
        if (fell) return fell[name];
        if (!read) {
          got = file.section(partName(name));
          read = true;
        }
        if (check(got)) return got;
        if (!fallback) throw new Untrusted(name);
        return (fell = fallback())[name];
      },
    });
  }
  return value;
}

export function deriveProduct<P extends Record<string, unknown>>(slot: CacheSlot, inputs: ProductInputs, product: Product<P>, store: Store): P {
  const kind = `product-${product.name}`;
  const key = `${inputs.configKey}:${product.version}`;
  const names = Object.keys(product.parts) as Array<keyof P & string>;
  const write = (value: P): P => {
    const sections: Record<string, unknown> = { keys: inputs.keys };
    for (const name of names) sections[partName(name)] = value[name];
    slot.write(kind, { key, generation: inputs.generation }, sections);
    return value;
  };
  const file = slot.read(kind, key);
  if (file && file.header.generation === inputs.generation) {
    // A part that cannot be trusted means a build of the whole.
    let built: P | undefined;
    return partsOf(file, product, () => (built ??= write(product.build(store))));
  }
  const keys = file && product.update ? file.section('keys') : undefined;
  if (file && product.update && isKeys(keys)) {
    const previous = partsOf(file, product);
    let changed: Partial<P>;
    try {
      changed = product.update(previous, changeBetween(keys, inputs.keys), store);
    } catch (error) {
      if (!(error instanceof Untrusted)) throw error;
      return write(product.build(store));
    }
    // The parts the update left out stay the old file's sections (appended to, not written again).
    const sections: Record<string, unknown> = { keys: inputs.keys };
    for (const name of names) sections[partName(name)] = name in changed ? changed[name] : file.raw(partName(name));
    slot.write(kind, { key, generation: inputs.generation }, sections);
    // NOTE: a kept part found untrusted only now means a build, and from then on every part is the
    // build's: the parts a reader took before are of the same state of the store, so they agree.
    let built: P | undefined;
    const kept = partsOf(file, product, () => (built ??= write(product.build(store))));
    const value = {} as P;
    for (const name of names) {
      Object.defineProperty(value, name, { enumerable: true, get: () => (built ? built[name] : name in changed ? changed[name] : kept[name]) });
    }
    return value;
  }
  return write(product.build(store));
}
