// Reopening a closed case (SPEC §2 step 9): only its worker or a supervisor of its team,
// and always with a reason; a worker the case is only shared with is refused. The case gets
// a new review date from its intensity, and a new assessment is offered at once.
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from '../src/bot/dialogKit.js';
import { CaseAccessError } from '../src/app/caseService.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { INTENSITY_BEFORE_ASSESSMENT } from '../src/domain/caseload.js';
import { mayReopen, reopenCase, reopenedReviewDate } from '../src/domain/closure.js';
import { localDate } from '../src/domain/dates.js';
import { DomainError } from '../src/domain/errors.js';
import { reviewParams } from '../src/domain/review.js';
import type { Case } from '../src/domain/schemas.js';
import { ASSESSMENT_DIALOG } from './assessmentDialog.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { labelOf } from './choices.js';
import { reasonChoices } from './closureDialog.js';
import { answer, ask, vals } from './prompts.js';
import { dateText } from './render.js';

export const REOPEN_DIALOG = 'reopen';

/** What the reopening ends with when a new assessment is to start now. */
interface GoToAssessment {
  assessCaseId: string;
}

export class ReopenDialog extends BaseDialog {
  constructor() {
    super(REOPEN_DIALOG, 'closure.reopenName', 'closure.reopenHelp', [
      (step) => this.pickCase(step),
      (step) => this.askReason(step),
      (step) => this.confirm(step),
      (step) => this.reopen(step),
      (step) => this.reassess(step),
    ]);
    this.addDialog(new CasePickerDialog());
  }

  /** A new assessment takes this dialog's place at the top level, so its own cancel and help apply. */
  protected override endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const caseId = (result as Partial<GoToAssessment> | undefined)?.assessCaseId;
    return caseId ? outerDc.replaceDialog(ASSESSMENT_DIALOG, { caseId }) : outerDc.endDialog(result);
  }

  private async pickCase(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    if (!isRole(actor, 'worker', 'supervisor')) {
      await say(step.context, 'common.notAllowed');
      return step.endDialog();
    }
    const options = (step.options ?? {}) as CasePickerOptions;
    // The picker's own messages speak of open cases and would call an open one unknown.
    if (options.caseId && (await this.isOpen(step, options.caseId))) {
      await say(step.context, 'closure.reopenAlreadyOpen', { caseId: options.caseId });
      return step.endDialog();
    }
    if (!options.caseId && (await services.cases.caseload(actor, { status: 'closed' })).length === 0) {
      await say(step.context, 'closure.reopenNoneClosed');
      return step.endDialog();
    }
    return step.beginDialog(CASE_PICKER_DIALOG, { ...options, status: 'closed' } satisfies CasePickerOptions);
  }

  private async isOpen(step: WaterfallStepContext, caseId: string): Promise<boolean> {
    const { actor, services } = session(step.context);
    try {
      return (await services.cases.read(actor, caseId, 'case.reopen.read')).status === 'open';
    } catch (error) {
      if (error instanceof CaseAccessError) return false;
      throw error;
    }
  }

  private async askReason(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services } = session(step.context);
    if (actor.kind !== 'staff') return step.endDialog();
    const record = await services.cases.read(actor, caseId, 'case.reopen.read');
    if (!mayReopen(record, actor.staff)) {
      await say(step.context, 'closure.reopenNotAllowed', { caseId });
      return step.endDialog();
    }
    vals(step).caseId = caseId;
    if (record.closure) {
      await say(step.context, 'closure.reopenClosedOn', {
        caseId,
        name: record.client.name,
        date: dateText(step.context, record.closure.at.slice(0, 10)),
        reason: labelOf(reasonChoices(step.context), record.closure.reason),
      });
    }
    return ask(step, text(step.context, 'closure.askReopenReason'), { kind: 'text', maxLength: 1000 });
  }

  private async confirm(step: WaterfallStepContext) {
    vals(step).reason = answer<string>(step);
    return ask(step, text(step.context, 'closure.askReopenConfirm', { caseId: vals(step).caseId }), { kind: 'yesNo' });
  }

  private async reopen(step: WaterfallStepContext) {
    const { caseId, reason } = vals(step) as { caseId: string; reason: string };
    if (!answer<boolean>(step)) {
      await say(step.context, 'closure.reopenNotSaved');
      return step.endDialog();
    }
    const { actor, services, timeZone } = session(step.context);
    if (actor.kind !== 'staff') return step.endDialog();
    const today = localDate(services.now(), timeZone);
    const reviewDays = reviewParams(services.config).reviewDays;
    let reopened: Case;
    try {
      reopened = await services.cases.reopen(actor, caseId, (current) =>
        reopenCase(current, actor.staff, reason, services.now().toISOString(), reopenedReviewDate(current, today, reviewDays)),
      );
    } catch (error) {
      if (error instanceof CaseAccessError || (error instanceof DomainError && error.code === 'notAllowedToReopen')) {
        await say(step.context, 'closure.reopenNotAllowed', { caseId });
      } else if (error instanceof DomainError && error.code === 'caseNotClosed') {
        await say(step.context, 'closure.reopenAlreadyOpen', { caseId });
      } else {
        throw error;
      }
      return step.endDialog();
    }
    const intensity = reopened.intensity ?? INTENSITY_BEFORE_ASSESSMENT;
    vals(step).nextReviewDate = reopened.nextReviewDate;
    await step.context.sendActivity(
      [
        text(step.context, 'closure.reopened', { caseId }),
        text(step.context, 'closure.reopenedReview', {
          date: dateText(step.context, reopened.nextReviewDate),
          intensity: text(step.context, `review.intensity_${intensity}`),
          days: reviewDays[intensity],
        }),
      ].join('\n'),
    );
    return ask(step, text(step.context, 'closure.askReassess'), { kind: 'yesNo' });
  }

  private async reassess(step: WaterfallStepContext) {
    const { caseId, nextReviewDate } = vals(step) as { caseId: string; nextReviewDate: string };
    if (answer<boolean>(step)) return step.endDialog({ assessCaseId: caseId } satisfies GoToAssessment);
    await say(step.context, 'closure.reassessLater', { date: dateText(step.context, nextReviewDate) });
    return step.endDialog();
  }
}
