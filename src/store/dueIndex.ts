// Jobs by the instant they become ready, in buckets of one minute kept in time order, so
// finding what is due reads only what is due, never every job.

const MINUTE_MS = 60_000;

export class DueIndex {
  /** Bucket (minute since the epoch) → job id → ready instant in ms. */
  private readonly buckets = new Map<number, Map<string, number>>();
  /** The bucket keys, ascending. */
  private readonly minutes: number[] = [];
  private readonly readyAt = new Map<string, number>();

  get size(): number {
    return this.readyAt.size;
  }

  /** Files `id` as ready at `ms`, or removes it with undefined. */
  set(id: string, ms: number | undefined): void {
    const current = this.readyAt.get(id);
    if (current === ms) return;
    if (current !== undefined) this.remove(id, current);
    if (ms === undefined) return;
    const minute = Math.floor(ms / MINUTE_MS);
    let bucket = this.buckets.get(minute);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(minute, bucket);
      this.minutes.splice(this.position(minute), 0, minute);
    }
    bucket.set(id, ms);
    this.readyAt.set(id, ms);
  }

  /** Up to `limit` ids ready at or before `nowMs`, earliest first. */
  due(nowMs: number, limit: number): string[] {
    const ids: string[] = [];
    const lastMinute = Math.floor(nowMs / MINUTE_MS);
    for (const minute of this.minutes) {
      if (minute > lastMinute || ids.length >= limit) break;
      const ready = [...this.buckets.get(minute)!].filter(([, ms]) => ms <= nowMs).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
      for (const [id] of ready.slice(0, limit - ids.length)) ids.push(id);
    }
    return ids;
  }

  /** How many are ready at `nowMs`, and the earliest ready instant among them. */
  summary(nowMs: number): { due: number; earliestMs: number | undefined } {
    let due = 0;
    let earliestMs: number | undefined;
    const lastMinute = Math.floor(nowMs / MINUTE_MS);
    for (const minute of this.minutes) {
      if (minute > lastMinute) break;
      for (const ms of this.buckets.get(minute)!.values()) {
        if (ms > nowMs) continue;
        due++;
        if (earliestMs === undefined || ms < earliestMs) earliestMs = ms;
      }
    }
    return { due, earliestMs };
  }

  private remove(id: string, ms: number): void {
    const minute = Math.floor(ms / MINUTE_MS);
    const bucket = this.buckets.get(minute)!;
    bucket.delete(id);
    this.readyAt.delete(id);
    if (bucket.size > 0) return;
    this.buckets.delete(minute);
    this.minutes.splice(this.position(minute), 1);
  }

  /** Where `minute` is, or would go, in the ascending list of bucket keys. */
  private position(minute: number): number {
    let low = 0;
    let high = this.minutes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.minutes[mid]! < minute) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
