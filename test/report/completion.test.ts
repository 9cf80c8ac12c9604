import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';

async function script(shell: string): Promise<string> {
  const r = await run(memoryIo({}), 'completion', shell);
  expect(r.code).toBe(0);
  return r.stdout;
}

/** What bash completes for the words typed so far (the last one being completed). */
function complete(bashScript: string, words: string[]): string[] {
  const program = `${bashScript}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _papers_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', program], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('papers completion', () => {
  it('completes commands, then the options of the command given', async () => {
    const bash = await script('bash');
    expect(complete(bash, ['papers', 'se'])).toEqual(['search', 'sections']);
    expect(complete(bash, ['papers', 'list', '--s'])).toEqual(['--section', '--stub']);
    expect(complete(bash, ['papers', '--notes', 'x.md', 'lint', '--fi'])).toEqual(['--fix', '--fix-dry-run']);
    expect(complete(bash, ['papers', 'add', '--t'])).toEqual(['--title']);
    expect(complete(bash, ['papers', 'ls', '--j'])).toEqual(['--json']);
  });

  it('prints zsh and fish scripts', async () => {
    expect(await script('zsh')).toContain('bashcompinit');
    const fish = await script('fish');
    expect(fish).toContain("complete -c papers -n '__fish_use_subcommand' -a search");
    expect(fish).toContain("complete -c papers -n '__fish_seen_subcommand_from list ls' -l section -s s -r");
  });

  it('refuses an unknown shell (exit 2)', async () => {
    const r = await run(memoryIo({}), 'completion', 'powershell');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('papers: no completion for shell "powershell" (use one of bash, zsh, fish)\n');
  });
});
