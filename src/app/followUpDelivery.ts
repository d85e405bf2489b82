// What the proactive sender needs from the store, and what the scheduler's hooks record:
// where each person is reached (the chats linked to a case, a staff member's own chat),
// the message in their language, the outbox of accepted messages, people the channel
// refused for good, and what a delivered, dropped or failed follow-up changes.
import type { Delivery } from './scheduler.js';
import type { Actor } from '../domain/access.js';
import { recipientKey, newJob, type Job } from '../domain/followups/job.js';
import { withDelivery, type OutboxRecord } from '../domain/followups/outbox.js';
import { outOfQuietHours } from '../domain/followups/placement.js';
import type { JobQueue } from '../domain/followups/queue.js';
import type { FollowUpConfig } from '../domain/followups/settings.js';
import { knowsZone } from '../domain/followups/zoneTime.js';
import type { Collection, Repositories } from '../domain/ports.js';
import type { Case, Language, Staff } from '../domain/schemas.js';
import type { CaseService } from './caseService.js';
import type { FollowUpContent, FollowUpItem } from './followUpContent.js';
import { clientPromptTasks, renderFollowUps, type RenderOptions } from './followUpMessages.js';
import type { FollowUpPlanner } from './followUpPlanner.js';
import type { IdentityService } from './identityService.js';

/** One chat a message goes to. */
export interface DeliveryTarget {
  readonly userId: string;
  readonly conversationId: string;
  /** botbuilder's ConversationReference, as stored. */
  readonly reference: Record<string, unknown>;
  readonly language: Language;
  readonly timeZone: string;
}

/** Teams' refusals that retrying cannot mend: the person is unreachable until they write. */
export const REFUSAL_CODES = ['ConversationBlockedByUser', 'BotNotInConversationRoster', 'MessageWritesBlocked'] as const;
/** The person has no chat the bot knows of (never wrote, never installed the app). */
export const NO_CHAT = 'NoConversationReference';
/** Every chat of the person was refused before; the worker was told then. */
export const MARKED_UNREACHABLE = 'MarkedUnreachable';
/** The scheduler's reason when the last try failed. */
const RETRIES_EXHAUSTED = 'retriesExhausted';

export interface DeliveryDeps {
  readonly repos: Repositories;
  readonly queue: JobQueue;
  readonly outbox: Collection<OutboxRecord>;
  readonly cases: CaseService;
  readonly identity: IdentityService;
  readonly planner: FollowUpPlanner;
  readonly content: FollowUpContent;
  readonly config: FollowUpConfig;
  readonly now: () => Date;
}

export class FollowUpDelivery {
  constructor(private readonly deps: DeliveryDeps) {}

  /** The chats the delivery goes to; when none, why (a code for the log and the scheduler). */
  async addresses(delivery: Delivery): Promise<{ targets: DeliveryTarget[]; missing?: string }> {
    const { repos } = this.deps;
    let people: { actor: Actor; timeZone: string }[];
    if (delivery.recipient.role === 'client') {
      const caseRecord = delivery.caseId === undefined ? undefined : await repos.cases.get(delivery.caseId);
      if (!caseRecord) return { targets: [], missing: NO_CHAT };
      const links = (await repos.clientLinks.all()).filter((link) => link.caseId === caseRecord.id);
      people = links.map((link) => ({ actor: { kind: 'client', id: link.id, caseId: caseRecord.id }, timeZone: this.zone(caseRecord.client.timeZone) }));
    } else {
      const staff = await repos.staff.get(delivery.recipient.staffId);
      people = staff ? [{ actor: { kind: 'staff', id: staff.id, staff }, timeZone: this.zone(staff.timeZone) }] : [];
    }
    const targets: DeliveryTarget[] = [];
    let refused = 0;
    for (const { actor, timeZone } of people) {
      if ((await repos.users.get(actor.id))?.unreachable) {
        refused++;
        continue;
      }
      const stored = await repos.conversationRefs.get(actor.id);
      const conversationId = (stored?.reference.conversation as { id?: unknown } | undefined)?.id;
      if (!stored || typeof conversationId !== 'string') continue;
      const language = await this.deps.identity.preferredLanguage(actor);
      targets.push({ userId: actor.id, conversationId, reference: stored.reference, language, timeZone });
    }
    if (targets.length > 0) return { targets };
    return { targets, missing: refused > 0 ? MARKED_UNREACHABLE : NO_CHAT };
  }

