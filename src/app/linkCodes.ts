// One-time codes that bind a client's chat to their case. The worker sees the code once;
// only its hash is stored. Wrong attempts lock the chat user who made them, never the code,
// and wrong attempts from all chat users together are throttled.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../domain/access.js';
import { AttemptThrottle } from '../domain/attemptThrottle.js';
import { defaultConfig } from '../domain/config.js';
import { READABLE_ALPHABET, randomReadable } from '../domain/ids.js';
import type { Repositories } from '../domain/ports.js';
import type { ClientLink } from '../domain/schemas.js';
import type { CaseService } from './caseService.js';

const HOUR = 3600_000;
/** How long a chat user is locked out after too many wrong codes. */
const USER_LOCK_MS = HOUR;
const CODE_PATTERN = new RegExp(`^([${READABLE_ALPHABET}]{4})-?([${READABLE_ALPHABET}]{4})$`);

export type RedeemResult = { ok: true; link: ClientLink } | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'locked' | 'busy' };

/**
 * A code as typed: "ABC3-EF7H", or without its dash. Every code holds a digit, so an
 * eight-letter word ("apertura") is not taken for a code attempt.
 */
export function looksLikeLinkCode(text: string): boolean {
  const compact = text.trim().toUpperCase().replace(/\s+/g, '');
  return CODE_PATTERN.test(compact) && (compact.includes('-') || /\d/.test(compact));
}

function hash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

export class LinkCodeService {
  constructor(
    private readonly repos: Repositories,
    private readonly cases: CaseService,
    private readonly now: () => Date = () => new Date(),
    private readonly config = defaultConfig,
  ) {
    const { maxFailuresPerMinute, throttleMinutes } = config.linkCode;
    this.throttle = new AttemptThrottle({ maxFailuresPerWindow: maxFailuresPerMinute, windowMs: 60_000, cooldownMs: throttleMinutes * 60_000 });
  }

  /** Kept in memory: after a restart guessing starts over at the per-minute limit, which still holds. */
  private readonly throttle: AttemptThrottle;

  /** A new code for the client of `caseId` (named for the worker); the caller shows it to the worker only. */
  async create(actor: Actor, caseId: string): Promise<{ code: string; expiresAt: string; clientName: string }> {
    const record = await this.cases.read(actor, caseId, 'linkCode.create');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.config.linkCode.lifetimeHours * HOUR).toISOString();
    for (;;) {
      const id = randomReadable(4);
      let secret: string;
      do secret = randomReadable(4);
      while (!/\d/.test(id + secret));
      const code = `${id}-${secret}`;
      let taken = false;
      // Claimed inside the change, so a public half already in use is never overwritten.
      await this.repos.linkCodes.update(id, (current) => {
        if (current) {
          taken = true;
          return current;
        }
        return { id, codeHash: hash(code), caseId, createdBy: actor.id, createdAt: now.toISOString(), expiresAt };
      });
      if (!taken) return { code, expiresAt, clientName: record.client.name };
    }
  }

  async redeem(userId: string, typed: string): Promise<RedeemResult> {
    const now = this.now();
    const profile = await this.repos.users.get(userId);
    if (profile?.linkLockedUntil && Date.parse(profile.linkLockedUntil) > now.getTime()) return { ok: false, reason: 'locked' };
    if (!this.throttle.isOpen(now)) {
      await this.repos.audit.record({ actor: userId, action: 'client.link', outcome: 'denied', at: now.toISOString() });
      return { ok: false, reason: 'busy' };
    }

    const match = CODE_PATTERN.exec(typed.trim().toUpperCase().replace(/\s+/g, ''));
    const code = match ? `${match[1]}-${match[2]}` : '';
    const stored = match ? await this.repos.linkCodes.get(match[1]!) : undefined;
    const right = stored !== undefined && timingSafeEqual(Buffer.from(stored.codeHash, 'hex'), Buffer.from(hash(code), 'hex'));

    if (!stored || !right) {
      // The code itself is never locked: someone else's guesses must not shut the client out.
      this.throttle.recordFailure(now);
      const locked = await this.countFailureOnUser(userId);
      await this.repos.audit.record({ actor: userId, action: 'client.link', caseId: stored?.caseId, outcome: 'denied', at: now.toISOString() });
      return { ok: false, reason: locked ? 'locked' : 'invalid' };
    }
    if (stored.usedAt) return this.refuse(userId, stored.caseId, 'used');
    if (Date.parse(stored.expiresAt) <= now.getTime()) return this.refuse(userId, stored.caseId, 'expired');

    const at = now.toISOString();
    let claimed = false;
    // Claimed inside the change, on the latest record, so two people cannot both use it.
    await this.repos.linkCodes.update(stored.id, (c) => {
      if (!c || c.usedAt) return c;
      claimed = true;
      return { ...c, usedAt: at, usedBy: userId };
    });
    if (!claimed) return this.refuse(userId, stored.caseId, 'used');
    const link = await this.repos.clientLinks.put({ id: userId, caseId: stored.caseId, linkedAt: at, codeId: stored.id });
    await this.repos.users.update(userId, (p) => ({ ...(p ?? { id: userId }), failedLinkAttempts: 0, linkLockedUntil: undefined }));
    await this.repos.audit.record({ actor: userId, action: 'client.link', caseId: stored.caseId, at });
    return { ok: true, link };
  }

  private async refuse(userId: string, caseId: string, reason: 'used' | 'expired'): Promise<RedeemResult> {
    await this.repos.audit.record({ actor: userId, action: 'client.link', caseId, outcome: 'denied', at: this.now().toISOString() });
    return { ok: false, reason };
  }

  /** Returns whether the user is now locked out. */
  private async countFailureOnUser(userId: string): Promise<boolean> {
    const now = this.now();
    const profile = await this.repos.users.update(userId, (p) => {
      const failedLinkAttempts = (p?.failedLinkAttempts ?? 0) + 1;
      const lock = failedLinkAttempts >= this.config.linkCode.maxFailedAttempts;
      return {
        ...(p ?? { id: userId }),
        failedLinkAttempts: lock ? 0 : failedLinkAttempts,
        linkLockedUntil: lock ? new Date(now.getTime() + USER_LOCK_MS).toISOString() : p?.linkLockedUntil,
      };
    });
    return profile?.linkLockedUntil !== undefined && Date.parse(profile.linkLockedUntil) > now.getTime();
  }
}
