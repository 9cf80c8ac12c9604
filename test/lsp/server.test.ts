// papers lsp, driven as an editor drives it: the real bin over stdio, JSON-RPC with vscode-jsonrpc.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, startClient, workspace, type Client, type Published } from '../helpers/lsp-client.js';
import { SEED, SEED_CONFIG } from '../helpers/seed.js';

const DIGEST = [
  '# 合集',
  '',
  '## 检索',
  '',
  "### Foo Bar(FB)[Arivx'19][Google]",
  '- 中文😀 TODO 补充',
  '- 见 [图](./fig.png) 与 [缺](./missing.png)',
  '',
  "### Deep Interest Network(DIN)[KDD'18][Alibaba]",
  '- 比 FB 好',
  '',
  '## 推荐',
  '',
  "### Empty[KDD'20]",
  '',
].join('\n');

const clients: Client[] = [];
async function start(options: Parameters<typeof startClient>[0]): Promise<Client> {
  const c = await startClient(options);
  clients.push(c);
  return c;
}
afterEach(() => {
  for (const c of clients.splice(0)) if (c.child.exitCode === null) c.child.kill();
});

const codes = (p: Published): string[] => p.diagnostics.map((d) => d.code);

/** Applies a WorkspaceEdit's edits of one document to its text, as the client would. */
function applyEdit(text: string, edit: { documentChanges: Array<{ edits: Array<{ range: never; newText: string }> }> }): string {
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
  return TextDocument.applyEdits(doc, edit.documentChanges.flatMap((c) => c.edits));
}

interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { documentChanges: Array<{ textDocument: { uri: string; version: number }; edits: Array<{ range: never; newText: string }> }> };
}

function notesWorkspace(text = DIGEST, extra: Record<string, string> = {}) {
  const ws = workspace({ 'notes/papers.md': text, 'notes/fig.png': 'png', ...extra });
  return { ws, uri: ws.uri('notes/papers.md') };
}

