// The contact log (seguimiento, SPEC §2 step 6): one contact with the client or about the
// case — date, type, minutes, with whom, note. Nothing is stored until the worker confirms.
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { CaseClosedError } from '../src/domain/errors.js';
import { newId } from '../src/domain/ids.js';
import { ContactSchema, type Contact, type Language } from '../src/domain/schemas.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { catalogChoices, labelOf } from './choices.js';
import { DATE_INPUT_DIALOG, DateInputDialog, type DateInputOptions, type DateWithTime, dateWithTimeText } from './dateInputDialog.js';
import { answer, ask, vals } from './prompts.js';

export const CONTACT_LOG_DIALOG = 'contactLog';
const MINUTES_IN_A_DAY = 24 * 60;

export const contactTypeChoices = (lang: Language) =>
  catalogChoices(
    lang,
    ContactSchema.shape.type.options.map((type) => [type, `contacts.type_${type}`, `contacts.typeWords_${type}`] as [string, MessageKey, MessageKey]),
  );

export class ContactLogDialog extends BaseDialog {
  constructor() {
    super(CONTACT_LOG_DIALOG, 'contacts.logName', 'contacts.logHelp', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions),
      async (step) => {
        const caseId = step.result as string | undefined;
        if (!caseId) return step.endDialog();
        vals(step).caseId = caseId;
        return step.beginDialog(DATE_INPUT_DIALOG, {
          question: text(step.context, 'contacts.askDate'),
          allow: 'past',
          withTime: true,
        } satisfies DateInputOptions);
      },
      async (step) => {
        ({ date: vals(step).date, time: vals(step).time } = step.result as DateWithTime);
        return ask(step, text(step.context, 'contacts.askType'), { kind: 'choice', choices: contactTypeChoices(session(step.context).lang) });
      },
      (step) => this.keep(step, 'type', () => ask(step, text(step.context, 'contacts.askMinutes'), { kind: 'integer', min: 0, max: MINUTES_IN_A_DAY })),
      (step) => this.keep(step, 'minutes', () => ask(step, text(step.context, 'contacts.askWithWhom'), { kind: 'text', maxLength: 200 })),
      (step) => this.keep(step, 'withWhom', () => ask(step, text(step.context, 'contacts.askNote'), { kind: 'text', optional: true, maxLength: 4000 })),
      (step) => this.confirm(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
    this.addDialog(new DateInputDialog());
  }

  /** Keeps the last answer under `field` before the next question is asked. */
  private keep(step: WaterfallStepContext, field: string, next: () => ReturnType<typeof ask>) {
    vals(step)[field] = answer(step);
    return next();
  }

  private confirm(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    const v = vals(step);
    v.note = answer<string>(step);
    const summary = text(step.context, 'contacts.summary', {
      caseId: v.caseId,
      date: dateWithTimeText(step.context, v.date, v.time),
      type: labelOf(contactTypeChoices(lang), v.type),
      minutes: v.minutes,
      withWhom: v.withWhom,
      note: v.note || text(step.context, 'contacts.noNote'),
    });
    return ask(step, `${summary}\n\n${text(step.context, 'contacts.askConfirm')}`, { kind: 'yesNo' });
  }

  private async save(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) {
      await say(step.context, 'contacts.notSaved');
      return step.endDialog();
    }
    const { actor, services } = session(step.context);
    const v = vals(step);
    const contact: Contact = ContactSchema.parse({
      id: newId('K'),
      date: v.date,
      ...(v.time ? { time: v.time } : {}),
      type: v.type,
      minutes: v.minutes,
      withWhom: v.withWhom,
      note: v.note,
      by: actor.id,
      at: services.now().toISOString(),
    });
    try {
      await services.cases.change(actor, v.caseId, 'contact.create', (current) => ({ ...current, contacts: [...current.contacts, contact] }));
    } catch (error) {
      if (!(error instanceof CaseClosedError)) throw error;
      await say(step.context, 'common.caseClosed', { caseId: v.caseId });
      return step.endDialog();
    }
    await say(step.context, 'contacts.saved', { id: contact.id, caseId: v.caseId });
    return step.endDialog();
  }
}
