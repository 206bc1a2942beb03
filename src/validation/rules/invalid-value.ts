/** Rule `invalid-value`: a year, period, p-value, budget or sample that cannot be right. */
import type { AstNode } from 'langium';
import {
    isBudgetProperty, isCiDetail, isEffect, isEffects, isFollowupDetail, isNDetail, isPDetail, isPeriodProperty, isPublishedProperty,
    isRedesignedProperty, isReviewedProperty, isSampleProperty, isSeDetail, isSinceProperty,
    type Model,
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
        // as all the other rules together).
        const check = (node: AstNode) => {
            if (isPeriodProperty(node)) {
                const okStart = checkYear(node, 'start', node.start, report);
                const okEnd = checkYear(node, 'end', node.end, report);
                if (okStart && okEnd && node.end < node.start) {
                    report({ node, property: 'end', message: t('rule.invalid-value.period', { start: String(node.start), end: String(node.end) }) });
                }
            } else if (isRedesignedProperty(node) || isSinceProperty(node) || isReviewedProperty(node)) {
                checkYear(node, 'year', node.year, report);
            } else if (isBudgetProperty(node) && node.amount < 0) {
                report({ node, property: 'amount', message: t('rule.invalid-value.budget', { amount: String(node.amount) }) });
            } else if (isSampleProperty(node) && node.size < 0) {
                report({ node, property: 'size', message: t('rule.invalid-value.sample', { size: String(node.size) }) });
            } else if (isPublishedProperty(node)) {
                checkYear(node, 'year', node.year, report);
            } else if (isEffect(node)) {
                for (const d of node.details ?? []) checkDetail(d, report);
            }
        };
        forEachValueHolder(model, check);
    },
});

/** Calls `visit` on each property of a declaration and each effect (a loop: a generator cost a tenth of the rule's time). */
function forEachValueHolder(model: Model, visit: (node: AstNode) => void): void {
    for (const decl of model.declarations ?? []) {
        const holders = isEffects(decl) ? decl.effects : 'properties' in decl ? decl.properties as readonly AstNode[] | undefined : undefined;
        if (!holders) continue;
        for (let i = 0; i < holders.length; i++) visit(holders[i]);
    }
}

function checkDetail(d: AstNode, report: (r: RuleReport) => void): void {
    if (isPDetail(d) && d.value !== undefined && (d.value < 0 || d.value > 1)) {
        report({ node: d, property: 'value', message: t('rule.invalid-value.p', { value: formatNumber(d.value) }) });
    } else if (isCiDetail(d) && d.low !== undefined && d.high !== undefined && d.low > d.high) {
        report({ node: d, message: t('rule.invalid-value.ci', { low: formatNumber(d.low), high: formatNumber(d.high) }) });
    } else if (isSeDetail(d) && d.value !== undefined && d.value <= 0) {
        report({ node: d, property: 'value', message: t('rule.invalid-value.se', { value: formatNumber(d.value) }) });
    } else if (isNDetail(d) && d.value !== undefined && (!Number.isInteger(d.value) || d.value <= 0)) {
        report({ node: d, property: 'value', message: t('rule.invalid-value.n', { value: formatNumber(d.value) }) });
    } else if (isFollowupDetail(d) && d.value !== undefined && d.value <= 0) {
        report({ node: d, property: 'value', message: t('rule.invalid-value.followup', { value: d.unit ? `${formatNumber(d.value)} ${d.unit}` : formatNumber(d.value) }) });
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
