#!/usr/bin/env node
'use strict';
// The `papers` command. The CLI is one bundle, dist/papers.cjs, built by `npm install` (`prepare`).
// It is compiled with a V8 code cache kept beside the parse cache: that skips most of the bundle's
// compile time on every later start. Anything wrong with the code cache just means a normal compile.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'papers.cjs');
let source;
try {
  // NOTE: the build leaves the bundle ASCII (src/build/ascii.cjs): read as latin1, it is a one-byte
  // string, quicker to decode and to compile than the UTF-8 decoding of the same bytes.
  const bytes = fs.readFileSync(bundle);
  const { isAscii } = require('node:buffer');
  source = isAscii && isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
} catch {
  process.stderr.write(`papers: ${bundle} is missing (run \`npm install\` or \`npm run build\` in the papers folder)\n`);
  process.exit(2);
}

const xdg = process.env.XDG_CACHE_HOME;
// NOTE: os.homedir() is $HOME on POSIX when it is set; node:os costs ~4 ms to load.
const home = (process.platform !== 'win32' && process.env.HOME) || require('node:os').homedir();
const cacheDir = path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'papers');
const stat = fs.statSync(bundle);
// One code cache per command: each holds the functions its command compiled on the run that wrote
// it, so `search` does not compile its own code on every run after a `list` wrote the cache.
const COMMANDS = new Set(['list', 'show', 'search', 'sections', 'lint', 'add', 'note', 'completion', 'lsp']);
// NOTE: --json shares its command's cache: a cache of its own measured no faster (seed digest, median
// of 15 warm runs each way: list --json 159 vs 162 ms, 127 vs 149 ms; list 146 vs 145, 141 vs 121).
const command = process.argv.slice(2).find((arg) => COMMANDS.has(arg)) ?? 'other';
const build = `code-${process.version}-${stat.size}-${Math.floor(stat.mtimeMs)}`;
const codeCache = path.join(cacheDir, `${build}-${command}.bin`);
let cachedData;
try {
  cachedData = fs.readFileSync(codeCache);
} catch {}

const script = new vm.Script(wrap(source), { filename: bundle, cachedData });
if (!cachedData || script.cachedDataRejected) {
  // Written at exit, so the functions compiled during this run are in it too.
  process.once('exit', () => {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      // Code caches of other builds or Node versions are of no more use.
      for (const old of fs.readdirSync(cacheDir)) if (old.startsWith('code-') && !old.startsWith(`${build}-`)) fs.rmSync(path.join(cacheDir, old), { force: true });
      const tmp = `${codeCache}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, codeCache);
    } catch {}
  });
}
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(bundle), module_, bundle, path.dirname(bundle));
