// One JSON file per record, so the cost of a change does not grow with the number of
// records. Records live in memory for reads; changes are written in batches (group commit):
// all changes made while a batch is being written go to disk together in the next one.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Collection } from '../domain/ports.js';
import { syncFolder, writeSyncedTemp } from './durableFile.js';
import { StoreError } from './errors.js';

/** Temp files older than this are leftovers of a crash. */
const STALE_TEMP_MS = 10 * 60_000;

interface Waiter { resolve: () => void; reject: (error: unknown) => void }

export type RecordMigration = (record: Record<string, unknown>) => Record<string, unknown>;

export class FileCollection<T extends { id: string }> implements Collection<T> {
  private readonly records = new Map<string, T>();
  /** Records changed since the last batch started: the value to write, or null to delete. */
  private pending = new Map<string, T | null>();
  private waiters: Waiter[] = [];
  private writing: Promise<void> | null = null;

  constructor(readonly name: string, readonly folder: string, private readonly schema: z.ZodType<T>) {}

  /** Reads and validates every record; a bad file stops everything and is left as it is. */
  async load(migrate?: RecordMigration): Promise<{ migrated: T[] }> {
    await mkdir(this.folder, { recursive: true });
    const migrated: T[] = [];
    for (const entry of (await readdir(this.folder)).sort()) {
      const path = join(this.folder, entry);
      // A temp file is a write that never completed, so it was never acknowledged. A recent
      // one may belong to another process writing right now (the bot while a CLI runs).
      if (entry.endsWith('.tmp')) {
        if (Date.now() - (await stat(path)).mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
        continue;
      }
      if (!entry.endsWith('.json')) continue;
      const record = this.parseFile(path, await readFile(path, 'utf8'), migrate);
      if (fileNameFor(record.value.id) !== entry) throw new StoreError(path, `holds record "${record.value.id}", which belongs in another file`);
      this.records.set(record.value.id, record.value);
      if (record.migrated) migrated.push(record.value);
    }
    return { migrated };
  }

  private parseFile(path: string, text: string, migrate?: RecordMigration): { value: T; migrated: boolean } {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new StoreError(path, `is not valid JSON (${(error as Error).message})`);
    }
    const input = migrate && isObject(raw) ? migrate(raw) : raw;
    const result = this.schema.safeParse(input);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new StoreError(path, `does not match the ${this.name} schema at "${issue.path.join('.') || '(root)'}": ${issue.message}`);
    }
    return { value: result.data, migrated: input !== raw };
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  all(): readonly T[] {
    return [...this.records.values()];
  }

  get size(): number {
    return this.records.size;
  }

  put(record: T): Promise<T> {
    return this.update(record.id, () => record) as Promise<T>;
  }

  async update(id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    // Applied synchronously to the latest value, so concurrent changes cannot interleave.
    const next = change(this.records.get(id));
    let stored: T | undefined;
    if (next === undefined) {
      if (!this.records.has(id)) return undefined;
      this.records.delete(id);
      this.pending.set(id, null);
    } else {
      stored = this.schema.parse(next);
      if (stored.id !== id) throw new Error(`A change to ${this.name} "${id}" cannot change its id`);
      this.records.set(id, stored);
      this.pending.set(id, stored);
    }
    await this.persist();
    return stored;
  }

  async delete(id: string): Promise<void> {
    await this.update(id, () => undefined);
  }

  /** Resolves once every change made so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
    if (this.pending.size > 0) await this.persist();
  }

  private persist(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.writing) this.writing = this.writeBatches();
    });
  }

  private async writeBatches(): Promise<void> {
    // Let the changes of this tick join the batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      const batch = this.pending;
      const waiters = this.waiters;
      this.pending = new Map();
      this.waiters = [];
      try {
        await this.writeBatch(batch);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.writing = null;
  }

  private async writeBatch(batch: Map<string, T | null>): Promise<void> {
    const writes = [...batch].map(async ([id, value]) => {
      const file = join(this.folder, fileNameFor(id));
      if (value === null) {
        await unlink(file).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        return;
      }
      const temp = await writeSyncedTemp(file, JSON.stringify(value));
      await rename(temp, file);
    });
    const results = await Promise.allSettled(writes);
    await syncFolder(this.folder);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** Plain ids keep their name; others (Teams ids with ':' or '/') are hashed. */
export function fileNameFor(id: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(id) ? `${id}.json` : `h-${createHash('sha256').update(id).digest('hex')}.json`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
