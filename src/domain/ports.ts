// The store as the domain and the dialogs see it: small interfaces a database could implement.
import type {
  AuditEntry, BotStateRecord, Case, ClientLink, ConversationRef, LinkCode, Service, Staff, UserProfile,
} from './schemas.js';

export interface Collection<T extends { id: string }> {
  get(id: string): T | undefined;
  all(): readonly T[];
  /** Stores `record` (validated); resolves once it is on disk. */
  put(record: T): Promise<T>;
  /**
   * Applies `change` to the current record (undefined if none) and stores the result; a
   * result of undefined deletes the record. Changes to one record apply one after another
   * on its latest value, so concurrent turns never lose each other's changes. Resolves
   * once the result is on disk.
   */
  update(id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  delete(id: string): Promise<void>;
}

export interface AuditLog {
  /** Resolves once the entry is on disk. */
  record(entry: Omit<AuditEntry, 'at' | 'outcome'> & { outcome?: AuditEntry['outcome']; at?: string }): Promise<void>;
  /** Entries of one day (`YYYY-MM-DD`, UTC), oldest first. */
  readDay(day: string): Promise<AuditEntry[]>;
}

/** Everything the bot keeps; dialogs see only these interfaces. */
export interface Repositories {
  staff: Collection<Staff>;
  cases: Collection<Case>;
  services: Collection<Service>;
  linkCodes: Collection<LinkCode>;
  clientLinks: Collection<ClientLink>;
  users: Collection<UserProfile>;
  conversationRefs: Collection<ConversationRef>;
  botState: Collection<BotStateRecord>;
  audit: AuditLog;
}
