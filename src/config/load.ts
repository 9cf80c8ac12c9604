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
  if (!result.success) {
    const lines = formatZodIssues(result.error);
    throw new InputError(`invalid config ${file}:\n  ${lines.join('\n  ')}`, 'see "Configuration" in README.md');
  }
  return result.data;
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
