// Shell completion scripts (bash, zsh, fish) for the command tree: commands and their options.

export interface CompletionSpec {
  /** Options valid before or after any command, with whether each takes a value. */
  global: CompletionOption[];
  commands: Array<{ name: string; aliases: string[]; description: string; options: CompletionOption[] }>;
}

export interface CompletionOption {
  long: string | null;
  short: string | null;
  takesValue: boolean;
  description: string;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const flagsOf = (options: readonly CompletionOption[]): string[] =>
  options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== null));

function bash(spec: CompletionSpec): string {
  // Before the command only global options can stand, so only their values need skipping.
  const skip = flagsOf(spec.global.filter((o) => o.takesValue)).join('|');
  const globals = flagsOf(spec.global).join(' ');
  const cases = spec.commands
    .map((c) => `    ${[c.name, ...c.aliases].join('|')}) opts="${[...flagsOf(c.options), globals].join(' ')}" ;;`)
    .join('\n');
  const names = spec.commands.map((c) => c.name).join(' ');
  return `# papers completion for bash. Add to ~/.bashrc:  source <(papers completion bash)
_papers_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="" i w opts
  # The command is the first word that is neither an option nor an option's value.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      ${skip || '--none'}) ((i++)) ;;
      -*) ;;
      *) cmd="$w"; break ;;
    esac
  done
  case "$cmd" in
${cases}
    *) opts="${names} ${globals}" ;;
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _papers_complete papers
`;
}

function zsh(spec: CompletionSpec): string {
  return `# papers completion for zsh. Add to ~/.zshrc:  source <(papers completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(spec).split('\n').slice(1).join('\n')}`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishOption(o: CompletionOption, condition: string): string {
  const parts = ['complete -c papers', `-n ${fishQuote(condition)}`];
  if (o.long) parts.push(`-l ${o.long.replace(/^--/, '')}`);
  if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
  if (o.takesValue) parts.push('-r');
  parts.push(`-d ${fishQuote(o.description)}`);
  return parts.join(' ');
}

function fish(spec: CompletionSpec): string {
  const lines = ['# papers completion for fish. Save as ~/.config/fish/completions/papers.fish:  papers completion fish > ~/.config/fish/completions/papers.fish'];
  lines.push('complete -c papers -f');
  for (const c of spec.commands) lines.push(`complete -c papers -n '__fish_use_subcommand' -a ${c.name} -d ${fishQuote(c.description)}`);
  for (const o of spec.global) lines.push(fishOption(o, 'true'));
  for (const c of spec.commands) {
    for (const o of c.options) lines.push(fishOption(o, `__fish_seen_subcommand_from ${[c.name, ...c.aliases].join(' ')}`));
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
