// "Mensajes programados": what the bot will send on its own about a case, each at its time
// on the reader's clock, to whom; with the pause or missing consent that holds the client's back.
import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import type { ScheduledFollowUp } from '../src/app/followUpService.js';
import { session, text } from '../src/bot/session.js';
import { messagingAllowed } from '../src/domain/consent.js';
import { activePause } from '../src/domain/followups/pause.js';
import { dateTimeFormat } from '../src/domain/formatters.js';
import type { Case } from '../src/domain/schemas.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { untilText } from './caseDetails.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { dateText, list, paragraphs } from './render.js';

export const FOLLOW_UP_LIST_DIALOG = 'followUpList';

export class FollowUpListDialog extends BaseDialog {
  constructor() {
    super(FOLLOW_UP_LIST_DIALOG, 'messaging.listName', 'messaging.listHelp', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions),
      (step) => this.show(step),
    ]);
    this.addDialog(new CasePickerDialog());
  }

  private async show(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services, timeZone } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'followUps.read');
    const scheduled = await services.followUps.scheduledFor(actor, caseId);
    const lines: string[] = [];
    const pause = activePause(record, services.now());
    if (pause) lines.push(text(step.context, 'messaging.listPaused', { reason: pause.reason, until: untilText(step.context, pause) }));
    if (!messagingAllowed(record)) lines.push(text(step.context, 'messaging.listNoConsent'));
    if (scheduled.length === 0) {
      await step.context.sendActivity(paragraphs([text(step.context, 'messaging.listNone', { caseId }), ...lines]));
      return step.endDialog();
    }
    const staffIds = scheduled.flatMap((item) => (item.recipient.role === 'client' ? [] : [item.recipient.staffId]));
    const names = await services.people.staffNames(actor, staffIds);
    const items = scheduled.map((item) =>
      text(step.context, 'messaging.listLine', {
        when: localTime(step.context, item.dueAt),
        what: whatText(step.context, record, item),
        who:
          item.recipient.role === 'client'
            ? text(step.context, 'messaging.toClient')
            : (names.get(item.recipient.staffId) ?? text(step.context, 'messaging.toUnknown')),
      }),
    );
    await step.context.sendActivity(paragraphs([text(step.context, 'messaging.listHeader', { caseId, zone: timeZone }), list(items), ...lines]));
    return step.endDialog();
  }
}

/** Weekday, day, month and time on the reader's clock. */
function localTime(context: TurnContext, instant: string): string {
  const { lang, timeZone } = session(context);
  return dateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}

function whatText(context: TurnContext, record: Case, item: ScheduledFollowUp): string {
  const taskId = item.subject?.taskId;
  const task = taskId === undefined ? undefined : (record.tasks.find((t) => t.id === taskId)?.description ?? text(context, 'messaging.taskGone'));
  const date = item.subject?.reviewDate === undefined ? '' : dateText(context, item.subject.reviewDate);
  return text(context, `messaging.kind_${item.kind}` as MessageKey, { task: task ?? '', date });
}
