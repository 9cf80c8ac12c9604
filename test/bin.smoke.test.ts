import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs the real bin/ (the esbuild bundle built by `npm run build`, which `npm test` runs first).
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/papers.cjs', import.meta.url));
const script = fileURLToPath(new URL('../src/build/ascii.cjs', import.meta.url));
const cacheHome = mkdtempSync(path.join(tmpdir(), 'papers-smoke-'));
const env = { ...process.env, NO_COLOR: '1', PAPERS_NOTES: '', XDG_CACHE_HOME: cacheHome };
const papers = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env });

describe('bin/papers.cjs', () => {
  it('lists the OCR section of the shipped notes', () => {
    const r = papers('list', '--section', 'ocr');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('OCR 文字识别 [ocr] · 6');
    expect(r.stderr).toBe('6 entries in 1 section\n');
  });

  it('keeps its code cache and parse cache in $XDG_CACHE_HOME/papers, with the same output warm', () => {
    const cold = papers('list', '--json');
    const files = readdirSync(path.join(cacheHome, 'papers'));
    expect(files.some((f) => f.startsWith('code-'))).toBe(true);
    expect(files.some((f) => f.startsWith('store-'))).toBe(true);
    const warm = papers('list', '--json');
    expect(warm.stdout).toBe(cold.stdout);
    expect(JSON.parse(warm.stdout)).toHaveLength(24);
    // One code cache per command, kept side by side.
    expect(papers('search', 'din').status).toBe(0);
    const codes = readdirSync(path.join(cacheHome, 'papers')).filter((f) => f.startsWith('code-'));
    expect(codes.some((f) => f.endsWith('-list.bin')) && codes.some((f) => f.endsWith('-search.bin'))).toBe(true);
  });

  it('searches the shipped notes, typos included', () => {
    const r = papers('search', 'Donut');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^1\. {2}Dount {2}- {2}OCR 文字识别 \[ocr\]$/);
    expect(r.stderr).toBe('1 match\n');
  });

  it('leaves no dynamic import in the bundle (bin/ runs it in a vm.Script, which has no loader for one)', () => {
    const bundle = readFileSync(fileURLToPath(new URL('../dist/papers.cjs', import.meta.url)), 'utf8');
    expect(bundle.match(/\bimport\(["'`][^"'`]*["'`]\)/g) ?? []).toEqual([]);
  });

  it('loads the modules bundled apart (dist/lazy/) when a run needs them: colours, links, diffs', () => {
    const colored = spawnSync(process.execPath, [bin, 'list', '--section', 'ocr'], { cwd: root, encoding: 'utf8', env: { ...env, NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\u001b[1mOCR 文字识别 [ocr]\u001b[22m');
    const dir = mkdtempSync(path.join(tmpdir(), 'papers-lazy-'));
    const copy = path.join(dir, 'papers.md');
    writeFileSync(copy, readFileSync(path.join(root, 'notes', 'papers.md')));
    const dry = papers('--notes', copy, '--no-cache', 'lint', '--fix-dry-run');
    expect(dry.stdout).toContain('@@ ');
    const json = JSON.parse(papers('--notes', copy, '--no-cache', 'list', '--json').stdout) as Array<{ links: unknown[] }>;
    expect(json.flatMap((e) => e.links)).toHaveLength(2);
  });

  it('shapes each lazy module as the bundle imports it (ESM importing CommonJS: default is module.exports)', () => {
    const lazy = (name: string) => createRequire(import.meta.url)(fileURLToPath(new URL(`../dist/lazy/${name}.cjs`, import.meta.url))) as Record<string, unknown>;
    // `import input from '@inquirer/input'`, `import select from '@inquirer/select'`: the functions themselves.
    expect(typeof lazy('inquirer-input')).toBe('function');
    expect(typeof lazy('inquirer-select')).toBe('function');
    // The named imports of the others.
    expect(typeof lazy('chalk').Chalk).toBe('function');
    expect(typeof lazy('diff').createTwoFilesPatch).toBe('function');
    expect(typeof lazy('markdown').parseMarkdown).toBe('function');
    // Required by src/shims/fuse.cjs: the Fuse class itself.
    expect(typeof lazy('fuse')).toBe('function');
    expect(typeof lazy('bibtex').readBibtex).toBe('function');
  });

  it('exports BibTeX to a file atomically and adds it back with add --bibtex (citation-js bundled apart, without HTTP clients)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'papers-bib-'));
    const refs = path.join(dir, 'refs.bib');
    const exported = papers('export', '--section', 'ocr', '-o', refs);
    expect(exported.status).toBe(0);
    expect(exported.stderr).toBe(`papers: exported 6 entries as BibTeX to ${refs}; 2 lacked a venue or year (written as @misc)\n`);
    expect(readdirSync(dir)).toEqual(['refs.bib']);
    const digest = path.join(dir, 'empty.md');
    writeFileSync(digest, '## Imported\n');
    const added = spawnSync(process.execPath, [bin, '--notes', digest, 'add', '--bibtex', '-', '--section', 'Imported'], { cwd: root, encoding: 'utf8', env, input: readFileSync(refs) });
    expect(added.stderr).toBe('papers: added 6 entries to Imported\n');
    expect(added.status).toBe(0);
    expect(readFileSync(digest, 'utf8')).toContain("### SVTR: Scene Text Recognition with a Single Visual Model(SVTR)[IJCAI'22]\n");
    const bundle = readFileSync(fileURLToPath(new URL('../dist/lazy/bibtex.cjs', import.meta.url)), 'utf8');
    expect(bundle).not.toContain('node-fetch');
    const missing = papers('export', '-o', path.join(dir, 'no-such-folder', 'x.bib'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^papers: could not write .*x\.bib: .*ENOENT.*; nothing was written \(check the folder exists and may be written\)\n$/);
  });

  it('is ASCII (src/build/ascii.cjs escapes what esbuild leaves, which means the same)', () => {
    const bundle = readFileSync(fileURLToPath(new URL('../dist/papers.cjs', import.meta.url)), 'latin1');
    expect(bundle.match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
    const dir = mkdtempSync(path.join(tmpdir(), 'papers-ascii-'));
    const file = path.join(dir, 'b.cjs');
    writeFileSync(file, 'module.exports = [/[:：]/.test("a：b"), "量化".length, `(${"（"})`, /👍/u.test("👍")];');
    execFileSync(process.execPath, [script, file]);
    const escaped = readFileSync(file, 'latin1');
    expect(escaped).toBe('module.exports = [/[:\\uff1a]/.test("a\\uff1ab"), "\\u91cf\\u5316".length, `(${"\\uff08"})`, /\\ud83d\\udc4d/u.test("\\ud83d\\udc4d")];');
    expect(createRequire(import.meta.url)(file)).toEqual([true, 2, '(（)', true]);
    writeFileSync(file, 'x = String.raw`量`;');
    expect(() => execFileSync(process.execPath, [script, file], { stdio: 'pipe' })).toThrow(/String.raw template holds non-ASCII/);
  });

  it('caches a big store and its search index, and reads them back the same', async () => {
    const { generateDigest } = await import('../bench/generate.mjs');
    const dir = mkdtempSync(path.join(tmpdir(), 'papers-big-'));
    const notes = path.join(dir, 'big.md');
    writeFileSync(notes, generateDigest(3000, 3));
    const before = new Set(readdirSync(path.join(cacheHome, 'papers')));
    const cold = papers('--notes', notes, 'search', 'transformer', '--json');
    const added = readdirSync(path.join(cacheHome, 'papers')).filter((f) => !before.has(f));
    expect(added.filter((f) => /^(store|product-search-index)-/.test(f))).toHaveLength(2);
    const warm = papers('--notes', notes, 'search', 'transformer', '--json');
    expect(warm.status).toBe(0);
    expect(warm.stdout).toBe(cold.stdout);
    expect(JSON.parse(warm.stdout).length).toBe(10);
  });

  it('prints help with examples, and the version', () => {
    const help = papers('list', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('papers list --section ocr');
    const version = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8', env });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 without a stack trace on a user mistake', () => {
    const r = papers('--notes', 'does-not-exist.md', 'list');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('papers: notes not found: does-not-exist.md does not exist (from --notes) (pass an existing digest file or folder)\n');
  });

  it('stays quiet when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" list | head -n 1`], { cwd: root, encoding: 'utf8', env });
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.stdout.split('\n')[0]).toContain('信息检索、搜索');
  });
});
