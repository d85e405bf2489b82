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

/**
 * The value to store as the result of a change: validated, frozen, and still under `id`. The
 * parts a change left as they were stay the stored ones: the schema check copies the whole
 * record, and held copies would all outlive the young generation and be copied out of it.
 */
export function storable<T extends { id: string }>(name: string, schema: z.ZodType<T>, id: string, next: T, previous?: T): T {
  const stored = deepFreeze(keepUnchanged(schema.parse(next), previous));
  if (stored.id !== id) throw new Error(`A change to ${name} "${id}" cannot change its id`);
  return stored;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

/** `fresh` (a value of its own) with every part equal to the same part of `previous` replaced by that part; `previous` itself when all is equal. */
export function keepUnchanged<V>(fresh: V, previous: unknown): V {
  if (Object.is(fresh, previous)) return fresh;
  // A frozen part is one the schema passed through from a stored record: it stays as it is.
  if (!isPlain(fresh) || !isPlain(previous) || Object.isFrozen(fresh) || Array.isArray(fresh) !== Array.isArray(previous)) return fresh;
  const parts = fresh as Record<string, unknown>;
  const keys = Object.keys(parts);
  let same = keys.length === Object.keys(previous).length;
  for (const key of keys) {
    const had = Object.hasOwn(previous, key);
    const kept = had ? keepUnchanged(parts[key], previous[key]) : parts[key];
    if (kept !== parts[key]) parts[key] = kept;
    if (!had || kept !== previous[key]) same = false;
  }
  return same ? (previous as V) : fresh;
}

export function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
