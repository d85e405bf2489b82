// The store as the application services see it: small asynchronous interfaces that the
// JSON store, an in-memory store or a database can implement.
import type { CaseHeader } from './caseHeader.js';
import type { AuditEntry, BotStateRecord, Case, ClientLink, ConversationRef, LinkCode, Service, Staff, UserProfile } from './schemas.js';

export interface Collection<T extends { id: string }> {
  get(id: string): Promise<T | undefined>;
  /** Every record, in no particular order. */
  all(): Promise<readonly T[]>;
  count(): Promise<number>;
  /** Stores `record` (validated); resolves once it is durable. */
  put(record: T): Promise<T>;
  /**
   * Applies `change` to the current record (undefined if none) and stores the result; a
   * result of undefined deletes the record. Changes to one record apply one after another
   * on its latest value, so concurrent turns never lose each other's changes. A result the
   * schema refuses (or a change that throws) leaves the record as it was. Resolves once the
   * result is durable.
   */
  update(id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  delete(id: string): Promise<void>;
}

export interface CaseQuery {
  status?: Case['status'];
}

/** The cases, with the lookups a caseload needs; results come in no particular order. */
export interface CaseCollection extends Collection<Case> {
  /** The cases a worker carries: their own and those shared with them. */
  casesOfWorker(workerId: string, query?: CaseQuery): Promise<readonly Case[]>;
  casesOfTeam(team: string, query?: CaseQuery): Promise<readonly Case[]>;
  byStatus(status: Case['status']): Promise<readonly Case[]>;
  /** The headers of the cases a worker carries (as `casesOfWorker`), without reading any case. */
  headersOfWorker(workerId: string, query?: CaseQuery): Promise<readonly CaseHeader[]>;
  /** The headers of a team's cases (as `casesOfTeam`), without reading any case. */
  headersOfTeam(team: string, query?: CaseQuery): Promise<readonly CaseHeader[]>;
  /** One case's header, without reading the case. */
  headerOf(id: string): Promise<CaseHeader | undefined>;
  /** The headers of the cases in a status (as `byStatus`), without reading any case. */
  headersByStatus(status: Case['status']): Promise<readonly CaseHeader[]>;
}

export interface AuditLog {
  /** Resolves once the entry is durable. */
  record(entry: Omit<AuditEntry, 'at' | 'outcome'> & { outcome?: AuditEntry['outcome']; at?: string }): Promise<void>;
  /** Entries of one day (`YYYY-MM-DD`, UTC), oldest first. */
  readDay(day: string): Promise<AuditEntry[]>;
}

/** Everything the bot keeps. Only the application services (and the CLI) use these. */
export interface Repositories {
  staff: Collection<Staff>;
  cases: CaseCollection;
  services: Collection<Service>;
  linkCodes: Collection<LinkCode>;
  clientLinks: Collection<ClientLink>;
  users: Collection<UserProfile>;
  conversationRefs: Collection<ConversationRef>;
  botState: Collection<BotStateRecord>;
  audit: AuditLog;
}
