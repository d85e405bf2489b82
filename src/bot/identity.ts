// Who is writing, from the channel's ids (Teams: from.aadObjectId), and in which language
// to answer: their stored preference, then the activity's locale, then Spanish.
import type { Activity } from 'botbuilder';
import type { IdentityService } from '../app/identityService.js';
import type { Actor } from '../domain/access.js';
import type { Language } from '../domain/schemas.js';

/** The key the bot knows a chat user by: the AAD object id where the channel gives one. */
export function userKey(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId || activity.from?.id || '';
}

export function identify(activity: Partial<Activity>, identity: IdentityService): Promise<Actor> {
  return identity.identify(userKey(activity), activity.from?.id);
}

export function preferredLanguage(actor: Actor, activity: Partial<Activity>, identity: IdentityService): Promise<Language> {
  return identity.preferredLanguage(actor, activity.locale);
}

export function timeZoneOf(actor: Actor, identity: IdentityService, fallback: string): Promise<string> {
  return identity.timeZoneOf(actor, fallback);
}
