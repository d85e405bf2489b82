// Cases of two teams with assessments, closures, ratings, referrals and reviews spread
// before, inside and after the period 1 September – 30 November 2026 (Europe/Madrid).
import {
  CaseSchema,
  type Assessment,
  type Case,
  type Goal,
  type Progress,
  type Referral,
  type ReferralStatus,
  type Review,
  type Service,
} from '../../src/domain/schemas.js';
import { caseRecord, taskRecord } from './records.js';

type AssessmentRatings = Assessment['ratings'];

export const PERIOD = { from: '2026-09-01', to: '2026-11-30' } as const;
export const TIME_ZONE = 'Europe/Madrid';

export const SERVICES: Service[] = [service('S-FOOD', 'Banco de alimentos "La Esperanza", Norte'), service('S-JOBS', 'Orientación laboral')];

function service(id: string, name: string): Service {
  return { id, name, category: 'food', provider: 'Ayuntamiento', contact: '', cost: 0, eligibility: '', capacity: null, active: true };
}

export function assessment(id: string, completedAt: string | undefined, ratings: AssessmentRatings, nextReviewDate?: string): Assessment {
  return {
    id,
    kind: 'initial',
    startedAt: completedAt ?? '2026-06-01T09:00:00.000Z',
    ...(completedAt && { completedAt }),
    by: 'worker-1',
    ratings,
    strengths: { personal: 'Constancia' },
    context: {},
    notes: {},
    ...(nextReviewDate && { nextReviewDate }),
  };
}

export function goal(id: string): Goal {
  return {
    id,
    domain: 'income',
    text: `Objetivo ${id}`,
    actor: 'Ana',
    indicator: 'solicitudes presentadas',
    target: '1',
    deadline: '2026-12-31',
    support: '',
    obstacles: '',
    dependsOnThirdParty: false,
    agreement: { at: '2026-06-02T09:00:00.000Z', recordedBy: 'worker-1' },
    status: 'active',
    createdAt: '2026-06-02T09:00:00.000Z',
    createdBy: 'worker-1',
  };
}

export function referral(id: string, serviceId: string, status: ReferralStatus, endedAt?: string): Referral {
  const history: Referral['history'] = [{ status: 'proposed', at: '2026-06-10T09:00:00.000Z', by: 'worker-1' }];
  if (status !== 'proposed') history.push({ status, at: endedAt ?? '2026-06-20T09:00:00.000Z', by: 'worker-1' });
  return { id, serviceId, category: 'food', status, history, cost: 0, createdAt: '2026-06-10T09:00:00.000Z', createdBy: 'worker-1' };
}

export function review(id: string, at: string, nextReviewDate?: string): Review {
  return { id, at, by: 'worker-1', decision: 'continue', note: 'Sigue', ...(nextReviewDate && { nextReviewDate }) };
}

function ratings(entries: [at: string, rating: Progress['rating']][]): Progress[] {
  return entries.map(([at, rating]) => ({ at, rating, source: 'worker', by: 'worker-1' }));
}

/** Open since June; assessed in June and reassessed in October; rated and referred in the period. */
export const caseOpen: Case = caseRecord({
  id: 'C-OPEN01',
  intakeDate: '2026-06-01',
  assessments: [
    assessment('A-1', '2026-06-05T09:00:00.000Z', { income: 2, housing: 1, health: null, food: 3 }, '2026-09-05'),
    assessment('A-2', '2026-10-01T09:00:00.000Z', { income: 4, housing: 1, health: 3, food: 2 }, '2026-12-30'),
    // After the period: not the latest for this period.
    assessment('A-3', '2026-12-15T09:00:00.000Z', { income: 5, housing: 5 }),
  ],
  // Never completed: not an assessment to compare.
  assessmentDraft: assessment('A-4', undefined, { income: 1 }),
  tasks: [
    {
      ...taskRecord({ id: 'T-1' }),
      progress: ratings([
        ['2026-08-01T10:00:00.000Z', 4], // before the period
        ['2026-08-31T23:30:00.000Z', 2], // 1 September in Madrid
        ['2026-09-10T10:00:00.000Z', 3],
        ['2026-10-10T10:00:00.000Z', 'noOpportunity'],
        ['2026-10-11T10:00:00.000Z', 1],
        ['2026-11-30T23:30:00.000Z', 4], // 1 December in Madrid
      ]),
    },
  ],
  referrals: [
    referral('R-1', 'S-FOOD', 'completed', '2026-10-05T09:00:00.000Z'),
    referral('R-2', 'S-FOOD', 'declined', '2026-09-20T09:00:00.000Z'),
    referral('R-3', 'S-JOBS', 'completed', '2026-08-01T09:00:00.000Z'),
    referral('R-4', 'S-JOBS', 'inProgress', '2026-09-15T09:00:00.000Z'),
  ],
  reviews: [
    // Before the period: not counted; it moved the next review to 3 September.
    review('V-0', '2026-08-20T10:00:00.000Z', '2026-09-03'),
    // Due 3 September (set by V-0, later than A-1's 5 September): late.
    review('V-1', '2026-09-04T10:00:00.000Z', '2026-10-01'),
    // Due 30 December (set by A-2 on 1 October, after V-1): on time.
    review('V-4', '2026-10-02T10:00:00.000Z', '2026-12-30'),
  ],
});

