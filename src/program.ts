// The commander tree: global options and an explicit list of register* calls. Actions load lazily.
import { Command, Option } from 'commander';
import pkg from '../package.json';
import { ENCODINGS } from './config/encodings.js';
import type { Io } from './io.js';
import { terminalSafe } from './report/safe.js';
import { createContext, type Context, type GlobalOptions } from './commands/context.js';

export type SetExitCode = (code: number) => void;

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * A commander error in papers' form: one line, `papers: <what> (<what to do>)`. Its own "(Did you
 * mean x?)" line goes into the parentheses, before the pointer to the command's help.
 */
export function commanderError(text: string, usage: string): string {
  let message = text.replace(/^error: /, '').trimEnd();
  let suggestion = '';
  const m = /\n\(Did you mean (.*)\?\)$/.exec(message);
  if (m) {
    suggestion = `did you mean ${m[1]}? `;
    message = message.slice(0, m.index);
  }
  return `papers: ${message.replace(/\.$/, '')} (${suggestion}see ${usage} --help)\n`;
}

function contextOf(io: Io, command: Command): Promise<Context> {
  return createContext(io, command.optsWithGlobals() as GlobalOptions);
}

/** The filters `list` and `search` share. */
function withFilters(command: Command): Command {
  return command
    .option('-s, --section <name>', 'section: slug, part of the heading, its pinyin, or number (repeatable)', collect)
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
      done(await runList(await contextOf(io, command), options));
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
      done(await runShow(await contextOf(io, command), words, options));
    });
}

function registerOpen(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('open')
    .description('open an entry in $VISUAL or $EDITOR at its heading line (found as show finds it)')
    .argument('<query...>', 'an id, an alias, or words of the title')
    .option('--json', 'print the entry\'s file, line and the editor that would open it, and open nothing')
    .addHelpText(
      'after',
      `${examples(['papers open din', 'EDITOR=nvim papers open tvm-2018', 'VISUAL="code --wait" papers open neural corpus indexer'])}
Runs $VISUAL, else $EDITOR, on this terminal: +LINE FILE for vi, vim, nvim, nano, emacs, micro, kak...;
FILE:LINE for helix, subl, zed; --goto FILE:LINE for VS Code and its forks; --line LINE FILE for
JetBrains IDEs. Exits with the editor's exit status. With no editor set, prints FILE:LINE (exit 0).
Exit codes otherwise: 1 no entry matches, 2 several match (they are listed) or the editor cannot start.
`,
    )
    .action(async (words: string[], options, command: Command) => {
      const { runOpen } = await import('./commands/open.js');
      done(await runOpen(await contextOf(io, command), words, options));
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
      done(await runSearch(await contextOf(io, command), words, options));
    });
}

function registerStats(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('stats')
    .description('counts by section, venue, year and organisation, the notes\' health, and the reading pace from git')
    .option('-s, --section <name>', 'section: slug, part of the heading, pinyin, or number (repeatable)', collect)
    .option('-v, --venue <name>', 'venue, canonical or alias, any case (repeatable)', collect)
    .option('-y, --year <years>', 'a year (2020) or a range (2019..2022, 2019.., ..2022)', collect)
    .option('-o, --org <name>', 'organisation, any case (repeatable)', collect)
    .option('--todo', 'only entries with TODO markers')
    .option('--stub', 'only entries without notes')
    .option('--top <n>', `charts show the n largest, the rest summed (default: 10; years are all shown)`)
    .option('--by <period>', 'also count entries by month or week their heading was first committed (git)')
    .option('--json', 'print the counts as JSON (see docs/json.md)')
    .addHelpText(
      'after',
      `${examples(['papers stats', 'papers stats --section recsys --top 5', 'papers stats --year 2020.. --json', 'papers stats --by month', 'papers stats --by week --json'])}
Exit codes: 0 ok, 1 no entry matches the filters, 2 could not run (--by outside a git repository or without git).
`,
    )
    .action(async (options, command: Command) => {
      const { runStats } = await import('./commands/stats.js');
      done(await runStats(await contextOf(io, command), options));
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
      done(await runSections(await contextOf(io, command), options));
    });
}

