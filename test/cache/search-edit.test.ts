// `search` after edits: a hand edit of notes adds an overlay to the index's file (the whole index
// kept where it is), a moved entry makes the whole index again; each run prints what --no-cache prints.
import { describe, expect, it } from 'vitest';
import { openCacheFile } from '../../src/cache/format.js';
import { memoryIo, run, type MemoryIo } from '../helpers/memory-io.js';

const NOTES = '/work/notes.md';
const text = [
  '## 推荐系统',
  "### Deep Interest Network(DIN)[KDD'18][Ali]",
  '- 用户兴趣 attention',
  "### Wide & Deep[DLRS'16][Google]",
  '- memorization',
  '## OCR',
  "### Donut(DONUT)[ECCV'22][Naver]",
  '- OCR-free attention',
  '### Dount',
  '',
].join('\n');

const QUERIES = [['attention'], ['量化'], ['atention'], ['memorisation'], ['flash'], ['kdd']];

async function searches(io: MemoryIo, ...global: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const q of QUERIES) {
    const r = await run(io, ...global, '--notes', NOTES, 'search', '--json', ...q);
    out.push(`${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return out;
}

/** The index file's sections: where each is and its checksum. */
function indexSections(io: MemoryIo): Map<string, string> {
  const [path, bytes] = [...io.files].find(([p]) => /product-search-index-/.test(p))!;
  expect(path).toBeTruthy();
  const file = openCacheFile({ size: bytes.length, read: (at, n) => bytes.subarray(at, at + n), append: () => false, close: () => {} }, {})!;
  const heads = file.header.sections as Array<{ name: string; at: number; crc: number }>;
  return new Map(heads.map((s) => [s.name, `${s.at}:${s.crc}`]));
}

/** The files after an edit of the notes, as the next run finds them (a new stat). */
const edit = (io: MemoryIo, from: string, to: string): MemoryIo => {
  const now = new TextDecoder().decode(io.files.get(NOTES)!);
  expect(now).toContain(from);
  return memoryIo({ ...Object.fromEntries(io.files), [NOTES]: now.replace(from, to) });
};

const cold = async (io: MemoryIo) => searches(memoryIo({ [NOTES]: new TextDecoder().decode(io.files.get(NOTES)!) }), '--no-cache');

describe('search after edits', () => {
  it('lays the edited entries over the whole index, and makes it whole again when entries move', async () => {
    let io = memoryIo({ [NOTES]: text });
    expect(await searches(io)).toEqual(await cold(io));
    const whole = indexSections(io);

    io = edit(io, '- memorization\n', '- memorization 量化 flash\n');
    expect(await searches(io)).toEqual(await cold(io));
    const first = indexSections(io);
    // The whole index stays where it was; only the overlay is new.
    for (const part of ['part:core', 'part:texts', 'part:forward']) expect(first.get(part)).toBe(whole.get(part));
    expect(first.get('part:overlay')).not.toBe(whole.get('part:overlay'));

    // A second entry edited: both are in the overlay, still over the same whole index.
    io = edit(io, '- OCR-free attention\n', '- OCR-free\n');
    expect(await searches(io)).toEqual(await cold(io));
    const second = indexSections(io);
    expect(second.get('part:core')).toBe(whole.get('part:core'));
    expect(second.get('part:overlay')).not.toBe(first.get('part:overlay'));

    // An entry moved to another section: the whole index is made again.
    io = edit(io, "### Wide & Deep[DLRS'16][Google]\n- memorization 量化 flash\n", '');
    io = edit(io, '### Dount\n', "### Dount\n### Wide & Deep[DLRS'16][Google]\n- memorization 量化 flash\n");
    expect(await searches(io)).toEqual(await cold(io));
    expect(indexSections(io).get('part:core')).not.toBe(whole.get('part:core'));
    // And the run after each reads what it left.
    expect(await searches(memoryIo(Object.fromEntries(io.files)))).toEqual(await cold(io));
  });
});
