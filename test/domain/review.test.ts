import { describe, expect, it } from 'vitest';
import { CaseClosedError, DomainError } from '../../src/domain/errors.js';
import { applyReview, goalAndTaskSummary, proposedNextReviewDate, validateReview, type ReviewParams } from '../../src/domain/review.js';
import {
  AssessmentSchema,
  CaseSchema,
  GoalSchema,
  ReviewSchema,
  TaskSchema,
  type Achievement,
  type Goal,
  type Review,
  type Task,
} from '../../src/domain/schemas.js';
import { deepFreeze, makeCase } from './frozenCase.js';

const PARAMS: ReviewParams = deepFreeze({
  reviewDays: { intensive: 30, moderate: 90, basic: 180 },
  contactEveryDays: { intensive: 7, moderate: 21, basic: 30 },
});

function review(overrides: Partial<Review> = {}): Review {
  return deepFreeze(
    ReviewSchema.parse({
      id: 'V-1',
      at: '2027-04-10T10:00:00+02:00',
      by: 'W-1',
      decision: 'continue',
      note: 'Avanza según lo previsto',
      ...overrides,
    }),
  );
}

function goal(id: string, overrides: Partial<Goal> = {}): Goal {
  return GoalSchema.parse({
    id,
    domain: 'housing',
    text: `Objetivo ${id}`,
    actor: 'Lucía',
    indicator: 'Solicitud registrada',
    target: 'Registrada',
    deadline: '2027-06-01',
    support: '',
    obstacles: '',
    dependsOnThirdParty: false,
    agreement: { at: '2027-02-01T10:00:00+01:00', recordedBy: 'W-1' },
    status: 'active',
    createdAt: '2027-02-01T10:00:00+01:00',
    createdBy: 'W-1',
    ...overrides,
  });
}

function task(id: string, goalId: string | undefined, ratings: Achievement[], overrides: Partial<Task> = {}): Task {
  return TaskSchema.parse({
    id,
    ...(goalId ? { goalId } : {}),
    description: `Tarea ${id}`,
    owner: 'client',
    dueDate: '2027-04-01',
    obstacles: [],
    checkInEveryDays: 7,
    commitment: { at: '2027-02-01T10:00:00+01:00', confirmedBy: 'W-1' },
    status: 'open',
    progress: ratings.map((rating, i) => ({ at: `2027-03-0${i + 1}T10:00:00+01:00`, rating, source: 'client', by: 'U-1' })),
    createdAt: '2027-02-01T10:00:00+01:00',
    createdBy: 'W-1',
    ...overrides,
  });
}

const moderateCase = () => makeCase({ intensity: 'moderate', contactEveryDays: 21, nextReviewDate: '2027-04-10' });
const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

