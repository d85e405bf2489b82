// One text prompt for every question: the answer is read by dialogs/input.ts, so typing
// alone always works; choices also come as suggested actions where the channel shows them.
import { randomBytes } from 'node:crypto';
import { ActivityTypes, InputHints, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  TextPrompt,
  type DialogInstance,
  type DialogSet,
  type DialogState,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import { session } from '../src/bot/session.js';
import type { Language } from '../src/domain/schemas.js';
import { t } from '../src/i18n/catalog.js';
import { attachment, type AdaptiveCard } from './cards/elements.js';
import { questionCard } from './cards/questionCard.js';
import { CONFIRM_FIELD, cardSubmitOf, formAnswersLeft, restoreFormAnswers, takeFormAnswer } from './cards/submit.js';
import { errorText, readInput, type InputSpec } from './input.js';

export const INPUT_PROMPT = 'enlace.input';

interface InputPromptOptions {
  /**
   * The question as sent, as JSON text: the dialog state is copied, compared and written at
   * every turn, and a card kept as one string costs a fraction of a card kept as objects.
   */
  promptText: string;
  /** How the question was kept before `promptText`: a question asked then is still answered. */
  prompt?: Partial<Activity>;
  validations: InputSpec;
  /** The language the question was asked in. */
  lang: Language;
  /** Names this question on its card: a card carrying another token is an old one. */
  token: string;
  /** A form's other answers, kept while its answer to this question is asked again. */
  formRest?: Record<string, string>;
}

/** Refusals in a row after which the way out is offered. */
const REFUSALS_BEFORE_WAY_OUT = 3;

/** The text prompt that sends the question it keeps as text. */
class InputPrompt extends TextPrompt {
  protected override async onPrompt(context: TurnContext, _state: unknown, options: unknown): Promise<void> {
    await sendQuestion(context, options as InputPromptOptions);
  }
}

async function sendQuestion(context: TurnContext, options: InputPromptOptions): Promise<void> {
  const question = options.promptText === undefined ? options.prompt : (JSON.parse(options.promptText) as Partial<Activity>);
  if (question) await context.sendActivity(question);
}

export function createInputPrompt(): TextPrompt {
  return new InputPrompt(INPUT_PROMPT, async (prompt: PromptValidatorContext<string>) => {
    const { lang, services, actor } = session(prompt.context);
    const options = prompt.options as unknown as InputPromptOptions;
    // A card answered twice, or one from an earlier step, changes nothing.
    const card = cardSubmitOf(prompt.context);
    if (card?.token !== undefined && card.token !== options.token) {
      await prompt.context.sendActivity(t(lang, actor.kind === 'client' ? 'clientCards.old' : 'cards.old'));
      await sendQuestion(prompt.context, options);
      return false;
    }
    const value = prompt.recognized.value ?? (prompt.context.activity.value ? '' : undefined);
    if (value === undefined) return false;
    // Read in the language the question was asked in, as the step that takes the answer will.
    const result = readInput(options.validations, value, options.lang ?? lang, services.now());
    if (result.ok) {
      if (options.formRest) restoreFormAnswers(prompt.context, options.formRest);
      return true;
    }
    // Say what was wrong, then ask again: the prompt does not repeat itself after a reply. An
    // answer refused again and again also gets the way out.
    const error = errorText(result, lang, actor.kind === 'client');
    const stuck = prompt.attemptCount % REFUSALS_BEFORE_WAY_OUT === 0;
    await prompt.context.sendActivity(stuck ? `${t(lang, 'common.stuck')}\n${error}` : error);
    await sendQuestion(prompt.context, options);
    return false;
  });
}

/** Asks `question` and reads the answer as `spec` says; the next step gets it from `answer`. */
const LAST_SPEC = '__lastSpec';
/** How to ask the last question again: the step that asked it and what that step was given. */
const ASKED_BY = '__askedBy';
/** The language the last question was asked in: its answer is read in it. */
const LAST_LANG = '__lastLang';

interface AskedBy {
  index: number;
  input: unknown;
  previousSpec?: InputSpec;
  previousLang?: Language;
}

/** The waterfall's own values (botbuilder types them as a bare object). */
// biome-ignore lint/suspicious/noExplicitAny: the untyped bag older steps read; newer steps keep typed state.
export function vals(step: WaterfallStepContext): Record<string, any> {
  return step.values as Record<string, unknown>;
}

/** How a question may be shown and answered beyond its typed form. */
export interface AskOptions {
  /** The answer's name on a form card: a form's answer for it is taken without asking. */
  field?: string;
  /** The card to show where cards are shown (a form, say); else one built from the spec. */
  card?: (token: string) => AdaptiveCard;
}

/** Channels that show Adaptive Cards; elsewhere (the Emulator, tests) questions stay text. */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline']);

export function showsCards(context: TurnContext): boolean {
  return channelShowsCards(context.activity.channelId);
}

/** Whether a channel shows cards, for messages sent outside a turn (a stored conversation's channel). */
export function channelShowsCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has(channelId ?? '');
}

