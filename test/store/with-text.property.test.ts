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
  // Taken before the summaries are made (ids() reads the layout then), and compared with theirs.
  ids: [...store.ids()],
  summaries: store.summaries(),
  idsOfSummaries: store.summaries().map((s) => s.id),
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

describe("withEdit on an editor's keystrokes", () => {
  const typed = fc.constantFrom('x', ' ', '中', '😀', '\n', '\n\n', '- ', '#', '### ', '## ', '`', '```', '[a]: u', '<!--', '-->', '(', ')', '[', ']', "'", 'TODO');
  const edited = (text: string, at: number, remove: number, put: string) => {
    // Never half of a surrogate pair: an editor's buffer holds whole characters (a fresh load reads bytes).
    const whole = (i: number) => ((text.charCodeAt(i) & 0xfc00) === 0xdc00 ? i - 1 : i);
    const start = whole(at % (text.length + 1));
    const end = whole(Math.min(text.length, start + remove));
    return { start, end, text: put, next: text.slice(0, start) + put + text.slice(end) };
  };

  it('gives, keystroke after keystroke, what a fresh load of the same text gives, or says it cannot', async () => {
    let spliced = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.oneof(typed, fc.constant(''))), { minLength: 1, maxLength: 8 }), async (keys) => {
        const io = memoryIo({ [FILE]: START.join('\n') }, { cwd: '/work' });
        const base = await loadStore(io, { readsText: true });
        await base.linkedDigest();
        const file = base.files[0]!.file;
        const before = new Map(io.files);
        let current = base;
        for (const [at, remove, put] of keys) {
          const { next, ...edit } = edited(current.text(file), at, remove, put);
          if (next === current.text(file)) continue;
          const made = current.withEdit(file, next, edit);
          if (made) spliced++;
          // As papers lsp does when the edit cannot be spliced: the text parsed whole.
          current = made ?? current.withText(file, next, parseDigest(next, file, { venues: base.registries.venues, todos: base.registries.todos }));
          expect(current.text(file)).toBe(next);
          const fresh = await loadStore(memoryIo({ [FILE]: next }, { cwd: '/work' }), { cache: false });
          expect(await shape(current)).toEqual(await shape(fresh));
        }
        expect([...io.files].filter(([path, bytes]) => before.get(path) !== bytes).map(([path]) => path)).toEqual([]);
      }),
      { numRuns: 150 },
    );
    // Not vacuous: most keystrokes land in notes, and those are spliced.
    expect(spliced).toBeGreaterThan(100);
  });

  it('splices a character typed into a note, and refuses what may change the rest of the split', async () => {
    const io = memoryIo({ [FILE]: START.join('\n') }, { cwd: '/work' });
    const base = await loadStore(io, { readsText: true });
    const file = base.files[0]!.file;
    const text = base.text(file);
    const at = (needle: string) => text.indexOf(needle) + needle.length;
    const put = (start: number, end: number, s: string) => base.withEdit(file, text.slice(0, start) + s + text.slice(end), { start, end, text: s });
    const typed = put(at('memorization'), at('memorization'), 's');
    expect(typed?.entries().find((e) => e.alias === null && e.title === 'Wide & Deep')?.notes).toBe('- memorizations');
    expect(typed?.text(file)).toBe(text.replace('memorization', 'memorizations'));
    // In a heading, in a section's own line, a new heading, an open fence, or an edit that does not make the text given.
    expect(put(at('### Wide'), at('### Wide'), 'r')).toBeNull();
    expect(put(at('## OCR'), at('## OCR'), 's')).toBeNull();
    expect(put(at('memorization'), at('memorization'), '\n### New')).toBeNull();
    expect(put(at('memorization'), at('memorization'), '\n```')).toBeNull();
    expect(base.withEdit(file, `${text}x`, { start: at('memorization'), end: at('memorization'), text: 's' })).toBeNull();
  });
});

describe('withEdit in a folder of notes', () => {
  it('splices a keystroke into the second file, the first one and the rows after it left as they read', async () => {
    const A = '/work/notes/a.md';
    const B = '/work/notes/b.md';
    const files = { [A]: "## A\n### First[KDD'18][Ali]\n- one\n### Second\n- two\n", [B]: "## B\n### Third[OSDI'20]\n- three TODO\n### Fourth[SOSP'19][MIT]\n- four\n" };
    const base = await loadStore(memoryIo(files, { cwd: '/work' }), { readsText: true });
    await base.linkedDigest();
    const file = base.files.find((f) => f.file.endsWith('b.md'))!.file;
    let current = base;
    let text = files[B]!;
    // Typed into "three", then a new note line under Fourth, then one more character into it.
    for (const [needle, put] of [['three', 'x'], ['- four', '\n- 新的 FIXME'], ['新的', '!']] as const) {
      const at = text.indexOf(needle) + needle.length;
      const next = text.slice(0, at) + put + text.slice(at);
      const made = current.withEdit(file, next, { start: at, end: at, text: put });
      expect(made).not.toBeNull();
      current = made!;
      text = next;
      const fresh = await loadStore(memoryIo({ ...files, [B]: next }, { cwd: '/work' }), { cache: false });
      expect(await shape(current)).toEqual(await shape(fresh));
    }
  });
});
