// `papers lsp --stdio`: the language server; its protocol library loads only with this command.
import * as z from 'zod/mini';
import type { Context } from './context.js';
import { Flag, parseOptions, wholeNumber } from './options.js';

export const LspOptionsSchema = z.object({
  stdio: Flag,
  clientProcessId: wholeNumber(1),
});

/** The least time between two lint runs of the open notes (a keystroke after a quiet spell is linted at once). */
export const DEBOUNCE_MS = 50;

export async function runLsp(ctx: Context, rawOptions: unknown): Promise<number> {
  // --stdio is the only transport (and the default); --clientProcessId is read by the library itself.
  parseOptions(LspOptionsSchema, rawOptions);
  const { serveLsp } = await import('../lsp/server.js');
  return serveLsp(ctx, { debounceMs: DEBOUNCE_MS });
}
