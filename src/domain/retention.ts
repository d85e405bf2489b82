// Retention of closed cases (LOPDGDD art. 32): once the retention period after closure ends,
// a case is due for blocking (kept, read only by an admin for a legal request); once the
// blocking period ends, it is due for erasure. A person acts on each step; nothing is automatic.
import { DomainError } from './errors.js';
import type { Case } from './schemas.js';

export interface RetentionSettings {
  /** Years after closure that a case is kept as it is. */
  retentionYears: number;
  /** Years a blocked case is kept for legal requests before it may be erased. */
  blockedYears: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { retentionYears: 5, blockedYears: 3 };

export type RetentionStatus = 'open' | 'kept' | 'dueForBlocking' | 'blocked' | 'dueForErasure';

/** Where a case stands, and the day its next step is (or was) due. */
export function retentionStatus(record: Case, settings: RetentionSettings, now: Date): { status: RetentionStatus; dueOn: string } {
  if (record.status !== 'closed' || !record.closure) return { status: 'open', dueOn: '' };
  if (record.blocked) {
    const dueOn = addYears(record.blocked.at, settings.blockedYears);
    return { status: dueOn <= today(now) ? 'dueForErasure' : 'blocked', dueOn };
  }
  const dueOn = addYears(record.closure.at, settings.retentionYears);
  return { status: dueOn <= today(now) ? 'dueForBlocking' : 'kept', dueOn };
}

/** The case blocked by `by` now; refuses (DomainError with the reason as code) unless it is closed and past retention. */
export function blockCase(record: Case, settings: RetentionSettings, by: string, now: Date): Case {
  const { status } = retentionStatus(record, settings, now);
  if (status === 'open') throw new DomainError('notClosed', `Case ${record.id} is not closed`, { caseId: record.id });
  if (status === 'blocked' || status === 'dueForErasure')
    throw new DomainError('alreadyBlocked', `Case ${record.id} is already blocked`, { caseId: record.id });
  if (status === 'kept') throw new DomainError('notDue', `Case ${record.id} is still within its retention period`, { caseId: record.id });
  return { ...record, blocked: { at: now.toISOString(), by } };
}

/** Reads a number of years as typed (`5`, `2.5`); undefined when it is not one from 0 to 100. */
export function readYears(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const years = Number(text.trim().replace(',', '.'));
  return Number.isFinite(years) && years >= 0 && years <= 100 ? years : undefined;
}

/** The calendar day `years` after the instant (whole years keep the day; fractions add days). */
export function addYears(instant: string, years: number): string {
  const date = new Date(instant);
  const whole = Math.trunc(years);
  const shifted = new Date(Date.UTC(date.getUTCFullYear() + whole, date.getUTCMonth(), date.getUTCDate()));
  shifted.setUTCDate(shifted.getUTCDate() + Math.round((years - whole) * 365));
  return shifted.toISOString().slice(0, 10);
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}
