import { describe, expect, it } from 'vitest';
import { memoryIo, run } from './helpers/memory-io.js';
import { seedFiles } from './helpers/seed.js';
import { buildProgram } from '../src/program.js';

describe("commander's own usage errors", () => {
  it.each([
    [['list', '--bogus'], "papers: unknown option '--bogus' (see papers list --help)\n"],
    [['list', '--jsn'], "papers: unknown option '--jsn' (did you mean --json? see papers list --help)\n"],
    [['show'], "papers: missing required argument 'query' (see papers show --help)\n"],
    [['sections', 'extra'], "papers: too many arguments for 'sections'. Expected 0 arguments but got 1 (see papers sections --help)\n"],
    [['lint', '--max-warnings'], "papers: option '--max-warnings <n>' argument missing (see papers lint --help)\n"],
    [['bogus'], "papers: unknown command 'bogus' (see papers --help)\n"],
    [['lisst'], "papers: unknown command 'lisst' (did you mean list? see papers --help)\n"],
    [['--bogus'], "papers: unknown option '--bogus' (see papers --help)\n"],
  ])('%j says what to do, on one line', async (argv, stderr) => {
    const r = await run(memoryIo(seedFiles()), ...argv);
    expect(r).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('the tree registered for the command an argv runs', () => {
  const noop = () => {};
  const names = (argv?: string[]) => buildProgram(memoryIo(), noop, argv).commands.map((c) => c.name());
  const all = names();

  it.each([
    [['list', '--section', 'ocr'], ['list']],
    [['ls'], ['list']],
    [['--notes', 'show', 'list'], ['list']],
    [['--notes=show', 'search', 'x'], ['search']],
    [['--no-cache', '--encoding', 'gb18030', 'lint'], ['lint']],
    [['--', 'add'], ['add']],
  ])('%j registers only %j', (argv, expected) => {
    expect(names(argv)).toEqual(expected);
  });

  it.each([[[]], [['help', 'list']], [['completion', 'bash']], [['lisst']], [['--notes', 'list']], [['--version']]])(
    '%j registers every command',
    (argv) => {
      expect(names(argv)).toEqual(all);
      expect(all).toContain('completion');
      expect(all.length).toBe(13);
    },
  );

  it.each(all.filter((n) => n !== 'completion'))("`papers %s --help` prints what the whole tree's help prints", (name) => {
    const help = (argv?: string[]) => buildProgram(memoryIo(), noop, argv).commands.find((c) => c.name() === name)!.helpInformation();
    expect(help([name, '--help'])).toBe(help());
  });
});
