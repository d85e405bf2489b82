// The supervisor's review of flagged cases (SPEC §3): the team's open cases with an overdue
// review, no recent contact, stalled tasks or missed check-ins, most urgent first; one is
// picked by number and decided on in a tap or two, recorded as a review by the supervisor.
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { INTENSITY_BEFORE_ASSESSMENT } from '../src/domain/caseload.js';
import { localDate } from '../src/domain/dates.js';
import { proposedNextReviewDate } from '../src/domain/review.js';
import { flaggedCases, type FlagDetail, type FlaggedCase } from '../src/domain/supervision.js';
import { BaseDialog } from './baseDialog.js';
import { labelOf } from './choices.js';
import { setCurrentCase } from './currentCase.js';
import { answer, ask, vals } from './prompts.js';
import { alertKindText as kindText, dateText, intensityText } from './render.js';
import {
  APPROACH_CHANGE_DIALOG,
  approachChangeDialog,
  decisionChoices,
  endReview,
  reviewParams,
  saveReview,
  type ApproachChange,
  type ApproachChangeOptions,
  type GoToClosure,
  type ReviewDecision,
} from './reviewDecision.js';

export const CASELOAD_REVIEW_DIALOG = 'caseloadReview';

export class CaseloadReviewDialog extends BaseDialog {
  constructor() {
    super(CASELOAD_REVIEW_DIALOG, 'review.flaggedName', 'review.flaggedHelp', [
      (step) => this.list(step),
      (step) => this.decide(step),
      (step) => this.changeApproach(step),
      (step) => this.record(step),
    ]);
    this.addDialog(approachChangeDialog());
  }

  protected override endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    return endReview(outerDc, result);
  }

  private async list(step: WaterfallStepContext) {
    const { actor, services, timeZone } = session(step.context);
    if (!isRole(actor, 'supervisor')) {
      await say(step.context, 'common.notAllowed');
      return step.endDialog();
    }
    const today = localDate(services.now(), timeZone);
    const flagged = flaggedCases(await services.cases.caseload(actor, { status: 'open' }), today, services.config);
    if (flagged.length === 0) {
      await say(step.context, 'review.flaggedNone', { date: dateText(step.context, today) });
      return step.endDialog();
    }
    vals(step).caseIds = flagged.map((entry) => entry.caseRecord.id);
    const names = await services.people.staffNames(
      actor,
      flagged.map((entry) => entry.caseRecord.workerId),
    );
    const lines = flagged.map((entry, i) => this.line(step.context, entry, i + 1, names.get(entry.caseRecord.workerId) ?? entry.caseRecord.workerId));
    await step.context.sendActivity(
      `${text(step.context, 'review.flaggedHeader', { date: dateText(step.context, today), count: flagged.length })}\n\n${lines.join('\n')}`,
    );
    return ask(step, text(step.context, 'review.askFlaggedCase'), { kind: 'integer', min: 1, max: flagged.length });
  }

  private line(context: TurnContext, { caseRecord, details }: FlaggedCase, n: number, worker: string): string {
    return text(context, 'review.flaggedLine', {
      n,
      caseId: caseRecord.id,
      name: caseRecord.client.name,
      worker,
      intensity: intensityText(context, caseRecord),
      review: dateText(context, caseRecord.nextReviewDate),
      flags: details.map((detail) => flagText(context, detail)).join(' · '),
    });
  }

  private async decide(step: WaterfallStepContext) {
    const caseId = (vals(step).caseIds as string[])[answer<number>(step) - 1]!;
    const { actor, services } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'review.read');
    await setCurrentCase(step.context, caseId);
    Object.assign(vals(step), { caseId, model: record.model, intensity: record.intensity });
    return ask(step, text(step.context, 'review.askFlaggedDecision', { caseId, name: record.client.name }), {
      kind: 'choice',
      choices: decisionChoices(step.context),
    });
  }

  private async changeApproach(step: WaterfallStepContext) {
    vals(step).decision = answer<ReviewDecision>(step);
    if (vals(step).decision !== 'changeApproach') return step.next();
    const options: ApproachChangeOptions = { model: vals(step).model, intensity: vals(step).intensity };
    return step.beginDialog(APPROACH_CHANGE_DIALOG, options);
  }

  /** The decision is the confirming answer: recorded at once, the next review from the intensity. */
  private async record(step: WaterfallStepContext) {
    const { caseId, decision } = vals(step) as { caseId: string; decision: ReviewDecision };
    const approach = decision === 'changeApproach' ? (step.result as ApproachChange) : {};
    const { services, timeZone } = session(step.context);
    const intensity = approach.newIntensity ?? vals(step).intensity ?? INTENSITY_BEFORE_ASSESSMENT;
    const nextReviewDate = proposedNextReviewDate(localDate(services.now(), timeZone), intensity, reviewParams(services.config).reviewDays);
    const saved = await saveReview(step.context, caseId, { decision, ...approach, nextReviewDate, note: '' }, undefined, { decideOpenAlerts: true });
    if (!saved) return step.endDialog();
    await say(step.context, 'review.flaggedSaved', {
      caseId: saved.id,
      decision: labelOf(decisionChoices(step.context), decision),
      next: dateText(step.context, saved.nextReviewDate),
    });
    if (decision !== 'close') return step.endDialog();
    await say(step.context, 'review.toClosure');
    return step.endDialog({ closeCaseId: saved.id } satisfies GoToClosure);
  }
}

function flagText(context: TurnContext, detail: FlagDetail): string {
  const alerts = (detail.alertKinds ?? []).map((kind) => kindText(context, kind)).join(', ');
  return text(context, `review.flag_${detail.flag}`, { days: detail.daysLate, count: detail.taskIds?.length ?? 0, alerts });
}
