// The sarif lint format: SARIF 2.1.0 for code scanning, with every rule in tool.driver.rules.
import type { AnyRule, FileResult, Severity } from '../lint/types.js';

const LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warn: 'warning', info: 'note' };

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function pathToUri(file: string): string {
  const absolute = /^([A-Za-z]:)?[\\/]/.test(file);
  const segments = file.split(/[\\/]/).map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s)));
  return absolute ? `file://${file.startsWith('/') ? '' : '/'}${segments.join('/')}` : segments.join('/');
}

export function formatSarif(files: readonly FileResult[], registry: readonly AnyRule[], version: string): string {
  const index = new Map(registry.map((r, i) => [r.alias, i]));
  const results = files.flatMap((f) =>
    f.messages.map((m) => {
      const uri = pathToUri(m.file);
      return {
        ruleId: m.ruleCode,
        ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId)! } : {}),
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: uri.startsWith('file://') ? { uri } : { uri, uriBaseId: '%SRCROOT%' },
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'papers',
            version,
            rules: registry.map((r) => ({
              id: r.id,
              name: r.alias,
              shortDescription: { text: r.description },
              fullDescription: { text: r.docs.details ?? r.description },
              help: { text: `${r.description}.\n\nBad:\n${r.docs.bad}\nGood:\n${r.docs.good}` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { fixable: r.fixable },
            })),
          },
        },
        // NOTE: columns count UTF-16 code units, as JavaScript strings do (also for Chinese text).
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
