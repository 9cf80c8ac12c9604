// Reads a notes file's bytes and decodes them, turning every failure into a message that names the file.
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import { decodeNotes } from './utf8.js';

export function readNotesBytes(io: Io, file: string, shown: string): Uint8Array {
  try {
    return io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    throw new InputError(`cannot read ${shown}: ${why}`, 'check the file and its permissions');
  }
}

export function decodeNotesBytes(bytes: Uint8Array, shown: string): string {
  const decoded = decodeNotes(bytes);
  if (decoded.ok) return decoded.text;
  if (decoded.reason === 'binary') {
    throw new InputError(
      `${shown} looks like a binary file (NUL byte at line ${decoded.line}, column ${decoded.column}), expected a markdown digest`,
      "pass the digest's .md file",
    );
  }
  throw new InputError(
    `${shown} is not valid UTF-8: bad byte at line ${decoded.line}, column ${decoded.column} (byte offset ${decoded.byte})`,
    'save the file as UTF-8',
  );
}

export function readNotesFile(io: Io, file: string, shown: string): string {
  return decodeNotesBytes(readNotesBytes(io, file, shown), shown);
}

