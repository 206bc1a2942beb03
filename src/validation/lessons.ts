/**
 * The founding brief's words that the rules rest on (`BRIEF`) and the lessons
 * no rule can check (`UNCHECKED_LESSONS`): kept in `src/i18n/brief.ts`, beside
 * the catalogue that quotes them in each language.
 */
export { BRIEF, UNCHECKED_LESSONS, inSentence, type UncheckedLesson } from '../i18n/brief.js';
