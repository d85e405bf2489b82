// Changes waiting to be made durable. Every change made in one tick joins the next batch, and
// one write (one sync) acknowledges the whole batch. A batch that fails is rolled back, with
// the changes made since on top of it.

interface Waiter {
  id: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface BatchWriter<T> {
  /** Makes a batch durable: each record's value, or null to delete it. */
  write(batch: [string, T | null][]): Promise<void>;
  /** The batch is durable (called before anyone waiting on it hears so). */
  written(ids: Iterable<string>): void;
  /** Puts a record back as it was before a change that did not reach the disk. */
  restore(id: string, value: T | undefined): void;
}

export class ChangeBatches<T> {
  /** Records changed since the last batch started: the value to write, or null to delete. */
  private pending = new Map<string, T | null>();
  /** For each pending record, its value before the pending change (to roll back to). */
  private pendingBefore = new Map<string, T | undefined>();
  /** Records in the batch being written right now. */
  private readonly inFlight = new Set<string>();
  private waiters: Waiter[] = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly writer: BatchWriter<T>) {}

  /** Whether a change to the record is waiting or being written. */
  has(id: string): boolean {
    return this.inFlight.has(id) || this.pending.has(id) || this.pendingBefore.has(id);
  }

  /** The value on disk of a record with a change waiting; `latest` when none waits. */
  acknowledged(id: string, latest: T | undefined): T | undefined {
    return this.pendingBefore.has(id) ? this.pendingBefore.get(id) : latest;
  }

  /**
   * Adds a change from `current` to `next` (null: deleted). Called before memory holds `next`,
   * so a bounded cache sees the change waiting and keeps the record.
   */
  add(id: string, current: T | undefined, next: T | null): void {
    if (!this.pendingBefore.has(id)) this.pendingBefore.set(id, current);
    this.pending.set(id, next);
  }

  /** Resolves once the record's changes so far are durable; rejects if they were rolled back. */
  durable(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ id, resolve, reject });
      this.writing ??= this.writeBatches();
    });
  }

  /** Resolves once every change made so far is on disk (or has failed and been rolled back). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeBatches(): Promise<void> {
    // Let the changes of this tick join the batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      const batch = this.pending;
      const before = this.pendingBefore;
      const waiters = this.waiters;
      this.pending = new Map();
      this.pendingBefore = new Map();
      this.waiters = [];
      let failure: unknown;
      for (const id of batch.keys()) this.inFlight.add(id);
      try {
        await this.writer.write([...batch]);
      } catch (error) {
        failure = error;
      }
      for (const id of batch.keys()) this.inFlight.delete(id);
      if (failure === undefined) this.writer.written(batch.keys());
      for (const waiter of waiters) {
        if (failure === undefined) waiter.resolve();
        else waiter.reject(failure);
      }
      if (failure !== undefined) this.rollBack(before, failure);
    }
    this.writing = null;
  }

  /** A change that did not reach the disk must not stay visible, nor any change made on top of it. */
  private rollBack(before: Map<string, T | undefined>, reason: unknown): void {
    for (const [id, value] of before) {
      this.writer.restore(id, value);
      if (!this.pending.delete(id)) continue;
      this.pendingBefore.delete(id);
      const later = this.waiters.filter((w) => w.id === id);
      this.waiters = this.waiters.filter((w) => w.id !== id);
      for (const waiter of later) waiter.reject(reason);
    }
  }
}
