// What every command gets: the Io, global options and helpers to load the store and print.
import type { Io } from '../io.js';
import { colorFor, type ChalkInstance } from '../report/terminal.js';
import { loadStore, type LoadedStore } from '../store/load.js';

export interface GlobalOptions {
  notes?: string;
  config?: string;
  color?: boolean;
}

export interface Context {
  io: Io;
  global: GlobalOptions;
  color: ChalkInstance;
  load(): Promise<LoadedStore>;
  out(text: string): void;
  err(text: string): void;
}

export function createContext(io: Io, global: GlobalOptions): Context {
  return {
    io,
    global,
    color: colorFor(io, global.color !== false),
    load: () => loadStore(io, { notes: global.notes, config: global.config }),
    out: (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}
