// The forms the case card offers in place (each inside an Action.ShowCard): a whole step —
// a contact, a task, a referral — saved with one press. Each dialog that can be filled this
// way adds its form here; the case card (cards/caseCard.ts) shows the ones that apply.
import type { Case, Language } from '../../src/domain/schemas.js';
import type { CardElement } from './elements.js';
import { PROGRESS_FORM, TASK_FORM } from './taskForms.js';

export interface CaseForm {
  /** Names the form on the card (and in tests). */
  id: string;
  /** The title of the button that opens the form. */
  title: (lang: Language) => string;
  /** Whether the case can take this step now (a closed case takes no new task). */
  applies: (record: Case) => boolean;
  /** The form's inputs, named by the fields its dialog asks (prompts.ts `AskOptions.field`). */
  body: (lang: Language, record: Case, timeZone: string, now: Date) => CardElement[];
  /** The command the form runs, as if typed, naming the case. */
  command: (record: Case) => string;
}

/** In the order the card shows them. */
export const CASE_FORMS: CaseForm[] = [TASK_FORM, PROGRESS_FORM];
