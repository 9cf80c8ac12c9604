// Finds TODO markers (English and Chinese, any case, full-width too) in text, with their places.

export const DEFAULT_TODO_TERMS: readonly string[] = [
  'TODO',
  'FIXME',
  'XXX',
  'TBD',
  '待补充',
  '待完善',
  '待定',
  '待续',
  '待补',
  '待整理',
  '待确认',
  '待读',
  '待验证',
  '待核实',
  '待修改',
  '未完成',
];

export interface TodoMatch {
  marker: string;
  term: string;
  /** Index in the searched text. */
  index: number;
}

export interface TodoMatcher {
  /** Markers in one line of text, in order, never overlapping. */
  find(line: string): TodoMatch[];
  terms: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their ASCII forms: the part
 * of NFKC that matters for markers, done one code unit for one so indexes stay valid.
 */
export function narrowWidth(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

export function createTodoMatcher(terms: readonly string[] = DEFAULT_TODO_TERMS): TodoMatcher {
  const unique = [...new Set(terms.map((t) => narrowWidth(t.trim())).filter(Boolean))];
  // Longer terms first, so `待补充` wins over `待补` at the same place.
  unique.sort((a, b) => b.length - a.length);
  const latin = unique.filter((t) => /^[\x21-\x7e]+$/.test(t));
  const other = unique.filter((t) => !/^[\x21-\x7e]+$/.test(t));
  const parts: string[] = [];
  // NOTE: JS `\b` is ASCII-only and would not separate `TODO` from a Han character, which is what we
  // want here: a Latin term must not touch another ASCII letter, digit or `_`.
  if (latin.length) parts.push(`(?<![A-Za-z0-9_])(?:${latin.map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`);
  if (other.length) parts.push(`(?:${other.map(escapeRegExp).join('|')})`);
  const pattern = parts.length ? new RegExp(parts.join('|'), 'gi') : null;
  const byFolded = new Map(unique.map((t) => [t.toLowerCase(), t]));
  return {
    terms: unique,
    find(line) {
      if (!pattern) return [];
      const text = narrowWidth(line);
      const out: TodoMatch[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        out.push({
          marker: line.slice(m.index, m.index + m[0].length),
          term: byFolded.get(m[0].toLowerCase()) ?? m[0],
          index: m.index,
        });
      }
      return out;
    },
  };
}

/** The text around a marker, at most `radius` characters each side, for a message. */
export function quoteAround(line: string, index: number, length: number, radius = 40): string {
  const trimmedStart = line.length - line.trimStart().length;
  const from = Math.max(trimmedStart, index - radius);
  const to = Math.min(line.trimEnd().length, index + length + radius);
  return `${from > trimmedStart ? '…' : ''}${line.slice(from, to)}${to < line.trimEnd().length ? '…' : ''}`;
}