function registerLint(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('lint')
    .description('check the notes: unfinished entries, TODOs, heading syntax, venue and org spelling, duplicates, broken links')
    .argument('[paths...]', 'digest files or folders to lint, each like --notes (default: the notes)')
    .option('-f, --format <name>', 'stylish (default), unix, json, sarif or github')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--fix', 'apply the safe fixes, then report what remains')
    .option('--fix-dry-run', 'print the fixes as a unified diff; write nothing')
    .option('-r, --rule <id>', 'run only this rule, by id or alias (repeatable)', collect)
    .option('--list-rules', 'list the rules')
    .option('--explain <id>', "print a rule's documentation, with examples")
    .addHelpText(
      'after',
      `${examples(['papers lint', 'papers lint notes/papers.md', 'papers lint --fix-dry-run', 'papers lint --rule no-todo --rule no-empty-entry', 'papers lint --format github --max-warnings 0', 'papers lint --explain venue-spelling'])}
Exit codes: 0 no errors (warnings allowed), 1 errors or more warnings than --max-warnings, 2 could not run.
Inline: <!-- papers-lint-disable-next-line no-todo -->, -disable-line, -disable / -enable. See docs/lint.md.
`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runLint } = await import('./commands/lint.js');
      done(await runLint(await contextOf(io, command), paths, options));
    });
}

function registerAdd(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('add')
    .description('add an entry at the end of a section, in the digest\'s own style (asks on a terminal for what is missing)')
    .option('-t, --title <text>', 'the paper\'s title')
    .option('-a, --alias <name>', 'a short name, written as Title(ALIAS)')
    .option('-v, --venue <venue>', "venue, with or without the year: KDD'18, or KDD with --year")
    .option('-y, --year <year>', 'year of the venue: 2018 (or 18); 1950 to next year')
    .option('-o, --org <name>', 'organisation (repeatable, one per option)', collect)
    .option('-s, --section <name>', 'the section: slug, part of the heading, or number (as list --section)')
    .option('--new-section <heading>', 'create this section at the end of the digest and add there')
    .option('-n, --note <text>', 'a note, written as a "- " bullet (repeatable)', collect)
    .option('--notes-file <file>', 'notes from a file, one per line ("-" for standard input)')
    .option('-b, --bibtex <file>', 'add the entries of a .bib file ("-" for standard input): title, alias, venue and year from each')
    .option('-e, --edit', 'write the entry in $VISUAL/$EDITOR on a template')
    .option('-f, --force', 'add even when the title or alias is already in the digest')
    .option('--dry-run', 'print the diff that would be applied and write nothing')
    .option('--json', 'print the new entry as JSON')
    .addHelpText(
      'after',
      `${examples([
        `papers add --title "Deep Interest Evolution Network" --alias DIEN --venue "AAAI'19" --org Ali --section recsys --note "兴趣演化"`,
        'papers add --title "Attention Is All You Need" --venue NeurIPS --year 2017 --org Google --new-section "NLP"',
        'papers add --section ocr --title "TrOCR" --notes-file notes.txt --dry-run',
        'papers add --bibtex refs.bib --section nlp --dry-run      # entries from Google Scholar, DBLP, arXiv, ACL Anthology',
        'pbpaste | papers add --bibtex - --section recsys --org Google',
        'papers add            # on a terminal: asks for the title, section, venue, organisations and notes',
      ])}
Prints "<id> <file>:<line>" of the new entry (of each, with --bibtex). Exit codes: 0 added (or nothing
saved with --edit), 2 not added (bad or missing field, duplicate, unknown section; with --bibtex, any
entry malformed or refused: then none is added), 130 cancelled at a question.
`,
    )
    .action(async (options, command: Command) => {
      const { runAdd } = await import('./commands/add.js');
      done(await runAdd(await contextOf(io, command), options));
    });
}

