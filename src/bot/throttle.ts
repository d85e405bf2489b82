// Keeping proactive messages inside Teams' rate limits: a sliding log of send instants per
// conversation and for the whole app, checked against every window Teams counts. Pure: the
// caller passes the time and waits as told.

/** At most `count` messages in any window of `perMs`. */
export interface RateLimit {
  readonly count: number;
  readonly perMs: number;
}

export interface DeliveryLimits {
  readonly perConversation: readonly RateLimit[];
  readonly perApp: readonly RateLimit[];
}

/**
 * Teams' limits for a bot (Microsoft Learn, "Optimize your bot with rate limiting"): per
 * conversation 7 a second, 8 in 2 seconds, 60 in 30 seconds and 1800 an hour; 50 a second
 * for the app in a tenant.
 */
export const TEAMS_LIMITS: DeliveryLimits = {
  perConversation: [
    { count: 7, perMs: 1_000 },
    { count: 8, perMs: 2_000 },
    { count: 60, perMs: 30_000 },
    { count: 1_800, perMs: 3_600_000 },
  ],
  perApp: [{ count: 50, perMs: 1_000 }],
};

/**
 * How much longer than Teams' each window is kept: a message leaves some milliseconds after
 * its instant, and not all alike, so two sent exactly a window apart could arrive a little
 * less than a window apart. 3% of a second is 30 ms of leeway, for 97% of the rate.
 */
export const SAFETY_MARGIN = 0.03;

/** The same limits with each window lengthened by `margin` (a fraction). */
export function withMargin(limits: DeliveryLimits, margin: number): DeliveryLimits {
  if (!(margin >= 0)) throw new RangeError('A safety margin is a fraction of at least 0');
  const longer = (list: readonly RateLimit[]) => list.map((limit) => ({ count: limit.count, perMs: Math.ceil(limit.perMs * (1 + margin)) }));
  return { perConversation: longer(limits.perConversation), perApp: longer(limits.perApp) };
}

/** What the bot keeps to: Teams' limits with the safety margin. */
export const SENDING_LIMITS: DeliveryLimits = withMargin(TEAMS_LIMITS, SAFETY_MARGIN);

/**
 * The instants messages were (or are to be) sent to one place, kept sorted, checked against
 * its limits: at most `count` in any window of `perMs`, the window (u − perMs, u] as Teams
 * counts it. Unlike a token bucket it lets the whole count through in each window, never more.
 */
export class SlidingLog {
  private readonly instants: number[] = [];
  private readonly longestMs: number;

  constructor(private readonly limits: readonly RateLimit[]) {
    if (limits.length === 0) throw new RangeError('A sliding log needs at least one limit');
    for (const limit of limits) {
      if (!(Number.isInteger(limit.count) && limit.count >= 1 && limit.perMs > 0)) {
        throw new RangeError('A rate limit needs a count of at least 1 and a positive window');
      }
    }
    this.longestMs = Math.max(...limits.map((limit) => limit.perMs));
  }

  /** The earliest instant at or after `fromMs` when one more message keeps every limit. */
  earliestFrom(fromMs: number): number {
    let at = fromMs;
    for (;;) {
      const later = Math.max(at, ...this.limits.map((limit) => this.earliestFor(limit, at)));
      if (later === at) return at;
      at = later;
    }
  }

  /** Records a message at `atMs`, which must be an instant earliestFrom allowed. */
  add(atMs: number): void {
    this.instants.splice(this.countUpTo(atMs), 0, atMs);
  }

  /** Forgets instants no window reaching `nowMs` or later can hold. */
  forget(nowMs: number): void {
    const stale = this.countUpTo(nowMs - this.longestMs);
    if (stale > 0) this.instants.splice(0, stale);
  }

  /** Whether nothing is remembered after forgetting what `nowMs` no longer needs. */
  idleAt(nowMs: number): boolean {
    this.forget(nowMs);
    return this.instants.length === 0;
  }

  /**
   * For one limit: the earliest instant t ≥ fromMs such that every window holding t holds
   * fewer than `count` others. Only the windows ending at t or at a later instant within
   * one window of t can be fullest, so those are checked.
   */
  private earliestFor(limit: RateLimit, fromMs: number): number {
    let t = fromMs;
    for (;;) {
      const blocking = this.fullWindowEnd(limit, t);
      if (blocking === undefined) return t;
      // The window ending at `blocking` is full: t must wait until that window's oldest leaves it.
      const oldestIndex = this.countUpTo(blocking) - limit.count;
      t = Math.max(t, this.instants[oldestIndex]! + limit.perMs);
    }
  }

  /** An end u ∈ [t, t + perMs) of a window (u − perMs, u] already holding `count`; undefined if none. */
  private fullWindowEnd(limit: RateLimit, t: number): number | undefined {
    const ends = [t, ...this.instants.slice(this.countUpTo(t), this.countBefore(t + limit.perMs))];
    return ends.find((u) => this.countUpTo(u) - this.countUpTo(u - limit.perMs) >= limit.count);
  }

  /** How many instants are ≤ ms. */
  private countUpTo(ms: number): number {
    let low = 0;
    let high = this.instants.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.instants[middle]! <= ms) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** How many instants are < ms. */
  private countBefore(ms: number): number {
    let low = 0;
    let high = this.instants.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.instants[middle]! < ms) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Conversations kept before idle ones are first forgotten; the bound doubles as more stay busy. */
const SWEEP_ABOVE = 1_000;

export class DeliveryThrottle {
  private readonly app: SlidingLog;
  private readonly conversations = new Map<string, SlidingLog>();
  private sweepAbove = SWEEP_ABOVE;

  constructor(private readonly limits: DeliveryLimits = SENDING_LIMITS) {
    this.app = new SlidingLog(limits.perApp);
  }

  /**
   * Reserves one message to `conversationId`: the milliseconds to wait from `nowMs` before
   * sending it. Reservations queue up, so calling again before the wait is over is safe.
   */
  reserve(conversationId: string, nowMs: number): number {
    if (this.conversations.size > this.sweepAbove) this.sweep(nowMs);
    const own = this.conversations.get(conversationId) ?? new SlidingLog(this.limits.perConversation);
    this.conversations.set(conversationId, own);
    this.app.forget(nowMs);
    own.forget(nowMs);
    // Each log answers the earliest instant it allows from a given one; ask both in turn
    // until they agree.
    let at = nowMs;
    for (;;) {
      const later = own.earliestFrom(this.app.earliestFrom(at));
      if (later === at) break;
      at = later;
    }
    this.app.add(at);
    own.add(at);
    return at - nowMs;
  }

  /** Forgets conversations with nothing in any window; sweeps again only once twice as many are kept. */
  private sweep(nowMs: number): void {
    for (const [id, log] of this.conversations) if (log.idleAt(nowMs)) this.conversations.delete(id);
    this.sweepAbove = Math.max(SWEEP_ABOVE, this.conversations.size * 2);
  }
}
