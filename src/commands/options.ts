// Validation of command-line options with zod: one `--option: message` line per problem, exit 2.
import * as z from 'zod/mini';
import { issueMessage } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { parseYearRange, yearRangeProblem, type YearRange } from '../query/filter.js';

const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Validates parsed options; `nameOf` says how a key is shown in messages (`--limit`, or `year` for the search qualifier `year:`). */
export function parseOptions<S extends z.ZodMiniType>(schema: S, raw: unknown, nameOf: (key: string) => string = flagName): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.infer<S>;
  const lines = result.error.issues.map((issue) => {
    const key = issue.path[0];
    const flag = typeof key === 'string' ? nameOf(key) : 'options';
    return `${flag}: ${issueMessage(issue)}`;
  });
  throw new UsageError(lines.join('; '), 'see --help');
}

export const Flag = z.optional(z.boolean());

/** Repeatable option values, each possibly comma-separated: `--venue osdi,sosp --venue nsdi`. */
export const ListOf = z.pipe(
  z.optional(z.array(z.string())),
  z.transform((values: string[] | undefined) =>
    values
      ?.flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  ),
);

export const YearsOption = z.pipe(
  z.optional(z.array(z.string())),
  z.transform((values: string[] | undefined, ctx): YearRange[] | undefined => {
    if (!values) return undefined;
    const out: YearRange[] = [];
    for (const v of values.flatMap((x) => x.split(','))) {
      const problem = yearRangeProblem(v);
      if (problem) {
        ctx.issues.push({ code: 'custom', input: v, message: problem });
        return undefined;
      }
      out.push(parseYearRange(v)!);
    }
    return out;
  }),
);

/** A whole number >= `min` given as text (`--limit 5`, `--max-warnings 0`); messages get the option's name from parseOptions. */
export function wholeNumber(min: number) {
  return z.optional(
    z.pipe(
      z.string(),
      z.transform((text: string, ctx) => {
        const n = Number(text);
        if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min) {
          ctx.issues.push({ code: 'custom', input: text, message: `must be a whole number of at least ${min}, got "${text}"` });
          return 0;
        }
        return n;
      }),
    ),
  );
}

/** A whole number >= 1 given as text (`--limit 5`). */
export function positiveInt() {
  return wholeNumber(1);
}

