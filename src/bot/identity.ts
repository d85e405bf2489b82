// Who is writing, from the channel's ids (Teams: from.aadObjectId), and in which language
// to answer: their stored preference, then the activity's locale, then Spanish.
import type { Activity } from 'botbuilder';
import type { Actor } from '../domain/access.js';
import { localeLanguage } from '../domain/language.js';
import type { Repositories } from '../domain/ports.js';
import type { Language } from '../domain/schemas.js';

/** The key the bot knows a chat user by: the AAD object id where the channel gives one. */
export function userKey(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId || activity.from?.id || '';
}

export function identify(activity: Partial<Activity>, repos: Repositories): Actor {
  const id = userKey(activity);
  const staff = repos.staff.get(id) ?? (activity.from?.id ? repos.staff.get(activity.from.id) : undefined);
  if (staff) return { kind: 'staff', id: staff.id, staff };
  const link = repos.clientLinks.get(id);
  if (link && repos.cases.get(link.caseId)) return { kind: 'client', id, caseId: link.caseId };
  return { kind: 'unknown', id };
}

export function preferredLanguage(actor: Actor, activity: Partial<Activity>, repos: Repositories): Language {
  const stored = repos.users.get(actor.id)?.language;
  if (stored) return stored;
  if (actor.kind === 'staff') return actor.staff.language;
  if (actor.kind === 'client') return repos.cases.get(actor.caseId)?.client.language ?? 'es';
  return localeLanguage(activity.locale) ?? 'es';
}

export function timeZoneOf(actor: Actor, repos: Repositories, fallback: string): string {
  if (actor.kind === 'staff') return actor.staff.timeZone;
  if (actor.kind === 'client') return repos.cases.get(actor.caseId)?.client.timeZone ?? fallback;
  return fallback;
}
