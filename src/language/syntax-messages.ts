/**
 * Readable syntax-error messages. Chevrotain's own messages list every token
 * sequence it could accept; analysts want the token that was found and, in a
 * few words, what was expected there.
 */
import type { IRecognitionException } from 'chevrotain';

function shown(image: string | undefined): string {
    if (image === undefined || image === '') return 'the end of the file';
    const short = image.length > 40 ? image.slice(0, 37) + '…' : image;
    return `'${short.replace(/\r?\n/g, '\\n')}'`;
}

/** Turns a parser error into a one-line message. */
export function describeParserError(e: IRecognitionException): string {
    const found = e.token && e.token.tokenType?.name !== 'EOF' ? shown(e.token.image) : 'the end of the file';
    const msg = e.message ?? '';
    const single = /^Expecting (?:token of type )?'?([^'\s]+)'? but found/.exec(msg);
    if (single) {
        return `expected ${describeToken(single[1])} but found ${found}`;
    }
    const alternatives = [...msg.matchAll(/\d+\. \[([^\]]*)\]/g)].map(m => m[1].split(',')[0].trim());
    if (alternatives.length > 0) {
        const unique = [...new Set(alternatives.map(describeToken))];
        const list = unique.length > 8 ? unique.slice(0, 8).join(', ') + ', …' : unique.join(', ');
        return `unexpected ${found}; expected one of ${list}`;
    }
    if (/Redundant input/.test(msg) || /expecting EOF/i.test(msg)) {
        return `unexpected ${found}; expected a declaration (domain, outcome, population, programme, body, coordination, evaluation or effects)`;
    }
    return `unexpected ${found}${msg ? `: ${msg.split('\n')[0]}` : ''}`;
}

function describeToken(name: string): string {
    switch (name) {
        case 'ID': return 'a name';
        case 'STRING': return 'a string';
        case 'NUMBER': return 'a number';
        case 'EOF': return 'the end of the file';
        default: return `'${name}'`;
    }
}
