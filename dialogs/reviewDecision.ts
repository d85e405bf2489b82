// What a review decides and how it is recorded, shared by the worker's review and the
// supervisor's review of flagged cases: the decision, a change of approach, saving the
// Review, and going on into closure when the decision was to close.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { decideOpenAlerts } from '../src/domain/alerts.js';
import { escalationReasons } from '../src/domain/assessment.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import { newId } from '../src/domain/ids.js';
import { applyReview, reviewParams } from '../src/domain/review.js';

export { reviewParams };
import { IntensitySchema, type Assessment, type Case, type Intensity, type ManagementModel, type Review } from '../src/domain/schemas.js';
import { t, type MessageKey } from '../src/i18n/catalog.js';
import { catalogChoices, labelOf, modelChoices } from './choices.js';
import { CLOSURE_DIALOG } from './closureDialog.js';
import type { Choice } from './input.js';
import { cardSubmitOf } from './cards/submit.js';
import { answer, ask, vals } from './prompts.js';

export const APPROACH_CHANGE_DIALOG = 'enlace.approachChange';

export type ReviewDecision = Review['decision'];

export const decisionChoices = (context: TurnContext): Choice[] =>
  catalogChoices(session(context).lang, [
    ['continue', 'review.decision_continue', 'review.decisionWords_continue'],
    ['changeApproach', 'review.decision_changeApproach', 'review.decisionWords_changeApproach'],
    ['close', 'review.decision_close', 'review.decisionWords_close'],
  ]);

export function intensityName(context: TurnContext, intensity: Intensity | undefined): string {
  return text(context, intensity ? `review.intensity_${intensity}` : 'review.intensityNone');
}

export function modelName(context: TurnContext, model: ManagementModel): string {
  return labelOf(modelChoices(session(context).lang), model);
}

/** Every intensity but the current one, each with the contact and review days it brings. */
function intensityChoices(context: TurnContext, current: Intensity | undefined): Choice[] {
  const { lang, services } = session(context);
  return IntensitySchema.options
    .filter((i) => i !== current)
    .map((intensity) => ({
      value: intensity,
      label: text(context, 'review.intensityChoice', {
        intensity: intensityName(context, intensity),
        contactDays: services.config.intensity[intensity].contactEveryDays,
        reviewDays: services.config.intensity[intensity].reviewAfterDays,
      }),
      words: t(lang, `review.intensityWords_${intensity}` as MessageKey).split('|'),
    }));
}

export interface ApproachChangeOptions {
  model: ManagementModel;
  intensity?: Intensity;
  /** What the re-rated domains recommend, when there was a re-rating. */
  recommended?: Intensity;
}

export interface ApproachChange {
  newModel?: ManagementModel;
  newIntensity?: Intensity;
}

/**
 * Asks what changes (model, intensity or both) and the new value of each. The current
 * value is not offered, so a change of approach always changes something.
 */
export function approachChangeDialog(): WaterfallDialog {
  const options = (step: WaterfallStepContext) => step.options as ApproachChangeOptions;
  return new WaterfallDialog(APPROACH_CHANGE_DIALOG, [
    (step) => {
      whatChangesOnForm(step.context);
      return ask(
        step,
        text(step.context, 'review.askWhatChanges'),
        {
          kind: 'choice',
          choices: catalogChoices(session(step.context).lang, [
            ['model', 'review.changes_model', 'review.changesWords_model'],
            ['intensity', 'review.changes_intensity', 'review.changesWords_intensity'],
            ['both', 'review.changes_both', 'review.changesWords_both'],
          ]),
        },
        { field: 'changes' },
      );
    },
    async (step) => {
      vals(step).changes = answer<string>(step);
      if (vals(step).changes === 'intensity') return step.next();
      const { model } = options(step);
      const choices = modelChoices(session(step.context).lang).filter((c) => c.value !== model);
      return ask(step, text(step.context, 'review.askModel', { current: modelName(step.context, model) }), { kind: 'choice', choices }, { field: 'newModel' });
    },
    async (step) => {
      if (vals(step).changes !== 'intensity') vals(step).newModel = answer<string>(step);
      if (vals(step).changes === 'model') return step.next();
      const { intensity, recommended } = options(step);
      const current = intensityName(step.context, intensity);
      const question = recommended
        ? text(step.context, 'review.askIntensityRecommended', { current, recommended: intensityName(step.context, recommended) })
        : text(step.context, 'review.askIntensity', { current });
      return ask(step, question, { kind: 'choice', choices: intensityChoices(step.context, intensity) }, { field: 'newIntensity' });
    },
    async (step) => {
      if (vals(step).changes !== 'model') vals(step).newIntensity = answer<string>(step);
      const change: ApproachChange = { newModel: vals(step).newModel, newIntensity: vals(step).newIntensity };
      return step.endDialog(change);
    },
  ]);
}

/**
 * A form that gave a new model or intensity says what changes by them: the question is then
 * answered from the form. A choice left blank is no answer.
 */
function whatChangesOnForm(context: TurnContext): void {
  const form = cardSubmitOf(context)?.more;
  if (!form) return;
  for (const field of ['newModel', 'newIntensity']) if (form.get(field)?.trim() === '') form.delete(field);
  const model = form.has('newModel');
  const intensity = form.has('newIntensity');
  if (model || intensity) form.set('changes', model && intensity ? 'both' : model ? 'model' : 'intensity');
}

export interface ReviewDraft extends ApproachChange {
  decision: ReviewDecision;
  nextReviewDate: string;
  note: string;
}

/**
 * Records the review on the latest case: the re-rated assessment (with any supervisor
 * alert its levels call for) first, then the review applied; a supervisor's decision on
 * the whole case decides its open alerts too. Says why and returns
 * undefined when the case cannot take it.
 */
export async function saveReview(
  context: TurnContext,
  caseId: string,
  draft: ReviewDraft,
  assessment?: Assessment,
  options: { decideOpenAlerts?: boolean } = {},
): Promise<Case | undefined> {
  const { actor, services } = session(context);
  const at = services.now().toISOString();
  const review: Review = { id: newId('RV'), at, by: actor.id, ...(assessment ? { assessmentId: assessment.id } : {}), ...withoutUndefined(draft) };
  try {
    return await services.cases.change(actor, caseId, 'review.save', (current) => {
      const withAssessment = assessment
        ? {
            ...current,
            assessments: [...current.assessments, assessment],
            alerts: [...current.alerts, ...escalationReasons(assessment).map((kind) => ({ id: newId('AL'), kind, at }))],
          }
        : current;
      const reviewed = applyReview(withAssessment, review, reviewParams(services.config)).caseRecord;
      return options.decideOpenAlerts ? decideOpenAlerts(reviewed, { choice: review.decision, by: actor.id, at, reviewId: review.id }) : reviewed;
    });
  } catch (error) {
    if (error instanceof CaseClosedError) await say(context, 'common.caseClosed', { caseId });
    else if (error instanceof DomainError) await say(context, error.code === 'nextReviewNotAfterReview' ? 'review.saveFailedDate' : 'review.saveFailed');
    else throw error;
    return undefined;
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What a review dialog ends with when the decision was to close. */
export interface GoToClosure {
  closeCaseId: string;
}

/**
 * Ends a review dialog; after a decision to close, the closure dialog takes its place at
 * the top level, so that its own cancel and help apply.
 */
export function endReview(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
  const caseId = (result as Partial<GoToClosure> | undefined)?.closeCaseId;
  return caseId ? outerDc.replaceDialog(CLOSURE_DIALOG, { caseId }) : outerDc.endDialog(result);
}
