// Records held in memory by the JSON and in-memory stores: validated, frozen so no one edits
// them in place, and indexed so a caseload is found without looking at every case.
import type { z } from 'zod';
import type { CaseQuery } from '../domain/ports.js';
import type { Case } from '../domain/schemas.js';

/** For each index, the keys a record is found under (a record may have several, or none). */
export type IndexKeys<T> = Readonly<Record<string, (record: T) => readonly string[]>>;

/**
 * A map of records by id that keeps its indexes in step with every set and delete, so a
 * change, a load and a rollback all update them alike.
 */
export class IndexedRecords<T> extends Map<string, T> {
  private readonly indexes = new Map<string, { keysOf: (record: T) => readonly string[]; ids: Map<string, Set<string>> }>();

  constructor(keys: IndexKeys<T> = {}) {
    super();
    for (const [name, keysOf] of Object.entries(keys)) this.indexes.set(name, { keysOf, ids: new Map() });
  }

  override set(id: string, record: T): this {
    this.unindex(id);
    super.set(id, record);
    for (const { keysOf, ids } of this.indexes.values()) {
      for (const key of keysOf(record)) {
        const group = ids.get(key);
        if (group) group.add(id);
        else ids.set(key, new Set([id]));
      }
    }
    return this;
  }

  override delete(id: string): boolean {
    this.unindex(id);
    return super.delete(id);
  }

  override clear(): void {
    for (const { ids } of this.indexes.values()) ids.clear();
    super.clear();
  }

  /** The records found under `key` in index `name`. */
  lookup(name: string, key: string): T[] {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`No index "${name}"`);
    return [...(index.ids.get(key) ?? [])].map((id) => this.get(id)!);
  }

  private unindex(id: string): void {
    const current = this.get(id);
    if (current === undefined) return;
    for (const { keysOf, ids } of this.indexes.values()) {
      for (const key of keysOf(current)) {
        const group = ids.get(key);
        group?.delete(id);
        if (group?.size === 0) ids.delete(key);
      }
    }
  }
}

/** Over the fields a case header has too, so the same indexes serve whole cases and headers. */
export const CASE_INDEXES: IndexKeys<Pick<Case, 'workerId' | 'sharedWith' | 'team' | 'status'>> = {
  worker: (c) => [c.workerId, ...c.sharedWith],
  team: (c) => [c.team],
  status: (c) => [c.status],
};

/** The cases under `key` in a case index, narrowed by `query`. */
export function casesUnder(records: IndexedRecords<Case>, index: 'worker' | 'team' | 'status', key: string, query: CaseQuery = {}): Case[] {
  const found = records.lookup(index, key);
  return query.status ? found.filter((c) => c.status === query.status) : found;
}

/** The value to store as the result of a change: validated, frozen, and still under `id`. */
export function storable<T extends { id: string }>(name: string, schema: z.ZodType<T>, id: string, next: T): T {
  const stored = deepFreeze(schema.parse(next));
  if (stored.id !== id) throw new Error(`A change to ${name} "${id}" cannot change its id`);
  return stored;
}

export function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
