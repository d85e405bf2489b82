import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSchedulerOptions, FollowUpScheduler, type SchedulerDeps } from '../../src/app/scheduler.js';
import type { Job } from '../../src/domain/followups/job.js';
import type { JobQueue } from '../../src/domain/followups/queue.js';
import { MemoryJobQueue } from '../../src/store/memoryJobQueue.js';
import { dueJob, FakeClock, FakeOutbox } from './schedulerHarness.js';

const MINUTE = 60_000;
const LEASE = 10 * MINUTE;

function scheduler(queue: JobQueue, clock: FakeClock, sender: FakeOutbox, owner = 'A', deps: Partial<SchedulerDeps> = {}, options = {}) {
  return new FollowUpScheduler({ queue, sender, now: clock.now, stillValid: () => true, random: () => 0, ...deps }, { owner, leaseMs: LEASE, ...options });
}

const worker = { role: 'worker' as const, staffId: 'S-W' };

afterEach(() => vi.useRealTimers());

describe('follow-ups scheduler', () => {
  it('sends what fell due while it was down once, one message per person, oldest first', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const client = [dueJob(-180), dueJob(-60)];
    const staff = [dueJob(-30, { kind: 'reviewReminder', caseId: 'C-2', recipient: worker }), dueJob(-120, { kind: 'missedCheckIn', recipient: worker })];
    const alert = dueJob(-5, { kind: 'escalation', recipient: { role: 'supervisor', staffId: 'S-S' } });
    const later = dueJob(10);
    await queue.schedule([...client, ...staff, alert, later]);

    // One message at a time, so they go in the order of each person's oldest job.
    const round = scheduler(queue, clock, outbox, 'A', {}, { concurrency: 1 });
    expect(await round.tick()).toEqual({ claimed: 5, messages: 3, sent: 5, dropped: 0, held: 0, retried: 0, gaveUp: 0 });
    expect(outbox.shown).toEqual([
      { to: 'client:C-1', jobIds: client.map((job) => job.id) },
      { to: 'staff:S-W', jobIds: [staff[1]!.id, staff[0]!.id] },
      { to: 'staff:S-S', jobIds: [alert.id] },
    ]);
    expect(outbox.attempts[0]).toMatchObject({ recipient: { role: 'client' }, caseId: 'C-1' });
    expect((await round.tick()).claimed).toBe(0);
    clock.advance(10 * MINUTE);
    expect((await round.tick()).sent).toBe(1);
    expect(outbox.shown.at(-1)).toEqual({ to: 'client:C-1', jobIds: [later.id] });
  });

  it("drops a job whose reason has gone and sends the rest of that person's message", async () => {
    const queue = new MemoryJobQueue();
    const outbox = new FakeOutbox();
    const [gone, kept] = [dueJob(-10), dueJob(-5)];
    await queue.schedule([gone, kept]);
    const dropped: Job[][] = [];
    const round = scheduler(queue, new FakeClock(), outbox, 'A', {
      stillValid: (job) => job.id !== gone.id,
      onDropped: async (jobs) => void dropped.push([...jobs]),
    });
    expect(await round.tick()).toMatchObject({ claimed: 2, sent: 1, dropped: 1 });
    expect(outbox.shown).toEqual([{ to: 'client:C-1', jobIds: [kept.id] }]);
    expect(dropped.map((jobs) => jobs.map((job) => job.id))).toEqual([[gone.id]]);
  });

  it('never lets a second instance send a job the first is sending', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const one = dueJob(0);
    await queue.schedule([one]);
    let release!: () => void;
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const slow = new FakeOutbox();
    slow.send = async (delivery) => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      return outbox.send(delivery);
    };
    const a = scheduler(queue, clock, slow, 'A');
    const b = scheduler(queue, clock, outbox, 'B');
    const roundA = a.tick();
    await sending;
    expect(await b.tick()).toMatchObject({ claimed: 0, sent: 0 });
    release();
    expect(await roundA).toMatchObject({ claimed: 1, sent: 1 });
    expect(outbox.timesShown(one.id)).toBe(1);
  });

  it('recovers a claim left by a crashed instance once its lease ends', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const one = dueJob(0);
    await queue.schedule([one]);
    await queue.claimDue(clock.now(), 'A', LEASE, 10);
    // A dies before sending.
    const b = scheduler(queue, clock, outbox, 'B');
    clock.advance(LEASE - 1);
    expect((await b.tick()).claimed).toBe(0);
    clock.advance(1);
    expect(await b.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(outbox.timesShown(one.id)).toBe(1);
  });

  it('shows nothing twice after a crash between sending and recording it', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const one = dueJob(0);
    await queue.schedule([one]);
    const dying = new Proxy(queue, {
      get(target, property, receiver) {
        if (property === 'markSent')
          return async () => {
            throw new Error('process died');
          };
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(scheduler(dying, clock, outbox, 'A').tick()).rejects.toThrow('process died');
    clock.advance(LEASE);
    expect(await scheduler(queue, clock, outbox, 'B').tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(outbox.attempts.map((delivery) => delivery.jobs.map((job) => job.id))).toEqual([[one.id], [one.id]]);
    expect(outbox.timesShown(one.id)).toBe(1);
    expect(await queue.pendingFor('case:C-1')).toEqual([]);
  });

  it('waits out a Retry-After before trying again', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const one = dueJob(0);
    await queue.schedule([one]);
    outbox.script.push({ outcome: 'retry', error: 'HTTP 429', retryAfterMs: 2 * MINUTE });
    const round = scheduler(queue, clock, outbox);
    expect(await round.tick()).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    expect((await queue.pendingFor('case:C-1'))[0]).toMatchObject({
      status: 'pending',
      lastError: 'HTTP 429',
      retryAt: new Date(clock.ms + 2 * MINUTE).toISOString(),
    });
    clock.advance(MINUTE);
    expect((await round.tick()).claimed).toBe(0);
    clock.advance(MINUTE);
    expect(await round.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(outbox.timesShown(one.id)).toBe(1);
  });

  it('backs off exponentially with jitter, within a ceiling', () => {
    const deps = { queue: new MemoryJobQueue(), sender: new FakeOutbox(), now: () => new Date(), stillValid: () => true };
    const options = { owner: 'A', retryBaseMs: MINUTE, retryMaxMs: 30 * MINUTE };
    const low = new FollowUpScheduler({ ...deps, random: () => 0 }, options);
    const high = new FollowUpScheduler({ ...deps, random: () => 0.999 }, options);
    expect([1, 2, 3, 4].map((n) => low.retryDelay(n))).toEqual([0.5, 1, 2, 4].map((m) => m * MINUTE));
    expect(high.retryDelay(3)).toBeGreaterThan(3.9 * MINUTE);
    expect(high.retryDelay(3)).toBeLessThan(4 * MINUTE);
    expect(high.retryDelay(20)).toBeLessThan(30 * MINUTE);
    expect(low.retryDelay(1, 90_000)).toBe(90_000);
    // A Retry-After is waited out, plus at most a tenth of it, and never a second more.
    expect(low.retryDelay(1, 2_000)).toBe(2_000);
    expect(high.retryDelay(1, 2_000)).toBeGreaterThanOrEqual(2_000);
    expect(high.retryDelay(1, 2_000)).toBeLessThan(2_200);
    expect(high.retryDelay(1, 90_000)).toBeLessThan(91_000);
  });

  it('gives up after the last attempt and hands the jobs on instead of dropping them', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const one = dueJob(0);
    await queue.schedule([one]);
    outbox.script.push(new Error('socket hang up'), { outcome: 'retry', error: 'HTTP 503' }, { outcome: 'retry', error: 'HTTP 503' });
    const handedOn: [string[], string][] = [];
    const round = scheduler(
      queue,
      clock,
      outbox,
      'A',
      { onGaveUp: async (jobs, reason) => void handedOn.push([jobs.map((j) => j.id), reason]) },
      { maxAttempts: 3 },
    );
    const reports = [];
    for (let n = 0; n < 3; n++) {
      reports.push(await round.tick());
      clock.advance(10 * MINUTE);
    }
    expect(reports.map((r) => [r.retried, r.gaveUp])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(handedOn).toEqual([[[one.id], 'retriesExhausted']]);
    clock.advance(24 * 60 * MINUTE);
    expect((await round.tick()).claimed).toBe(0);
    expect(outbox.shown).toEqual([]);
  });

  it('does not retry a person who cannot be reached', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const one = dueJob(0);
    await queue.schedule([one]);
    outbox.script.push({ outcome: 'unreachable', code: 'ConversationBlockedByUser' });
    const handedOn: string[] = [];
    const round = scheduler(queue, clock, outbox, 'A', { onGaveUp: async (_jobs, reason) => void handedOn.push(reason) });
    expect(await round.tick()).toMatchObject({ retried: 0, gaveUp: 1 });
    clock.advance(60 * MINUTE);
    expect((await round.tick()).claimed).toBe(0);
    expect(handedOn).toEqual(['ConversationBlockedByUser']);
    expect(outbox.attempts.length).toBe(1);
  });

  it('retries later when it cannot tell whether a job is still wanted', async () => {
    const queue = new MemoryJobQueue();
    const outbox = new FakeOutbox();
    await queue.schedule([dueJob(0)]);
    const round = scheduler(queue, new FakeClock(), outbox, 'A', { stillValid: () => Promise.reject(new Error('store unavailable')) });
    expect(await round.tick()).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    expect(outbox.attempts).toEqual([]);
    expect((await queue.pendingFor('case:C-1'))[0]?.lastError).toMatch(/store unavailable/);
  });

  it('refuses to poll less often than every 30 seconds', () => {
    expect(() => scheduler(new MemoryJobQueue(), new FakeClock(), new FakeOutbox(), 'A', {}, { pollMs: 60_000 })).toThrow(RangeError);
  });

  it('runs a round at start and then every poll interval, until stopped', async () => {
    vi.useFakeTimers();
    const queue = new MemoryJobQueue();
    const claims = vi.spyOn(queue, 'claimDue');
    const loop = scheduler(queue, new FakeClock(), new FakeOutbox(), 'A', {}, { pollMs: 30_000 });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(claims).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(claims).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(claims).toHaveBeenCalledTimes(2);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(claims).toHaveBeenCalledTimes(2);
  });

  it("has several people's messages under way at once, each shown once, its hooks one after another", async () => {
    const queue = new MemoryJobQueue();
    const outbox = new FakeOutbox();
    const jobs = Array.from({ length: 20 }, (_, n) => dueJob(-n, { caseId: `C-${n}` }));
    await queue.schedule(jobs);
    let inFlight = 0;
    let mostInFlight = 0;
    const slow = new FakeOutbox();
    slow.send = async (delivery) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return outbox.send(delivery);
    };
    let hooksRunning = 0;
    let hooksOverlapped = false;
    const onSent = async () => {
      hooksOverlapped ||= ++hooksRunning > 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
      hooksRunning--;
    };
    const round = scheduler(queue, new FakeClock(), slow, 'A', { onSent }, { concurrency: 4 });
    expect(await round.tick()).toMatchObject({ claimed: 20, messages: 20, sent: 20 });
    expect(mostInFlight).toBe(4);
    expect(hooksOverlapped).toBe(false);
    for (const job of jobs) expect(outbox.timesShown(job.id)).toBe(1);
    expect(() => scheduler(queue, new FakeClock(), slow, 'A', {}, { concurrency: 0 })).toThrow(RangeError);
  });

  it('tries a 429 again after its Retry-After, not at the next poll', async () => {
    vi.useFakeTimers();
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const one = dueJob(0);
    await queue.schedule([one]);
    outbox.script.push({ outcome: 'retry', error: 'HTTP 429', retryAfterMs: 2_000 });
    const claims = vi.spyOn(queue, 'claimDue');
    const loop = scheduler(queue, clock, outbox, 'A', {}, { pollMs: 30_000 });
    const elapse = async (ms: number) => {
      clock.advance(ms);
      await vi.advanceTimersByTimeAsync(ms);
    };
    loop.start();
    await elapse(0);
    expect(outbox.attempts).toHaveLength(1);
    expect(loop.nextRoundInMs()).toBe(2_000);
    await elapse(1_999);
    expect(outbox.attempts).toHaveLength(1);
    await elapse(1);
    expect(outbox.attempts).toHaveLength(2);
    expect(outbox.timesShown(one.id)).toBe(1);
    // Nothing handed back: the round after is a whole poll away.
    const roundsSoFar = claims.mock.calls.length;
    expect(loop.nextRoundInMs()).toBe(30_000);
    await elapse(29_999);
    expect(claims.mock.calls.length).toBe(roundsSoFar);
    await elapse(1);
    expect(claims.mock.calls.length).toBeGreaterThan(roundsSoFar);
    await loop.stop();
  });

  it('brings the next round forward to the earliest job handed back, never past the poll interval', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    await queue.schedule([dueJob(-2, { caseId: 'C-1' }), dueJob(-1, { caseId: 'C-2' }), dueJob(0, { caseId: 'C-3' })]);
    outbox.script.push(
      { outcome: 'retry', error: 'HTTP 429', retryAfterMs: 5_000 },
      { outcome: 'retry', error: 'HTTP 429', retryAfterMs: 3_000 },
      { outcome: 'retry', error: 'HTTP 429', retryAfterMs: 90_000 },
    );
    const round = scheduler(queue, clock, outbox);
    expect(round.nextRoundInMs()).toBe(defaultSchedulerOptions.pollMs);
    expect(await round.tick()).toMatchObject({ claimed: 3, retried: 3 });
    expect(round.nextRoundInMs()).toBe(3_000);
    clock.advance(10_000);
    // Overdue already: at once.
    expect(round.nextRoundInMs()).toBe(0);
    expect(await round.tick()).toMatchObject({ claimed: 2, sent: 2 });
    expect(round.nextRoundInMs()).toBe(defaultSchedulerOptions.pollMs);
  });

  it('does not bring the next round forward for a job the round already sent again', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    await queue.schedule([dueJob(-2, { caseId: 'C-1' }), dueJob(-1, { caseId: 'C-2' })]);
    outbox.script.push({ outcome: 'retry', error: 'HTTP 429', retryAfterMs: 1_000 }, { outcome: 'retry', error: 'HTTP 429', retryAfterMs: 5_000 });
    const send = outbox.send.bind(outbox);
    // Each message takes two seconds, so the first 429's retry comes due within the round.
    outbox.send = async (delivery) => {
      clock.advance(2_000);
      return send(delivery);
    };
    const round = scheduler(queue, clock, outbox, 'A', {}, { batchSize: 1, concurrency: 1 });
    expect(await round.tick()).toMatchObject({ claimed: 3, sent: 1, retried: 2 });
    // The second 429 was at +4 s with 5 s to wait; the round ended at +6 s.
    expect(round.nextRoundInMs()).toBe(3_000);
  });

  it('runs rounds asked for now one after another, records the last, and none after stop', async () => {
    const queue = new MemoryJobQueue();
    const claims = vi.spyOn(queue, 'claimDue');
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    let release!: () => void;
    const sending = new Promise<void>((resolve) => {
      outbox.send = async function (this: FakeOutbox, delivery) {
        resolve();
        await new Promise<void>((done) => (release = done));
        return FakeOutbox.prototype.send.call(this, delivery);
      };
    });
    await queue.schedule([dueJob(0)]);
    const loop = scheduler(queue, clock, outbox);
    expect(loop.lastRound).toBeUndefined();
    const first = loop.runNow();
    await sending;
    const second = loop.runNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The second round has not begun while the first is sending.
    expect(claims).toHaveBeenCalledTimes(1);
    clock.advance(MINUTE);
    release();
    expect(await first).toMatchObject({ claimed: 1, sent: 1 });
    expect(await second).toMatchObject({ claimed: 0 });
    expect(claims).toHaveBeenCalledTimes(3);
    expect(loop.lastRound).toEqual({ at: clock.now(), report: expect.objectContaining({ claimed: 0 }) });

    await loop.stop();
    await queue.schedule([dueJob(0, { caseId: 'C-3' })]);
    expect(await loop.runNow()).toMatchObject({ claimed: 0 });
    expect(claims).toHaveBeenCalledTimes(3);
  });

  it('hands back a job its person may not get now, untried, and sends it when the hold ends', async () => {
    const queue = new MemoryJobQueue();
    const clock = new FakeClock();
    const outbox = new FakeOutbox();
    const [quiet, urgent] = [dueJob(-60), dueJob(-60, { kind: 'escalation', recipient: { role: 'supervisor', staffId: 'S-S' } })];
    await queue.schedule([quiet, urgent]);
    const morning = new Date(clock.ms + 9 * 60 * MINUTE);
    const round = scheduler(queue, clock, outbox, 'A', { holdUntil: (job) => (job.kind === 'clientCheckIn' ? morning : undefined) });
    expect(await round.tick()).toMatchObject({ claimed: 2, sent: 1, held: 1, retried: 0 });
    expect(outbox.shown).toEqual([{ to: 'staff:S-S', jobIds: [urgent.id] }]);
    expect(await queue.get(quiet.id)).toMatchObject({ status: 'pending', attempts: 0, retryAt: morning.toISOString() });
    clock.advance(9 * 60 * MINUTE - 1);
    expect((await round.tick()).claimed).toBe(0);
    clock.advance(1);
    const later = scheduler(queue, clock, outbox, 'A', { holdUntil: () => undefined });
    expect(await later.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(outbox.timesShown(quiet.id)).toBe(1);
  });
});
