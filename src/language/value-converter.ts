/**
 * Langium's value conversion (`DefaultValueConverter`), with the same results
 * and less work per token. The parser converts the text of every terminal and
 * data type rule it reads (`ID`, `NUMBER`, `STRING`, `Name`, `SignedNumber`…),
 * and Langium's converter, on every call, upper-cases the rule's name, looks
 * its type up in the grammar, and builds a string's value one character at a
 * time (`result += c`). That last one leaves a chain of one V8 string object
 * per character for every string of the file until it is flattened: in a heap
 * snapshot of a parsed 10k-line file, 60,000 such objects (2 MB, 9 % of the
 * tree) and the collector's time to copy them.
 *
 * {@link CoordValueConverter} decides once per rule which conversion it takes
 * (the same decision, by the same name and type) and converts a string
 * without escapes by one `substring`, a string with escapes by slices between
 * them. `test/language/value-converter.test.ts` compares both with Langium's
 * on every rule and on strings with every escape.
 */
import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';

type Convert = (input: string) => ValueType;

const identity: Convert = input => input;

/** The value of a `STRING` token (quotes included), as Langium's `ValueConverter.convertString` gives it. */
export function convertString(input: string): string {
    if (input.length < 2) return '';
    const end = input.length - 1;
    let backslash = input.indexOf('\\', 1);
    if (backslash < 0 || backslash >= end) return input.substring(1, end);
    let result = '';
    let from = 1;
    while (backslash >= 0 && backslash < end) {
        result += input.substring(from, backslash);
        // As Langium: the character after a backslash, escaped; a backslash just before the closing quote takes it.
        result += escape(input.charAt(backslash + 1));
        from = backslash + 2;
        backslash = input.indexOf('\\', from);
    }
    if (from < end) result += input.substring(from, end);
    return result;
}

function escape(char: string): string {
    switch (char) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case '0': return '\0';
        default: return char;
    }
}

/** The conversion Langium's `DefaultValueConverter.runConverter` applies for `rule`, chosen as it chooses it. */
export function converterFor(rule: GrammarAST.AbstractRule): Convert {
    switch (rule.name.toUpperCase()) {
        case 'INT': return ValueConverter.convertInt;
        case 'STRING': return convertString;
        case 'ID': return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number': return ValueConverter.convertNumber;
        case 'boolean': return ValueConverter.convertBoolean;
        case 'bigint': return ValueConverter.convertBigint;
        case 'date': return ValueConverter.convertDate;
        default: return identity;
    }
}

/**
 * Langium's value converter with the conversion of each grammar element chosen once (see the module's
 * comment): Langium's `convert` tests the element's type twice for every converted token
 * (`isCrossReference`, `isRuleCall`: each a look-up in the grammar language's reflection).
 */
export class CoordValueConverter extends DefaultValueConverter {
    private readonly byFeature = new Map<GrammarAST.AbstractElement | undefined, Convert>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const convert = this.byFeature.get(cstNode.grammarSource);
        if (convert !== undefined) return convert(input);
        let feature = cstNode.grammarSource;
        if (GrammarAST.isCrossReference(feature)) feature = GrammarUtils.getCrossReferenceTerminal(feature);
        if (!GrammarAST.isRuleCall(feature)) {
            this.byFeature.set(cstNode.grammarSource, identity);
            return input;
        }
        // A rule call whose rule is not linked keeps Langium's error, every time.
        if (!feature.rule.ref) return super.convert(input, cstNode);
        const chosen = converterFor(feature.rule.ref);
        this.byFeature.set(cstNode.grammarSource, chosen);
        return chosen(input);
    }
}
