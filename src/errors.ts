// Typed, expected failures. `main` is the only place that catches them.

export const EXIT_OK = 0;
/** The command's "found something / nothing matched" outcome. */
export const EXIT_FOUND = 1;
/** Could not run: bad usage, unreadable input, invalid config. */
export const EXIT_USAGE = 2;

export class PapersError extends Error {
  readonly exitCode: number;
  /** What the user can do about it, printed in parentheses after the message. */
  readonly hint: string | undefined;
  constructor(message: string, options: { exitCode?: number; hint?: string } = {}) {
    super(message);
    this.name = 'PapersError';
    this.exitCode = options.exitCode ?? EXIT_USAGE;
    this.hint = options.hint;
  }
}

/** The command line itself is wrong. */
export class UsageError extends PapersError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT_USAGE, hint });
    this.name = 'UsageError';
  }
}

/** The notes or config could not be read or are not usable. */
export class InputError extends PapersError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT_USAGE, hint });
    this.name = 'InputError';
  }
}

export function formatUserError(error: PapersError): string {
  if (!error.hint) return `papers: ${error.message}`;
  // A message that lists choices gets its hint on a line of its own.
  return error.message.includes('\n') ? `papers: ${error.message}\n(${error.hint})` : `papers: ${error.message} (${error.hint})`;
}

/** The user interrupted a question (Ctrl-C): exit 130, as a shell reports SIGINT. */
export const EXIT_CANCELLED = 130;

export class CancelledError extends PapersError {
  constructor(message: string) {
    super(message, { exitCode: EXIT_CANCELLED });
    this.name = 'CancelledError';
  }
}
