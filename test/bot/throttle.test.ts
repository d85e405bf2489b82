import { describe, expect, it } from 'vitest';
import { DeliveryThrottle, TEAMS_LIMITS, TokenBucket, type RateLimit } from '../../src/bot/throttle.js';

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

/** The most sends in any closed window of `perMs`. */
function busiestWindow(times: number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! > perMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('token bucket', () => {
  it('lets half the count through at once, then refills the rest evenly over the window', () => {
    const bucket = new TokenBucket({ count: 8, perMs: 2_000 }, 0);
    for (let n = 0; n < 4; n++) {
      expect(bucket.waitMs(0)).toBe(0);
      bucket.take(0);
    }
    expect(bucket.waitMs(0)).toBeCloseTo(500);
    expect(bucket.waitMs(400)).toBeCloseTo(100);
    bucket.take(500);
    expect(bucket.waitMs(500)).toBeCloseTo(500);
    expect(bucket.fullAt(500)).toBe(false);
    expect(bucket.fullAt(500 + 2_000)).toBe(true);
  });

  it('refuses a limit it cannot keep', () => {
    expect(() => new TokenBucket({ count: 1, perMs: 1_000 }, 0)).toThrow(RangeError);
    expect(() => new TokenBucket({ count: 5, perMs: 0 }, 0)).toThrow(RangeError);
  });
});

describe('delivery throttle within Teams limits', () => {
  it('never sends more to one conversation than each per-conversation limit allows', () => {
    const times = sendTimes(new DeliveryThrottle(), ['conv-a'], 400).map((s) => s.at);
    for (const limit of TEAMS_LIMITS.perConversation) expect(busiestWindow(times, limit.perMs)).toBeLessThanOrEqual(limit.count);
    // Not slower than it must be: the 60 in 30 s limit is what binds over half a minute.
    expect(busiestWindow(times, 30_000)).toBe(60);
    expect(busiestWindow(times, 1_000)).toBeGreaterThanOrEqual(3);
  });

  it('keeps the whole app under 50 a second across many conversations, each conversation within its own limits', () => {
    const conversations = Array.from({ length: 200 }, (_, n) => `conv-${n}`);
    const sent = sendTimes(new DeliveryThrottle(), conversations, 2_000);
    const appLimit = TEAMS_LIMITS.perApp[0]!;
    expect(
      busiestWindow(
        sent.map((s) => s.at),
        appLimit.perMs,
      ),
    ).toBeLessThanOrEqual(appLimit.count);
    expect(
      busiestWindow(
        sent.map((s) => s.at),
        appLimit.perMs,
      ),
    ).toBeGreaterThanOrEqual(appLimit.count - 1);
    for (const conversation of conversations.slice(0, 5)) {
      const times = sent.filter((s) => s.conversation === conversation).map((s) => s.at);
      for (const limit of TEAMS_LIMITS.perConversation) expect(busiestWindow(times, limit.perMs)).toBeLessThanOrEqual(limit.count);
    }
  });

  it('holds back a busy conversation, not a quiet one, as the sender sends one message after another', () => {
    const limits: { perConversation: RateLimit[]; perApp: RateLimit[] } = {
      perConversation: [{ count: 2, perMs: 1_000 }],
      perApp: [{ count: 100, perMs: 1_000 }],
    };
    const throttle = new DeliveryThrottle(limits);
    expect(throttle.reserve('busy', 0)).toBe(0);
    expect(throttle.reserve('busy', 0)).toBeCloseTo(1_000);
    // The sender waited that second and sent; another conversation goes at once…
    expect(throttle.reserve('quiet', 1_000)).toBe(0);
    // …while the busy one waits its turn again.
    expect(throttle.reserve('busy', 1_000)).toBeCloseTo(1_000);
  });
});