  /** The message carrying `jobs` to one chat. */
  async message(jobs: readonly Job[], target: Pick<DeliveryTarget, 'language' | 'timeZone'>, options?: RenderOptions): Promise<string> {
    return renderFollowUps(await this.deps.content.items(jobs), target.language, target.timeZone, options);
  }

  /** What each of `jobs` is about, for a message shown as cards. */
  items(jobs: readonly Job[]): Promise<FollowUpItem[]> {
    return this.deps.content.items(jobs);
  }

  /** The tasks the message asks a client about, when it is a client's check-in prompt. */
  async checkInPromptTasks(jobs: readonly Job[]): Promise<string[] | undefined> {
    return clientPromptTasks(await this.items(jobs));
  }

  /** Of `jobs`, those whose message the channel has not yet accepted for this chat user. */
  async undelivered(jobs: readonly Job[], userId: string): Promise<Job[]> {
    const fresh: Job[] = [];
    for (const job of jobs) {
      const record = await this.deps.outbox.get(job.id);
      if (!record?.deliveries.some((d) => d.to === userId)) fresh.push(job);
    }
    return fresh;
  }

  /**
   * Written as soon as the channel accepted the message, before the jobs are marked sent: the
   * outbox record, then what reaching the person changes on the case, so a crash before the
   * jobs are marked loses neither (the client's next message answers a prompt only once it
   * is recorded on the task).
   */
  async recordDelivered(jobs: readonly Job[], userId: string, activityId: string): Promise<void> {
    const at = this.deps.now().toISOString();
    await Promise.all(jobs.map((job) => this.deps.outbox.update(job.id, (record) => withDelivery(record, job.id, { to: userId, activityId, at }))));
    await this.recordReached(jobs, at);
  }

  async markUnreachable(userId: string, code: string): Promise<void> {
    const since = this.deps.now().toISOString();
    await this.deps.repos.users.update(userId, (profile) => ({ ...(profile ?? { id: userId, failedLinkAttempts: 0 }), unreachable: { since, code } }));
  }

  /** The person wrote, or installed the app again: follow-ups may reach them once more. */
  async reachableAgain(userId: string): Promise<void> {
    if (!(await this.deps.repos.users.get(userId))?.unreachable) return;
    await this.deps.repos.users.update(userId, (profile) => {
      if (!profile) return undefined;
      const { unreachable: _gone, ...rest } = profile;
      return rest;
    });
  }

  /**
   * After jobs reached their person (sent, or shown in their chat): what that changes on the
   * case, unless recorded when the channel accepted them; then each series moves on.
   */
  async delivered(jobs: readonly Job[]): Promise<void> {
    await this.recordReached(jobs, this.deps.now().toISOString());
    await this.deps.planner.resync(jobs);
  }

