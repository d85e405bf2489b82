import { describe, expect, it } from 'vitest';
import { defaultConfig, type PracticeConfig } from '../../src/domain/config.js';
import type { Achievement, Case } from '../../src/domain/schemas.js';
import { flaggedCases, isStalled, reviewFlagDetails, reviewFlags } from '../../src/domain/supervision.js';
import { makeCase, makeContact, makeProgress, makeTask, WORKER_ID } from './fixtures.js';

/** Progress entries one week apart from 4 January 2027, in the order given. */
function ratedWeekly(...ratings: Achievement[]) {
  return ratings.map((rating, week) => makeProgress({ rating, at: new Date(Date.UTC(2027, 0, 4 + 7 * week, 9)).toISOString() }));
}

const withConfig = (changes: Partial<PracticeConfig>): PracticeConfig => ({ ...defaultConfig, ...changes });

describe('isStalled', () => {
  it('is stalled after two ratings of 1 in a row', () => {
    expect(isStalled(makeTask({ progress: ratedWeekly(3, 1, 1) }))).toBe(true);
  });

  it('is not stalled once a later rating recovers, or after a single 1', () => {
    expect(isStalled(makeTask({ progress: ratedWeekly(1, 1, 2) }))).toBe(false);
    expect(isStalled(makeTask({ progress: ratedWeekly(1, 2) }))).toBe(false);
    expect(isStalled(makeTask({ progress: ratedWeekly(1) }))).toBe(false);
    expect(isStalled(makeTask({ progress: [] }))).toBe(false);
  });

  it('leaves "no opportunity" out of the run', () => {
    expect(isStalled(makeTask({ progress: ratedWeekly(1, 'noOpportunity', 1) }))).toBe(true);
    expect(isStalled(makeTask({ progress: ratedWeekly(1, 'noOpportunity') }))).toBe(false);
    expect(isStalled(makeTask({ progress: ratedWeekly('noOpportunity', 'noOpportunity') }))).toBe(false);
  });

  it('reads the ratings in time order, not storage order', () => {
    const progress = [
      makeProgress({ at: '2027-01-30T10:00:00+01:00', rating: 3 }),
      makeProgress({ at: '2027-01-10T10:00:00+01:00', rating: 1 }),
      makeProgress({ at: '2027-01-20T10:00:00+01:00', rating: 1 }),
    ];
    // In storage order the last two are 1, 1; in time order they are 1 then 3.
    expect(isStalled(makeTask({ progress }))).toBe(false);
  });
});

describe('reviewFlags: overdue review', () => {
  const due1March = makeCase({ nextReviewDate: '2027-03-01', contactEveryDays: 365 });

  it('is not overdue on the review date, overdue the day after', () => {
    expect(reviewFlags(due1March, '2027-03-01')).not.toContain('overdueReview');
    expect(reviewFlagDetails(due1March, '2027-03-02')).toContainEqual({ flag: 'overdueReview', daysLate: 1 });
  });

  it('waits out the grace period', () => {
    const config = withConfig({ reviewGraceDays: 3 });
    expect(reviewFlags(due1March, '2027-03-04', config)).not.toContain('overdueReview');
    expect(reviewFlags(due1March, '2027-03-05', config)).toContain('overdueReview');
  });

  it('needs a review date to be overdue', () => {
    expect(reviewFlags(makeCase({ contactEveryDays: 365 }), '2027-12-01')).toEqual([]);
  });
});

describe('reviewFlags: no recent contact', () => {
  it('counts from the last contact, whatever the storage order', () => {
    const weekly = makeCase({
      intensity: 'intensive',
      contactEveryDays: 7,
      contacts: [makeContact({ id: 'K-1', date: '2027-03-01' }), makeContact({ id: 'K-2', date: '2027-02-01' })],
    });
    expect(reviewFlags(weekly, '2027-03-08')).not.toContain('noRecentContact');
    expect(reviewFlagDetails(weekly, '2027-03-09')).toContainEqual({ flag: 'noRecentContact', daysLate: 1 });
  });

  it('counts from intake when there is no contact, as moderate before the first assessment', () => {
    // Intake on 4 January; moderate contact every 21 days is due on 25 January.
    const fresh = makeCase({ intakeDate: '2027-01-04' });
    expect(reviewFlags(fresh, '2027-01-25')).toEqual([]);
    expect(reviewFlags(fresh, '2027-01-26')).toEqual(['noRecentContact']);
  });

  it('falls back on the intensity’s frequency when the case has none of its own', () => {
    const basic = makeCase({ intensity: 'basic', intakeDate: '2027-01-04' });
    expect(reviewFlags(basic, '2027-02-03')).toEqual([]); // 30 days
    expect(reviewFlags(basic, '2027-02-04')).toEqual(['noRecentContact']);
  });
});

describe('reviewFlags: stalled task', () => {
  it('flags open stalled tasks and names them', () => {
    const caseRecord = makeCase({
      contactEveryDays: 365,
      tasks: [
        makeTask({ id: 'T-STALLED', owner: 'worker', progress: ratedWeekly(1, 1) }),
        makeTask({ id: 'T-FINE', owner: 'worker', progress: ratedWeekly(1, 3) }),
        makeTask({ id: 'T-DROPPED', owner: 'worker', status: 'dropped', progress: ratedWeekly(1, 1) }),
      ],
    });
    expect(reviewFlagDetails(caseRecord, '2027-01-20')).toEqual([{ flag: 'stalledTask', daysLate: 0, taskIds: ['T-STALLED'] }]);
  });
});

