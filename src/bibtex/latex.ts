// Text -> BibTeX field values: LaTeX's special characters escaped, capitals protected, and (with
// `ascii`) other characters as LaTeX accents and commands. Pure.

/**
 * BibTeX's and LaTeX's special characters. Braces and the backslash are written as commands:
 * BibTeX counts `\{` as a brace, so an escaped brace would unbalance the field.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // NOTE: in LaTeX's default (OT1) font encoding `<`, `>` and `|` print as ¡, ¿ and —.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Characters with a LaTeX command of their own, for `ascii`. */
const NAMED: Readonly<Record<string, string>> = {
  '\u00a0': '~',
  '–': '\\textendash{}',
  '—': '\\textemdash{}',
  '‘': '\\textquoteleft{}',
  '’': '\\textquoteright{}',
  '“': '\\textquotedblleft{}',
  '”': '\\textquotedblright{}',
  '…': '\\textellipsis{}',
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
  '©': '\\textcopyright{}',
  '®': '\\textregistered{}',
  '™': '\\texttrademark{}',
  '°': '\\textdegree{}',
  '§': '\\textsection{}',
  '·': '\\textperiodcentered{}',
};

/** Combining marks -> LaTeX accent commands; a letter-named command takes its letter in braces. */
const ACCENTS: Readonly<Record<string, string>> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u030c': 'v',
  '\u0327': 'c',
  '\u0328': 'k',
};

const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi o pi rho varsigma sigma tau upsilon phi chi psi omega'.split(' ');
const GREEK_UPPER: Readonly<Record<number, string>> = { 0x393: 'Gamma', 0x394: 'Delta', 0x398: 'Theta', 0x39b: 'Lambda', 0x39e: 'Xi', 0x3a0: 'Pi', 0x3a3: 'Sigma', 0x3a5: 'Upsilon', 0x3a6: 'Phi', 0x3a8: 'Psi', 0x3a9: 'Omega' };

function greek(ch: string): string | null {
  const code = ch.codePointAt(0)!;
  if (code >= 0x3b1 && code <= 0x3c9) {
    const name = GREEK[code - 0x3b1]!;
    return name === 'o' ? 'o' : `$\\${name}$`;
  }
  const upper = GREEK_UPPER[code];
  return upper ? `$\\${upper}$` : null;
}

/** One non-ASCII character as LaTeX, or null when it has no LaTeX form here (kept as UTF-8). */
function latexOf(ch: string): string | null {
  const named = NAMED[ch];
  if (named) return named;
  const g = greek(ch);
  if (g) return g;
  const [base, ...marks] = [...ch.normalize('NFD')];
  if (!base || !/^[A-Za-z]$/.test(base) || marks.length === 0 || marks.some((m) => !ACCENTS[m])) return null;
  // `{\"o}`: a brace group starting with a backslash, BibTeX's "special character", which its case changes keep whole.
  let inner = base;
  for (const m of marks) {
    const cmd = ACCENTS[m]!;
    inner = /[a-zA-Z]/.test(cmd) ? `\\${cmd}{${inner}}` : `\\${cmd}${inner}`;
  }
  return `{${inner}}`;
}

export interface LatexOptions {
  /** Non-ASCII characters as LaTeX accents and commands (those with no LaTeX form stay UTF-8). */
  ascii?: boolean;
}

export interface Escaped {
  text: string;
  /** Characters `ascii` could not write as LaTeX, each once. */
  unmapped: string[];
}

/** Text as a BibTeX field value's content: special characters escaped, LaTeX ligatures (`--`, `''`) broken up. */
export function escapeLatex(text: string, options: LatexOptions = {}): Escaped {
  const unmapped = new Set<string>();
  let out = '';
  const chars = [...text.normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    const special = SPECIAL[ch];
    if (special) out += special;
    // `--` is a dash to LaTeX, `''` and ``` `` ``` are quotes: an empty group keeps them as typed.
    else if ((ch === '-' || ch === "'" || ch === '`') && next === ch) out += `${ch}{}`;
    else if (/[\t\r\n\v\f]/.test(ch)) out += ' ';
    else if (ch.charCodeAt(0) < 0x20 || ch === '\u007f') continue;
    else if (options.ascii && ch.codePointAt(0)! > 0x7f) {
      const latex = latexOf(ch);
      if (latex) out += latex;
      else {
        unmapped.add(ch);
        out += ch;
      }
    } else out += ch;
  }
  return { text: out, unmapped: [...unmapped] };
}

/**
 * A title as a BibTeX value: every word with a capital letter in braces (`{BERT}`, `{Deep}`), so
 * styles that change case print it as written.
 */
export function protectedTitle(title: string, options: LatexOptions = {}): Escaped {
  const unmapped = new Set<string>();
  const out = title
    .split(/(\s+)/)
    .map((piece) => {
      if (piece === '' || /^\s+$/.test(piece)) return piece === '' ? '' : ' ';
      const escaped = escapeLatex(piece, options);
      escaped.unmapped.forEach((c) => unmapped.add(c));
      return /\p{Lu}/u.test(piece) ? `{${escaped.text}}` : escaped.text;
    })
    .join('');
  return { text: out, unmapped: [...unmapped] };
}
