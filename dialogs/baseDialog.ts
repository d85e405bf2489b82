// The common interruptions of every dialog: cancel (discards the dialog's unsaved input)
// and help (explains the current step, then asks the same question again). Only top-level
// dialogs extend it: the outermost one sees an interruption first.
import { ComponentDialog, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStep } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { matchesWord, type MessageKey } from '../src/i18n/catalog.js';
import { isRole } from '../src/domain/access.js';
import { isAlertDecisionReply } from './alertDecisionReply.js';
import { createInputPrompt } from './prompts.js';
import { asksToStopMessages, stopMessages } from './stopMessages.js';

/** The supervisor's decision on an alert (dialogs/alertDecisionDialog.ts). */
export const ALERT_DECISION_DIALOG = 'alertDecision';

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
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
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
    if (matchesWord(typed, 'common.cancelWords')) {
      if (forClient) await say(innerDc.context, 'client.cancelled');
      else await say(innerDc.context, 'common.cancelled', { what: text(innerDc.context, this.nameKey) });
      return innerDc.cancelAllDialogs();
    }
    if (matchesWord(typed, 'common.helpWords')) {
      if (forClient) await say(innerDc.context, this.helpKey);
      else await say(innerDc.context, 'common.helpInDialog', { help: text(innerDc.context, this.helpKey) });
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }
}
