import { describe, expect, it } from 'vitest';
import { deriveJobs, deriveStaffJobs, type CaseRecipients } from '../../../src/domain/followups/derive.js';
import { JobSchema, type Job } from '../../../src/domain/followups/job.js';
import { defaultFollowUpConfig as config, type FollowUpConfig } from '../../../src/domain/followups/settings.js';
import type { Case } from '../../../src/domain/schemas.js';
import { makeCase, makeContact, makeProgress, makeStaff, makeTask, WORKER_ID } from '../fixtures.js';

const worker = makeStaff();
const supervisor = makeStaff({ id: 'S-SUPER', role: 'supervisor', timeZone: 'America/Mexico_City' });
const people: CaseRecipients = { worker, supervisors: [supervisor] };

/** `kind → who @ due` lines, sorted, for readable comparisons. */
function lines(jobs: readonly Job[]): string[] {
  return jobs
    .map((job) => {
      const who = job.recipient.role === 'client' ? 'client' : job.recipient.staffId;
      return `${job.kind} → ${who} @ ${job.dueAt}`;
    })
    .sort();
}

function derive(caseRecord: Case, now: string, settings: FollowUpConfig = config, recipients = people): Job[] {
  return deriveJobs(caseRecord, recipients, settings, new Date(now));
}

// The task was committed on Monday 2027-01-04 at 10:00 in Madrid, weekly check-ins, due Monday 2027-02-01.
const clientTask = makeTask();

