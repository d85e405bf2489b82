// What people may ask of the follow-ups: a case's scheduled messages (for whoever may
// read the case; audited like any read), and a scheduler round run now, so that a client's
// help request reaches the worker without waiting for the next poll.
import type { Actor } from '../domain/access.js';
import { caseScope, type Job, type JobSubject } from '../domain/followups/job.js';
import type { JobQueue } from '../domain/followups/queue.js';
import type { CaseService } from './caseService.js';

/** A follow-up as people are shown it; the subject (ids only) names the task or review date. */
export type ScheduledFollowUp = Pick<Job, 'kind' | 'dueAt' | 'recipient'> & { subject?: JobSubject };

export class FollowUpService {
  /**
   * @param queue where jobs are kept; none until the scheduler is wired in, and then
   *   nothing is scheduled
   * @param runRound a scheduler round; none until the scheduler is wired in
   */
  constructor(
    private readonly cases: CaseService,
    private readonly queue?: JobQueue,
    private readonly runRound?: () => Promise<unknown>,
  ) {}

  /** The case's open follow-ups, soonest first. Throws CaseAccessError when the actor may not read the case. */
  async scheduledFor(actor: Actor, caseId: string): Promise<ScheduledFollowUp[]> {
    await this.cases.read(actor, caseId, 'followUps.read');
    const jobs = this.queue ? await this.queue.pendingFor(caseScope(caseId)) : [];
    return jobs
      .map(({ kind, dueAt, recipient, subject }) => ({ kind, dueAt, recipient, subject }))
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.kind.localeCompare(b.kind));
  }

  /** Runs a scheduler round now. */
  async nudge(): Promise<void> {
    await this.runRound?.();
  }
}
