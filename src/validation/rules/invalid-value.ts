/** Rule `invalid-value`: a year, period, p-value, budget or sample that cannot be right. */
import type { AstNode } from 'langium';
import {
    BudgetProperty, CiDetail, Effect, Effects, FollowupDetail, NDetail, PDetail, PeriodProperty, PublishedProperty,
    RedesignedProperty, ReviewedProperty, SampleProperty, SeDetail, SinceProperty,
} from '../../language/generated/ast.js';
import { t } from '../../i18n/index.js';
import { defineRule, type RuleReport } from '../rule.js';
import { RuleId } from '../rule-ids.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export const invalidValueRule = defineRule({
    id: RuleId.invalidValue,
    defaultSeverity: 'error',
    category: 'structure',
    check({ model, report }) {
        // These values sit only in the properties of declarations and in effects: look there
        // rather than walk every node of the document (a walk of the whole tree cost as much
        // as all the other rules together). One loop over them, the switch in it: no call per
        // property (after the parse V8 runs the rules in baseline code, where a call costs).
        const declarations = model.declarations ?? [];
        for (let i = 0; i < declarations.length; i++) {
            const decl = declarations[i];
            const holders = decl.$type === Effects.$type ? (decl as Effects).effects : 'properties' in decl ? decl.properties as readonly AstNode[] | undefined : undefined;
            if (!holders) continue;
            for (let j = 0; j < holders.length; j++) {
                const node = holders[j];
                // A switch on the exact type (none of these types has subtypes), not a chain of the
                // generated guards: each guard looks the type up, and most properties hold no figure.
                switch (node.$type) {
                    case PeriodProperty.$type: {
                        const period = node as PeriodProperty;
                        const okStart = checkYear(period, 'start', period.start, report);
                        const okEnd = checkYear(period, 'end', period.end, report);
                        if (okStart && okEnd && period.end < period.start) {
                            report({ node, property: 'end', message: t('rule.invalid-value.period', { start: String(period.start), end: String(period.end) }) });
                        }
                        break;
                    }
                    case RedesignedProperty.$type: case SinceProperty.$type: case ReviewedProperty.$type:
                        checkYear(node, 'year', (node as RedesignedProperty | SinceProperty | ReviewedProperty).year, report);
                        break;
                    case BudgetProperty.$type:
                        if ((node as BudgetProperty).amount < 0) report({ node, property: 'amount', message: t('rule.invalid-value.budget', { amount: String((node as BudgetProperty).amount) }) });
                        break;
                    case SampleProperty.$type:
                        if ((node as SampleProperty).size < 0) report({ node, property: 'size', message: t('rule.invalid-value.sample', { size: String((node as SampleProperty).size) }) });
                        break;
                    case PublishedProperty.$type:
                        checkYear(node, 'year', (node as PublishedProperty).year, report);
                        break;
                    case Effect.$type: {
                        const details = (node as Effect).details ?? [];
                        for (let k = 0; k < details.length; k++) checkDetail(details[k], report);
                        break;
                    }
                }
            }
        }
    },
});

function checkDetail(d: AstNode, report: (r: RuleReport) => void): void {
    switch (d?.$type) {
        case PDetail.$type: {
            const { value } = d as PDetail;
            if (value !== undefined && (value < 0 || value > 1)) report({ node: d, property: 'value', message: t('rule.invalid-value.p', { value: formatNumber(value) }) });
            break;
        }
        case CiDetail.$type: {
            const { low, high } = d as CiDetail;
            if (low !== undefined && high !== undefined && low > high) report({ node: d, message: t('rule.invalid-value.ci', { low: formatNumber(low), high: formatNumber(high) }) });
            break;
        }
        case SeDetail.$type: {
            const { value } = d as SeDetail;
            if (value !== undefined && value <= 0) report({ node: d, property: 'value', message: t('rule.invalid-value.se', { value: formatNumber(value) }) });
            break;
        }
        case NDetail.$type: {
            const { value } = d as NDetail;
            if (value !== undefined && (!Number.isInteger(value) || value <= 0)) report({ node: d, property: 'value', message: t('rule.invalid-value.n', { value: formatNumber(value) }) });
            break;
        }
        case FollowupDetail.$type: {
            const { value, unit } = d as FollowupDetail;
            if (value !== undefined && value <= 0) report({ node: d, property: 'value', message: t('rule.invalid-value.followup', { value: unit ? `${formatNumber(value)} ${unit}` : formatNumber(value) }) });
            break;
        }
    }
}

function checkYear(node: AstNode, property: string, value: number | undefined, report: (r: RuleReport) => void): boolean {
    if (value === undefined || Number.isNaN(value)) return false;
    if (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
        report({ node, property, message: t('rule.invalid-value.year', { value: formatNumber(value), min: String(MIN_YEAR), max: String(MAX_YEAR) }) });
        return false;
    }
    return true;
}

/** A number as the user would have written it (no exponent for large or small values). */
function formatNumber(value: number): string {
    const text = String(value);
    return /e/i.test(text) && Number.isFinite(value) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}