describe('reviewFlags: missed check-in', () => {
  // Committed 4 January 10:00 Madrid, weekly check-ins, 48 h to answer: due by 13 January.
  const committed = { at: '2027-01-04T10:00:00+01:00', confirmedBy: WORKER_ID };
  const withTask = (taskChanges: Parameters<typeof makeTask>[0], caseChanges: Partial<Case> = {}) =>
    makeCase({ contactEveryDays: 365, tasks: [makeTask({ id: 'T-1', commitment: committed, checkInEveryDays: 7, ...taskChanges })], ...caseChanges });

  it('flags a client task not heard of within the interval and the reply window', () => {
    expect(reviewFlags(withTask({}), '2027-01-13')).toEqual([]);
    expect(reviewFlagDetails(withTask({}), '2027-01-14')).toEqual([{ flag: 'missedCheckIn', daysLate: 1, taskIds: ['T-1'] }]);
  });

  it('counts from the last progress entry, a worker’s included', () => {
    const answered = withTask({ progress: [makeProgress({ at: '2027-01-11T10:00:00+01:00', rating: 3, source: 'worker', by: WORKER_ID })] });
    expect(reviewFlags(answered, '2027-01-20')).toEqual([]);
    expect(reviewFlags(answered, '2027-01-21')).toEqual(['missedCheckIn']);
  });

  it('uses the configured reply window', () => {
    expect(reviewFlags(withTask({}), '2027-01-12', withConfig({ checkInReplyWindowHours: 0 }))).toEqual(['missedCheckIn']);
  });

  it('counts days in the client’s time zone', () => {
    // 23:30 UTC on 4 January is 00:30 on 5 January in Madrid: the answer is due by 14 January.
    const lateCommitment = withTask({ commitment: { at: '2027-01-04T23:30:00Z', confirmedBy: WORKER_ID } });
    expect(reviewFlags(lateCommitment, '2027-01-14')).toEqual([]);
    expect(reviewFlags(lateCommitment, '2027-01-15')).toEqual(['missedCheckIn']);
  });

  it('ignores tasks owned by others, finished tasks and clients who may not be messaged', () => {
    const today = '2027-02-01';
    expect(reviewFlags(withTask({ owner: 'worker' }), today)).toEqual([]);
    expect(reviewFlags(withTask({ owner: 'professional', ownerName: 'Cáritas' }), today)).toEqual([]);
    expect(reviewFlags(withTask({ status: 'done' }), today)).toEqual([]);
    const withdrawn = withTask(
      {},
      {
        consent: { dataProcessing: true, messaging: true, recordedAt: committed.at, recordedBy: WORKER_ID, messagingWithdrawnAt: '2027-01-05T10:00:00+01:00' },
      },
    );
    expect(reviewFlags(withdrawn, today)).toEqual([]);
  });
});

describe('reviewFlags: whole case', () => {
  const troubled = makeCase({
    intensity: 'intensive',
    contactEveryDays: 7,
    nextReviewDate: '2027-02-01',
    tasks: [makeTask({ id: 'T-1', progress: ratedWeekly(1, 1) })],
  });

  it('raises every flag that applies, in a fixed order', () => {
    expect(reviewFlags(troubled, '2027-03-01')).toEqual(['overdueReview', 'noRecentContact', 'stalledTask', 'missedCheckIn']);
  });

  it('raises none on a closed case', () => {
    const closed = { ...troubled, status: 'closed' as const };
    expect(reviewFlags(closed, '2027-03-01')).toEqual([]);
  });

  it('raises none on a case in order', () => {
    const inOrder = makeCase({ nextReviewDate: '2027-04-01', tasks: [makeTask({ progress: ratedWeekly(2) })] });
    expect(reviewFlags(inOrder, '2027-01-10')).toEqual([]);
  });
});

describe('flaggedCases', () => {
  const today = '2027-06-01';
  /** Review overdue by `daysLate`, contact yesterday: a single flag. */
  const overdue = (id: string, daysLate: number, changes: Partial<Case> = {}) =>
    makeCase({
      id,
      nextReviewDate: new Date(Date.UTC(2027, 5, 1 - daysLate)).toISOString().slice(0, 10),
      contactEveryDays: 7,
      contacts: [makeContact({ date: '2027-05-31' })],
      ...changes,
    });

  it('puts the most urgent first: more flags, then intensity, priority and lateness', () => {
    const cases = [
      overdue('C-A-BASIC', 40, { intensity: 'basic' }),
      overdue('C-B-TWO-FLAGS', 1, { intensity: 'basic', contacts: [] }),
      overdue('C-C-INTENSIVE-5', 5, { intensity: 'intensive' }),
      overdue('C-D-INTENSIVE-HIGH', 1, { intensity: 'intensive', priority: 'high' }),
      overdue('C-E-INTENSIVE-20', 20, { intensity: 'intensive' }),
      overdue('C-F-UNASSESSED', 90),
      overdue('C-G-FINE', 0, { intensity: 'intensive' }),
      overdue('C-H-CLOSED', 90, { intensity: 'intensive', status: 'closed' }),
    ];
    expect(flaggedCases(cases, today).map((entry) => entry.caseRecord.id)).toEqual([
      'C-B-TWO-FLAGS',
      'C-D-INTENSIVE-HIGH',
      'C-E-INTENSIVE-20',
      'C-C-INTENSIVE-5',
      'C-A-BASIC',
      'C-F-UNASSESSED',
    ]);
  });

  it('keeps a stable order by case id when all else is equal', () => {
    const cases = [overdue('C-2', 3), overdue('C-1', 3)];
    expect(flaggedCases(cases, today).map((entry) => entry.caseRecord.id)).toEqual(['C-1', 'C-2']);
  });

  it('carries the flags and their details', () => {
    const [entry] = flaggedCases([overdue('C-1', 3)], today);
    expect(entry).toMatchObject({ flags: ['overdueReview'], details: [{ flag: 'overdueReview', daysLate: 3 }] });
  });
});
