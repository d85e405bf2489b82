// Keeping proactive messages inside Teams' rate limits: token buckets per conversation and
// for the whole app. Pure: the caller passes the time and waits as told.

/** At most `count` messages in any window of `perMs`. */
export interface RateLimit {
  readonly count: number;
  readonly perMs: number;
}

/**
 * Teams' limits for a bot (Microsoft Learn, "Optimize your bot with rate limiting"): per
 * conversation 7 a second, 8 in 2 seconds, 60 in 30 seconds and 1800 an hour; 50 a second
 * for the app in a tenant.
 */
export const TEAMS_LIMITS: { readonly perConversation: readonly RateLimit[]; readonly perApp: readonly RateLimit[] } = {
  perConversation: [
    { count: 7, perMs: 1_000 },
    { count: 8, perMs: 2_000 },
    { count: 60, perMs: 30_000 },
    { count: 1_800, perMs: 3_600_000 },
  ],
  perApp: [{ count: 50, perMs: 1_000 }],
};

/** Below this a bucket counts as holding a whole token (floating-point refills). */
const EPSILON = 1e-9;

/**
 * A bucket that lets at most `count` through in any window of `perMs`: it holds half the
 * count as a burst and refills the other half evenly over the window, so a full burst plus
 * a window's refill never exceeds the count.
 */
export class TokenBucket {
  private readonly capacity: number;
  private readonly perMs: number;
  private tokens: number;
  private updatedMs: number;

  constructor(limit: RateLimit, startMs: number) {
    if (!(Number.isInteger(limit.count) && limit.count >= 2 && limit.perMs > 0)) {
      throw new RangeError('A rate limit needs a count of at least 2 and a positive window');
    }
    this.capacity = Math.floor(limit.count / 2);
    this.perMs = (limit.count - this.capacity) / limit.perMs;
    this.tokens = this.capacity;
    this.updatedMs = startMs;
  }

  /** How long after `nowMs` a token is free (0 when one is free now). */
  waitMs(nowMs: number): number {
    const from = Math.max(nowMs, this.updatedMs);
    const tokens = this.tokensAt(from);
    if (tokens >= 1 - EPSILON) return from - nowMs;
    return from + (1 - tokens) / this.perMs - nowMs;
  }

  /** Takes a token at `atMs`, which must be when one is free (see waitMs). */
  take(atMs: number): void {
    const at = Math.max(atMs, this.updatedMs);
    this.tokens = Math.max(0, this.tokensAt(at) - 1);
    this.updatedMs = at;
  }

  /** Whether the bucket is full at `nowMs` (idle long enough to forget). */
  fullAt(nowMs: number): boolean {
    return this.tokensAt(Math.max(nowMs, this.updatedMs)) >= this.capacity - EPSILON;
  }

  private tokensAt(ms: number): number {
    return Math.min(this.capacity, this.tokens + (ms - this.updatedMs) * this.perMs);
  }
}

/** Conversations kept before idle ones are forgotten. */
const SWEEP_ABOVE = 1_000;

export class DeliveryThrottle {
  private readonly app: TokenBucket[];
  private readonly conversations = new Map<string, TokenBucket[]>();

  constructor(
    private readonly limits = TEAMS_LIMITS,
    startMs = 0,
  ) {
    this.app = limits.perApp.map((limit) => new TokenBucket(limit, startMs));
  }

  /**
   * Reserves one message to `conversationId`: the milliseconds to wait from `nowMs` before
   * sending it. Reservations queue up, so calling again before the wait is over is safe.
   */
  reserve(conversationId: string, nowMs: number): number {
    if (this.conversations.size > SWEEP_ABOVE) this.sweep(nowMs);
    const own = this.conversations.get(conversationId) ?? this.limits.perConversation.map((limit) => new TokenBucket(limit, nowMs));
    this.conversations.set(conversationId, own);
    const buckets = [...this.app, ...own];
    // A later moment only adds tokens, so the latest of the waits suits every bucket.
    const wait = Math.max(...buckets.map((bucket) => bucket.waitMs(nowMs)));
    for (const bucket of buckets) bucket.take(nowMs + wait);
    return wait;
  }

  private sweep(nowMs: number): void {
    for (const [id, buckets] of this.conversations) {
      if (buckets.every((bucket) => bucket.fullAt(nowMs))) this.conversations.delete(id);
    }
  }
}
