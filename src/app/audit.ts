// Audit entries on the bot's clock: who, what, which case (a real case id), the outcome.
import type { Actor } from '../domain/access.js';
import type { AuditLog } from '../domain/ports.js';
import type { AuditEntry } from '../domain/schemas.js';

/** Who acted: a person, or the follow-ups scheduler under its own id. */
export type AuditActor = Pick<Actor, 'id'>;

export type Audit = (actor: AuditActor, action: string, caseId: string | undefined, outcome?: 'ok' | 'denied', reason?: AuditEntry['reason']) => Promise<void>;

export function auditOn(log: AuditLog, now: () => Date): Audit {
  return (actor, action, caseId, outcome = 'ok', reason) => log.record({ actor: actor.id, action, caseId, outcome, reason, at: now().toISOString() });
}

/** The same action on several cases, as one batch: the log commits them together. */
export type AuditCases = (actor: AuditActor, action: string, caseIds: readonly string[]) => Promise<void>;

export function auditCasesOn(log: AuditLog, now: () => Date): AuditCases {
  return async (actor, action, caseIds) => {
    const at = now().toISOString();
    await Promise.all(caseIds.map((caseId) => log.record({ actor: actor.id, action, caseId, outcome: 'ok', at })));
  };
}
