// A whole number with a default that one word keeps («ok», «sí»): sessions of a contract,
// days between check-ins.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say } from '../src/bot/session.js';
import { readCadenceDays } from '../src/domain/answerReaders.js';
import { matchesWord } from '../src/i18n/catalog.js';
import { answer, ask, createInputPrompt } from './prompts.js';

export const NUMBER_WITH_DEFAULT_DIALOG = 'tasks.numberWithDefault';

export interface NumberWithDefaultOptions {
  question: string;
  defaultValue: number;
  min: number;
  max: number;
  /** Read as days between check-ins («cada 3 días», «semanal»). */
  cadence?: boolean;
}

/** A whole number in a range, where "ok" (or "sí"/"yes") keeps the default; asks again on anything else. */
export class NumberWithDefaultDialog extends ComponentDialog {
  constructor() {
    super(NUMBER_WITH_DEFAULT_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(
      new WaterfallDialog(`${NUMBER_WITH_DEFAULT_DIALOG}.steps`, [
        (step) => ask(step, (step.options as NumberWithDefaultOptions).question, { kind: 'text', maxLength: 20 }),
        (step) => this.read(step),
      ]),
    );
    this.initialDialogId = `${NUMBER_WITH_DEFAULT_DIALOG}.steps`;
  }

  private async read(step: WaterfallStepContext) {
    const { defaultValue, min, max, cadence } = step.options as NumberWithDefaultOptions;
    const typed = answer<string>(step);
    if (matchesWord(typed, 'common.yesWords')) return step.endDialog(defaultValue);
    const number = (cadence ? readCadenceDays(typed) : /^\d+$/.test(typed) ? Number(typed) : undefined) ?? Number.NaN;
    if (number >= min && number <= max) return step.endDialog(number);
    await say(step.context, cadence ? 'common.errorCadence' : 'common.errorInteger', { min, max });
    return step.replaceDialog(`${NUMBER_WITH_DEFAULT_DIALOG}.steps`, step.options);
  }
}
