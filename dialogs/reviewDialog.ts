// Review (reevaluación, SPEC §2 step 8): goal and task progress, the domains re-rated with
// the change per domain, the decision (continue, change approach, close) and the next review
// date. Nothing is stored until the worker confirms; a decision to close goes on into closure.
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { completeAssessment, escalationReasons, type Ratings } from '../src/domain/assessment.js';
import { INTENSITY_BEFORE_ASSESSMENT } from '../src/domain/caseload.js';
import { localDate } from '../src/domain/dates.js';
import { newId } from '../src/domain/ids.js';
import { proposedNextReviewDate } from '../src/domain/review.js';
import type { Assessment, Case, Intensity, ManagementModel } from '../src/domain/schemas.js';
import { changesText } from './assessmentResult.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog } from './casePickerDialog.js';
import { labelOf } from './choices.js';
import { reviewForm, type ReviewFormData } from './cards/reviewCards.js';
import { answer, ask, showsCards, vals } from './prompts.js';
import { dateText } from './render.js';
import {
  APPROACH_CHANGE_DIALOG,
  approachChangeDialog,
  decisionChoices,
  endReview,
  intensityName,
  modelName,
  reviewParams,
  saveReview,
  type ApproachChange,
  type ApproachChangeOptions,
  type GoToClosure,
  type ReviewDecision,
} from './reviewDecision.js';
import {
  lastCompletedAssessment,
  reviewFormIn,
  NEXT_REVIEW_DATE_DIALOG,
  nextReviewDateDialog,
  progressText,
  ratedDomains,
  RERATE_DOMAINS_DIALOG,
  rerateDomainsDialog,
  type NextReviewDateOptions,
  type RerateState,
} from './reviewParts.js';

export const REVIEW_DIALOG = 'review';

/** What the review keeps between steps (the waterfall's values). */
interface ReviewValues {
  caseId: string;
  model: ManagementModel;
  intensity?: Intensity;
  previous?: Assessment;
  rerated?: Ratings;
  askedSafety?: boolean;
  /** The review came as one form card: its answers are taken as they come. */
  asForm?: boolean;
  assessment?: Assessment;
  decision: ReviewDecision;
  approach?: ApproachChange;
  nextReviewDate: string;
  note: string;
}

const values = (step: WaterfallStepContext) => vals(step) as ReviewValues;