describe('diagnostics', () => {
  it('publishes the lint findings of the open buffer: alias as code, docs link, source, severities, UTF-16 ranges', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    const p = await c.diagnostics(uri);
    expect(p.version).toBe(1);
    expect(codes(p).sort()).toEqual(['missing-metadata', 'no-empty-entry', 'no-missing-file', 'no-todo', 'venue-spelling']);
    const todo = p.diagnostics.find((d) => d.code === 'no-todo')!;
    // `- 中文😀 ` is 7 UTF-16 code units (😀 is two), 6 code points, 13 UTF-8 bytes: LSP counts UTF-16.
    expect(todo.range).toEqual({ start: { line: 5, character: 7 }, end: { line: 5, character: 11 } });
    expect(todo.severity).toBe(2);
    expect(todo.source).toBe('papers');
    expect(todo.codeDescription.href).toMatch(/^file:\/\/.*\/docs\/lint-rules\.md#no-todo$/);
    expect(readFileSync(new URL(todo.codeDescription.href.replace(/#.*/, ''))).toString()).toContain('## no-todo');
    const missing = p.diagnostics.find((d) => d.code === 'no-missing-file')!;
    // An error; the link to fig.png (which exists) is no finding.
    expect(missing.severity).toBe(1);
    expect(missing.message).toContain('missing.png');
    const venue = p.diagnostics.find((d) => d.code === 'venue-spelling')!;
    expect(venue.range).toEqual({ start: { line: 4, character: 16 }, end: { line: 4, character: 21 } });
    expect(DIGEST.split('\n')[4]!.slice(16, 21)).toBe('Arivx');
  });

  it('lints the unsaved text on every change (incremental edits), and never writes the file', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    await c.diagnostics(uri, (p) => p.version === 1);
    // Remove "TODO " (line 5, characters 7..12), then fix the venue in a second change of the same version.
    c.change(uri, 2, [
      { range: { start: { line: 5, character: 7 }, end: { line: 5, character: 12 } }, text: '' },
      { range: { start: { line: 4, character: 16 }, end: { line: 4, character: 21 } }, text: 'arXiv' },
    ]);
    const p = await c.diagnostics(uri, (d) => d.version === 2);
    expect(codes(p).sort()).toEqual(['missing-metadata', 'no-empty-entry', 'no-missing-file']);
    // A finding after the edit moves with it: a new TODO after Chinese text and emoji, on a new line.
    c.change(uri, 3, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '- 全角　文字🎉🎉 FIXME\n' }]);
    const q = await c.diagnostics(uri, (d) => d.version === 3);
    const todo = q.diagnostics.find((d) => d.code === 'no-todo')!;
    expect(todo.range).toEqual({ start: { line: 6, character: 12 }, end: { line: 6, character: 17 } });
    expect(readFileSync(ws.path('notes/papers.md'), 'utf8')).toBe(DIGEST);
  });

  it('lints a burst of changes as a whole: the last version comes with its findings, and nothing older after it', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    await c.diagnostics(uri, (p) => p.version === 1);
    // Ten keystrokes sent at once: each types one more character of a new note line with a TODO.
    const typed = '- 再看 TODO';
    for (let k = 0; k < typed.length; k++) c.change(uri, k + 2, [{ range: { start: { line: 7, character: k }, end: { line: 7, character: k } }, text: k === 0 ? `${typed[0]}\n` : typed[k]! }]);
    const last = typed.length + 1;
    const p = await c.diagnostics(uri, (d) => d.version === last);
    expect(p.diagnostics.filter((d) => d.code === 'no-todo').map((d) => d.range.start)).toEqual([
      { line: 5, character: 7 },
      { line: 7, character: 5 },
    ]);
    // A quiet spell after it, then one change more: it is linted, and still no stale version follows.
    await new Promise((r) => setTimeout(r, 200));
    c.change(uri, last + 1, [{ range: { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } }, text: '' }]);
    const q = await c.diagnostics(uri, (d) => d.version === last + 1);
    expect(q.diagnostics.filter((d) => d.code === 'no-todo')).toHaveLength(1);
    const versions = c.history.filter((h) => h.uri === uri).map((h) => h.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(last + 1);
    expect(readFileSync(ws.path('notes/papers.md'), 'utf8')).toBe(DIGEST);
  });

  it('gives, keystroke after keystroke, the findings papers lint gives for the same text', async () => {
    // Typed into notes (spliced into the last store), into a heading, a new heading and a fence (parsed whole).
    const { ws, uri } = notesWorkspace();
    const typist = await start({ root: ws.root });
    typist.open(uri, DIGEST);
    await typist.diagnostics(uri, (p) => p.version === 1);
    const doc = TextDocument.create(uri, 'markdown', 1, DIGEST);
    const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
    const keys: Array<{ range: ReturnType<typeof at>; text: string }> = [
      { range: at(5, 2), text: 'x' },
      { range: at(5, 3), text: ' FIXME' },
      { range: at(9, 0), text: '- 新 TODO\n' },
      { range: at(4, 16), text: 'X' },
      { range: at(10, 0), text: "### Foo Bar(FB)[KDD'19]\n" },
      { range: at(6, 0), text: '```\n' },
      { range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, text: '' },
      { range: at(9, 4), text: '😀' },
      { range: at(6, 3), text: 'y' },
    ];
    // The same text on disk in a workspace of its own, linted by papers lint (lines and columns 1-based there).
    const other = notesWorkspace();
    const linted = (text: string): string[] => {
      writeFileSync(other.ws.path('notes/papers.md'), text);
      const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json'], { cwd: other.ws.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const files = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number }> }>;
      return files.flatMap((f) => f.messages).map((m) => JSON.stringify([{ start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } }, m.ruleId, m.message])).sort();
    };
    const published = (p: Published) => p.diagnostics.map((d) => JSON.stringify([d.range, d.code, d.message])).sort();
    for (const [k, key] of keys.entries()) {
      const version = k + 2;
      typist.change(uri, version, [key]);
      TextDocument.update(doc, [key], version);
      const typed = await typist.diagnostics(uri, (p) => p.version === version);
      expect(published(typed)).toEqual(linted(doc.getText()));
    }
    expect(readFileSync(ws.path('notes/papers.md'), 'utf8')).toBe(DIGEST);
    expect(await typist.stop()).toBe(0);
  });

  it('applies the config and inline directives as papers lint does', async () => {
    const config = JSON.stringify({ lint: { rules: { 'no-todo': 'info', 'missing-metadata': 'off' } } });
    const text = DIGEST.replace('### Empty', '<!-- papers-lint-disable-next-line no-empty-entry -->\n### Empty');
    const { ws, uri } = notesWorkspace(text, { 'notes/papers.config.json': config });
    const c = await start({ root: ws.root });
    c.open(uri, text);
    const p = await c.diagnostics(uri);
    expect(codes(p).sort()).toEqual(['no-missing-file', 'no-todo', 'venue-spelling']);
    expect(p.diagnostics.find((d) => d.code === 'no-todo')!.severity).toBe(3);
    // The same findings as the command line's.
    const cli = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json'], { cwd: ws.root, encoding: 'utf8', env: { ...process.env, PAPERS_NOTES: '' } });
    const cliFindings = (JSON.parse(cli.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number }> }>).flatMap((f) => f.messages);
    expect(cliFindings.map((m) => [m.ruleId, m.line - 1, m.column - 1]).sort()).toEqual(p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]).sort());
  });

  it('clears a document when it is closed', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    await c.diagnostics(uri, (p) => p.diagnostics.length > 0);
    c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const p = await c.diagnostics(uri, (d) => d.diagnostics.length === 0);
    expect(p.diagnostics).toEqual([]);
  });

  it('finds the notes from --notes given before lsp, wherever the editor starts it', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: null, cwd: tmpdir(), args: ['--notes', ws.path('notes/papers.md')] });
    c.open(uri, DIGEST);
    const p = await c.diagnostics(uri);
    expect(codes(p)).toContain('no-todo');
  });
});

