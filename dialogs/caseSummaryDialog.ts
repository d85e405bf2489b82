// "Ver caso": the summary of one case the person may see; it becomes their current case.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { session } from '../src/bot/session.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { caseDetails } from './caseDetails.js';
import { caseCard } from './cards/caseCard.js';
import { attachment } from './cards/elements.js';
import { showsCards } from './prompts.js';
import { caseSummary, paragraphs } from './render.js';

export const CASE_SUMMARY_DIALOG = 'caseSummary';

export class CaseSummaryDialog extends BaseDialog {
  constructor() {
    super(CASE_SUMMARY_DIALOG, 'caseload.name', 'caseload.help', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, { ...(step.options as CasePickerOptions), status: 'any' } satisfies CasePickerOptions),
      (step) => this.show(step),
    ]);
    this.addDialog(new CasePickerDialog());
  }

  private async show(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'case.summary');
    if (showsCards(step.context)) await step.context.sendActivity({ type: 'message', attachments: [attachment(await caseCard(step.context, record))] });
    else await step.context.sendActivity(paragraphs([caseSummary(step.context, record), ...caseDetails(step.context, record)]));
    return step.endDialog();
  }
}
