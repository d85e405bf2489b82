// Review (reevaluación): records the decision, applies a change of approach and sets the
// next review date. A decision to close only marks that closure must follow.
import { z } from 'zod';
import { assertWritable } from './closure.js';
import { defaultConfig, type PracticeConfig } from './config.js';
import { addDays } from './dates.js';
import { DomainError, issue, result, throwIfInvalid, type ValidationIssue, type ValidationResult } from './errors.js';
import { ReviewSchema, type Achievement, type Case, type Goal, type Intensity, type Review, type Task } from './schemas.js';
import { workingDay } from './followups/placement.js';
import { averageAchievement, goalProgress, lastRating, twoLowRatingsInARow } from './tasks.js';

export type DaysByIntensity = Readonly<Record<Intensity, number>>;

export interface ReviewParams {
  /** Days from a review to the next one, by intensity. */
  reviewDays: DaysByIntensity;
  /** Days between contacts, by intensity. */
  contactEveryDays: DaysByIntensity;
}

/** The practice defaults of src/domain/config.ts, per intensity. */
export const DEFAULT_REVIEW_PARAMS: ReviewParams = reviewParams(defaultConfig);

export function reviewParams(config: PracticeConfig): ReviewParams {
  const per = (pick: (d: PracticeConfig['intensity'][Intensity]) => number) => ({
    intensive: pick(config.intensity.intensive),
    moderate: pick(config.intensity.moderate),
    basic: pick(config.intensity.basic),
  });
  return { reviewDays: per((d) => d.reviewAfterDays), contactEveryDays: per((d) => d.contactEveryDays) };
}

export interface ReviewOutcome {
  caseRecord: Case;
  /** True when the decision was to close: the closure dialog must follow. */
  closureRequired: boolean;
}

const isIsoDate = (value: unknown): value is string => z.iso.date().safeParse(value).success;

/** The calendar day of the review, as written in its own offset. */
const reviewDay = (review: Pick<Review, 'at'>) => review.at.slice(0, 10);

/**
 * Checks a review against its case: a well-formed record, a new model or intensity when
 * the approach changes (and none otherwise), a known assessment, and a next review date
 * after the review — or an intensity from which to compute one.
 */
export function validateReview(caseRecord: Case, review: Review): ValidationResult {
  const parsed = ReviewSchema.safeParse(review);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))];
    return result(fields.map((f) => issue('invalidReview', `Review field "${f}" is invalid`, f)));
  }
  return result([...approachErrors(review), ...referenceErrors(caseRecord, review), ...nextReviewErrors(caseRecord, review)]);
}

function approachErrors(review: Review): ValidationIssue[] {
  const changes = review.newModel !== undefined || review.newIntensity !== undefined;
  if (review.decision === 'changeApproach' && !changes) {
    return [issue('approachChangeMissing', 'A change of approach needs a new model or a new intensity', 'decision')];
  }
  if (review.decision !== 'changeApproach' && changes) {
    return [issue('approachChangeWithoutDecision', `A new model or intensity was given with decision '${review.decision}'`, 'decision')];
  }
  return [];
}

function referenceErrors(caseRecord: Case, review: Review): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  if (caseRecord.reviews.some((r) => r.id === review.id)) {
    errors.push(issue('duplicateReview', `Case ${caseRecord.id} already has review ${review.id}`, 'id'));
  }
  if (review.assessmentId !== undefined && !caseRecord.assessments.some((a) => a.id === review.assessmentId)) {
    errors.push(issue('unknownAssessment', `Case ${caseRecord.id} has no assessment ${review.assessmentId}`, 'assessmentId'));
  }
  return errors;
}

function nextReviewErrors(caseRecord: Case, review: Review): ValidationIssue[] {
  if (review.nextReviewDate !== undefined) {
    return review.nextReviewDate > reviewDay(review)
      ? []
      : [issue('nextReviewNotAfterReview', `Next review ${review.nextReviewDate} is not after the review on ${reviewDay(review)}`, 'nextReviewDate')];
  }
  if (intensityAfter(caseRecord, review) === undefined) {
    return [issue('nextReviewDateRequired', `Case ${caseRecord.id} has no intensity to compute the next review from; give a date`, 'nextReviewDate')];
  }
  return [];
}

function intensityAfter(caseRecord: Case, review: Review): Intensity | undefined {
  return review.decision === 'changeApproach' ? (review.newIntensity ?? caseRecord.intensity) : caseRecord.intensity;
}

/**
 * The case with the review recorded, any change of approach applied (model; intensity
 * with its contact frequency) and the next review date set — the one given, or the
 * intensity's default days after the review. For 'close', the case stays open and
 * `closureRequired` is true. Throws a DomainError naming what is wrong.
 */
