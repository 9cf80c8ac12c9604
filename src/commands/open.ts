// `papers open <id|alias|title words>`: the entry found as `show` finds it, opened in $VISUAL/$EDITOR at its heading line.
import * as z from 'zod/mini';
import { editorCall, editorFromEnv } from '../editor/position.js';
import { EXIT_OK, InputError } from '../errors.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';
import { requireOneEntry } from './resolve.js';

export const OpenOptionsSchema = z.object({ json: Flag });

export async function runOpen(ctx: Context, words: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(OpenOptionsSchema, rawOptions);
  const query = words.join(' ');
  const store = await ctx.load({ progress: false });
  const entry = await requireOneEntry(ctx, store.summaries(), query);
  if (typeof entry === 'number') return entry;
  const editor = editorFromEnv(ctx.io.env);
  if (options.json) {
    ctx.out(JSON.stringify({ id: entry.id, file: entry.file, line: entry.line, path: store.path(entry.file), editor }, null, 2));
    return EXIT_OK;
  }
  if (editor === null) {
    ctx.out(`${entry.file}:${entry.line}`);
    ctx.err('papers: no editor set (set $VISUAL or $EDITOR, e.g. export EDITOR=vim, to open the entry in it)');
    return EXIT_OK;
  }
  const call = editorCall(editor, store.path(entry.file), entry.line);
  if (!call.atLine) ctx.err(`papers: not known how "${editor}" opens a file at a line; opening ${entry.file} (the entry is at line ${entry.line})`);
  const exit = await ctx.io.runEditor(editor, call.args);
  if (exit.kind === 'not-found') throw new InputError(`cannot start the editor "${editor}": command not found`, 'set $VISUAL or $EDITOR to an editor on your PATH');
  if (exit.kind === 'failed') throw new InputError(`cannot start the editor "${editor}": ${exit.message}`, 'set $VISUAL or $EDITOR to an editor on your PATH');
  return exit.status;
}
