// The follow-ups loop (SPEC §4). It reads the wall clock on every round, at start and at
// least every 30 s, so jobs that fell due while the process was down or asleep, or
// across a clock change, go out on the next round; there is no long timer to miss. A job
// a round hands back for sooner (a 429's Retry-After) brings the next round forward to it.
// Each round claims what is due, gathers one person's jobs into one message, drops the
// ones whose reason has gone, and records each outcome.
import { recipientKey, type Job, type Recipient } from '../domain/followups/job.js';
import type { JobQueue } from '../domain/followups/queue.js';

/** One message to one person, carrying every job gathered for them, oldest first. */
export interface Delivery {
  readonly recipient: Recipient;
  /** The case, when the recipient is its client. */
  readonly caseId?: string;
  /**
   * Each job's id is its idempotency key: a job already shown to the person (a crash
   * between sending and recording it) must not be shown again when sent once more.
   */
  readonly jobs: readonly Job[];
}

export type SendOutcome =
  | { readonly outcome: 'sent' }
  /** A passing failure (429, 5xx, network): try again, not before `retryAfterMs` when the channel said so. */
  | { readonly outcome: 'retry'; readonly error: string; readonly retryAfterMs?: number }
  /** The person cannot be reached (no conversation, app removed, Teams 403): do not retry. */
  | { readonly outcome: 'unreachable'; readonly code: string };

export interface Sender {
  send(delivery: Delivery): Promise<SendOutcome>;
}

export interface SchedulerOptions {
  /** This instance's name, as lease owner. */
  readonly owner: string;
  /** Between rounds; at most 30 s. */
  readonly pollMs: number;
  /** How long a claim lasts: longer than a round's sending takes. */
  readonly leaseMs: number;
  /** Jobs claimed at a time; a round claims again until nothing is due. */
  readonly batchSize: number;
  /**
   * Messages to different people under way at once. Each waits its turn at the channel's
   * rate limit and for its records to be durable; one after another, those waits, not the
   * limit, would set the pace.
   */
  readonly concurrency: number;
  /** Deliveries tried before giving up on a job. */
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

export const defaultSchedulerOptions: Omit<SchedulerOptions, 'owner'> = Object.freeze({
  pollMs: 30_000,
  leaseMs: 10 * 60_000,
  batchSize: 100,
  concurrency: 8,
  maxAttempts: 6,
  retryBaseMs: 60_000,
  retryMaxMs: 6 * 3_600_000,
});

export const MAX_POLL_MS = 30_000;

/** A bound on claims in one round, should hooks keep scheduling jobs due at once. */
const MAX_BATCHES_PER_ROUND = 1000;

export interface SchedulerDeps {
  readonly queue: JobQueue;
  readonly sender: Sender;
  readonly now: () => Date;
  /** Whether the job's reason still holds (the task still open, the review not held, the case open…). */
  readonly stillValid: (job: Job, now: Date) => boolean | Promise<boolean>;
  /**
   * When a job may not go out now (its person's quiet hours, a day off), the instant it
   * may; it is handed back untried until then. Undefined: now is fine.
   */
  readonly holdUntil?: (job: Job, now: Date) => Date | undefined | Promise<Date | undefined>;
  /** After jobs were sent: e.g. mark alerts delivered and derive the next of each series. */
  readonly onSent?: (jobs: readonly Job[]) => Promise<void>;
  /** After jobs were dropped as no longer wanted: e.g. derive what replaces them (a later check-in). */
  readonly onDropped?: (jobs: readonly Job[]) => Promise<void>;
  /** After the last try, or an unreachable person: e.g. show it to the worker, or at the top of the next chat. */
  readonly onGaveUp?: (jobs: readonly Job[], reason: string) => Promise<void>;
  /** 0 ≤ x < 1, for jitter. */
  readonly random?: () => number;
  readonly log?: (event: string, details: Record<string, unknown>) => void;
}

export interface RoundReport {
  claimed: number;
  messages: number;
  sent: number;
  dropped: number;
  /** Handed back to wait for the end of their person's quiet hours. */
  held: number;
  retried: number;
  gaveUp: number;
}

export interface LastRound {
  readonly at: Date;
  readonly report?: RoundReport;
  readonly error?: string;
}

function emptyReport(): RoundReport {
  return { claimed: 0, messages: 0, sent: 0, dropped: 0, held: 0, retried: 0, gaveUp: 0 };
}

export class FollowUpScheduler {
  private readonly options: SchedulerOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  /** Set by stop(): no round starts any more. */
  private halted = false;
  private last: LastRound | undefined;
  /** The earliest instant (ms), still ahead when the last round ended, a job it handed back may go again. */
  private soonestRetryMs: number | undefined;
  /** The instants (ms) jobs handed back in the round under way may go again. */
  private handedBack: number[] = [];
  private hooks: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: SchedulerDeps,
    options: Partial<SchedulerOptions> & { owner: string },
  ) {
    this.options = { ...defaultSchedulerOptions, ...options };
    if (!(this.options.pollMs > 0 && this.options.pollMs <= MAX_POLL_MS)) {
      throw new RangeError(`pollMs must be between 1 and ${MAX_POLL_MS} ms`);
    }
    if (!(Number.isInteger(this.options.concurrency) && this.options.concurrency >= 1)) {
      throw new RangeError('concurrency must be a whole number of at least 1');
    }
  }

