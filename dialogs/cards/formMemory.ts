// A form card's answers outlive the turn it was sent in: when one answer is wrong and asked
// again, the answers after it are still taken from the form instead of being asked one by one.
import type { DialogContext, DialogTurnResult } from '../../src/bot/dialogKit.js';
import { CONFIRM_FIELD, formAnswersLeft, restoreFormAnswers } from './submit.js';

const KEPT = '__formAnswersLeft';

/** Runs a dialog's turn with the form answers it kept, and keeps the ones still not taken. */
export async function continueKeepingForm(outerDc: DialogContext, turn: () => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
  const state = outerDc.activeDialog?.state as Record<string, unknown> | undefined;
  const kept = state?.[KEPT] as Record<string, string> | undefined;
  if (kept) restoreFormAnswers(outerDc.context, kept);
  const result = await turn();
  if (state) {
    // Asked anything in between, the form's «Guardar» no longer stands: the summary is confirmed.
    const { [CONFIRM_FIELD]: _saved, ...left } = formAnswersLeft(outerDc.context);
    if (Object.keys(left).length > 0) state[KEPT] = left;
    else delete state[KEPT];
  }
  return result;
}
