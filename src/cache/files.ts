// The notes files' hashes, vouched for by their stat (cache/fingerprint.ts), kept in `files-*.bin`.
import type { FileStat } from '../io.js';
import { fingerprintOf, fingerprintsFrom, knownHash, type Fingerprint } from './fingerprint.js';
import type { CacheSlot } from './slot.js';

const KIND = 'files';

export interface KnownFiles {
  /** The hash recorded for the file, when its stat is the one recorded with it. */
  hashOf(path: string, st: FileStat | null): string | null;
  /** Records a file's hash just taken, with its stat (when settled enough to be trusted later). */
  hashed(path: string, st: FileStat | null, sha1: string): void;
  /** Writes what was recorded, when anything new was. */
  save(): void;
}

export function knownFiles(slot: CacheSlot, now: number): KnownFiles {
  const recorded = fingerprintsFrom(slot.read(KIND, 'fingerprints')?.section('main'));
  const kept: Fingerprint[] = [];
  let changed = false;
  return {
    hashOf(path, st) {
      const known = knownHash(recorded, path, st);
      if (known !== null) kept.push(recorded.find((f) => f.file === path && f.sha1 === known)!);
      return known;
    },
    hashed(path, st, sha1) {
      const fingerprint = st && fingerprintOf(path, st, sha1, now);
      if (fingerprint) kept.push(fingerprint);
      changed = true;
    },
    save() {
      if (changed) slot.write(KIND, { key: 'fingerprints' }, { main: kept });
    },
  };
}