describe('applyReview', () => {
  it('records a continue decision and sets the next review from the intensity', () => {
    const caseRecord = moderateCase();
    const { caseRecord: updated, closureRequired } = applyReview(caseRecord, review(), PARAMS);
    expect(closureRequired).toBe(false);
    expect(updated.reviews).toEqual([review()]);
    expect(updated.nextReviewDate).toBe('2027-07-09');
    expect(updated.intensity).toBe('moderate');
    expect(updated.contactEveryDays).toBe(21);
    expect(updated.updatedAt).toBe('2027-04-10T10:00:00+02:00');
    expect(CaseSchema.safeParse(updated).success).toBe(true);
    expect(caseRecord.reviews).toEqual([]);
    expect(caseRecord.nextReviewDate).toBe('2027-04-10');
  });

  it('uses the next review date given', () => {
    const { caseRecord: updated } = applyReview(moderateCase(), review({ nextReviewDate: '2027-05-01' }), PARAMS);
    expect(updated.nextReviewDate).toBe('2027-05-01');
  });

  it('changes the intensity, recomputing contact frequency and the review date', () => {
    const { caseRecord: updated } = applyReview(moderateCase(), review({ decision: 'changeApproach', newIntensity: 'intensive' }), PARAMS);
    expect(updated.intensity).toBe('intensive');
    expect(updated.contactEveryDays).toBe(7);
    expect(updated.nextReviewDate).toBe('2027-05-10');
    expect(updated.model).toBe('brokerage');
  });

  it('changes the model alone, keeping intensity and contact frequency', () => {
    const { caseRecord: updated } = applyReview(moderateCase(), review({ decision: 'changeApproach', newModel: 'strengths' }), PARAMS);
    expect(updated.model).toBe('strengths');
    expect(updated.intensity).toBe('moderate');
    expect(updated.contactEveryDays).toBe(21);
  });

  it('takes the days-per-intensity table as a parameter', () => {
    const params: ReviewParams = { reviewDays: { intensive: 14, moderate: 60, basic: 120 }, contactEveryDays: { intensive: 3, moderate: 14, basic: 28 } };
    const { caseRecord: updated } = applyReview(moderateCase(), review({ decision: 'changeApproach', newIntensity: 'basic' }), params);
    expect(updated.contactEveryDays).toBe(28);
    expect(updated.nextReviewDate).toBe('2027-08-09');
  });

  it('marks that closure must follow, without closing', () => {
    const { caseRecord: updated, closureRequired } = applyReview(moderateCase(), review({ decision: 'close' }), PARAMS);
    expect(closureRequired).toBe(true);
    expect(updated.status).toBe('open');
    expect(updated.closure).toBeUndefined();
    expect(updated.reviews).toHaveLength(1);
  });

  it('refuses a change of approach that changes nothing', () => {
    const caseRecord = moderateCase();
    const attempt = () => applyReview(caseRecord, review({ decision: 'changeApproach' }), PARAMS);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'approachChangeMissing' }));
    expect(caseRecord.reviews).toEqual([]);
  });

  it('refuses a new model or intensity with another decision', () => {
    expect(() => applyReview(moderateCase(), review({ decision: 'continue', newIntensity: 'basic' }), PARAMS)).toThrow(
      expect.objectContaining({ code: 'approachChangeWithoutDecision' }),
    );
  });

  it('refuses a next review date on or before the review', () => {
    const r = validateReview(moderateCase(), review({ nextReviewDate: '2027-04-10' }));
    expect(codes(r)).toEqual(['nextReviewNotAfterReview']);
    expect(r.errors[0]!.field).toBe('nextReviewDate');
  });

  it('needs a date when the case has no intensity to compute one from', () => {
    const noIntensity = makeCase();
    expect(codes(validateReview(noIntensity, review()))).toEqual(['nextReviewDateRequired']);
    expect(applyReview(noIntensity, review({ nextReviewDate: '2027-05-01' }), PARAMS).caseRecord.nextReviewDate).toBe('2027-05-01');
    expect(applyReview(noIntensity, review({ decision: 'changeApproach', newIntensity: 'basic' }), PARAMS).caseRecord.nextReviewDate).toBe('2027-10-07');
  });

  it('refuses an unknown assessment and a review recorded twice', () => {
    const assessment = AssessmentSchema.parse({
      id: 'AS-1',
      kind: 'review',
      startedAt: '2027-04-10T09:00:00+02:00',
      by: 'W-1',
      ratings: {},
      strengths: {},
      context: {},
      notes: {},
    });
    const caseRecord = makeCase({ intensity: 'basic', assessments: [assessment], reviews: [review()] });
    expect(codes(validateReview(caseRecord, review({ id: 'V-2', assessmentId: 'AS-9' })))).toEqual(['unknownAssessment']);
    expect(validateReview(caseRecord, review({ id: 'V-2', assessmentId: 'AS-1' })).ok).toBe(true);
    expect(codes(validateReview(caseRecord, review()))).toEqual(['duplicateReview']);
  });

  it('names malformed fields', () => {
    const bad = { ...review(), at: 'April', decision: 'pause' } as unknown as Review;
    const r = validateReview(moderateCase(), bad);
    expect(codes(r)).toEqual(['invalidReview', 'invalidReview']);
    expect(r.errors.map((e) => e.field)).toEqual(['at', 'decision']);
  });

  it('refuses a closed case', () => {
    expect(() => applyReview(makeCase({ status: 'closed', intensity: 'basic' }), review(), PARAMS)).toThrow(CaseClosedError);
  });

  it('refuses a table without a positive day count', () => {
    const broken = { ...PARAMS, reviewDays: { intensive: 30, moderate: 0, basic: 180 } };
    expect(() => applyReview(moderateCase(), review(), broken)).toThrow(expect.objectContaining({ code: 'invalidConfig' }));
  });
});