describe('code actions', () => {
  it('offers the lint fix as the preferred quick fix, and the fixed text lints clean of it', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    const p = await c.diagnostics(uri);
    const venue = p.diagnostics.find((d) => d.code === 'venue-spelling')!;
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: venue.range, context: { diagnostics: [venue], only: ['quickfix'] } });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.edit.documentChanges[0]!.textDocument).toEqual({ uri, version: 1 });
    expect(fix.edit.documentChanges[0]!.edits).toEqual([{ range: venue.range, newText: 'arXiv' }]);
    const fixed = applyEdit(DIGEST, fix.edit);
    c.change(uri, 2, [{ text: fixed }]);
    const after = await c.diagnostics(uri, (d) => d.version === 2);
    expect(codes(after)).not.toContain('venue-spelling');
    // No fix-all when only quick fixes are asked for.
    expect(actions.some((a) => a.kind.startsWith('source'))).toBe(false);
  });

  it('switches a rule off for a line with a disable-next-line directive', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    const p = await c.diagnostics(uri);
    const todo = p.diagnostics.find((d) => d.code === 'no-todo')!;
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: todo.range, context: { diagnostics: [todo] } });
    const disable = actions.find((a) => a.title === 'Disable no-todo for this line')!;
    const text = applyEdit(DIGEST, disable.edit);
    expect(text.split('\n')[5]).toBe('<!-- papers-lint-disable-next-line no-todo -->');
    c.change(uri, 2, [{ text }]);
    const after = await c.diagnostics(uri, (d) => d.version === 2);
    expect(codes(after)).not.toContain('no-todo');
    expect(codes(after)).not.toContain('valid-directive');
  });

  it('fixes all in the file exactly as papers lint --fix does', async () => {
    const text = `${DIGEST}\n### Attention Is All You Need:[neurips'17][google]\n- 注意力\n`;
    const { ws, uri } = notesWorkspace(text);
    const c = await start({ root: ws.root });
    c.open(uri, text);
    await c.diagnostics(uri);
    const actions = await c.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.papers']);
    const fixed = applyEdit(text, actions[0]!.edit);
    const copy = workspace({ 'notes/papers.md': text, 'notes/fig.png': 'png' });
    spawnSync(process.execPath, [BIN, 'lint', '--fix'], { cwd: copy.root, env: { ...process.env, PAPERS_NOTES: '' } });
    const cli = readFileSync(copy.path('notes/papers.md'), 'utf8');
    expect(cli).not.toBe(text);
    expect(fixed).toBe(cli);
    // The server itself wrote nothing.
    expect(readFileSync(ws.path('notes/papers.md'), 'utf8')).toBe(text);
  });
});

