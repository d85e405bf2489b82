// The worker records the client's consent to receive messages: withdrawn (messages stop at
// once) or given again. Every change is kept with who recorded it and when.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { giveMessagingConsent, messagingAllowed, withdrawMessaging } from '../src/domain/consent.js';
import { localDate } from '../src/domain/dates.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { answer, ask, vals } from './prompts.js';
import { dateText } from './render.js';
import { sayChangeRefused } from './taskDialog.js';

export const MESSAGING_CONSENT_DIALOG = 'messagingConsent';

export class MessagingConsentDialog extends BaseDialog {
  constructor() {
    super(MESSAGING_CONSENT_DIALOG, 'messaging.consentName', 'messaging.consentHelp', [
      (step) => this.pickCase(step),
      (step) => this.ask(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
  }

  private async pickCase(step: WaterfallStepContext) {
    if (!isRole(session(step.context).actor, 'worker')) {
      await say(step.context, 'common.notAllowed');
      return step.endDialog();
    }
    return step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions);
  }

  /** Says where consent stands, then offers the one change that makes sense. */
  private async ask(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services, timeZone } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'consent.read');
    vals(step).caseId = caseId;
    vals(step).withdrawing = messagingAllowed(record);
    const withdrawnAt = record.consent.messagingWithdrawnAt;
    if (vals(step).withdrawing) await say(step.context, 'messaging.consentGiven', { caseId });
    else if (withdrawnAt)
      await say(step.context, 'messaging.consentWithdrawn', { caseId, date: dateText(step.context, localDate(new Date(withdrawnAt), timeZone)) });
    else await say(step.context, 'messaging.consentNever', { caseId });
    return ask(step, text(step.context, vals(step).withdrawing ? 'messaging.askWithdraw' : 'messaging.askGive'), { kind: 'yesNo' });
  }

  private async save(step: WaterfallStepContext) {
    const caseId = vals(step).caseId as string;
    if (!answer<boolean>(step)) {
      await say(step.context, 'messaging.consentUnchanged');
      return step.endDialog();
    }
    const { actor, services } = session(step.context);
    const at = services.now().toISOString();
    const withdrawing = vals(step).withdrawing as boolean;
    try {
      await services.cases.change(actor, caseId, withdrawing ? 'consent.messaging.withdraw' : 'consent.messaging.give', (current) =>
        withdrawing ? withdrawMessaging(current, actor.id, at) : giveMessagingConsent(current, actor.id, at),
      );
    } catch (error) {
      await sayChangeRefused(step.context, error, caseId);
      return step.endDialog();
    }
    await say(step.context, withdrawing ? 'messaging.consentWithdrawnSaved' : 'messaging.consentGivenSaved', { caseId });
    return step.endDialog();
  }
}
