// A folder of notes after an edit of one file: the others are taken from the cache unread, the edited
// one spliced or split, and every command prints what a run without the cache prints.
import { describe, expect, it } from 'vitest';
import { memoryIo, run, type MemoryIo } from '../helpers/memory-io.js';

const DIR = '/work/notes';
const A = `${DIR}/a.md`;
const B = `${DIR}/b.md`;
const files = {
  [A]: ['## 推荐系统', "### Deep Interest Network(DIN)[KDD'18][Ali]", '- 用户兴趣 attention', "### Wide & Deep[DLRS'16][Google]", '- memorization', ''].join('\n'),
  [B]: ['## OCR', "### Donut(DONUT)[ECCV'22][Naver]", '- OCR-free attention', '### Dount', ''].join('\n'),
};

async function outputs(io: MemoryIo, ...global: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const args of [['list', '--json'], ['search', '--json', 'attention'], ['show', '--json', 'donut'], ['lint', '--format', 'json']]) {
    const r = await run(io, ...global, '--notes', DIR, ...args);
    out.push(`${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return out;
}

const edit = (io: MemoryIo, file: string, from: string, to: string): void => {
  const text = new TextDecoder().decode(io.files.get(file)!);
  expect(text).toContain(from);
  io.files.set(file, new TextEncoder().encode(text.replace(from, to)));
};

describe('a folder of notes after an edit of one file', () => {
  it.each([
    ['a note added (spliced)', B, '- OCR-free attention\n', '- OCR-free attention\n- 又读了一遍 attention\n', '又读了一遍'],
    ["a stub's first note (spliced)", B, '### Dount\n', '### Dount\n- 终于读了\n', '终于读了'],
    ['a heading renamed (split)', A, '### Wide & Deep', '### Wide and Deep', 'Wide and Deep'],
    ['a section added (split)', A, '- memorization\n', "- memorization\n## 新的\n### Fresh Paper[ICLR'21]\n", '"section": "新的"'],
  ])('prints what --no-cache prints: %s', async (_, file, from, to, shows) => {
    const io = memoryIo(files);
    await outputs(io);
    edit(io, file, from, to);
    const warm = memoryIo(Object.fromEntries(io.files));
    const seen = await outputs(warm);
    const cold = memoryIo(Object.fromEntries([...io.files].filter(([p]) => p.startsWith('/work/'))));
    expect(seen).toEqual(await outputs(cold, '--no-cache'));
    expect(seen[0]).toContain(shows);
    // And the run after it reads what it left.
    expect(await outputs(memoryIo(Object.fromEntries(warm.files)))).toEqual(seen);
  });
});