describe('outline, workspace search, completion, hover, definition', () => {
  it('outlines the sections with their entries as children', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    type Sym = { name: string; detail?: string; kind: number; selectionRange: { start: { line: number } }; children?: Sym[] };
    const symbols = await c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => [s.name, s.kind, s.selectionRange.start.line])).toEqual([
      ['检索', 3, 2],
      ['推荐', 3, 11],
    ]);
    expect(symbols[0]!.children!.map((e) => [e.name, e.detail])).toEqual([
      ['Foo Bar (FB)', "arXiv'19 · Google"],
      ['Deep Interest Network (DIN)', "KDD'18 · Alibaba"],
    ]);
    expect(symbols[1]!.children!.map((e) => [e.name, e.detail, e.selectionRange.start.line])).toEqual([['Empty', "KDD'20", 13]]);
  });

  it("reads an unsaved buffer where the config's entries setting says, as on disk (one paper per list item)", async () => {
    const text = '# Reading\n\n## Detection\n\n### Two-stage\n\n- [ICCV 2017] Mask R-CNN\n- [NeurIPS 2015] Faster R-CNN\n';
    const { ws, uri } = notesWorkspace(text, { 'notes/papers.config.json': JSON.stringify({ entries: { bullets: true } }) });
    const c = await start({ root: ws.root });
    // Two items: detected, they would be the notes of a ### entry.
    const edited = text.replace('Faster R-CNN', 'Faster R-CNN Again');
    c.open(uri, edited);
    type Sym = { name: string; detail?: string; children?: Sym[] };
    const symbols = await c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => [s.name, s.children?.map((e) => [e.name, e.detail]) ?? []])).toEqual([
      ['Detection', []],
      [
        'Two-stage',
        [
          ['Mask R-CNN', "ICCV'17"],
          ['Faster R-CNN Again', "NeurIPS'15"],
        ],
      ],
    ]);
  });

  it('searches the shipped digest with the search engine of papers search: Donut finds Dount first', async () => {
    const ws = workspace({ 'notes/papers.md': SEED, 'notes/papers.config.json': SEED_CONFIG });
    const c = await start({ root: ws.root });
    type Info = { name: string; kind: number; containerName?: string; location: { uri: string; range: { start: { line: number; character: number } } } };
    const donut = await c.request<Info[]>('workspace/symbol', { query: 'Donut' });
    expect(donut[0]!.name).toMatch(/Dount/);
    const line = SEED.split('\n').findIndex((l) => l.startsWith('### ') && l.includes('Dount'));
    expect(donut[0]!.location).toEqual({ uri: ws.uri('notes/papers.md'), range: expect.objectContaining({ start: { line, character: 0 } }) });
    // `### Dount: ` has no venue nor organisation: its container is its section alone.
    expect(donut[0]!.containerName).toBe('OCR 文字识别');
    const chinese = await c.request<Info[]>('workspace/symbol', { query: '量化' });
    expect(chinese.length).toBeGreaterThan(0);
    const cli = spawnSync(process.execPath, [BIN, 'search', '量化', '--json', '--limit', '100'], { cwd: ws.root, encoding: 'utf8', env: { ...process.env, PAPERS_NOTES: '' } });
    expect(chinese.map((s) => s.location.range.start.line + 1)).toEqual((JSON.parse(cli.stdout) as Array<{ line: number }>).map((r) => r.line));
    const qualified = await c.request<Info[]>('workspace/symbol', { query: 'venue:osdi' });
    expect(qualified.length).toBeGreaterThan(0);
    expect(qualified.every((s) => /OSDI/.test(s.containerName ?? ''))).toBe(true);
    // A bad qualifier finds nothing, and the server goes on.
    expect(await c.request('workspace/symbol', { query: 'year:abc' })).toEqual([]);
    expect((await c.request<Info[]>('workspace/symbol', { query: '' })).length).toBe(24);
  });

  it('completes venues in the first bracket of a heading and organisations in the others, nothing in the alias', async () => {
    const text = `${DIGEST}\n### New Paper(NP)[KD\n`;
    const { ws, uri } = notesWorkspace(text);
    const c = await start({ root: ws.root });
    c.open(uri, text);
    const line = text.split('\n').length - 2;
    type Item = { label: string; sortText: string; textEdit: { range: { start: { character: number }; end: { character: number } }; newText: string } };
    const complete = async (character: number, l = line) =>
      (await c.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: { line: l, character } })).items;
    const venues = await complete(20);
    const kdd = venues.find((i) => i.label === 'KDD')!;
    expect(kdd.textEdit).toEqual({ range: { start: { line, character: 18 }, end: { line, character: 20 } }, newText: 'KDD' });
    expect(venues.some((i) => i.label === 'NeurIPS')).toBe(true);
    // KDD is used twice in the digest: it sorts before venues it does not use.
    const sorted = [...venues].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    expect(sorted[0]!.label).toBe('KDD');
    // Inside `(NP)`: nothing.
    expect(await complete(14)).toEqual([]);
    // Outside a heading: nothing.
    expect(await complete(3, 5)).toEqual([]);
    // The second bracket: the digest's organisations only.
    c.change(uri, 2, [{ range: { start: { line, character: 20 }, end: { line, character: 20 } }, text: "D'24][Goo" }]);
    await c.diagnostics(uri, (d) => d.version === 2);
    const orgs = await complete(29);
    expect(orgs.map((i) => i.label).sort()).toEqual(['Alibaba', 'Google']);
    expect(orgs.find((i) => i.label === 'Google')!.textEdit.range).toEqual({ start: { line, character: 26 }, end: { line, character: 29 } });
  });

  it('shows an entry on hover over its heading, with its findings', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    await c.diagnostics(uri);
    const hover = await c.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 6 } });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('**Foo Bar** (FB)');
    expect(hover.contents.value).toContain('- venue: arXiv (written Arivx, misspelled)');
    expect(hover.contents.value).toContain('- year: 2019');
    expect(hover.contents.value).toContain('- organisation: Google');
    expect(hover.contents.value).toContain('2 notes · 1 TODO');
    expect(hover.contents.value).toMatch(/warn `no-todo` line 6/);
    // Not on a heading: no hover.
    expect(await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } })).toBeNull();
  });

  it('goes from an alias to its entry, and from a relative link to the file', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    type Loc = { uri: string; range: { start: { line: number; character: number } } };
    // `- 比 FB 好`: FB at character 4.
    const alias = await c.request<Loc[]>('textDocument/definition', { textDocument: { uri }, position: { line: 9, character: 5 } });
    expect(alias).toEqual([{ uri, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 33 } } }]);
    const link = await c.request<Loc[]>('textDocument/definition', { textDocument: { uri }, position: { line: 6, character: 9 } });
    expect(link).toEqual([{ uri: pathToFileURL(ws.path('notes/fig.png')).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    // A link to a missing file, or a word that is no alias: nowhere.
    expect(await c.request('textDocument/definition', { textDocument: { uri }, position: { line: 6, character: 24 } })).toEqual([]);
    expect(await c.request('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 3 } })).toEqual([]);
  });
});

describe('bad input', () => {
  it('gives a document outside the notes no diagnostics and says why in the log', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    const outside = pathToFileURL(path.join(mkdtempSync(path.join(tmpdir(), 'papers-outside-')), 'other.md')).href;
    c.open(outside, '# Not a digest\n\nTODO everything\n');
    const p = await c.diagnostics(outside);
    expect(p.diagnostics).toEqual([]);
    await expect.poll(() => c.logs.some((l) => l.message.includes('is not one of the notes'))).toBe(true);
    // Requests about it, and about a URI never opened, answer empty.
    expect(await c.request('textDocument/documentSymbol', { textDocument: { uri: outside } })).toEqual([]);
    expect(await c.request('textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await c.request('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere/x.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    // The notes still work.
    c.open(uri, DIGEST);
    expect(codes(await c.diagnostics(uri))).toContain('no-todo');
  });

  it('survives malformed documents: binary bytes, broken headings, an empty one, a huge one', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, '\u0000\u0001\uFFFD### [[[(((\n```\n## unclosed fence\n', 1);
    const broken = await c.diagnostics(uri, (p) => p.version === 1);
    expect(codes(broken)).toContain('no-unclosed-block');
    c.change(uri, 2, [{ text: '' }]);
    expect((await c.diagnostics(uri, (p) => p.version === 2)).diagnostics).toEqual([]);
    // An edit past the end of the document is clamped (LSP's rule), not a crash.
    c.change(uri, 3, [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: '## S\n\n### T[KDD\'18][Google]\n- TODO\n' }]);
    expect(codes(await c.diagnostics(uri, (p) => p.version === 3))).toEqual(['no-todo']);
    // 10 MB: 5000 entries of 2 kB of notes each, one TODO in the last.
    const note = `- 中文笔记，含 emoji 😀 与全角　空格。${'长'.repeat(80)}\n`;
    const body = note.repeat(Math.ceil(2000 / note.length));
    const count = 1 + Math.ceil(10_000_000 / Buffer.byteLength(`### Paper 0000(P0000)[KDD'18][Google]\n${body}\n`));
    const huge = `## 大\n\n${Array.from({ length: count }, (_, i) => `### Paper ${i}(P${i})[KDD'18][Google]\n${body}\n`).join('')}- TODO\n`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(10_000_000);
    c.change(uri, 4, [{ text: huge }]);
    const big = await c.diagnostics(uri, (p) => p.version === 4, 150_000);
    expect(big.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['no-todo', huge.split('\n').length - 2]]);
    expect((await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })).length).toBe(1);
  }, 200_000);

  it('answers invalid requests with an error and goes on serving', async () => {
    const { ws, uri } = notesWorkspace();
    const c = await start({ root: ws.root });
    c.open(uri, DIGEST);
    await c.diagnostics(uri);
    // No position at all: logged, answered empty.
    expect(await c.request('textDocument/hover', { textDocument: { uri } })).toBeNull();
    expect(await c.request('textDocument/completion', { textDocument: {} })).toEqual({ isIncomplete: false, items: [] });
    await expect(c.request('papers/noSuchMethod', {})).rejects.toThrow(/Unhandled method/);
    await expect.poll(() => c.logs.some((l) => l.type === 1 && /hover failed/.test(l.message))).toBe(true);
    expect((await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })).length).toBe(2);
  });

  it('without notes in the workspace, logs why and still answers', async () => {
    const ws = workspace({ 'README.md': '# hi\n' });
    const c = await start({ root: ws.root });
    await expect.poll(() => c.logs.some((l) => l.type === 1 && l.message.includes('no notes found'))).toBe(true);
    const uri = ws.uri('README.md');
    c.open(uri, '# hi\n');
    expect((await c.diagnostics(uri)).diagnostics).toEqual([]);
    expect(await c.request('workspace/symbol', { query: 'x' })).toEqual([]);
    expect(await c.stop()).toBe(0);
  });
});

