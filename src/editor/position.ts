// How to start an editor at a line: the arguments each common editor takes for "this file, this line". Pure.

/** How an editor is told to open a file at a line. */
type LineStyle = 'plus' | 'colon' | 'goto' | 'line-flag' | 'notepad';

// NOTE: our own table, not launch-editor's: its table has no nano, nvim, micro, helix, kakoune or vi
// (they get the file without the line), and its launcher guesses editors from running processes,
// neither waits for a terminal editor nor reports its exit status.
const STYLES: ReadonlyMap<string, LineStyle> = new Map([
  // +LINE FILE
  ...['vi', 'vim', 'nvim', 'gvim', 'mvim', 'vim.basic', 'vim.tiny', 'view', 'nano', 'pico', 'rnano', 'emacs', 'emacsclient', 'micro', 'kak', 'joe', 'jed', 'ne', 'mg', 'gedit', 'gnome-text-editor', 'pluma', 'xed', 'mousepad', 'geany', 'kate', 'amp', 'vis', 'nvi', 'elvis', 'lvim', 'mcedit'].map((n) => [n, 'plus'] as const),
  // FILE:LINE
  ...['hx', 'helix', 'subl', 'sublime_text', 'zed', 'zeditor', 'atom', 'lapce', 'lite-xl', 'charm', 'wstorm'].map((n) => [n, 'colon'] as const),
  // --goto FILE:LINE (VS Code and its forks)
  ...['code', 'code-insiders', 'codium', 'vscodium', 'cursor', 'windsurf', 'code-oss', 'positron'].map((n) => [n, 'goto'] as const),
  // --line LINE FILE (JetBrains IDEs, TextMate)
  ...['idea', 'idea64', 'pycharm', 'pycharm64', 'webstorm', 'webstorm64', 'clion', 'goland', 'rubymine', 'phpstorm', 'rider', 'studio', 'fleet', 'mate', 'rmate'].map((n) => [n, 'line-flag'] as const),
  ['notepad++', 'notepad'],
]);

/** The program an editor command runs: `code` for `code --wait`, `nvim` for `/usr/bin/nvim`, `emacsclient` for `emacsclient -t`. */
export function editorProgram(command: string): string {
  const first = command.trim().match(/^(?:"([^"]*)"|'([^']*)'|(\S+))/);
  const word = first ? (first[1] ?? first[2] ?? first[3] ?? '') : '';
  return word.split(/[\\/]/).pop()!.replace(/\.(exe|cmd|bat)$/i, '').toLowerCase();
}

export interface EditorCall {
  /** Arguments after the editor command. */
  args: string[];
  /** False when papers does not know how this editor takes a line: it opens the file at its top. */
  atLine: boolean;
}

/** The arguments that open `file` at `line` in the editor `command` runs ($VISUAL or $EDITOR). */
export function editorCall(command: string, file: string, line: number): EditorCall {
  switch (STYLES.get(editorProgram(command))) {
    case 'plus':
      return { args: [`+${line}`, file], atLine: true };
    case 'colon':
      return { args: [`${file}:${line}`], atLine: true };
    case 'goto':
      return { args: ['--goto', `${file}:${line}`], atLine: true };
    case 'line-flag':
      return { args: ['--line', String(line), file], atLine: true };
    case 'notepad':
      return { args: [`-n${line}`, file], atLine: true };
    default:
      return { args: [file], atLine: false };
  }
}

/** The editor command from the environment: $VISUAL, then $EDITOR (as git picks them); null when neither is set. */
export function editorFromEnv(env: Record<string, string | undefined>): string | null {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || null;
}