describe('client check-ins', () => {
  it('asks at the next check-in time, and tells the worker if no answer comes within 48 h', () => {
    const jobs = derive(makeCase({ tasks: [clientTask] }), '2027-01-05T12:00:00Z');
    expect(lines(jobs)).toEqual(['clientCheckIn → client @ 2027-01-11T09:00:00.000Z', `missedCheckIn → ${WORKER_ID} @ 2027-01-13T09:00:00.000Z`]);
    for (const job of jobs) expect(JobSchema.parse(job)).toEqual(job);
    expect(jobs.find((job) => job.kind === 'clientCheckIn')).toMatchObject({ caseId: 'C-TEST01', subject: { taskId: 'T-TEST01' }, status: 'pending' });
  });

  it('keeps the one due now and the next one', () => {
    expect(lines(derive(makeCase({ tasks: [clientTask] }), '2027-01-11T09:00:00Z'))).toEqual([
      'clientCheckIn → client @ 2027-01-11T09:00:00.000Z',
      'clientCheckIn → client @ 2027-01-18T09:00:00.000Z',
      `missedCheckIn → ${WORKER_ID} @ 2027-01-13T09:00:00.000Z`,
    ]);
  });

  it('counts the cadence from the last answer, and the missed notice from the prompt after it', () => {
    const answered = makeTask({ progress: [makeProgress({ at: '2027-01-12T15:00:00+01:00' })] });
    expect(lines(derive(makeCase({ tasks: [answered] }), '2027-01-12T15:00:00Z'))).toEqual([
      'clientCheckIn → client @ 2027-01-19T09:00:00.000Z',
      `missedCheckIn → ${WORKER_ID} @ 2027-01-21T09:00:00.000Z`,
    ]);
  });

  it('asks on the due date at the time the task was set for, when that is later than the usual time', () => {
    const at = (dueTime: string) =>
      derive(makeCase({ tasks: [makeTask({ dueTime })] }), '2027-01-26T12:00:00Z')
        .filter((job) => job.kind === 'clientCheckIn')
        .map((job) => job.dueAt);
    // Madrid is UTC+1 in winter: the usual 10:00 is 09:00Z.
    expect(at('12:30')).toEqual(['2027-01-25T09:00:00.000Z', '2027-02-01T11:30:00.000Z']);
    expect(at('08:00')).toEqual(['2027-01-25T09:00:00.000Z', '2027-02-01T09:00:00.000Z']);
    // 22:00 falls in the quiet hours: the next morning at 08:00, when they end.
    expect(at('22:00')).toEqual(['2027-01-25T09:00:00.000Z', '2027-02-02T07:00:00.000Z']);
  });

  it('asks on the due date, and keeps one missed notice through a long silence', () => {
    expect(lines(derive(makeCase({ tasks: [clientTask] }), '2027-01-26T12:00:00Z'))).toEqual([
      'clientCheckIn → client @ 2027-01-25T09:00:00.000Z',
      'clientCheckIn → client @ 2027-02-01T09:00:00.000Z',
      `missedCheckIn → ${WORKER_ID} @ 2027-01-13T09:00:00.000Z`,
    ]);
  });

  it("asks at 10:00 in the client's own zone, right across a DST change", () => {
    const mexico = makeCase({ tasks: [clientTask], client: { ...makeCase().client, timeZone: 'America/Mexico_City' } });
    expect(derive(mexico, '2027-01-05T12:00:00Z').find((job) => job.kind === 'clientCheckIn')?.dueAt).toBe('2027-01-11T16:00:00.000Z');
    const spring = makeTask({ commitment: { at: '2027-03-22T10:00:00+01:00', confirmedBy: WORKER_ID }, dueDate: '2027-04-30' });
    // Madrid moves to summer time on Sunday 2027-03-28: 10:00 is then 08:00 UTC.
    expect(lines(derive(makeCase({ tasks: [spring] }), '2027-03-29T08:00:00Z')).filter((line) => line.startsWith('client'))).toEqual([
      'clientCheckIn → client @ 2027-03-29T08:00:00.000Z',
      'clientCheckIn → client @ 2027-04-05T08:00:00.000Z',
    ]);
  });

  it('waits for the morning when the set time falls in quiet hours', () => {
    const late = { ...config, followUps: { ...config.followUps, clientTime: '22:00' } };
    expect(derive(makeCase({ tasks: [clientTask] }), '2027-01-05T12:00:00Z', late).find((job) => job.kind === 'clientCheckIn')?.dueAt).toBe(
      '2027-01-12T07:00:00.000Z',
    );
  });

  it('moves a weekend check-in to Monday when clients get none on weekends', () => {
    const saturday = makeTask({ commitment: { at: '2027-01-09T10:00:00+01:00', confirmedBy: WORKER_ID } });
    const weekdays = { ...config, followUps: { ...config.followUps, clientWeekends: false } };
    expect(derive(makeCase({ tasks: [saturday] }), '2027-01-10T12:00:00Z', weekdays).find((job) => job.kind === 'clientCheckIn')?.dueAt).toBe(
      '2027-01-18T09:00:00.000Z',
    );
  });

  it("sends the client nothing once consent to messages is withdrawn; the worker's own reminders stay", () => {
    const withdrawn = makeCase({
      tasks: [clientTask, makeTask({ id: 'T-WORKER', owner: 'worker', dueDate: '2027-01-20' })],
      consent: { ...makeCase().consent, messagingWithdrawnAt: '2027-01-05T09:00:00+01:00' },
    });
    expect(lines(derive(withdrawn, '2027-01-05T12:00:00Z'))).toEqual([`workerTaskDue → ${WORKER_ID} @ 2027-01-20T08:00:00.000Z`]);
    expect(derive(makeCase({ tasks: [clientTask], consent: { ...makeCase().consent, messaging: false } }), '2027-01-05T12:00:00Z')).toEqual([]);
  });

  it('sends the client nothing while their prompts are paused, and resumes after the pause', () => {
    const pause = { since: '2027-01-05T09:00:00Z', by: WORKER_ID, reason: 'hospital' };
    expect(derive({ ...makeCase({ tasks: [clientTask] }), followUpPause: pause }, '2027-01-05T12:00:00Z')).toEqual([]);
    const until = { ...pause, until: '2027-01-20T00:00:00Z' };
    expect(lines(derive({ ...makeCase({ tasks: [clientTask] }), followUpPause: until }, '2027-01-05T12:00:00Z'))).toEqual([
      'clientCheckIn → client @ 2027-01-25T09:00:00.000Z',
      `missedCheckIn → ${WORKER_ID} @ 2027-01-27T09:00:00.000Z`,
    ]);
  });

  it('asks nothing about a task that is done or dropped', () => {
    expect(derive(makeCase({ tasks: [makeTask({ status: 'done' }), makeTask({ id: 'T-2', status: 'dropped' })] }), '2027-01-05T12:00:00Z')).toEqual([]);
  });
});

