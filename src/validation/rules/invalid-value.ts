/** Rule `invalid-value`: a year, period, p-value, budget or sample that cannot be right. */
import type { AstNode } from 'langium';
import {
    isBudgetProperty, isCiDetail, isEffect, isEffects, isFollowupDetail, isNDetail, isPDetail, isPeriodProperty, isPublishedProperty,
    isRedesignedProperty, isReviewedProperty, isSampleProperty, isSeDetail, isSinceProperty,
    type Model,
} from '../../language/generated/ast.js';
import { defineRule, type RuleReport } from '../rule.js';
import { RuleId } from '../rule-ids.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export const invalidValueRule = defineRule({
    id: RuleId.invalidValue,
    defaultSeverity: 'error',
    category: 'structure',
    summary: 'A year outside 1900–2100, a period that ends before it starts, `p` outside 0–1, a negative budget or sample; (v2) a `ci` whose low end exceeds its high end, `se` ≤ 0, `n` not whole or ≤ 0, `followup` ≤ 0.',
    doc: 'Years are whole numbers between 1900 and 2100; a period ends in or after the year it starts; a p-value lies between 0 and 1; budgets and samples are not negative. An interval is written low end first; a standard error is positive; a number of observations is a whole number above zero; a follow-up is some time after the programme started. Such values are almost always typing slips, and they would distort the summary, its pooled estimates and its certainty.',
    check({ model, report }) {
        // These values sit only in the properties of declarations and in effects: look there
        // rather than walk every node of the document (a walk of the whole tree cost as much
        // as all the other rules together).
        for (const node of valueHolders(model)) {
            if (isPeriodProperty(node)) {
                const okStart = checkYear(node, 'start', node.start, report);
                const okEnd = checkYear(node, 'end', node.end, report);
                if (okStart && okEnd && node.end < node.start) {
                    report({ node, property: 'end', message: `period ${node.start}..${node.end} ends before it starts` });
                }
            } else if (isRedesignedProperty(node) || isSinceProperty(node) || isReviewedProperty(node)) {
                checkYear(node, 'year', node.year, report);
            } else if (isBudgetProperty(node) && node.amount < 0) {
                report({ node, property: 'amount', message: `budget ${node.amount} is negative` });
            } else if (isSampleProperty(node) && node.size < 0) {
                report({ node, property: 'size', message: `sample ${node.size} is negative` });
            } else if (isPublishedProperty(node)) {
                checkYear(node, 'year', node.year, report);
            } else if (isEffect(node)) {
                for (const d of node.details ?? []) checkDetail(d, report);
            }
        }
    },
});

function* valueHolders(model: Model): Generator<AstNode> {
    for (const decl of model.declarations ?? []) {
        if (isEffects(decl)) yield* decl.effects ?? [];
        else if ('properties' in decl) yield* (decl.properties as readonly AstNode[] | undefined) ?? [];
    }
}

function checkDetail(d: AstNode, report: (r: RuleReport) => void): void {
    if (isPDetail(d) && d.value !== undefined && (d.value < 0 || d.value > 1)) {
        report({ node: d, property: 'value', message: `p ${formatNumber(d.value)} lies outside 0–1` });
    } else if (isCiDetail(d) && d.low !== undefined && d.high !== undefined && d.low > d.high) {
        report({ node: d, message: `ci ${formatNumber(d.low)}..${formatNumber(d.high)}: its low end exceeds its high end; write the lower bound first` });
    } else if (isSeDetail(d) && d.value !== undefined && d.value <= 0) {
        report({ node: d, property: 'value', message: `se ${formatNumber(d.value)} is not positive; a standard error is greater than 0` });
    } else if (isNDetail(d) && d.value !== undefined && (!Number.isInteger(d.value) || d.value <= 0)) {
        report({ node: d, property: 'value', message: `n ${formatNumber(d.value)} is not a whole number above 0; it counts the observations behind the estimate` });
    } else if (isFollowupDetail(d) && d.value !== undefined && d.value <= 0) {
        report({ node: d, property: 'value', message: `followup ${formatNumber(d.value)} ${d.unit ?? ''} is not after the start of the programme; it must be above 0`.replace('  ', ' ') });
    }
}

function checkYear(node: AstNode, property: string, value: number | undefined, report: (r: RuleReport) => void): boolean {
    if (value === undefined || Number.isNaN(value)) return false;
    if (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
        report({ node, property, message: `${formatNumber(value)} is not a year between ${MIN_YEAR} and ${MAX_YEAR}` });
        return false;
    }
    return true;
}

/** A number as the user would have written it (no exponent for large or small values). */
function formatNumber(value: number): string {
    const text = String(value);
    return /e/i.test(text) && Number.isFinite(value) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}
