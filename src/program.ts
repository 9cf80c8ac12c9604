// The commander tree: global options and an explicit list of register* calls. Actions load lazily.
import { Command, Option } from 'commander';
import pkg from '../package.json';
import type { Io } from './io.js';
import { collect } from './commands/options.js';
import { createContext, type Context, type GlobalOptions } from './commands/context.js';

export type SetExitCode = (code: number) => void;

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

function contextOf(io: Io, command: Command): Context {
  return createContext(io, command.optsWithGlobals() as GlobalOptions);
}

/** The filters `list` and `search` share. */
function withFilters(command: Command): Command {
  return command
    .option('-s, --section <name>', 'section: slug, part of the heading, or number (repeatable)', collect)
    .option('-v, --venue <name>', 'venue, canonical or alias, any case: neurips finds NIPS (repeatable)', collect)
    .option('-y, --year <years>', 'a year (2020) or a range (2019..2022, 2019.., ..2022)', collect)
    .option('-o, --org <name>', 'organisation, any case (repeatable)', collect);
}

function registerList(program: Command, io: Io, done: SetExitCode): void {
  withFilters(program.command('list').alias('ls').description('list entries, grouped by section, with filters that combine'))
    .option('--todo', 'only entries with TODO markers')
    .option('--stub', 'only entries without notes')
    .option('--json', 'print a JSON array of entries (see docs/json.md)')
    .addHelpText(
      'after',
      examples([
        'papers list --section ocr',
        'papers list --venue neurips --year 2019..2022',
        'papers list --org google --json',
        'papers list --stub',
      ]),
    )
    .action(async (options, command: Command) => {
      const { runList } = await import('./commands/list.js');
      done(await runList(contextOf(io, command), options));
    });
}

function registerShow(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('show')
    .description('show one entry in full: its fields, notes and file:line')
    .argument('<query...>', 'an id, an alias, or words of the title')
    .option('--json', 'print the entry as JSON')
    .addHelpText('after', examples(['papers show din', 'papers show tvm-2018', 'papers show neural corpus indexer --json']))
    .action(async (words: string[], options, command: Command) => {
      const { runShow } = await import('./commands/show.js');
      done(await runShow(contextOf(io, command), words, options));
    });
}

function registerSearch(program: Command, io: Io, done: SetExitCode): void {
  withFilters(
    program
      .command('search')
      .description('ranked search over titles, aliases, venues, orgs, sections and notes; typo-tolerant, Chinese-aware')
      .argument('[words...]', 'words (any language, any case) and qualifiers venue:, year:, section:, org:, alias:'),
  )
    .option('-n, --limit <n>', 'show at most n results (default: 10)')
    .option('--json', 'print the results as a JSON array, best first (see docs/search.md)')
    .addHelpText(
      'after',
      examples([
        'papers search mobius',
        'papers search kmeans docid',
        'papers search 量化',
        'papers search tvm 动态形状',
        'papers search transformer venue:neurips year:2020..',
        'papers search alias:din --json',
      ]),
    )
    .action(async (words: string[], options, command: Command) => {
      const { runSearch } = await import('./commands/search.js');
      done(await runSearch(contextOf(io, command), words, options));
    });
}

function registerSections(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('sections')
    .description('list the sections with their slugs and entry counts')
    .option('--json', 'print the sections as JSON')
    .addHelpText('after', examples(['papers sections', 'papers sections --json']))
    .action(async (options, command: Command) => {
      const { runSections } = await import('./commands/sections.js');
      done(await runSections(contextOf(io, command), options));
    });
}

export function buildProgram(io: Io, done: SetExitCode): Command {
  const program = new Command('papers');
  program
    .description("A command-line manager for a markdown digest of paper-reading notes.")
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--notes <path>', 'digest file or folder of .md files (default: $PAPERS_NOTES, else the nearest notes/ folder)'))
    .addOption(new Option('--config <file>', 'config file (default: papers.config.json beside the notes)'))
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR is honoured too)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`papers: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'after',
      `${examples(['papers list --section ocr', 'papers show din', 'papers search kmeans docid', 'papers sections'])}
Exit codes: 0 ok, 1 nothing matched, 2 could not run (bad usage or unreadable notes).
`,
    );
  registerList(program, io, done);
  registerShow(program, io, done);
  registerSearch(program, io, done);
  registerSections(program, io, done);
  return program;
}