/** Closed in October with four goal outcomes; one review was late. */
export const caseClosed: Case = caseRecord({
  id: 'C-CLOSE1',
  status: 'closed',
  intakeDate: '2026-07-01',
  assessments: [
    assessment('A-5', '2026-07-01T09:00:00.000Z', { income: 1 }, '2026-09-15'),
    { ...assessment('A-6', '2026-10-15T09:00:00.000Z', { income: 2 }, '2027-01-15'), kind: 'review' },
  ],
  goals: [goal('G-1'), goal('G-2'), goal('G-3'), goal('G-4')].map((g, i) => ({ ...g, status: i === 0 || i === 3 ? 'achieved' : 'dropped' })),
  tasks: [{ ...taskRecord({ id: 'T-2', status: 'closedWithCase' }), progress: ratings([['2026-11-01T10:00:00.000Z', 4]]) }],
  referrals: [referral('R-5', 'S-JOBS', 'cancelled', '2026-10-20T09:00:00.000Z'), referral('R-6', 'S-GONE', 'declined', '2026-11-01T09:00:00.000Z')],
  // Due 15 September (set by A-5), held on the 20th: late.
  reviews: [review('V-2', '2026-09-20T10:00:00.000Z', '2026-10-20')],
  closure: {
    at: '2026-10-20T09:00:00.000Z',
    by: 'worker-1',
    reason: 'goalsMet',
    outcomes: [
      { goalId: 'G-1', outcome: 'achieved' },
      { goalId: 'G-2', outcome: 'partial' },
      { goalId: 'G-3', outcome: 'notAchieved' },
      { goalId: 'G-4', outcome: 'achieved' },
    ],
    summary: 'Objetivos cumplidos',
  },
});

/** Closed before the period: none of it counts, though it is the team's. */
export const caseClosedBefore: Case = caseRecord({
  id: 'C-EARLY1',
  status: 'closed',
  intakeDate: '2026-03-01',
  assessments: [assessment('A-7', '2026-03-02T09:00:00.000Z', { income: 1 }), assessment('A-8', '2026-07-02T09:00:00.000Z', { income: 5 })],
  goals: [{ ...goal('G-5'), status: 'achieved' }],
  closure: { at: '2026-08-01T09:00:00.000Z', by: 'worker-1', reason: 'goalsMet', outcomes: [{ goalId: 'G-5', outcome: 'achieved' }], summary: 'Hecho' },
});

/** Opened in December: not active in the period. */
export const caseLater: Case = caseRecord({
  id: 'C-LATER1',
  intakeDate: '2026-12-10',
  assessments: [assessment('A-9', '2026-08-02T09:00:00.000Z', { income: 1 }), assessment('A-10', '2026-09-02T09:00:00.000Z', { income: 5 })],
});

/** A review with nothing that set a due date before it. */
export const caseNoDueDate: Case = caseRecord({ id: 'C-NODUE1', intakeDate: '2026-08-01', reviews: [review('V-3', '2026-09-10T10:00:00.000Z', '2026-12-10')] });

/** Another team's case, full of figures that must never be counted for «norte». */
export const caseOtherTeam: Case = caseRecord({
  id: 'C-SUR001',
  team: 'sur',
  workerId: 'worker-en',
  intakeDate: '2026-06-01',
  assessments: [
    assessment('A-11', '2026-06-02T09:00:00.000Z', { income: 5, safety: 5 }),
    assessment('A-12', '2026-10-02T09:00:00.000Z', { income: 1, safety: 1 }),
  ],
  goals: [{ ...goal('G-9'), status: 'achieved' }],
  tasks: [{ ...taskRecord({ id: 'T-9' }), progress: ratings([['2026-10-01T10:00:00.000Z', 1]]) }],
  referrals: [referral('R-9', 'S-FOOD', 'completed', '2026-10-01T09:00:00.000Z')],
  reviews: [review('V-9', '2026-10-30T10:00:00.000Z', '2027-01-30')],
  status: 'closed',
  closure: { at: '2026-11-01T09:00:00.000Z', by: 'worker-en', reason: 'goalsMet', outcomes: [{ goalId: 'G-9', outcome: 'achieved' }], summary: 'Done' },
});

export const NORTE_CASES: Case[] = [caseOpen, caseClosed, caseClosedBefore, caseLater, caseNoDueDate].map((c) => CaseSchema.parse(c));
export const ALL_CASES: Case[] = [...NORTE_CASES, CaseSchema.parse(caseOtherTeam)];
