// Schema migrations: MIGRATIONS[n] turns a record stored at version n into version n + 1.
// Each must be safe to run twice on the same record: a migration cut off midway runs again.
import type { z } from 'zod';
import {
  BotStateRecordSchema,
  CaseSchema,
  ClientLinkSchema,
  ConversationRefSchema,
  LinkCodeSchema,
  ServiceSchema,
  StaffSchema,
  UserProfileSchema,
} from '../domain/schemas.js';
import type { RecordMigration } from './fileCollection.js';

export type Migration = Partial<Record<CollectionName, RecordMigration>>;

export const COLLECTION_NAMES = ['staff', 'cases', 'services', 'linkCodes', 'clientLinks', 'users', 'conversationRefs', 'botState'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** The schema every stored record of a collection must match, in any store. */
export const COLLECTION_SCHEMAS: { [K in CollectionName]: z.ZodType<{ id: string }> } = {
  staff: StaffSchema,
  cases: CaseSchema,
  services: ServiceSchema,
  linkCodes: LinkCodeSchema,
  clientLinks: ClientLinkSchema,
  users: UserProfileSchema,
  conversationRefs: ConversationRefSchema,
  botState: BotStateRecordSchema,
};

/** Version 1 is the first stored shape; add `2: { cases: (record) => … }` with the next change. */
export const MIGRATIONS: Record<number, Migration> = {};

/** Composes the migrations from `from` up to `to` for one collection (undefined when none apply). */
export function migrationFor(collection: CollectionName, from: number, to: number, migrations = MIGRATIONS): RecordMigration | undefined {
  const steps: RecordMigration[] = [];
  for (let version = from; version < to; version++) {
    const step = migrations[version]?.[collection];
    if (step) steps.push(step);
  }
  if (steps.length === 0) return undefined;
  return (record) => steps.reduce((current, step) => step(current), record);
}
