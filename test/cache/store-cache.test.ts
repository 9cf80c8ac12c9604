import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, fingerprintsFrom, knownHash, SETTLE_MS } from '../../src/cache/fingerprint.js';
import { cacheDir } from '../../src/cache/slot.js';
import { CACHE_FORMAT } from '../../src/cache/versions.js';
import { buildStore } from '../../src/store/build.js';
import { loadStore } from '../../src/store/load.js';
import { parseDigest, reuseChunks, type ChunkReuse } from '../../src/store/parse.js';
import { cacheSections } from '../helpers/cache-file.js';
import { memoryIo, run, type MemoryIo } from '../helpers/memory-io.js';
import { seedFiles } from '../helpers/seed.js';

const CACHE = '/home/user/.cache/papers';
const cacheFiles = (io: MemoryIo) => [...io.files.keys()].filter((f) => f.startsWith(`${CACHE}/`)).sort();
const storeFile = (io: MemoryIo) => cacheFiles(io).find((f) => f.includes('/store-'))!;
const listJson = async (io: MemoryIo, ...args: string[]) => (await run(io, ...args, 'list', '--json')).stdout;

/** A fresh io sharing `io`'s files (a second process on the same disk). */
const again = (io: MemoryIo) => memoryIo(Object.fromEntries(io.files), { cwd: '/work' });

