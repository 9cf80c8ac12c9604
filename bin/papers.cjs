#!/usr/bin/env node
'use strict';
// The `papers` command. The CLI is one bundle, dist/papers.cjs, built by `npm install` (`prepare`).
// It is compiled with a V8 code cache kept beside the parse cache: that skips most of the bundle's
// compile time on every later start. A code cache is only an optimisation: one that is damaged,
// truncated, foreign or unreadable is ignored (a normal compile) and written again.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'papers.cjs');
let source;
let stat;
try {
  // NOTE: the build leaves the bundle ASCII (src/build/ascii.cjs): read as latin1, it is a one-byte
  // string, quicker to decode and to compile than the UTF-8 decoding of the same bytes.
  const bytes = fs.readFileSync(bundle);
  stat = fs.statSync(bundle);
  const { isAscii } = require('node:buffer');
  source = isAscii && isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
} catch {
  process.stderr.write(`papers: ${bundle} is missing (run \`npm install\` or \`npm run build\` in the papers folder)\n`);
  process.exit(2);
}

// NOTE: V8 checks a code cache only for its version, its flags and the source's length: in a release
// build it does not verify the cache's own checksum, so a flipped byte reaches the deserialiser and
// kills the process (SIGTRAP, "Check failed: ReadSingleBytecodeData") or, worse, runs wrong code.
// So each file is framed here: MAGIC, the key it was written for, the payload's length and a checksum
// of the payload; anything that does not match exactly is never handed to V8.
const MAGIC = 'papers-code-cache-2\n';

/**
 * The payload's checksum: CRC-32, native in Node >= 20.15 (a tenth of the time a JS loop takes over a
 * megabyte of code cache); before that, a 32-bit FNV-1a over 4-byte words. Either changes with any word.
 */
const checksum = (() => {
  const { crc32 } = require('node:zlib');
  if (typeof crc32 === 'function') return (bytes) => crc32(bytes).toString(16).padStart(8, '0');
  return (bytes) => {
    const words = bytes.length >>> 2;
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.prototype.slice.call(bytes);
    const view = new Int32Array(aligned.buffer, aligned.byteOffset, words);
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < words; i++) h = Math.imul(h ^ view[i], 0x01000193);
    for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return (Math.imul(h ^ bytes.length, 0x01000193) >>> 0).toString(16).padStart(8, '0');
  };
})();

/** The payload of a framed code cache written for `key`, or undefined when anything is off. */
function unframe(file, key) {
  const header = `${MAGIC}${key}\n`;
  if (file.length < header.length + 17 || file.latin1Slice(0, header.length) !== header) return undefined;
  const fields = file.latin1Slice(header.length, header.length + 17);
  const match = /^([0-9a-f]{8}) ([0-9a-f]{8})$/.exec(fields.slice(0, 17));
  const payload = file.subarray(header.length + 18);
  if (!match || file[header.length + 17] !== 0x0a || parseInt(match[1], 16) !== payload.length) return undefined;
  return checksum(payload) === match[2] ? payload : undefined;
}

function frame(payload, key) {
  const length = payload.length.toString(16).padStart(8, '0');
  return Buffer.concat([Buffer.from(`${MAGIC}${key}\n${length} ${checksum(payload)}\n`, 'latin1'), payload]);
}

// --no-cache bypasses every cache, this one too (and so is a way out of any cache trouble).
const args = process.argv.slice(2);
const noCache = args.includes('--no-cache');
let script;
if (!noCache) {
  const xdg = process.env.XDG_CACHE_HOME;
  // NOTE: os.homedir() is $HOME on POSIX when it is set; node:os costs ~4 ms to load.
  const home = (process.platform !== 'win32' && process.env.HOME) || require('node:os').homedir();
  const cacheDir = path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'papers');
  // One code cache per command: each holds the functions its command compiled on the run that wrote
  // it, so `search` does not compile its own code on every run after a `list` wrote the cache.
  const COMMANDS = new Set(['list', 'show', 'search', 'sections', 'stats', 'lint', 'add', 'note', 'export', 'completion', 'lsp']);
  // NOTE: --json shares its command's cache: a cache of its own measured no faster (seed digest, median
  // of 15 warm runs each way: list --json 159 vs 162 ms, 127 vs 149 ms; list 146 vs 145, 141 vs 121).
  const command = args.find((arg) => COMMANDS.has(arg)) ?? 'other';
  const build = `code-${process.version}-${stat.size}-${Math.floor(stat.mtimeMs)}`;
  // The key says what the cache was compiled from and by: the bundle (size, times, inode), the V8
  // version, the architecture and the flags given to Node. It names the file and is checked inside it,
  // so a file copied or renamed from another key is refused too.
  const flags = checksum(Buffer.from(`${process.execArgv.join('\0')}\n${process.env.NODE_OPTIONS ?? ''}`, 'utf8'));
  const key = `${build} ${Math.floor(stat.ctimeMs)} ${stat.ino} v8-${process.versions.v8} ${process.arch} ${flags} ${command}`;
  const codeCache = path.join(cacheDir, `${build}-${flags}-${command}.bin`);
  let cachedData;
  try {
    cachedData = unframe(fs.readFileSync(codeCache), key);
  } catch {}

  script = new vm.Script(wrap(source), { filename: bundle, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, so the functions compiled during this run are in it too.
    process.once('exit', () => {
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        const now = Date.now();
        for (const old of fs.readdirSync(cacheDir)) {
          if (!old.startsWith('code-')) continue;
          const file = path.join(cacheDir, old);
          // Code caches of other builds or Node versions are of no more use; a temp file of a run
          // killed while writing one is removed after a minute.
          if (!old.startsWith(`${build}-`)) fs.rmSync(file, { force: true });
          else if (old.endsWith('.tmp') && now - fs.lstatSync(file).mtimeMs > 60_000) fs.rmSync(file, { force: true });
        }
        const tmp = `${codeCache}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, frame(script.createCachedData(), key));
        try {
          fs.renameSync(tmp, codeCache);
        } catch {
          // Something else in its place (a folder): it is ours to replace.
          fs.rmSync(codeCache, { recursive: true, force: true });
          fs.renameSync(tmp, codeCache);
        }
      } catch {}
    });
  }
} else {
  script = new vm.Script(wrap(source), { filename: bundle });
}
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(bundle), module_, bundle, path.dirname(bundle));