function registerNote(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('note')
    .description('append notes to an existing entry, as bullets after its last line')
    .argument('<target...>', 'an id, an alias or words of the title, then the note (unless --note or --notes-file gives it)')
    .option('-n, --note <text>', 'a note (repeatable); then every argument names the entry', collect)
    .option('--notes-file <file>', 'notes from a file, one per line ("-" for standard input)')
    .option('--dry-run', 'print the diff that would be applied and write nothing')
    .option('--json', 'print the entry as JSON after the change')
    .addHelpText(
      'after',
      `${examples(['papers note din "线上 A/B 提升 10%"', 'papers note neural corpus indexer --note "第一条" --note "第二条"', 'papers note tvm-2018 --notes-file - < notes.txt'])}
Prints "<id> <file>:<line>" of the first new line. Exit codes: 0 added, 1 no entry matches,
2 not added (ambiguous target, bad note).
`,
    )
    .action(async (args: string[], options, command: Command) => {
      const { runNote } = await import('./commands/note.js');
      done(await runNote(await contextOf(io, command), args, options));
    });
}

function registerInit(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('init')
    .description('start a digest: notes/papers.md with an example entry, and papers.config.json beside it')
    .argument('[dir]', 'the folder to start it in (default: the current folder; created when missing)')
    .option('--json', 'print the paths created as JSON')
    .addHelpText(
      'after',
      `${examples(['papers init', 'papers init ~/reading', 'papers init ~/reading --json'])}
Never overwrites: when notes/papers.md or notes/papers.config.json exists, or notes/ already holds a
digest, nothing is created (exit 2).
`,
    )
    .action(async (dir: string | undefined, options, command: Command) => {
      const { runInit } = await import('./commands/init.js');
      done(await runInit(await contextOf(io, command), dir, options));
    });
}

function registerExport(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('export')
    .description('write entries as BibTeX (default), CSL-JSON, CSV or JSON Lines, with the filters of list and a search query')
    .argument('[query...]', 'search words and qualifiers, as papers search takes them (or --query)')
    .option('-f, --format <format>', 'bibtex (default), csl-json, csv or jsonl')
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .option('-s, --section <name>', 'section: slug, part of the heading, or number (repeatable)', collect)
    .option('-v, --venue <name>', 'venue, canonical or alias, any case (repeatable)', collect)
    .option('-y, --year <years>', 'a year (2020) or a range (2019..2022, 2019.., ..2022)', collect)
    .option('--org <name>', 'organisation, any case (repeatable; -o is --output here)', collect)
    .option('--todo', 'only entries with TODO markers')
    .option('--stub', 'only entries without notes')
    .option('-q, --query <text>', 'a search query: words and venue:, year:, section:, org:, alias: qualifiers')
    .option('--with-notes', 'the notes too: BibTeX annote, CSL note, a CSV notes column')
    .option('--ascii', 'BibTeX in ASCII: accents and symbols as LaTeX commands (M{\\"o}bius)')
    .addHelpText(
      'after',
      `${examples([
        'papers export > refs.bib',
        'papers export --section recsys -o recsys.bib',
        'papers export --query "venue:osdi tensor" --format csl-json',
        'papers export --format csv --venue neurips,icml -o papers.csv',
        'papers export --format jsonl -- year:2020.. transformer',
        'papers export --ascii --with-notes -o refs.bib',
      ])}
Keys are the entry ids. The count goes to stderr, with how many entries lacked a venue or year.
Exit codes: 0 exported, 1 no entry matched (no file written), 2 could not run. See docs/export.md.
`,
    )
    .action(async (words: string[], options, command: Command) => {
      const { runExport } = await import('./commands/export.js');
      done(await runExport(await contextOf(io, command), words, options));
    });
}

function registerLsp(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('lsp')
    .description('run the language server (LSP over stdio): live lint, quick fixes, outline, workspace search, completion, hover')
    .option('--stdio', 'speak the protocol on standard input and output (the default and only transport)')
    .addOption(new Option('--clientProcessId <pid>', 'exit when this process ends (editors pass it)').hideHelp())
    .addHelpText(
      'after',
      `${examples(['papers lsp --stdio', 'papers --notes ~/notes/papers.md lsp --stdio'])}
Started by an editor, never by hand: see docs/editors.md for Neovim, VS Code, Helix and Emacs.
The notes are found from the workspace folder the editor opens (as papers run there finds them).
Exit codes: 0 after the client's shutdown and exit, 1 when the client went away without shutdown.
`,
    )
    .action(async (options, command: Command) => {
      const { runLsp } = await import('./commands/lsp.js');
      done(await runLsp(await contextOf(io, command), options));
    });
}

