// The macro barrier report (SPEC §2 step 7): structural barriers met across the team's
// cases, for a supervisor to take to the agency. Case ids only, never client names.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { macroBarrierReport } from '../src/domain/advocacy.js';
import { BaseDialog } from './baseDialog.js';
import { barrierTypeChoices } from './advocacyDialog.js';
import { labelOf } from './choices.js';

export const BARRIER_REPORT_DIALOG = 'barrierReport';

export class BarrierReportDialog extends BaseDialog {
  constructor() {
    super(BARRIER_REPORT_DIALOG, 'advocacy.reportName', 'advocacy.reportHelp', [(step) => this.show(step)]);
  }

  private async show(step: WaterfallStepContext) {
    const { actor, lang, services } = session(step.context);
    if (actor.kind !== 'staff' || !isRole(actor, 'supervisor')) {
      await say(step.context, 'common.notAllowed');
      return step.endDialog();
    }
    // A supervisor's caseload is exactly their team's cases, open and closed.
    const cases = await services.cases.caseload(actor);
    const groups = macroBarrierReport(cases);
    const team = actor.staff.team;
    if (groups.length === 0) {
      await say(step.context, 'advocacy.reportEmpty', { team });
      return step.endDialog();
    }
    const lines = groups.flatMap((group) => [
      text(step.context, 'advocacy.reportGroup', {
        barrierType: labelOf(barrierTypeChoices(lang), group.barrierType),
        entries: group.entries,
        count: group.cases,
        caseIds: group.caseIds.join(', '),
      }),
      ...group.barriers.map((barrier) => text(step.context, 'advocacy.reportBarrier', { barrier })),
    ]);
    await step.context.sendActivity([text(step.context, 'advocacy.reportHeader', { team, cases: cases.length }), ...lines].join('\n'));
    return step.endDialog();
  }
}