  /** A check-in prompt is recorded on its task, an alert as delivered; each once. */
  private async recordReached(jobs: readonly Job[], at: string): Promise<void> {
    for (const [caseId, ofCase] of byCase(jobs)) {
      const prompts = ofCase.filter((job) => job.kind === 'clientCheckIn');
      // A prompt is sent at or after its due time, so a task asked since then has it recorded.
      const unrecorded = (task: Case['tasks'][number]) =>
        prompts.some(
          (job) => job.subject.taskId === task.id && !(task.lastPromptedAt !== undefined && Date.parse(task.lastPromptedAt) >= Date.parse(job.dueAt)),
        );
      const alerted = new Set(ofCase.filter((job) => job.kind === 'escalation').map((job) => job.subject.alertId));
      // Usually recorded already, when the channel accepted the message: then nothing is written.
      const stored = await this.deps.repos.cases.get(caseId);
      if (stored?.tasks.some(unrecorded)) {
        await this.deps.cases.recordFollowUp(caseId, 'followUp.prompted', (current) =>
          current.tasks.some(unrecorded)
            ? { ...current, tasks: current.tasks.map((task) => (unrecorded(task) ? { ...task, lastPromptedAt: at } : task)) }
            : current,
        );
      }
      if (stored?.alerts.some((a) => alerted.has(a.id) && !a.deliveredAt)) {
        await this.deps.cases.recordFollowUp(caseId, 'followUp.alertDelivered', (current) =>
          current.alerts.some((a) => alerted.has(a.id) && !a.deliveredAt)
            ? { ...current, alerts: current.alerts.map((a) => (alerted.has(a.id) && !a.deliveredAt ? { ...a, deliveredAt: at } : a)) }
            : current,
        );
      }
    }
  }

  async dropped(jobs: readonly Job[]): Promise<void> {
    await this.deps.planner.resync(jobs);
  }

  /**
   * After the last try, or a refusal: the jobs stay failed for the person's next chat, and
   * the case's worker is told of what did not reach the client or a supervisor (not of a
   * person with no chat at all, nor again of one already known to be unreachable).
   */
  async gaveUp(jobs: readonly Job[], reason: string): Promise<void> {
    const telling = reason === RETRIES_EXHAUSTED || (REFUSAL_CODES as readonly string[]).includes(reason);
    const notices: Job[] = [];
    for (const job of telling ? jobs : []) {
      if (job.caseId === undefined || job.recipient.role === 'worker') continue;
      const worker = await this.workerOf(job.caseId);
      if (!worker) continue;
      const dueAt = outOfQuietHours(this.deps.now(), {
        timeZone: this.zone(worker.timeZone),
        quietHours: this.deps.config.quietHours,
        weekends: this.deps.config.followUps.staffWeekends,
      });
      notices.push(
        newJob(
          {
            kind: 'deliveryFailed',
            caseId: job.caseId,
            recipient: { role: 'worker', staffId: worker.id },
            subject: { failedJobId: job.id, reason },
            dueAt: dueAt.toISOString(),
          },
          this.deps.now(),
        ),
      );
    }
    await this.deps.queue.schedule(notices);
    await this.deps.planner.resync(jobs);
  }

  /**
   * What has waited for this person: their jobs given up on that are still wanted. The others
   * are dismissed, so their next turn does not check them again.
   */
  async waitingFor(actor: Actor): Promise<Job[]> {
    const key =
      actor.kind === 'staff'
        ? recipientKey({ recipient: { role: 'worker', staffId: actor.id } })
        : actor.kind === 'client'
          ? recipientKey({ recipient: { role: 'client' }, caseId: actor.caseId })
          : undefined;
    if (!key) return [];
    const waiting: Job[] = [];
    const gone: string[] = [];
    const now = this.deps.now();
    for (const job of await this.deps.queue.failedFor(key)) {
      if (await this.deps.planner.stillWanted(job, now)) waiting.push(job);
      else gone.push(job.id);
    }
    if (gone.length > 0) await this.deps.queue.dismiss(gone, now);
    return waiting;
  }

  private async workerOf(caseId: string): Promise<Staff | undefined> {
    const caseRecord: Case | undefined = await this.deps.repos.cases.get(caseId);
    return caseRecord ? this.deps.repos.staff.get(caseRecord.workerId) : undefined;
  }

  private zone(timeZone: string): string {
    return knowsZone(timeZone) ? timeZone : this.deps.config.defaultTimeZone;
  }
}

function byCase(jobs: readonly Job[]): Map<string, Job[]> {
  const groups = new Map<string, Job[]>();
  for (const job of jobs) {
    if (job.caseId === undefined) continue;
    groups.set(job.caseId, [...(groups.get(job.caseId) ?? []), job]);
  }
  return groups;
}