describe('parse cache', () => {
  it('lives in $XDG_CACHE_HOME/papers, else ~/.cache/papers', () => {
    expect(cacheDir(memoryIo({}, { env: { XDG_CACHE_HOME: '/xdg' } }))).toBe('/xdg/papers');
    expect(cacheDir(memoryIo({}, { env: { XDG_CACHE_HOME: 'relative' } }))).toBe(CACHE);
    expect(cacheDir(memoryIo({}))).toBe(CACHE);
  });

  it('gives the same store warm as a fresh parse, and never writes inside the notes folder', async () => {
    const fresh = await listJson(memoryIo(seedFiles()), '--no-cache');
    const io = memoryIo(seedFiles());
    expect(await listJson(io)).toBe(fresh);
    expect(cacheFiles(io).length).toBeGreaterThan(0);
    expect([...io.files.keys()].filter((f) => f.startsWith('/work/notes/'))).toEqual(['/work/notes/papers.md', '/work/notes/papers.config.json']);
    const warm = again(io);
    expect(await listJson(warm)).toBe(fresh);
  });

  it('--no-cache neither reads nor writes the cache', async () => {
    const io = memoryIo(seedFiles());
    await run(io, '--no-cache', 'list');
    expect(cacheFiles(io)).toEqual([]);
  });

  it.each([
    ['corrupt', (data: Uint8Array) => data.map((b, i) => (i === data.length - 10 ? b ^ 0xff : b))],
    ['partial', (data: Uint8Array) => data.slice(0, Math.floor(data.length / 2))],
    ['empty', () => new Uint8Array()],
    ['foreign version', (data: Uint8Array) => {
      const text = Buffer.from(data).toString('latin1');
      const format = `"identity":"[${CACHE_FORMAT},`;
      expect(text).toContain(format);
      // Byte for byte the same file but for the format number (in each header: a file appended to has several).
      return new Uint8Array(Buffer.from(text.replaceAll(format, `"identity":"[${CACHE_FORMAT + 1},`), "latin1"));
    }],
    ['garbage', () => new TextEncoder().encode('PAPERSC1 not really')],
  ])('ignores and rebuilds a %s cache file', async (_name, damage) => {
    const fresh = await listJson(memoryIo(seedFiles()), '--no-cache');
    const io = memoryIo(seedFiles());
    await listJson(io);
    const file = storeFile(io);
    const damaged = damage(io.files.get(file)!);
    io.files.set(file, damaged);
    const next = again(io);
    expect(await listJson(next)).toBe(fresh);
    expect(next.files.get(file)).not.toEqual(damaged);
  });

  it('sees every change to the notes and to the parse-relevant config', async () => {
    const io = memoryIo(seedFiles());
    await listJson(io);
    const edited = again(io);
    const text = new TextDecoder().decode(edited.files.get('/work/notes/papers.md'));
    edited.files.set('/work/notes/papers.md', new TextEncoder().encode(text.replace('### Dount: ', '### Donut: ')));
    const titles = JSON.parse(await listJson(edited)).map((e: { title: string }) => e.title);
    expect(titles).toContain('Donut');
    expect(titles).not.toContain('Dount');

    const reconfigured = again(edited);
    reconfigured.files.set('/work/notes/papers.config.json', new TextEncoder().encode('{"sections": {"text": "OCR 文字识别"}}'));
    const entries = JSON.parse(await listJson(reconfigured, '--notes', 'notes'));
    expect(entries.find((e: { title: string }) => e.title === 'Donut').sectionSlug).toBe('text');
  });

  it('adds links when a later command needs them', async () => {
    const io = memoryIo(seedFiles());
    await run(io, 'list'); // the table: links skipped
    const next = again(io);
    const entries = JSON.parse(await listJson(next));
    expect(entries.flatMap((e: { links: unknown[] }) => e.links)).toHaveLength(2);
  });

  it('reparses only the chunks that changed, and reuses the others as they were parsed', () => {
    const text = "## S\n### A\n- [a](a.md)\n### B\n- [b](b.md)\n### C\n- [c](c.md)\n";
    const first = parseDigest(text, 'x.md');
    const counting = (): { reuse: ChunkReuse; reused: string[] } => {
      const known = reuseChunks(first.chunks!);
      const reused: string[] = [];
      return { reused, reuse: { get: (source) => { const hit = known.get(source); if (hit) reused.push(source.text.split('\n')[0]!); return hit; } } };
    };
    // A section before, and B's link changed: A and C are reused where they now are.
    const edited = `## New\n### Z\n- z\n${text.replace('[b](b.md)', '[b](b2.md)')}`;
    const one = counting();
    const second = parseDigest(edited, 'x.md', one);
    expect(one.reused).toEqual(['### A', '### C']);
    expect(buildStore([second])).toEqual(buildStore([parseDigest(edited, 'x.md')]));
    expect(second.entries[3]!.line).toBe(9);
    // B and C moved into another section: their parse depends on it, so they are parsed again.
    const moved = text.replace('### B', '## T\n### B');
    const two = counting();
    expect(buildStore([parseDigest(moved, 'x.md', two)])).toEqual(buildStore([parseDigest(moved, 'x.md')]));
    expect(two.reused).toEqual(['### A']);
  });

  it('returns what a fresh parse returns, for any digest and any edit (property)', async () => {
    const line = fc.constantFrom('## S', '### A[KDD\'18][x]', '### B(b)', '- [l](a.md) TODO', '- https://x.org', '[r]: https://r.org', '- see [r]', '```', '', 'text');
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 25 }), fc.array(line, { maxLength: 25 }), async (a, b) => {
        const io = memoryIo({ '/work/notes/x.md': a.join('\n') });
        await listJson(io);
        const next = again(io);
        next.files.set('/work/notes/x.md', new TextEncoder().encode(b.join('\n')));
        const cached = await loadStore(next, {});
        const fresh = await loadStore(memoryIo({ '/work/notes/x.md': b.join('\n') }), { cache: false });
        expect(cached.digest()).toEqual(fresh.digest());
        expect(await cached.linkedDigest()).toEqual(await fresh.linkedDigest());
      }),
      { numRuns: 60 },
    );
  });

  const sectionsOf = cacheSections;
  /** The file with one byte of each named section flipped. */
  const damageSections = (data: Uint8Array, names: (name: string) => boolean): Uint8Array => {
    const out = new Uint8Array(data);
    for (const [name, [at, length]] of sectionsOf(data)) if (names(name)) out[at + Math.floor(length / 2)]! ^= 0xff;
    return out;
  };

  it('keeps entries apart from the layout: the list table reads none of them, list --json reads them all', async () => {
    const fresh = memoryIo(seedFiles());
    const freshTable = (await run(fresh, '--no-cache', 'list')).stdout;
    const freshJson = await listJson(memoryIo(seedFiles()), '--no-cache');
    const io = memoryIo(seedFiles());
    await listJson(io);
    const file = storeFile(io);
    const names = [...sectionsOf(io.files.get(file)!).keys()];
    expect(names.slice(0, 2)).toEqual(['main', 'segments']);
    expect(names.length).toBeGreaterThan(2);
    expect(names.slice(2).every((n) => /^g:[0-9a-f]{16}$/.test(n))).toBe(true);
    const damaged = damageSections(io.files.get(file)!, (name) => name.startsWith('g:'));
    io.files.set(file, damaged);
    // The table never reads the damaged groups: same output, and the file is left as it is.
    const table = again(io);
    expect((await run(table, 'list')).stdout).toBe(freshTable);
    expect(table.files.get(file)).toEqual(damaged);
    // JSON needs them: they come from a new parse, and the file is written again whole.
    const json = again(io);
    expect(await listJson(json)).toBe(freshJson);
    expect(json.files.get(file)).not.toEqual(damaged);
    expect(await listJson(again(json))).toBe(freshJson);
  });

  it('search and show read the texts of the entries they print, from a damaged cache too', async () => {
    const io = memoryIo(seedFiles());
    await run(io, 'search', '量化');
    const fresh = {
      search: (await run(memoryIo(seedFiles()), '--no-cache', 'search', '量化', '--json')).stdout,
      show: (await run(memoryIo(seedFiles()), '--no-cache', 'show', 'din')).stdout,
    };
    const warm = again(io);
    expect((await run(warm, 'search', '量化', '--json')).stdout).toBe(fresh.search);
    // Every section but the store's main part damaged: the index is built again, entries parsed again.
    const broken = again(io);
    for (const f of cacheFiles(broken).filter((f) => /\/(store|product-search-index)-/.test(f))) {
      broken.files.set(f, damageSections(broken.files.get(f)!, (name) => name !== 'main'));
    }
    expect((await run(again(broken), 'search', '量化', '--json')).stdout).toBe(fresh.search);
    expect((await run(again(broken), 'show', 'din')).stdout).toBe(fresh.show);
  });

  it('does not read a notes file whose stat is as recorded, and reads it when it changes', async () => {
    const io = memoryIo(seedFiles());
    const before = (await run(io, 'list')).stdout;
    expect(cacheFiles(io).some((f) => f.includes('/files-'))).toBe(true);
    // Unreadable now: the table comes from the cache alone, by the stat.
    const unreadable = memoryIo(Object.fromEntries(io.files), { unreadable: { '/work/notes/papers.md': 'EACCES' } });
    expect((await run(unreadable, 'list')).stdout).toBe(before);
    // New bytes are a new change time: read, hashed, and parsed.
    const edited = again(io);
    const text = new TextDecoder().decode(edited.files.get('/work/notes/papers.md'));
    edited.files.set('/work/notes/papers.md', new TextEncoder().encode(text.replace('### Dount: ', '### Donut: ')));
    expect((await run(edited, 'list')).stdout).toContain('Donut');
  });

  /** The shipped digest, cached, then changed in place (same array, so the same change time, as a write in one clock tick). */
  const changedInPlace = async () => {
    const io = memoryIo(seedFiles());
    await listJson(io);
    const next = again(io);
    const data = next.files.get('/work/notes/papers.md')!;
    const at = Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf('### Dount');
    expect(at).toBeGreaterThan(0);
    data.set(new TextEncoder().encode('### Donut'), at);
    return next;
  };

  it('refuses bytes that differ from the hash the stat vouched for, when it must read them later', async () => {
    const io = await changedInPlace();
    // The texts must come from the notes: the bytes read now are not the ones the store was made from.
    const file = storeFile(io);
    io.files.set(file, damageSections(io.files.get(file)!, (name) => name.startsWith('g:')));
    const show = await run(io, 'show', 'layoutlm');
    expect(show.code).toBe(2);
    expect(show.stderr).toContain('notes/papers.md changed while papers was reading it');
    expect(show.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads and hashes the notes at once for a command that reads their text (lint, add, note)', async () => {
    const io = await changedInPlace();
    const lint = await run(io, 'lint', '--format', 'unix');
    expect(lint.stdout).toContain('Empty entry "Donut"');
    expect(lint.stdout).not.toContain('Dount');
  });
});