describe('worker and supervisor follow-ups', () => {
  it('reminds the worker on the due date of their task, on the Friday when it falls on a weekend', () => {
    const task = makeTask({ owner: 'worker', dueDate: '2027-01-30' });
    expect(lines(derive(makeCase({ tasks: [task] }), '2027-01-05T12:00:00Z'))).toEqual([`workerTaskDue → ${WORKER_ID} @ 2027-01-29T08:00:00.000Z`]);
  });

  it('reminds the worker 7 days before the review and on the day', () => {
    const reviewed = makeCase({ nextReviewDate: '2027-03-01' });
    expect(lines(derive(reviewed, '2027-02-01T12:00:00Z'))).toEqual([`reviewReminder → ${WORKER_ID} @ 2027-02-22T08:00:00.000Z`]);
    expect(lines(derive(reviewed, '2027-02-23T12:00:00Z'))).toEqual([
      `reviewReminder → ${WORKER_ID} @ 2027-02-22T08:00:00.000Z`,
      `reviewReminder → ${WORKER_ID} @ 2027-03-01T08:00:00.000Z`,
    ]);
  });

  it('alerts the supervisor each working morning, in their zone, once the review is overdue', () => {
    const reviewed = makeCase({ nextReviewDate: '2027-03-01' });
    const overdue = (now: string, settings = config) => lines(derive(reviewed, now, settings)).filter((line) => line.startsWith('overdue'));
    // 09:00 in Mexico City is 15:00 UTC; the grace period is 0 days, so overdue from 2 March.
    expect(overdue('2027-03-01T20:00:00Z')).toEqual(['overdueReview → S-SUPER @ 2027-03-02T15:00:00.000Z']);
    expect(overdue('2027-03-03T20:00:00Z')).toEqual([
      'overdueReview → S-SUPER @ 2027-03-03T15:00:00.000Z',
      'overdueReview → S-SUPER @ 2027-03-04T15:00:00.000Z',
    ]);
    // Saturday: Friday's is the latest, Monday's the next.
    expect(overdue('2027-03-06T20:00:00Z')).toEqual([
      'overdueReview → S-SUPER @ 2027-03-05T15:00:00.000Z',
      'overdueReview → S-SUPER @ 2027-03-08T15:00:00.000Z',
    ]);
    expect(overdue('2027-03-01T20:00:00Z', { ...config, reviewGraceDays: 2 })).toEqual(['overdueReview → S-SUPER @ 2027-03-04T15:00:00.000Z']);
  });

  it('reminds the worker too, each working morning in their zone, while the review is overdue', () => {
    const reviewed = makeCase({ nextReviewDate: '2027-03-01' });
    const afterTheDate = (now: string) =>
      lines(derive(reviewed, now)).filter((line) => line.startsWith(`reviewReminder → ${WORKER_ID}`) && line > `reviewReminder → ${WORKER_ID} @ 2027-03-02`);
    // 09:00 in Madrid is 08:00 UTC.
    expect(afterTheDate('2027-03-03T20:00:00Z')).toEqual([
      `reviewReminder → ${WORKER_ID} @ 2027-03-03T08:00:00.000Z`,
      `reviewReminder → ${WORKER_ID} @ 2027-03-04T08:00:00.000Z`,
    ]);
    // A review held stops them.
    expect(lines(derive({ ...reviewed, nextReviewDate: '2027-06-01' }, '2027-03-03T20:00:00Z')).filter((l) => l.includes('2027-03-04'))).toEqual([]);
  });

  it('escalates an undelivered alert at once to every supervisor of the team, however late', () => {
    const other = makeStaff({ id: 'S-SUPER2', role: 'supervisor' });
    const alert = { id: 'AL-1', kind: 'safetyConcern' as const, at: '2027-01-05T23:00:00+01:00' };
    const alerted = makeCase({ alerts: [alert] });
    const both = { worker, supervisors: [supervisor, other] };
    expect(lines(derive(alerted, '2027-03-05T12:00:00Z', config, both))).toEqual([
      'escalation → S-SUPER @ 2027-01-05T22:00:00.000Z',
      'escalation → S-SUPER2 @ 2027-01-05T22:00:00.000Z',
    ]);
    expect(derive(makeCase({ alerts: [{ ...alert, deliveredAt: '2027-01-05T23:00:30+01:00' }] }), '2027-01-06T12:00:00Z')).toEqual([]);
  });

  it('tells the worker when the client asked for help, outside quiet hours and weekends', () => {
    // Friday 22:30: quiet until Saturday 08:00, and staff get nothing on weekends, so Monday 08:00.
    const asked = makeTask({ progress: [makeProgress({ at: '2027-01-08T22:30:00+01:00', needsHelp: true })] });
    expect(lines(derive(makeCase({ tasks: [asked] }), '2027-01-08T22:00:00Z')).filter((line) => line.startsWith('helpRequest'))).toEqual([
      `helpRequest → ${WORKER_ID} @ 2027-01-11T07:00:00.000Z`,
    ]);
  });

  it('tells the supervisors when a help request has no answer within a day, out of their quiet hours; an answer stops it', () => {
    // Tuesday 10:00 in Madrid; a day later it is 03:00 in Mexico City, so the supervisor hears at 08:00 there.
    const help = makeProgress({ at: '2027-01-05T10:00:00+01:00', needsHelp: true });
    const asked = makeTask({ progress: [help] });
    const unanswered = (caseRecord: Case) => lines(derive(caseRecord, '2027-01-05T09:30:00Z')).filter((line) => line.startsWith('helpUnanswered'));
    expect(unanswered(makeCase({ tasks: [asked] }))).toEqual(['helpUnanswered → S-SUPER @ 2027-01-06T14:00:00.000Z']);
    expect(unanswered(makeCase({ tasks: [asked], contacts: [makeContact({ date: '2027-01-05' })] }))).toEqual([]);
    const workerEntry = makeProgress({ at: '2027-01-05T16:00:00+01:00', source: 'worker', by: WORKER_ID });
    expect(unanswered(makeCase({ tasks: [makeTask({ progress: [help, workerEntry] })] }))).toEqual([]);
    // A contact from before the request answers nothing.
    expect(unanswered(makeCase({ tasks: [asked], contacts: [makeContact({ date: '2027-01-04' })] }))).toHaveLength(1);
  });

  it('derives nothing stale, nothing for a closed case, nothing to a worker no longer registered', () => {
    const oldTask = makeTask({ owner: 'worker', dueDate: '2026-12-01' });
    expect(derive(makeCase({ tasks: [oldTask] }), '2027-01-05T12:00:00Z')).toEqual([]);
    expect(derive(makeCase({ status: 'closed', tasks: [clientTask], nextReviewDate: '2027-01-10' }), '2027-01-05T12:00:00Z')).toEqual([]);
    expect(lines(derive(makeCase({ tasks: [clientTask] }), '2027-01-05T12:00:00Z', config, { supervisors: [] }))).toEqual([
      'clientCheckIn → client @ 2027-01-11T09:00:00.000Z',
    ]);
  });

  it('gives the same ids however often and whenever it runs', () => {
    const caseRecord = makeCase({ tasks: [clientTask], nextReviewDate: '2027-03-01' });
    const first = derive(caseRecord, '2027-01-05T12:00:00Z');
    const again = derive(caseRecord, '2027-01-06T18:00:00Z');
    expect(again.map((job) => job.id).sort()).toEqual(first.map((job) => job.id).sort());
    expect(new Set(first.map((job) => job.id)).size).toBe(first.length);
    expect(again[0]!.createdAt).not.toBe(first[0]!.createdAt);
  });
});

