/**
 * The Coord standard library (§4 of the language reference): the five outcome
 * domains of the founding brief and the outcomes its impact evaluations
 * measured. It is one read-only, built-in document that every workspace holds,
 * in the CLI and in the language server alike.
 */

import { URI } from 'langium';

/** The URI of the built-in standard library document, in the form `URI.toString()` gives. */
export const STDLIB_URI = URI.parse('coord-stdlib:///stdlib.coord').toString();

/** The URI scheme of the standard library (read-only in editors). */
export const STDLIB_SCHEME = 'coord-stdlib';

/** The text of the standard library, parsed like any user file. */
export const STDLIB_TEXT = `// The Coord standard library. Always present; read-only.
// Declaring one of these names again is a duplicate-name error.

domain productive "Productive"
domain income_poverty "Income, poverty and local economic development"
domain food_education "Food security and education"
domain finance "Finances and risks"
domain psychosocial "Psychological and social"

outcome productive_assets "Productive assets" in productive desirable increase
outcome secondary_activities "Dedication to work in secondary activities" in productive desirable increase
outcome livestock_products "Livestock products" in productive desirable increase
outcome food_crop_products "Food crop products" in productive desirable increase
outcome new_technologies "New technologies" in productive desirable increase

outcome income "Income" in income_poverty desirable increase
outcome poverty "Poverty" in income_poverty desirable decrease

outcome severe_food_insecurity "Severe food insecurity" in food_education desirable decrease
outcome moderate_food_insecurity "Moderate food insecurity" in food_education desirable decrease
outcome mild_food_insecurity "Mild food insecurity" in food_education desirable neutral
outcome school_attendance "School attendance" in food_education desirable increase

outcome savings "Savings" in finance desirable increase
outcome formal_loans "Formal loans" in finance desirable increase
outcome informal_loans "Informal loans" in finance desirable decrease
outcome resilience "Resilience to external shocks" in finance desirable increase

outcome subjective_wellbeing "Subjective well-being" in psychosocial desirable increase
outcome expectations "Expectations" in psychosocial desirable increase
outcome social_capital "Social capital" in psychosocial desirable increase
outcome empowerment "Empowerment" in psychosocial desirable increase
outcome internal_locus_of_control "Internal locus of control" in psychosocial desirable increase
outcome powerful_others_index "Powerful others index" in psychosocial desirable decrease
outcome locus_of_control "Locus of control" in psychosocial desirable increase
outcome aspirations "Aspirations" in psychosocial desirable increase
outcome soft_skills "Soft skills" in psychosocial desirable increase
`;

/** The standard-library domains in their canonical order (rows of the effect matrix). */
export const STDLIB_DOMAIN_ORDER = ['productive', 'income_poverty', 'food_education', 'finance', 'psychosocial'] as const;

/** Whether a document URI (as a string) is the standard library. */
export function isStdlibUri(uri: string): boolean {
    return uri === STDLIB_URI || uri.startsWith(`${STDLIB_SCHEME}:`);
}
