// Finds the notes: --notes, else $PAPERS_NOTES, else the nearest notes/ folder; a folder means its .md files in name order.
import * as path from 'node:path';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';

export interface NotesLocation {
  /** Absolute path of what was given or found. */
  root: string;
  kind: 'file' | 'dir';
  /** Absolute paths of the markdown files, in name order. */
  files: string[];
  /** How the notes were found, for messages. */
  source: '--notes' | 'PAPERS_NOTES' | 'notes/ folder';
}

const isMarkdownName = (name: string): boolean => /\.(md|markdown)$/i.test(name);

export function locateNotes(io: Io, given?: string): NotesLocation {
  let root: string;
  let source: NotesLocation['source'];
  const fromEnv = io.env.PAPERS_NOTES;
  if (given !== undefined) {
    if (!given.trim()) throw new InputError('--notes needs a path', 'pass a digest file or a folder of .md files');
    root = path.resolve(io.cwd(), given);
    source = '--notes';
  } else if (fromEnv) {
    root = path.resolve(io.cwd(), fromEnv);
    source = 'PAPERS_NOTES';
  } else {
    let dir = io.cwd();
    for (;;) {
      const candidate = path.join(dir, 'notes');
      if (io.stat(candidate)?.kind === 'dir') {
        root = candidate;
        source = 'notes/ folder';
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) {
        throw new InputError(
          'no notes found: no notes/ folder here or in any parent folder',
          'pass --notes <file|dir>, set PAPERS_NOTES, or run papers inside a folder that has notes/',
        );
      }
      dir = parent;
    }
  }
  const shown = given ?? fromEnv ?? root;
  const st = io.stat(root);
  if (!st) {
    throw new InputError(`notes not found: ${shown} does not exist (from ${source})`, 'pass an existing digest file or folder');
  }
  if (st.kind === 'dir') {
    const names = io.readDir(root).filter(isMarkdownName).sort();
    const files: string[] = [];
    for (const name of names) {
      const file = path.join(root, name);
      const kind = io.stat(file)?.kind;
      if (kind === 'file') files.push(file);
      else if (kind === 'dir') throw new InputError(`${file} is a folder, expected a markdown file`, 'rename it or move it out of the notes folder');
      // Listed, yet nothing to stat: a symbolic link whose target is gone. Never skipped silently.
      else if (kind === undefined) {
        throw new InputError(`cannot read ${displayName(io, file)}: it is a broken symbolic link or was just removed`, 'fix or remove the link, or move it out of the notes folder');
      } else throw new InputError(`${displayName(io, file)} is not a regular file`, 'move it out of the notes folder');
    }
    if (files.length === 0) {
      throw new InputError(`no markdown files in ${shown}`, 'put .md files there, or pass --notes <file>');
    }
    return { root, kind: 'dir', files, source };
  }
  if (st.kind !== 'file') throw new InputError(`${shown} is not a regular file or folder`, 'pass a digest file or a folder of .md files');
  if (/[\\/]$/.test(shown)) throw new InputError(`${shown} is a file, not a folder`, 'drop the trailing slash');
  return { root, kind: 'file', files: [root], source };
}

export function displayName(io: Io, file: string): string {
  const rel = path.relative(io.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

