import { caseHeader } from '../../src/domain/caseHeader.js';
import { describe, expect, it } from 'vitest';
import { FollowUpPlanner, type FollowUpLookup } from '../../src/app/followUpPlanner.js';
import { FollowUpScheduler } from '../../src/app/scheduler.js';
import type { Job } from '../../src/domain/followups/job.js';
import { defaultFollowUpConfig as config } from '../../src/domain/followups/settings.js';
import type { Case, Staff } from '../../src/domain/schemas.js';
import { MemoryJobQueue } from '../../src/store/memoryJobQueue.js';
import { makeCase, makeProgress, makeStaff, makeTask, WORKER_ID } from '../domain/fixtures.js';
import { FakeClock, FakeOutbox } from './schedulerHarness.js';

const HALF_HOUR = 30 * 60_000;

/** Cases and staff held in maps, as the store would hand them over. */
class Records implements FollowUpLookup {
  readonly cases = new Map<string, Case>();
  readonly staff = new Map<string, Staff>([
    [WORKER_ID, makeStaff()],
    ['S-SUPER', makeStaff({ id: 'S-SUPER', role: 'supervisor' })],
  ]);
  async caseById(id: string) {
    return this.cases.get(id);
  }
  async caseHeaderById(id: string) {
    const record = this.cases.get(id);
    return record && caseHeader(record);
  }
  async staffById(id: string) {
    return this.staff.get(id);
  }
  async supervisorsOf(team: string) {
    return [...this.staff.values()].filter((s) => s.role === 'supervisor' && s.team === team);
  }
}

function setUp(start: string, caseRecord: Case = makeCase({ tasks: [makeTask()] })) {
  const records = new Records();
  records.cases.set(caseRecord.id, caseRecord);
  const clock = new FakeClock(Date.parse(start));
  const queue = new MemoryJobQueue();
  const planner = new FollowUpPlanner(queue, records, config, clock.now);
  const outbox = new FakeOutbox();
  const sent: string[] = [];
  const scheduler = new FollowUpScheduler(
    {
      queue,
      sender: outbox,
      now: clock.now,
      random: () => 0,
      stillValid: (job, now) => planner.stillWanted(job, now),
      onSent: async (jobs) => {
        for (const job of jobs)
          sent.push(`${job.kind} to ${job.recipient.role}, due ${job.dueAt.slice(0, 16)}, sent ${clock.now().toISOString().slice(0, 16)}`);
        await planner.resync(jobs);
      },
      onDropped: (jobs) => planner.resync(jobs),
    },
    { owner: 'A' },
  );
  /** Rounds every 30 minutes up to `until`, as the real loop would. */
  const runUntil = async (until: string) => {
    while (clock.ms + HALF_HOUR <= Date.parse(until)) {
      clock.advance(HALF_HOUR);
      await scheduler.tick();
    }
  };
  return { records, clock, queue, planner, scheduler, outbox, sent, runUntil };
}

const kinds = (jobs: readonly Job[]) => jobs.map((job) => `${job.kind} ${job.dueAt.slice(0, 16)}`).sort();

