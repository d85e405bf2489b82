import { describe, expect, it } from 'vitest';
import { alertState, applyAlertDecision, decideAlert, decideOpenAlerts, openAlerts } from '../../src/domain/alerts.js';
import { defaultConfig } from '../../src/domain/config.js';
import { DomainError } from '../../src/domain/errors.js';
import type { Alert, AlertDecision } from '../../src/domain/schemas.js';
import { reviewFlagDetails, flaggedCases } from '../../src/domain/supervision.js';
import { makeCase, makeContact } from './fixtures.js';

const crisis: Alert = { id: 'AL-CRSSAB', kind: 'domainCrisis', at: '2027-01-05T10:00:00+01:00' };
const stalled: Alert = { id: 'AL-STLLAB', kind: 'stalledTask', at: '2027-01-08T10:00:00+01:00', refId: 'T-TEST01' };
const decision = (choice: AlertDecision['choice'] = 'continue'): AlertDecision => ({ choice, by: 'S-SUPER', at: '2027-01-20T09:00:00+01:00' });
const TODAY = '2027-01-20';

describe('open alerts', () => {
  it('are the stored alerts not decided, and the review past due by the grace period, oldest first', () => {
    const record = makeCase({ alerts: [stalled, crisis, { ...crisis, id: 'AL-DCDDAB', decision: decision() }], nextReviewDate: '2027-01-18' });
    expect(openAlerts(record, TODAY)).toEqual([
      { kind: 'domainCrisis', target: { alertId: 'AL-CRSSAB' }, since: '2027-01-05' },
      { kind: 'stalledTask', target: { alertId: 'AL-STLLAB' }, since: '2027-01-08', taskId: 'T-TEST01' },
      { kind: 'overdueReview', target: { reviewDate: '2027-01-18' }, since: '2027-01-19' },
    ]);
  });

  it('the review is not overdue on its own day, nor within the grace period; a closed case has none', () => {
    expect(openAlerts(makeCase({ nextReviewDate: TODAY }), TODAY)).toEqual([]);
    expect(openAlerts(makeCase({ nextReviewDate: '2027-01-18' }), TODAY, { ...defaultConfig, reviewGraceDays: 2 })).toEqual([]);
    expect(openAlerts(makeCase({ status: 'closed', alerts: [crisis], nextReviewDate: '2027-01-01' }), TODAY)).toEqual([]);
  });
});