export function applyReview(caseRecord: Case, review: Review, params: ReviewParams = DEFAULT_REVIEW_PARAMS): ReviewOutcome {
  assertWritable(caseRecord);
  throwIfInvalid(validateReview(caseRecord, review));
  const approach = changedApproach(review, params);
  const intensity = approach.intensity ?? caseRecord.intensity;
  const nextReviewDate = review.nextReviewDate ?? reviewDayAfter(reviewDay(review), daysFor(params.reviewDays, intensity));
  const updated: Case = {
    ...caseRecord,
    ...approach,
    nextReviewDate,
    reviews: [...caseRecord.reviews, review],
    updatedAt: review.at,
  };
  return { caseRecord: updated, closureRequired: review.decision === 'close' };
}

function changedApproach(review: Review, params: ReviewParams): Partial<Pick<Case, 'model' | 'intensity' | 'contactEveryDays'>> {
  if (review.decision !== 'changeApproach') return {};
  const change: Partial<Pick<Case, 'model' | 'intensity' | 'contactEveryDays'>> = {};
  if (review.newModel) change.model = review.newModel;
  if (review.newIntensity) {
    change.intensity = review.newIntensity;
    change.contactEveryDays = daysFor(params.contactEveryDays, review.newIntensity);
  }
  return change;
}

function daysFor(table: DaysByIntensity, intensity: Intensity | undefined): number {
  const days = intensity === undefined ? undefined : table[intensity];
  if (days === undefined || !Number.isInteger(days) || days <= 0) {
    throw new DomainError('invalidConfig', `No positive whole number of days configured for intensity ${intensity}`);
  }
  return days;
}

/**
 * A review `days` after `date`, moved off a weekend to the Monday after: a review is a
 * meeting on a working day, and a date proposed on a Sunday is one the worker must change.
 */
export function reviewDayAfter(date: string, days: number): string {
  return workingDay(addDays(date, days), false);
}

/** A next review date from an intensity, for dialogs that propose one before saving. */
export function proposedNextReviewDate(fromDate: string, intensity: Intensity, reviewDays: DaysByIntensity = DEFAULT_REVIEW_PARAMS.reviewDays): string {
  if (!isIsoDate(fromDate)) throw new DomainError('invalidDate', `"${fromDate}" is not a YYYY-MM-DD date`);
  return reviewDayAfter(fromDate, daysFor(reviewDays, intensity));
}

// ---- what the review shows ----------------------------------------------------------

export interface TaskSummary {
  taskId: string;
  description: string;
  owner: Task['owner'];
  status: Task['status'];
  dueDate: string;
  /** Mean rating on the 4-point scale, "no opportunity" left out; null when unrated. */
  average: number | null;
  lastRating: Achievement | null;
  lastRatedAt: string | null;
  /** Progress entries, "no opportunity" included. */
  progressEntries: number;
  /** Two ratings ≤ 1 in a row. */
  stalled: boolean;
}

export interface GoalSummary {
  goalId: string;
  text: string;
  domain: Goal['domain'];
  status: Goal['status'];
  deadline: string;
  /** Mean over the goal's tasks that are not dropped; null when none is rated. */
  average: number | null;
  tasks: TaskSummary[];
}

export interface CaseProgressSummary {
  goals: GoalSummary[];
  /** Tasks not linked to a goal (often the worker's own). */
  unlinkedTasks: TaskSummary[];
}

/** Goals (active first, then by deadline) with their tasks' progress, for the review dialog. */
export function goalAndTaskSummary(caseRecord: Pick<Case, 'goals' | 'tasks'>): CaseProgressSummary {
  const goalIds = new Set(caseRecord.goals.map((g) => g.id));
  const goals = [...caseRecord.goals].sort(byActiveThenDeadline).map((goal) => ({
    goalId: goal.id,
    text: goal.text,
    domain: goal.domain,
    status: goal.status,
    deadline: goal.deadline,
    average: goalProgress(goal, caseRecord.tasks),
    tasks: caseRecord.tasks.filter((t) => t.goalId === goal.id).map(summarizeTask),
  }));
  const unlinkedTasks = caseRecord.tasks.filter((t) => t.goalId === undefined || !goalIds.has(t.goalId)).map(summarizeTask);
  return { goals, unlinkedTasks };
}

function byActiveThenDeadline(a: Goal, b: Goal): number {
  const activeFirst = Number(b.status === 'active') - Number(a.status === 'active');
  return activeFirst || a.deadline.localeCompare(b.deadline);
}

function summarizeTask(task: Task): TaskSummary {
  return {
    taskId: task.id,
    description: task.description,
    owner: task.owner,
    status: task.status,
    dueDate: task.dueDate,
    average: averageAchievement(task),
    lastRating: lastRating(task),
    lastRatedAt: task.progress.at(-1)?.at ?? null,
    progressEntries: task.progress.length,
    stalled: twoLowRatingsInARow(task),
  };
}