describe('weekly plan', () => {
  it('comes on Monday morning, while it is still Monday for the worker', () => {
    const plan = (now: string) => deriveStaffJobs(worker, config, new Date(now)).map((job) => `${job.kind} @ ${job.dueAt}`);
    expect(plan('2027-01-06T12:00:00Z')).toEqual(['weeklyPlan @ 2027-01-11T07:30:00.000Z']);
    expect(plan('2027-01-11T10:00:00Z')).toEqual(['weeklyPlan @ 2027-01-11T07:30:00.000Z', 'weeklyPlan @ 2027-01-18T07:30:00.000Z']);
    expect(plan('2027-01-12T07:00:00Z')).toEqual(['weeklyPlan @ 2027-01-18T07:30:00.000Z']);
    expect(deriveStaffJobs(supervisor, config, new Date('2027-01-06T12:00:00Z'))).toEqual([]);
  });
});

describe("supervisors' decisions on alerts", () => {
  const crisis = { id: 'AL-CRSSAB', kind: 'domainCrisis' as const, at: '2027-01-05T22:00:00Z' };

  it('an alert decided before it was delivered is not escalated; a decision record of an overdue review never is', () => {
    const decided = { ...crisis, decision: { choice: 'continue' as const, by: 'S-SUPER', at: '2027-01-05T22:10:00Z' } };
    const overdue = { id: 'AL-OVRDAB', kind: 'overdueReview' as const, at: '2027-01-05T22:10:00Z', reviewDate: '2027-01-04' };
    expect(lines(derive(makeCase({ alerts: [crisis] }), '2027-01-05T22:05:00Z'))).toEqual(['escalation → S-SUPER @ 2027-01-05T22:00:00.000Z']);
    expect(lines(derive(makeCase({ alerts: [decided, overdue] }), '2027-01-05T22:15:00Z'))).toEqual([]);
  });

  it('"remind the worker" gives the worker a reminder at once, out of quiet hours', () => {
    const remind = (at: string) => ({ ...crisis, deliveredAt: '2027-01-05T22:00:30Z', decision: { choice: 'remindWorker' as const, by: 'S-SUPER', at } });
    // 10:00 in Madrid: at once.
    expect(derive(makeCase({ alerts: [remind('2027-01-06T09:00:00Z')] }), '2027-01-06T09:00:00Z')).toEqual([
      expect.objectContaining({
        kind: 'supervisorReminder',
        recipient: { role: 'worker', staffId: WORKER_ID },
        subject: { alertId: 'AL-CRSSAB' },
        dueAt: '2027-01-06T09:00:00.000Z',
      }),
    ]);
    // 23:00 in Madrid (the supervisor is in Mexico): the worker hears at 08:00.
    expect(lines(derive(makeCase({ alerts: [remind('2027-01-06T22:00:00Z')] }), '2027-01-06T22:00:00Z'))).toEqual([
      `supervisorReminder → ${WORKER_ID} @ 2027-01-07T07:00:00.000Z`,
    ]);
    expect(derive(makeCase({ alerts: [remind('2027-01-06T09:00:00Z')] }), '2027-01-06T09:00:00Z', config, { supervisors: [supervisor] })).toEqual([]);
  });
});
