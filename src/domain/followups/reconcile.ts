// Keeping the stored jobs in step with what a case now calls for.
import { isEvent, type Job } from './job.js';

export interface JobChanges {
  /** Wanted and not stored open; scheduling one already sent leaves it sent. */
  schedule: Job[];
  /** Stored pending and no longer wanted: the task moved, was done or deleted, the case closed… */
  cancel: string[];
}

/**
 * `desired` is what the case calls for now (deriveJobs); `stored` its open jobs in the
 * store. Ids are deterministic, so running this twice changes nothing the second time.
 * A claimed job is left to its scheduler, which checks it is still wanted before sending;
 * an event (an escalation, a failed delivery told to the worker) is never cancelled here.
 */
export function reconcile(desired: readonly Job[], stored: readonly Job[]): JobChanges {
  const wanted = new Set(desired.map((job) => job.id));
  const open = new Set(stored.map((job) => job.id));
  return {
    schedule: desired.filter((job) => !open.has(job.id)),
    cancel: stored.filter((job) => job.status === 'pending' && !isEvent(job) && !wanted.has(job.id)).map((job) => job.id),
  };
}
