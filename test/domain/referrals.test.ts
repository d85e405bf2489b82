import { describe, expect, it } from 'vitest';
import { CaseClosedError, DomainError } from '../../src/domain/errors.js';
import {
  advanceCaseReferral,
  advanceReferral,
  canTransition,
  findPossibleDuplicate,
  isActive,
  newReferral,
  referralCosts,
} from '../../src/domain/referrals.js';
import { CaseSchema, REFERRAL_STATUSES, ReferralSchema, ServiceSchema, type Referral, type ReferralStatus, type Service } from '../../src/domain/schemas.js';
import { deepFreeze, makeCase } from './frozenCase.js';

const AT = '2027-03-01T10:00:00+01:00';

function makeService(overrides: Partial<Service> = {}): Service {
  return deepFreeze(
    ServiceSchema.parse({
      id: 'S-1',
      name: 'Banco de alimentos',
      category: 'food',
      provider: 'Cáritas',
      contact: '900 000 000',
      cost: 0,
      eligibility: 'Empadronamiento',
      capacity: null,
      active: true,
      ...overrides,
    }),
  );
}

function makeReferral(overrides: Partial<Referral> = {}): Referral {
  const status = overrides.status ?? 'proposed';
  return deepFreeze(
    ReferralSchema.parse({
      id: 'R-1',
      serviceId: 'S-1',
      category: 'food',
      status,
      history: [{ status, at: AT, by: 'W-1' }],
      cost: 0,
      createdAt: AT,
      createdBy: 'W-1',
      ...overrides,
    }),
  );
}

describe('canTransition', () => {
  const allowed: Array<[ReferralStatus, ReferralStatus]> = [
    ['proposed', 'referred'],
    ['referred', 'accepted'],
    ['accepted', 'inProgress'],
    ['inProgress', 'completed'],
    ['proposed', 'declined'],
    ['referred', 'declined'],
    ['accepted', 'declined'],
    ['inProgress', 'declined'],
  ];

  it('allows exactly one step forward, or declining from a state that is not final', () => {
    for (const from of REFERRAL_STATUSES) {
      for (const to of REFERRAL_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });
});

describe('advanceReferral', () => {
  it('moves one step and records who, when and the note', () => {
    const referral = makeReferral();
    const next = advanceReferral(referral, 'referred', 'W-1', '2027-03-02T10:00:00+01:00', ' Enviada por correo ');
    expect(next.status).toBe('referred');
    expect(next.history.at(-1)).toEqual({ status: 'referred', at: '2027-03-02T10:00:00+01:00', by: 'W-1', note: 'Enviada por correo' });
    expect(ReferralSchema.safeParse(next).success).toBe(true);
    expect(referral.status).toBe('proposed');
    expect(referral.history).toHaveLength(1);
  });

  it('walks the whole lifecycle', () => {
    let referral = makeReferral();
    for (const to of ['referred', 'accepted', 'inProgress', 'completed'] as const) referral = advanceReferral(referral, to, 'W-1', AT);
    expect(referral.history.map((h) => h.status)).toEqual(['proposed', 'referred', 'accepted', 'inProgress', 'completed']);
    expect(isActive(referral)).toBe(false);
  });

  it('refuses a skipped step with a clear error', () => {
    const referral = makeReferral();
    const attempt = () => advanceReferral(referral, 'accepted', 'W-1', AT);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'illegalTransition', message: 'Referral R-1 cannot go from proposed to accepted' }));
    expect(referral.status).toBe('proposed');
  });

  it.each(['completed', 'declined'] as const)('refuses any move out of %s', (status) => {
    const referral = makeReferral({ status });
    for (const to of REFERRAL_STATUSES) {
      expect(() => advanceReferral(referral, to, 'W-1', AT)).toThrow(expect.objectContaining({ code: 'illegalTransition' }));
    }
  });

  it('refuses an unknown status, a missing author, a bad time or a long note', () => {
    const referral = makeReferral();
    expect(() => advanceReferral(referral, 'sent' as ReferralStatus, 'W-1', AT)).toThrow(expect.objectContaining({ code: 'invalidStatus' }));
    expect(() => advanceReferral(referral, 'referred', ' ', AT)).toThrow(expect.objectContaining({ code: 'authorMissing' }));
    expect(() => advanceReferral(referral, 'referred', 'W-1', '2027-03-01')).toThrow(expect.objectContaining({ code: 'invalidTime' }));
    expect(() => advanceReferral(referral, 'referred', 'W-1', AT, 'x'.repeat(1001))).toThrow(expect.objectContaining({ code: 'noteTooLong' }));
  });
});

