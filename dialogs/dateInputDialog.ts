// Asks for a date in natural language, reads it in the user's language and time zone, and
// confirms it back before returning it (`YYYY-MM-DD`).
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formatDate } from '../src/domain/dates.js';
import { session, text } from '../src/bot/session.js';
import { answer, ask, createInputPrompt, vals } from './prompts.js';

export const DATE_INPUT_DIALOG = 'enlace.dateInput';

export interface DateInputOptions {
  question: string;
  allow: 'future' | 'past' | 'any';
}

export class DateInputDialog extends ComponentDialog {
  constructor() {
    super(DATE_INPUT_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(
      new WaterfallDialog(`${DATE_INPUT_DIALOG}.steps`, [(step) => this.askDate(step), (step) => this.confirmDate(step), (step) => this.finish(step)]),
    );
    this.initialDialogId = `${DATE_INPUT_DIALOG}.steps`;
  }

  private async askDate(step: WaterfallStepContext) {
    const options = step.options as DateInputOptions;
    return ask(step, options.question, { kind: 'date', timeZone: session(step.context).timeZone, allow: options.allow });
  }

  private async confirmDate(step: WaterfallStepContext) {
    vals(step).date = answer<string>(step);
    return ask(step, text(step.context, 'common.confirmDate', { date: formatDate(vals(step).date, session(step.context).lang) }), { kind: 'yesNo' });
  }

  private async finish(step: WaterfallStepContext) {
    if (answer<boolean>(step)) return step.endDialog(vals(step).date as string);
    return step.replaceDialog(DATE_INPUT_DIALOG, step.options);
  }
}
