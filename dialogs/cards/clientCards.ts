// What a client sees as cards (SPEC §7): large, plain text, one question at a time, and
// big buttons, one per line, each giving the words a client could type. Their plan is one
// plain card: each goal with its tasks below it.
import type { Language } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import { howChoices } from '../checkInWords.js';
import { type AdaptiveCard, type CardElement, actionSet, card, container, submit, textBlock, textInput } from './elements.js';

/** Each button alone on its line: wide enough to read and to tap. */
function bigButtons(answers: string[], token?: string): CardElement[] {
  return answers.map((label) => actionSet([submit(label, { ...(token && { token }), answer: label })]));
}

/** One question with its answers as big buttons; each answers as its typed words would. */
export function clientChoiceCard(question: string, answers: string[], token: string): AdaptiveCard {
  return card([textBlock(question, { size: 'Large' }), ...bigButtons(answers, token)], [], question);
}

/** A question answered in the client's words, with a big «No» for nothing to tell. */
export function clientWordsCard(lang: Language, question: string, token: string): AdaptiveCard {
  const body = [
    textBlock(question, { size: 'Large' }),
    textInput('answer', t(lang, 'clientCards.yourAnswer'), { multiline: true, maxLength: 1000 }),
    actionSet([submit(t(lang, 'clientCards.send'), { token }, 'positive')]),
    ...bigButtons([t(lang, 'common.no')], token),
  ];
  return card(body, [], question);
}

export interface PlanGroup {
  /** The goal's line, or the heading of the tasks with no goal. */
  title: string;
  tasks: string[];
}

/** The client's plan: large goal lines, their tasks below each in plain text. Only the header is its fallback: the plan is not written twice into one message. */
export function clientPlanCard(header: string, groups: PlanGroup[]): AdaptiveCard {
  const body = [
    textBlock(header, { size: 'ExtraLarge', weight: 'Bolder' }),
    ...groups.map((group) =>
      container(
        [
          textBlock(group.title, { size: 'Large', weight: 'Bolder' }),
          ...group.tasks.map((task) => textBlock(`• ${task}`, { size: 'Medium', spacing: 'Small' })),
        ],
        { separator: true, spacing: 'Large' },
      ),
    ),
  ];
  return card(body, [], header);
}

/**
 * The check-in prompt the bot sends on its own: about one task, the answers to how it went;
 * about several, the tasks to pick from. No question token: a button is the typed reply, read
 * by the check-in as typing is, whenever it is pressed.
 */
export function checkInPromptCard(lang: Language, tasks: string[], fallbackText: string): AdaptiveCard {
  const one = tasks.length === 1;
  const question = one ? t(lang, 'clientFollowUps.checkInOne', { task: tasks[0]! }) : t(lang, 'clientFollowUps.checkInMany');
  const answers = one ? howChoices(lang).map((choice) => choice.label) : tasks;
  const body = [
    textBlock(question, { size: 'Large' }),
    ...bigButtons(answers),
    textBlock(t(lang, 'clientFollowUps.tapOrWrite'), { size: 'Medium', isSubtle: true }),
  ];
  return card(body, [], fallbackText);
}
