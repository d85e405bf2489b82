// The case a staff member is working on, so the next command need not repeat its id.
import type { TurnContext } from 'botbuilder';
import { session } from '../src/bot/session.js';

export async function setCurrentCase(context: TurnContext, caseId: string): Promise<void> {
  const { actor, services } = session(context);
  await services.people.setCurrentCase(actor, caseId);
}

export function currentCase(context: TurnContext): Promise<string | undefined> {
  const { actor, services } = session(context);
  return services.people.currentCase(actor);
}
