// The follow-ups a case calls for right now (SPEC §4), derived from the case alone.
//
// A follow-up that repeats (check-ins, the daily overdue-review digest, the weekly plan)
// is a series; of each series only two jobs exist at a time: the latest one due, unless
// it is stale, and the next one to come. Deriving again after one is sent moves the
// series on. Derivation does not know what was sent: the store keeps sent jobs under
// their deterministic ids, and scheduling a sent job again leaves it sent.
import { toldByMessage } from '../allocation.js';
import { addDays, daysBetween } from '../dates.js';
import type { Case, Staff, Task } from '../schemas.js';
import { newJob, type Job, type JobDraft } from './job.js';
import { onDay, outOfQuietHours, type DeliveryRules } from './placement.js';
import type { FollowUpConfig } from './settings.js';
import { clockMinutes, knowsZone, wallTime, weekdayOf } from './zoneTime.js';

/** The staff a case's follow-ups go to, looked up by the caller. */
export interface CaseRecipients {
  /** The case's worker; undefined when no longer registered. */
  readonly worker?: Staff;
  /** The supervisors of the case's team. */
  readonly supervisors: readonly Staff[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The jobs the case calls for at `now`: due now or later, not stale. A closed case calls for none. */
export function deriveJobs(caseRecord: Case, people: CaseRecipients, config: FollowUpConfig, now: Date): Job[] {
  if (caseRecord.status !== 'open') return [];
  const drafts = [
    ...clientCheckIns(caseRecord, people, config, now),
    ...workerTasksDue(caseRecord, people, config),
    ...reviewReminders(caseRecord, people, config, now),
    ...overdueReviews(caseRecord, people, config, now),
    ...helpRequests(caseRecord, people, config),
    ...unansweredHelp(caseRecord, people, config),
    ...supervisorReminders(caseRecord, people, config),
    ...assignmentNotices(caseRecord),
  ];
  const staleBefore = now.getTime() - config.followUps.staleAfterDays * DAY_MS;
  const fresh = drafts.filter((draft) => Date.parse(draft.dueAt) >= staleBefore);
  // Escalations are never stale: a supervisor must hear of a crisis however late.
  return unique([...fresh, ...escalations(caseRecord, people)].map((draft) => newJob(draft, now)));
}

/** Monday's plan for a worker: this Monday's while it is still Monday for them, and the next. */
export function deriveStaffJobs(staff: Staff, config: FollowUpConfig, now: Date): Job[] {
  if (staff.role !== 'worker') return [];
  const rules = staffRules(staff, config);
  const today = wallTime(now, rules.timeZone).date;
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  const recipient = { role: 'worker' as const, staffId: staff.id };
  const instants = [monday, addDays(monday, 7)].map((day) => onDay(day, config.followUps.weeklyPlanTime, { ...rules, weekends: true }));
  return instants
    .filter((instant) => instant > now || wallTime(instant, rules.timeZone).date === today)
    .map((instant) => newJob({ kind: 'weeklyPlan', recipient, subject: {}, dueAt: instant.toISOString() }, now));
}

/** Whether the client can get prompts at some time: consent held, and any pause has an end. */
function clientEverReachable(caseRecord: Case): boolean {
  const consented = caseRecord.consent.messaging && !caseRecord.consent.messagingWithdrawnAt;
  return consented && (!caseRecord.followUpPause || caseRecord.followUpPause.until !== undefined);
}

/** Whether the client may get prompts at `instant`: consent to messages held, prompts not paused. */
export function clientReachableAt(caseRecord: Case, instant: Date): boolean {
  if (!caseRecord.consent.messaging || caseRecord.consent.messagingWithdrawnAt) return false;
  const pause = caseRecord.followUpPause;
  return !pause || (pause.until !== undefined && instant.getTime() >= Date.parse(pause.until));
}

function clientCheckIns(caseRecord: Case, people: CaseRecipients, config: FollowUpConfig, now: Date): JobDraft[] {
  const rules = clientRules(caseRecord, config);
  const drafts: JobDraft[] = [];
  for (const task of caseRecord.tasks) {
    if (task.status !== 'open' || task.owner !== 'client') continue;
    const base = { caseId: caseRecord.id, subject: { taskId: task.id } };
    for (const instant of currentOf(checkInSeries(caseRecord, task, rules, config, now), now)) {
      drafts.push({ ...base, kind: 'clientCheckIn', recipient: { role: 'client' }, dueAt: instant.toISOString() });
    }
    // The worker hears once per silence: the reply window runs from the first prompt not answered.
    const first = firstCheckIn(caseRecord, task, rules, config);
    if (first && people.worker) {
      const late = new Date(first.getTime() + config.checkInReplyWindowHours * HOUR_MS);
      const dueAt = outOfQuietHours(late, staffRules(people.worker, config)).toISOString();
      drafts.push({ ...base, kind: 'missedCheckIn', recipient: { role: 'worker', staffId: people.worker.id }, dueAt });
    }
  }
  return drafts;
}

/**
 * The client's check-in prompts for a task, from near the stale limit up to the first
 * after `now`: every `checkInEveryDays` after the day the client was last heard of (a
 * progress entry, or the commitment), and on the due date; none while they cannot be
 * messaged. Later prompts are derived when their turn comes near.
 */
export function checkInSeries(caseRecord: Case, task: Task, rules: DeliveryRules, config: FollowUpConfig, now: Date): Date[] {
  const fromDay = addDays(wallTime(now, rules.timeZone).date, -(config.followUps.staleAfterDays + 2));
  const instants: Date[] = [];
  for (const instant of checkInInstants(caseRecord, task, rules, config, fromDay)) {
    instants.push(instant);
    if (instant.getTime() > now.getTime()) break;
  }
  return uniqueInstants(instants);
}

/** The first prompt the client could not have answered yet, however long ago. */
function firstCheckIn(caseRecord: Case, task: Task, rules: DeliveryRules, config: FollowUpConfig): Date | undefined {
  const until = caseRecord.followUpPause?.until;
  const fromDay = until === undefined ? '0000-01-01' : wallTime(new Date(until), rules.timeZone).date;
  return checkInInstants(caseRecord, task, rules, config, fromDay).next().value ?? undefined;
}

function* checkInInstants(caseRecord: Case, task: Task, rules: DeliveryRules, config: FollowUpConfig, fromDay: string): Generator<Date> {
  if (!clientEverReachable(caseRecord)) return;
  const lastHeard = task.progress.reduce((latest, entry) => Math.max(latest, Date.parse(entry.at)), Date.parse(task.commitment.at));
  const lastHeardDay = wallTime(new Date(lastHeard), rules.timeZone).date;
  const place = (day: string) => onDay(day, day === task.dueDate ? dueDayTime(task, config.followUps.clientTime) : config.followUps.clientTime, rules);
  const wanted = (instant: Date) => instant.getTime() > lastHeard && clientReachableAt(caseRecord, instant);
  const every = task.checkInEveryDays;
  // Start at `fromDay` rather than walk every step of a long silence.
  const steps = Math.max(1, Math.ceil(daysBetween(lastHeardDay, fromDay) / every));
  const days = function* () {
    for (let day = addDays(lastHeardDay, steps * every); day < task.dueDate; day = addDays(day, every)) yield day;
    // None on the day they were last heard of: they have just spoken.
    if (task.dueDate > lastHeardDay) yield task.dueDate;
  };
  for (const day of days()) {
    const instant = place(day);
    if (wanted(instant)) yield instant;
  }
}

/**
 * The due day's prompt comes at the time the task was set for («la cita a las 12») when that is
 * later than the usual time, so it does not ask about the day before the hour has come.
 */
function dueDayTime(task: Task, usual: string): string {
  return task.dueTime && clockMinutes(task.dueTime) > clockMinutes(usual) ? task.dueTime : usual;
}

function workerTasksDue(caseRecord: Case, people: CaseRecipients, config: FollowUpConfig): JobDraft[] {
  const worker = people.worker;
  if (!worker) return [];
  const rules = staffRules(worker, config);
  return caseRecord.tasks
    .filter((task) => task.status === 'open' && task.owner === 'worker')
    .map((task) => ({
      kind: 'workerTaskDue',
      caseId: caseRecord.id,
      recipient: { role: 'worker', staffId: worker.id },
      subject: { taskId: task.id },
      dueAt: onDay(task.dueDate, config.followUps.staffTime, rules, 'before').toISOString(),
    }));
}

function reviewReminders(caseRecord: Case, people: CaseRecipients, config: FollowUpConfig, now: Date): JobDraft[] {
  const worker = people.worker;
  const reviewDate = caseRecord.nextReviewDate;
  if (!worker || !reviewDate) return [];
  const rules = staffRules(worker, config);
  const days = [addDays(reviewDate, -config.reviewReminderDaysBefore), reviewDate];
  const instants = uniqueInstants(days.map((day) => onDay(day, config.followUps.staffTime, rules, 'before')));
  return currentOf(instants, now).map((instant) => ({
    kind: 'reviewReminder',
    caseId: caseRecord.id,
    recipient: { role: 'worker', staffId: worker.id },
    subject: { reviewDate },
    dueAt: instant.toISOString(),
  }));
}

/**
 * From the first day past the grace period, each working morning until the review is held:
 * the overdue-review alert to every supervisor of the team, and a reminder to the worker.
 */
function overdueReviews(caseRecord: Case, people: CaseRecipients, config: FollowUpConfig, now: Date): JobDraft[] {
  const reviewDate = caseRecord.nextReviewDate;
  if (!reviewDate) return [];
  const firstOverdueDay = addDays(reviewDate, config.reviewGraceDays + 1);
  const series = (staff: Staff, kind: 'overdueReview' | 'reviewReminder', role: 'supervisor' | 'worker'): JobDraft[] => {
    const rules = staffRules(staff, config);
    const today = wallTime(now, rules.timeZone).date;
    // A week around today always holds a working morning before and after now.
    // ISO dates sort as text: the later of the two.
    const from = [firstOverdueDay, addDays(today, -4)].sort()[1]!;
    const days = Array.from({ length: Math.max(0, daysBetween(from, addDays(today, 4)) + 1) }, (_, i) => addDays(from, i));
    const instants = uniqueInstants(days.map((day) => onDay(day, config.followUps.staffTime, rules)));
    return currentOf(instants, now).map(
      (instant): JobDraft => ({ kind, caseId: caseRecord.id, recipient: { role, staffId: staff.id }, subject: { reviewDate }, dueAt: instant.toISOString() }),
    );
  };
  const toWorker = people.worker ? series(people.worker, 'reviewReminder', 'worker') : [];
  return [...people.supervisors.flatMap((supervisor) => series(supervisor, 'overdueReview', 'supervisor')), ...toWorker];
}

function helpRequests(caseRecord: Case, people: CaseRecipients, config: FollowUpConfig): JobDraft[] {
  const worker = people.worker;
  if (!worker) return [];
  const rules = staffRules(worker, config);
  return caseRecord.tasks
    .filter((task) => task.status === 'open')
    .flatMap((task) =>
      task.progress
        .filter((entry) => entry.needsHelp && entry.source === 'client')
        .map(
          (entry): JobDraft => ({
            kind: 'helpRequest',
            caseId: caseRecord.id,
            recipient: { role: 'worker', staffId: worker.id },
            subject: { taskId: task.id, progressAt: entry.at },
            dueAt: outOfQuietHours(new Date(entry.at), rules).toISOString(),
          }),
        ),
    );
}

/**
 * A help request the worker has not answered in time (no contact logged since it, no
 * worker's entry on the task since it) goes to every supervisor of the team.
 */
function unansweredHelp(caseRecord: Case, people: CaseRecipients, config: FollowUpConfig): JobDraft[] {
  const answeredSince = (task: Task, at: string) =>
    caseRecord.contacts.some((contact) => contact.date >= at.slice(0, 10)) || task.progress.some((entry) => entry.source === 'worker' && entry.at > at);
  return caseRecord.tasks
    .filter((task) => task.status === 'open')
    .flatMap((task) =>
      task.progress
        .filter((entry) => entry.needsHelp && entry.source === 'client' && !answeredSince(task, entry.at))
        .flatMap((entry) =>
          people.supervisors.map(
            (supervisor): JobDraft => ({
              kind: 'helpUnanswered',
              caseId: caseRecord.id,
              recipient: { role: 'supervisor', staffId: supervisor.id },
              subject: { taskId: task.id, progressAt: entry.at },
              dueAt: outOfQuietHours(new Date(Date.parse(entry.at) + config.followUps.helpAnswerHours * HOUR_MS), staffRules(supervisor, config)).toISOString(),
            }),
          ),
        ),
    );
}

/** The worker hears at once (out of quiet hours) when a supervisor's decision on an alert was to remind them. */
function supervisorReminders(caseRecord: Case, people: CaseRecipients, config: FollowUpConfig): JobDraft[] {
  const worker = people.worker;
  if (!worker) return [];
  const rules = staffRules(worker, config);
  return caseRecord.alerts.flatMap((alert) =>
    alert.decision?.choice !== 'remindWorker'
      ? []
      : [
          {
            kind: 'supervisorReminder',
            caseId: caseRecord.id,
            recipient: { role: 'worker', staffId: worker.id },
            subject: { alertId: alert.id },
            dueAt: outOfQuietHours(new Date(alert.decision.at), rules).toISOString(),
          } satisfies JobDraft,
        ],
  );
}

/**
 * When a supervisor gives the case to another worker, both workers hear of it at once
 * (held past their quiet hours when sent); one who was in the conversation was told there.
 */
function assignmentNotices(caseRecord: Case): JobDraft[] {
  return (caseRecord.assignments ?? []).flatMap((assignment) =>
    toldByMessage(assignment).map(
      (staffId): JobDraft => ({
        kind: 'caseAssigned',
        caseId: caseRecord.id,
        recipient: { role: 'worker', staffId },
        subject: { assignmentId: assignment.id },
        dueAt: assignment.at,
      }),
    ),
  );
}

/**
 * Every alert not yet delivered goes to every supervisor of the team, at once; one already
 * decided on needs telling no more. An 'overdueReview' alert only records a decision: the
 * overdue-review follow-ups come from the review date.
 */
function escalations(caseRecord: Case, people: CaseRecipients): JobDraft[] {
  return caseRecord.alerts
    .filter((alert) => !alert.deliveredAt && !alert.decision && alert.kind !== 'overdueReview')
    .flatMap((alert) =>
      people.supervisors.map(
        (supervisor): JobDraft => ({
          kind: 'escalation',
          caseId: caseRecord.id,
          recipient: { role: 'supervisor', staffId: supervisor.id },
          subject: { alertId: alert.id },
          dueAt: new Date(alert.at).toISOString(),
        }),
      ),
    );
}

/** Of a series in time order, the latest instant at or before `now` and the first after it. */
export function currentOf(instants: readonly Date[], now: Date): Date[] {
  const nextIndex = instants.findIndex((instant) => instant.getTime() > now.getTime());
  if (nextIndex === -1) return instants.slice(-1);
  return instants.slice(Math.max(0, nextIndex - 1), nextIndex + 1);
}

/** When a client may get prompts: their zone (or the default), quiet hours, weekends as set. */
export function clientRules(caseRecord: { client: Pick<Case['client'], 'timeZone'> }, config: FollowUpConfig): DeliveryRules {
  const zone = knowsZone(caseRecord.client.timeZone) ? caseRecord.client.timeZone : config.defaultTimeZone;
  return { timeZone: zone, quietHours: config.quietHours, weekends: config.followUps.clientWeekends };
}

/** When a staff member gets follow-ups: their zone (or the default), quiet hours, weekends as set. */
export function staffRules(staff: Staff, config: FollowUpConfig): DeliveryRules {
  const zone = knowsZone(staff.timeZone) ? staff.timeZone : config.defaultTimeZone;
  return { timeZone: zone, quietHours: config.quietHours, weekends: config.followUps.staffWeekends };
}

function uniqueInstants(instants: readonly Date[]): Date[] {
  const seen = new Set<number>();
  return instants.filter((instant) => !seen.has(instant.getTime()) && seen.add(instant.getTime())).sort((a, b) => a.getTime() - b.getTime());
}

function unique(jobs: readonly Job[]): Job[] {
  return [...new Map(jobs.map((job) => [job.id, job])).values()];
}
