// A choice that may come with more in the same message: "3, le faltaba una nómina",
// "corretaje, media". The dialog asking reads the rest; the choice alone still works.
import { ActivityTypes, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { session } from '../src/bot/session.js';
import { t } from '../src/i18n/catalog.js';
import { errorText, type Choice } from './input.js';
import { leadingChoice } from './intents.js';
import { answer, ask, createInputPrompt } from './prompts.js';

export const CHOICE_AND_MORE_DIALOG = 'enlace.choiceAndMore';

export interface ChoiceAndMoreOptions {
  question: string;
  choices: Choice[];
  /** The choice's name on a form card (prompts.ts `AskOptions`). */
  field?: string;
}

export interface ChoiceAndMore {
  value: string;
  /** What followed the choice, trimmed; '' when nothing did. */
  rest: string;
}

export class ChoiceAndMoreDialog extends ComponentDialog {
  constructor() {
    super(CHOICE_AND_MORE_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(new WaterfallDialog(`${CHOICE_AND_MORE_DIALOG}.steps`, [(step) => this.ask(step), (step) => this.read(step)]));
    this.initialDialogId = `${CHOICE_AND_MORE_DIALOG}.steps`;
  }

  private async ask(step: WaterfallStepContext) {
    const { question, choices, field } = step.options as ChoiceAndMoreOptions;
    const { lang } = session(step.context);
    const list = choices.map((c, i) => t(lang, 'common.listItem', { n: i + 1, label: c.label })).join('\n');
    return ask(step, `${question}\n\n${list}`, { kind: 'text', maxLength: 1000, suggestions: choices.map((c) => c.label) }, { field });
  }

  private async read(step: WaterfallStepContext) {
    const options = step.options as ChoiceAndMoreOptions;
    const found = leadingChoice(answer<string>(step), options.choices);
    if (found) return step.endDialog(found satisfies ChoiceAndMore);
    const { actor, lang } = session(step.context);
    const reply = MessageFactory.text(
      errorText({ ok: false, error: 'common.errorChoice', params: { max: options.choices.length } }, lang, actor.kind === 'client'),
    );
    reply.type = ActivityTypes.Message;
    await step.context.sendActivity(reply);
    return step.replaceDialog(`${CHOICE_AND_MORE_DIALOG}.steps`, options);
  }
}
