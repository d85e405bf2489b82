// Building blocks of the demo cases: a clock counting days from the day the demo is seeded,
// and small constructors for the parts that repeat (case shell, progress, referral, contact).
import { completeAssessment } from '../domain/assessment.js';
import { defaultConfig } from '../domain/config.js';
import { addDays, localDate } from '../domain/dates.js';
import type { Achievement, Assessment, Case, Contact, Progress, Referral, ReferralStatus } from '../domain/schemas.js';
import { PLAYGROUND_USERS } from './playgroundUsers.js';

export const DEMO_ZONE = 'Europe/Madrid';

export const DEMO_CASE_IDS = { intensive: 'C-DEMNTV', strengths: 'C-DEMFRZ', brokerage: 'C-DEMBRK', clinical: 'C-DEMCNC' } as const;

/** Days counted from the demo's "today" in Madrid; times never later than `now`. */
export class DemoClock {
  readonly today: string;
  constructor(private readonly now: Date) {
    this.today = localDate(now, DEMO_ZONE);
  }

  day(offset: number): string {
    return addDays(this.today, offset);
  }

  /** An instant on day `offset` at `hour` (UTC, close to Madrid office hours). */
  at(offset: number, hour = 9): string {
    const instant = new Date(`${this.day(offset)}T${String(hour).padStart(2, '0')}:00:00.000Z`);
    return (instant > this.now ? this.now : instant).toISOString();
  }
}

/** The parts every case has, with its lists empty. */
export function caseBase(
  clock: DemoClock,
  fields: Pick<Case, 'id' | 'workerId' | 'client' | 'referralSource' | 'model' | 'priority'> & { openedDaysAgo: number },
): Case {
  const { openedDaysAgo, ...rest } = fields;
  const opened = clock.at(-openedDaysAgo, openedDaysAgo === 0 ? 23 : 10);
  return {
    ...rest,
    status: 'open',
    team: 'norte',
    sharedWith: [],
    createdAt: opened,
    updatedAt: opened,
    intakeDate: clock.day(-openedDaysAgo),
    consent: { dataProcessing: true, messaging: true, recordedAt: opened, recordedBy: fields.workerId },
    assessments: [],
    goals: [],
    tasks: [],
    referrals: [],
    contacts: [],
    advocacy: [],
    reviews: [],
    alerts: [],
    reopenings: [],
  };
}

export function progress(clock: DemoClock, offset: number, rating: Achievement, by: string, extra: Partial<Progress> = {}): Progress {
  return { at: clock.at(offset, 18), rating, source: by === PLAYGROUND_USERS.client.aadObjectId ? 'client' : 'worker', by, ...extra };
}

export function referral(
  clock: DemoClock,
  id: string,
  service: { id: string; category: string },
  by: string,
  steps: [ReferralStatus, number, string?][],
): Referral {
  const history = steps.map(([status, offset, note]) => ({ status, at: clock.at(offset, 11), by, ...(note ? { note } : {}) }));
  return {
    id,
    serviceId: service.id,
    category: service.category,
    status: history.at(-1)!.status,
    history,
    cost: 0,
    createdAt: history[0]!.at,
    createdBy: by,
  };
}

export function contact(
  clock: DemoClock,
  id: string,
  offset: number,
  type: Contact['type'],
  minutes: number,
  withWhom: string,
  note: string,
  by: string,
): Contact {
  return { id, date: clock.day(offset), type, minutes, withWhom, note, by, at: clock.at(offset, 14) };
}
/** A full assessment finished on day `offset`; intensity and review date follow from the domain rules. */
export function completedAssessment(
  clock: DemoClock,
  id: string,
  kind: Assessment['kind'],
  offset: number,
  by: string,
  ratings: Assessment['ratings'],
  texts: Pick<Assessment, 'strengths' | 'context' | 'notes' | 'clientView' | 'aspirations'>,
): Assessment {
  const draft: Assessment = { id, kind, startedAt: clock.at(offset - 2, 10), by, ratings, ...texts };
  return completeAssessment(draft, clock.day(offset), defaultConfig, clock.at(offset, 12));
}
