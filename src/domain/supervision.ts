// Supervisor caseload review (SPEC §3): which cases need a decision, most urgent first.
import { openAlerts } from './alerts.js';
import { INTENSITY_BEFORE_ASSESSMENT } from './caseload.js';
import { caseTimeZone, defaultConfig, type PracticeConfig } from './config.js';
import { messagingAllowed } from './consent.js';
import { addDays, daysBetween, localDate } from './dates.js';
import type { Alert, Case, Intensity, Task } from './schemas.js';

export type ReviewFlag = 'openAlert' | 'overdueReview' | 'noRecentContact' | 'stalledTask' | 'missedCheckIn';

export interface FlagDetail {
  flag: ReviewFlag;
  /** Whole days past the point where the flag was raised (0 for a stalled task). */
  daysLate: number;
  /** The tasks concerned, for 'stalledTask' and 'missedCheckIn'. */
  taskIds?: string[];
  /** The kinds of the alerts waiting for a decision, for 'openAlert'. */
  alertKinds?: Alert['kind'][];
}

/** Ratings at or below this, twice in a row, mean a task is stalled. */
const STALL_MAX_RATING = 1;
const STALL_RUN = 2;

/**
 * Whether the task's last two ratings are both ≤ 1, in time order. 'noOpportunity' is left
 * out: the client had no chance to act, which says nothing about progress.
 */
export function isStalled(task: Pick<Task, 'progress'>): boolean {
  const ratings = [...task.progress]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .flatMap((entry) => (entry.rating === 'noOpportunity' ? [] : [entry.rating]));
  const lastRun = ratings.slice(-STALL_RUN);
  return lastRun.length === STALL_RUN && lastRun.every((rating) => rating <= STALL_MAX_RATING);
}

function overdueReview(caseRecord: Case, today: string, config: PracticeConfig): FlagDetail[] {
  if (!caseRecord.nextReviewDate) return [];
  const overdueAfter = addDays(caseRecord.nextReviewDate, config.reviewGraceDays);
  const daysLate = daysBetween(overdueAfter, today);
  return daysLate > 0 ? [{ flag: 'overdueReview', daysLate }] : [];
}

/** Before the first assessment the case is expected to have moderate contact. */
function expectedContactEveryDays(caseRecord: Case, config: PracticeConfig): number {
  return caseRecord.contactEveryDays ?? config.intensity[caseRecord.intensity ?? INTENSITY_BEFORE_ASSESSMENT].contactEveryDays;
}

/**
 * The day the contact interval runs from: the last contact (the intake interview is the
 * first), or a later change of approach, which sets a new interval from its own day.
 */
function contactClockStart(caseRecord: Case, config: PracticeConfig): string {
  const zone = caseTimeZone(caseRecord, config);
  const changes = caseRecord.reviews.filter((review) => review.decision === 'changeApproach').map((review) => localDate(new Date(review.at), zone));
  // `YYYY-MM-DD` days sort as text: the last is the latest.
  return [caseRecord.intakeDate, ...caseRecord.contacts.map((contact) => contact.date), ...changes].sort().at(-1)!;
}

function noRecentContact(caseRecord: Case, today: string, config: PracticeConfig): FlagDetail[] {
  const contactDue = addDays(contactClockStart(caseRecord, config), expectedContactEveryDays(caseRecord, config));
  const daysLate = daysBetween(contactDue, today);
  return daysLate > 0 ? [{ flag: 'noRecentContact', daysLate }] : [];
}

function stalledTasks(caseRecord: Case): FlagDetail[] {
  const stalled = caseRecord.tasks.filter((task) => task.status === 'open' && isStalled(task));
  return stalled.length > 0 ? [{ flag: 'stalledTask', daysLate: 0, taskIds: stalled.map((task) => task.id) }] : [];
}

/**
 * The last calendar day a client-owned task could get its next progress entry: its last
 * progress (or the commitment) plus the check-in interval plus the reply window. Any entry
 * counts, a worker's included (the worker may have heard from the client by phone).
 */
function checkInAnswerDueDate(task: Task, zone: string, config: PracticeConfig): string {
  const lastHeard = task.progress.reduce((latest, entry) => Math.max(latest, Date.parse(entry.at)), Date.parse(task.commitment.at));
  const windowMs = (task.checkInEveryDays * 24 + config.checkInReplyWindowHours) * 3600_000;
  return localDate(new Date(lastHeard + windowMs), zone);
}

