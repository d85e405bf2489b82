import { describe, expect, it } from 'vitest';
import { DeliveryThrottle, SAFETY_MARGIN, SENDING_LIMITS, SlidingLog, TEAMS_LIMITS, withMargin, type RateLimit } from '../../src/bot/throttle.js';

/** Sends as fast as the throttle allows, round-robin over conversations: the instant of each send. */
function sendTimes(throttle: DeliveryThrottle, conversations: string[], messages: number): { conversation: string; at: number }[] {
  const sent: { conversation: string; at: number }[] = [];
  let now = 0;
  for (let n = 0; n < messages; n++) {
    const conversation = conversations[n % conversations.length]!;
    now += throttle.reserve(conversation, now);
    sent.push({ conversation, at: now });
  }
  return sent;
}

/** The most sends in any window (u − perMs, u], as Teams counts them. */
function busiestWindow(times: number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[start]! <= sorted[end]! - perMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

const APP = TEAMS_LIMITS.perApp[0]!;

describe('sliding log', () => {
  it('lets the whole count through at once, then one more as each leaves the window', () => {
    const log = new SlidingLog([{ count: 8, perMs: 2_000 }]);
    for (const at of [0, 0, 0, 0, 100, 100, 100, 100]) {
      expect(log.earliestFrom(at)).toBe(at);
      log.add(at);
    }
    expect(log.earliestFrom(100)).toBe(2_000);
    expect(log.earliestFrom(1_999)).toBe(2_000);
    // The four sent at 0 have left the window ending at 2000; the four at 100 are still in it.
    for (let n = 0; n < 4; n++) {
      expect(log.earliestFrom(2_000)).toBe(2_000);
      log.add(2_000);
    }
    expect(log.earliestFrom(2_000)).toBe(2_100);
  });

  it('keeps every window that would hold an instant reserved ahead', () => {
    const log = new SlidingLog([{ count: 2, perMs: 1_000 }]);
    log.add(5_000);
    log.add(5_500);
    // Earlier than 4500 and later than 5500 are fine; in between a window would hold three.
    expect(log.earliestFrom(4_000)).toBe(4_000);
    expect(log.earliestFrom(4_600)).toBe(6_000);
  });

  it('forgets only what no window can hold', () => {
    const log = new SlidingLog([{ count: 1, perMs: 1_000 }]);
    log.add(0);
    expect(log.idleAt(999)).toBe(false);
    expect(log.idleAt(1_000)).toBe(true);
  });

  it('refuses a limit it cannot keep', () => {
    expect(() => new SlidingLog([{ count: 0, perMs: 1_000 }])).toThrow(RangeError);
    expect(() => new SlidingLog([{ count: 5, perMs: 0 }])).toThrow(RangeError);
    expect(() => new SlidingLog([])).toThrow(RangeError);
    expect(() => withMargin(TEAMS_LIMITS, -0.1)).toThrow(RangeError);
  });
});

describe('delivery throttle within Teams limits', () => {
  it('keeps a few percent below Teams: each window lengthened by the margin', () => {
    expect(SAFETY_MARGIN).toBeGreaterThan(0);
    expect(SAFETY_MARGIN).toBeLessThanOrEqual(0.05);
    expect(SENDING_LIMITS.perApp).toEqual([{ count: 50, perMs: 1_030 }]);
    expect(SENDING_LIMITS.perConversation.map((limit) => limit.count)).toEqual(TEAMS_LIMITS.perConversation.map((limit) => limit.count));
  });

  it('sustains at least 90% of 50 a second over 30 s across many conversations, never over any limit', () => {
    const conversations = Array.from({ length: 500 }, (_, n) => `conv-${n}`);
    const sent = sendTimes(new DeliveryThrottle(), conversations, 5_000);
    const times = sent.map((s) => s.at);
    const inFirst30s = times.filter((at) => at < 30_000).length;
    expect(inFirst30s / 30).toBeGreaterThanOrEqual(0.9 * APP.count);
    expect(busiestWindow(times, APP.perMs)).toBeLessThanOrEqual(APP.count);
    expect(busiestWindow(times, APP.perMs)).toBe(APP.count);
    const overall = (times.length - 1) / (times.at(-1)! / 1_000);
    expect(overall).toBeGreaterThanOrEqual(0.9 * APP.count);
    expect(overall).toBeLessThanOrEqual(APP.count);
    for (const conversation of conversations.slice(0, 10)) {
      const own = sent.filter((s) => s.conversation === conversation).map((s) => s.at);
      for (const limit of TEAMS_LIMITS.perConversation) expect(busiestWindow(own, limit.perMs)).toBeLessThanOrEqual(limit.count);
    }
  });

  it('leaves room for late arrivals: messages sent up to 25 ms late still keep 50 a second', () => {
    const conversations = Array.from({ length: 300 }, (_, n) => `conv-${n}`);
    // The messages of every other send instant leave 25 ms late, the others on time.
    const instants = sendTimes(new DeliveryThrottle(), conversations, 3_000).map((s) => s.at);
    const distinct = [...new Set(instants)];
    const arrivals = instants.map((at) => at + (distinct.indexOf(at) % 2 === 0 ? 25 : 0));
    expect(distinct.length).toBeGreaterThan(2);
    expect(busiestWindow(arrivals, APP.perMs)).toBeLessThanOrEqual(APP.count);
  });

  it('never sends more to one conversation than each per-conversation limit allows, and no slower than they do', () => {
    const times = sendTimes(new DeliveryThrottle(), ['conv-a'], 400).map((s) => s.at);
    for (const limit of TEAMS_LIMITS.perConversation) expect(busiestWindow(times, limit.perMs)).toBeLessThanOrEqual(limit.count);
    // The 60 in 30 s limit is what binds over time: 400 messages take about 6⅔ of its windows.
    expect(busiestWindow(times, 30_000)).toBe(60);
    expect(busiestWindow(times, 1_000)).toBe(7);
    expect(times.at(-1)!).toBeLessThan(7 * 30_000 * (1 + SAFETY_MARGIN));
  });

  it('holds back a busy conversation, not a quiet one, even when reserving ahead', () => {
    const limits: { perConversation: RateLimit[]; perApp: RateLimit[] } = {
      perConversation: [{ count: 2, perMs: 1_000 }],
      perApp: [{ count: 100, perMs: 1_000 }],
    };
    const throttle = new DeliveryThrottle(limits);
    expect(throttle.reserve('busy', 0)).toBe(0);
    expect(throttle.reserve('busy', 0)).toBe(0);
    expect(throttle.reserve('busy', 0)).toBe(1_000);
    // Another conversation goes at once, before the busy one's turn…
    expect(throttle.reserve('quiet', 0)).toBe(0);
    // …while the busy one waits its turn again: one more fits the window ending at 1000, then none.
    expect(throttle.reserve('busy', 1_000)).toBe(0);
    expect(throttle.reserve('busy', 1_000)).toBe(1_000);
  });

  it('holds a conversation to the app limit too', () => {
    const throttle = new DeliveryThrottle({ perConversation: [{ count: 100, perMs: 1_000 }], perApp: [{ count: 3, perMs: 1_000 }] });
    expect([0, 0, 0, 0].map((now, n) => throttle.reserve(`conv-${n}`, now))).toEqual([0, 0, 0, 1_000]);
  });
});
