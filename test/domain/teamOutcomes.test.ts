import { describe, expect, it } from 'vitest';
import { reviewDueDate, teamOutcomes, type OutcomesInput } from '../../src/domain/teamOutcomes.js';
import { caseRecord } from '../support/records.js';
import { ALL_CASES, assessment, caseClosed, caseOpen, NORTE_CASES, PERIOD, review, SERVICES, TIME_ZONE } from '../support/outcomesFixtures.js';

const serviceNames = new Map(SERVICES.map((s) => [s.id, s.name]));
const input = (overrides: Partial<OutcomesInput> = {}): OutcomesInput => ({
  team: 'norte',
  period: PERIOD,
  cases: ALL_CASES,
  serviceNames,
  timeZone: TIME_ZONE,
  ...overrides,
});

describe('team outcomes', () => {
  it('counts the cases of the team open at some time in the period', () => {
    const outcomes = teamOutcomes(input());
    expect(outcomes.team).toBe('norte');
    expect(outcomes.period).toEqual(PERIOD);
    // Open, closed in October, and the one without a due date; not the one closed in August nor the one opened in December.
    expect(outcomes.activeCases).toBe(3);
  });

  it('compares the first completed assessment with the latest one completed by the end of the period', () => {
    const rows = new Map(teamOutcomes(input()).domains.map((d) => [d.domain, d]));
    expect(rows.get('income')).toEqual({ domain: 'income', cases: 2, averageChange: 1.5, improved: 2, same: 0, worse: 0 });
    expect(rows.get('housing')).toEqual({ domain: 'housing', cases: 1, averageChange: 0, improved: 0, same: 1, worse: 0 });
    expect(rows.get('food')).toEqual({ domain: 'food', cases: 1, averageChange: -1, improved: 0, same: 0, worse: 1 });
    // Not applicable at the first assessment: nothing to compare.
    expect(rows.get('health')).toMatchObject({ cases: 0, averageChange: null });
    // Only the other team rated safety.
    expect(rows.get('safety')).toMatchObject({ cases: 0 });
    expect(rows.size).toBe(15);
  });

  it('leaves out a case with a single completed assessment', () => {
    const single = caseRecord({ id: 'C-SINGLE', assessments: [assessment('A-S', '2026-09-02T09:00:00.000Z', { income: 1 })] });
    expect(teamOutcomes(input({ cases: [single] })).domains.every((d) => d.cases === 0)).toBe(true);
  });

  it('counts goals ended by a closure within the period, by outcome', () => {
    expect(teamOutcomes(input()).goals).toEqual({ ended: 4, byOutcome: { achieved: 2, partial: 1, notAchieved: 1 }, achievedShare: 0.5 });
  });

  it('has no share of achieved goals when none ended', () => {
    expect(teamOutcomes(input({ cases: [caseOpen] })).goals).toEqual({ ended: 0, byOutcome: { achieved: 0, partial: 0, notAchieved: 0 }, achievedShare: null });
  });

  it('averages the ratings given within the period on its local days, «no opportunity» left out', () => {
    // 2, 3, 1 (open case, one on 1 September in Madrid) and 4 (closed case); not 4 on 1 December in Madrid.
    expect(teamOutcomes(input()).tasks).toEqual({ ratings: 4, noOpportunity: 1, average: 2.5 });
  });

  it('reads the period in the time zone given', () => {
    // In UTC the late-evening ratings fall on 31 August and 30 November instead.
    // 3, 1, 4 (30 November) and 4 (closed case); not 2 (31 August).
    expect(teamOutcomes(input({ timeZone: 'UTC' })).tasks).toEqual({ ratings: 4, noOpportunity: 1, average: 3 });
  });

  it('counts referrals that ended within the period per service, by the directory name', () => {
    expect(teamOutcomes(input()).referrals).toEqual([
      { serviceId: 'S-FOOD', serviceName: 'Banco de alimentos "La Esperanza", Norte', completed: 1, declined: 1, otherEnds: 0 },
      { serviceId: 'S-JOBS', serviceName: 'Orientación laboral', completed: 0, declined: 0, otherEnds: 1 },
      // No longer in the directory: shown by its id.
      { serviceId: 'S-GONE', serviceName: 'S-GONE', completed: 0, declined: 1, otherEnds: 0 },
    ]);
  });

  it('counts reviews held within the period against the due date set last before each', () => {
    expect(teamOutcomes(input()).reviews).toEqual({ onTime: 1, late: 2, noDueDate: 1 });
  });

  it('never counts another team’s cases, even when they are passed in', () => {
    expect(teamOutcomes(input())).toEqual(teamOutcomes(input({ cases: NORTE_CASES })));
    const sur = teamOutcomes(input({ team: 'sur' }));
    expect(sur.activeCases).toBe(1);
    expect(sur.domains.find((d) => d.domain === 'safety')).toMatchObject({ cases: 1, averageChange: -4, worse: 1 });
    expect(sur.goals.ended).toBe(1);
  });

  it('gives zeros and nulls for a team with no cases', () => {
    const empty = teamOutcomes(input({ cases: [] }));
    expect(empty.activeCases).toBe(0);
    expect(empty.tasks).toEqual({ ratings: 0, noOpportunity: 0, average: null });
    expect(empty.referrals).toEqual([]);
    expect(empty.reviews).toEqual({ onTime: 0, late: 0, noDueDate: 0 });
  });

  it('refuses a period that ends before it starts or is not made of days', () => {
    expect(() => teamOutcomes(input({ period: { from: '2026-11-30', to: '2026-09-01' } }))).toThrow(RangeError);
    expect(() => teamOutcomes(input({ period: { from: 'septiembre', to: '2026-09-01' } }))).toThrow(/YYYY-MM-DD/);
  });

  it('finds the due date of a review from the latest date set before it', () => {
    expect(reviewDueDate(caseClosed, caseClosed.reviews[0]!)).toBe('2026-09-15');
    const record = { assessments: caseOpen.assessments, reviews: caseOpen.reviews };
    expect(reviewDueDate(record, review('V-1', '2026-09-04T10:00:00.000Z'))).toBe('2026-09-03');
    expect(reviewDueDate(record, review('V-4', '2026-10-02T10:00:00.000Z'))).toBe('2026-12-30');
    expect(reviewDueDate({ assessments: [], reviews: [] }, review('V-X', '2026-10-02T10:00:00.000Z'))).toBeUndefined();
  });
});
