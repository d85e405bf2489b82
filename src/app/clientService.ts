// What a linked client may do with their own case: see their goals and tasks in plain
// language and check in on their tasks. Nothing else of the case leaves here; every read and
// change is audited with the case id.
import { clientViewOf, isClientOf, type Actor, type ClientView } from '../domain/access.js';
import { clientTasksDue, tasksAwaitingAnswer } from '../domain/checkIns.js';
import { messagingAllowed, withdrawMessaging } from '../domain/consent.js';
import { CaseClosedError } from '../domain/errors.js';
import type { Repositories } from '../domain/ports.js';
import type { Achievement, Case, Progress } from '../domain/schemas.js';
import { recordProgress } from '../domain/tasks.js';
import { auditOn, type Audit } from './audit.js';
import type { CaseChanged } from './caseService.js';

export type ClientActor = Extract<Actor, { kind: 'client' }>;
export type ClientTask = ClientView['tasks'][number];

/** What came of a client's withdrawal of consent to messages. */
export type WithdrawalOutcome = 'withdrawn' | 'alreadyWithdrawn' | 'caseClosed';

export interface CheckInAnswer {
  taskId: string;
  rating: Achievement;
  obstacles?: string;
  needsHelp: boolean;
}

export class ClientService {
  private readonly audit: Audit;

  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
    private readonly onChanged: CaseChanged = async () => {},
  ) {
    this.audit = auditOn(repos.audit, now);
  }

  /** The client's goals and tasks; undefined when their case is gone. */
  async plan(actor: ClientActor): Promise<ClientView | undefined> {
    const record = await this.ownCase(actor);
    if (!record) return undefined;
    await this.audit(actor, 'client.plan.read', record.id);
    return clientViewOf(record);
  }

  /**
   * The open tasks the client checks in on; undefined when their case is gone. Throws
   * CaseClosedError, audited as a refusal, when the case is closed.
   */
  async checkInTasks(actor: ClientActor): Promise<ClientView['tasks'] | undefined> {
    const record = await this.ownCase(actor);
    if (!record) return undefined;
    if (record.status === 'closed') {
      await this.audit(actor, 'client.checkIn', record.id, 'denied');
      throw new CaseClosedError(record.id);
    }
    await this.audit(actor, 'client.checkIn', record.id);
    return clientViewOf({ ...record, tasks: clientTasksDue(record) }).tasks;
  }

  /**
   * The client's tasks whose check-in prompt they have not answered yet, so their next
   * message answers it; none when their case is closed or gone.
   */
  async tasksAwaitingAnswer(actor: ClientActor): Promise<ClientTask[]> {
    const record = await this.ownCase(actor);
    if (!record) return [];
    await this.audit(actor, 'client.checkIn.pending', record.id);
    return clientViewOf({ ...record, tasks: tasksAwaitingAnswer(record) }).tasks;
  }

  /**
   * Records, on the client's own case only, that they withdraw consent to messages.
   * A closed case is read-only and sends no messages anyway. Throws CaseClosedError when
   * the case is gone.
   */
  async withdrawMessaging(actor: ClientActor): Promise<WithdrawalOutcome> {
    const at = this.now().toISOString();
    let outcome: WithdrawalOutcome = 'withdrawn';
    try {
      await this.repos.cases.update(actor.caseId, (current) => {
        if (!current || !isClientOf(actor, current)) throw new CaseClosedError(actor.caseId);
        outcome = 'withdrawn';
        if (current.status === 'closed') outcome = 'caseClosed';
        else if (!messagingAllowed(current)) outcome = 'alreadyWithdrawn';
        if (outcome !== 'withdrawn') return current;
        return { ...withdrawMessaging(current, actor.id, at), updatedAt: at };
      });
    } catch (error) {
      if (error instanceof CaseClosedError) await this.audit(actor, 'client.consent.withdraw', undefined, 'denied', 'notFound');
      throw error;
    }
    await this.audit(actor, 'client.consent.withdraw', actor.caseId);
    // The prompts already scheduled are cancelled at once.
    if (outcome === 'withdrawn') await this.onChanged(actor.caseId);
    return outcome;
  }

  /**
   * Records the client's answer on one of their tasks. Throws CaseClosedError (audited as a
   * refusal) when the case was closed or is gone, DomainError when the task no longer takes progress.
   */
  async checkIn(actor: ClientActor, answer: CheckInAnswer): Promise<void> {
    const at = this.now().toISOString();
    const entry: Progress = {
      at,
      rating: answer.rating,
      needsHelp: answer.needsHelp,
      source: 'client',
      by: actor.id,
      ...(answer.obstacles ? { obstacles: answer.obstacles } : {}),
    };
    try {
      await this.repos.cases.update(actor.caseId, (current) => {
        if (!current || !isClientOf(actor, current) || current.status === 'closed') throw new CaseClosedError(actor.caseId);
        return { ...recordProgress(current, answer.taskId, entry).next, updatedAt: at };
      });
    } catch (error) {
      if (error instanceof CaseClosedError) await this.audit(actor, 'client.checkIn', actor.caseId, 'denied');
      throw error;
    }
    await this.audit(actor, 'client.checkIn', actor.caseId);
    await this.onChanged(actor.caseId);
  }

  private async ownCase(actor: ClientActor): Promise<Case | undefined> {
    const record = await this.repos.cases.get(actor.caseId);
    return record && isClientOf(actor, record) ? record : undefined;
  }
}
