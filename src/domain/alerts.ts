// Alerts for the supervisor (SPEC §4) and the decisions taken on them: continue, change
// approach, close, or remind the worker. A decision is taken once; an alert answered again
// keeps its first decision. The overdue review is an alert too, though no record holds it
// until it is decided: it comes from the review date.
import { INTENSITY_BEFORE_ASSESSMENT } from './caseload.js';
import { caseTimeZone, defaultConfig, type PracticeConfig } from './config.js';
import { addDays, localDate } from './dates.js';
import { DomainError } from './errors.js';
import { newId } from './ids.js';
import { applyReview, proposedNextReviewDate, reviewParams } from './review.js';
import type { Alert, AlertDecision, Case, Review } from './schemas.js';

/** Which alert a decision is about: a stored one, or the review overdue since its date. */
export type AlertTarget = { alertId: string } | { reviewDate: string };

export interface OpenAlert {
  kind: Alert['kind'];
  target: AlertTarget;
  /** The day it was raised, `YYYY-MM-DD` in the case's time zone. */
  since: string;
  /** The task, for a stalled task. */
  taskId?: string;
}

export type AlertState =
  | { state: 'open'; alert: OpenAlert }
  | { state: 'decided'; decision: AlertDecision }
  /** An overdue review that was held since: nothing is left to decide. */
  | { state: 'resolved' }
  | { state: 'notFound' };

/** The review date when the review is past due by more than the grace period on `today`. */
export function overdueReviewDate(
  caseRecord: Pick<Case, 'status' | 'nextReviewDate'>,
  today: string,
  config: PracticeConfig = defaultConfig,
): string | undefined {
  const date = caseRecord.nextReviewDate;
  if (caseRecord.status !== 'open' || !date) return undefined;
  return addDays(date, config.reviewGraceDays) < today ? date : undefined;
}

const decidedOverdue = (caseRecord: Pick<Case, 'alerts'>, reviewDate: string) =>
  caseRecord.alerts.find((alert) => alert.kind === 'overdueReview' && alert.reviewDate === reviewDate);

/** The alerts of an open case that wait for a supervisor's decision, oldest first. */
export function openAlerts(caseRecord: Case, today: string, config: PracticeConfig = defaultConfig): OpenAlert[] {
  if (caseRecord.status !== 'open') return [];
  const zone = caseTimeZone(caseRecord, config);
  const stored = caseRecord.alerts
    .filter((alert) => !alert.decision && alert.kind !== 'overdueReview')
    .map(
      (alert): OpenAlert => ({
        kind: alert.kind,
        target: { alertId: alert.id },
        since: localDate(new Date(alert.at), zone),
        ...(alert.refId ? { taskId: alert.refId } : {}),
      }),
    );
  const reviewDate = overdueReviewDate(caseRecord, today, config);
  const overdue: OpenAlert[] =
    reviewDate && !decidedOverdue(caseRecord, reviewDate)
      ? [{ kind: 'overdueReview', target: { reviewDate }, since: addDays(reviewDate, config.reviewGraceDays + 1) }]
      : [];
  return [...stored, ...overdue].sort((a, b) => a.since.localeCompare(b.since));
}

/** Where an alert stands: open, decided (and how), resolved, or not on this case. */
export function alertState(caseRecord: Case, target: AlertTarget, today: string, config: PracticeConfig = defaultConfig): AlertState {
  if ('alertId' in target) {
    const alert = caseRecord.alerts.find((a) => a.id === target.alertId);
    if (!alert) return { state: 'notFound' };
    if (alert.decision) return { state: 'decided', decision: alert.decision };
    const open = openAlerts(caseRecord, today, config).find((a) => 'alertId' in a.target && a.target.alertId === alert.id);
    return open ? { state: 'open', alert: open } : { state: 'resolved' };
  }
  const decided = decidedOverdue(caseRecord, target.reviewDate)?.decision;
  if (decided) return { state: 'decided', decision: decided };
  if (caseRecord.nextReviewDate !== target.reviewDate) return { state: 'resolved' };
  const open = openAlerts(caseRecord, today, config).find((a) => 'reviewDate' in a.target && a.target.reviewDate === target.reviewDate);
  return open ? { state: 'open', alert: open } : { state: 'notFound' };
}

/**
 * The case with `decision` recorded on the alert (for an overdue review, on a new alert
 * record that names the review date). Throws DomainError 'alertDecided' (with the first
 * decision in `details.decision`), 'alertResolved' or 'alertNotFound'.
 */
