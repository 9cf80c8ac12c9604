import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { CACHE_FORMAT, cacheDir } from '../../src/store/cache.js';
import type { MarkdownParser } from '../../src/store/links.js';
import { loadStore } from '../../src/store/load.js';
import { parseMarkdown } from '../../src/store/markdown.js';
import { parseDigest } from '../../src/store/parse.js';
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
      // Byte for byte the same file but for the format number.
      return new Uint8Array(Buffer.from(text.replace(format, `"identity":"[${CACHE_FORMAT + 1},`), "latin1"));
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

  it('reparses only the chunks that changed', () => {
    const text = "## S\n### A\n- [a](a.md)\n### B\n- [b](b.md)\n### C\n- [c](c.md)\n";
    const cache = new Map<string, never>();
    const linkCache = { get: (k: string) => cache.get(k), set: (k: string, v: never) => void cache.set(k, v) };
    let calls = 0;
    const counting: MarkdownParser = (t) => {
      calls++;
      return parseMarkdown(t);
    };
    const first = buildStore([parseDigest(text, 'x.md', { markdown: counting, linkCache })]);
    expect(calls).toBe(3);
    calls = 0;
    const changed = text.replace('[b](b.md)', '[b](b2.md)');
    const second = buildStore([parseDigest(`## New\n### Z\n- z\n${changed}`, 'x.md', { markdown: counting, linkCache })]);
    expect(calls).toBe(1);
    const fresh = buildStore([parseDigest(`## New\n### Z\n- z\n${changed}`, 'x.md', { markdown: parseMarkdown })]);
    expect(second).toEqual(fresh);
    expect(first.entries[0]!.links[0]!.line).toBe(3);
    expect(second.entries[1]!.links[0]!.line).toBe(6);
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
        expect(cached.digest).toEqual(fresh.digest);
      }),
      { numRuns: 60 },
    );
  });
});
