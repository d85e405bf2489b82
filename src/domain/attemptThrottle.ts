// Failed attempts across all chat users in a sliding window: past the limit, every attempt
// is refused for a cooldown, so guessing codes with many chat users stays slow.
export interface ThrottleSettings {
  readonly maxFailuresPerWindow: number;
  readonly windowMs: number;
  readonly cooldownMs: number;
}

export class AttemptThrottle {
  /** Times of the failures in the current window, oldest first; never more than the limit. */
  private failures: number[] = [];
  private closedUntil = 0;

  constructor(private readonly settings: ThrottleSettings) {}

  isOpen(now: Date): boolean {
    return now.getTime() >= this.closedUntil;
  }

  recordFailure(now: Date): void {
    const at = now.getTime();
    const { maxFailuresPerWindow, windowMs, cooldownMs } = this.settings;
    this.failures = this.failures.filter((t) => t > at - windowMs);
    this.failures.push(at);
    if (this.failures.length >= maxFailuresPerWindow) {
      this.closedUntil = at + cooldownMs;
      this.failures = [];
    }
  }
}
