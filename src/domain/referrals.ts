// Linking to services (vinculación): referrals move proposed → referred → accepted →
// inProgress → completed, or end as declined from any state that is not final.
import { z } from 'zod';
import { assertWritable } from './closure.js';
import { DomainError } from './errors.js';
import { newId } from './ids.js';
import { ReferralStatusSchema, type Case, type Referral, type ReferralStatus, type Service } from './schemas.js';

const NEXT_STATUS: Readonly<Record<ReferralStatus, ReferralStatus | null>> = {
  proposed: 'referred',
  referred: 'accepted',
  accepted: 'inProgress',
  inProgress: 'completed',
  completed: null,
  declined: null,
  cancelled: null,
};

export const FINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = ['completed', 'declined', 'cancelled'];

export function isFinal(status: ReferralStatus): boolean {
  return FINAL_REFERRAL_STATUSES.includes(status);
}

/** One step forward along the lifecycle, or declined from any state that is not final. */
export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  // Cancelled only with the case's closure (closure.ts), never as a step of its own.
  if (isFinal(from) || to === 'cancelled') return false;
  return to === 'declined' || NEXT_STATUS[from] === to;
}

/** Still running: neither completed nor declined. */
export function isActive(referral: Pick<Referral, 'status'>): boolean {
  return !isFinal(referral.status);
}

const isIsoDateTime = (value: unknown) => z.iso.datetime({ offset: true }).safeParse(value).success;

/** The referral moved to `to`, with the step in its history; illegal moves throw. */
export function advanceReferral(referral: Referral, to: ReferralStatus, by: string, at: string, note?: string): Referral {
  if (!ReferralStatusSchema.safeParse(to).success) {
    throw new DomainError('invalidStatus', `"${to}" is not a referral status`, { referralId: referral.id });
  }
  if (!canTransition(referral.status, to)) {
    throw new DomainError('illegalTransition', `Referral ${referral.id} cannot go from ${referral.status} to ${to}`, {
      referralId: referral.id,
      from: referral.status,
      to,
    });
  }
  assertStepAuthor(referral.id, by, at, note);
  const step = note?.trim() ? { status: to, at, by, note: note.trim() } : { status: to, at, by };
  return { ...referral, status: to, history: [...referral.history, step] };
}

function assertStepAuthor(referralId: string, by: string, at: string, note?: string): void {
  if (!by?.trim()) throw new DomainError('authorMissing', `A step of referral ${referralId} needs who made it`, { referralId });
  if (!isIsoDateTime(at)) throw new DomainError('invalidTime', `"${at}" is not an ISO date-time`, { referralId });
  if (note !== undefined && note.length > 1000) {
    throw new DomainError('noteTooLong', `The note on referral ${referralId} is longer than 1000 characters`, { referralId });
  }
}

/** The case with one of its referrals advanced; refuses closed cases and unknown ids. */
export function advanceCaseReferral(caseRecord: Case, referralId: string, to: ReferralStatus, by: string, at: string, note?: string): Case {
  assertWritable(caseRecord);
  const current = caseRecord.referrals.find((r) => r.id === referralId);
  if (!current) {
    throw new DomainError('referralNotFound', `Case ${caseRecord.id} has no referral ${referralId}`, { caseId: caseRecord.id, referralId });
  }
  const advanced = advanceReferral(current, to, by, at, note);
  return { ...caseRecord, referrals: caseRecord.referrals.map((r) => (r.id === referralId ? advanced : r)), updatedAt: at };
}

/** Categories come from the directory, but typed ones may differ in case or spacing. */
function sameCategory(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The oldest active referral of the case in `category`, if any: a possible duplication. */
export function findPossibleDuplicate(caseRecord: Pick<Case, 'referrals'>, category: string): Referral | undefined {
  return caseRecord.referrals.find((r) => isActive(r) && sameCategory(r.category, category));
}

/**
 * A new referral (status proposed) of the case to `service`, flagged with
 * `possibleDuplicateOf` when another active referral of the same category exists.
 * The caller adds it to the case. Refuses closed cases and inactive services.
 */
export function newReferral(caseRecord: Case, service: Service, by: string, at: string, id: string = newId('R')): Referral {
  assertWritable(caseRecord);
  if (!service.active) {
    throw new DomainError('serviceInactive', `Service ${service.id} is not active in the directory`, { serviceId: service.id });
  }
  assertStepAuthor(id, by, at);
  const duplicate = findPossibleDuplicate(caseRecord, service.category);
  return {
    id,
    serviceId: service.id,
    category: service.category,
    status: 'proposed',
    history: [{ status: 'proposed', at, by }],
    cost: service.cost,
    ...(duplicate ? { possibleDuplicateOf: duplicate.id } : {}),
    createdAt: at,
    createdBy: by,
  };
}

export interface ReferralCosts {
  /** Sum of the costs of every referral not declined (completed ones were spent). */
  committed: number;
  /** The case budget, or null when none is set. */
  budget: number | null;
  /** budget − committed (negative when over), or null without a budget. */
  remaining: number | null;
  over: boolean;
}

/** Rounds to cents so that sums of euro amounts compare as people expect. */
const toCents = (euros: number) => Math.round(euros * 100);

export function referralCosts(caseRecord: Pick<Case, 'referrals' | 'budget'>): ReferralCosts {
  const committedCents = caseRecord.referrals.filter((r) => r.status !== 'declined').reduce((sum, r) => sum + toCents(r.cost), 0);
  const committed = committedCents / 100;
  if (caseRecord.budget === undefined) return { committed, budget: null, remaining: null, over: false };
  const remainingCents = toCents(caseRecord.budget) - committedCents;
  return { committed, budget: caseRecord.budget, remaining: remainingCents / 100, over: remainingCents < 0 };
}
