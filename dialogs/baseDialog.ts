// The common interruptions of every dialog: cancel (discards the dialog's unsaved input, after
// asking when several answers would be lost) and help (explains the current step, then asks the
// same question again). Only top-level dialogs extend it: the outermost one sees an interruption first.
import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type WaterfallStep,
} from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { matchesWord, type MessageKey } from '../src/i18n/catalog.js';
import { isRole } from '../src/domain/access.js';
import { isAlertDecisionReply } from './alertDecisionReply.js';
import { answersACard } from './cards/submit.js';
import { CASE_PICKER_DIALOG } from './casePickerDialog.js';
import { parseYesNo } from './input.js';
import { createInputPrompt, INPUT_PROMPT, repromptComponent } from './prompts.js';
import { asksToStopMessages, stopMessages } from './stopMessages.js';

/** The supervisor's decision on an alert (dialogs/alertDecisionDialog.ts). */
export const ALERT_DECISION_DIALOG = 'alertDecision';

/** Answers given in a dialog from which cancelling asks first. */
const ANSWERS_BEFORE_CANCEL_ASKS = 3;

/** What this dialog keeps for its interruptions, beside its steps' own values. */
interface InterruptState {
  __answers?: number;
  __cancelAsked?: boolean;
}

export abstract class BaseDialog extends ComponentDialog {
  /**
   * @param nameKey what the user was doing, as said in "Cancelled: {what}"
   * @param helpKey what this dialog is for and how to answer it
   */
  constructor(
    id: string,
    private readonly nameKey: MessageKey,
    private readonly helpKey: MessageKey,
    steps: WaterfallStep[],
  ) {
    super(id);
    this.addDialog(createInputPrompt());
    this.addDialog(new WaterfallDialog(`${id}.steps`, steps));
    this.initialDialogId = `${id}.steps`;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    if (interrupted) return interrupted;
    const question = pendingQuestion(innerDc.stack);
    const result = await super.onContinueDialog(innerDc);
    // The question is gone once answered: one more answer this cancel would lose. Which case
    // the command is about is no answer to lose (and a failed pick asks anew).
    const kept = keptState(innerDc);
    if (kept && question && !question.pickingCase && pendingQuestion(innerDc.stack)?.prompt !== question.prompt) {
      kept.__answers = (kept.__answers ?? 0) + 1;
    }
    return result;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await repromptComponent(this.dialogs, context, instance, () => super.repromptDialog(context, instance));
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    // A card's answer is an answer, whatever its words: only typing interrupts.
    if (answersACard(innerDc.context)) return undefined;
    const typed = innerDc.context.activity.text ?? '';
    const { actor } = session(innerDc.context);
    const forClient = actor.kind === 'client';
    // A wish for no more messages is honoured whatever was being asked.
    if (forClient && asksToStopMessages(typed)) {
      await stopMessages(innerDc.context);
      return innerDc.cancelAllDialogs();
    }
    // A decision tapped on an alert that came while something else was being asked takes over.
    if (isRole(actor, 'supervisor') && this.id !== ALERT_DECISION_DIALOG && isAlertDecisionReply(typed) && innerDc.parent) {
      await innerDc.cancelAllDialogs();
      await innerDc.parent.replaceDialog(ALERT_DECISION_DIALOG);
      // The stack is the new dialog's now: this component must not end anything more.
      return { status: DialogTurnStatus.waiting };
    }
    const kept = keptState(innerDc);
    if (kept?.__cancelAsked) {
      kept.__cancelAsked = false;
      const sure = parseYesNo(typed);
      if (sure === false) {
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
      // Anything but «sí» or «cancelar» again answers the question that was pending.
      if (sure !== true && !matchesWord(typed, 'common.cancelWords')) return undefined;
      return this.cancel(innerDc, forClient);
    }
    if (matchesWord(typed, 'common.cancelWords')) {
      const answers = kept?.__answers ?? 0;
      if (kept && !forClient && answers >= ANSWERS_BEFORE_CANCEL_ASKS) {
        kept.__cancelAsked = true;
        await say(innerDc.context, 'common.confirmCancel', { n: answers, what: text(innerDc.context, this.nameKey) });
        return { status: DialogTurnStatus.waiting };
      }
      return this.cancel(innerDc, forClient);
    }
    if (matchesWord(typed, 'common.helpWords')) {
      if (forClient) await say(innerDc.context, this.helpKey);
      else await say(innerDc.context, 'common.helpInDialog', { help: text(innerDc.context, this.helpKey) });
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }

  private async cancel(innerDc: DialogContext, forClient: boolean): Promise<DialogTurnResult> {
    if (forClient) await say(innerDc.context, 'client.cancelled');
    else await say(innerDc.context, 'common.cancelled', { what: text(innerDc.context, this.nameKey) });
    return innerDc.cancelAllDialogs();
  }
}

/** The values of the dialog's own steps (the bottom of its stack), where its interruptions keep their state. */
function keptState(innerDc: DialogContext): InterruptState | undefined {
  return innerDc.stack[0]?.state?.values as InterruptState | undefined;
}

/** The question waiting for an answer, however deep the dialogs within dialogs go, and whether it asks which case. */
function pendingQuestion(stack: readonly DialogInstance[], pickingCase = false): { prompt: DialogInstance; pickingCase: boolean } | undefined {
  const top = stack.at(-1);
  const inner = (top?.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined)?.dialogs?.dialogStack;
  if (inner?.length) return pendingQuestion(inner, pickingCase || top?.id === CASE_PICKER_DIALOG);
  return top?.id === INPUT_PROMPT ? { prompt: top, pickingCase } : undefined;
}
