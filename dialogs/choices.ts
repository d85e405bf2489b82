// The choice lists that several dialogs offer, built from the catalogs.
import type { Achievement, Language } from '../src/domain/schemas.js';
import { t, type MessageKey } from '../src/i18n/catalog.js';
import type { Choice } from './input.js';

/** Choices whose labels and words are catalog keys `${area}.${labelPrefix}…` and `${area}.${wordsPrefix}${value}`. */
export function catalogChoices(lang: Language, entries: [value: string, label: MessageKey, words?: MessageKey][]): Choice[] {
  return entries.map(([value, label, words]) => ({ value, label: t(lang, label), words: words ? t(lang, words).split('|') : [] }));
}

export function labelOf(choices: Choice[], value: string): string {
  return choices.find((c) => c.value === value)?.label ?? value;
}

export const kindChoices = (lang: Language) =>
  catalogChoices(lang, [
    ['individual', 'intake.kindIndividual', 'intake.kindWords_individual'],
    ['family', 'intake.kindFamily', 'intake.kindWords_family'],
    ['group', 'intake.kindGroup', 'intake.kindWords_group'],
    ['community', 'intake.kindCommunity', 'intake.kindWords_community'],
  ]);

export const languageChoices = (lang: Language) =>
  catalogChoices(lang, [
    ['es', 'intake.langEs', 'shell.languageWordsEs'],
    ['en', 'intake.langEn', 'shell.languageWordsEn'],
  ]);

export const modelChoices = (lang: Language) =>
  catalogChoices(lang, [
    ['brokerage', 'intake.modelBrokerage', 'intake.modelWords_brokerage'],
    ['intensive', 'intake.modelIntensive', 'intake.modelWords_intensive'],
    ['clinical', 'intake.modelClinical', 'intake.modelWords_clinical'],
    ['strengths', 'intake.modelStrengths', 'intake.modelWords_strengths'],
  ]);

export const priorityChoices = (lang: Language) =>
  catalogChoices(lang, [
    ['high', 'intake.priorityHigh', 'intake.priorityWords_high'],
    ['medium', 'intake.priorityMedium', 'intake.priorityWords_medium'],
    ['low', 'intake.priorityLow', 'intake.priorityWords_low'],
  ]);

/** A rating choice's value ('1'…'4' or 'noOpportunity') as a rating. */
export function ratingOf(value: string): Achievement {
  return value === 'noOpportunity' ? 'noOpportunity' : (Number(value) as Exclude<Achievement, 'noOpportunity'>);
}
