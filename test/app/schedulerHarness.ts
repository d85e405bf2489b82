// A fake clock and a fake outbox for the follow-ups scheduler: rounds are driven by
// calling tick(), never by real timers.
import { newJob, recipientKey, type Job, type JobDraft } from '../../src/domain/followups/job.js';
import type { Delivery, SendOutcome, Sender } from '../../src/app/scheduler.js';

export const T0 = Date.parse('2027-01-11T09:00:00Z');

export class FakeClock {
  constructor(public ms = T0) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * Stands in for the channel: it shows each job to its person once, deduplicating by the
 * job id as the real outbox must, and answers with scripted outcomes first.
 */
export class FakeOutbox implements Sender {
  readonly script: (SendOutcome | Error)[] = [];
  /** What people saw: one entry per message. */
  readonly shown: { to: string; jobIds: string[] }[] = [];
  readonly attempts: Delivery[] = [];
  private readonly delivered = new Set<string>();

  async send(delivery: Delivery): Promise<SendOutcome> {
    this.attempts.push(delivery);
    const next = this.script.shift();
    if (next instanceof Error) throw next;
    if (next && next.outcome !== 'sent') return next;
    const fresh = delivery.jobs.filter((job) => !this.delivered.has(job.id));
    for (const job of fresh) this.delivered.add(job.id);
    if (fresh.length > 0) this.shown.push({ to: recipientKey(delivery.jobs[0]!), jobIds: fresh.map((job) => job.id) });
    return { outcome: 'sent' };
  }

  timesShown(id: string): number {
    return this.shown.filter((message) => message.jobIds.includes(id)).length;
  }
}

let counter = 0;

/** A job due `minutes` after T0 (negative: before). */
export function dueJob(minutes: number, draft: Partial<JobDraft> = {}): Job {
  return newJob(
    {
      kind: 'clientCheckIn',
      caseId: 'C-1',
      recipient: { role: 'client' },
      subject: { taskId: `T-${++counter}` },
      dueAt: new Date(T0 + minutes * 60_000).toISOString(),
      ...draft,
    },
    new Date(T0),
  );
}
