// A linked client's message, before the menu reads it: a wish for no more messages is
// honoured at once, and the reply to a check-in prompt goes straight into that task's
// check-in — typed or tapped, a rating in it taken as the first answer. Menu commands,
// help and cancel keep their meaning.
import type { DialogContext } from '../src/bot/dialogKit.js';
import { session } from '../src/bot/session.js';
import { matchesWord } from '../src/i18n/catalog.js';
import { CHECK_IN_DIALOG, type CheckInOptions } from './checkInDialog.js';
import { readCommand } from './intents.js';
import { commandOutside, namedEntry, type MenuEntry } from './menu.js';
import { asksToStopMessages, stopMessages } from './stopMessages.js';

/** True when the message was handled here. */
export async function clientTurn(dc: DialogContext, typed: string, entries: MenuEntry[]): Promise<boolean> {
  const { actor, lang, services } = session(dc.context);
  if (actor.kind !== 'client') return false;
  if (asksToStopMessages(typed)) {
    await stopMessages(dc.context);
    return true;
  }
  if (
    namedEntry(typed, entries, lang) ||
    (!commandOutside(typed, entries, lang) && readCommand(typed, entries)) ||
    matchesWord(typed, 'common.helpWords') ||
    matchesWord(typed, 'common.cancelWords')
  )
    return false;
  const awaiting = await services.clients.tasksAwaitingAnswer(actor);
  if (awaiting.length === 0) return false;
  const options: CheckInOptions = { awaiting: awaiting.map((task) => task.id), firstReply: typed };
  await dc.beginDialog(CHECK_IN_DIALOG, options);
  return true;
}
