// Reads a notes file's bytes and decodes them, turning every failure into a message that names the file.
import type { EncodingName } from '../config/encodings.js';
import { InputError, PapersError } from '../errors.js';
import type { Io } from '../io.js';
import { decodeText, encodeLike, ENCODING_LABEL, UnencodableError, type Encoding } from './encoding.js';

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

/** A notes file's text and the encoding it was read in. */
export interface NotesText {
  text: string;
  encoding: Encoding;
}

/** Decodes a notes file in the encoding named (`auto`: detected; see decodeText), or says why it cannot. */
export function decodeNotesText(bytes: Uint8Array, shown: string, encoding: EncodingName = 'auto'): NotesText {
  const decoded = decodeText(bytes, encoding);
  if (decoded.ok) return { text: decoded.text, encoding: decoded.encoding };
  const named = encoding === 'auto' ? '' : ` (named in --encoding or the config's "encoding")`;
  if (decoded.reason === 'binary') {
    throw new InputError(
      `${shown} looks like a binary file (NUL byte at line ${decoded.line}, column ${decoded.column}), expected a markdown digest`,
      encoding === 'auto' ? "pass the digest's .md file; a UTF-16 file without a BOM needs --encoding utf-16le or utf-16be" : "pass the digest's .md file",
    );
  }
  const label = ENCODING_LABEL[decoded.encoding];
  throw new InputError(
    `${shown} is not valid ${label}${named}: bad byte at line ${decoded.line}, column ${decoded.column} (byte offset ${decoded.byte})`,
    encoding === 'auto' ? 'save the file as UTF-8, or name its encoding with --encoding (gb18030, gbk, utf-16le, utf-16be)' : 'check the encoding, or save the file as UTF-8',
  );
}

export function decodeNotesBytes(bytes: Uint8Array, shown: string, encoding: EncodingName = 'auto'): string {
  return decodeNotesText(bytes, shown, encoding).text;
}

/** The encoding of a file as a user names it: `GB18030`, `UTF-8`. */
export function encodingLabel(encoding: Encoding): string {
  return ENCODING_LABEL[encoding];
}

export function readNotesFile(io: Io, file: string, shown: string): string {
  return decodeNotesBytes(readNotesBytes(io, file, shown), shown);
}

/** How a store reads its files' bytes and writes new text back in each file's own encoding. */
export interface NotesCodec {
  readonly setting: EncodingName;
  decode(bytes: Uint8Array, shown: string): NotesText;
  /**
   * The bytes to write for `next` in place of a file read as `previous`: in its encoding, with the
   * bytes before and after the change as they were. A character the encoding lacks is refused.
   */
  encode(next: string, previous: { bytes: Uint8Array; text: string }, shown: string): Uint8Array;
}

/** No lone surrogate (String.prototype.isWellFormed, native from Node 20, else a regex). */
function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !/\p{Cs}/u.test(text);
}

export function notesCodec(setting: EncodingName = 'auto'): NotesCodec {
  // The encoding each byte array was read in, so writing it back does not detect it again.
  const read = new WeakMap<Uint8Array, Encoding>();
  const decode = (bytes: Uint8Array, shown: string): NotesText => {
    const decoded = decodeNotesText(bytes, shown, setting);
    read.set(bytes, decoded.encoding);
    return decoded;
  };
  return {
    setting,
    decode,
    encode(next, previous, shown) {
      if (!isWellFormed(next)) {
        throw new PapersError(`the new text of ${shown} is not valid Unicode; nothing was written`, { hint: 'this is a bug, please report it' });
      }
      const encoding = read.get(previous.bytes) ?? decode(previous.bytes, shown).encoding;
      try {
        return encodeLike(next, { ...previous, encoding });
      } catch (error) {
        const label = ENCODING_LABEL[encoding];
        if (error instanceof UnencodableError) {
          throw new InputError(`cannot write ${shown} in its encoding, ${label}: ${error.message}; nothing was written`, 'leave that character out, or save the file as UTF-8');
        }
        throw new PapersError(`cannot write ${shown} in ${label} without changing bytes outside the change (${(error as Error).message}); nothing was written`, {
          hint: 'save the file as UTF-8, or report this with the file',
        });
      }
    },
  };
}
