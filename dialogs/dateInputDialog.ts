// Asks for a date in natural language, reads it in the user's language and time zone, and
// confirms it back before returning it: `YYYY-MM-DD`, or `{ date, time? }` when the caller
// keeps the time of day. Every date is confirmed with a question, even one typed in full:
// a misread day costs more than one «sí». A period («a finales de enero») is confirmed
// saying which day was taken for it.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { session, text } from '../src/bot/session.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { dateText } from './render.js';
import { type DateAnswer, type InputSpec, readDateAnswer } from './input.js';
import { answer, ask, createInputPrompt, vals } from './prompts.js';

export const DATE_INPUT_DIALOG = 'enlace.dateInput';

export interface DateInputOptions {
  /** The question as a catalog key, so it is asked again in the new language after «idioma»… */
  questionKey?: MessageKey;
  /** …or as text already written, for a question built from parts. */
  question?: string;
  allow: 'future' | 'past' | 'any';
  /** Return `{ date, time? }` instead of the day alone, for records that keep the time of day. */
  withTime?: boolean;
  /** The date's name on a form card (prompts.ts `AskOptions`). */
  field?: string;
}

/** A day picked on a card's calendar (`YYYY-MM-DD`, maybe with `HH:MM`): nothing to misread, so not confirmed. */
const PICKED_ON_CALENDAR = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$/;

/** What the dialog returns when `withTime` is set. */
export type DateWithTime = Pick<DateAnswer, 'date' | 'time'>;

export class DateInputDialog extends ComponentDialog {
  constructor() {
    super(DATE_INPUT_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(
      new WaterfallDialog(`${DATE_INPUT_DIALOG}.steps`, [(step) => this.askDate(step), (step) => this.confirmDate(step), (step) => this.finish(step)]),
    );
    this.initialDialogId = `${DATE_INPUT_DIALOG}.steps`;
  }

  private spec(step: WaterfallStepContext): Extract<InputSpec, { kind: 'date' }> {
    return { kind: 'date', timeZone: session(step.context).timeZone, allow: (step.options as DateInputOptions).allow };
  }

  private async askDate(step: WaterfallStepContext) {
    const { question, questionKey, field } = step.options as DateInputOptions;
    return ask(step, questionKey ? text(step.context, questionKey) : (question ?? ''), this.spec(step), { field });
  }

  private async confirmDate(step: WaterfallStepContext) {
    const { lang, services } = session(step.context);
    const read = readDateAnswer(this.spec(step), String(step.result ?? ''), lang, services.now());
    if (!read.ok) throw new Error('the date prompt accepted an answer that does not read as a date');
    const { date, time, period } = read.answer;
    vals(step).answer = { date, ...(time && { time }) } satisfies DateWithTime;
    if (PICKED_ON_CALENDAR.test(String(step.result ?? '').trim())) return step.next(true);
    const shown = dateText(step.context, date, time);
    const question = period
      ? text(step.context, 'common.confirmDateDefault', { date: shown, rule: text(step.context, `common.periodDefault_${period}`) })
      : text(step.context, 'common.confirmDate', { date: shown });
    return ask(step, question, { kind: 'yesNo' });
  }

  private async finish(step: WaterfallStepContext) {
    if (step.result !== true && !answer<boolean>(step)) return step.replaceDialog(DATE_INPUT_DIALOG, step.options);
    const picked = vals(step).answer as DateWithTime;
    return step.endDialog((step.options as DateInputOptions).withTime ? picked : picked.date);
  }
}
