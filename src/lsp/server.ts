// `papers lsp`: the Language Server Protocol over stdio. The edge between the protocol library and the
// store: every feature asks the Store for the notes as the editor has them (`withText` for unsaved
// buffers), lints them as `papers lint` does, and answers with the pure helpers of src/lsp/.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import pkg from '../../package.json';
import { createContext, type Context } from '../commands/context.js';
import { findHits } from '../commands/search-hits.js';
import { PapersError } from '../errors.js';
import type { Io } from '../io.js';
import { activeRules } from '../lint/config.js';
import { createLintMemo, linkTarget, type LintMemo } from '../lint/context.js';
import { fixFile } from '../lint/fix.js';
import { rules } from '../lint/rules/index.js';
import type { ActiveRule } from '../lint/run.js';
import { lintOfStore, type StoreLint } from '../lint/store.js';
import type { LintMessage } from '../lint/types.js';
import { parseQuery } from '../search/query.js';
import { parseDigest, reuseChunks, type ParsedChunk, type ParsedFile } from '../store/parse.js';
import { scanDigest, spliceScan, type Scan } from '../store/scan.js';
import type { Store } from '../store/store.js';
import { markdownFor } from '../store/texts.js';
import { headingCompletions } from './complete.js';
import { fixAllAction, quickFixes, replaceChanged, toDiagnostic, wantsFixAll, type DocsHref } from './diagnostics.js';
import { entriesByAlias, hoverMarkdown, linkAt, wordAt } from './hover.js';
import { documentSymbols, ENTRY_KIND, entryDetail, entryName } from './outline.js';
import { lineIndex, lineText, offsetAt, rangeAt, type LineIndex } from './positions.js';

export interface ServeOptions {
  /** The least time between two lint runs: a change within it of the last run waits for its end. */
  debounceMs: number;
}

/** How many entries workspace/symbol returns at most. */
const SYMBOL_LIMIT = 100;

const BOM = '\uFEFF';

