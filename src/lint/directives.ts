// Inline lint control in the digest: `<!-- papers-lint-disable[-line|-next-line] [rules] -->` and `-enable`.
import { lineOfOffset, type Lines } from '../store/scan.js';
import { nearestName } from '../store/text.js';

export interface DirectiveProblem {
  start: number;
  end: number;
  message: string;
}

export interface Directives {
  /** Unknown directive keywords and unknown rule names, with their places. */
  problems: DirectiveProblem[];
  /** True when `rule` (an alias) is switched off at `line` (1-based). */
  suppressed(rule: string, line: number): boolean;
}

/** Resolves a rule name as written in a directive (id or alias, any case) to the rule's alias. */
export interface RuleNames {
  resolve(name: string): string | null;
  /** Aliases, for "did you mean". */
  aliases: readonly string[];
}

const DIRECTIVE = /<!--\s*papers-lint-([A-Za-z-]*)([\s\S]*?)-->/g;
const KEYWORDS = ['disable', 'enable', 'disable-line', 'disable-next-line'] as const;
type Keyword = (typeof KEYWORDS)[number];

/** Which rules are off from a line on: all (with exceptions), or some. */
interface BlockState {
  line: number;
  all: boolean;
  /** With `all`: rules enabled again; without: rules disabled. */
  rules: ReadonlySet<string>;
}

/** Whether `value` falls in one of `ranges`: sorted, disjoint, half-open [start, end). */
function inRanges(ranges: ReadonlyArray<readonly [number, number]>, value: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid]!;
    if (value < start) hi = mid - 1;
    else if (value >= end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Reads the directives of one file. Directives inside fenced code are text, not directives. */
export function parseDirectives(text: string, lines: Lines, fences: ReadonlyArray<[number, number]>, names: RuleNames): Directives {
  const problems: DirectiveProblem[] = [];
  const byLine = new Map<number, Set<string>>();
  const blocks: BlockState[] = [];
  let state: BlockState = { line: 1, all: false, rules: new Set() };

  const onLine = (line: number, rules: string[] | null): void => {
    const set = byLine.get(line) ?? new Set<string>();
    for (const r of rules ?? ['*']) set.add(r);
    byLine.set(line, set);
  };

  const fenced = fences.map(([first, last]) => [first, last + 1] as const);
  if (!text.includes('papers-lint-')) return { problems, suppressed: () => false };
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const line = lineOfOffset(lines, m.index);
    if (inRanges(fenced, line)) continue;
    const keyword = m[1]!.toLowerCase();
    const keywordStart = m.index + m[0].indexOf('papers-lint-');
    if (!(KEYWORDS as readonly string[]).includes(keyword)) {
      problems.push({
        start: keywordStart,
        end: keywordStart + 'papers-lint-'.length + m[1]!.length,
        message: `Unknown directive "papers-lint-${m[1]}", expected papers-lint-disable, -enable, -disable-line or -disable-next-line`,
      });
      continue;
    }
    // Rule names, up to an optional `-- reason`.
    const body = m[2]!;
    const bodyStart = m.index + m[0].length - 3 - body.length;
    const listEnd = body.search(/(?:^|\s)--(?:\s|$)/);
    const list = listEnd < 0 ? body : body.slice(0, listEnd);
    const rules: string[] = [];
    for (const name of list.matchAll(/[^\s,]+/g)) {
      const alias = names.resolve(name[0]);
      if (alias) {
        rules.push(alias);
        continue;
      }
      const guess = nearestName(name[0], names.aliases);
      problems.push({
        start: bodyStart + name.index,
        end: bodyStart + name.index + name[0].length,
        message: `Unknown rule "${name[0]}" in a papers-lint directive${guess ? `; did you mean "${guess}"?` : ', expected a rule id or alias (see papers lint --list-rules)'}`,
      });
    }
    const named = list.trim() !== '';
    // A directive that names only unknown rules switches nothing off.
    if (named && rules.length === 0) continue;
    const targets = named ? rules : null;
    switch (keyword as Keyword) {
      case 'disable-line':
        onLine(line, targets);
        break;
      case 'disable-next-line':
        onLine(lineOfOffset(lines, m.index + m[0].length - 1) + 1, targets);
        break;
      case 'disable':
      case 'enable': {
        const disable = keyword === 'disable';
        let next: BlockState;
        if (!targets) next = { line, all: disable, rules: new Set() };
        else {
          const rulesSet = new Set(state.rules);
          // With everything off, the set holds exceptions (enabled rules); otherwise disabled ones.
          for (const r of targets) (disable !== state.all ? rulesSet.add(r) : rulesSet.delete(r));
          next = { line, all: state.all, rules: rulesSet };
        }
        if (blocks.length && blocks.at(-1)!.line === line) blocks[blocks.length - 1] = next;
        else blocks.push(next);
        state = next;
        break;
      }
    }
  }

  const blockAt = (line: number): BlockState | null => {
    let lo = 0;
    let hi = blocks.length - 1;
    let found: BlockState | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.line <= line) {
        found = blocks[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  return {
    problems,
    suppressed(rule, line) {
      const set = byLine.get(line);
      if (set && (set.has('*') || set.has(rule))) return true;
      const block = blockAt(line);
      if (!block) return false;
      return block.all ? !block.rules.has(rule) : block.rules.has(rule);
    },
  };
}