  /** Runs a round now, then one every `pollMs` until stopped. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halted = false;
    const loop = async (): Promise<void> => {
      await this.runNow().catch((error: unknown) => this.log('roundFailed', { error: String(error) }));
      if (this.stopped) return;
      this.timer = setTimeout(() => void loop(), this.nextRoundInMs());
      this.timer.unref();
    };
    void loop();
  }

  /**
   * A round as soon as the one under way (if any) has finished: rounds never overlap. After
   * stop() it runs nothing.
   */
  runNow(): Promise<RoundReport> {
    if (this.halted) return Promise.resolve(emptyReport());
    const round = this.running.then(() => (this.halted ? emptyReport() : this.tick()));
    this.running = round.then(
      (report) => {
        this.last = { at: this.deps.now(), report };
      },
      (error: unknown) => {
        this.last = { at: this.deps.now(), error: String(error) };
      },
    );
    return round;
  }

  /**
   * How long until the next round: the poll interval, or less when the last round handed a
   * job back for sooner (a 429 near its end is tried again after its Retry-After, not at
   * the next poll).
   */
  nextRoundInMs(): number {
    if (this.soonestRetryMs === undefined) return this.options.pollMs;
    return Math.min(this.options.pollMs, Math.max(0, this.soonestRetryMs - this.deps.now().getTime()));
  }

  /** The last round that finished, for /healthz. */
  get lastRound(): LastRound | undefined {
    return this.last;
  }

  /** Stops the loop; resolves once a round under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halted = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One round: claims and handles every job due at the clock's current reading, claiming
   * again until nothing is due (the hooks may have scheduled a replacement due now).
   */
  async tick(): Promise<RoundReport> {
    const report = emptyReport();
    const { queue, now } = this.deps;
    this.handedBack = [];
    for (let batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
      const jobs = await queue.claimDue(now(), this.options.owner, this.options.leaseMs, this.options.batchSize);
      if (jobs.length === 0) break;
      report.claimed += jobs.length;
      await this.deliverAll(byRecipient(jobs), report);
    }
    // Those already due were claimed again before the round ended.
    const endMs = now().getTime();
    const ahead = this.handedBack.filter((ms) => ms > endMs);
    this.soonestRetryMs = ahead.length > 0 ? ahead.reduce((a, b) => Math.min(a, b)) : undefined;
    return report;
  }

