// Control characters and bidi controls: what a terminal acts on instead of showing (pure data).

/**
 * C0 controls but tab and the line endings (LF, CR: markdown reads a lone CR as a line ending too), DEL,
 * C1 controls, and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069: "Trojan Source").
 */
export const CONTROL_PATTERN = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';

export const CONTROL = new RegExp(`[${CONTROL_PATTERN}]`);

const C0 = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];
const C1: Readonly<Record<number, string>> = { 0x85: 'NEL', 0x90: 'DCS', 0x9b: 'CSI', 0x9c: 'ST', 0x9d: 'OSC' };
const BIDI: Readonly<Record<number, string>> = { 0x202a: 'LRE', 0x202b: 'RLE', 0x202c: 'PDF', 0x202d: 'LRO', 0x202e: 'RLO', 0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI' };

export function isBidiControl(code: number): boolean {
  return BIDI[code] !== undefined;
}

/** `U+001B (ESC)`, `U+009B (CSI)`, `U+202E (RLO)`; a C1 control without a short name is just its code point. */
export function describeControl(code: number): string {
  const point = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = code < 0x20 ? C0[code] : code === 0x7f ? 'DEL' : (C1[code] ?? BIDI[code]);
  return name ? `${point} (${name})` : point;
}

/** `\\x1b` for a C0 or C1 control or DEL, `\\u202e` for a bidi control. */
export function escapeOf(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with each of these characters written as its escape (for text that is shown, not kept). */
export function escapeControls(text: string): string {
  return CONTROL.test(text) ? text.replace(new RegExp(`[${CONTROL_PATTERN}]`, 'g'), (ch) => escapeOf(ch.charCodeAt(0))) : text;
}

/** The text without any of these characters. */
export function withoutControls(text: string): string {
  return CONTROL.test(text) ? text.replace(new RegExp(`[${CONTROL_PATTERN}]`, 'g'), '') : text;
}
