/**
 * `coord completion bash|zsh|fish`: a shell completion script. The commands
 * come from `COMMAND_LOADERS`, each command's options from its own usage text
 * and the rule ids from the registry, so the script never lists an option that
 * does not exist. Paths complete as files.
 */
import type { Command } from '../command.js';
import { parseCommandArgs } from '../command.js';
import { CliError } from '../files.js';
import { RULE_IDS } from '../../validation/registry.js';
import { t } from '../../i18n/index.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = typeof SHELLS[number];

/** What a completion script completes: per command, its options and the words of its first argument. */
export interface CompletionModel {
    commands: Array<{ name: string; summary: string; options: string[]; words: string[] }>;
}

/** The long and short options a usage text lists (`--format`, `-o`). */
export function optionsOfUsage(usage: string): string[] {
    const found = new Set<string>();
    for (const line of usage.split('\n')) {
        // An option line starts with spaces and `-x, --long` or `--long`.
        const m = /^\s+((?:-[a-zA-Z], )?--[a-z][a-z-]*)/.exec(line);
        if (!m) continue;
        for (const part of m[1].split(', ')) found.add(part);
    }
    return [...found];
}

export async function completionModel(): Promise<CompletionModel> {
    // Imported here, not at the top: index.ts loads this module.
    const { COMMAND_LOADERS } = await import('./index.js');
    const commands: CompletionModel['commands'] = [];
    for (const load of Object.values(COMMAND_LOADERS)) {
        const command = await load();
        const words = command.name === 'rules' ? [...RULE_IDS] : command.name === 'completion' ? [...SHELLS] : [];
        // Every command answers -h and --help, whether its usage lists them or not.
        const options = [...new Set([...optionsOfUsage(command.usage), '-h', '--help'])];
        commands.push({ name: command.name, summary: command.summary, options, words });
    }
    commands.push({ name: 'lsp', summary: t('cli.front.summary.lsp'), options: ['--stdio', '--help'], words: [] });
    return { commands: commands.sort((a, b) => (a.name < b.name ? -1 : 1)) };
}

const shellWord = (word: string) => (/^[A-Za-z0-9_.,:=+\/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

export function bashScript(model: CompletionModel): string {
    const names = model.commands.map(c => c.name).join(' ');
    const cases = model.commands.map(c => `        ${c.name}) opts=${shellWord(c.options.join(' '))}; words=${shellWord(c.words.join(' '))} ;;`).join('\n');
    return `# bash completion for coord. Load it with
#   source <(coord completion bash)
# or save it as ~/.local/share/bash-completion/completions/coord
_coord() {
    local cur=\${COMP_WORDS[COMP_CWORD]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=( $(compgen -W "${names} --help --version" -- "$cur") )
        return 0
    fi
    local opts='' words=''
    case "\${COMP_WORDS[1]}" in
${cases}
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
        return 0
    fi
    if [ -n "$words" ] && [ "$COMP_CWORD" -eq 2 ]; then
        COMPREPLY=( $(compgen -W "$words" -- "$cur") )
        return 0
    fi
    # Anything else is a path: let bash complete file names.
    COMPREPLY=()
    return 0
}
complete -o default -F _coord coord
`;
}

export function zshScript(model: CompletionModel): string {
    const describe = model.commands.map(c => `        ${shellWord(`${c.name}:${c.summary.replace(/:/g, '\\:')}`)}`).join('\n');
    const cases = model.commands.map(c => `        ${c.name}) opts=(${c.options.map(shellWord).join(' ')}); firsts=(${c.words.map(shellWord).join(' ')}) ;;`).join('\n');
    // \`words\` is zsh's own array of the command line: the script reads it and names its lists otherwise.
    return `#compdef coord
# zsh completion for coord. Load it with
#   source <(coord completion zsh)
# or save it as _coord in a folder of your $fpath.
_coord() {
    local -a commands opts firsts
    commands=(
${describe}
    )
    if (( CURRENT == 2 )); then
        _describe 'coord command' commands
        return
    fi
    case $words[2] in
${cases}
    esac
    if [[ $PREFIX == -* ]]; then
        compadd -- $opts
    elif (( CURRENT == 3 && \${#firsts} > 0 )); then
        compadd -- $firsts
    else
        _files
    fi
}
if (( $+functions[compdef] )); then compdef _coord coord; fi
`;
}

export function fishScript(model: CompletionModel): string {
    const lines = [
        '# fish completion for coord. Load it with',
        '#   coord completion fish | source',
        '# or save it as ~/.config/fish/completions/coord.fish',
        'complete -c coord -f',
    ];
    const names = model.commands.map(c => c.name).join(' ');
    for (const c of model.commands) {
        lines.push(`complete -c coord -n "not __fish_seen_subcommand_from ${names}" -a ${c.name} -d ${shellWord(c.summary)}`);
        for (const option of c.options) {
            const flag = option.startsWith('--') ? `-l ${option.slice(2)}` : `-s ${option.slice(1)}`;
            lines.push(`complete -c coord -n "__fish_seen_subcommand_from ${c.name}" ${flag}`);
        }
        if (c.words.length > 0) lines.push(`complete -c coord -n "__fish_seen_subcommand_from ${c.name}" -a ${shellWord(c.words.join(' '))}`);
        else if (c.name !== 'lsp' && c.name !== 'completion') lines.push(`complete -c coord -n "__fish_seen_subcommand_from ${c.name}" -F`);
    }
    return lines.join('\n') + '\n';
}

const SCRIPTS: Record<Shell, (model: CompletionModel) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

export const completionCommand: Command = {
    name: 'completion',
    get summary() { return t('cli.front.summary.completion'); },
    get usage() { return t('cli.usage.completion', { bash: 'source <(coord completion bash)', zsh: 'source <(coord completion zsh)', fish: 'coord completion fish | source' }); },
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('completion', args, {
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            io.stdout.write(this.usage + '\n');
            return 0;
        }
        const shell = positionals[0];
        if (positionals.length !== 1 || !(SHELLS as readonly string[]).includes(shell)) {
            throw new CliError(`coord completion: ${shell && positionals.length === 1 ? t('cli.completion.not', { shells: SHELLS.join(', '), shell }) : t('cli.completion.shell', { shells: SHELLS.join(', ') })}`);
        }
        io.stdout.write(SCRIPTS[shell as Shell](await completionModel()));
        return 0;
    },
};
