// How a job's state moves. Each returns the next record, or undefined when the move does
// not apply (so the store writes nothing).
import type { Job } from '../domain/followups/job.js';

const MAX_ERROR_LENGTH = 500;

export function scheduled(existing: Job | undefined, job: Job): Job | undefined {
  if (!existing || existing.status === 'cancelled') return job;
  return undefined;
}

export function cancelled(job: Job, at: Date): Job | undefined {
  if (job.status !== 'pending') return undefined;
  return { ...withoutWork(job), status: 'cancelled', finishedAt: at.toISOString() };
}

export function claimed(job: Job, owner: string, now: Date, leaseMs: number): Job {
  const { retryAt: _retried, ...rest } = job;
  return { ...rest, status: 'claimed', lease: { owner, until: new Date(now.getTime() + leaseMs).toISOString() }, attempts: job.attempts + 1 };
}

/** Whether `owner` may finish the job: it claimed it, and no one has claimed it since. */
export function heldBy(job: Job | undefined, owner: string): job is Job {
  return job?.status === 'claimed' && job.lease?.owner === owner;
}

export function sent(job: Job, at: Date): Job {
  return { ...withoutWork(job), status: 'sent', finishedAt: at.toISOString() };
}

export function failed(job: Job, error: string, retryAt: Date | null, at: Date): Job {
  const lastError = error.slice(0, MAX_ERROR_LENGTH);
  if (retryAt) return { ...withoutWork(job), status: 'pending', retryAt: retryAt.toISOString(), lastError };
  return { ...withoutWork(job), status: 'failed', lastError, finishedAt: at.toISOString() };
}

/** A claimed job handed back untried, to wait until `notBefore`; its attempt is not counted. */
export function released(job: Job, notBefore: Date): Job {
  return { ...withoutWork(job), status: 'pending', retryAt: notBefore.toISOString(), attempts: Math.max(0, job.attempts - 1) };
}

/** A job given up on, shown to the person when they next wrote. */
export function shown(job: Job, at: Date): Job | undefined {
  if (job.status !== 'failed') return undefined;
  return { ...job, status: 'sent', finishedAt: at.toISOString() };
}

/** A job given up on whose reason went before the person wrote again. */
export function dismissed(job: Job, at: Date): Job | undefined {
  if (job.status !== 'failed') return undefined;
  return { ...job, status: 'cancelled', finishedAt: at.toISOString() };
}

export function dropped(job: Job, at: Date): Job {
  return { ...withoutWork(job), status: 'cancelled', finishedAt: at.toISOString() };
}

function withoutWork(job: Job): Job {
  const { lease: _lease, retryAt: _retryAt, ...rest } = job;
  return rest;
}
