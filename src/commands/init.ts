// `papers init [dir]`: a new digest (notes/papers.md) and its config in a folder; never overwrites a file.
import * as path from 'node:path';
import * as z from 'zod/mini';
import { CONFIG_FILE_NAME } from '../config/schema.js';
import { starterConfig, starterDigest, STARTER_SECTION } from '../edit/init-template.js';
import { EXIT_OK, InputError } from '../errors.js';
import { resolvePath } from '../io.js';
import { displayName } from '../store/locate.js';
import type { Context } from './context.js';
import { Flag, parseOptions } from './options.js';

export const InitOptionsSchema = z.object({ json: Flag });

/** A word as a POSIX shell reads it back. */
const shellWord = (s: string): string => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

const isMarkdownName = (name: string): boolean => /\.(md|markdown)$/i.test(name);

export async function runInit(ctx: Context, dir: string | undefined, rawOptions: unknown): Promise<number> {
  const options = parseOptions(InitOptionsSchema, rawOptions);
  const { io } = ctx;
  if (dir !== undefined && !dir.trim()) throw new InputError('init needs a folder name, got an empty one', 'run papers init, or papers init <dir>');
  const root = resolvePath(io, dir ?? '.');
  const notesDir = path.join(root, 'notes');
  const digest = path.join(notesDir, 'papers.md');
  const config = path.join(notesDir, CONFIG_FILE_NAME);
  const shown = (p: string): string => displayName(io, p);

  // Every check before any write: on a refusal nothing is created, not even a folder.
  const rootKind = io.stat(root)?.kind;
  if (rootKind !== undefined && rootKind !== 'dir') throw new InputError(`${shown(root)} exists and is not a folder`, 'pass a new or existing folder');
  const notesKind = io.stat(notesDir)?.kind;
  if (notesKind !== undefined && notesKind !== 'dir') throw new InputError(`${shown(notesDir)} exists and is not a folder`, 'move it away, or init another folder');
  const existing = [digest, config].filter((p) => io.stat(p) !== null);
  if (existing.length) {
    throw new InputError(`${existing.map(shown).join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was changed`, 'papers init never overwrites a file: init another folder, or use the digest that is there');
  }
  const others = notesKind === 'dir' ? io.readDir(notesDir).filter(isMarkdownName) : [];
  if (others.length) {
    throw new InputError(`${shown(notesDir)} already holds a digest (${others.join(', ')}); nothing was changed`, 'papers reads every .md file there: use it as it is, or init another folder');
  }

  io.mkdirp(notesDir);
  await io.writeFileAtomic(digest, new TextEncoder().encode(starterDigest()));
  await io.writeFileAtomic(config, new TextEncoder().encode(starterConfig()));

  const created = [digest, config].map(shown);
  if (options.json) {
    ctx.out(JSON.stringify({ notes: created[0], config: created[1] }, null, 2));
    return EXIT_OK;
  }
  const cd = root === io.cwd() ? '' : `cd ${shellWord(shown(root))} && `;
  ctx.out(`created ${created[0]}\ncreated ${created[1]}`);
  ctx.err(
    [
      'next, try:',
      `  ${cd}papers list`,
      `  ${cd}papers add --title "Deep Interest Network" --alias DIN --venue "KDD'18" --org Alibaba --section ${STARTER_SECTION.slug}`,
      `  ${cd}papers search attention`,
    ].join('\n'),
  );
  return EXIT_OK;
}