describe('advanceCaseReferral', () => {
  it('replaces the referral in the case and leaves the others alone', () => {
    const other = makeReferral({ id: 'R-2', category: 'housing' });
    const caseRecord = makeCase({ referrals: [makeReferral(), other] });
    const updated = advanceCaseReferral(caseRecord, 'R-1', 'declined', 'W-1', '2027-03-05T10:00:00+01:00', 'No cumple requisitos');
    expect(updated.referrals.map((r) => r.status)).toEqual(['declined', 'proposed']);
    expect(updated.referrals[1]).toBe(caseRecord.referrals[1]);
    expect(updated.updatedAt).toBe('2027-03-05T10:00:00+01:00');
    expect(caseRecord.referrals[0]!.status).toBe('proposed');
    expect(CaseSchema.safeParse(updated).success).toBe(true);
  });

  it('refuses an unknown referral', () => {
    expect(() => advanceCaseReferral(makeCase(), 'R-9', 'referred', 'W-1', AT)).toThrow(expect.objectContaining({ code: 'referralNotFound' }));
  });

  it('refuses a closed case', () => {
    const closed = makeCase({ status: 'closed', referrals: [makeReferral()] });
    expect(() => advanceCaseReferral(closed, 'R-1', 'referred', 'W-1', AT)).toThrow(CaseClosedError);
  });
});

describe('isActive and findPossibleDuplicate', () => {
  it('counts every state but completed and declined as active', () => {
    expect(REFERRAL_STATUSES.filter((status) => isActive({ status }))).toEqual(['proposed', 'referred', 'accepted', 'inProgress']);
  });

  it('finds an active referral of the same category', () => {
    const caseRecord = makeCase({ referrals: [makeReferral({ id: 'R-1', status: 'inProgress' })] });
    expect(findPossibleDuplicate(caseRecord, 'food')?.id).toBe('R-1');
    expect(findPossibleDuplicate(caseRecord, ' Food ')?.id).toBe('R-1');
    expect(findPossibleDuplicate(caseRecord, 'housing')).toBeUndefined();
  });

  it('ignores finished referrals', () => {
    const caseRecord = makeCase({ referrals: [makeReferral({ id: 'R-1', status: 'completed' }), makeReferral({ id: 'R-2', status: 'declined' })] });
    expect(findPossibleDuplicate(caseRecord, 'food')).toBeUndefined();
  });
});

describe('newReferral', () => {
  it('creates a proposed referral with the service cost and category', () => {
    const caseRecord = makeCase();
    const referral = newReferral(caseRecord, makeService({ cost: 35.5 }), 'W-1', AT, 'R-7');
    expect(referral).toEqual({
      id: 'R-7',
      serviceId: 'S-1',
      category: 'food',
      status: 'proposed',
      history: [{ status: 'proposed', at: AT, by: 'W-1' }],
      cost: 35.5,
      createdAt: AT,
      createdBy: 'W-1',
    });
    expect(ReferralSchema.safeParse(referral).success).toBe(true);
    expect(caseRecord.referrals).toEqual([]);
  });

  it('gives a fresh id when none is passed', () => {
    expect(newReferral(makeCase(), makeService(), 'W-1', AT).id).toMatch(/^R-[A-Z2-9]{6}$/);
  });

  it('flags a second active referral in the same category', () => {
    const caseRecord = makeCase({ referrals: [makeReferral({ id: 'R-1', status: 'accepted' })] });
    expect(newReferral(caseRecord, makeService({ id: 'S-2' }), 'W-1', AT, 'R-2').possibleDuplicateOf).toBe('R-1');
  });

  it('does not flag when the earlier one is finished or of another category', () => {
    const caseRecord = makeCase({ referrals: [makeReferral({ id: 'R-1', status: 'declined' }), makeReferral({ id: 'R-3', category: 'housing' })] });
    expect(newReferral(caseRecord, makeService(), 'W-1', AT, 'R-2')).not.toHaveProperty('possibleDuplicateOf');
  });

  it('refuses a closed case and an inactive service', () => {
    expect(() => newReferral(makeCase({ status: 'closed' }), makeService(), 'W-1', AT)).toThrow(expect.objectContaining({ code: 'caseClosed' }));
    expect(() => newReferral(makeCase(), makeService({ active: false }), 'W-1', AT)).toThrow(expect.objectContaining({ code: 'serviceInactive' }));
  });
});

describe('referralCosts', () => {
  const referrals = [
    makeReferral({ id: 'R-1', cost: 100.1, status: 'completed' }),
    makeReferral({ id: 'R-2', cost: 0.2, status: 'inProgress' }),
    makeReferral({ id: 'R-3', cost: 500, status: 'declined' }),
  ];

  it('sums the referrals not declined, to the cent', () => {
    expect(referralCosts(makeCase({ referrals }))).toEqual({ committed: 100.3, budget: null, remaining: null, over: false });
  });

  it('compares with the budget when one is set', () => {
    expect(referralCosts(makeCase({ referrals, budget: 150 }))).toEqual({ committed: 100.3, budget: 150, remaining: 49.7, over: false });
    expect(referralCosts(makeCase({ referrals, budget: 100.3 }))).toMatchObject({ remaining: 0, over: false });
    expect(referralCosts(makeCase({ referrals, budget: 100 }))).toEqual({ committed: 100.3, budget: 100, remaining: -0.3, over: true });
  });

  it('is zero for a case without referrals', () => {
    expect(referralCosts(makeCase({ budget: 0 }))).toEqual({ committed: 0, budget: 0, remaining: 0, over: false });
  });
});
