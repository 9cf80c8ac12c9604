import { describe, expect, it } from 'vitest';
import { describeHolder, LOCK_STALE_MS, parseLockOwner, sameLock, type SeenLock, staleReason } from '../../src/edit/lock-state.js';

const now = 1_800_000_000_000;
const here = { host: 'desk', boot: 'b1', now, alive: (pid: number) => pid === 42 };
const owner = (pid: number, host = 'desk', boot = 'b1', token = 't') => ({ pid, host, boot, token });
const file = (o: SeenLock['owner'], ageMs = 0): SeenLock => ({ kind: 'file', mtimeMs: now - ageMs, ino: 7, owner: o });

describe('staleReason', () => {
  it.each<[string, SeenLock, string | null]>([
    ['a live holder here, fresh', file(owner(42)), null],
    ['a live holder here, refreshed late but within the stale time', file(owner(42), LOCK_STALE_MS - 1), null],
    ['a holder here whose process is gone, fresh', file(owner(43)), 'its holder, process 43, is gone'],
    ['a holder here from before a reboot', file(owner(42, 'desk', 'b0')), 'its holder, process 42, ran before the machine restarted'],
    ['a holder on another machine, fresh (its pid means nothing here)', file(owner(43, 'laptop')), null],
    ['a holder on another machine, not refreshed', file(owner(43, 'laptop'), LOCK_STALE_MS + 1_000), 'not refreshed for 11 s'],
    ['a live pid here that is no longer the holder (reused), not refreshed', file(owner(42), LOCK_STALE_MS + 1_000), 'not refreshed for 11 s'],
    ['no record (being written, damaged), fresh', file(null), null],
    ['no record, not refreshed', file(null, 60_000), 'not refreshed for 60 s'],
    ['dated in the future beyond a refresh', file(owner(42, 'laptop'), -LOCK_STALE_MS - 1), 'dated in the future (a clock set back?)'],
    ['dated a little ahead', file(owner(42, 'laptop'), -1_000), null],
    ['an older papers\' folder, fresh', { kind: 'folder', mtimeMs: now, ino: 1, owner: null }, null],
    ['an older papers\' folder, stale', { kind: 'folder', mtimeMs: now - 20_000, ino: 1, owner: null }, 'not refreshed for 20 s'],
  ])('%s', (_name, lock, reason) => {
    expect(staleReason(lock, here)).toBe(reason);
  });

  it('checks the pid where neither side knows a boot id (not Linux), and not where only one does', () => {
    expect(staleReason(file(owner(43, 'desk', '')), { ...here, boot: '' })).toBe('its holder, process 43, is gone');
    expect(staleReason(file(owner(43, 'desk', '')), here)).toBeNull();
  });
});

describe('parseLockOwner', () => {
  it('reads a record and refuses what is not one', () => {
    expect(parseLockOwner('{"pid":5,"host":"h","boot":"","token":"x","extra":1}')).toEqual({ pid: 5, host: 'h', boot: '', token: 'x' });
    for (const text of ['', '{', 'null', '[]', '{"pid":-1,"host":"h","boot":"","token":"x"}', '{"pid":5,"host":"h","boot":"","token":""}', '{"pid":1.5,"host":"h","boot":"","token":"x"}']) {
      expect(parseLockOwner(text)).toBeNull();
    }
  });
});

describe('sameLock', () => {
  it('is the same holding by token when there is a record, by inode and date otherwise', () => {
    expect(sameLock(file(owner(1, 'h', 'b', 'a')), file(owner(2, 'h', 'b', 'a')))).toBe(true);
    expect(sameLock(file(owner(1, 'h', 'b', 'a')), file(owner(1, 'h', 'b', 'b')))).toBe(false);
    expect(sameLock(file(null), file(owner(1)))).toBe(false);
    expect(sameLock(file(null, 5), file(null, 5))).toBe(true);
    expect(sameLock(file(null, 5), { ...file(null, 5), ino: 8 })).toBe(false);
  });
});

describe('describeHolder', () => {
  it('names the holder for the message of a writer that gave up', () => {
    expect(describeHolder(file(owner(9, 'laptop')))).toBe('process 9 on laptop');
    expect(describeHolder({ kind: 'folder', mtimeMs: 0, ino: 0, owner: null })).toBe('another papers process (an older version)');
  });
});
