// The job port kept in memory, with the indexes every implementation here shares: by
// ready instant (for claims) and by scope (for reconciling one case). The file store
// adds durability by overriding `persist`.
import { isOpen, JobSchema, jobScope, readyAt, recipientKey, type Job } from '../domain/followups/job.js';
import type { DueSummary, JobQueue } from '../domain/followups/queue.js';
import { DueIndex } from './dueIndex.js';
import { cancelled, claimed, dismissed, dropped, failed, heldBy, released, scheduled, sent, shown } from './jobTransitions.js';

export class MemoryJobQueue implements JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly due = new DueIndex();
  /** Scope → ids of its open jobs. */
  private readonly scopes = new Map<string, Set<string>>();
  /** Recipient key → ids of the jobs given up on for that person. */
  private readonly failedByRecipient = new Map<string, Set<string>>();

  get size(): number {
    return this.jobs.size;
  }

  async schedule(jobs: readonly Job[]): Promise<void> {
    const valid = jobs.map((job) => JobSchema.parse(job));
    await this.change(valid.map((job) => [job.id, scheduled(this.jobs.get(job.id), job)]));
  }

  async cancel(ids: readonly string[], at: Date): Promise<void> {
    await this.change(
      ids.map((id) => {
        const job = this.jobs.get(id);
        return [id, job && cancelled(job, at)];
      }),
    );
  }

  async get(id: string): Promise<Job | undefined> {
    return this.jobs.get(id);
  }

  async pendingFor(scope: string): Promise<Job[]> {
    return [...(this.scopes.get(scope) ?? [])].map((id) => this.jobs.get(id)!);
  }

  async failedFor(key: string): Promise<Job[]> {
    return [...(this.failedByRecipient.get(key) ?? [])]
      .map((id) => this.jobs.get(id)!)
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id.localeCompare(b.id));
  }

  async markShown(ids: readonly string[], at: Date): Promise<void> {
    await this.closeFailed(ids, (job) => shown(job, at));
  }

  async dismiss(ids: readonly string[], at: Date): Promise<void> {
    await this.closeFailed(ids, (job) => dismissed(job, at));
  }

  private async closeFailed(ids: readonly string[], next: (job: Job) => Job | undefined): Promise<void> {
    await this.change(
      ids.map((id) => {
        const job = this.jobs.get(id);
        return [id, job && next(job)];
      }),
    );
  }

  async claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]> {
    if (!(leaseMs > 0) || !(limit > 0)) throw new RangeError('claimDue needs a positive lease and limit');
    // Chosen and marked before the first await, so no other claim in this process sees them.
    const taken = this.due.due(now.getTime(), limit).map((id) => claimed(this.jobs.get(id)!, owner, now, leaseMs));
    await this.change(taken.map((job) => [job.id, job]));
    return taken;
  }

  async markSent(id: string, owner: string, at: Date): Promise<boolean> {
    return this.finish(id, owner, (job) => sent(job, at));
  }

  async markFailed(id: string, owner: string, error: string, retryAt: Date | null, at: Date): Promise<boolean> {
    return this.finish(id, owner, (job) => failed(job, error, retryAt, at));
  }

  async release(id: string, owner: string, notBefore: Date): Promise<boolean> {
    return this.finish(id, owner, (job) => released(job, notBefore));
  }

  async markDropped(id: string, owner: string, at: Date): Promise<boolean> {
    return this.finish(id, owner, (job) => dropped(job, at));
  }

  async dueSummary(now: Date): Promise<DueSummary> {
    const { due, earliestMs } = this.due.summary(now.getTime());
    return { due, oldestDueMs: earliestMs === undefined ? 0 : now.getTime() - earliestMs };
  }

  async prune(before: Date): Promise<number> {
    const old = [...this.jobs.values()].filter((job) => !isOpen(job) && Date.parse(job.dueAt) < before.getTime());
    await this.change(old.map((job) => [job.id, null]));
    return old.length;
  }

  /** Fills the indexes from stored records, writing nothing. */
  protected restore(jobs: Iterable<Job>): void {
    for (const job of jobs) this.apply(job.id, job);
  }

  /** Makes one change durable; the in-memory queue has nothing to do. */
  protected async persist(_id: string, _job: Job | undefined): Promise<void> {}

  private async finish(id: string, owner: string, next: (job: Job) => Job): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!heldBy(job, owner)) return false;
    await this.change([[id, next(job)]]);
    return true;
  }

  /**
   * Applies the changes at once (per id: the next record, null to delete it, undefined for
   * no change), then makes them durable. A change that fails to persist is rolled back,
   * unless changed again meanwhile, and the first failure is thrown.
   */
  private async change(changes: readonly (readonly [string, Job | null | undefined])[]): Promise<void> {
    const applied: { id: string; before: Job | undefined; after: Job | undefined }[] = [];
    for (const [id, next] of changes) {
      if (next === undefined) continue;
      const before = this.jobs.get(id);
      this.apply(id, next ?? undefined);
      applied.push({ id, before, after: this.jobs.get(id) });
    }
    const results = await Promise.allSettled(applied.map(({ id, after }) => this.persist(id, after)));
    let failure: unknown;
    results.forEach((result, n) => {
      if (result.status === 'fulfilled') return;
      const { id, before, after } = applied[n]!;
      if (this.jobs.get(id) === after) this.apply(id, before);
      failure ??= result.reason;
    });
    if (failure !== undefined) throw failure;
  }

  private apply(id: string, job: Job | undefined): void {
    const previous = this.jobs.get(id);
    if (previous && isOpen(previous)) unindex(this.scopes, jobScope(previous), id);
    if (previous?.status === 'failed') unindex(this.failedByRecipient, recipientKey(previous), id);
    if (!job) {
      this.jobs.delete(id);
      this.due.set(id, undefined);
      return;
    }
    const frozen = deepFreeze(job);
    this.jobs.set(id, frozen);
    this.due.set(id, readyAt(frozen));
    if (isOpen(frozen)) index(this.scopes, jobScope(frozen), id);
    if (frozen.status === 'failed') index(this.failedByRecipient, recipientKey(frozen), id);
  }
}

function index(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key) ?? new Set<string>();
  ids.add(id);
  map.set(key, ids);
}

function unindex(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  ids?.delete(id);
  if (ids?.size === 0) map.delete(key);
}

function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