describe('writers and the cache', () => {
  /** An io that records the paths papers writes with writeFile (cache files). */
  const recording = (io: MemoryIo): { io: MemoryIo; written: string[] } => {
    const written: string[] = [];
    const write = io.writeFile;
    io.writeFile = (file, data) => {
      written.push(file);
      write(file, data);
    };
    return { io, written };
  };

  it('add leaves the store cached for the bytes it wrote: the next command parses nothing', async () => {
    const io = memoryIo(seedFiles());
    await run(io, 'list');
    const added = await run(io, 'add', '--title', 'Cache Test Paper', '--venue', "KDD'24", '--section', 'ocr');
    expect(added.code).toBe(0);
    // The store comes from the cache: a list parses nothing, so writes no store.
    const next = recording(again(io));
    expect((await run(next.io, 'list')).stdout).toContain('Cache Test Paper');
    expect(next.written.filter((f) => f.includes('/store-'))).toEqual([]);
    const listed = await run(again(io), 'list', '--json');
    expect(listed.stdout).toBe(await listJson(memoryIo(Object.fromEntries(io.files)), '--no-cache'));
  });

  it('lint --fix leaves the store cached for the bytes it wrote', async () => {
    const io = memoryIo({ '/work/notes/papers.md': "## S\n### A Paper[Arxvi'20][X]\n- note\n### Other Paper[KDD'19][Y]\n- more\n" });
    await run(io, 'list');
    const fixedRun = await run(io, 'lint', '--fix');
    expect(fixedRun.stderr).toContain('fixed 1 problem');
    expect(new TextDecoder().decode(io.files.get('/work/notes/papers.md'))).toContain("[arXiv'20]");
    const next = recording(again(io));
    expect((await run(next.io, 'list')).code).toBe(0);
    expect(next.written.filter((f) => f.includes('/store-'))).toEqual([]);
    const listed = await run(again(io), 'list', '--json');
    expect(listed.stdout).toBe(await listJson(memoryIo(Object.fromEntries([...io.files].filter(([p]) => p.startsWith('/work/')))), '--no-cache'));
    expect(JSON.parse(listed.stdout).map((e: { venue: string }) => e.venue)).toEqual(['arXiv', 'KDD']);
  });

  it('note leaves the store cached too, and search updates its index from the one before', async () => {
    const io = memoryIo(seedFiles());
    await run(io, 'search', 'transformer');
    expect((await run(io, 'note', 'din', '一条新的笔记 quokka')).code).toBe(0);
    const next = recording(again(io));
    const found = await run(next.io, 'search', 'quokka', '--json');
    expect(JSON.parse(found.stdout).map((r: { id: string }) => r.id)).toEqual(['din-2018']);
    expect(found.stdout).toBe((await run(memoryIo(Object.fromEntries(io.files)), '--no-cache', 'search', 'quokka', '--json')).stdout);
    expect(next.written.filter((f) => f.includes('/store-'))).toEqual([]);
  });
});

