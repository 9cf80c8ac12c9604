import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// micromark 4.0.3 parses large documents in quadratic time (its edit map copies the whole event
// array each time a list closes); package.json pins 4.0.2 through npm overrides.
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every installed copy of a package, at any depth of node_modules. */
function installedCopies(name: string, dir = path.join(root, 'node_modules'), found: string[] = []): string[] {
  if (!existsSync(dir)) return found;
  const own = path.join(dir, name, 'package.json');
  if (existsSync(own)) found.push(own);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const child = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      for (const scoped of readdirSync(child)) installedCopies(name, path.join(child, scoped, 'node_modules'), found);
    } else {
      installedCopies(name, path.join(child, 'node_modules'), found);
    }
  }
  return found;
}

describe('micromark pin', () => {
  it('installs micromark 4.0.2 and no other version', () => {
    const copies = installedCopies('micromark');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(`${copy}@${JSON.parse(readFileSync(copy, 'utf8')).version}`).toBe(`${copy}@4.0.2`);
  });

  it('is pinned by an override in package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.overrides).toMatchObject({ micromark: '4.0.2' });
  });
});
