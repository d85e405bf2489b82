// One JSON file per record, so the cost of a change does not grow with the number of
// records. Records live in memory for reads; changes are written in batches (group commit):
// all changes made while a batch is being written go to disk together in the next one.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { caseHeader, type CaseHeader } from '../domain/caseHeader.js';
import type { CaseCollection, CaseQuery, Collection } from '../domain/ports.js';
import { CaseSchema, SCHEMA_VERSION, type Case } from '../domain/schemas.js';
import { syncFolder, writeFileDurably, writeSyncedTemp } from './durableFile.js';
import { openText, sealText, writingKey } from './encryption.js';
import { StoreError } from './errors.js';
import { CASE_INDEXES, IndexedRecords, casesUnder, deepFreeze, storable, type IndexKeys } from './records.js';

/** Temp files older than this are leftovers of a crash. */
const STALE_TEMP_MS = 10 * 60_000;

/** Files read or written at once: enough to keep the disk busy, well under open-file limits. */
const IO_PARALLEL = 32;

/**
 * Beside the folder (`cases.validated` for `cases/`): the digests of file contents this store
 * wrote or checked against the schema, under a fingerprint of that schema. A file whose
 * content is listed loads without being checked again; any other content (edited by hand,
 * written by an older version, cut short) is checked in full.
 */
const VALIDATED_SUFFIX = '.validated';

interface Waiter {
  id: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export type RecordMigration = (record: Record<string, unknown>) => Record<string, unknown>;

export class FileCollection<T extends { id: string }> implements Collection<T> {
  /** What readers see: the latest change, on disk or about to be. Frozen, so no one edits it in place. */
  protected readonly records: IndexedRecords<T>;
  /** What is on disk, to roll back to when a write fails. */
  private readonly durable = new Map<string, T>();
  /** Records changed since the last batch started: the value to write, or null to delete. */
  private pending = new Map<string, T | null>();
  private waiters: Waiter[] = [];
  private writing: Promise<void> | null = null;
  /** Record id → digest of its file as on disk, known to match the schema. */
  private readonly validated = new Map<string, string>();

  constructor(
    readonly name: string,
    readonly folder: string,
    private readonly schema: z.ZodType<T>,
    indexes: IndexKeys<T> = {},
  ) {
    this.records = new IndexedRecords(indexes);
  }

  /**
   * Reads every record, checking against the schema each file not known to have been checked
   * in this content already; a bad file stops everything and is left as it is.
   */
  async load(migrate?: RecordMigration): Promise<{ migrated: T[] }> {
    // A malformed ENLACE_DATA_KEY stops the store here, before it creates, reads or writes anything.
    writingKey();
    await mkdir(this.folder, { recursive: true });
    const migrated: T[] = [];
    const entries = (await readdir(this.folder)).sort();
    await this.removeStaleTemps(entries.filter((entry) => entry.endsWith('.tmp')));
    // Migrating means the schema changed: everything is checked again.
    const trusted = migrate ? new Set<string>() : await this.readValidated();
    const files = entries.filter((entry) => entry.endsWith('.json'));
    for (let i = 0; i < files.length; i += IO_PARALLEL) {
      const chunk = files.slice(i, i + IO_PARALLEL);
      const texts = await Promise.all(chunk.map((entry) => readRecordFile(join(this.folder, entry))));
      // In name order, so the file named in an error is the same on every start.
      chunk.forEach((entry, n) => {
        const path = join(this.folder, entry);
        const text = texts[n]!;
        const digest = digestOf(text);
        const trustedRecord = trusted.has(digest) ? this.parseTrusted(text) : undefined;
        const record = trustedRecord ?? this.parseFile(path, text, migrate);
        if (fileNameFor(record.value.id) !== entry) throw new StoreError(path, `holds record "${record.value.id}", which belongs in another file`);
        const value = deepFreeze(record.value);
        this.records.set(value.id, value);
        this.durable.set(value.id, value);
        if (record.migrated) migrated.push(value);
        // Trusted next time only when checking changes nothing (no default filled in, no key dropped).
        else if (trustedRecord || JSON.stringify(value) === text) this.validated.set(value.id, digest);
      });
    }
    await this.writeValidated();
    return { migrated };
  }

  /** Flushes, and notes which file contents are known to be valid, for a quicker next load. */
  async close(): Promise<void> {
    await this.flush();
    await this.writeValidated();
  }

  /** A file this store checked before, in this very content: parsed, not checked again. */
  private parseTrusted(text: string): { value: T; migrated: boolean } | undefined {
    try {
      const value = JSON.parse(text) as unknown;
      return isObject(value) && typeof value.id === 'string' ? { value: value as unknown as T, migrated: false } : undefined;
    } catch {
      return undefined;
    }
  }

  /** The digests of contents checked against this schema, or none when the schema is another. */
  private async readValidated(): Promise<Set<string>> {
    const fingerprint = schemaFingerprint(this.schema);
    if (!fingerprint) return new Set();
    const path = `${this.folder}${VALIDATED_SUFFIX}`;
    // Sealed like the records when a key is set; one this key cannot open (or plain) only means checking everything.
    const text = await readFile(path, 'utf8')
      .then(
        (read) => openText(read.trim(), path),
        () => '',
      )
      .catch(() => '');
    const [first, ...digests] = text.split('\n');
    return first === fingerprint ? new Set(digests.filter(Boolean)) : new Set();
  }

  private async writeValidated(): Promise<void> {
    const fingerprint = schemaFingerprint(this.schema);
    if (!fingerprint) return;
    // Only a hint for the next load: if it cannot be written, that load checks everything.
    const list = `${fingerprint}\n${[...this.validated.values()].join('\n')}\n`;
    await writeFileDurably(`${this.folder}${VALIDATED_SUFFIX}`, sealText(list)).catch(() => undefined);
  }

