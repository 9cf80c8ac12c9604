// main(argv, io) -> exit code: runs the command tree; the single top-level catch.
import { CommanderError } from 'commander';
import { EXIT_OK, EXIT_USAGE, formatUserError, PapersError } from './errors.js';
import type { Io } from './io.js';
import { terminalSafe } from './report/safe.js';
import { buildProgram } from './program.js';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  try {
    const program = buildProgram(
      io,
      (code) => {
        exitCode = code;
      },
      argv,
    );
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_OK;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT_OK;
      }
      return EXIT_USAGE;
    }
    if (error instanceof PapersError) {
      // Messages quote what the user typed and what the notes hold: never raw to the terminal.
      io.stderr.write(`${terminalSafe(formatUserError(error))}\n`);
      return error.exitCode;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`papers: unexpected error; this is a bug, please report it with the command you ran.\n${terminalSafe(stack)}\n`);
    return EXIT_USAGE;
  }
}
