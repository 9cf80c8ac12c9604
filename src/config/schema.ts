// The config file beside the notes (`papers.config.json`): zod schema and the one-line-per-issue error format.
import * as z from 'zod/mini';
import { EntriesAtSchema } from '../store/schema.js';
import { ENCODINGS, type EncodingName } from './encodings.js';

export const CONFIG_FILE_NAME = 'papers.config.json';

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

const SlugSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a slug is lower-case letters, digits and "-", starting with a letter or digit'));

const NameListSchema = z.strictObject({
  name: nonEmpty(),
  aliases: z.optional(z.array(nonEmpty())),
});

const VenueListSchema = z.strictObject({
  name: nonEmpty(),
  aliases: z.optional(z.array(nonEmpty())),
  /** Full names as BibTeX writes them (`Advances in Neural Information Processing Systems`): the first is exported. */
  fullNames: z.optional(z.array(nonEmpty())),
  kind: z.optional(z.enum(['conference', 'journal', 'preprint'])),
});

export const SeveritySchema = z.enum(['off', 'info', 'warn', 'error']);

/** A lint rule's setting: a severity, or `[severity, {options}]`. Rule names and options are checked by lint. */
export const RuleSettingSchema = z.union(
  [SeveritySchema, z.tuple([SeveritySchema]), z.tuple([SeveritySchema, z.record(z.string(), z.unknown())])],
  { error: 'expected "off", "info", "warn" or "error", or [severity, {options}]' },
);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const EncodingSchema = z.enum(ENCODINGS);
export type { EncodingName };

export const ConfigSchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** Short names for sections: slug -> the section heading's text, exactly as written after `## `. */
  sections: z.optional(z.record(SlugSchema, nonEmpty())),
  /** Venues added to the built-in registry. */
  venues: z.optional(z.array(VenueListSchema)),
  /** Canonical organisation spellings (with other accepted names). */
  orgs: z.optional(z.array(NameListSchema)),
  /** TODO markers added to the built-in ones (TODO, FIXME, XXX, TBD, 待补充, 待完善, 待定...). */
  todoTerms: z.optional(z.array(nonEmpty())),
  /** Where each file's entries are: `auto` (detected per file), `{"heading": 2..6}` or `{"bullets": true}`. */
  entries: z.optional(z.union([z.literal('auto'), EntriesAtSchema], { error: 'expected "auto", {"heading": 2..6} or {"bullets": true}' })),
  /** The notes' text encoding (default `auto`). */
  encoding: z.optional(EncodingSchema),
  /** `papers lint`: rule (id or alias) -> severity or [severity, options]. */
  lint: z.optional(z.strictObject({ rules: z.optional(z.record(z.string(), RuleSettingSchema)) })),
});

export type Config = z.infer<typeof ConfigSchema>;

/** A readable message for one zod issue (zod/mini ships no English messages of its own). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_key':
      return issue.issues.map(issueMessage).join('; ');
    case 'invalid_element':
      return issue.issues.map(issueMessage).join('; ');
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** One line per issue: `path: message`. */
export function formatZodIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
    return `${where}: ${issueMessage(issue)}`;
  });
}
