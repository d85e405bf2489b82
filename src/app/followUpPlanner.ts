// Keeps the job store in step with the cases: after a case (or a worker) changes, and
// after a job is sent, its scope is derived again and the difference scheduled or
// cancelled. It also tells the scheduler whether a claimed job is still wanted.
import { clientRules, deriveJobs, deriveStaffJobs, staffRules } from '../domain/followups/derive.js';
import { caseScope, isEvent, jobScope, staffScope, type Job } from '../domain/followups/job.js';
import { outOfQuietHours, type DeliveryRules } from '../domain/followups/placement.js';
import type { JobQueue } from '../domain/followups/queue.js';
import { reconcile, type JobChanges } from '../domain/followups/reconcile.js';
import type { FollowUpConfig } from '../domain/followups/settings.js';
import type { CaseHeader } from '../domain/caseHeader.js';
import type { Case, Staff } from '../domain/schemas.js';

/** The records derivation reads, however they are stored. */
export interface FollowUpLookup {
  caseById(id: string): Promise<Case | undefined>;
  /** What a case's header holds (the client's time zone), without reading the case. */
  caseHeaderById(id: string): Promise<CaseHeader | undefined>;
  staffById(id: string): Promise<Staff | undefined>;
  supervisorsOf(team: string): Promise<readonly Staff[]>;
}

/** One derivation of a case's jobs, and what it was derived from. */
interface Derivation {
  at: number;
  worker: Staff | undefined;
  supervisors: readonly Staff[];
  jobs: Job[];
}

export class FollowUpPlanner {
  /**
   * The last derivation per case record (records are frozen, so the same object is the same
   * content): a scheduler round checking many jobs of one case derives it once.
   */
  private readonly derivations = new WeakMap<Case, Derivation>();

  constructor(
    private readonly queue: JobQueue,
    private readonly lookup: FollowUpLookup,
    private readonly config: FollowUpConfig,
    private readonly now: () => Date,
  ) {}

  syncCase(caseId: string): Promise<JobChanges> {
    return this.syncScope(caseScope(caseId));
  }

  syncStaff(staffId: string): Promise<JobChanges> {
    return this.syncScope(staffScope(staffId));
  }

  /** Schedules what the scope now calls for and cancels what it no longer does. */
  async syncScope(scope: string): Promise<JobChanges> {
    const now = this.now();
    const changes = reconcile(await this.desired(scope, now), await this.queue.pendingFor(scope));
    await this.queue.schedule(changes.schedule);
    await this.queue.cancel(changes.cancel, now);
    return changes;
  }

  /**
   * For the scheduler: a job is still wanted when deriving its scope now gives it again; an
   * event (an escalation, a failed delivery told to the worker) while its case is open and,
   * for an escalation, its alert is still on the case and not yet decided on.
   */
  async stillWanted(job: Job, now: Date): Promise<boolean> {
    if (isEvent(job)) {
      const caseRecord = job.caseId === undefined ? undefined : await this.lookup.caseById(job.caseId);
      if (caseRecord?.status !== 'open') return false;
      // An alert decided on needs telling no more.
      return job.kind !== 'escalation' || caseRecord.alerts.some((alert) => alert.id === job.subject.alertId && !alert.decision);
    }
    return (await this.desired(jobScope(job), now)).some((wanted) => wanted.id === job.id);
  }

  /**
   * For the scheduler: a job that fell due while the bot was down may come up in its
   * person's quiet hours or day off; it waits for the next moment they can be messaged.
   * Escalations never wait.
   */
  async holdUntil(job: Job, now: Date): Promise<Date | undefined> {
    if (job.kind === 'escalation') return undefined;
    const rules = await this.rulesFor(job);
    if (!rules) return undefined;
    const allowed = outOfQuietHours(now, rules);
    return allowed.getTime() > now.getTime() ? allowed : undefined;
  }

  private async rulesFor(job: Job): Promise<DeliveryRules | undefined> {
    if (job.recipient.role !== 'client') {
      const staff = await this.lookup.staffById(job.recipient.staffId);
      return staff && staffRules(staff, this.config);
    }
    const header = job.caseId === undefined ? undefined : await this.lookup.caseHeaderById(job.caseId);
    return header && clientRules(header, this.config);
  }

  /**
   * For the scheduler, after jobs were sent or dropped: each series moves on to its next
   * job, or to the one that replaced a dropped one.
   */
  async resync(jobs: readonly Job[]): Promise<void> {
    for (const scope of new Set(jobs.map(jobScope))) await this.syncScope(scope);
  }

  private async desired(scope: string, now: Date): Promise<Job[]> {
    const [kind, id] = splitScope(scope);
    if (kind === 'staff') {
      const staff = await this.lookup.staffById(id);
      return staff ? deriveStaffJobs(staff, this.config, now) : [];
    }
    const caseRecord = await this.lookup.caseById(id);
    if (!caseRecord) return [];
    const [worker, supervisors] = await Promise.all([this.lookup.staffById(caseRecord.workerId), this.lookup.supervisorsOf(caseRecord.team)]);
    const last = this.derivations.get(caseRecord);
    const same = last && last.at === now.getTime() && last.worker === worker && sameItems(last.supervisors, supervisors);
    if (same) return last.jobs;
    const jobs = deriveJobs(caseRecord, { ...(worker ? { worker } : {}), supervisors }, this.config, now);
    this.derivations.set(caseRecord, { at: now.getTime(), worker, supervisors, jobs });
    return jobs;
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, n) => item === b[n]);
}

function splitScope(scope: string): ['case' | 'staff', string] {
  const separator = scope.indexOf(':');
  const kind = scope.slice(0, separator);
  if (kind !== 'case' && kind !== 'staff') throw new Error(`Not a follow-up scope: ${scope}`);
  return [kind, scope.slice(separator + 1)];
}