/** Counted in whole days: missed once the whole day the answer was due has passed. */
function missedCheckIns(caseRecord: Case, today: string, config: PracticeConfig): FlagDetail[] {
  // Check-ins are only sent while the client consents to messages.
  if (!messagingAllowed(caseRecord)) return [];
  const zone = caseTimeZone(caseRecord, config);
  const late = caseRecord.tasks
    .filter((task) => task.status === 'open' && task.owner === 'client')
    .map((task) => ({ taskId: task.id, daysLate: daysBetween(checkInAnswerDueDate(task, zone, config), today) }))
    .filter((entry) => entry.daysLate > 0);
  if (late.length === 0) return [];
  const daysLate = Math.max(...late.map((entry) => entry.daysLate));
  return [{ flag: 'missedCheckIn', daysLate, taskIds: late.map((entry) => entry.taskId) }];
}

/** Crisis, safety and stalled-task alerts no supervisor has decided on yet; the overdue review has its own flag. */
function alertsWaiting(caseRecord: Case, today: string, config: PracticeConfig): FlagDetail[] {
  const open = openAlerts(caseRecord, today, config).filter((alert) => alert.kind !== 'overdueReview');
  if (open.length === 0) return [];
  return [{ flag: 'openAlert', daysLate: Math.max(0, daysBetween(open[0]!.since, today)), alertKinds: open.map((alert) => alert.kind) }];
}

/** The flags of an open case on `today` (`YYYY-MM-DD`), with how late each one is. */
export function reviewFlagDetails(caseRecord: Case, today: string, config: PracticeConfig = defaultConfig): FlagDetail[] {
  if (caseRecord.status !== 'open') return [];
  return [
    ...alertsWaiting(caseRecord, today, config),
    ...overdueReview(caseRecord, today, config),
    ...noRecentContact(caseRecord, today, config),
    ...stalledTasks(caseRecord),
    ...missedCheckIns(caseRecord, today, config),
  ];
}

/** The SPEC §3 flags of a case; a closed case has none. */
export function reviewFlags(caseRecord: Case, today: string, config: PracticeConfig = defaultConfig): ReviewFlag[] {
  return reviewFlagDetails(caseRecord, today, config).map((detail) => detail.flag);
}

export interface FlaggedCase {
  caseRecord: Case;
  flags: ReviewFlag[];
  details: FlagDetail[];
}

const INTENSITY_RANK: Record<Intensity | 'none', number> = { intensive: 0, moderate: 1, basic: 2, none: 3 };
const PRIORITY_RANK: Record<Case['priority'], number> = { high: 0, medium: 1, low: 2 };

const mostDaysLate = (entry: FlaggedCase) => Math.max(...entry.details.map((detail) => detail.daysLate));

/**
 * Most urgent first: an alert waiting for a decision (a crisis cannot wait); then more flags at once; then the higher-need case (intensity, then the
 * priority set at intake); then the longest overdue; then case id, so the order is stable.
 */
function byUrgency(a: FlaggedCase, b: FlaggedCase): number {
  return (
    Number(b.flags.includes('openAlert')) - Number(a.flags.includes('openAlert')) ||
    b.flags.length - a.flags.length ||
    INTENSITY_RANK[a.caseRecord.intensity ?? 'none'] - INTENSITY_RANK[b.caseRecord.intensity ?? 'none'] ||
    PRIORITY_RANK[a.caseRecord.priority] - PRIORITY_RANK[b.caseRecord.priority] ||
    mostDaysLate(b) - mostDaysLate(a) ||
    a.caseRecord.id.localeCompare(b.caseRecord.id)
  );
}

/** The cases with at least one flag, for the supervisor's review list. */
export function flaggedCases(cases: readonly Case[], today: string, config: PracticeConfig = defaultConfig): FlaggedCase[] {
  return cases
    .map((caseRecord) => {
      const details = reviewFlagDetails(caseRecord, today, config);
      return { caseRecord, flags: details.map((detail) => detail.flag), details };
    })
    .filter((entry) => entry.details.length > 0)
    .sort(byUrgency);
}
