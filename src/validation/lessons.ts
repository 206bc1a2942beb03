/**
 * The founding brief's words that the rules rest on, quoted once. The rules
 * quote these in their messages and docs, the catalogue lists the lessons no
 * rule can check, and test/validation/lessons.test.ts checks that every quote
 * stands word for word in the brief (../shared/reference/brief.txt), so a
 * lesson cannot drift into saying more, or other, than the brief.
 *
 * The brief: "Coordination between social protection and rural productive
 * development programmes in three Latin American countries. Proposals to
 * harness the potential of synergies". Its rules come from the institutional
 * analysis of Colombia, Mexico and Peru; its impact evaluations covered
 * Colombia and Peru.
 */

/** Quotes from the brief, as it writes them (line-break hyphens joined). */
export const BRIEF = {
    /** Key messages: what coordination between the two sectors can do. */
    synergy: 'Coordination between social protection and rural productive development programmes can help poor and at-risk households escape the poverty trap and break its intergenerational transmission.',
    /** Key messages: political support. */
    politicalSupportKey: 'political support is key to promoting this type of coordination',
    politicalSupportNotEnough: 'Although political support is key to promoting this type of coordination, it is not enough, particularly if the institutional resistance and inertia to coordination between social protection and agricultural sectors are not taken into account.',
    /** Key messages: incentives and targeting. */
    incentives: 'The design must consider technical conditions and viable incentives, among which budgetary and targeting considerations and the definition of the target population are prominent.',
    /** Key messages: complexity. */
    complexity: 'greater complexity in the design of the articulation does not guarantee successful coordination processes, as revealed in the cases of Colombia and Mexico',
    /** Recommendation: the local level. */
    localRole: 'Special attention should be paid, beginning in the design stage, to the role that the local level is expected to play in the implementation of the programmes.',
    localKnowledge: 'An adequate and exhaustive knowledge of the capacities, stakeholders and sources of resistance that can operate at the local level is necessary to reinforce the strengths and mitigate possible risks derived from the inadequate consideration of the key role played by local-level actors, as shown in all of the experiences analysed.',
    /** Recommendation: single programmes anchored in agriculture. */
    singleProgrammes: 'Advantage should be taken of the potential of synergies through the design of single programmes institutionally anchored to the ministries of agriculture',
    /** Institutional analysis, Mexico (PROINPRO, PDPs). */
    mexicoSupport: 'Robust political willingness',
    mexicoNode: 'Failure of STEIA as coordinating node. Lack of relevant incentives and budgetary provisions',
    mexicoTargets: 'Differences in the target population and programme requirements',
    /** Institutional analysis, Peru (Haku Wiñay, Juntos). */
    peruDesign: 'Changes in the design of Haku Wiñay have altered coordination.',
    peruBudgets: 'Differences in priorities and budgets between sectors',
    /** The caveat on the evaluations. */
    beforeCovid: 'Although these evaluations were performed before the socio-economic crisis caused by COVID-19, the results are promising in terms of their contribution to increasing households’ resilience to external shocks.',
} as const;

/** A recommendation of the brief that no rule can check, with its words. */
export interface UncheckedLesson {
    topic: string;
    quote: string;
}

/** The lessons no rule can check (§8 of the language reference), in the brief's order. */
export const UNCHECKED_LESSONS: readonly UncheckedLesson[] = [
    {
        topic: 'Small-scale production and marketing',
        quote: 'Protecting small-scale production and marketing is important today more than ever. Not only does this have to do with ensuring the income sustainability of small rural producers but also to tackle the complex food security challenges that the region is facing due to the COVID-19 crisis.',
    },
    {
        topic: 'Public goods and infrastructure',
        quote: 'The results of the impact evaluation reveal the need to increase the provision of public goods and infrastructure in the territories',
    },
    {
        topic: 'Climatic factors',
        quote: 'address climatic factors given their impact on family-led agricultural projects',
    },
    {
        topic: 'Environmental aspects',
        quote: 'provide tools on environmental aspects associated with production',
    },
    {
        topic: 'Capacities of the beneficiaries',
        quote: 'with a strong emphasis on generating capacities in the beneficiary population for their best use of the productive options offered by these integrated programmes',
    },
    {
        topic: 'The weight of the ministries of agriculture',
        quote: 'For this to be viable, in a context where the political and financial weight of the social ministries is much higher than that of agriculture, it is necessary to strengthen the priority assigned by the latter to rural development. Organisations such as IFAD can make a relevant contribution in this respect.',
    },
];

/** A quote that starts a line in the brief, written inside a sentence: its first letter in lower case. */
export function inSentence(quote: string): string {
    return quote.charAt(0).toLowerCase() + quote.slice(1);
}
