// The follow-up jobs while their store opens in the background: the server answers at once
// and turns go on; whatever needs the jobs (a change's follow-ups, the scheduler) waits for
// the open, which takes about a second at 100,000 jobs.
import type { Job } from '../domain/followups/job.js';
import type { DueSummary, JobQueue } from '../domain/followups/queue.js';
import type { FileJobStore } from './fileJobStore.js';

export class OpeningJobQueue implements JobQueue {
  private store: FileJobStore | undefined;

  constructor(readonly opened: Promise<FileJobStore>) {
    opened.then(
      (store) => {
        this.store = store;
      },
      () => undefined,
    );
  }

  /** Whether the jobs are loaded (false while opening, or if opening failed). */
  get isOpen(): boolean {
    return this.store !== undefined;
  }

  private async when<R>(call: (store: FileJobStore) => Promise<R>): Promise<R> {
    return call(this.store ?? (await this.opened));
  }

  schedule(jobs: readonly Job[]): Promise<void> {
    return this.when((s) => s.schedule(jobs));
  }
  cancel(ids: readonly string[], at: Date): Promise<void> {
    return this.when((s) => s.cancel(ids, at));
  }
  get(id: string): Promise<Job | undefined> {
    return this.when((s) => s.get(id));
  }
  pendingFor(scope: string): Promise<Job[]> {
    return this.when((s) => s.pendingFor(scope));
  }
  failedFor(recipientKey: string): Promise<Job[]> {
    return this.when((s) => s.failedFor(recipientKey));
  }
  markShown(ids: readonly string[], at: Date): Promise<void> {
    return this.when((s) => s.markShown(ids, at));
  }
  dismiss(ids: readonly string[], at: Date): Promise<void> {
    return this.when((s) => s.dismiss(ids, at));
  }
  claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]> {
    return this.when((s) => s.claimDue(now, owner, leaseMs, limit));
  }
  markSent(id: string, owner: string, at: Date): Promise<boolean> {
    return this.when((s) => s.markSent(id, owner, at));
  }
  markFailed(id: string, owner: string, error: string, retryAt: Date | null, at: Date): Promise<boolean> {
    return this.when((s) => s.markFailed(id, owner, error, retryAt, at));
  }
  release(id: string, owner: string, notBefore: Date): Promise<boolean> {
    return this.when((s) => s.release(id, owner, notBefore));
  }
  markDropped(id: string, owner: string, at: Date): Promise<boolean> {
    return this.when((s) => s.markDropped(id, owner, at));
  }
  dueSummary(now: Date): Promise<DueSummary> {
    return this.when((s) => s.dueSummary(now));
  }
  prune(before: Date): Promise<number> {
    return this.when((s) => s.prune(before));
  }
  flush(): Promise<void> {
    return this.when((s) => s.flush());
  }
  close(): Promise<void> {
    return this.when((s) => s.close());
  }
}
