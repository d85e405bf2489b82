// The job port: what the scheduler needs from wherever jobs are kept. The JSON store
// implements it for one process; a PostgreSQL queue (pg-boss: singleton keys, leases as
// `expireIn`, SKIP LOCKED fetches) can implement it for several bot instances.
import type { Job } from './job.js';

export interface DueSummary {
  /** Jobs whose time (or retry time, or lapsed lease) has come and that are not yet sent. */
  due: number;
  /** How long the longest-waiting of them has waited, in ms; 0 when none. */
  oldestDueMs: number;
}

export interface JobQueue {
  /**
   * Stores each job under its id. A job already stored pending, claimed, sent or failed is
   * left as it is (so deriving twice sends once); a cancelled one becomes pending again,
   * its reason having come back. Resolves once durable.
   */
  schedule(jobs: readonly Job[]): Promise<void>;
  /** Cancels the given jobs that are still pending; others are left alone. Resolves once durable. */
  cancel(ids: readonly string[], at: Date): Promise<void>;
  /** The job stored under `id`, in whatever state. */
  get(id: string): Promise<Job | undefined>;
  /** The open (pending or claimed) jobs of a scope: `case:<id>`, or `staff:<id>` for a weekly plan. */
  pendingFor(scope: string): Promise<Job[]>;
  /**
   * The jobs given up on (failed for good) for one person, by recipient key (`client:<case>`
   * or `staff:<id>`), earliest due first: what they are shown at the top of their next chat.
   */
  failedFor(recipientKey: string): Promise<Job[]>;
  /** Records failed jobs as sent: the person was shown them in their own chat. Others are left alone. */
  markShown(ids: readonly string[], at: Date): Promise<void>;
  /** Cancels failed jobs whose reason has gone, so they are neither shown nor checked again. Others are left alone. */
  dismiss(ids: readonly string[], at: Date): Promise<void>;
  /**
   * Atomically takes up to `limit` jobs whose time has come, earliest first, for `owner`
   * until `now + leaseMs`: pending jobs due (or due for retry), and claimed jobs whose lease
   * has lapsed (their owner stopped). Never a sent, cancelled or failed job, and never one
   * another owner holds under a live lease. Counts an attempt on each. Resolves once the
   * claims are durable, so a crash after it is recovered when the lease ends.
   */
  claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]>;
  /** Records the delivery; false (and no change) when `owner` no longer holds the job. */
  markSent(id: string, owner: string, at: Date): Promise<boolean>;
  /**
   * Records a failed delivery: pending again from `retryAt`, or, with null, failed for good.
   * False (and no change) when `owner` no longer holds the job.
   */
  markFailed(id: string, owner: string, error: string, retryAt: Date | null, at: Date): Promise<boolean>;
  /**
   * Hands a claimed job back untried, pending again from `notBefore` (the person's quiet
   * hours end then); the claim's attempt is not counted. False when `owner` no longer holds it.
   */
  release(id: string, owner: string, notBefore: Date): Promise<boolean>;
  /** Cancels a claimed job whose reason has gone; false when `owner` no longer holds it. */
  markDropped(id: string, owner: string, at: Date): Promise<boolean>;
  /** For /healthz: what is due and unsent at `now`. */
  dueSummary(now: Date): Promise<DueSummary>;
  /**
   * Forgets sent, cancelled and failed jobs due before `before`; returns how many. Keep
   * them longer than derivation looks back (the stale limit), or they could be sent again.
   */
  prune(before: Date): Promise<number>;
}
