import { describe, expect, it } from 'vitest';
import { editorCall, editorFromEnv, editorProgram } from '../../src/editor/position.js';

describe('editorCall', () => {
  it.each([
    ['vi', ['+12', '/n/p.md']],
    ['vim', ['+12', '/n/p.md']],
    ['/usr/bin/nvim', ['+12', '/n/p.md']],
    ['nano', ['+12', '/n/p.md']],
    ['emacs -nw', ['+12', '/n/p.md']],
    ['emacsclient -t', ['+12', '/n/p.md']],
    ['micro', ['+12', '/n/p.md']],
    ['kak', ['+12', '/n/p.md']],
    ['hx', ['/n/p.md:12']],
    ['helix', ['/n/p.md:12']],
    ['subl -w', ['/n/p.md:12']],
    ['zed --wait', ['/n/p.md:12']],
    ['code', ['--goto', '/n/p.md:12']],
    ['code --wait', ['--goto', '/n/p.md:12']],
    ['"/Applications/Visual Studio Code.app/bin/code" --wait', ['--goto', '/n/p.md:12']],
    ['codium', ['--goto', '/n/p.md:12']],
    ['cursor', ['--goto', '/n/p.md:12']],
    ['idea', ['--line', '12', '/n/p.md']],
    ['mate -w', ['--line', '12', '/n/p.md']],
    ['"C:\\Program Files\\Notepad++\\notepad++.exe"', ['-n12', '/n/p.md']],
  ])('%s', (command, args) => {
    expect(editorCall(command, '/n/p.md', 12)).toEqual({ args, atLine: true });
  });

  it('opens the file without a line for an editor it does not know', () => {
    expect(editorCall('my-editor --flag', '/n/p.md', 12)).toEqual({ args: ['/n/p.md'], atLine: false });
    expect(editorCall('', '/n/p.md', 12)).toEqual({ args: ['/n/p.md'], atLine: false });
  });

  it('names the program of a command', () => {
    expect(editorProgram('  VIM  ')).toBe('vim');
    expect(editorProgram("'/opt/my editors/hx' -c x")).toBe('hx');
    expect(editorProgram('code.cmd')).toBe('code');
  });

  it('takes $VISUAL, then $EDITOR, ignoring blank ones', () => {
    expect(editorFromEnv({ VISUAL: 'code', EDITOR: 'vim' })).toBe('code');
    expect(editorFromEnv({ VISUAL: '  ', EDITOR: 'vim' })).toBe('vim');
    expect(editorFromEnv({ VISUAL: '', EDITOR: '' })).toBeNull();
    expect(editorFromEnv({})).toBeNull();
  });
});
