// The words of a client's check-in: the achievement scale in plain words, the question as
// a prompt asks it, and a rating read from a free reply. No dialog here, so the shell and
// every dialog can use it.
import { MessageFactory, type Activity } from 'botbuilder';
import type { Achievement, Language } from '../src/domain/schemas.js';
import { t } from '../src/i18n/catalog.js';
import { catalogChoices, ratingOf } from './choices.js';
import { parseYesNo, plainWords, readInput, type Choice, type InputSpec } from './input.js';

/** Plain words for the achievement scale, best first. */
export function howChoices(lang: Language): Choice[] {
  return catalogChoices(lang, [
    ['4', 'clientCheckIn.how_4', 'clientCheckIn.howWords_4'],
    ['3', 'clientCheckIn.how_3', 'clientCheckIn.howWords_3'],
    ['2', 'clientCheckIn.how_2', 'clientCheckIn.howWords_2'],
    ['1', 'clientCheckIn.how_1', 'clientCheckIn.howWords_1'],
    ['noOpportunity', 'clientCheckIn.how_noOpportunity', 'clientCheckIn.howWords_noOpportunity'],
  ]);
}

/**
 * The check-in question about one task, with its answers numbered and as suggested
 * actions, as the check-in asks it: a prompt sent in these words can be answered by
 * number, by tapping, or in a sentence.
 */
export function checkInQuestion(lang: Language, description: string): Partial<Activity> {
  const choices = howChoices(lang);
  const list = choices.map((c, i) => t(lang, 'common.listItem', { n: i + 1, label: c.label })).join('\n');
  return MessageFactory.suggestedActions(
    choices.map((c) => c.label),
    `${t(lang, 'clientCheckIn.askHow', { text: description })}\n\n${list}`,
  );
}

/**
 * A rating in a client's free reply to a prompt: an answer by number or name, a rating
 * phrase inside a sentence (the longest: "casi todo" over "todo"), or a yes ("sí, ya lo
 * firmé": done). Undefined when the reply says none of these.
 */
export function ratingInReply(typed: string, lang: Language): Achievement | undefined {
  const answer = readInput(ratingSpec(lang), typed, lang);
  if (answer.ok) return ratingOf(String(answer.value));
  return parseYesNo(plainWords(typed).split(' ')[0] ?? '') === true ? 4 : undefined;
}

/** How the check-in reads its rating question's answer: forgiving, in a sentence too. */
export function ratingSpec(lang: Language): InputSpec {
  return { kind: 'choice', choices: howChoices(lang), inSentence: true };
}
