// The store without a disk, for tests where durability is not the point: the same
// validation, frozen records, one-after-another changes and case indexes as the JSON store.
import type { AuditLog, CaseCollection, CaseQuery, Collection, Repositories } from '../domain/ports.js';
import { AuditEntrySchema, CaseSchema, type AuditEntry, type Case } from '../domain/schemas.js';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from './migrations.js';
import { CASE_INDEXES, IndexedRecords, casesUnder, storable, type IndexKeys } from './records.js';
import type { z } from 'zod';
import { caseHeader, type CaseHeader } from '../domain/caseHeader.js';

export class MemoryCollection<T extends { id: string }> implements Collection<T> {
  protected readonly records: IndexedRecords<T>;

  constructor(
    readonly name: string,
    private readonly schema: z.ZodType<T>,
    indexes: IndexKeys<T> = {},
  ) {
    this.records = new IndexedRecords(indexes);
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

  async put(record: T): Promise<T> {
    return (await this.update(record.id, () => record))!;
  }

  // Runs to the end without awaiting, so concurrent changes apply one after another.
  async update(id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    const current = this.records.get(id);
    const next = change(current);
    if (next === undefined) {
      this.records.delete(id);
      return undefined;
    }
    const stored = storable(this.name, this.schema, id, next, current);
    this.records.set(id, stored);
    return stored;
  }

  async delete(id: string): Promise<void> {
    await this.update(id, () => undefined);
  }
}

export class MemoryCaseCollection extends MemoryCollection<Case> implements CaseCollection {
  constructor() {
    super('cases', CaseSchema, CASE_INDEXES);
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

  async headerOf(id: string): Promise<CaseHeader | undefined> {
    const record = this.records.get(id);
    return record && caseHeader(record);
  }

  async headersByStatus(status: Case['status']): Promise<readonly CaseHeader[]> {
    return casesUnder(this.records, 'status', status).map(caseHeader);
  }
}

export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];

  async record(input: Parameters<AuditLog['record']>[0]): Promise<void> {
    this.entries.push(AuditEntrySchema.parse({ ...input, at: input.at ?? new Date().toISOString() }));
  }

  async readDay(day: string): Promise<AuditEntry[]> {
    return this.entries.filter((entry) => entry.at.slice(0, 10) === day);
  }
}

/** A fresh, empty store in memory. */
export function memoryRepositories(): Repositories {
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, name === 'cases' ? new MemoryCaseCollection() : new MemoryCollection(name, COLLECTION_SCHEMAS[name])]),
  );
  return { ...collections, audit: new MemoryAuditLog() } as unknown as Repositories;
}
