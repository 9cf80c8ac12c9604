// What every command gets: the Io, global options and helpers to load the store and print.
import type { Io } from '../io.js';
import { progressBar } from '../report/progress.js';
import { terminalSafe } from '../report/safe.js';
import { colorFor, type ChalkInstance } from '../report/terminal.js';
import type { Store } from '../store/store.js';

export interface GlobalOptions {
  notes?: string;
  config?: string;
  color?: boolean;
  cache?: boolean;
  encoding?: string;
}

export interface ContextLoadOptions {
  /** Notes to load instead of --notes (a path given to the command). */
  notes?: string | undefined;
  /** A progress bar on a terminal's stderr for a long parse (default true; pass false with --json). */
  progress?: boolean;
  /** The command reads the notes' text (lint, add, note); see LoadOptions.readsText. */
  readsText?: boolean;
}

export interface Context {
  io: Io;
  global: GlobalOptions;
  /** Colours for stdout: decided by stdout being a terminal. */
  color: ChalkInstance;
  /**
   * Colours for text written to stderr, decided by stderr being a terminal (`papers lint 2>log` on a
   * terminal writes no escape codes into the log). A function: chalk loads only when it is asked for.
   */
  errColor(): Promise<ChalkInstance>;
  /** The store: the one way every command reads the notes. */
  load(options?: ContextLoadOptions): Promise<Store>;
  /** Data for stdout, as given: JSON exact, human formatters' text terminal-safe already (report/safe.ts). */
  out(text: string): void;
  /**
   * A message for stderr (counts, hints, errors quoting the user's words or the notes' text), written
   * terminal-safe: plain text, never styled (a formatter's styled stderr text goes to io.stderr).
   */
  err(text: string): void;
}

export async function createContext(io: Io, global: GlobalOptions): Promise<Context> {
  let errColor: Promise<ChalkInstance> | undefined;
  return {
    io,
    global,
    color: await colorFor(io, global.color !== false),
    errColor: () => (errColor ??= colorFor(io, global.color !== false, io.stderr)),
    // NOTE: the store's modules load with the first command that needs them, not at start-up.
    load: async (options = {}) => {
      const store = await (await import('../store/load.js')).loadStore(io, {
        notes: options.notes ?? global.notes,
        config: global.config,
        cache: global.cache !== false,
        encoding: global.encoding,
        readsText: options.readsText,
        progress: options.progress !== false && io.stderr.isTTY ? () => progressBar((text) => io.stderr.write(text), 'papers: reading notes') : undefined,
      });
      // A file whose entries papers could not find: say which setting would read them.
      for (const hint of (await import('../store/dialect.js')).layoutHints(store.files)) io.stderr.write(`papers: ${hint}\n`);
      return store;
    },
    out: (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => {
      const safe = terminalSafe(text);
      io.stderr.write(safe.endsWith('\n') ? safe : `${safe}\n`);
    },
  };
}
