// «Exportar datos»: a supervisor answers a right-of-access request in chat. The case's export
// comes as files: the plain-language summary for the client and the full data as JSON, each
// attached only when the message still fits in Teams' limit.
import type { Activity, Attachment } from 'botbuilder';
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { CaseAccessError } from '../src/app/caseService.js';
import { CaseBlockedError, type CaseExport } from '../src/app/dataRights.js';
import { say, session, text } from '../src/bot/session.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import type { CommandOptions } from './intents.js';
import { MESSAGE_LIMIT_BYTES } from './teamOutcomesDialog.js';

export const DATA_EXPORT_DIALOG = 'dataExport';

function fileAttachment(name: string, contentType: string, content: string): Attachment {
  return { contentType, contentUrl: `data:${contentType};base64,${Buffer.from(content, 'utf8').toString('base64')}`, name };
}

const sizeOf = (activity: Partial<Activity>) => Buffer.byteLength(JSON.stringify(activity), 'utf8');

/** The reply: both files when they fit in one message, else the summary alone, else neither. */
export function exportMessage(step: WaterfallStepContext, caseId: string, exported: CaseExport, limit = MESSAGE_LIMIT_BYTES): Partial<Activity> {
  const summaryFile = `${exported.baseName}.txt`;
  const jsonFile = `${exported.baseName}.json`;
  const json = JSON.stringify(exported.document, null, 2);
  const summary = fileAttachment(summaryFile, 'text/plain', exported.summary);
  const both: Partial<Activity> = {
    type: 'message',
    text: text(step.context, 'closure.exportSent', { caseId, summaryFile, jsonFile }),
    attachments: [summary, fileAttachment(jsonFile, 'application/json', json)],
  };
  if (sizeOf(both) <= limit) return both;
  const size = Math.ceil(Buffer.byteLength(json, 'utf8') / 1024);
  const alone: Partial<Activity> = {
    type: 'message',
    text: text(step.context, 'closure.exportSummaryOnly', { caseId, summaryFile, size }),
    attachments: [summary],
  };
  if (sizeOf(alone) <= limit) return alone;
  return { type: 'message', text: text(step.context, 'closure.exportTooLarge', { caseId }) };
}

export class DataExportDialog extends BaseDialog {
  constructor() {
    super(DATA_EXPORT_DIALOG, 'closure.exportName', 'closure.exportHelp', [(step) => this.pick(step), (step) => this.send(step)]);
    this.addDialog(new CasePickerDialog());
  }

  private async pick(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    if (!(await services.dataRights.mayExportInChat(actor))) {
      await say(step.context, 'closure.exportNotAllowed');
      return step.endDialog();
    }
    const options = (step.options ?? {}) as CommandOptions & CasePickerOptions;
    // A case named by id goes straight to the export, so a blocked one is said to be blocked.
    if (options.caseId) return step.next(options.caseId);
    return step.beginDialog(CASE_PICKER_DIALOG, { caseId: options.caseId, caseWords: options.caseWords, status: 'any' } satisfies CasePickerOptions);
  }

  private async send(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services } = session(step.context);
    try {
      const exported = await services.dataRights.exportCase({ kind: 'chat', actor }, caseId);
      await step.context.sendActivity(exportMessage(step, caseId, exported));
    } catch (error) {
      if (error instanceof CaseBlockedError) await say(step.context, 'closure.exportBlocked', { caseId });
      else if (error instanceof CaseAccessError) await say(step.context, 'common.caseNotFound', { caseId });
      else throw error;
    }
    return step.endDialog();
  }
}
