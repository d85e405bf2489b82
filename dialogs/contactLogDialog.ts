// The contact log (seguimiento, SPEC §2 step 6): one contact with the client or about the
// case — date, type, minutes, with whom, note. Nothing is stored until the worker confirms.
import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { localDate } from '../src/domain/dates.js';
import { dateText } from './render.js';
import { CaseClosedError } from '../src/domain/errors.js';
import { newId } from '../src/domain/ids.js';
import { ContactSchema, type Contact, type Language } from '../src/domain/schemas.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { catalogChoices, labelOf } from './choices.js';
import { DATE_INPUT_DIALOG, DateInputDialog, type DateInputOptions, type DateWithTime } from './dateInputDialog.js';
import { readContactRequest, type CommandOptions, type Request } from './intents.js';
import { answer, ask, showsCards, vals, type AskOptions } from './prompts.js';
import { cardSubmitOf } from './cards/submit.js';
import { CONFIRM_FIELD, contactFormBody, formCard, savedFormLeftOut } from './cards/stepForms.js';

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
        // "apunta una visita de 45 minutos con Carmen": what the command said is not asked again.
        if (this.prefill(step)) return step.next();
        // Where cards are shown, the whole contact is one form, its type first.
        if (!showsCards(step.context)) return step.next();
        vals(step).asking = 'type';
        return this.askType(step, (token) => this.form(step, token));
      },
      async (step) => {
        this.take(step, 'type');
        if (vals(step).date !== undefined) return step.next();
        joinFormTime(step.context);
        return step.beginDialog(DATE_INPUT_DIALOG, {
          questionKey: 'contacts.askDate',
          allow: 'past',
          withTime: true,
          field: 'date',
        } satisfies DateInputOptions);
      },
      async (step) => {
        if (step.result) ({ date: vals(step).date, time: vals(step).time } = step.result as DateWithTime);
        return this.askIfMissing(step, 'type', () => this.askType(step));
      },
      (step) =>
        this.keep(step, 'type', 'minutes', () =>
          ask(step, text(step.context, 'contacts.askMinutes'), { kind: 'minutes', max: MINUTES_IN_A_DAY }, { field: 'minutes' }),
        ),
      (step) =>
        this.keep(step, 'minutes', 'withWhom', () =>
          ask(step, text(step.context, 'contacts.askWithWhom'), { kind: 'text', maxLength: 200 }, { field: 'withWhom' }),
        ),
      (step) => {
        this.take(step, 'withWhom');
        // A form saved with the note left empty has no note.
        if (savedFormLeftOut(step.context, 'note')) {
          vals(step).note = '';
          return step.next();
        }
        return ask(step, text(step.context, 'contacts.askNote'), { kind: 'text', optional: true, maxLength: 4000 }, { field: 'note' });
      },
      (step) => this.confirm(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
    this.addDialog(new DateInputDialog());
  }

  private askType(step: WaterfallStepContext, card?: AskOptions['card']) {
    const choices = contactTypeChoices(session(step.context).lang);
    return ask(step, text(step.context, 'contacts.askType'), { kind: 'choice', choices }, { field: 'type', ...(card && { card }) });
  }

  /** The whole contact on one card; its «Guardar» answers the type and leaves the rest to the steps that follow. */
  private form(step: WaterfallStepContext, token: string) {
    const { lang, services, timeZone } = session(step.context);
    const body = contactFormBody(lang, contactTypeChoices(lang), localDate(services.now(), timeZone));
    return formCard(lang, text(step.context, 'contacts.formTitle'), body, token, 'type');
  }

  /** Keeps the answer just given under `field` (if it was asked), then asks the next missing one. */
  private keep(step: WaterfallStepContext, field: string, nextField: string, next: () => ReturnType<typeof ask>) {
    this.take(step, field);
    return this.askIfMissing(step, nextField, next);
  }

  private take(step: WaterfallStepContext, field: string) {
    if (vals(step).asking === field) vals(step)[field] = answer(step);
  }

  private askIfMissing(step: WaterfallStepContext, field: string, question: () => ReturnType<typeof ask>) {
    vals(step).asking = vals(step)[field] === undefined ? field : undefined;
    return vals(step).asking ? question() : step.next();
  }

  /**
   * Takes what the command said about the contact; true when it said any. The date is the one
   * said («ayer a las 10»), else today's; one that cannot be taken (not come yet, no such day)
   * is asked for.
   */
  private prefill(step: WaterfallStepContext): boolean {
    const { request } = step.options as CommandOptions;
    if (!request) return false;
    const { lang, services, timeZone } = session(step.context);
    const { when, ...said } = readContactRequest(request, contactTypeChoices(lang), { lang, timeZone, now: services.now() });
    if (said.minutes !== undefined && said.minutes > MINUTES_IN_A_DAY) delete said.minutes;
    if (Object.keys(said).length === 0 && !when) return false;
    Object.assign(vals(step), said);
    if (when === 'ask') return true;
    vals(step).date = when?.date ?? localDate(services.now(), timeZone);
    if (when?.time) vals(step).time = when.time;
    return true;
  }

  private confirm(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    const v = vals(step);
    v.note ??= answer<string>(step);
    const summary = text(step.context, 'contacts.summary', {
      caseId: v.caseId,
      date: dateText(step.context, v.date, v.time),
      type: labelOf(contactTypeChoices(lang), v.type),
      minutes: v.minutes,
      withWhom: v.withWhom,
      note: v.note || text(step.context, 'contacts.noNote'),
    });
    return ask(step, `${summary}\n\n${text(step.context, 'contacts.askConfirm')}`, { kind: 'yesNo' }, { field: CONFIRM_FIELD });
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

/** A form's day and time of day, given apart (a calendar and a clock), read as one date answer. */
function joinFormTime(context: TurnContext): void {
  const more = cardSubmitOf(context)?.more;
  const date = more?.get('date');
  const time = more?.get('time')?.trim();
  more?.delete('time');
  if (more && date && time) more.set('date', `${date.trim()} ${time}`);
}

/** Whether a command's words say something of the contact («visita de 45 minutos con Carmen»). */
export function contactRequestUnderstood(request: Request, lang: Language): boolean {
  return Object.keys(readContactRequest(request, contactTypeChoices(lang))).length > 0;
}
