// Closure (finalización): open tasks end with the case, each active referral gets the final
// state the worker records, follow-ups stop and no review is due. A closed case is
// read-only until its worker or a supervisor of its team reopens it, with a reason; the
// reopened case gets a new review date from its intensity, and goals keep their outcome.
import { z } from 'zod';
import { INTENSITY_BEFORE_ASSESSMENT } from './caseload.js';
import { CaseClosedError, DomainError, issue, result, throwIfInvalid, type ValidationIssue, type ValidationResult } from './errors.js';
import { proposedNextReviewDate, type DaysByIntensity } from './review.js';
import { ClosureReasonSchema, ClosureSchema, type Case, type Closure, type Referral, type Staff } from './schemas.js';

export { CaseClosedError } from './errors.js';

const isIsoDateTime = (value: unknown) => z.iso.datetime({ offset: true }).safeParse(value).success;

/** Every change to a case calls this first: a closed case throws CaseClosedError. */
export function assertWritable(caseRecord: Pick<Case, 'id' | 'status'>): void {
  if (caseRecord.status === 'closed') throw new CaseClosedError(caseRecord.id);
}

/**
 * Checks a closure against its case: a known reason, a note when the reason is 'other',
 * a summary, and exactly one outcome for every active goal (and none for unknown goals).
 * Anything else the stored schema refuses (time, author, lengths) is 'invalidClosure'.
 */
export function validateClosure(caseRecord: Case, closure: Closure): ValidationResult {
  const named = [...reasonErrors(closure), ...summaryErrors(closure), ...outcomeErrors(caseRecord, closure), ...referralErrors(caseRecord, closure)];
  const coveredFields = new Set(named.map((e) => e.field));
  const others = schemaErrors(closure).filter((e) => !coveredFields.has(e.field));
  return result([...named, ...others]);
}

function reasonErrors(closure: Closure): ValidationIssue[] {
  if (!ClosureReasonSchema.safeParse(closure.reason).success) {
    return [issue('invalidReason', `Closure reason "${closure.reason}" is not one of ${ClosureReasonSchema.options.join(', ')}`, 'reason')];
  }
  if (closure.reason === 'other' && !closure.reasonNote?.trim()) {
    return [issue('reasonNoteMissing', "Closure reason 'other' needs a note saying why", 'reasonNote')];
  }
  return [];
}

function summaryErrors(closure: Closure): ValidationIssue[] {
  return closure.summary?.trim() ? [] : [issue('summaryMissing', 'The closure has no summary', 'summary')];
}

function outcomeErrors(caseRecord: Case, closure: Closure): ValidationIssue[] {
  const outcomes = closure.outcomes ?? [];
  const goalIds = new Set(caseRecord.goals.map((g) => g.id));
  const errors: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const { goalId } of outcomes) {
    if (!goalIds.has(goalId)) errors.push(issue('unknownGoal', `Outcome given for goal ${goalId}, which is not in case ${caseRecord.id}`, 'outcomes'));
    if (seen.has(goalId)) errors.push(issue('duplicateOutcome', `Goal ${goalId} has more than one outcome`, 'outcomes'));
    seen.add(goalId);
  }
  const missing = caseRecord.goals.filter((g) => g.status === 'active' && !seen.has(g.id)).map((g) => g.id);
  if (missing.length > 0) errors.push(issue('outcomeMissing', `Active goals without an outcome: ${missing.join(', ')}`, 'outcomes'));
  return errors;
}

/** The referrals still running: the worker records how each one ends with the case. */
export function activeReferrals(caseRecord: Pick<Case, 'referrals'>): Referral[] {
  return caseRecord.referrals.filter((r) => !['completed', 'declined', 'cancelled'].includes(r.status));
}

function referralErrors(caseRecord: Case, closure: Closure): ValidationIssue[] {
  const given = closure.referralOutcomes ?? [];
  const active = new Set(activeReferrals(caseRecord).map((r) => r.id));
  const errors: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const { referralId } of given) {
    if (!active.has(referralId))
      errors.push(issue('unknownReferral', `Final state given for referral ${referralId}, which is not active in case ${caseRecord.id}`, 'referralOutcomes'));
    if (seen.has(referralId)) errors.push(issue('duplicateReferralOutcome', `Referral ${referralId} has more than one final state`, 'referralOutcomes'));
    seen.add(referralId);
  }
  const missing = [...active].filter((referralId) => !seen.has(referralId));
  if (missing.length > 0) errors.push(issue('referralOutcomeMissing', `Active referrals without a final state: ${missing.join(', ')}`, 'referralOutcomes'));
  return errors;
}