describe('lifecycle', () => {
  it('exits 0 after shutdown and exit, 1 on exit without shutdown, and when its input closes', async () => {
    const { ws } = notesWorkspace();
    const a = await start({ root: ws.root });
    expect(await a.stop()).toBe(0);
    const b = await start({ root: ws.root });
    b.connection.sendNotification('exit');
    expect(await b.exited).toBe(1);
    b.connection.dispose();
    const d = await start({ root: ws.root });
    d.connection.dispose();
    d.child.stdin.end();
    expect(await d.exited).toBe(1);
  });

  it('exits when the editor process it was given dies', async () => {
    const { ws } = notesWorkspace();
    const parent = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead = Number(parent.stdout);
    // The library checks the editor's pid every few seconds, and ends the server once it is gone.
    expect(await startWithParent(ws.root, dead)).toBe(1);
  }, 20_000);

  it('loads the protocol library only for lsp: papers list does not', () => {
    const hook = path.join(mkdtempSync(path.join(tmpdir(), 'papers-hook-')), 'hook.cjs');
    writeFileSync(hook, "process.on('exit', () => process.stderr.write('\\nLOADED ' + Object.keys(require.cache).join(' ') + '\\n'));\n");
    const { ws } = notesWorkspace();
    const run = (...args: string[]) => spawnSync(process.execPath, ['-r', hook, BIN, ...args], { cwd: ws.root, encoding: 'utf8', input: '', env: { ...process.env, PAPERS_NOTES: '' } });
    const list = run('list');
    expect(list.status).toBe(0);
    const loaded = (r: ReturnType<typeof run>) => r.stderr.split('\nLOADED ')[1] ?? '';
    expect(loaded(list)).not.toMatch(/languageserver|textdocument/);
    const lsp = run('lsp', '--stdio');
    expect(loaded(lsp)).toMatch(/dist\/lazy\/languageserver\.cjs/);
  });
});

/** A server told (in initialize) that its editor is a process that has already died: resolves to its exit code. */
async function startWithParent(root: string, pid: number): Promise<number | null> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: root, env: { ...process.env, PAPERS_NOTES: '' } });
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: pid, rootUri: pathToFileURL(root).href, capabilities: {} } });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
