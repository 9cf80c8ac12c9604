// The github lint format: GitHub Actions workflow commands, one annotation a finding, escaped properly.
import type { FileResult, Severity } from '../lint/types.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warn: 'warning', info: 'notice' };

/** The message part: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would end the property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(files: readonly FileResult[]): string {
  return files
    .flatMap((f) =>
      f.messages.map((m) => {
        const props = [
          `file=${escapeProperty(m.file)}`,
          `line=${m.line}`,
          `col=${m.column}`,
          `endLine=${m.endLine}`,
          `endColumn=${m.endColumn}`,
          `title=${escapeProperty(`${m.ruleId} (${m.ruleCode})`)}`,
        ];
        return `::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(m.message)}\n`;
      }),
    )
    .join('');
}