  /** Each person's message, up to `concurrency` at once, started in order. */
  private async deliverAll(groups: readonly Job[][], report: RoundReport): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < groups.length) await this.deliver(groups[next++]!, report);
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, groups.length) }, worker));
  }

  private async deliver(jobs: Job[], report: RoundReport): Promise<void> {
    const valid: Job[] = [];
    const dropped: Job[] = [];
    for (const job of jobs) {
      const verdict = await this.checkValid(job);
      if (verdict === true) valid.push(job);
      else if (verdict === false) {
        if (await this.deps.queue.markDropped(job.id, this.options.owner, this.deps.now())) dropped.push(job);
      } else if ('until' in verdict) {
        if (await this.deps.queue.release(job.id, this.options.owner, verdict.until)) {
          report.held++;
          this.noteRetry(verdict.until);
        }
      } else await this.failed([job], { outcome: 'retry', error: verdict.error }, report);
    }
    report.dropped += dropped.length;
    if (dropped.length > 0) await this.after(() => this.deps.onDropped?.(dropped), 'onDroppedFailed');
    if (valid.length === 0) return;
    const first = valid[0]!;
    const delivery: Delivery = { recipient: first.recipient, ...(first.recipient.role === 'client' ? { caseId: first.caseId } : {}), jobs: valid };
    report.messages++;
    let outcome: SendOutcome;
    try {
      outcome = await this.deps.sender.send(delivery);
    } catch (error) {
      outcome = { outcome: 'retry', error: `sender threw: ${String(error)}` };
    }
    if (outcome.outcome !== 'sent') return this.failed(valid, outcome, report);
    const marked: Job[] = [];
    for (const job of valid) {
      if (await this.deps.queue.markSent(job.id, this.options.owner, this.deps.now())) marked.push(job);
      else this.log('leaseLost', { jobId: job.id });
    }
    report.sent += marked.length;
    if (marked.length > 0) await this.after(() => this.deps.onSent?.(marked), 'onSentFailed');
  }

  /** Whether to send the job now, drop it, hold it until an instant, or try again later. */
  private async checkValid(job: Job): Promise<boolean | { until: Date } | { error: string }> {
    try {
      // Held first: that needs only the person's hours, while checking a job still wanted
      // derives its case again. A held job is checked when it comes up again.
      const until = await this.deps.holdUntil?.(job, this.deps.now());
      if (until) return { until };
      return await this.deps.stillValid(job, this.deps.now());
    } catch (error) {
      return { error: `validity check failed: ${String(error)}` };
    }
  }

  private async failed(jobs: readonly Job[], outcome: Exclude<SendOutcome, { outcome: 'sent' }>, report: RoundReport): Promise<void> {
    const { queue, now } = this.deps;
    const owner = this.options.owner;
    const gaveUp: Job[] = [];
    for (const job of jobs) {
      const retryAt =
        outcome.outcome === 'retry' && job.attempts < this.options.maxAttempts
          ? new Date(now().getTime() + this.retryDelay(job.attempts, outcome.retryAfterMs))
          : null;
      const error = outcome.outcome === 'retry' ? outcome.error : `unreachable: ${outcome.code}`;
      if (!(await queue.markFailed(job.id, owner, error, retryAt, now()))) continue;
      if (retryAt) {
        report.retried++;
        this.noteRetry(retryAt);
      } else gaveUp.push(job);
    }
    report.gaveUp += gaveUp.length;
    const reason = outcome.outcome === 'retry' ? 'retriesExhausted' : outcome.code;
    if (gaveUp.length > 0) await this.after(() => this.deps.onGaveUp?.(gaveUp, reason), 'onGaveUpFailed');
  }

  private noteRetry(at: Date): void {
    this.handedBack.push(at.getTime());
  }

  /**
   * Exponential backoff with jitter (half fixed, half random), so many failed messages do
   * not all come back at once; a channel's Retry-After is waited out in full, plus up to a
   * tenth of it (at most a second) so refused messages do not all return together.
   */
  retryDelay(attempts: number, retryAfterMs?: number): number {
    const random = this.deps.random ?? Math.random;
    if (retryAfterMs !== undefined) {
      const wait = Math.max(0, retryAfterMs);
      return wait + Math.floor(random() * Math.min(1000, wait / 10));
    }
    const ceiling = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** Math.max(0, attempts - 1));
    return Math.floor(ceiling / 2 + random() * (ceiling / 2));
  }

  /** Runs a hook once the hooks before it have finished: hooks never overlap, though sends do. */
  private after(hook: () => Promise<void> | undefined, event: string): Promise<void> {
    const run = this.hooks.then(async () => {
      try {
        await hook();
      } catch (error) {
        this.log(event, { error: String(error) });
      }
    });
    this.hooks = run;
    return run;
  }

  private log(event: string, details: Record<string, unknown>): void {
    this.deps.log?.(event, details);
  }
}

/** Jobs gathered per person, in the order of each person's oldest job; each group oldest first, then by case. */
export function byRecipient(jobs: readonly Job[]): Job[][] {
  const groups = new Map<string, Job[]>();
  const order = (a: Job, b: Job) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.caseId ?? '').localeCompare(b.caseId ?? '') || a.id.localeCompare(b.id);
  for (const job of [...jobs].sort(order)) {
    const key = recipientKey(job);
    const group = groups.get(key);
    if (group) group.push(job);
    else groups.set(key, [job]);
  }
  return [...groups.values()];
}