  /**
   * A temp file is a write that never completed, so it was never acknowledged. A recent one
   * may belong to another process writing right now (the bot while a CLI runs), unless the
   * process named in it is gone.
   */
  private async removeStaleTemps(temps: string[]): Promise<void> {
    for (const entry of temps) {
      const path = join(this.folder, entry);
      const age = Date.now() - (await stat(path)).mtimeMs;
      if (age > STALE_TEMP_MS || !writerAlive(entry)) await unlink(path).catch(() => undefined);
    }
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

  async get(id: string): Promise<T | undefined> {
    return this.records.get(id);
  }

  async all(): Promise<readonly T[]> {
    return [...this.records.values()];
  }

  async count(): Promise<number> {
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
      stored = storable(this.name, this.schema, id, next);
      this.records.set(id, stored);
      this.pending.set(id, stored);
    }
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
      const waiters = this.waiters;
      this.pending = new Map();
      this.waiters = [];
      const failures = await this.writeBatch(batch);
      for (const [id, value] of batch) {
        if (failures.has(id)) continue;
        if (value === null) this.durable.delete(id);
        else this.durable.set(id, value);
      }
      for (const waiter of waiters) {
        const failure = failures.get(waiter.id);
        if (failure === undefined) waiter.resolve();
        else waiter.reject(failure);
      }
      if (failures.size > 0) this.rollBack(failures);
    }
    this.writing = null;
  }

  /**
   * A change that did not reach the disk must not stay visible: the records go back to what
   * is on disk, and changes made since on top of them fail too.
   */
  private rollBack(failures: Map<string, unknown>): void {
    for (const [id, reason] of failures) {
      const onDisk = this.durable.get(id);
      if (onDisk) this.records.set(id, onDisk);
      else this.records.delete(id);
      if (!this.pending.delete(id)) continue;
      const later = this.waiters.filter((w) => w.id === id);
      this.waiters = this.waiters.filter((w) => w.id !== id);
      for (const waiter of later) waiter.reject(reason);
    }
  }

  /** Writes a batch; returns the ids whose change did not reach the disk, with the reason. */
  private async writeBatch(batch: Map<string, T | null>): Promise<Map<string, unknown>> {
    const failures = new Map<string, unknown>();
    const entries = [...batch];
    for (let i = 0; i < entries.length; i += IO_PARALLEL) {
      await Promise.all(
        entries.slice(i, i + IO_PARALLEL).map(([id, value]) => this.writeRecord(id, value).catch((error: unknown) => void failures.set(id, error))),
      );
    }
    try {
      await syncFolder(this.folder);
    } catch (error) {
      for (const [id] of entries) failures.set(id, error);
    }
    return failures;
  }

  private async writeRecord(id: string, value: T | null): Promise<void> {
    const file = join(this.folder, fileNameFor(id));
    // Unknown until this write is through: a failed write may leave either content.
    this.validated.delete(id);
    if (value === null) {
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      return;
    }
    const text = JSON.stringify(value);
    const temp = await writeSyncedTemp(file, sealText(text));
    try {
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    // Validated by `storable` before it was written.
    this.validated.set(id, digestOf(text));
  }
}

async function readRecordFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new StoreError(path, 'is a folder where a data file belongs: move it away');
    throw new StoreError(path, `cannot be read (${code ?? (error as Error).message})`);
  }
  return openText(text, path);
}

/** Temp files are named `<file>.<pid>.<n>.tmp` by the process writing them. */
function writerAlive(tempName: string): boolean {
  const pid = Number(/\.(\d+)\.\d+\.tmp$/.exec(tempName)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The cases collection, with its caseload lookups answered from in-memory indexes. */
export class FileCaseCollection extends FileCollection<Case> implements CaseCollection {
  constructor(folder: string) {
    super('cases', folder, CaseSchema, CASE_INDEXES);
  }

  async casesOfWorker(workerId: string, query?: CaseQuery): Promise<readonly Case[]> {
    return casesUnder(this.records, 'worker', workerId, query);
  }

  async casesOfTeam(team: string, query?: CaseQuery): Promise<readonly Case[]> {
    return casesUnder(this.records, 'team', team, query);
  }

  async byStatus(status: Case['status']): Promise<readonly Case[]> {
    return casesUnder(this.records, 'status', status);
  }

  async headersOfWorker(workerId: string, query?: CaseQuery): Promise<readonly CaseHeader[]> {
    return casesUnder(this.records, 'worker', workerId, query).map(caseHeader);
  }

  async headersOfTeam(team: string, query?: CaseQuery): Promise<readonly CaseHeader[]> {
    return casesUnder(this.records, 'team', team, query).map(caseHeader);
  }
}

function digestOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

const fingerprints = new WeakMap<object, string | null>();

/**
 * What the schema accepts, as JSON Schema, with the stored-data version: a changed schema
 * has another fingerprint, so nothing checked against the old one is trusted. A check that
 * JSON Schema cannot express (a refinement) changes with SCHEMA_VERSION only.
 */
function schemaFingerprint(schema: z.ZodType): string | undefined {
  if (!fingerprints.has(schema)) {
    try {
      const shape = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
      fingerprints.set(schema, `v${SCHEMA_VERSION} ${digestOf(shape)}`);
    } catch {
      fingerprints.set(schema, null);
    }
  }
  return fingerprints.get(schema) ?? undefined;
}

/** Plain ids keep their name; others (Teams ids with ':' or '/') are hashed. */
export function fileNameFor(id: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(id) ? `${id}.json` : `h-${createHash('sha256').update(id).digest('hex')}.json`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