export function decideAlert(caseRecord: Case, target: AlertTarget, decision: AlertDecision, today: string, config: PracticeConfig = defaultConfig): Case {
  const found = alertState(caseRecord, target, today, config);
  if (found.state === 'decided') throw new DomainError('alertDecided', `The alert on case ${caseRecord.id} was decided already`, { decision: found.decision });
  if (found.state === 'resolved') throw new DomainError('alertResolved', `The alert on case ${caseRecord.id} has no decision left to take`);
  if (found.state === 'notFound') throw new DomainError('alertNotFound', `No such alert on case ${caseRecord.id}`);
  if ('alertId' in target) {
    return { ...caseRecord, alerts: caseRecord.alerts.map((alert) => (alert.id === target.alertId ? { ...alert, decision } : alert)) };
  }
  const record: Alert = { id: newId('AL'), kind: 'overdueReview', at: decision.at, reviewDate: target.reviewDate, decision };
  return { ...caseRecord, alerts: [...caseRecord.alerts, record] };
}

/** The case with `decision` recorded on every stored alert still open (a decision on the whole case). */
export function decideOpenAlerts(caseRecord: Case, decision: AlertDecision): Case {
  return {
    ...caseRecord,
    alerts: caseRecord.alerts.map((alert) => (alert.decision || alert.kind === 'overdueReview' ? alert : { ...alert, decision })),
  };
}

export interface AlertDecisionInput {
  target: AlertTarget;
  choice: AlertDecision['choice'];
  by: string;
  at: string;
  /** The supervisor's calendar day, from which a next review date is proposed. */
  today: string;
  /** The new model or intensity, for a change of approach. */
  approach?: Pick<Review, 'newModel' | 'newIntensity'>;
  /** The id the review gets, when the decision records one. */
  reviewId: string;
}

/**
 * Whether the decision is recorded as a review too: on an overdue review every decision but
 * a reminder is the review's decision; on other alerts a change of approach or a closure
 * is, while continuing leaves the plan (and its review date) as it was.
 */
export function decisionMakesReview(target: AlertTarget, choice: AlertDecision['choice']): boolean {
  if (choice === 'remindWorker') return false;
  return 'reviewDate' in target || choice !== 'continue';
}

/**
 * The case with the supervisor's decision on one alert, and the review it makes, if any,
 * its next review date proposed from the intensity. Throws as `decideAlert` and `applyReview` do.
 */
export function applyAlertDecision(caseRecord: Case, input: AlertDecisionInput, config: PracticeConfig = defaultConfig): Case {
  const { choice } = input;
  const withReview = decisionMakesReview(input.target, choice);
  const decision: AlertDecision = { choice, by: input.by, at: input.at, ...(withReview ? { reviewId: input.reviewId } : {}) };
  const decided = decideAlert(caseRecord, input.target, decision, input.today, config);
  if (!withReview || choice === 'remindWorker') return decided;
  return withDecisionReview(decided, { ...input, choice }, config);
}

export type CaseDecisionInput = Omit<AlertDecisionInput, 'target' | 'choice'> & { choice: Review['decision'] };

/**
 * A supervisor's decision on a flagged case with no alert waiting (no recent contact,
 * missed check-ins, a stalled task), recorded as a review: its next review date proposed
 * from the intensity, and a change of approach restarts the contact interval from its day,
 * so the case is not flagged again for no contact until the new interval has passed.
 */
export function applyCaseDecision(caseRecord: Case, input: CaseDecisionInput, config: PracticeConfig = defaultConfig): Case {
  const decided = decideOpenAlerts(caseRecord, { choice: input.choice, by: input.by, at: input.at, reviewId: input.reviewId });
  return withDecisionReview(decided, input, config);
}

function withDecisionReview(caseRecord: Case, input: CaseDecisionInput, config: PracticeConfig): Case {
  const approach = input.choice === 'changeApproach' ? (input.approach ?? {}) : {};
  const intensity = approach.newIntensity ?? caseRecord.intensity ?? INTENSITY_BEFORE_ASSESSMENT;
  const params = reviewParams(config);
  const review: Review = {
    id: input.reviewId,
    at: input.at,
    by: input.by,
    decision: input.choice,
    ...approach,
    nextReviewDate: proposedNextReviewDate(input.today, intensity, params.reviewDays),
    note: '',
  };
  return applyReview(caseRecord, review, params).caseRecord;
}