describe('fingerprints', () => {
  const st = { kind: 'file' as const, size: 10, mtimeMs: 1000, ctimeMs: 1000, dev: 1, ino: 7, mode: 0o644 };
  it('are recorded only for a file unchanged for a few seconds', () => {
    expect(fingerprintOf('/n.md', st, 'h', 1000 + SETTLE_MS + 1)).toMatchObject({ file: '/n.md', sha1: 'h' });
    expect(fingerprintOf('/n.md', st, 'h', 1000 + SETTLE_MS)).toBeNull();
    expect(fingerprintOf('/n.md', { ...st, ctimeMs: 1000 + SETTLE_MS }, 'h', 1000 + SETTLE_MS + 1)).toBeNull();
    expect(fingerprintOf('/n.md', { ...st, mtimeMs: 2e13 }, 'h', 1000 + SETTLE_MS + 1)).toBeNull();
  });

  it('vouch for a hash only when every part of the stat is the same', () => {
    const recorded = [fingerprintOf('/n.md', st, 'h', 1e9)!];
    expect(knownHash(recorded, '/n.md', st)).toBe('h');
    expect(knownHash(recorded, '/m.md', st)).toBeNull();
    expect(knownHash(recorded, '/n.md', null)).toBeNull();
    for (const change of [{ size: 11 }, { mtimeMs: 1001 }, { ctimeMs: 1001 }, { dev: 2 }, { ino: 8 }, { kind: 'dir' as const }]) {
      expect(knownHash(recorded, '/n.md', { ...st, ...change })).toBeNull();
    }
    expect(fingerprintsFrom([{ ...recorded[0], ino: 'x' }, 'junk', null, recorded[0]])).toEqual(recorded);
    expect(fingerprintsFrom({})).toEqual([]);
  });
});