function schemaErrors(closure: Closure): ValidationIssue[] {
  const parsed = ClosureSchema.safeParse(closure);
  if (parsed.success) return [];
  const fields = new Set(parsed.error.issues.map((i) => i.path.join('.')));
  return [...fields].map((f) => issue('invalidClosure', `Closure field "${f}" is invalid`, f));
}

/**
 * The case closed with `closure`: each active goal ends as its outcome says, open tasks end
 * as closed with the case, each active referral takes the final state recorded for it, and
 * no review is due any more. Throws a DomainError naming what is wrong otherwise.
 */
export function closeCase(caseRecord: Case, closure: Closure): Case {
  assertWritable(caseRecord);
  throwIfInvalid(validateClosure(caseRecord, closure));
  const parsed = ClosureSchema.parse(closure);
  const outcomeOf = new Map(parsed.outcomes.map((o) => [o.goalId, o.outcome]));
  const goals = caseRecord.goals.map((goal) => {
    const outcome = outcomeOf.get(goal.id);
    if (goal.status !== 'active' || !outcome) return goal;
    return { ...goal, status: outcome === 'achieved' ? ('achieved' as const) : ('dropped' as const) };
  });
  const tasks = caseRecord.tasks.map((task) => (task.status === 'open' ? { ...task, status: 'closedWithCase' as const } : task));
  const finalOf = new Map((parsed.referralOutcomes ?? []).map((o) => [o.referralId, o.status]));
  const referrals = caseRecord.referrals.map((referral) => {
    const status = finalOf.get(referral.id);
    if (!status) return referral;
    return { ...referral, status, history: [...referral.history, { status, at: parsed.at, by: parsed.by }] };
  });
  const { nextReviewDate: _noReviewOnceClosed, ...rest } = caseRecord;
  return { ...rest, status: 'closed', goals, tasks, referrals, closure: parsed, updatedAt: closure.at };
}

/** Who asks to reopen: only the case's worker or a supervisor of its team may. */
export type ReopenActor = Pick<Staff, 'id' | 'role' | 'team'>;

export function mayReopen(caseRecord: Pick<Case, 'workerId' | 'team'>, actor: ReopenActor): boolean {
  if (actor.id === caseRecord.workerId) return true;
  return actor.role === 'supervisor' && actor.team === caseRecord.team;
}

/** The review date a reopened case gets: from `today`, as its intensity sets (moderate before any assessment). */
export function reopenedReviewDate(caseRecord: Pick<Case, 'intensity'>, today: string, reviewDays?: DaysByIntensity): string {
  return proposedNextReviewDate(today, caseRecord.intensity ?? INTENSITY_BEFORE_ASSESSMENT, reviewDays);
}

/**
 * The case open again, with the reopening recorded and `nextReviewDate` as its review date.
 * Goals keep the outcome recorded at closure, and the last closure is kept for the record
 * (status is what says whether a case is closed); a new closure replaces it.
 */
export function reopenCase(caseRecord: Case, by: ReopenActor, reason: string, at: string, nextReviewDate?: string): Case {
  if (caseRecord.status !== 'closed') throw new DomainError('caseNotClosed', `Case ${caseRecord.id} is not closed`, { caseId: caseRecord.id });
  if (!mayReopen(caseRecord, by)) {
    throw new DomainError('notAllowedToReopen', `${by.id} (${by.role}, team ${by.team}) may not reopen case ${caseRecord.id}`, { caseId: caseRecord.id });
  }
  const trimmed = reason?.trim() ?? '';
  if (!trimmed) throw new DomainError('reasonRequired', `Reopening case ${caseRecord.id} needs a reason`, { caseId: caseRecord.id });
  if (trimmed.length > 1000) throw new DomainError('reasonTooLong', 'The reopening reason is longer than 1000 characters', { caseId: caseRecord.id });
  if (!isIsoDateTime(at)) throw new DomainError('invalidTime', `Reopening time "${at}" is not an ISO date-time`, { caseId: caseRecord.id });
  if (nextReviewDate !== undefined && !z.iso.date().safeParse(nextReviewDate).success) {
    throw new DomainError('invalidDate', `Review date "${nextReviewDate}" is not a YYYY-MM-DD date`, { caseId: caseRecord.id });
  }
  return {
    ...caseRecord,
    status: 'open',
    ...(nextReviewDate ? { nextReviewDate } : {}),
    reopenings: [...caseRecord.reopenings, { at, by: by.id, reason: trimmed }],
    updatedAt: at,
  };
}
