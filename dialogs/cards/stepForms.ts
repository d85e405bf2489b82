// The forms of the follow-up steps — a contact, a referral, a referral's new status, an
// advocacy action, a new service of the directory — as card inputs named by the fields their dialogs ask. The same inputs go
// in the form a dialog shows at its first question and in the case card's forms (caseForms.ts).
import type { TurnContext } from 'botbuilder';
import type { Language } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import type { Choice } from '../input.js';
import {
  type AdaptiveCard,
  type CardChoice,
  type CardElement,
  card,
  choiceSet,
  dateInput,
  heading,
  numberInput,
  submit,
  textInput,
  timeInput,
} from './elements.js';
import { CONFIRM_FIELD, cardSubmitOf } from './submit.js';

export { CONFIRM_FIELD };

const asCardChoices = (choices: Choice[]): CardChoice[] => choices.map((c) => ({ title: c.label, value: c.value }));

/**
 * A form shown in answer to the dialog's first question: its «Guardar» answers that question
 * with `field` and the final «¿guardo?» with yes; a question of the form answered wrong is said
 * and asked alone.
 */
export function formCard(lang: Language, title: string, body: CardElement[], token: string, field: string, also: Record<string, string> = {}): AdaptiveCard {
  const save = submit(t(lang, 'cards.save'), { token, field, also: { ...also, [CONFIRM_FIELD]: t(lang, 'common.yes') } }, 'positive');
  return card([heading(title), ...body], [save], title);
}

/**
 * True when this turn brought a saved form that left `field` out: an optional box left empty
 * (some channels send no value for it), so it is not asked again.
 */
export function savedFormLeftOut(context: TurnContext, field: string): boolean {
  const more = cardSubmitOf(context)?.more;
  return more?.has(CONFIRM_FIELD) === true && !more.has(field);
}

/** An optional box a saved form left out is read as left empty, as if sent so. */
export function emptyIfLeftOut(context: TurnContext, field: string): void {
  if (savedFormLeftOut(context, field)) cardSubmitOf(context)?.more.set(field, '');
}

// ---- contact ----

/** Type, day and time (a calendar and a clock), minutes, with whom and a note. */
export function contactFormBody(lang: Language, types: Choice[], today: string): CardElement[] {
  return [
    choiceSet('type', t(lang, 'contacts.formType'), asCardChoices(types), { required: true }),
    dateInput('date', t(lang, 'contacts.formDate'), { value: today, max: today, required: true }),
    timeInput('time', t(lang, 'contacts.formTime')),
    numberInput('minutes', t(lang, 'contacts.formMinutes'), 0, 24 * 60),
    textInput('withWhom', t(lang, 'contacts.formWithWhom'), { maxLength: 200, required: true }),
    textInput('note', t(lang, 'contacts.formNote'), { multiline: true, maxLength: 4000 }),
  ];
}

// ---- referrals ----

export interface ServiceOption {
  id: string;
  name: string;
  /** The category's name, in the person's language. */
  category: string;
  /** The cost as the person reads it («gratuito», «12,00 €»). */
  cost: string;
}

/**
 * The directory's active services in one list, by category; with no list at hand (the case
 * card builds its forms without the directory), the category alone, and the service is asked.
 */
export function referralFormBody(lang: Language, services: ServiceOption[], categories: Choice[]): CardElement[] {
  if (services.length === 0) return [choiceSet('category', t(lang, 'services.formCategory'), asCardChoices(categories), { required: true })];
  const choices = services.map((s) => ({ title: t(lang, 'services.formServiceChoice', { category: s.category, service: s.name, cost: s.cost }), value: s.id }));
  return [choiceSet('service', t(lang, 'services.formService'), choices, { required: true })];
}

/** Which active referral (none when it is known), its next status, and a note on the change. */
export function referralUpdateFormBody(lang: Language, referrals: Choice[], statuses: Choice[]): CardElement[] {
  const one = referrals.length === 1 ? { value: referrals[0]!.value } : {};
  const which = referrals.length === 0 ? [] : [choiceSet('referral', t(lang, 'services.formReferral'), asCardChoices(referrals), { required: true, ...one })];
  return [
    ...which,
    choiceSet('status', t(lang, 'services.formStatus'), asCardChoices(statuses), { required: true }),
    textInput('note', t(lang, 'services.formNote'), { maxLength: 1000 }),
  ];
}

// ---- the service directory ----

/** A new service, every detail at once: name, category, provider, contact, cost, eligibility, places. */
export function serviceFormBody(lang: Language, categories: Choice[], limits: { euros: number; places: number }): CardElement[] {
  return [
    textInput('name', t(lang, 'services.field_name'), { maxLength: 200, required: true }),
    choiceSet('category', t(lang, 'services.field_category'), asCardChoices(categories), { required: true }),
    textInput('provider', t(lang, 'services.field_provider'), { maxLength: 200 }),
    textInput('contact', t(lang, 'services.field_contact'), { maxLength: 300 }),
    numberInput('cost', t(lang, 'services.formCost'), 0, limits.euros, 0),
    textInput('eligibility', t(lang, 'services.field_eligibility'), { multiline: true, maxLength: 1000 }),
    numberInput('capacity', t(lang, 'services.formCapacity'), 0, limits.places),
  ];
}

// ---- advocacy ----

/** The action, the barrier's type, the barrier, its level and the outcome so far. */
export function advocacyFormBody(lang: Language, barrierTypes: Choice[], levels: Choice[]): CardElement[] {
  return [
    textInput('action', t(lang, 'advocacy.formAction'), { multiline: true, maxLength: 2000, required: true }),
    choiceSet('barrierType', t(lang, 'advocacy.formBarrierType'), asCardChoices(barrierTypes), { required: true }),
    textInput('barrier', t(lang, 'advocacy.formBarrier'), { multiline: true, maxLength: 2000, required: true }),
    choiceSet('level', t(lang, 'advocacy.formLevel'), asCardChoices(levels), { required: true }),
    textInput('outcome', t(lang, 'advocacy.formOutcome'), { multiline: true, maxLength: 2000 }),
  ];
}
