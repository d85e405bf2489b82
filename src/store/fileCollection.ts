// A collection on disk: one JSON file per record, a write-ahead journal, and a snapshot that
// makes the next start quick. A change is acknowledged once its journal line is synced (one
// sync per batch of changes, whatever the store's size); compaction later writes and syncs the
// changed records' files, in bulk, and deletes the journal. Records live in memory for reads.
// A collection of many small records (the follow-up jobs) may keep no per-record files: its
// snapshot then holds every record.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Collection } from '../domain/ports.js';
import { syncFolder } from './durableFile.js';
import { sealText, writingKey } from './encryption.js';
import { StoreError } from './errors.js';
import { Journal } from './journal.js';
import {
  VALIDATED_SUFFIX,
  digestOf,
  fileNameFor,
  idOfHeld,
  parseRecord,
  parseTrusted,
  readRecordFile,
  readRecordTextNow,
  readValidated,
  removeRecordFile,
  removeStaleTemps,
  schemaFingerprint,
  writeRecordText,
  writeValidated,
} from './recordFiles.js';
import { IndexedRecords, deepFreeze, storable, type IndexKeys } from './records.js';
import { loadSnapshot, writeSnapshot, type SnapshotLine } from './snapshot.js';

/** Files read or written at once: enough to keep the disk busy, well under open-file limits. */
const IO_PARALLEL = 32;

/** Journal size that starts a compaction: replaying it at start stays well under a second. */
const COMPACT_BYTES = 32 * 1024 * 1024;

/**
 * Beside the folder (`cases.snapshot`): each record file's size, modification time, digest and
 * what memory holds of it, as of the last compaction. A file whose size and time still match is
 * not read at start. With no per-record files, the snapshot holds the records themselves.
 */
const SNAPSHOT_SUFFIX = '.snapshot';

interface Waiter {
  id: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A record file as last seen: enough to tell at start whether it changed since. */
interface FileStamp {
  size: number;
  mtimeMs: number;
}

export { digestOf, fileNameFor };

export type RecordMigration = (record: Record<string, unknown>) => Record<string, unknown>;

export interface FileCollectionOptions {
  /** False: no file per record; the snapshot and the journal hold everything. */
  recordFiles?: boolean;
}

export class FileCollection<T extends { id: string }> implements Collection<T> {
  /** What readers see: the latest change, acknowledged or about to be. Frozen. */
  protected readonly records: IndexedRecords<T>;
  /** Records changed since the last batch started: the value to write, or null to delete. */
  private pending = new Map<string, T | null>();
  /** For each pending record, its value before the pending change (to roll back to). */
  private pendingBefore = new Map<string, T | undefined>();
  /** Records in the batch being appended to the journal right now. */
  private readonly inFlight = new Set<string>();
  /** Set when the snapshot no longer describes the files and records. */
  private snapshotStale = false;
  private waiters: Waiter[] = [];
  private writing: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private journal: Journal<T> | null = null;
  /** Records whose acknowledged value is in the journal only, not yet in its file. */
  protected readonly unfiled = new Set<string>();
  /** Record id → its file as last written or read. */
  private readonly stamps = new Map<string, FileStamp>();
  /** Record id → digest of its file, known to match the schema. */
  private readonly validated = new Map<string, string>();
  protected readonly recordFiles: boolean;

  constructor(
    readonly name: string,
    readonly folder: string,
    protected readonly schema: z.ZodType<T>,
    indexes: IndexKeys<T> = {},
    options: FileCollectionOptions = {},
  ) {
    this.records = new IndexedRecords(indexes);
    this.recordFiles = options.recordFiles ?? true;
  }

  // ---- what memory holds: every record here; a lazy subclass holds less ----

  /** The latest value, when memory has it (undefined: absent, or not in memory). */
  protected latest(id: string): T | undefined {
    return this.records.get(id);
  }

  protected hold(value: T): void {
    this.records.set(value.id, value);
  }

  protected release(id: string): void {
    this.records.delete(id);
  }

  /** What the snapshot keeps of a record whose file is as memory holds it. */
  protected snapshotForm(id: string): unknown {
    return this.records.get(id);
  }

  /** Takes a snapshot line's held form back into memory. */
  protected holdFromSnapshot(held: unknown): void {
    this.hold(deepFreeze(held as T));
  }