describe('proposedNextReviewDate', () => {
  it('adds the days of the intensity', () => {
    // 30 days on is Sunday 31 January: a review goes to the Monday after, never to a weekend.
    expect(proposedNextReviewDate('2027-01-01', 'intensive', PARAMS.reviewDays)).toBe('2027-02-01');
    expect(proposedNextReviewDate('2027-01-01', 'basic', PARAMS.reviewDays)).toBe('2027-06-30');
  });

  it('refuses a malformed date', () => {
    expect(() => proposedNextReviewDate('1/1/2027', 'basic')).toThrow(expect.objectContaining({ code: 'invalidDate' }));
  });
});

describe('goalAndTaskSummary', () => {
  const caseRecord = makeCase({
    goals: [goal('G-1', { status: 'achieved', deadline: '2027-03-01' }), goal('G-2', { deadline: '2027-07-01' }), goal('G-3', { deadline: '2027-05-01' })],
    tasks: [
      task('T-1', 'G-2', [4, 'noOpportunity', 2]),
      task('T-2', 'G-2', [1, 1]),
      task('T-3', 'G-1', [4], { status: 'done' }),
      task('T-4', undefined, [3], { owner: 'worker' }),
      task('T-5', 'G-3', []),
    ],
  });

  it('lists goals active first then by deadline, each with its tasks', () => {
    const summary = goalAndTaskSummary(caseRecord);
    expect(summary.goals.map((g) => [g.goalId, g.average, g.tasks.map((t) => t.taskId)])).toEqual([
      ['G-3', null, ['T-5']],
      ['G-2', 2, ['T-1', 'T-2']],
      ['G-1', 4, ['T-3']],
    ]);
  });

  it("gives each task's average, last rating and whether it is stalled", () => {
    const g2 = goalAndTaskSummary(caseRecord).goals.find((g) => g.goalId === 'G-2')!;
    expect(g2.tasks).toEqual([
      {
        taskId: 'T-1',
        description: 'Tarea T-1',
        owner: 'client',
        status: 'open',
        dueDate: '2027-04-01',
        average: 3,
        lastRating: 2,
        lastRatedAt: '2027-03-03T10:00:00+01:00',
        progressEntries: 3,
        stalled: false,
      },
      {
        taskId: 'T-2',
        description: 'Tarea T-2',
        owner: 'client',
        status: 'open',
        dueDate: '2027-04-01',
        average: 1,
        lastRating: 1,
        lastRatedAt: '2027-03-02T10:00:00+01:00',
        progressEntries: 2,
        stalled: true,
      },
    ]);
  });

  it('shows an unrated task with no average and no last rating', () => {
    const g3 = goalAndTaskSummary(caseRecord).goals.find((g) => g.goalId === 'G-3')!;
    expect(g3.tasks[0]).toMatchObject({ average: null, lastRating: null, lastRatedAt: null, progressEntries: 0, stalled: false });
  });

  it('lists tasks without a goal apart', () => {
    expect(goalAndTaskSummary(caseRecord).unlinkedTasks.map((t) => [t.taskId, t.owner, t.average])).toEqual([['T-4', 'worker', 3]]);
  });

  it('is empty for a case without goals or tasks', () => {
    expect(goalAndTaskSummary(makeCase())).toEqual({ goals: [], unlinkedTasks: [] });
  });
});
