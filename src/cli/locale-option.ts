/**
 * `--locale LOCALE`, which every command takes: the language of the messages,
 * rule texts and reports (en, es, pt-BR). Without it the environment decides
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. Rule ids, option names and
 * the field names of JSON, SARIF, CSV and JUnit stay English.
 */
import type { Command, CommandIO } from './command.js';
import { CliError } from './files.js';
import { chooseLocale, getLocale, LOCALES, matchLocale, setLocale, t } from '../i18n/index.js';

/** The `--locale` lines of a command's `--help`, in the current locale. */
export function localeUsage(): string {
    return t('cli.usage.locale', { locales: LOCALES.join(' | ') });
}

/** The `--locale` value of `args` (`--locale es`, `--locale=es`; options end at `--`), and the other arguments. */
export function takeLocaleOption(command: string, args: readonly string[]): { locale?: string; rest: string[] } {
    const rest: string[] = [];
    let locale: string | undefined;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') {
            rest.push(...args.slice(i));
            break;
        }
        if (arg === '--locale' || arg.startsWith('--locale=')) {
            const value = arg === '--locale' ? args[++i] : arg.slice('--locale='.length);
            if (value === undefined || value === '' || value.startsWith('-')) {
                throw new CliError(`coord ${command}: ${t('cli.locale.missing', { locales: LOCALES.join(', ') })}`);
            }
            if (!matchLocale(value)) throw new CliError(`coord ${command}: ${t('cli.locale.unknown', { value, locales: LOCALES.join(', ') })}`);
            locale = value;
            continue;
        }
        rest.push(arg);
    }
    return { locale, rest };
}

/** The command, taking `--locale` and running in the chosen locale (the previous one restored after). */
export function withLocaleOption(command: Command): Command {
    const wrapped: Command = {
        name: command.name,
        get summary() {
            return command.summary;
        },
        get usage() {
            return `${command.usage}\n${localeUsage()}`;
        },
        async run(args: string[], io: CommandIO) {
            const before = getLocale();
            // A bad --locale is reported in the environment's language.
            setLocale(chooseLocale(undefined, io.env));
            let taken: ReturnType<typeof takeLocaleOption>;
            try {
                taken = takeLocaleOption(command.name, args);
            } catch (e) {
                setLocale(before);
                throw e;
            }
            const { locale, rest } = taken;
            setLocale(chooseLocale(locale, io.env));
            try {
                return await command.run.call(wrapped, rest, io);
            } finally {
                setLocale(before);
            }
        },
    };
    return wrapped;
}