describe('follow-up planner', () => {
  it('schedules what the case calls for, once however often it is synced', async () => {
    const { planner, queue } = setUp('2027-01-05T12:00:00Z');
    const first = await planner.syncCase('C-TEST01');
    expect(kinds(first.schedule)).toEqual(['clientCheckIn 2027-01-11T09:00', 'missedCheckIn 2027-01-13T09:00']);
    expect(await planner.syncCase('C-TEST01')).toEqual({ schedule: [], cancel: [] });
    expect((await queue.pendingFor('case:C-TEST01')).length).toBe(2);
  });

  it("cancels a done task's prompts, and everything when the case closes", async () => {
    const { planner, queue, records } = setUp('2027-01-05T12:00:00Z', makeCase({ tasks: [makeTask(), makeTask({ id: 'T-W', owner: 'worker' })] }));
    await planner.syncCase('C-TEST01');
    const open = records.cases.get('C-TEST01')!;
    records.cases.set('C-TEST01', { ...open, tasks: [{ ...open.tasks[0]!, status: 'done' }, open.tasks[1]!] });
    expect((await planner.syncCase('C-TEST01')).cancel.length).toBe(2);
    expect(kinds(await queue.pendingFor('case:C-TEST01'))).toEqual(['workerTaskDue 2027-02-01T08:00']);
    records.cases.set('C-TEST01', { ...open, status: 'closed' });
    await planner.syncCase('C-TEST01');
    expect(await queue.pendingFor('case:C-TEST01')).toEqual([]);
  });

  it('runs a month of check-ins: each prompt once, on time, and the worker told once of the silence', async () => {
    const { planner, runUntil, sent, outbox } = setUp('2027-01-05T12:00:00Z');
    await planner.syncCase('C-TEST01');
    await runUntil('2027-02-02T12:00:00Z');
    expect(sent).toEqual([
      'clientCheckIn to client, due 2027-01-11T09:00, sent 2027-01-11T09:00',
      'missedCheckIn to worker, due 2027-01-13T09:00, sent 2027-01-13T09:00',
      'clientCheckIn to client, due 2027-01-18T09:00, sent 2027-01-18T09:00',
      'clientCheckIn to client, due 2027-01-25T09:00, sent 2027-01-25T09:00',
      'clientCheckIn to client, due 2027-02-01T09:00, sent 2027-02-01T09:00',
    ]);
    expect(outbox.attempts.length).toBe(5);
  });

  it('moves the series on when the client answers', async () => {
    const { planner, runUntil, sent, records } = setUp('2027-01-05T12:00:00Z');
    await planner.syncCase('C-TEST01');
    await runUntil('2027-01-12T10:00:00Z');
    // The client answers on Tuesday: the worker is not told of a silence, the next prompt is a week on.
    const open = records.cases.get('C-TEST01')!;
    records.cases.set('C-TEST01', { ...open, tasks: [{ ...open.tasks[0]!, progress: [makeProgress({ at: '2027-01-12T10:00:00+01:00' })] }] });
    await planner.syncCase('C-TEST01');
    await runUntil('2027-01-20T12:00:00Z');
    expect(sent).toEqual([
      'clientCheckIn to client, due 2027-01-11T09:00, sent 2027-01-11T09:00',
      'clientCheckIn to client, due 2027-01-19T09:00, sent 2027-01-19T09:00',
    ]);
  });

  it('after days down, sends the latest prompt once, not every one missed', async () => {
    const { planner, runUntil, sent, clock } = setUp('2027-01-05T12:00:00Z');
    await planner.syncCase('C-TEST01');
    await runUntil('2027-01-16T12:00:00Z');
    // Down from Saturday 16 to Wednesday 27 January: the 18th and 25th prompts fell due meanwhile.
    clock.ms = Date.parse('2027-01-27T12:00:00Z');
    await runUntil('2027-01-28T12:00:00Z');
    expect(sent).toEqual([
      'clientCheckIn to client, due 2027-01-11T09:00, sent 2027-01-11T09:00',
      'missedCheckIn to worker, due 2027-01-13T09:00, sent 2027-01-13T09:00',
      'clientCheckIn to client, due 2027-01-25T09:00, sent 2027-01-27T12:30',
    ]);
  });

  it("gathers a supervisor's overdue reviews into one message each working morning, until each review is held", async () => {
    const { planner, runUntil, outbox, records } = setUp('2027-01-08T12:00:00Z', makeCase({ nextReviewDate: '2027-01-08' }));
    records.cases.set('C-TEST02', makeCase({ id: 'C-TEST02', nextReviewDate: '2027-01-08' }));
    await planner.syncCase('C-TEST01');
    await planner.syncCase('C-TEST02');
    await runUntil('2027-01-12T12:00:00Z');
    // The review of the second case is held on Tuesday; the next is in April.
    records.cases.set('C-TEST02', makeCase({ id: 'C-TEST02', nextReviewDate: '2027-04-12' }));
    await planner.syncCase('C-TEST02');
    await runUntil('2027-01-13T12:00:00Z');
    const toSupervisor = outbox.attempts.filter((delivery) => delivery.recipient.role === 'supervisor');
    // Overdue from Saturday 9 January; supervisors get nothing at weekends, so from Monday at 09:00 Madrid.
    expect(toSupervisor.map((delivery) => [delivery.jobs[0]!.dueAt, delivery.jobs.map((job) => job.caseId)])).toEqual([
      ['2027-01-11T08:00:00.000Z', ['C-TEST01', 'C-TEST02']],
      ['2027-01-12T08:00:00.000Z', ['C-TEST01', 'C-TEST02']],
      ['2027-01-13T08:00:00.000Z', ['C-TEST01']],
    ]);
  });
});