describe('deciding on an alert', () => {
  it('records the decision on the alert once; a second one is refused with the first', () => {
    const record = makeCase({ alerts: [crisis] });
    const decided = decideAlert(record, { alertId: crisis.id }, decision(), TODAY);
    expect(decided.alerts).toEqual([{ ...crisis, decision: decision() }]);
    expect(alertState(decided, { alertId: crisis.id }, TODAY)).toEqual({ state: 'decided', decision: decision() });
    const again = () => decideAlert(decided, { alertId: crisis.id }, decision('close'), TODAY);
    expect(again).toThrow(DomainError);
    expect(again).toThrow(expect.objectContaining({ code: 'alertDecided', details: { decision: decision() } }));
  });

  it('on an overdue review, adds a record naming the review date; a review held since leaves nothing to decide', () => {
    const record = makeCase({ nextReviewDate: '2027-01-18' });
    const decided = decideAlert(record, { reviewDate: '2027-01-18' }, decision('remindWorker'), TODAY);
    expect(decided.alerts).toEqual([
      { id: expect.stringMatching(/^AL-/), kind: 'overdueReview', at: decision().at, reviewDate: '2027-01-18', decision: decision('remindWorker') },
    ]);
    expect(openAlerts(decided, TODAY)).toEqual([]);
    expect(alertState({ ...record, nextReviewDate: '2027-04-18' }, { reviewDate: '2027-01-18' }, TODAY)).toEqual({ state: 'resolved' });
    expect(() => decideAlert({ ...record, nextReviewDate: '2027-04-18' }, { reviewDate: '2027-01-18' }, decision(), TODAY)).toThrow(/no decision left/);
    expect(() => decideAlert(record, { alertId: 'AL-NOTHRE' }, decision(), TODAY)).toThrow(/No such alert/);
    expect(() => decideAlert(makeCase({ nextReviewDate: '2027-01-25' }), { reviewDate: '2027-01-25' }, decision(), TODAY)).toThrow(/No such alert/);
  });

  it('makes a review for a change of approach or a closure, and on an overdue review for any decision but a reminder', () => {
    const base = { by: 'S-SUPER', at: '2027-01-20T09:00:00+01:00', today: TODAY, reviewId: 'RV-ABCDEF' };
    const record = makeCase({ alerts: [crisis], intensity: 'moderate', contactEveryDays: 21, nextReviewDate: '2027-01-18' });
    const kept = applyAlertDecision(record, { ...base, target: { alertId: crisis.id }, choice: 'continue' });
    expect(kept.reviews).toEqual([]);
    expect(kept.alerts[0]!.decision).toEqual({ choice: 'continue', by: 'S-SUPER', at: base.at });

    const changed = applyAlertDecision(record, { ...base, target: { alertId: crisis.id }, choice: 'changeApproach', approach: { newIntensity: 'intensive' } });
    expect(changed).toMatchObject({ intensity: 'intensive', contactEveryDays: 7, nextReviewDate: '2027-02-19' });
    expect(changed.reviews).toEqual([
      { id: 'RV-ABCDEF', at: base.at, by: 'S-SUPER', decision: 'changeApproach', newIntensity: 'intensive', nextReviewDate: '2027-02-19', note: '' },
    ]);
    expect(changed.alerts[0]!.decision?.reviewId).toBe('RV-ABCDEF');

    const overdue = applyAlertDecision(record, { ...base, target: { reviewDate: '2027-01-18' }, choice: 'continue' });
    expect(overdue.reviews).toHaveLength(1);
    expect(overdue.nextReviewDate).toBe('2027-04-20');
    const reminded = applyAlertDecision(record, { ...base, target: { reviewDate: '2027-01-18' }, choice: 'remindWorker' });
    expect(reminded.reviews).toEqual([]);
    expect(reminded.nextReviewDate).toBe('2027-01-18');
  });

  it('a decision on the whole case decides every open alert and leaves decided ones as they were', () => {
    const earlier = { ...stalled, decision: decision('remindWorker') };
    const decided = decideOpenAlerts(makeCase({ alerts: [crisis, earlier] }), decision('close'));
    expect(decided.alerts).toEqual([{ ...crisis, decision: decision('close') }, earlier]);
  });
});

describe('flagged cases and alerts', () => {
  it('an open alert flags a case with nothing else to flag, and comes first', () => {
    const quiet = { contacts: [makeContact({ date: '2027-01-19' })], nextReviewDate: '2027-03-01' };
    const alerted = makeCase({ id: 'C-ALRTAB', alerts: [crisis, stalled], ...quiet });
    const overdueTwice = makeCase({ id: 'C-OVRDAB', nextReviewDate: '2027-01-10', contacts: [] });
    expect(reviewFlagDetails(alerted, TODAY)).toEqual([{ flag: 'openAlert', daysLate: 15, alertKinds: ['domainCrisis', 'stalledTask'] }]);
    expect(flaggedCases([overdueTwice, alerted, makeCase({ id: 'C-QUETAB', ...quiet })], TODAY).map((entry) => entry.caseRecord.id)).toEqual([
      'C-ALRTAB',
      'C-OVRDAB',
    ]);
    expect(reviewFlagDetails(makeCase({ alerts: [{ ...crisis, decision: decision() }], ...quiet }), TODAY)).toEqual([]);
  });

  it('a change of approach restarts the contact interval from its day', () => {
    const review = {
      id: 'RV-ABCDEF',
      at: '2027-01-20T09:00:00+01:00',
      by: 'S-SUPER',
      decision: 'changeApproach' as const,
      newIntensity: 'intensive' as const,
      nextReviewDate: '2027-02-19',
      note: '',
    };
    const record = makeCase({ intensity: 'intensive', contactEveryDays: 7, contacts: [makeContact({ date: '2027-01-04' })], nextReviewDate: '2027-02-19' });
    expect(reviewFlagDetails(record, TODAY)).toEqual([{ flag: 'noRecentContact', daysLate: 9 }]);
    const changed = { ...record, reviews: [review] };
    expect(reviewFlagDetails(changed, TODAY)).toEqual([]);
    expect(reviewFlagDetails(changed, '2027-01-28')).toEqual([{ flag: 'noRecentContact', daysLate: 1 }]);
    // A review that continues does not move the clock.
    expect(reviewFlagDetails({ ...record, reviews: [{ ...review, decision: 'continue', newIntensity: undefined }] }, TODAY)).toEqual([
      { flag: 'noRecentContact', daysLate: 9 },
    ]);
  });
});
