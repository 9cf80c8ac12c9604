// Text made safe for a terminal: control characters and bidi overrides (from the notes or the command
// line) shown as visible escapes, tabs as spaces. Every human formatter and message passes its user text
// through here; JSON, SARIF and the other machine formats keep the exact text.
import { CONTROL, CONTROL_PATTERN, escapeOf } from '../store/controls.js';

/** What a terminal would act on instead of showing (store/controls.ts), CR, and tabs, which are expanded. */
const UNSAFE = new RegExp(`[\\t\\r${CONTROL_PATTERN}]`);

/** Tabs expand to the next multiple of this many characters on their line. */
export const TAB_STOP = 4;

/** True when the text holds a character terminalSafe would change. */
export function hasUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * The text with every unsafe character escaped (`ESC[31m` becomes `\x1b[31m`), tabs expanded to spaces
 * and CRLF shown as a newline; newlines are kept. Text without any of these comes back as it is, so
 * applying it twice changes nothing more.
 */
export function terminalSafe(text: string): string {
  return UNSAFE.test(text) ? terminalSafeMap(text).text : text;
}

/**
 * terminalSafe, with where each offset went: `map[i]` is the offset in the result of the text's
 * offset `i` (`map[text.length]` is the result's length), so ranges found in the text (search
 * highlights) can be moved onto the result.
 */
export function terminalSafeMap(text: string): { text: string; map: number[] } {
  const map = new Array<number>(text.length + 1);
  let out = '';
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = out.length;
    const code = text.charCodeAt(i);
    let piece: string;
    if (code === 0x0a) {
      piece = '\n';
    } else if (code === 0x09) {
      piece = ' '.repeat(TAB_STOP - (column % TAB_STOP));
    } else if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      piece = '';
    } else {
      const ch = text[i]!;
      piece = code === 0x0d || CONTROL.test(ch) ? escapeOf(code) : ch;
    }
    out += piece;
    column = code === 0x0a ? 0 : column + piece.length;
  }
  map[text.length] = out.length;
  return { text: out, map };
}

const DIFF_UNSAFE = new RegExp(`[${CONTROL_PATTERN}]|\\r(?!\\n)`, 'g');

/**
 * A unified diff for the terminal: control characters and lone CRs escaped as terminalSafe does, but
 * tabs and CRLF kept, so a diff of notes without control characters is still a patch that applies.
 */
export function diffSafe(diff: string): string {
  return diff.replace(DIFF_UNSAFE, (ch) => escapeOf(ch.charCodeAt(0)));
}

/** Ranges of the text moved onto terminalSafeMap's result. */
export function moveRanges<R extends { start: number; end: number }>(ranges: readonly R[], map: readonly number[]): R[] {
  return ranges.map((r) => ({ ...r, start: map[Math.min(r.start, map.length - 1)]!, end: map[Math.min(r.end, map.length - 1)]! }));
}
