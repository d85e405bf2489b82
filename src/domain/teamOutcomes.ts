// Service effectiveness (SPEC §3, the case manager's seventh function): for a team and a
// period, how the clients' domain levels moved, which goals were achieved, how tasks were
// rated, how referrals ended per service and whether reviews were held on time.
// Periods are calendar days (`YYYY-MM-DD`, both ends included) in the team's time zone.
import { localDate } from './dates.js';
import { LIFE_DOMAINS, type Case, type LifeDomain, type Referral, type Review } from './schemas.js';
import { numericRatings } from './tasks.js';

export interface Period {
  /** First day, included. */
  from: string;
  /** Last day, included. */
  to: string;
}

export interface DomainChangeRow {
  domain: LifeDomain;
  /** Cases rated (1–5) in this domain at both their first and their latest assessment. */
  cases: number;
  /** Mean of latest minus first level; null when no case has both. */
  averageChange: number | null;
  improved: number;
  same: number;
  worse: number;
}

export type GoalOutcome = 'achieved' | 'partial' | 'notAchieved';

export interface GoalOutcomes {
  /** Goals whose outcome was recorded (at closure) within the period. */
  ended: number;
  byOutcome: Record<GoalOutcome, number>;
  /** Share of the ended goals that were achieved, 0–1; null when none ended. */
  achievedShare: number | null;
}

export interface TaskRatingOutcome {
  /** Ratings on the 1–4 scale given within the period. */
  ratings: number;
  /** «No opportunity» entries within the period, left out of the average. */
  noOpportunity: number;
  average: number | null;
}

export interface ServiceReferralRow {
  serviceId: string;
  /** The directory's name for the service; its id when it is no longer in the directory. */
  serviceName: string;
  completed: number;
  declined: number;
  /** Ended with the case's closure without being completed or declined. */
  otherEnds: number;
}

export interface ReviewTimeliness {
  /** Reviews held within the period on or before the date they were due. */
  onTime: number;
  /** Held after the date they were due. */
  late: number;
  /** Held with no due date on record before them (no completed assessment or review set one). */
  noDueDate: number;
}

export interface TeamOutcomes {
  team: string;
  period: Period;
  /** Cases of the team open at some time during the period. */
  activeCases: number;
  domains: DomainChangeRow[];
  goals: GoalOutcomes;
  tasks: TaskRatingOutcome;
  referrals: ServiceReferralRow[];
  reviews: ReviewTimeliness;
}

export interface OutcomesInput {
  team: string;
  period: Period;
  /** The team's cases; cases of other teams are left out whatever is passed. */
  cases: readonly Case[];
  /** Service names by id, from the directory. */
  serviceNames: ReadonlyMap<string, string>;
  /** The time zone the period's days are read in. */
  timeZone: string;
}

/** The outcomes of `team` over `period`. Throws when the period is not a valid range of days. */
export function teamOutcomes(input: OutcomesInput): TeamOutcomes {
  const { team, period, timeZone } = input;
  assertPeriod(period);
  const dayOf = (instant: string) => localDate(new Date(instant), timeZone);
  const within = (instant: string) => inPeriod(dayOf(instant), period);
  const teamCases = input.cases.filter((c) => c.team === team);
  const active = teamCases.filter((c) => activeDuring(c, period, dayOf));
  return {
    team,
    period,
    activeCases: active.length,
    domains: domainChanges(active, period, dayOf),
    goals: goalOutcomes(teamCases, within),
    tasks: taskRatings(teamCases, within),
    referrals: referralEnds(teamCases, within, input.serviceNames),
    reviews: reviewTimeliness(teamCases, within, dayOf),
  };
}

function assertPeriod(period: Period): void {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(period.from) || !day.test(period.to)) throw new RangeError(`Period ${period.from}…${period.to} is not two YYYY-MM-DD days`);
  if (period.from > period.to) throw new RangeError(`Period starts (${period.from}) after it ends (${period.to})`);
}

const inPeriod = (day: string, period: Period) => day >= period.from && day <= period.to;

/** Opened on or before the period's last day and not closed before its first day. */
function activeDuring(record: Case, period: Period, dayOf: (instant: string) => string): boolean {
  if (record.intakeDate > period.to) return false;
  if (record.status === 'closed' && record.closure && dayOf(record.closure.at) < period.from) return false;
  return true;
}

// ---- domain levels ------------------------------------------------------------------

/**
 * Per domain, over the active cases: the first completed assessment against the latest one
 * completed by the period's end. A domain counts for a case only when both rated it 1–5.
 */
