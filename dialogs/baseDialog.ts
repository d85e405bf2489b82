// The common interruptions of every dialog: cancel (discards the dialog's unsaved input)
// and help (explains the current step, then asks the same question again). Only top-level
// dialogs extend it: the outermost one sees an interruption first.
import { ComponentDialog, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStep } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { matchesWord, type MessageKey } from '../src/i18n/catalog.js';
import { createInputPrompt } from './prompts.js';

export abstract class BaseDialog extends ComponentDialog {
  /**
   * @param nameKey what the user was doing, as said in "Cancelled: {what}"
   * @param helpKey what this dialog is for and how to answer it
   */
  constructor(id: string, private readonly nameKey: MessageKey, private readonly helpKey: MessageKey, steps: WaterfallStep[]) {
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
    const forClient = session(innerDc.context).actor.kind === 'client';
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