function registerCompletion(program: Command, io: Io, done: SetExitCode): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', examples(['source <(papers completion bash)    # in ~/.bashrc', 'source <(papers completion zsh)     # in ~/.zshrc', 'papers completion fish > ~/.config/fish/completions/papers.fish']))
    .action(async (shell: string) => {
      const { completionScript, SHELLS } = await import('./report/completion.js');
      if (!(SHELLS as readonly string[]).includes(shell)) {
        const { UsageError } = await import('./errors.js');
        throw new UsageError(`no completion for shell "${shell}"`, `use one of ${SHELLS.join(', ')}`);
      }
      const option = (o: Option) => ({ long: o.long ?? null, short: o.short ?? null, takesValue: o.required || o.optional, description: o.description });
      const spec = {
        global: program.options.filter((o) => o.long !== '--version').map(option),
        commands: program.commands
          .filter((c) => c.name() !== 'completion')
          .map((c) => ({ name: c.name(), aliases: c.aliases(), description: c.description(), options: c.options.map(option) })),
      };
      io.stdout.write(completionScript(shell as (typeof SHELLS)[number], spec));
      done(0);
    });
}

type Register = (program: Command, io: Io, done: SetExitCode) => void;

/** Every command, in the order `--help` lists them, under the names that run it. */
const COMMANDS: readonly { names: readonly string[]; register: Register }[] = [
  { names: ['list', 'ls'], register: registerList },
  { names: ['show'], register: registerShow },
  { names: ['open'], register: registerOpen },
  { names: ['search'], register: registerSearch },
  { names: ['sections'], register: registerSections },
  { names: ['stats'], register: registerStats },
  { names: ['lint'], register: registerLint },
  { names: ['add'], register: registerAdd },
  { names: ['note'], register: registerNote },
  { names: ['init'], register: registerInit },
  { names: ['export'], register: registerExport },
  { names: ['lsp'], register: registerLsp },
  // NOTE: never registered alone: it describes the whole tree.
  { names: [], register: registerCompletion },
];

/** The global options that take a value as the next argument. */
const GLOBAL_VALUES = new Set(['--notes', '--config', '--encoding']);

/** The command an argv runs: its first argument that is neither an option nor a global option's value. */
function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (GLOBAL_VALUES.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The commander tree. Given the argv it will parse, only the command that argv runs is registered
 * (all of them when it names none, or `help`, `completion` or a typo): the others' options and help
 * text are never built. NOTE: registering all thirteen cost ~1.6 ms of every warm start.
 */
export function buildProgram(io: Io, done: SetExitCode, argv?: readonly string[]): Command {
  const program = new Command('papers');
  program
    .description("A command-line manager for a markdown digest of paper-reading notes.")
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--notes <path>', 'digest file or folder of .md files (default: $PAPERS_NOTES, else the nearest notes/ folder)'))
    .addOption(new Option('--config <file>', 'config file (default: papers.config.json beside the notes)'))
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR is honoured too)')
    .option('--no-cache', 'parse the notes afresh, without reading or writing the parse cache')
    .addOption(new Option('--encoding <name>', "the notes' encoding (default: auto, which reads UTF-8, UTF-16 with a BOM and GB18030/GBK)").choices([...ENCODINGS]))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander's errors quote the arguments as typed.
      writeErr: (text) => io.stderr.write(terminalSafe(text)),
      outputError: (text, write) => write(commanderError(text, 'papers')),
    })
    .addHelpText(
      'after',
      `${examples(['papers init', 'papers list --section ocr', 'papers show din', 'papers open din', 'papers search kmeans docid', 'papers search lianghua', 'papers stats --by month', 'papers export > refs.bib'])}
Exit codes: 0 ok, 1 nothing matched (lint: problems found), 2 could not run (bad usage, unreadable notes;
add, note and init: nothing written), 130 a question of add was cancelled; open exits with its editor's status.
`,
    );
  const only = argv && COMMANDS.find((c) => c.names.includes(commandWord(argv) ?? ''));
  for (const c of only ? [only] : COMMANDS) c.register(program, io, done);
  for (const command of program.commands) {
    command.configureOutput({ outputError: (text, write) => write(commanderError(text, `papers ${command.name()}`)) });
  }
  return program;
}
