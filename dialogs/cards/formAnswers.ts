// What a form card sent this turn, for dialogs whose questions repeat (one obstacle after
// another, one problem after another): a form gives one answer per field, so the repeating
// question ends where the form's answers end instead of asking for more.
import type { TurnContext } from 'botbuilder';
import { cardSubmitOf } from './submit.js';

/** True when this turn's card gave an answer for `field`, not yet taken. */
export function formGives(context: TurnContext, field: string): boolean {
  return cardSubmitOf(context)?.more.has(field) ?? false;
}
