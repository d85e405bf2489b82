import { describe, expect, it } from 'vitest';
import { deriveJobs } from '../../../src/domain/followups/derive.js';
import { newJob, type Job } from '../../../src/domain/followups/job.js';
import { reconcile } from '../../../src/domain/followups/reconcile.js';
import { defaultFollowUpConfig as config } from '../../../src/domain/followups/settings.js';
import type { Case } from '../../../src/domain/schemas.js';
import { makeCase, makeStaff, makeTask } from '../fixtures.js';

const now = new Date('2027-01-05T12:00:00Z');
const people = { worker: makeStaff(), supervisors: [makeStaff({ id: 'S-SUPER', role: 'supervisor' })] };
const derive = (caseRecord: Case) => deriveJobs(caseRecord, people, config, now);

function checkIn(dueAt: string, status: Job['status'] = 'pending'): Job {
  const job = newJob({ kind: 'clientCheckIn', caseId: 'C-TEST01', recipient: { role: 'client' }, subject: { taskId: 'T-TEST01' }, dueAt }, now);
  return { ...job, status };
}

describe('reconcile', () => {
  it('schedules what is new, cancels what is no longer wanted, leaves what matches', () => {
    const keep = checkIn('2027-01-11T09:00:00Z');
    const add = checkIn('2027-01-18T09:00:00Z');
    const drop = checkIn('2027-01-12T09:00:00Z');
    expect(reconcile([keep, add], [keep, drop])).toEqual({ schedule: [add], cancel: [drop.id] });
  });

  it('leaves a claimed job to its scheduler', () => {
    const claimed = checkIn('2027-01-12T09:00:00Z', 'claimed');
    expect(reconcile([], [claimed])).toEqual({ schedule: [], cancel: [] });
  });

  it('changes nothing when run again on its own result', () => {
    const desired = derive(makeCase({ tasks: [makeTask()], nextReviewDate: '2027-03-01' }));
    const first = reconcile(desired, []);
    expect(first.schedule.length).toBe(desired.length);
    expect(reconcile(derive(makeCase({ tasks: [makeTask()], nextReviewDate: '2027-03-01' })), first.schedule)).toEqual({ schedule: [], cancel: [] });
  });

  it('reschedules a moved task, and cancels everything of a task done or a case closed', () => {
    const before = derive(makeCase({ tasks: [makeTask({ dueDate: '2027-01-08' })] }));
    const moved = derive(makeCase({ tasks: [makeTask({ dueDate: '2027-01-09' })] }));
    const change = reconcile(moved, before);
    // The due-date check-in moves, and with it the missed-check-in notice that follows it.
    expect(change.cancel.sort()).toEqual(before.map((job) => job.id).sort());
    expect(change.schedule.map((job) => `${job.kind} ${job.dueAt}`).sort()).toEqual([
      'clientCheckIn 2027-01-09T09:00:00.000Z',
      'missedCheckIn 2027-01-11T09:00:00.000Z',
    ]);

    expect(reconcile(derive(makeCase({ tasks: [makeTask({ status: 'done' })] })), before).cancel.sort()).toEqual(before.map((job) => job.id).sort());
    const closed = makeCase({ status: 'closed', tasks: [makeTask({ dueDate: '2027-01-08' })] });
    expect(reconcile(derive(closed), before)).toEqual({ schedule: [], cancel: before.map((job) => job.id) });
  });

  it('never cancels an event: an escalation no longer derived once one supervisor heard, a failed delivery told to the worker', () => {
    const escalation = newJob(
      {
        kind: 'escalation',
        caseId: 'C-TEST01',
        recipient: { role: 'supervisor', staffId: 'S-SUPER2' },
        subject: { alertId: 'AL-1' },
        dueAt: now.toISOString(),
      },
      now,
    );
    const notice = newJob(
      {
        kind: 'deliveryFailed',
        caseId: 'C-TEST01',
        recipient: { role: 'worker', staffId: 'S-WORKER' },
        subject: { failedJobId: 'J-1', reason: 'ConversationBlockedByUser' },
        dueAt: now.toISOString(),
      },
      now,
    );
    const stale = checkIn('2027-01-12T09:00:00Z');
    expect(reconcile([], [escalation, notice, stale])).toEqual({ schedule: [], cancel: [stale.id] });
  });
});