function errorText(error: unknown): string {
  if (error instanceof PapersError) return `${error.message}${error.hint ? ` (${error.hint})` : ''}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The folder the client opened, as a path; null when it gave none (or not a file: URI). */
function workspaceRoot(params: InitializeParams): string | null {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
  if (uri?.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
  }
  return params.rootPath ?? null;
}

/** An Io whose current folder is the workspace: the notes are found from there, as `papers` run in it would. */
function ioAt(io: Io, cwd: string): Io {
  return Object.assign(Object.create(io) as Io, { cwd: () => cwd });
}

/** Serves until the client says exit (or closes the pipe, or its process dies): the library then ends the process. */
export async function serveLsp(outer: Context, options: ServeOptions): Promise<number> {
  const { input, output } = outer.io.protocolStreams();
  const connection: Connection = createConnection(ProposedFeatures.all, input, output);
  const documents = new TextDocuments(TextDocument);
  const log = {
    error: (text: string) => connection.console.error(`papers: ${text}`),
    info: (text: string) => connection.console.info(`papers: ${text}`),
  };

  // Where the rules' pages are: docs/ of the installed package (beside dist/, where the bundle runs).
  const packageRoot = typeof __dirname === 'string' ? path.join(__dirname, '..') : outer.io.cwd();
  const docsUri = pathToFileURL(path.join(packageRoot, 'docs', 'lint-rules.md')).href;
  const docs: DocsHref = (alias) => `${docsUri}#${alias}`;

  let ctx = outer;
  let ready: Promise<Context> = Promise.resolve(outer);
  /** Counts loads of the notes: a new load makes a new current store. */
  let generation = 0;
  /** The notes as on disk: loaded at start, again after a save; null while they cannot be loaded. */
  let base: Promise<Store | null> = Promise.resolve(null);
  let baseError: string | null = null;
  const loadBase = (): Promise<Store | null> =>
    (base = ready.then((c) => (ctx = c).load({ readsText: true, progress: false })).then(
      (store) => {
        if (baseError) log.info(`notes loaded from ${store.location.root}`);
        baseError = null;
        generation++;
        chunks.clear();
        return store;
      },
      (error: unknown) => {
        const text = errorText(error);
        if (text !== baseError) log.error(text);
        baseError = text;
        return null;
      },
    ));
  /** Each open notes file's chunks as last parsed: the next parse of its buffer reuses them. */
  const chunks = new Map<string, ParsedChunk[]>();

  const fileOf = (store: Store, uri: string): string | null => {
    if (!uri.startsWith('file:')) return null;
    let p: string;
    try {
      p = path.resolve(fileURLToPath(uri));
    } catch {
      return null;
    }
    return store.files.find((f) => path.resolve(store.path(f.file)) === p)?.file ?? null;
  };
  const uriOf = (store: Store, file: string): string => {
    const p = path.resolve(store.path(file));
    for (const doc of documents.all()) if (fileOf(store, doc.uri) === file) return doc.uri;
    return pathToFileURL(p).href;
  };

  const parseText = async (store: Store, file: string, text: string, previous: Iterable<ParsedChunk>): Promise<ParsedFile> =>
    parseDigest(text, file, { ...store.registries, markdown: await markdownFor([text]), reuse: reuseChunks(previous) });

  /** The notes as the editor has them: each open notes file's buffer in place of its text on disk. */
  let now: { key: string; generation: number; store: Promise<Store | null> } | null = null;
  /** The line scans of the buffers a current store was made with: lint does not scan them again. */
  const scans = new WeakMap<Store, Map<string, Scan>>();
  /** The files a current store holds the buffers of. */
  const buffered = new WeakMap<Store, Set<string>>();
  /** Each open notes file's buffer, parsed into the store as on disk. */
  const parsedFrom = async (store: Store, open: ReadonlyArray<{ file: string; text: string }>): Promise<Store> => {
    let s = store;
    // The scans of the files as on disk carry over (this may be the store itself); a buffer's is its parse's.
    const scanned = new Map(scans.get(store));
    for (const { file, text } of open) {
      const disk = store.text(file);
      if (text === disk || BOM + text === disk) continue;
      const parsed = await parseText(store, file, text, chunks.get(file) ?? store.parsed(file, { links: true }).chunks ?? []);
      chunks.set(file, parsed.chunks ?? []);
      s = s.withText(file, text, parsed);
      if (parsed.scan) scanned.set(file, parsed.scan);
      else scanned.delete(file);
    }
    scans.set(s, scanned);
    buffered.set(s, new Set(open.map((o) => o.file)));
    return s;
  };
  /**
   * The same from the store of the last run, when it holds buffers of these files: a change typed into
   * one entry's notes is spliced in (Store.withEdit), nothing else parsed. Null when a change is not such an edit.
   */
  const editedFrom = (last: Store, open: ReadonlyArray<{ file: string; text: string }>): Store | null => {
    const had = buffered.get(last);
    if (!had || had.size !== open.length || open.some((o) => !had.has(o.file))) return null;
    let s = last;
    const scanned = new Map(scans.get(last));
    for (const { file, text } of open) {
      const from = s.text(file);
      if (text === from || BOM + text === from) continue;
      const edit = replaceChanged(from, text);
      if (!edit) continue;
      const next = s.withEdit(file, text, edit);
      if (!next) return null;
      s = next;
      // The line scan for lint, spliced as the store was.
      const scan = scanned.get(file);
      if (scan) scanned.set(file, spliceScan(scan, text, edit));
      else scanned.delete(file);
    }
    buffered.set(s, had);
    scans.set(s, scanned);
    return s;
  };
  const current = (): Promise<Store | null> => {
    const key = [generation, ...documents.all().map((d) => `${d.uri}@${d.version}`)].join('\n');
    if (now && now.key === key) return now.store;
    const last = now?.generation === generation ? now.store : null;
    const made = base.then(async (store) => {
      if (!store) return null;
      const open: Array<{ file: string; text: string }> = [];
      for (const doc of documents.all()) {
        const file = fileOf(store, doc.uri);
        if (file) open.push({ file, text: doc.getText() });
      }
      const previous = last ? await last.catch(() => null) : null;
      return (previous && editedFrom(previous, open)) ?? parsedFrom(store, open);
    });
    now = { key, generation, store: made };
    return made;
  };

  let active: { store: Store; rules: ActiveRule[] } | null = null;
  /** The rules the config switches on, as `papers lint` runs them; a bad config is logged, and nothing linted. */
  const rulesOf = (store: Store): ActiveRule[] | null => {
    if (active?.store.config === store.config) return active.rules;
    try {
      active = { store, rules: activeRules(rules, store.config.lint, { configFile: store.configFile }) };
      return active.rules;
    } catch (error) {
      log.error(errorText(error));
      return null;
    }
  };
  const existsNow = (): ((target: string) => boolean) => {
    const known = new Map<string, boolean>();
    return (target) => {
      let found = known.get(target);
      if (found === undefined) known.set(target, (found = ctx.io.stat(target) !== null));
      return found;
    };
  };
  /** What earlier lints worked out (headings, name keys), for each venue registry (a new config makes a new one). */
  const memos = new WeakMap<Store['venues'], LintMemo>();
  const memoFor = (store: Store): LintMemo => {
    let memo = memos.get(store.venues);
    if (!memo) memos.set(store.venues, (memo = createLintMemo()));
    return memo;
  };
  let linted: { store: Store; lint: Promise<StoreLint | null> } | null = null;
  const lintOf = (store: Store): Promise<StoreLint | null> => {
    if (linted?.store === store) return linted.lint;
    const run = rulesOf(store);
    // Every file's line scan is kept with its store: the next keystroke's store splices it (editedFrom).
    const scanned = scans.get(store) ?? new Map<string, Scan>();
    for (const f of store.files) if (!scanned.has(f.file)) scanned.set(f.file, scanDigest(store.text(f.file)));
    scans.set(store, scanned);
    const lint = run ? lintOfStore(store, run, existsNow(), scanned, memoFor(store)) : Promise.resolve(null);
    linted = { store, lint: lint.catch((error: unknown) => (log.error(`lint failed: ${errorText(error)}`), null)) };
    return linted.lint;
  };
  const messagesOf = (lint: StoreLint | null, file: string): LintMessage[] => lint?.result.files.find((f) => f.file === file)?.messages ?? [];

  /** Lints the notes as open now and publishes every open document's diagnostics. */
  const publish = async (): Promise<void> => {
    const store = await current();
    const versions = new Map(documents.all().map((d) => [d.uri, d.version]));
    const lint = store ? await lintOf(store) : null;
    for (const doc of documents.all()) {
      // Changed meanwhile: its own run comes.
      if (versions.get(doc.uri) !== doc.version) continue;
      const file = store ? fileOf(store, doc.uri) : null;
      const diagnostics = file && lint ? messagesOf(lint, file).map((m) => toDiagnostic(m, docs)) : [];
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    }
  };
  // A change after a quiet spell is linted at once; changes that come faster are gathered into one run
  // at most every debounceMs, each reading the documents as they are when it starts. Runs never overlap.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let lastRun = -Infinity;
  const runPublish = (): void => {
    timer = undefined;
    running = true;
    lastRun = outer.io.now();
    void publish()
      .catch((error: unknown) => log.error(`diagnostics failed: ${errorText(error)}`))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    if (running) again = true;
    else if (timer === undefined) {
      const wait = lastRun + options.debounceMs - outer.io.now();
      if (wait <= 0) runPublish();
      else timer = setTimeout(runPublish, wait);
    }
  };

  /** A request's handler: a throw is logged and answered with `fallback`; the server carries on. */
  const guard =
    <P, R>(name: string, fallback: R, handler: (params: P) => Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        log.error(`${name} failed: ${errorText(error)}`);
        return fallback;
      }
    };

  /** The open document and its notes file, or null when it is not one of the notes. */
  const opened = async (uri: string): Promise<{ store: Store; file: string; doc: TextDocument; index: LineIndex } | null> => {
    const doc = documents.get(uri);
    const store = await current();
    if (!store) return null;
    const file = fileOf(store, uri);
    if (!file) return null;
    const text = doc?.getText() ?? store.text(file);
    return { store, file, doc: doc ?? TextDocument.create(uri, 'markdown', 0, text), index: lineIndex(store.text(file)) };
  };
  const positionsOf = (store: Store, file: string): number[] => store.summaries().flatMap((s, i) => (s.file === file ? [i] : []));
  const entryAt = (store: Store, file: string, offset: number, within: 'heading' | 'entry') => {
    const entries = store.entries(positionsOf(store, file));
    return entries.find((e) => (within === 'heading' ? e.heading.start <= offset && offset <= e.heading.end : e.range.start <= offset && offset < e.range.end)) ?? null;
  };

  connection.onInitialize((params): InitializeResult => {
    const root = workspaceRoot(params);
    if (root) {
      // --notes and --config given on the command line still mean what they meant where papers was started.
      const at = outer.io.cwd();
      const global = { ...outer.global, notes: outer.global.notes && path.resolve(at, outer.global.notes), config: outer.global.config && path.resolve(at, outer.global.config) };
      ready = createContext(ioAt(outer.io, root), global);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.papers'] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: ['[', ',', '，'] },
        hoverProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'papers', version: pkg.version },
    };
  });
  connection.onInitialized(() => {
    void loadBase().then(schedule);
  });

  documents.onDidOpen((e) => {
    void base.then(async (store) => {
      if (!store) await loadBase();
      const s = await base;
      if (s && !fileOf(s, e.document.uri)) log.info(`${e.document.uri} is not one of the notes (${s.location.root}): no diagnostics for it`);
    });
  });
  documents.onDidChangeContent(() => schedule());
  documents.onDidSave(() => {
    void loadBase().then(schedule);
  });
  documents.onDidClose((e) => {
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    schedule();
  });
  connection.onDidChangeWatchedFiles(() => {
    void loadBase().then(schedule);
  });

  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], async (params) => {
      const at = await opened(params.textDocument.uri);
      if (!at) return [];
      const { store, file, doc } = at;
      const lint = await lintOf(store);
      const messages = messagesOf(lint, file);
      const input = { uri: doc.uri, version: doc.version, index: at.index, messages, range: params.range, docs, only: params.context.only };
      const actions = quickFixes(input);
      if (lint && wantsFixAll(params.context.only) && messages.some((m) => m.fix)) {
        const run = rulesOf(store)!;
        const texts = new Map(lint.texts);
        let previous: Iterable<ParsedChunk> = chunks.get(file) ?? store.parsed(file, { links: true }).chunks ?? [];
        const relint = async (now: ReadonlyMap<string, string>) => {
          const text = now.get(file)!;
          let s = store;
          if (text !== store.text(file)) {
            const parsed = await parseText(store, file, text, previous);
            previous = parsed.chunks ?? [];
            s = store.withText(file, text, parsed);
          }
          const l = s === store ? lint : await lintOfStore(s, run, existsNow());
          return { digest: l.digest, result: l.result };
        };
        try {
          const fixed = await fixFile(file, texts, relint);
          const all = fixAllAction(input, fixed);
          if (all) actions.push(all);
        } catch (error) {
          log.error(errorText(error));
        }
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [], async (params) => {
      const at = await opened(params.textDocument.uri);
      if (!at) return [];
      const { store, file, index } = at;
      return documentSymbols(
        index,
        store.sections.filter((s) => s.file === file),
        store.entries(positionsOf(store, file)),
      );
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspaceSymbol', [] as SymbolInformation[], async (params) => {
      const store = await current();
      if (!store) return [];
      const words = params.query.split(/\s+/).filter(Boolean);
      let positions: number[];
      if (words.length === 0) positions = Array.from({ length: Math.min(store.size, SYMBOL_LIMIT) }, (_, i) => i);
      else {
        let hits;
        try {
          hits = findHits(store, parseQuery(words), {});
        } catch (error) {
          // A bad qualifier (`year:abc`) finds nothing; say why in the log.
          if (error instanceof PapersError) {
            log.info(errorText(error));
            return [];
          }
          throw error;
        }
        positions = hits.slice(0, SYMBOL_LIMIT).map((h) => h.index);
      }
      const indexes = new Map<string, LineIndex>();
      const indexOf = (file: string): LineIndex => {
        let index = indexes.get(file);
        if (!index) indexes.set(file, (index = lineIndex(store.text(file))));
        return index;
      };
      return store.entries(positions).map((e): SymbolInformation => {
        const detail = entryDetail(e);
        const container = [e.section, detail].filter(Boolean).join(' · ');
        return {
          name: entryName(e),
          kind: ENTRY_KIND,
          location: { uri: uriOf(store, e.file), range: rangeAt(indexOf(e.file), e.heading.start, e.heading.end) },
          ...(container ? { containerName: container } : {}),
        };
      });
    }),
  );

  connection.onCompletion(
    guard('completion', { isIncomplete: false, items: [] as ReturnType<typeof headingCompletions> }, async (params) => {
      const at = await opened(params.textDocument.uri);
      if (!at) return { isIncomplete: false, items: [] };
      const { store } = at;
      const venues = new Map<string, number>(store.venues.names().map((n) => [n, 0]));
      const orgs = new Map<string, number>();
      for (const s of store.summaries()) {
        if (s.venue) venues.set(s.venue, (venues.get(s.venue) ?? 0) + 1);
        for (const o of s.orgs) orgs.set(o, (orgs.get(o) ?? 0) + 1);
      }
      const line = lineText(at.index, params.position.line);
      const character = Math.min(params.position.character, line.length);
      return { isIncomplete: false, items: headingCompletions(line, params.position.line, character, { venues, orgs }) };
    }),
  );

  connection.onHover(
    guard('hover', null, async (params) => {
      const at = await opened(params.textDocument.uri);
      if (!at) return null;
      const { store, file, index } = at;
      const offset = offsetAt(index, params.position);
      const entry = entryAt(store, file, offset, 'heading');
      if (!entry) return null;
      const findings = messagesOf(await lintOf(store), file).filter((m) => m.line >= entry.line && m.line <= Math.max(entry.endLine, entry.line));
      return { contents: { kind: 'markdown' as const, value: hoverMarkdown(entry, findings) }, range: rangeAt(index, entry.heading.start, entry.heading.end) };
    }),
  );

  connection.onDefinition(
    guard('definition', [] as Location[], async (params) => {
      const at = await opened(params.textDocument.uri);
      if (!at) return [];
      const { store, file, index } = at;
      const offset = offsetAt(index, params.position);
      // A relative link: the linked file, when it is there.
      const containing = entryAt(store, file, offset, 'entry');
      if (containing) {
        const position = store.summaries().findIndex((s) => s.id === containing.id);
        const [linked] = await store.linkedEntries([position]);
        const link = linked ? linkAt(linked.links, offset) : null;
        const target = link ? linkTarget(store.path(file), link.url) : null;
        if (target && ctx.io.stat(target)?.kind === 'file') return [{ uri: pathToFileURL(target).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
      }
      // An alias: its entry.
      const line = lineText(index, params.position.line);
      const word = wordAt(line, params.position.character);
      if (!word) return [];
      const summaries = store.summaries();
      const named = entriesByAlias(summaries, word.text).map((s) => summaries.indexOf(s));
      return store.entries(named).map((e) => ({ uri: uriOf(store, e.file), range: rangeAt(e.file === file ? index : lineIndex(store.text(e.file)), e.heading.start, e.heading.end) }));
    }),
  );

  documents.listen(connection);
  connection.listen();
  // NOTE: the library ends the process itself (exit 0 after shutdown and exit, 1 without shutdown).
  return new Promise<number>(() => {});
}
