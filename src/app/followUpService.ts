// Follow-ups as the rest of the bot sees them (SPEC §4): what a case has scheduled, a round
// of the scheduler now, what waited for a person until they wrote, and keeping the jobs in
// step with the cases.
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { Actor } from '../domain/access.js';
import { caseScope, type Job, type JobSubject } from '../domain/followups/job.js';
import type { JobQueue } from '../domain/followups/queue.js';
import type { Repositories } from '../domain/ports.js';
import type { CaseService } from './caseService.js';
import type { FollowUpDelivery } from './followUpDelivery.js';
import type { FollowUpPlanner } from './followUpPlanner.js';
import type { IdentityService } from './identityService.js';
import type { SchedulerDeps } from './scheduler.js';

/** A follow-up as people are shown it: kind, when (UTC), to whom; the subject (ids only) names the task or review date. */
export type ScheduledFollowUp = Pick<Job, 'kind' | 'dueAt' | 'recipient'> & { subject?: JobSubject };

export type FollowUpLog = (event: string, fields: Record<string, string | number | boolean>) => void;

export interface FollowUpServiceDeps {
  readonly repos: Repositories;
  readonly queue: JobQueue;
  readonly cases: CaseService;
  readonly identity: IdentityService;
  readonly planner: FollowUpPlanner;
  readonly delivery: FollowUpDelivery;
  readonly defaultTimeZone: string;
  readonly now: () => Date;
  readonly log: FollowUpLog;
}

export class FollowUpService {
  private scheduler: { runNow(): Promise<unknown> } | undefined;

  constructor(private readonly deps: FollowUpServiceDeps) {}

  /** For the proactive sender: addresses, messages, the outbox. */
  get delivery(): FollowUpDelivery {
    return this.deps.delivery;
  }

  /** What the scheduler asks of the store beyond the queue: whether a job is still wanted, and what each outcome changes. */
  schedulerHooks(): Pick<SchedulerDeps, 'stillValid' | 'holdUntil' | 'onSent' | 'onDropped' | 'onGaveUp'> {
    const { planner, delivery } = this.deps;
    return {
      stillValid: (job, now) => planner.stillWanted(job, now),
      holdUntil: (job, now) => planner.holdUntil(job, now),
      onSent: (jobs) => delivery.delivered(jobs),
      onDropped: (jobs) => delivery.dropped(jobs),
      onGaveUp: (jobs, reason) => delivery.gaveUp(jobs, reason),
    };
  }

  /** Set once the scheduler exists: it needs the sender, which needs these services. */
  useScheduler(scheduler: { runNow(): Promise<unknown> }): void {
    this.scheduler = scheduler;
  }

  /** A case's follow-ups still to go out, earliest first; read access to the case is checked and audited. */
  async scheduledFor(actor: Actor, caseId: string): Promise<ScheduledFollowUp[]> {
    await this.deps.cases.read(actor, caseId, 'followUps.read');
    const jobs = await this.deps.queue.pendingFor(caseScope(caseId));
    return jobs
      .map(({ kind, dueAt, recipient, subject }) => ({ kind, dueAt, recipient, subject }))
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.kind.localeCompare(b.kind));
  }

  /** Runs a scheduler round now (after a client asked for help, the worker is told at once). */
  async nudge(): Promise<void> {
    try {
      await this.scheduler?.runNow();
    } catch (error) {
      this.deps.log('followUps.nudgeFailed', { error: errorName(error) });
    }
  }

  /** The person installed the app again: follow-ups may reach them once more. */
  async reachableAgain(actor: Actor): Promise<void> {
    if (actor.kind !== 'unknown') await this.deps.delivery.reachableAgain(actor.id);
  }

  /**
   * At the start of a person's turn: they wrote, so they are reachable again; whatever could
   * not reach them before and is still wanted is shown through `show`, then recorded as
   * delivered. Returns how many follow-ups were shown.
   */
  async pendingForMe(actor: Actor, show: (text: string) => Promise<unknown>): Promise<number> {
    if (actor.kind === 'unknown') return 0;
    const { delivery, identity, queue, now } = this.deps;
    await delivery.reachableAgain(actor.id);
    const waiting = await delivery.waitingFor(actor);
    if (waiting.length === 0) return 0;
    const language = await identity.preferredLanguage(actor);
    const timeZone = await identity.timeZoneOf(actor, this.deps.defaultTimeZone);
    const text = await delivery.message(waiting, { language, timeZone }, { pending: true });
    if (text) await show(text);
    await queue.markShown(
      waiting.map((job) => job.id),
      now(),
    );
    await delivery.delivered(waiting);
    this.deps.log('followUps.shownInChat', { jobIds: waiting.map((job) => job.id).join(','), user: actor.id });
    return waiting.length;
  }

  /**
   * After a case changed: its follow-ups are derived again, and an escalation goes out at
   * once (dialogs nudge for the rest, such as a help request). A failure is logged, never
   * thrown: the change is saved, and the scheduler checks each job against the case before
   * sending it.
   */
  async caseChanged(caseId: string): Promise<void> {
    try {
      const changes = await this.deps.planner.syncCase(caseId);
      const now = this.deps.now().getTime();
      if (changes.schedule.some((job) => job.kind === 'escalation' && Date.parse(job.dueAt) <= now)) void this.nudge();
    } catch (error) {
      this.deps.log('followUps.syncFailed', { caseId, error: errorName(error) });
    }
  }

  /** At start-up: every open case and every worker, so jobs missed while down are derived and gathered. */
  async syncAll(): Promise<{ cases: number; staff: number }> {
    const { repos, planner } = this.deps;
    // By header: each case is read when its turn comes, so they are never all in memory at once.
    const cases = await repos.cases.headersByStatus('open');
    const giveWay = requestsGetTurns();
    for (const caseRecord of cases) {
      await planner.syncCase(caseRecord.id);
      await giveWay();
    }
    const workers = (await repos.staff.all()).filter((staff) => staff.role === 'worker');
    for (const staff of workers) {
      await planner.syncStaff(staff.id);
      await giveWay();
    }
    return { cases: cases.length, staff: workers.length };
  }
}

/** How long a loop over every case runs before it lets waiting requests in. */
const SLICE_MS = 20;

/**
 * For a loop over every case: awaited after each, it yields to the event loop once SLICE_MS
 * have passed, so that the bot answers turns and /healthz while it runs (a store held in
 * memory answers without ever yielding otherwise).
 */
function requestsGetTurns(): () => Promise<void> {
  let sliceBegun = performance.now();
  return async () => {
    if (performance.now() - sliceBegun < SLICE_MS) return;
    await nextTurnOfEventLoop();
    sliceBegun = performance.now();
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error);
}
