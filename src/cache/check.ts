// Checking bulk data read back from the cache against its zod schema, fast. Pure.
// NOTE: zod checks a 10k-entry array of records in 20-70 ms (its parsers are compiled on first use,
// which a short CLI run pays every time); cached rows of a big digest are checked on every warm run.
// The schema stays the one definition: for the field types cached rows use (strings, numbers without
// checks, booleans, enums, nullable and arrays of those) this compiles it into plain type tests, and
// anything else is left to zod itself, element by element.
import type * as z from 'zod/mini';

type Test = (value: unknown) => boolean;

interface CheckDef {
  check: string;
  format?: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  innerType?: unknown;
  element?: unknown;
  entries?: Record<string, unknown>;
  shape?: Record<string, unknown>;
}

/** The checks of a number or string as one test of the value, or null when one of them is not compiled here. */
function compileChecks(def: Def): ((v: number) => boolean) | null {
  const tests: Array<(v: number) => boolean> = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format' && d.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (d.check === 'greater_than' && typeof d.value === 'number') {
      const min = d.value;
      tests.push(d.inclusive ? (v) => v >= min : (v) => v > min);
    } else if (d.check === 'min_length' && typeof d.minimum === 'number') {
      const min = d.minimum;
      tests.push((v) => v >= min);
    } else return null;
  }
  return (v) => tests.every((t) => t(v));
}

type Schema = { _zod: { def: Def } } & Pick<z.ZodMiniType, 'safeParse'>;

/** A plain test equivalent to the schema; a part this does not compile is checked by zod itself. */
function compile(schema: Schema): Test {
  const byZod: Test = (v) => schema.safeParse(v).success;
  const def = schema._zod.def;
  switch (def.type) {
    case 'string': {
      const checks = compileChecks(def);
      return checks ? (v) => typeof v === 'string' && checks(v.length) : byZod;
    }
    case 'number': {
      const checks = compileChecks(def);
      return checks ? (v) => typeof v === 'number' && Number.isFinite(v) && checks(v) : byZod;
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => values.has(v);
    }
    case 'nullable': {
      const inner = compile(def.innerType as unknown as Schema);
      return (v) => v === null || inner(v);
    }
    case 'array': {
      if (def.checks?.length) return byZod;
      const element = compile(def.element as unknown as Schema);
      return (v) => Array.isArray(v) && v.every(element);
    }
    case 'object': {
      if (def.checks?.length) return byZod;
      const fields = Object.entries(def.shape ?? {}).map(([key, field]) => [key, compile(field as unknown as Schema)] as const);
      return (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && fields.every(([key, test]) => test((v as Record<string, unknown>)[key]));
    }
    default:
      return byZod;
  }
}

/**
 * A check that `value` is a `schema` value (and then typed as one): zod's verdict, reached with plain
 * type tests for what cached data is made of, and zod itself for anything else.
 */
export function checker<S extends z.ZodMiniType>(schema: S): (value: unknown) => value is z.infer<S> {
  const test = compile(schema as unknown as Schema);
  return (value): value is z.infer<S> => test(value);
}
