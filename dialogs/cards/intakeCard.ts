// The intake as one form: every answer of the intake on a card whose «Guardar» opens the case
// in one press. Each input is named by the field its question asks (intakeDialog.ts), so what
// is missing or unclear is asked afterwards, as typed.
import type { Language } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import { kindChoices, languageChoices, modelChoices, priorityChoices } from '../choices.js';
import type { Choice } from '../input.js';
import { type AdaptiveCard, type CardChoice, card, choiceSet, dateInput, heading, submit, textBlock, textInput } from './elements.js';

/** The intake's fields, in the order the dialog asks them. */
export const INTAKE_FIELDS = {
  kind: 'kind',
  name: 'name',
  contact: 'contact',
  language: 'language',
  timeZone: 'timeZone',
  source: 'source',
  intakeDate: 'intakeDate',
  consentData: 'consentData',
  consentMessages: 'consentMessages',
  model: 'model',
  priority: 'priority',
  confirm: 'confirm',
} as const;

export interface IntakeFormDefaults {
  /** The name the command carried («nueva apertura Carmen Ortega»). */
  name?: string;
  /** The worker's own time zone, the usual one. */
  timeZone: string;
  /** Today in the worker's calendar: the usual intake date and the latest one allowed. */
  today: string;
}

const options = (choices: Choice[]): CardChoice[] => choices.map((c) => ({ title: c.label, value: c.value }));

export function intakeForm(lang: Language, token: string, defaults: IntakeFormDefaults): AdaptiveCard {
  const f = INTAKE_FIELDS;
  const yesNo: CardChoice[] = [
    { title: t(lang, 'common.yes'), value: t(lang, 'common.yes') },
    { title: t(lang, 'common.no'), value: t(lang, 'common.no') },
  ];
  const title = t(lang, 'intake.formTitle');
  return card(
    [
      heading(title),
      textBlock(t(lang, 'intake.formIntro'), { isSubtle: true }),
      choiceSet(f.kind, t(lang, 'intake.fieldKind'), options(kindChoices(lang)), { required: true }),
      textInput(f.name, t(lang, 'intake.fieldName'), { maxLength: 200, required: true, ...(defaults.name && { value: defaults.name }) }),
      textInput(f.contact, t(lang, 'intake.fieldContact'), { maxLength: 300 }),
      choiceSet(f.language, t(lang, 'intake.fieldLanguage'), options(languageChoices(lang)), { value: lang }),
      textInput(f.timeZone, t(lang, 'intake.fieldTimeZone'), { value: defaults.timeZone, maxLength: 64 }),
      textInput(f.source, t(lang, 'intake.fieldSource'), { maxLength: 300, required: true }),
      dateInput(f.intakeDate, t(lang, 'intake.fieldIntakeDate'), { value: defaults.today, max: defaults.today, required: true }),
      choiceSet(f.consentData, t(lang, 'intake.fieldConsentData'), yesNo, { expanded: true, required: true }),
      choiceSet(f.consentMessages, t(lang, 'intake.fieldConsentMessages'), yesNo, { expanded: true, required: true }),
      choiceSet(f.model, t(lang, 'intake.fieldModel'), options(modelChoices(lang)), { required: true }),
      choiceSet(f.priority, t(lang, 'intake.fieldPriority'), options(priorityChoices(lang)), { required: true }),
    ],
    // «Guardar» answers the first question with the kind, and the final «¿Guardo el caso?» with yes.
    [submit(t(lang, 'intake.formSave'), { token, field: f.kind, also: { [f.contact]: '', [f.confirm]: t(lang, 'common.yes') } }, 'positive')],
    title,
  );
}
