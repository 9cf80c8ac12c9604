// The golden cases of planAdd: test/fixtures/add/<name>.before.md + this request = <name>.after.md.
import type { AddRequest } from '../../src/edit/plan-add.js';

const entry = (over: Partial<AddRequest['fields']> = {}): AddRequest['fields'] => ({
  title: 'New Paper',
  alias: 'NP',
  venue: 'NeurIPS',
  year: 2023,
  orgs: ['Google', 'CMU'],
  ...over,
});

export const ADD_CASES: Array<{ name: string; request: AddRequest }> = [
  { name: 'section-followed-by-another', request: { fields: entry(), notes: ['first note', '第二条'], section: { title: 'Retrieval', create: false } } },
  { name: 'crlf', request: { fields: entry({ alias: null }), notes: ['a note'], section: { title: 'Section A', create: false } } },
  { name: 'bom', request: { fields: entry({ title: '新论文', alias: null, orgs: [] }), notes: ['中文笔记'], section: { title: '第一节', create: false } } },
  { name: 'no-final-newline', request: { fields: entry(), notes: ['at the very end'], section: { title: 'Last', create: false } } },
  { name: 'last-section', request: { fields: entry({ venue: null, year: 2024, orgs: [] }), notes: [], section: { title: 'Last', create: false } } },
  { name: 'empty-section', request: { fields: entry(), notes: ['into the empty section'], section: { title: 'Empty', create: false } } },
  { name: 'new-section', request: { fields: entry(), notes: ['in a new section'], section: { title: 'C 新的', create: true } } },
  { name: 'no-final-newline-new-section', request: { fields: entry(), notes: ['n'], section: { title: 'Brand New', create: true } } },
  { name: 'style', request: { fields: entry(), notes: ['star bullets like the file'], section: { title: 'A', create: false } } },
  { name: 'directive', request: { fields: entry(), notes: ['before the directive'], section: { title: 'Recsys', create: false } } },
  { name: 'empty-file', request: { fields: entry(), notes: ['first entry ever'], section: { title: 'Start', create: true } } },
];

/** planNote cases: bullets for the entry whose title is `title` in `<before>.before.md`, golden in `<name>.after.md`. */
export const NOTE_CASES: Array<{ name: string; before: string; title: string; notes: string[] }> = [
  { name: 'note-crlf', before: 'crlf', title: 'First Paper', notes: ['added', '另一条'] },
  { name: 'note-no-final-newline', before: 'no-final-newline', title: 'Three', notes: ['on the last line'] },
  { name: 'note-nested', before: 'style', title: 'Two', notes: ['after the nested list'] },
  { name: 'note-stub', before: 'stub', title: 'Stub Paper', notes: ['first words'] },
  { name: 'note-comment-only', before: 'stub', title: 'Next', notes: ['before the comment'] },
  { name: 'note-directive', before: 'directive', title: 'A', notes: ['more'] },
];
