// The person, language and services of the current turn, shared by the bot and the dialogs.
import type { TurnContext } from 'botbuilder';
import type { AppServices } from '../app/services.js';
import type { Actor } from '../domain/access.js';
import type { Language } from '../domain/schemas.js';
import { t, type MessageKey, type Params } from '../i18n/catalog.js';

export interface TurnSession {
  actor: Actor;
  lang: Language;
  /** The user's time zone, for reading and showing dates. */
  timeZone: string;
  services: AppServices;
}

const SESSION_KEY = Symbol('enlace.session');

export function setSession(context: TurnContext, session: TurnSession): void {
  context.turnState.set(SESSION_KEY, session);
}

export function session(context: TurnContext): TurnSession {
  const value = context.turnState.get(SESSION_KEY) as TurnSession | undefined;
  if (!value) throw new Error('No session for this turn');
  return value;
}

/** The catalog message in the turn's language. */
export function text(context: TurnContext, key: MessageKey, params?: Params): string {
  return t(session(context).lang, key, params);
}

export async function say(context: TurnContext, key: MessageKey, params?: Params): Promise<void> {
  await context.sendActivity(text(context, key, params));
}