function domainChanges(cases: readonly Case[], period: Period, dayOf: (instant: string) => string): DomainChangeRow[] {
  const changes = new Map<LifeDomain, number[]>(LIFE_DOMAINS.map((d) => [d, []]));
  for (const record of cases) {
    const completed = record.assessments
      .filter((a) => a.completedAt !== undefined && dayOf(a.completedAt) <= period.to)
      .sort((a, b) => a.completedAt!.localeCompare(b.completedAt!));
    const first = completed[0];
    const latest = completed.at(-1);
    if (!first || !latest || first === latest) continue;
    for (const domain of LIFE_DOMAINS) {
      const before = first.ratings[domain];
      const after = latest.ratings[domain];
      if (typeof before === 'number' && typeof after === 'number') changes.get(domain)!.push(after - before);
    }
  }
  return LIFE_DOMAINS.map((domain) => {
    const values = changes.get(domain)!;
    return {
      domain,
      cases: values.length,
      averageChange: values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length,
      improved: values.filter((v) => v > 0).length,
      same: values.filter((v) => v === 0).length,
      worse: values.filter((v) => v < 0).length,
    };
  });
}

// ---- goals, tasks -------------------------------------------------------------------

/** A goal ends with the outcome recorded at the case's closure. */
function goalOutcomes(cases: readonly Case[], within: (instant: string) => boolean): GoalOutcomes {
  const byOutcome: Record<GoalOutcome, number> = { achieved: 0, partial: 0, notAchieved: 0 };
  for (const record of cases) {
    if (!record.closure || !within(record.closure.at)) continue;
    const goalIds = new Set(record.goals.map((g) => g.id));
    for (const { goalId, outcome } of record.closure.outcomes) if (goalIds.has(goalId)) byOutcome[outcome]++;
  }
  const ended = byOutcome.achieved + byOutcome.partial + byOutcome.notAchieved;
  return { ended, byOutcome, achievedShare: ended === 0 ? null : byOutcome.achieved / ended };
}

function taskRatings(cases: readonly Case[], within: (instant: string) => boolean): TaskRatingOutcome {
  let sum = 0;
  let ratings = 0;
  let noOpportunity = 0;
  for (const task of cases.flatMap((c) => c.tasks)) {
    const inside = task.progress.filter((p) => within(p.at));
    const numeric = numericRatings({ progress: inside });
    ratings += numeric.length;
    sum += numeric.reduce<number>((total, r) => total + r, 0);
    noOpportunity += inside.length - numeric.length;
  }
  return { ratings, noOpportunity, average: ratings === 0 ? null : sum / ratings };
}

// ---- referrals ----------------------------------------------------------------------

/** When the referral reached its final state, if it has one. */
function endedAt(referral: Referral): string | undefined {
  if (!['completed', 'declined', 'cancelled'].includes(referral.status)) return undefined;
  return [...referral.history].reverse().find((step) => step.status === referral.status)?.at;
}

function referralEnds(cases: readonly Case[], within: (instant: string) => boolean, serviceNames: ReadonlyMap<string, string>): ServiceReferralRow[] {
  const rows = new Map<string, ServiceReferralRow>();
  for (const referral of cases.flatMap((c) => c.referrals)) {
    const at = endedAt(referral);
    if (!at || !within(at)) continue;
    const row = rows.get(referral.serviceId) ?? {
      serviceId: referral.serviceId,
      serviceName: serviceNames.get(referral.serviceId) ?? referral.serviceId,
      completed: 0,
      declined: 0,
      otherEnds: 0,
    };
    if (referral.status === 'completed') row.completed++;
    else if (referral.status === 'declined') row.declined++;
    else row.otherEnds++;
    rows.set(referral.serviceId, row);
  }
  return [...rows.values()].sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'es') || a.serviceId.localeCompare(b.serviceId));
}

// ---- reviews ------------------------------------------------------------------------

/**
 * The date a review was due: the next review date set last before it, by a completed
 * assessment or an earlier review (the review dialog always records the date it sets).
 */
export function reviewDueDate(record: Pick<Case, 'assessments' | 'reviews'>, review: Pick<Review, 'id' | 'at'>): string | undefined {
  const settings = [
    ...record.assessments.flatMap((a) => (a.completedAt && a.nextReviewDate ? [{ at: a.completedAt, date: a.nextReviewDate }] : [])),
    ...record.reviews.flatMap((r) => (r.id !== review.id && r.nextReviewDate ? [{ at: r.at, date: r.nextReviewDate }] : [])),
  ]
    .filter((s) => Date.parse(s.at) < Date.parse(review.at))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return settings.at(-1)?.date;
}

function reviewTimeliness(cases: readonly Case[], within: (instant: string) => boolean, dayOf: (instant: string) => string): ReviewTimeliness {
  const counts: ReviewTimeliness = { onTime: 0, late: 0, noDueDate: 0 };
  for (const record of cases) {
    for (const review of record.reviews) {
      if (!within(review.at)) continue;
      const due = reviewDueDate(record, review);
      if (due === undefined) counts.noDueDate++;
      else if (dayOf(review.at) <= due) counts.onTime++;
      else counts.late++;
    }
  }
  return counts;
}
