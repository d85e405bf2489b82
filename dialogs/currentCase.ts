// The case a staff member is working on, so the next command need not repeat its id.
import type { TurnContext } from 'botbuilder';
import { session } from '../src/bot/session.js';

export async function setCurrentCase(context: TurnContext, caseId: string): Promise<void> {
  const { actor, services } = session(context);
  await services.repos.users.update(actor.id, (p) => ({ ...(p ?? { id: actor.id, failedLinkAttempts: 0 }), currentCaseId: caseId }));
}

export function currentCase(context: TurnContext): string | undefined {
  const { actor, services } = session(context);
  return services.repos.users.get(actor.id)?.currentCaseId;
}
