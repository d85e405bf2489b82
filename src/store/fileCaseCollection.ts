// The cases on disk, held lightly: memory keeps every case's header (what a caseload lists,
// with the indexes by worker, team and status) and a bounded cache of whole cases; a case
// is read from its file when first needed. Cases changed but not yet filed stay in memory.
import type { CaseHeader } from '../domain/caseHeader.js';
import { caseHeader } from '../domain/caseHeader.js';
import type { CaseCollection, CaseQuery } from '../domain/ports.js';
import { CaseSchema, type Case } from '../domain/schemas.js';
import { FileCollection } from './fileCollection.js';
import { CASE_INDEXES, IndexedRecords, deepFreeze } from './records.js';

/** Whole cases kept in memory beyond those not yet filed: those a few dozen people have open at once (a miss is a read of one small file, under a millisecond). */
const CACHED_CASES = 200;

export class FileCaseCollection extends FileCollection<Case> implements CaseCollection {
  private readonly headers = new IndexedRecords<CaseHeader>(CASE_INDEXES);
  /** Whole cases, least recently used first. */
  private readonly cache = new Map<string, Case>();
  /** Reads under way, so two turns wanting one case read its file once. */
  private readonly reading = new Map<string, Promise<Case | undefined>>();
  /** The change waiting or applying for each case, so changes to one case apply one after another. */
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(folder: string) {
    super('cases', folder, CaseSchema);
  }

  protected override latest(id: string): Case | undefined {
    return this.cache.get(id);
  }

  protected override hold(value: Case): void {
    this.headers.set(value.id, deepFreeze(caseHeader(value)));
    this.cache.delete(value.id);
    this.cache.set(value.id, value);
    this.evict();
  }

  protected override release(id: string): void {
    this.headers.delete(id);
    this.cache.delete(id);
  }

  protected override snapshotForm(id: string): unknown {
    return this.headers.get(id);
  }

  protected override holdFromSnapshot(held: unknown): void {
    const header = deepFreeze(held as CaseHeader);
    this.headers.set(header.id, header);
  }

  protected override ids(): Iterable<string> {
    return this.headers.keys();
  }

  override async get(id: string): Promise<Case | undefined> {
    if (!this.headers.has(id)) return undefined;
    const cached = this.cache.get(id);
    if (cached) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    let read = this.reading.get(id);
    if (!read) {
      read = this.readRecord(id).finally(() => this.reading.delete(id));
      this.reading.set(id, read);
    }
    const value = await read;
    // Changed or deleted while the file was read: memory has the latest.
    if (!this.headers.has(id)) return undefined;
    const now = this.cache.get(id);
    if (now) return now;
    if (value) {
      this.cache.set(id, value);
      this.evict();
    }
    return value;
  }

  override async all(): Promise<readonly Case[]> {
    return this.many([...this.headers.keys()]);
  }

  override async count(): Promise<number> {
    return this.headers.size;
  }

  override update(id: string, change: (current: Case | undefined) => Case | undefined): Promise<Case | undefined> {
    // The current case may have to be read first: changes to one case wait for each other's
    // application (not for the disk), so each applies to the latest value.
    const previous = this.turns.get(id) ?? Promise.resolve();
    let applied!: Promise<Case | undefined>;
    const turn = previous.then(async () => {
      const current = await this.get(id);
      applied = this.apply(id, current, change);
      // The change is applied (or refused) synchronously in `apply`; only its write is awaited.
      await Promise.race([applied.then(noop, noop), Promise.resolve()]);
    });
    const settled = turn.then(noop, noop);
    this.turns.set(id, settled);
    void settled.then(() => {
      if (this.turns.get(id) === settled) this.turns.delete(id);
    });
    return turn.then(() => applied);
  }

  async casesOfWorker(workerId: string, query?: CaseQuery): Promise<readonly Case[]> {
    return this.many((await this.headersOfWorker(workerId, query)).map((h) => h.id));
  }

  async casesOfTeam(team: string, query?: CaseQuery): Promise<readonly Case[]> {
    return this.many((await this.headersOfTeam(team, query)).map((h) => h.id));
  }

  async byStatus(status: Case['status']): Promise<readonly Case[]> {
    return this.many(this.headers.lookup('status', status).map((h) => h.id));
  }

  async headersOfWorker(workerId: string, query?: CaseQuery): Promise<readonly CaseHeader[]> {
    return narrowed(this.headers.lookup('worker', workerId), query);
  }

  async headersOfTeam(team: string, query?: CaseQuery): Promise<readonly CaseHeader[]> {
    return narrowed(this.headers.lookup('team', team), query);
  }

  async headerOf(id: string): Promise<CaseHeader | undefined> {
    return this.headers.get(id);
  }

  async headersByStatus(status: Case['status']): Promise<readonly CaseHeader[]> {
    return this.headers.lookup('status', status);
  }

  private async many(ids: readonly string[]): Promise<Case[]> {
    const found: Case[] = [];
    for (const id of ids) {
      const value = await this.get(id);
      if (value) found.push(value);
    }
    return found;
  }

  /** Drops the least recently used cases beyond the cache's size, never one not yet filed. */
  private evict(): void {
    let over = this.cache.size - CACHED_CASES;
    if (over <= 0) return;
    for (const id of this.cache.keys()) {
      if (over <= 0) break;
      if (this.mustHold(id)) continue;
      this.cache.delete(id);
      over--;
    }
  }
}

function narrowed(headers: CaseHeader[], query: CaseQuery = {}): CaseHeader[] {
  return query.status ? headers.filter((h) => h.status === query.status) : headers;
}

function noop(): void {}
