// The forms the case card offers in place (each inside an Action.ShowCard): a whole step —
// a contact, a task, a referral — saved with one press. Each dialog that can be filled this
// way adds its form here; the case card (cards/caseCard.ts) shows the ones that apply.
import { localDate } from '../../src/domain/dates.js';
import { canTransition, isActive } from '../../src/domain/referrals.js';
import { REFERRAL_STATUSES, type Case, type Language, type Service } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import { barrierTypeChoices, levelChoices } from '../advocacyDialog.js';
import { contactTypeChoices } from '../contactLogDialog.js';
import { categoryChoices, categoryLabel, SERVICE_CATEGORIES } from '../directoryDialog.js';
import { serviceOptions, statusChoices } from '../referralLines.js';
import type { CardElement } from './elements.js';
import { advocacyFormBody, contactFormBody, referralFormBody, referralUpdateFormBody } from './stepForms.js';
import { PROGRESS_FORM, TASK_FORM } from './taskForms.js';

export interface CaseForm {
  /** Names the form on the card (and in tests). */
  id: string;
  /** The title of the button that opens the form. */
  title: (lang: Language) => string;
  /** Whether the case can take this step now (a closed case takes no new task). */
  applies: (record: Case) => boolean;
  /**
   * The form's inputs, named by the fields its dialog asks (prompts.ts `AskOptions.field`).
   * `directory`, the services of the directory, lets a referral be picked on the form itself.
   */
  body: (lang: Language, record: Case, timeZone: string, now: Date, directory?: Service[]) => CardElement[];
  /** The command the form runs, as if typed, naming the case. */
  command: (record: Case) => string;
}

/** In the order the card shows them. */
export const CASE_FORMS: CaseForm[] = [
  TASK_FORM,
  PROGRESS_FORM,
  {
    id: 'contact',
    title: (lang) => t(lang, 'contacts.formTitle'),
    applies: (record) => record.status === 'open',
    body: (lang, _record, timeZone, now) => contactFormBody(lang, contactTypeChoices(lang), localDate(now, timeZone)),
    command: (record) => `contacto ${record.id}`,
  },
  {
    id: 'referral',
    title: (lang) => t(lang, 'services.formNewTitle'),
    applies: (record) => record.status === 'open',
    body: (lang, _record, _timeZone, _now, directory = []) =>
      referralFormBody(lang, serviceOptions(lang, directory), categoryChoices(lang, SERVICE_CATEGORIES)),
    command: (record) => `derivación ${record.id} nueva`,
  },
  {
    id: 'referralUpdate',
    title: (lang) => t(lang, 'services.formUpdateTitle'),
    applies: (record) => record.status === 'open' && record.referrals.some(isActive),
    body: (lang, record, _timeZone, _now, directory = []) => {
      const active = record.referrals.filter(isActive);
      const nameOf = (serviceId: string, category: string) => directory.find((s) => s.id === serviceId)?.name ?? categoryLabel(lang, category);
      const referrals = active.map((r) => ({
        value: r.id,
        label: t(lang, 'services.formReferralChoice', { service: nameOf(r.serviceId, r.category), status: statusLabelOf(lang, r.status), id: r.id }),
      }));
      const moves = REFERRAL_STATUSES.filter((to) => active.some((r) => canTransition(r.status, to)));
      return referralUpdateFormBody(lang, referrals, statusChoices(lang, moves));
    },
    command: (record) => `derivación ${record.id} actualizar`,
  },
  {
    id: 'advocacy',
    title: (lang) => t(lang, 'advocacy.formTitle'),
    applies: (record) => record.status === 'open',
    body: (lang) => advocacyFormBody(lang, barrierTypeChoices(lang), levelChoices(lang)),
    command: (record) => `defensa ${record.id}`,
  },
];

function statusLabelOf(lang: Language, status: Case['referrals'][number]['status']): string {
  return statusChoices(lang, [status])[0]!.label;
}
