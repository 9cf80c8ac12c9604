// `npm run build`: bundles the CLI with esbuild into dist/papers.cjs, which bin/papers.cjs runs with
// a V8 code cache. Modules only some runs need (the markdown parser, colours, prompts, the lock,
// diffs, fuzzy typo matching, pinyin, the BibTeX reader) are bundled apart in dist/lazy/ and required on first use: every run reads and compiles
// the main bundle, so what it leaves out is start-up time saved (a third of its size).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = path.join(root, 'dist');

/** What is bundled apart: an import specifier (a package, or our markdown module) -> its bundle's name. */
const LAZY = [
  { name: 'markdown', matches: (spec) => /(^|\/)markdown\.js$/.test(spec), entry: 'src/store/markdown.ts' },
  { name: 'chalk', matches: (spec) => spec === 'chalk', entry: 'chalk' },
  { name: 'inquirer-input', matches: (spec) => spec === '@inquirer/input', entry: '@inquirer/input' },
  { name: 'inquirer-select', matches: (spec) => spec === '@inquirer/select', entry: '@inquirer/select' },
  { name: 'diff', matches: (spec) => spec === 'diff', entry: 'diff' },
  { name: 'fuse', matches: (spec) => spec === 'fuse.js/basic', entry: 'fuse.js/basic' },
  { name: 'pinyin', matches: (spec) => spec === 'pinyin-pro', entry: 'pinyin-pro' },
  // citation-js, for add --bibtex only; its HTTP clients replaced by a stub (papers gives it text, never a URL).
  {
    name: 'bibtex',
    matches: (spec) => /(^|\/)bibtex\/read\.js$/.test(spec),
    entry: 'src/bibtex/read.ts',
    alias: { 'sync-fetch': './src/shims/no-fetch.cjs', 'fetch-ponyfill': './src/shims/no-fetch.cjs' },
  },
  // `papers lsp` only: the protocol library and its text documents.
  { name: 'languageserver', matches: (spec) => spec === 'vscode-languageserver/node', entry: 'vscode-languageserver/node' },
  { name: 'textdocument', matches: (spec) => spec === 'vscode-languageserver-textdocument', entry: 'vscode-languageserver-textdocument' },
];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  // PAPERS_BUNDLE_NAMES=1 keeps the names in the code, for profiles that name functions.
  // NOTE: not keepNames: its __name() calls cost ~3 ms of every start. A stack trace of an internal
  // error names minified functions; dist/*.map (a source map, not loaded at run time) maps them back.
  minifyIdentifiers: process.env.PAPERS_BUNDLE_NAMES !== '1',
  sourcemap: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
  alias: { 'node:child_process': './src/shims/child-process.cjs' },
};

fs.rmSync(dist, { recursive: true, force: true });

// An import of a lazy module becomes a small module of the main bundle that requires dist/lazy/<name>.cjs
// when it is first run: esbuild turns `await import()` of a bundled module into a plain call, and
// bin/papers.cjs runs the bundle in a vm.Script, which has no loader for a real dynamic import.
const lazyPlugin = {
  name: 'lazy',
  setup(b) {
    b.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.namespace === 'lazy') return undefined;
      const lazy = LAZY.find((l) => l.matches(args.path));
      return lazy ? { path: lazy.name, namespace: 'lazy' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./lazy/${args.path}.cjs`)});`,
      loader: 'js',
    }));
  },
};

await build({ ...common, entryPoints: ['src/cli.ts'], outfile: path.join(dist, 'papers.cjs'), plugins: [lazyPlugin] });
for (const lazy of LAZY) {
  const entry = lazy.entry.startsWith('src/') ? lazy.entry : undefined;
  await build({
    ...common,
    alias: { ...common.alias, ...(lazy.alias ?? {}) },
    // NOTE: the main bundle imports a lazy module as ESM imports CommonJS (Node's rule: `default` is
    // module.exports), so a package whose default export is a function exports that function, with
    // its named exports on it: `import input from '@inquirer/input'` gets the function.
    ...(entry
      ? { entryPoints: [entry] }
      : {
          stdin: {
            contents: `const ns = require(${JSON.stringify(lazy.entry)});\nmodule.exports = typeof ns.default === 'function' ? Object.assign(ns.default, ns) : ns;`,
            resolveDir: root,
            loader: 'js',
          },
        }),
    outfile: path.join(dist, 'lazy', `${lazy.name}.cjs`),
  });
}

const outputs = [path.join(dist, 'papers.cjs'), ...LAZY.map((l) => path.join(dist, 'lazy', `${l.name}.cjs`))];
execFileSync(process.execPath, [path.join(root, 'src', 'build', 'ascii.cjs'), ...outputs], { stdio: 'inherit' });
