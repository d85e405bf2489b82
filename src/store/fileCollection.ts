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
import { ChangeBatches } from './changeBatches.js';
import { Journal } from './journal.js';
import {
  IO_PARALLEL,
  VALIDATED_SUFFIX,
  digestOf,
  fileNameFor,
  idOfHeld,
  parseRecord,
  parseTrusted,
  readRecordFiles,
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

/** Journal size that starts a compaction: replaying it at start stays well under a second. */
const COMPACT_BYTES = 32 * 1024 * 1024;

/**
 * Beside the folder (`cases.snapshot`): each record file's size, modification time, digest and
 * what memory holds of it, as of the last compaction. A file whose size and time still match is
 * not read at start. With no per-record files, the snapshot holds the records themselves.
 */
const SNAPSHOT_SUFFIX = '.snapshot';

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
  /** Changes acknowledged once appended to the journal. */
  private readonly changes = new ChangeBatches<T>({
    write: (batch) => this.journal!.append(batch),
    written: (ids) => {
      for (const id of ids) this.unfiled.add(id);
      // Durable in the journal: compaction files it (record files or snapshot) later, in bulk.
      this.snapshotStale = true;
      if (this.journal!.bytes >= COMPACT_BYTES && !this.compacting) void this.compact().catch(() => undefined);
    },
    restore: (id, value) => (value === undefined ? this.release(id) : this.hold(value)),
  });
  /** Set when the snapshot no longer describes the files and records. */
  private snapshotStale = false;
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
    return this.unfiled.has(id) || this.changes.has(id);
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
    for await (const record of readRecordFiles(this.folder, toRead, this.schema, this.name, trusted, migrate)) {
      const { value } = record;
      this.hold(value);
      this.stamps.set(value.id, { size: record.size, mtimeMs: record.mtimeMs });
      if (record.migrated) migrated.push(value);
      else if (record.trustedDigest) this.validated.set(value.id, record.trustedDigest);
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
    const stored = next === undefined ? undefined : storable(this.name, this.schema, id, next, current);
    // Pending before it is held, so a bounded cache never lets go of it.
    this.changes.add(id, current, stored ?? null);
    if (stored === undefined) this.release(id);
    else this.hold(stored);
    await this.changes.durable(id);
    return stored;
  }

  async delete(id: string): Promise<void> {
    await this.update(id, () => undefined);
  }

  /** Resolves once every change made so far is on disk (or has failed and been rolled back). */
  flush(): Promise<void> {
    return this.changes.flush();
  }

  /** The value on disk (in the journal or the files) for a record; undefined when none. */
  private acknowledged(id: string): T | undefined {
    return this.changes.acknowledged(id, this.latest(id));
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
      if (!this.changes.has(id) && (this.latest(id) ?? null) === value) this.unfiled.delete(id);
    }
    await this.writeSnapshot(filed);
    await this.journal.remove(sealed);
    await this.noteValidated();
  }

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
      if (this.unfiled.has(id) || this.changes.has(id)) continue;
      const held = this.snapshotForm(id);
      if (held !== undefined) yield [fileNameFor(id), stamp.size, stamp.mtimeMs, this.validated.get(id) ?? '', held];
    }
  }
}
