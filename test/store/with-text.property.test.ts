// An editor's buffers as papers lsp feeds them to the store: each new text parsed reusing the chunks
// of the one before (links included) and put in with withText, edit after edit. The store it gives is
// the store a fresh load of that text gives, and nothing of it goes to the cache.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadStore } from '../../src/store/load.js';
import { parseDigest, reuseChunks, type ParsedChunk } from '../../src/store/parse.js';
import type { Store } from '../../src/store/store.js';
import { markdownFor } from '../../src/store/texts.js';
import { memoryIo } from '../helpers/memory-io.js';

const FILE = '/work/notes/papers.md';
const START = ['# Digest', '', '## Recsys', "### Deep Interest Network(DIN)[KDD'18][Ali]", '- 用户兴趣 attention TODO read', '- see [paper](./din.pdf)', "### Wide & Deep[DLRS'16][Google]", '- memorization', '## OCR', "### Donut(DONUT)[ECCV'22][Naver]", '- OCR-free 😀', '### Dount', ''];
const line = fc.constantFrom('- a new note', '- 中文笔记 TODO', '## New Section', "### Fresh Paper(FP)[NeurIPS'20][MIT]", '### Bare', '- [x](./y.md)', '```', '');

const shape = async (store: Store) => ({
  summaries: store.summaries(),
  digest: await store.linkedDigest(),
  sections: store.sections,
});

describe('withText on an editor\'s buffers', () => {
  it('gives, edit after edit, what a fresh load of the same text gives', async () => {
    await fc.assert(
      // links: parsed with the markdown parser (as papers lsp does), or without (links read later, by linkedDigest).
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(40), fc.option(line, { nil: undefined })), { minLength: 1, maxLength: 6 }), fc.boolean(), async (edits, links) => {
        const io = memoryIo({ [FILE]: START.join('\n') }, { cwd: '/work' });
        const base = await loadStore(io, { readsText: true });
        await base.linkedDigest();
        const file = base.files[0]!.file;
        const before = new Map(io.files);
        let lines = [...START];
        let previous: Iterable<ParsedChunk> = base.parsed(file, { links }).chunks ?? [];
        let current = base;
        for (const [at, text] of edits) {
          const i = at % (lines.length + 1);
          lines = text === undefined ? lines.filter((_, j) => j !== i) : [...lines.slice(0, i), text, ...lines.slice(i)];
          const next = lines.join('\n');
          const parsed = parseDigest(next, file, { venues: base.registries.venues, todos: base.registries.todos, markdown: links ? await markdownFor([next]) : undefined, reuse: reuseChunks(previous) });
          previous = parsed.chunks ?? [];
          current = current.withText(file, next, parsed);
          const fresh = await loadStore(memoryIo({ [FILE]: next }, { cwd: '/work' }), { cache: false });
          expect(await shape(current)).toEqual(await shape(fresh));
        }
        // The buffers are no state of the notes: the cache holds what it held.
        expect([...io.files].filter(([path, bytes]) => before.get(path) !== bytes).map(([path]) => path)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