  /** Whether memory must keep the latest value of a record: it is not (yet) in its file. */
  protected mustHold(id: string): boolean {
    return this.unfiled.has(id) || this.inFlight.has(id) || this.pending.has(id) || this.pendingBefore.has(id);
  }

  /** Ids of every record, for the snapshot of a collection without record files. */
  protected ids(): Iterable<string> {
    return this.records.keys();
  }

  /** Every record, in no particular order. */
  async all(): Promise<readonly T[]> {
    return [...this.records.values()];
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  async get(id: string): Promise<T | undefined> {
    return this.records.get(id);
  }

  /** The journal segment the next batch of changes is appended to. */
  get journalPath(): string | undefined {
    return this.journal?.activePath;
  }

  // ---- load ----

  /**
   * Reads the collection: the snapshot for files unchanged since, every other file checked
   * against the schema (unless its content was checked before), then the journal. A bad file
   * stops everything and is left as it is.
   */
  async load(migrate?: RecordMigration): Promise<{ migrated: T[] }> {
    // A malformed ENLACE_DATA_KEY stops the store here, before it creates, reads or writes anything.
    writingKey();
    await mkdir(this.folder, { recursive: true });
    const migrated: T[] = [];
    const entries = (await readdir(this.folder)).sort();
    await removeStaleTemps(
      this.folder,
      entries.filter((entry) => entry.endsWith('.tmp')),
    );
    // Migrating means the schema changed: everything is checked again.
    const trusted = migrate ? new Set<string>() : await readValidated(this.folder, this.schema);
    const loaded = migrate
      ? { lines: new Map<string, SnapshotLine>(), stale: false }
      : await loadSnapshot(
          `${this.folder}${SNAPSHOT_SUFFIX}`,
          schemaFingerprint(this.schema),
          this.recordFiles,
          (value) => parseRecord(`${this.folder}${SNAPSHOT_SUFFIX}`, JSON.stringify(value), this.schema, this.name).value,
        );
    const snapshot = loaded.lines;
    // Written under another schema: written again once loaded.
    this.snapshotStale ||= loaded.stale;
    // The journal first: a record it holds is taken from it, its file not even read (a crash
    // may have left that file unsynced, and the journal has the acknowledged value).
    const opened = await Journal.open<T>(`${this.folder}.journal`);
    this.journal = opened.journal;
    const journaled = new Set(opened.entries.map(([id]) => fileNameFor(id)));
    const files = entries.filter((entry) => entry.endsWith('.json') && !journaled.has(entry));
    if (!this.recordFiles) {
      for (const line of snapshot.values()) this.holdFromSnapshot(line[4]);
    }
    const toRead: string[] = [];
    for (const entry of files) {
      const known = snapshot.get(entry);
      const now = known && statSync(join(this.folder, entry), { throwIfNoEntry: false });
      if (known && now && now.size === known[1] && now.mtimeMs === known[2]) {
        const id = idOfHeld(known[4]);
        this.holdFromSnapshot(known[4]);
        this.stamps.set(id, { size: known[1], mtimeMs: known[2] });
        if (known[3]) this.validated.set(id, known[3]);
      } else {
        toRead.push(entry);
      }
    }
    for (let i = 0; i < toRead.length; i += IO_PARALLEL) {
      const chunk = toRead.slice(i, i + IO_PARALLEL);
      const read = await Promise.all(chunk.map((entry) => readRecordFile(join(this.folder, entry))));
      // In name order, so the file named in an error is the same on every start.
      chunk.forEach((entry, n) => {
        const path = join(this.folder, entry);
        const { text, size, mtimeMs } = read[n]!;
        const digest = digestOf(text);
        const trustedRecord = trusted.has(digest) ? parseTrusted<T>(text) : undefined;
        const record = trustedRecord ?? parseRecord(path, text, this.schema, this.name, migrate);
        if (fileNameFor(record.value.id) !== entry) throw new StoreError(path, `holds record "${record.value.id}", which belongs in another file`);
        const value = deepFreeze(record.value);
        this.hold(value);
        this.stamps.set(value.id, { size, mtimeMs });
        if (record.migrated) migrated.push(value);
        // Trusted next time only when checking changes nothing (no default filled in, no key dropped).
        else if (trustedRecord || JSON.stringify(value) === text) this.validated.set(value.id, digest);
      });
    }
    for (const [id, value] of opened.entries) {
      const next = value === null ? null : deepFreeze(migrate ? parseRecord(this.folder, JSON.stringify(value), this.schema, this.name, migrate).value : value);
      this.unfiled.add(id);
      if (next === null) this.release(id);
      else this.hold(next);
    }
    // A store written by a version that kept a file per record: the snapshot takes them over.
    const stale = !this.recordFiles && files.length > 0;
    this.snapshotStale ||= opened.journal.hasUnfiled || stale || toRead.length > 0 || (!this.recordFiles && snapshot.size === 0);
    if (this.snapshotStale) await this.compact();
    else if (toRead.length === 0) return { migrated };
    if (stale) {
      await rm(this.folder, { recursive: true, force: true });
      await rm(`${this.folder}${VALIDATED_SUFFIX}`, { force: true });
      await mkdir(this.folder, { recursive: true });
    }
    await this.noteValidated();
    return { migrated };
  }

  /** Flushes, files the journal, and notes which files are known to be valid, for a quicker next load. */
  async close(): Promise<void> {
    await this.flush();
    await this.compact();
    await this.journal?.close();
    await this.noteValidated();
  }

  /** Only a hint for the next load: with no record files there is nothing to note. */
  private async noteValidated(): Promise<void> {
    if (this.recordFiles) await writeValidated(this.folder, this.schema, this.validated.values());
  }

  /** Reads one record file (for a subclass that holds less than every record), checked as at load. */
  protected async readRecord(id: string): Promise<T | undefined> {
    const path = join(this.folder, fileNameFor(id));
    const text = readRecordTextNow(path);
    if (text === undefined) return undefined;
    const digest = digestOf(text);
    const value = (this.validated.get(id) === digest ? parseTrusted<T>(text) : undefined) ?? parseRecord(path, text, this.schema, this.name);
    this.validated.set(id, digest);
    return deepFreeze(value.value);
  }

  // ---- changes ----

  put(record: T): Promise<T> {
    return this.update(record.id, () => record) as Promise<T>;
  }

  async update(id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    // Applied synchronously to the latest value, so concurrent changes cannot interleave.
    return this.apply(id, this.latest(id), change);
  }

  /** Applies `change` to `current` (the latest value) and makes the result durable. */
  protected async apply(id: string, current: T | undefined, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    const next = change(current);
    if (next === undefined && current === undefined) return undefined;
    const stored = next === undefined ? undefined : storable(this.name, this.schema, id, next);
    // Pending before it is held, so a bounded cache never lets go of it.
    if (!this.pendingBefore.has(id)) this.pendingBefore.set(id, current);
    this.pending.set(id, stored ?? null);
    if (stored === undefined) this.release(id);
    else this.hold(stored);
    await this.persist(id);
    return stored;
  }

  async delete(id: string): Promise<void> {
    await this.update(id, () => undefined);
  }

  /** Resolves once every change made so far is on disk (or has failed and been rolled back). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private persist(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ id, resolve, reject });
      if (!this.writing) this.writing = this.writeBatches();
    });
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
        await this.journal!.append([...batch]);
      } catch (error) {
        failure = error;
      }
      for (const id of batch.keys()) {
        this.inFlight.delete(id);
        if (failure === undefined) this.unfiled.add(id);
      }
      // Durable in the journal: compaction files it (record files or snapshot) later, in bulk.
      if (failure === undefined) this.snapshotStale = true;
      for (const waiter of waiters) {
        if (failure === undefined) waiter.resolve();
        else waiter.reject(failure);
      }
      if (failure !== undefined) this.rollBack(before, failure);
      else if (this.journal!.bytes >= COMPACT_BYTES && !this.compacting) void this.compact().catch(() => undefined);
    }
    this.writing = null;
  }

  /**
   * A change that did not reach the disk must not stay visible: the records go back to their
   * value before it, and changes made since on top of them fail too.
   */
  private rollBack(before: Map<string, T | undefined>, reason: unknown): void {
    for (const [id, value] of before) {
      if (value === undefined) this.release(id);
      else this.hold(value);
      if (!this.pending.delete(id)) continue;
      this.pendingBefore.delete(id);
      const later = this.waiters.filter((w) => w.id === id);
      this.waiters = this.waiters.filter((w) => w.id !== id);
      for (const waiter of later) waiter.reject(reason);
    }
  }

  /** The value on disk (in the journal or the files) for a record; undefined when none. */
  private acknowledged(id: string): T | undefined {
    return this.pendingBefore.has(id) ? this.pendingBefore.get(id) : this.latest(id);
  }

  // ---- compaction ----

  /**
   * Files what the journal holds: writes each changed record to its file (or the whole
   * snapshot, without record files), then deletes the journal. Changes go on meanwhile, into a
   * new journal segment. Also run on close, and by erasure so no old value stays behind.
   */
  compact(): Promise<void> {
    this.compacting ??= this.compactOnce().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  private async compactOnce(): Promise<void> {
    await this.flush();
    if (!this.journal || (!this.snapshotStale && !this.journal.hasUnfiled)) return;
    // Between batches (none is being appended): the values acknowledged so far are taken at once.
    const { sealed, closed } = this.journal.seal();
    const filed = new Map<string, T | null>();
    for (const id of this.recordFiles ? [] : this.ids()) filed.set(id, this.acknowledged(id) ?? null);
    for (const id of this.unfiled) filed.set(id, this.acknowledged(id) ?? null);
    this.snapshotStale = false;
    await closed;
    if (this.recordFiles) {
      const entries = [...filed];
      for (let i = 0; i < entries.length; i += IO_PARALLEL) {
        // The acknowledged value even when changed since: the newer one is in a newer segment, and could still be rolled back.
        await Promise.all(entries.slice(i, i + IO_PARALLEL).map(([id, value]) => this.writeRecordFile(id, value)));
      }
      await syncFolder(this.folder);
    }
    // Filed unless changed again meanwhile: those stay in the journal for the next compaction.
    for (const [id, value] of filed) {
      if (!this.mustHoldBeyondJournal(id) && (this.latest(id) ?? null) === value) this.unfiled.delete(id);
    }
    await this.writeSnapshot(filed);
    await this.journal.remove(sealed);
    await this.noteValidated();
  }

  private mustHoldBeyondJournal(id: string): boolean {
    return this.inFlight.has(id) || this.pending.has(id) || this.pendingBefore.has(id);
  }

  /**
   * Writes the batch's records to their files (temp file and rename, so a reader never sees
   * half a file), without syncing: the journal already holds them durably. A write that fails
   * here loses nothing; compaction writes the file again.
   */

  /** Makes a record's file durable as acknowledged: written again if it is not (or missing), then synced. */
  private async writeRecordFile(id: string, value: T | null): Promise<void> {
    const file = join(this.folder, fileNameFor(id));
    // Unknown until this write is through: a failed write may leave either content.
    this.validated.delete(id);
    this.stamps.delete(id);
    if (value === null) return removeRecordFile(file);
    const text = JSON.stringify(value);
    const written = await writeRecordText(file, sealText(text));
    // Validated by `storable` before it was written.
    this.validated.set(id, digestOf(text));
    this.stamps.set(id, { size: written.size, mtimeMs: written.mtimeMs });
  }

  private async writeSnapshot(filed: Map<string, T | null>): Promise<void> {
    const write = writeSnapshot(`${this.folder}${SNAPSHOT_SUFFIX}`, this.folder, schemaFingerprint(this.schema) ?? '', this.snapshotLines(filed));
    // Without record files the snapshot is the data; otherwise only a hint for the next start.
    await (this.recordFiles ? write.catch(() => undefined) : write);
  }

  /** Made as the snapshot is written: only records whose file holds what memory holds, as it is now. */
  private *snapshotLines(filed: Map<string, T | null>): Iterable<SnapshotLine> {
    if (!this.recordFiles) {
      for (const value of filed.values()) if (value) yield ['', 0, 0, '', value];
      return;
    }
    for (const [id, stamp] of this.stamps) {
      if (this.unfiled.has(id) || this.mustHoldBeyondJournal(id)) continue;
      const held = this.snapshotForm(id);
      if (held !== undefined) yield [fileNameFor(id), stamp.size, stamp.mtimeMs, this.validated.get(id) ?? '', held];
    }
  }
}
