/**
 * The messages of the CLI's front (`coord --help`, an unknown command, an
 * internal error, `coord lsp --help`): part of the one catalogue (en.ts,
 * es.ts and pt-BR.ts spread them in, so the catalogue's tests check their
 * keys and placeholders), but kept in a module of plain data that the front
 * bundle can read without the message formatter or the rest of the
 * catalogue, so that `coord --help` stays cheap. They use only `{name}`
 * placeholders and `''` for a literal apostrophe beside one (no plural), so
 * that {@link formatFront} prints what `intl-messageformat` would.
 */
import type { Locale } from '../locale.js';

const en = {
    'cli.front.tagline': 'validate and summarise coordination specs (.coord files)',
    'cli.front.usage': 'Usage: coord <command> [options]',
    'cli.front.commands': 'Commands:',
    'cli.front.more': "Run 'coord <command> --help' for a command's options.",
    'cli.front.help': 'show this help',
    'cli.front.version': 'print the version',
    'cli.front.summary.check': 'validate .coord files and report findings (the CI linter)',
    'cli.front.summary.completion': 'print a shell completion script (bash, zsh or fish)',
    'cli.front.summary.format': 'rewrite .coord files in the canonical layout (--check: list unformatted files)',
    'cli.front.summary.init': 'start a project: coord.config.json (every rule at its default) and a starter spec',
    'cli.front.summary.rules': 'list every rule with its default severity and the lesson behind it',
    'cli.front.summary.summary': 'report the effects and coordination of a workspace (md, html, csv, json)',
    'cli.front.summary.lsp': 'run the language server over stdio (coord lsp --stdio)',
    'cli.front.unknown-command': "unknown command ''{command}''; run ''coord --help'' for the list",
    'cli.front.internal-error': 'internal error: {message}',
    'cli.front.bug': '(this is a bug in coord; please report it with the input that caused it)',
    'cli.front.unfinished': 'internal error: the command {how} before it finished; no report was written',
    'cli.front.stopped': 'stopped (nothing was left to wait for)',
    'cli.front.exited': 'exited with status {code}',
    'cli.front.lsp-usage': 'Usage: coord lsp --stdio\n\nRuns the Coord language server over stdio for any LSP client (VS Code, Neovim, Emacs, Helix…).',
    'cli.front.lsp-socket': '--socket expects a port number from 1 to 65535, got {value}',
    'cli.front.lsp-value': '{option} expects a value: {example}',
} as const;

export type FrontKey = keyof typeof en;

const es: Record<FrontKey, string> = {
    'cli.front.tagline': 'valida y resume especificaciones de coordinación (archivos .coord)',
    'cli.front.usage': 'Uso: coord <comando> [opciones]',
    'cli.front.commands': 'Comandos:',
    'cli.front.more': "Ejecute 'coord <comando> --help' para ver las opciones de un comando.",
    'cli.front.help': 'muestra esta ayuda',
    'cli.front.version': 'imprime la versión',
    'cli.front.summary.check': 'valida archivos .coord e informa sus hallazgos (el linter de CI)',
    'cli.front.summary.completion': 'imprime un script de autocompletado para la shell (bash, zsh o fish)',
    'cli.front.summary.format': 'reescribe archivos .coord con el formato canónico (--check: lista los archivos sin formatear)',
    'cli.front.summary.init': 'inicia un proyecto: coord.config.json (cada regla en su valor predeterminado) y una especificación inicial',
    'cli.front.summary.rules': 'lista todas las reglas con su severidad predeterminada y la lección que las sustenta',
    'cli.front.summary.summary': 'informa los efectos y la coordinación de un espacio de trabajo (md, html, csv, json)',
    'cli.front.summary.lsp': 'ejecuta el servidor de lenguaje por stdio (coord lsp --stdio)',
    'cli.front.unknown-command': "comando desconocido: «{command}»; ejecute 'coord --help' para ver la lista",
    'cli.front.internal-error': 'error interno: {message}',
    'cli.front.bug': '(es un error de coord; por favor, infórmelo junto con la entrada que lo causó)',
    'cli.front.unfinished': 'error interno: el comando {how} antes de terminar; no se escribió ningún informe',
    'cli.front.stopped': 'se detuvo (no quedaba nada que esperar)',
    'cli.front.exited': 'salió con el estado {code}',
    'cli.front.lsp-usage': 'Uso: coord lsp --stdio\n\nEjecuta el servidor de lenguaje de Coord por stdio para cualquier cliente LSP (VS Code, Neovim, Emacs, Helix…).',
    'cli.front.lsp-socket': '--socket espera un número de puerto de 1 a 65535; se recibió {value}',
    'cli.front.lsp-value': '{option} espera un valor: {example}',
};

const ptBR: Record<FrontKey, string> = {
    'cli.front.tagline': 'valida e resume especificações de coordenação (arquivos .coord)',
    'cli.front.usage': 'Uso: coord <comando> [opções]',
    'cli.front.commands': 'Comandos:',
    'cli.front.more': "Execute 'coord <comando> --help' para ver as opções de um comando.",
    'cli.front.help': 'mostra esta ajuda',
    'cli.front.version': 'imprime a versão',
    'cli.front.summary.check': 'valida arquivos .coord e relata seus achados (o linter de CI)',
    'cli.front.summary.completion': 'imprime um script de autocompletar para o shell (bash, zsh ou fish)',
    'cli.front.summary.format': 'reescreve arquivos .coord no formato canônico (--check: lista os arquivos não formatados)',
    'cli.front.summary.init': 'inicia um projeto: coord.config.json (cada regra no seu padrão) e uma especificação inicial',
    'cli.front.summary.rules': 'lista todas as regras com sua severidade padrão e a lição por trás de cada uma',
    'cli.front.summary.summary': 'relata os efeitos e a coordenação de um espaço de trabalho (md, html, csv, json)',
    'cli.front.summary.lsp': 'executa o servidor de linguagem via stdio (coord lsp --stdio)',
    'cli.front.unknown-command': "comando desconhecido: \"{command}\"; execute 'coord --help' para ver a lista",
    'cli.front.internal-error': 'erro interno: {message}',
    'cli.front.bug': '(é um erro do coord; por favor, relate-o junto com a entrada que o causou)',
    'cli.front.unfinished': 'erro interno: o comando {how} antes de terminar; nenhum relatório foi escrito',
    'cli.front.stopped': 'parou (não havia mais nada a esperar)',
    'cli.front.exited': 'saiu com o status {code}',
    'cli.front.lsp-usage': 'Uso: coord lsp --stdio\n\nExecuta o servidor de linguagem do Coord via stdio para qualquer cliente LSP (VS Code, Neovim, Emacs, Helix…).',
    'cli.front.lsp-socket': '--socket espera um número de porta de 1 a 65535; recebeu {value}',
    'cli.front.lsp-value': '{option} espera um valor: {example}',
};

/** The front's messages in every locale. */
export const FRONT_MESSAGES: Readonly<Record<Locale, Readonly<Record<FrontKey, string>>>> = { en, es, 'pt-BR': ptBR };
export { en as FRONT_EN };

/** A front message with its `{name}` placeholders filled (`''` is an apostrophe), as the catalogue's `t` prints it. */
export function formatFront(locale: Locale, key: FrontKey, values: Readonly<Record<string, string | number>> = {}): string {
    return FRONT_MESSAGES[locale][key].replace(/''|\{(\w+)\}/g, (whole, name: string | undefined) => (name === undefined ? "'" : String(values[name] ?? whole)));
}
