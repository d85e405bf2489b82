// "Mis casos": a worker's caseload with required against available time, or a
// supervisor's team cases with each case's worker.
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { caseloadTime } from '../src/domain/caseload.js';
import { BaseDialog } from './baseDialog.js';
import { caseLine } from './render.js';

export const CASELOAD_DIALOG = 'caseload';

export class CaseloadDialog extends BaseDialog {
  constructor() {
    super(CASELOAD_DIALOG, 'caseload.name', 'caseload.help', [(step) => this.show(step)]);
  }

  private async show(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    if (actor.kind !== 'staff') return step.endDialog();
    const cases = await services.cases.caseload(actor);
    if (cases.length === 0) {
      await say(step.context, 'caseload.empty');
      return step.endDialog();
    }
    const isSupervisor = actor.staff.role === 'supervisor';
    const ordered = [...cases.filter((c) => c.status === 'open'), ...cases.filter((c) => c.status === 'closed')];
    const names = isSupervisor
      ? await services.people.staffNames(
          actor,
          cases.map((c) => c.workerId),
        )
      : undefined;
    await services.people.rememberCaseList(
      actor,
      ordered.map((c) => c.id),
    );
    const lines = ordered.map((c, i) => caseLine(step.context, c, i + 1, names && (names.get(c.workerId) ?? c.workerId)));
    const parts = [
      text(step.context, 'caseload.header', { count: cases.length }),
      ...lines,
      '',
      text(step.context, 'caseload.footer', { example: ordered[0]!.id }),
    ];
    if (!isSupervisor) {
      const time = caseloadTime(cases, actor.staff, services.config);
      const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
      parts.push(
        '',
        text(step.context, time.over ? 'caseload.timeOver' : 'caseload.timeOk', {
          required: hours(time.requiredMinutes),
          available: hours(time.availableMinutes),
        }),
      );
    }
    await step.context.sendActivity(parts.join('\n'));
    return step.endDialog();
  }
}
