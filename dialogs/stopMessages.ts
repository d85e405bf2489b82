// A client saying, in any words of a sentence, that they want no more messages: consent to
// messages is withdrawn on their own case at once, and they are told so plainly.
import type { TurnContext } from 'botbuilder';
import { say, session } from '../src/bot/session.js';
import { LANGUAGES, t } from '../src/i18n/catalog.js';
import { plainWords } from './input.js';

/** Whether the message holds one of the phrases that ask for no more messages, in either language. */
export function asksToStopMessages(typed: string): boolean {
  const said = ` ${plainWords(typed)} `;
  return LANGUAGES.some((lang) =>
    t(lang, 'clientConsent.withdrawWords')
      .split('|')
      .some((phrase) => said.includes(` ${plainWords(phrase)} `)),
  );
}

/** Records the withdrawal for the client of this turn and confirms it. */
export async function stopMessages(context: TurnContext): Promise<void> {
  const { actor, services } = session(context);
  if (actor.kind !== 'client') return;
  const outcome = await services.clients.withdrawMessaging(actor);
  await say(context, outcome === 'withdrawn' ? 'clientConsent.withdrawn' : 'clientConsent.alreadyWithdrawn');
}