export class ReviewDialog extends BaseDialog {
  constructor() {
    super(REVIEW_DIALOG, 'review.name', 'review.help', [
      (step) => this.pickCase(step),
      (step) => this.showProgressAndRerate(step),
      (step) => this.rerateFromForm(step),
      (step) => this.askSafety(step),
      (step) => this.showChangesAndDecide(step),
      (step) => this.changeApproach(step),
      (step) => this.proposeNextReview(step),
      (step) => this.askNote(step),
      (step) => this.confirm(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
    for (const dialog of rerateDomainsDialog()) this.addDialog(dialog);
    this.addDialog(approachChangeDialog());
    this.addDialog(nextReviewDateDialog());
  }

  protected override endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    return endReview(outerDc, result);
  }

  private async pickCase(step: WaterfallStepContext) {
    if (!isRole(session(step.context).actor, 'worker', 'supervisor')) {
      await say(step.context, 'common.notAllowed');
      return step.endDialog();
    }
    return step.beginDialog(CASE_PICKER_DIALOG, step.options);
  }

  private async showProgressAndRerate(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'review.read');
    Object.assign(values(step), { caseId, model: record.model, intensity: record.intensity });
    await step.context.sendActivity(
      [text(step.context, 'review.intro', { caseId, name: record.client.name }), progressText(step.context, record)].join('\n\n'),
    );
    const previous = lastCompletedAssessment(record);
    if (showsCards(step.context)) return this.askForm(step, record, previous);
    if (!previous) {
      await say(step.context, 'review.noAssessment');
      return step.next();
    }
    values(step).previous = previous;
    const domains = ratedDomains(previous);
    await say(step.context, 'review.rerateIntro', { total: domains.length, date: dateText(step.context, previous.completedAt!.slice(0, 10)) });
    const state: RerateState = { domains, before: previous.ratings, after: {} };
    return step.beginDialog(RERATE_DOMAINS_DIALOG, state);
  }

  /** Where cards are shown, the whole review is one form; its answers are then taken step by step. */
  private async askForm(step: WaterfallStepContext, record: Case, previous: Assessment | undefined) {
    const { lang, services, timeZone } = session(step.context);
    const v = values(step);
    v.asForm = true;
    if (previous) v.previous = previous;
    const data: ReviewFormData = {
      caseId: record.id,
      name: record.client.name,
      progress: progressText(step.context, record),
      ...(previous && {
        assessed: {
          date: dateText(step.context, previous.completedAt!.slice(0, 10)),
          levels: ratedDomains(previous).map((domain) => [domain, previous.ratings[domain] ?? null] as const),
        },
      }),
      askSafety: previous?.safetyConcern === true,
      model: record.model,
      ...(record.intensity && { intensity: record.intensity }),
      today: localDate(services.now(), timeZone),
    };
    return ask(
      step,
      text(step.context, 'review.formTitle', { caseId: record.id, name: record.client.name }),
      { kind: 'text', maxLength: 4000 },
      {
        field: 'review',
        card: (token) => reviewForm(lang, token, data),
      },
    );
  }

  /** After the form: the domains are re-rated from it (any level it lacks is asked). */
  private async rerateFromForm(step: WaterfallStepContext) {
    const v = values(step);
    if (!v.asForm) return step.next(step.result);
    if (!v.previous) return step.next();
    const state: RerateState = { domains: ratedDomains(v.previous), before: v.previous.ratings, after: {} };
    return step.beginDialog(RERATE_DOMAINS_DIALOG, state);
  }

  /** A safety concern is not a domain level: asked again only when the last assessment had one. */
  private async askSafety(step: WaterfallStepContext) {
    const v = values(step);
    if (!v.previous) return step.next();
    v.rerated = step.result as Ratings;
    if (!v.previous.safetyConcern) return step.next();
    v.askedSafety = true;
    return ask(step, text(step.context, 'review.askSafety'), { kind: 'yesNo' }, { field: 'safety' });
  }

  private async showChangesAndDecide(step: WaterfallStepContext) {
    const v = values(step);
    if (v.previous && v.rerated) {
      const safetyConcern = v.askedSafety ? answer<boolean>(step) : undefined;
      v.assessment = this.reviewAssessment(step, v.previous, v.rerated, safetyConcern);
      await step.context.sendActivity(
        [
          changesText(step.context, v.previous, v.assessment, Object.keys(v.rerated) as (keyof Ratings)[]),
          text(step.context, 'review.recommendation', {
            recommended: intensityName(step.context, v.assessment.intensity),
            current: intensityName(step.context, v.intensity),
          }),
        ].join('\n\n'),
      );
    }
    return ask(step, text(step.context, 'review.askDecision'), { kind: 'choice', choices: decisionChoices(step.context) }, { field: 'decision' });
  }

  /** The re-rated assessment: the previous one's n/a domains and strengths carried over. */
  private reviewAssessment(step: WaterfallStepContext, previous: Assessment, rerated: Ratings, safetyConcern: boolean | undefined): Assessment {
    const { actor, services, timeZone } = session(step.context);
    const now = services.now();
    const draft: Assessment = {
      id: newId('V'),
      kind: 'review',
      startedAt: now.toISOString(),
      by: actor.id,
      ratings: { ...previous.ratings, ...rerated },
      strengths: previous.strengths,
      context: {},
      notes: {},
      ...(safetyConcern === undefined ? {} : { safetyConcern }),
    };
    return completeAssessment(draft, localDate(now, timeZone), services.config, now.toISOString());
  }

  private async changeApproach(step: WaterfallStepContext) {
    const v = values(step);
    v.decision = answer<ReviewDecision>(step);
    if (v.decision !== 'changeApproach') return step.next();
    const options: ApproachChangeOptions = { model: v.model, intensity: v.intensity, recommended: v.assessment?.intensity };
    return step.beginDialog(APPROACH_CHANGE_DIALOG, options);
  }

  private async proposeNextReview(step: WaterfallStepContext) {
    const v = values(step);
    if (v.decision === 'changeApproach') v.approach = step.result as ApproachChange;
    const { services, timeZone } = session(step.context);
    const intensity = v.approach?.newIntensity ?? v.intensity ?? INTENSITY_BEFORE_ASSESSMENT;
    const proposed = proposedNextReviewDate(localDate(services.now(), timeZone), intensity, reviewParams(services.config).reviewDays);
    // A case that is being closed needs no date; the default only holds if closure is left undone.
    if (v.decision === 'close') return step.next(proposed);
    const options: NextReviewDateOptions = { proposed, intensity };
    return step.beginDialog(NEXT_REVIEW_DATE_DIALOG, options);
  }

  private async askNote(step: WaterfallStepContext) {
    values(step).nextReviewDate = step.result as string;
    // A note left empty on the form is no note.
    const form = reviewFormIn(step.context);
    if (form && !form.has('note')) form.set('note', '');
    return ask(step, text(step.context, 'review.askNote'), { kind: 'text', optional: true, maxLength: 4000 }, { field: 'note' });
  }

  private async confirm(step: WaterfallStepContext) {
    const v = values(step);
    v.note = answer<string>(step);
    const approach = [
      v.approach?.newModel
        ? text(step.context, 'review.summaryModel', { from: modelName(step.context, v.model), to: modelName(step.context, v.approach.newModel) })
        : '',
      v.approach?.newIntensity
        ? text(step.context, 'review.summaryIntensity', {
            from: intensityName(step.context, v.intensity),
            to: intensityName(step.context, v.approach.newIntensity),
          })
        : '',
    ].join('');
    await step.context.sendActivity(
      text(step.context, 'review.summary', {
        caseId: v.caseId,
        rerated: v.rerated ? Object.keys(v.rerated).length : text(step.context, 'review.none'),
        decision: labelOf(decisionChoices(step.context), v.decision),
        approach,
        next: v.decision === 'close' ? text(step.context, 'review.summaryNextOnClose') : dateText(step.context, v.nextReviewDate),
        note: v.note || text(step.context, 'review.noNote'),
      }),
    );
    return ask(step, text(step.context, 'review.askConfirm'), { kind: 'yesNo' }, { field: 'confirm' });
  }

  private async save(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) {
      await say(step.context, 'review.notSaved');
      return step.endDialog();
    }
    const v = values(step);
    const saved = await saveReview(
      step.context,
      v.caseId,
      {
        decision: v.decision,
        ...v.approach,
        nextReviewDate: v.nextReviewDate,
        note: v.note,
      },
      v.assessment,
    );
    if (!saved) return step.endDialog();
    await this.tellSaved(step, saved, v);
    if (v.decision !== 'close') return step.endDialog();
    await say(step.context, 'review.toClosure');
    return step.endDialog({ closeCaseId: saved.id } satisfies GoToClosure);
  }

  private async tellSaved(step: WaterfallStepContext, saved: Case, v: ReviewValues) {
    // A case going to closure has no next review to announce.
    const lines = [
      v.decision === 'close'
        ? text(step.context, 'review.savedForClosure', { caseId: saved.id })
        : text(step.context, 'review.saved', { caseId: saved.id, next: dateText(step.context, saved.nextReviewDate) }),
    ];
    if (v.decision === 'changeApproach') {
      const intensity =
        saved.intensity && saved.contactEveryDays
          ? text(step.context, 'review.savedIntensity', { intensity: intensityName(step.context, saved.intensity), days: saved.contactEveryDays })
          : intensityName(step.context, undefined);
      lines.push(text(step.context, 'review.savedApproach', { model: modelName(step.context, saved.model), intensity }));
    }
    const reasons = v.assessment ? escalationReasons(v.assessment) : [];
    if (reasons.length > 0) {
      lines.push(text(step.context, 'review.savedAlerts', { reasons: reasons.map((r) => text(step.context, `review.alert_${r}`)).join(', ') }));
    }
    await step.context.sendActivity(lines.join('\n'));
  }
}
