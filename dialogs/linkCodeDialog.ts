// A worker creates the one-time code that lets their client link their chat to the case.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session } from '../src/bot/session.js';
import { formatDate, localDate } from '../src/domain/dates.js';
import { dateTimeFormat } from '../src/domain/formatters.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';

export const LINK_CODE_DIALOG = 'linkCode';

export class LinkCodeDialog extends BaseDialog {
  constructor() {
    super(LINK_CODE_DIALOG, 'link.name', 'link.help', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions),
      (step) => this.create(step),
    ]);
    this.addDialog(new CasePickerDialog());
  }

  private async create(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services, lang, timeZone } = session(step.context);
    const { code, expiresAt, clientName } = await services.linkCodes.create(actor, caseId);
    const expiry = new Date(expiresAt);
    const time = dateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(expiry);
    await say(step.context, 'link.created', { name: clientName, caseId, code, expires: `${formatDate(localDate(expiry, timeZone), lang)} ${time}` });
    return step.endDialog();
  }
}
