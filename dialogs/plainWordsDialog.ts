// Plain words for what clients read (SPEC §8): a goal or task text a worker types for a
// client is scored, and when it reads hard the worker sees the long words and either
// rewords it or keeps it. Returns the text to save.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { session, text } from '../src/bot/session.js';
import { longWords, readingEase, readsHard } from '../src/domain/readability.js';
import { matchesWord } from '../src/i18n/catalog.js';
import { answer, ask, createInputPrompt } from './prompts.js';

export const PLAIN_WORDS_DIALOG = 'enlace.plainWords';

export interface PlainWordsOptions {
  text: string;
  maxLength: number;
}

export class PlainWordsDialog extends ComponentDialog {
  constructor() {
    super(PLAIN_WORDS_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(new WaterfallDialog(`${PLAIN_WORDS_DIALOG}.steps`, [(step) => this.askPlainer(step), (step) => this.reworded(step)]));
    this.initialDialogId = `${PLAIN_WORDS_DIALOG}.steps`;
  }

  private async askPlainer(step: WaterfallStepContext) {
    const options = step.options as PlainWordsOptions;
    const { lang } = session(step.context);
    if (!readsHard(options.text, lang)) return step.endDialog(options.text);
    const words = longWords(options.text, lang)
      .map((word) => (lang === 'es' ? `«${word}»` : `“${word}”`))
      .join(', ');
    const score = Math.max(0, Math.round(readingEase(options.text, lang)));
    return ask(step, text(step.context, 'smart.plainWordsHard', { score, words }), { kind: 'text', maxLength: options.maxLength });
  }

  private async reworded(step: WaterfallStepContext) {
    const options = step.options as PlainWordsOptions;
    const typed = answer<string>(step);
    // "sí" keeps it as it is too; "no" alone is not a new text, so the question is asked again.
    if (matchesWord(typed, 'smart.keepWords') || matchesWord(typed, 'common.yesWords')) return step.endDialog(options.text);
    if (matchesWord(typed, 'common.noWords')) return step.replaceDialog(PLAIN_WORDS_DIALOG, options);
    return step.replaceDialog(PLAIN_WORDS_DIALOG, { ...options, text: typed } satisfies PlainWordsOptions);
  }
}
