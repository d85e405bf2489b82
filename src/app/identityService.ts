// Who is writing, in which language and time zone to answer them, and how to reach them
// later (the conversation reference proactive follow-ups need).
import type { Actor } from '../domain/access.js';
import { auditOn, type Audit } from './audit.js';
import { localeLanguage } from '../domain/language.js';
import type { Repositories } from '../domain/ports.js';
import type { ConversationRef, Language } from '../domain/schemas.js';

export type ConversationAddress = Omit<ConversationRef, 'id' | 'updatedAt'>;

export class IdentityService {
  private readonly audit: Audit;

  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = auditOn(repos.audit, now);
  }

  /** A command asked for that is not on the person's menu (a client, an admin or a stranger asking for case work). */
  async refuseCommand(actor: Actor, command: string): Promise<void> {
    await this.audit(actor, `menu.${command}`, undefined, 'denied', 'notOnMenu');
  }

  /**
   * The person behind a chat user: staff by their key (Teams: the AAD object id) or channel
   * id, a client by the link to a case that still exists, otherwise unknown.
   */
  async identify(userKey: string, channelUserId?: string): Promise<Actor> {
    const staff = (await this.repos.staff.get(userKey)) ?? (channelUserId ? await this.repos.staff.get(channelUserId) : undefined);
    if (staff) return { kind: 'staff', id: staff.id, staff };
    const link = await this.repos.clientLinks.get(userKey);
    if (link && (await this.repos.cases.get(link.caseId))) return { kind: 'client', id: userKey, caseId: link.caseId };
    return { kind: 'unknown', id: userKey };
  }

  /** Their stored choice, then the staff member's or the client's language, then the locale, then Spanish. */
  async preferredLanguage(actor: Actor, locale?: string): Promise<Language> {
    const stored = (await this.repos.users.get(actor.id))?.language;
    if (stored) return stored;
    if (actor.kind === 'staff') return actor.staff.language;
    if (actor.kind === 'client') return (await this.repos.cases.get(actor.caseId))?.client.language ?? 'es';
    return localeLanguage(locale) ?? 'es';
  }

  async timeZoneOf(actor: Actor, fallback: string): Promise<string> {
    if (actor.kind === 'staff') return actor.staff.timeZone;
    if (actor.kind === 'client') return (await this.repos.cases.get(actor.caseId))?.client.timeZone ?? fallback;
    return fallback;
  }

  /** Keeps the latest address of a chat user; unchanged most of the time, and then not written. */
  async rememberConversation(userKey: string, address: ConversationAddress): Promise<void> {
    const stored = await this.repos.conversationRefs.get(userKey);
    if (JSON.stringify(stored?.reference) === JSON.stringify(address.reference)) return;
    await this.repos.conversationRefs.put({ id: userKey, ...address, updatedAt: this.now().toISOString() });
  }
}