export async function ask(step: WaterfallStepContext, question: string, spec: InputSpec = { kind: 'text' }, how: AskOptions = {}) {
  const { lang, actor, services } = session(step.context);
  const remember = () => {
    vals(step)[ASKED_BY] = {
      index: step.index,
      input: step.result,
      previousSpec: vals(step)[LAST_SPEC],
      previousLang: vals(step)[LAST_LANG],
    } satisfies AskedBy;
    vals(step)[LAST_SPEC] = spec;
    vals(step)[LAST_LANG] = lang;
  };
  // Answered already on the form that was sent: go on without asking; a wrong answer is said and asked.
  const given = how.field ? takeFormAnswer(step.context, how.field) : undefined;
  let formRest: Record<string, string> | undefined;
  if (given !== undefined) {
    const result = readInput(spec, given, lang, services.now());
    if (result.ok) {
      remember();
      return step.next(given);
    }
    await step.context.sendActivity(errorText(result, lang, actor.kind === 'client'));
    // The form's other answers wait for this one to be put right: nothing sent is lost. Its
    // «Guardar» no longer stands: what is saved is confirmed once the answer is right.
    const { [CONFIRM_FIELD]: _saved, ...rest } = formAnswersLeft(step.context);
    formRest = rest;
  }
  const token = newToken();
  const prompt = showsCards(step.context)
    ? cardPrompt(how.card?.(token) ?? questionCard(lang, question, spec, token, actor.kind === 'client'))
    : textPrompt(lang, question, spec);
  remember();
  const promptText = JSON.stringify({ ...prompt, inputHint: InputHints.ExpectingInput });
  const options: InputPromptOptions = { promptText, validations: spec, lang, token, ...(formRest && { formRest }) };
  return step.prompt(INPUT_PROMPT, options as never);
}

function newToken(): string {
  return randomBytes(6).toString('base64url');
}

function cardPrompt(content: AdaptiveCard): Partial<Activity> {
  return { type: ActivityTypes.Message, attachments: [attachment(content)] };
}

function textPrompt(lang: Language, question: string, spec: InputSpec): Partial<Activity> {
  let prompt: Partial<Activity> = MessageFactory.text(question);
  if (spec.kind === 'choice') {
    const list = spec.choices.map((c, i) => t(lang, 'common.listItem', { n: i + 1, label: c.label })).join('\n');
    prompt = MessageFactory.suggestedActions(
      spec.choices.map((c) => c.label),
      `${question}\n\n${list}`,
    );
  } else if (spec.kind === 'yesNo') {
    prompt = MessageFactory.suggestedActions([t(lang, 'common.yes'), t(lang, 'common.no')], question);
  } else if (spec.kind === 'text' && spec.suggestions?.length) {
    prompt = MessageFactory.suggestedActions(spec.suggestions, question);
  }
  prompt.type = ActivityTypes.Message;
  return prompt;
}

/** The answer to the last `ask`, as read by its spec. */
export function answer<T extends string | number | boolean | null>(step: WaterfallStepContext): T {
  const { lang, services } = session(step.context);
  const askedIn = (vals(step)[LAST_LANG] as Language | undefined) ?? lang;
  const result = readInput(lastSpec(step), String(step.result ?? ''), askedIn, services.now());
  if (!result.ok) throw new Error('answer() called on an answer the prompt did not accept');
  return result.value as T;
}

function lastSpec(step: WaterfallStepContext): InputSpec {
  const spec = vals(step)[LAST_SPEC] as InputSpec | undefined;
  if (!spec) throw new Error('answer() without ask()');
  return spec;
}

/**
 * Asks the pending question again (after «ayuda» or a language change). A question asked in
 * another language than the person's is asked anew: the step that asked it runs again with what
 * it was given, so the question, its choices and their words are all in the new language.
 */
export async function repromptComponent(dialogs: DialogSet, context: TurnContext, instance: DialogInstance, reprompt: () => Promise<void>): Promise<void> {
  if (!(await askAnewInNewLanguage(dialogs, context, instance))) await reprompt();
}

/** Looks for the pending question through dialogs within dialogs; true when it was asked anew. */
async function askAnewInNewLanguage(dialogs: DialogSet, context: TurnContext, instance: DialogInstance): Promise<boolean> {
  const state = instance.state as { dialogs?: DialogState };
  if (!state.dialogs) return false;
  const innerDc = new DialogContext(dialogs, context, state.dialogs);
  // The top of a dialog stack is its last element.
  const top = innerDc.stack.at(-1);
  const waterfall = innerDc.stack.at(-2);
  if (!top) return false;
  if (top.id !== INPUT_PROMPT) {
    const inner = innerDc.findDialog(top.id);
    return inner instanceof ComponentDialog ? askAnewInNewLanguage(inner.dialogs, context, top) : false;
  }
  const asked = top.state.options as InputPromptOptions;
  const askedBy = waterfall?.state.values?.[ASKED_BY] as AskedBy | undefined;
  if (!waterfall || !askedBy || asked.lang === session(context).lang) return false;
  waterfall.state.values[LAST_SPEC] = askedBy.previousSpec;
  waterfall.state.values[LAST_LANG] = askedBy.previousLang;
  waterfall.state.stepIndex = askedBy.index - 1;
  await innerDc.endDialog(askedBy.input);
  return true;
}
