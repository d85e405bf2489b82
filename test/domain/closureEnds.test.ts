import { describe, expect, it } from 'vitest';
import { applyCaseDecision } from '../../src/domain/alerts.js';
import { activeReferrals, closeCase, reopenCase, reopenedReviewDate, validateClosure } from '../../src/domain/closure.js';
import { DomainError } from '../../src/domain/errors.js';
import { canTransition } from '../../src/domain/referrals.js';
import { CaseSchema, type Closure, type Referral } from '../../src/domain/schemas.js';
import { reviewFlags } from '../../src/domain/supervision.js';
import { makeContact, makeTask } from './fixtures.js';
import { deepFreeze, makeCase } from './frozenCase.js';

const AT = '2027-06-01T10:00:00.000Z';

function referral(id: string, status: Referral['status']): Referral {
  return {
    id,
    serviceId: 'S-1',
    category: 'empleo',
    status,
    history: [{ status, at: '2027-02-01T10:00:00.000Z', by: 'W-1' }],
    cost: 0,
    createdAt: '2027-02-01T10:00:00.000Z',
    createdBy: 'W-1',
  };
}

function closure(overrides: Partial<Closure> = {}): Closure {
  return { at: AT, by: 'W-1', reason: 'goalsMet', outcomes: [], summary: 'Hecho.', ...overrides };
}

const caseWithWork = () =>
  deepFreeze(
    makeCase({
      nextReviewDate: '2027-07-01',
      tasks: [makeTask({ id: 'T-OPEN01' }), makeTask({ id: 'T-DONE01', status: 'done' }), makeTask({ id: 'T-DROP01', status: 'dropped' })],
      referrals: [referral('R-RUN001', 'inProgress'), referral('R-PROP01', 'proposed'), referral('R-DONE01', 'completed'), referral('R-NO0001', 'declined')],
    }),
  );

const codes = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    return ((error as DomainError).details.issues ?? []).map((i) => i.code);
  }
  return [];
};

describe('closing ends what is still running', () => {
  it('open tasks end as closed with the case, each active referral takes its recorded state, and no review is due', () => {
    const record = caseWithWork();
    expect(activeReferrals(record).map((r) => r.id)).toEqual(['R-RUN001', 'R-PROP01']);
    const closed = closeCase(
      record,
      closure({
        referralOutcomes: [
          { referralId: 'R-RUN001', status: 'completed' },
          { referralId: 'R-PROP01', status: 'cancelled' },
        ],
      }),
    );
    expect(CaseSchema.parse(closed)).toEqual(closed);
    expect(closed.tasks.map((t) => t.status)).toEqual(['closedWithCase', 'done', 'dropped']);
    expect(closed.referrals.map((r) => r.status)).toEqual(['completed', 'cancelled', 'completed', 'declined']);
    expect(closed.referrals[1]!.history).toEqual([...record.referrals[1]!.history, { status: 'cancelled', at: AT, by: 'W-1' }]);
    expect(closed.nextReviewDate).toBeUndefined();
    expect('nextReviewDate' in closed).toBe(false);
  });

  it('refuses a closure that leaves an active referral without its final state, names an unknown or ended one, or names one twice', () => {
    const record = caseWithWork();
    expect(codes(() => closeCase(record, closure()))).toEqual(['referralOutcomeMissing']);
    expect(
      validateClosure(
        record,
        closure({
          referralOutcomes: [
            { referralId: 'R-RUN001', status: 'completed' },
            { referralId: 'R-RUN001', status: 'declined' },
            { referralId: 'R-DONE01', status: 'declined' },
          ],
        }),
      ).errors.map((e) => e.code),
    ).toEqual(['duplicateReferralOutcome', 'unknownReferral', 'referralOutcomeMissing']);
  });

  it('a case without active referrals closes as before, with no referral outcomes', () => {
    const closed = closeCase(makeCase({ tasks: [makeTask()] }), closure());
    expect(closed.status).toBe('closed');
    expect(closed.closure?.referralOutcomes).toBeUndefined();
  });

  it('cancelled is reached only with the closure, never as a step of the referral', () => {
    expect(canTransition('inProgress', 'cancelled')).toBe(false);
    expect(canTransition('cancelled', 'declined')).toBe(false);
  });
});

describe('reopening', () => {
  it('sets the review date from the intensity (moderate before any assessment); goals keep their outcome', () => {
    expect(reopenedReviewDate({ intensity: 'intensive' }, '2027-06-10')).toBe('2027-07-12');
    expect(reopenedReviewDate({}, '2027-06-10')).toBe('2027-09-08');
    const closed = deepFreeze(
      closeCase(
        makeCase({
          intensity: 'basic',
          goals: [
            {
              id: 'G-1',
              domain: 'housing',
              text: 'Lucía presenta la solicitud',
              actor: 'Lucía',
              indicator: 'registrada',
              target: 'sí',
              deadline: '2027-05-01',
              support: '',
              obstacles: '',
              dependsOnThirdParty: false,
              agreement: { at: AT, recordedBy: 'W-1' },
              status: 'active',
              createdAt: AT,
              createdBy: 'W-1',
            },
          ],
        }),
        closure({ outcomes: [{ goalId: 'G-1', outcome: 'achieved' }] }),
      ),
    );
    const at = '2027-06-10T09:00:00.000Z';
    const reopened = reopenCase(closed, { id: 'W-1', role: 'worker', team: 'norte' }, 'Vuelve', at, reopenedReviewDate(closed, '2027-06-10'));
    expect(reopened).toMatchObject({ status: 'open', nextReviewDate: '2027-12-07', goals: [{ id: 'G-1', status: 'achieved' }] });
    expect(() => reopenCase(closed, { id: 'W-1', role: 'worker', team: 'norte' }, 'Vuelve', at, '10/06/2027')).toThrow(DomainError);
  });
});

describe('a supervisor’s decision on a flagged case', () => {
  it('a change of approach restarts the contact clock: the case is not flagged again until the new interval has passed', () => {
    const record = makeCase({ intensity: 'moderate', contactEveryDays: 21, nextReviewDate: '2027-04-01', contacts: [makeContact({ date: '2027-01-10' })] });
    expect(reviewFlags(record, '2027-02-15')).toEqual(['noRecentContact']);
    const input = { choice: 'changeApproach' as const, by: 'S-SUPER', at: '2027-02-15T10:00:00.000Z', today: '2027-02-15', reviewId: 'RV-ABCDEF' };
    const changed = applyCaseDecision(record, { ...input, approach: { newIntensity: 'intensive' } });
    expect(changed).toMatchObject({ intensity: 'intensive', contactEveryDays: 7, nextReviewDate: '2027-03-17' });
    expect(reviewFlags(changed, '2027-02-15')).toEqual([]);
    expect(reviewFlags(changed, '2027-02-22')).toEqual([]);
    expect(reviewFlags(changed, '2027-02-23')).toEqual(['noRecentContact']);
    // Continuing leaves the clock where it was.
    expect(reviewFlags(applyCaseDecision(record, { ...input, choice: 'continue' }), '2027-02-15')).toEqual(['noRecentContact']);
  });
});
