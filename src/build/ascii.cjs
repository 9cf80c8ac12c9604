'use strict';
// Run by `npm run build` after esbuild: escapes every non-ASCII character of the bundle as \uXXXX.
// esbuild escapes strings but leaves regular expression literals as written (`/[:：]/`); one such
// character makes the whole 650 kB source a two-byte string, which takes bin/papers.cjs ~8 ms more
// to read and V8 longer to compile on every run. \uXXXX means the same code unit in strings,
// templates, regular expressions (with or without the u flag) and identifiers; the bundle holds no
// String.raw, the one place where it would not (test/bin.smoke.test.ts checks both).
const fs = require('node:fs');

for (const file of process.argv.slice(2)) {
  const source = fs.readFileSync(file, 'utf8');
  for (const raw of source.match(/String\.raw`[^`]*`/g) ?? []) {
    if (/[^\x00-\x7f]/.test(raw)) throw new Error(`${file}: a String.raw template holds non-ASCII text, which escaping would change: ${raw.slice(0, 80)}`);
  }
  const ascii = source.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== source) fs.writeFileSync(file, ascii);
}
