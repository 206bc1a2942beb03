/**
 * The texts the quick fixes insert for the user to replace. A placeholder left
 * as inserted says nothing, so it counts for nothing: an `incentive` or a
 * `role` whose text is still its placeholder is no incentive and no role, and
 * a suppression whose reason is still its placeholder silences nothing. A
 * quick fix therefore never silences a lesson by itself.
 */

/** The text of the `role` the `local-roles` quick fix adds. */
export const ROLE_PLACEHOLDER = 'Describe who does what locally';
/** The text of the `incentive budget` the `budget-incentive` quick fix adds. */
export const INCENTIVE_PLACEHOLDER = 'Describe the earmarked budget or co-financing';
/** The texts of the `capacity`, `stakeholder` and `resistance` the `local-assessment` quick fixes add. */
export const CAPACITY_PLACEHOLDER = 'Describe a capacity that can operate at the local level';
export const STAKEHOLDER_PLACEHOLDER = 'Describe a stakeholder at the local level';
export const RESISTANCE_PLACEHOLDER = 'Describe a source of resistance at the local level';
/** The reason of the suppression comment the *Disable* quick fix adds. */
export const REASON_PLACEHOLDER = 'reason: why this is acceptable';

const PLACEHOLDERS: ReadonlySet<string> = new Set([
    ROLE_PLACEHOLDER, INCENTIVE_PLACEHOLDER, CAPACITY_PLACEHOLDER, STAKEHOLDER_PLACEHOLDER, RESISTANCE_PLACEHOLDER, REASON_PLACEHOLDER,
]);

/** Whether a text is still a quick fix's placeholder (whitespace aside). */
export function isPlaceholder(text: string | undefined): boolean {
    const t = text?.trim();
    return t !== undefined && PLACEHOLDERS.has(t);
}
