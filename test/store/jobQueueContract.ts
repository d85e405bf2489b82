// What every JobQueue must do, run against each implementation.
import { describe, expect, it } from 'vitest';
import { newJob, type Job, type JobKind } from '../../src/domain/followups/job.js';
import type { JobQueue } from '../../src/domain/followups/queue.js';

export const T0 = new Date('2027-01-11T09:00:00Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const LEASE = 5 * 60_000;

export function job(minutes: number, overrides: { caseId?: string; taskId?: string; kind?: JobKind } = {}): Job {
  return newJob(
    {
      kind: overrides.kind ?? 'clientCheckIn',
      caseId: overrides.caseId ?? 'C-1',
      recipient: { role: 'client' },
      subject: { taskId: overrides.taskId ?? 'T-1' },
      dueAt: at(minutes).toISOString(),
    },
    T0,
  );
}

export function jobQueueContract(name: string, open: () => Promise<JobQueue>): void {
  describe(`${name}: the job port`, () => {
    it('stores a job once however often it is scheduled, and lists it under its case', async () => {
      const queue = await open();
      const one = job(0);
      await queue.schedule([one]);
      await queue.schedule([one, { ...one, createdAt: at(5).toISOString() }]);
      expect(await queue.pendingFor('case:C-1')).toEqual([one]);
      expect(await queue.pendingFor('case:C-2')).toEqual([]);
    });

    it('refuses an invalid job with a clear error and stores none of the batch', async () => {
      const queue = await open();
      const bad = { ...job(1), dueAt: 'tomorrow' };
      await expect(queue.schedule([job(0), bad])).rejects.toThrow(/dueAt/);
      expect(await queue.pendingFor('case:C-1')).toEqual([]);
    });

    it('claims only what is due, earliest first, up to the limit, counting an attempt', async () => {
      const queue = await open();
      await queue.schedule([job(10), job(0, { taskId: 'T-2' }), job(-30, { taskId: 'T-3' }), job(-5, { taskId: 'T-4' })]);
      const claimed = await queue.claimDue(at(0), 'A', LEASE, 2);
      expect(claimed.map((j) => j.subject.taskId)).toEqual(['T-3', 'T-4']);
      expect(claimed.every((j) => j.status === 'claimed' && j.lease?.owner === 'A' && j.attempts === 1)).toBe(true);
      expect(claimed[0]!.lease?.until).toBe(at(5).toISOString());
      expect((await queue.claimDue(at(0), 'A', LEASE, 10)).map((j) => j.subject.taskId)).toEqual(['T-2']);
      expect(await queue.claimDue(at(4), 'A', LEASE, 10)).toEqual([]);
    });

    it('never gives one job to two owners at once; a lapsed lease lets another take it', async () => {
      const queue = await open();
      await queue.schedule([job(0)]);
      const [first, second] = await Promise.all([queue.claimDue(at(0), 'A', LEASE, 10), queue.claimDue(at(0), 'B', LEASE, 10)]);
      expect(first!.length + second!.length).toBe(1);
      const holder = first!.length === 1 ? 'A' : 'B';
      const other = holder === 'A' ? 'B' : 'A';
      expect(await queue.claimDue(at(4), other, LEASE, 10)).toEqual([]);
      const retaken = await queue.claimDue(at(5), other, LEASE, 10);
      expect(retaken.map((j) => [j.lease?.owner, j.attempts])).toEqual([[other, 2]]);
      // The first owner has lost it: its outcome is not recorded.
      expect(await queue.markSent(retaken[0]!.id, holder, at(6))).toBe(false);
      expect(await queue.markSent(retaken[0]!.id, other, at(6))).toBe(true);
    });

    it('never claims a job once sent, and scheduling it again leaves it sent', async () => {
      const queue = await open();
      const one = job(0);
      await queue.schedule([one]);
      await queue.claimDue(at(0), 'A', LEASE, 10);
      expect(await queue.markSent(one.id, 'A', at(1))).toBe(true);
      expect(await queue.markSent(one.id, 'A', at(1))).toBe(false);
      await queue.schedule([one]);
      expect(await queue.claimDue(at(60), 'A', LEASE, 10)).toEqual([]);
      expect(await queue.pendingFor('case:C-1')).toEqual([]);
    });

    it('retries a failed job from its retry time, and never one given up', async () => {
      const queue = await open();
      const [retried, lost] = [job(0), job(0, { taskId: 'T-2' })];
      await queue.schedule([retried, lost]);
      await queue.claimDue(at(0), 'A', LEASE, 10);
      expect(await queue.markFailed(retried.id, 'A', 'HTTP 429', at(20), at(1))).toBe(true);
      expect(await queue.markFailed(lost.id, 'A', 'unreachable: 403', null, at(1))).toBe(true);
      expect(await queue.markFailed(lost.id, 'B', 'again', null, at(1))).toBe(false);
      expect(await queue.claimDue(at(19), 'A', LEASE, 10)).toEqual([]);
      const again = await queue.claimDue(at(20), 'B', LEASE, 10);
      expect(again.map((j) => [j.id, j.attempts, j.lastError, j.retryAt])).toEqual([[retried.id, 2, 'HTTP 429', undefined]]);
      expect(await queue.claimDue(at(600), 'C', LEASE, 10)).toEqual([retried].map(() => expect.objectContaining({ id: retried.id })));
      expect((await queue.pendingFor('case:C-1')).map((j) => j.id)).toEqual([retried.id]);
    });

    it('cancels pending jobs only, and brings a cancelled job back when it is wanted again', async () => {
      const queue = await open();
      const [waiting, busy] = [job(10), job(0, { taskId: 'T-2' })];
      await queue.schedule([waiting, busy]);
      await queue.claimDue(at(0), 'A', 60 * 60_000, 10);
      await queue.cancel([waiting.id, busy.id, 'J-unknown'], at(1));
      expect((await queue.pendingFor('case:C-1')).map((j) => [j.id, j.status])).toEqual([[busy.id, 'claimed']]);
      expect(await queue.claimDue(at(10), 'B', LEASE, 10)).toEqual([]);
      await queue.schedule([waiting]);
      expect((await queue.claimDue(at(10), 'B', LEASE, 10)).map((j) => j.id)).toEqual([waiting.id]);
    });

    it('takes back a claimed job untried until a later instant, without counting the attempt', async () => {
      const queue = await open();
      const one = job(0);
      await queue.schedule([one]);
      await queue.claimDue(at(0), 'A', LEASE, 10);
      expect(await queue.release(one.id, 'B', at(600))).toBe(false);
      expect(await queue.release(one.id, 'A', at(600))).toBe(true);
      expect(await queue.release(one.id, 'A', at(600))).toBe(false);
      expect(await queue.get(one.id)).toMatchObject({ status: 'pending', attempts: 0, retryAt: at(600).toISOString() });
      expect(await queue.claimDue(at(599), 'A', LEASE, 10)).toEqual([]);
      expect((await queue.claimDue(at(600), 'A', LEASE, 10)).map((j) => [j.id, j.attempts])).toEqual([[one.id, 1]]);
    });

    it('drops a claimed job whose reason has gone, for its owner only', async () => {
      const queue = await open();
      const one = job(0);
      await queue.schedule([one]);
      await queue.claimDue(at(0), 'A', LEASE, 10);
      expect(await queue.markDropped(one.id, 'B', at(1))).toBe(false);
      expect(await queue.markDropped(one.id, 'A', at(1))).toBe(true);
      expect(await queue.claimDue(at(60), 'B', LEASE, 10)).toEqual([]);
    });

    it('sums up what is due and unsent, and how long the oldest has waited', async () => {
      const queue = await open();
      expect(await queue.dueSummary(at(0))).toEqual({ due: 0, oldestDueMs: 0 });
      await queue.schedule([job(-30), job(-5, { taskId: 'T-2' }), job(10, { taskId: 'T-3' })]);
      expect(await queue.dueSummary(at(0))).toEqual({ due: 2, oldestDueMs: 30 * 60_000 });
      await queue.claimDue(at(0), 'A', LEASE, 1);
      expect(await queue.dueSummary(at(0))).toEqual({ due: 1, oldestDueMs: 5 * 60_000 });
    });

    it('prunes finished jobs due before a date, and keeps open ones', async () => {
      const queue = await open();
      const [done, open_, later] = [job(-600), job(-500, { taskId: 'T-2' }), job(0, { taskId: 'T-3' })];
      await queue.schedule([done, open_, later]);
      await queue.claimDue(at(-600), 'A', LEASE, 1);
      await queue.markSent(done.id, 'A', at(-599));
      expect(await queue.prune(at(-1))).toBe(1);
      // Forgotten: scheduling it again would make it pending (derivation no longer asks for it by then).
      expect((await queue.pendingFor('case:C-1')).map((j) => j.id).sort()).toEqual([open_.id, later.id].sort());
    });

    it("lists a person's jobs given up on, earliest first, until they are shown", async () => {
      const queue = await open();
      const [late, early, retried, otherCase] = [job(10), job(-10, { taskId: 'T-2' }), job(0, { taskId: 'T-3' }), job(0, { caseId: 'C-2' })];
      await queue.schedule([late, early, retried, otherCase]);
      await queue.claimDue(at(10), 'A', LEASE, 10);
      for (const lost of [late, early, otherCase]) await queue.markFailed(lost.id, 'A', 'unreachable: BotNotInConversationRoster', null, at(11));
      await queue.markFailed(retried.id, 'A', 'HTTP 503', at(30), at(11));
      expect((await queue.failedFor('client:C-1')).map((j) => j.id)).toEqual([early.id, late.id]);
      expect((await queue.failedFor('client:C-2')).map((j) => j.id)).toEqual([otherCase.id]);
      expect(await queue.failedFor('staff:S-1')).toEqual([]);

      await queue.markShown([early.id, retried.id, 'J-unknown'], at(12));
      expect((await queue.failedFor('client:C-1')).map((j) => j.id)).toEqual([late.id]);
      expect(await queue.get(early.id)).toMatchObject({ status: 'sent', finishedAt: at(12).toISOString() });
      // Only a job given up on is shown this way; one waiting for its retry stays with the scheduler.
      expect(await queue.get(retried.id)).toMatchObject({ status: 'pending', retryAt: at(30).toISOString() });
      expect(await queue.get('J-unknown')).toBeUndefined();

      // One whose reason has gone is dismissed: neither listed nor shown any more.
      await queue.dismiss([late.id, retried.id], at(13));
      expect(await queue.failedFor('client:C-1')).toEqual([]);
      expect(await queue.get(late.id)).toMatchObject({ status: 'cancelled', finishedAt: at(13).toISOString() });
      expect(await queue.get(retried.id)).toMatchObject({ status: 'pending' });
      await queue.markShown([late.id], at(14));
      expect(await queue.get(late.id)).toMatchObject({ status: 'cancelled' });
    });

    it('keeps weekly plans under their worker', async () => {
      const queue = await open();
      const plan = newJob({ kind: 'weeklyPlan', recipient: { role: 'worker', staffId: 'S-1' }, subject: {}, dueAt: T0.toISOString() }, T0);
      await queue.schedule([plan]);
      expect(await queue.pendingFor('staff:S-1')).toEqual([plan]);
    });
  });
}
