// Finds and reads the config file beside the notes; invalid config is exit 2 naming the key.
import * as path from 'node:path';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import { CONFIG_FILE_NAME, ConfigSchema, formatZodIssues, type Config } from './schema.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, null when there is none. */
  file: string | null;
}

/** Line and column of a JSON.parse error position, when the message gives one. */
function jsonErrorPlace(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `:${line}:${column}`;
}

export function parseConfigText(text: string, file: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    throw new InputError(`${file}${jsonErrorPlace(text, message)}: invalid JSON: ${message}`, 'fix the file or remove it');
  }
  const result = ConfigSchema.safeParse(data);
  const lines = [...forbiddenKeys(data), ...(result.success ? sharedSlugs(result.data) : formatZodIssues(result.error))];
  if (lines.length || !result.success) {
    throw new InputError(`invalid config ${file}:\n  ${lines.join('\n  ')}`, 'see "Configuration" in README.md');
  }
  return result.data;
}

/** Keys that name an object's machinery, not data: refused at every level of the config. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKeys(value: unknown, where: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = [...where, key];
    if (FORBIDDEN_KEYS.has(key)) out.push(`${path.join('.')}: the key "${key}" is not allowed`);
    else out.push(...forbiddenKeys(child, path));
  }
  return out;
}

/** Two slugs for one section heading: `--section` could resolve only one of them. */
function sharedSlugs(config: Config): string[] {
  const byTitle = new Map<string, string[]>();
  for (const [slug, title] of Object.entries(config.sections ?? {})) byTitle.set(title, [...(byTitle.get(title) ?? []), slug]);
  return [...byTitle]
    .filter(([, slugs]) => slugs.length > 1)
    .map(([title, slugs]) => `sections: ${slugs.map((s) => `"${s}"`).join(' and ')} ${slugs.length === 2 ? 'both' : 'all'} name the section "${title}"; give it one slug`);
}

/** `explicit` (from --config) must exist; otherwise `papers.config.json` in `dir` is optional. */
export function loadConfig(io: Io, dir: string, explicit?: string): LoadedConfig {
  const file = explicit ? path.resolve(io.cwd(), explicit) : path.join(dir, CONFIG_FILE_NAME);
  const st = io.stat(file);
  if (!st) {
    if (explicit) throw new InputError(`config file not found: ${explicit}`, 'check the --config path');
    return { config: {}, file: null };
  }
  if (st.kind !== 'file') throw new InputError(`config ${file} is not a file`, 'pass a JSON file to --config');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(io.readFile(file));
  } catch (error) {
    throw new InputError(`cannot read config ${file}: ${(error as Error).message}`);
  }
  return { config: parseConfigText(text, file), file };
}
