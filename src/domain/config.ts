// Practice defaults: the one place where the numbers of the method live.
// The bot recommends from these values; a person decides (SPEC §5).
import { isValidTimeZone } from './dates.js';
import type { Case, Intensity } from './schemas.js';

export interface IntensityDefaults {
  /** Expected interval between contacts with the client. */
  readonly contactEveryDays: number;
  /** Days from a completed assessment to the next review. */
  readonly reviewAfterDays: number;
  /** Estimated worker time per case per month (contacts, coordination, records). */
  readonly monthlyMinutesPerCase: number;
}

export interface TaskCenteredDefaults {
  readonly sessions: number;
  /** Plan length offered when a contract starts. */
  readonly defaultWeeks: number;
  /** Target problems a contract may hold. */
  readonly maxProblems: number;
  /** Check-in cadence offered for a new task. */
  readonly checkInEveryDays: number;
  readonly minWeeks: number;
  readonly maxWeeks: number;
  /** A plan running longer than this needs a new contract. */
  readonly warnAfterWeeks: number;
}

/** A daily window, `HH:MM` in the client's local time; it may wrap past midnight. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

/** When follow-ups go out (SPEC §4). */
export interface FollowUpDefaults {
  /** Local time of day for a client's check-ins, in the client's time zone. */
  readonly clientTime: string;
  /** Local time of day for staff reminders and the supervisors' daily digest. */
  readonly staffTime: string;
  /** Whether clients get check-ins on Saturdays and Sundays (else they wait for Monday). */
  readonly clientWeekends: boolean;
  /** Whether staff get follow-ups on Saturdays and Sundays; escalations always go at once. */
  readonly staffWeekends: boolean;
  /** Monday's plan, at this local time. */
  readonly weeklyPlanTime: string;
  /** A follow-up this many days late is no longer sent: its moment has passed. Escalations always are. */
  readonly staleAfterDays: number;
  /** Hours a client's help request may wait for the worker (a contact or a worker's entry on the task) before supervisors hear of it. */
  readonly helpAnswerHours: number;
}

export interface PracticeConfig {
  readonly intensity: Readonly<Record<Intensity, IntensityDefaults>>;
  readonly taskCentered: TaskCenteredDefaults;
  /** How long a client has to answer a check-in before the worker is told. */
  readonly checkInReplyWindowHours: number;
  readonly quietHours: QuietHours;
  /** Days past the review date before the review counts as overdue. */
  readonly reviewGraceDays: number;
  /** Days before the review date when the worker gets a reminder (also on the day). */
  readonly reviewReminderDaysBefore: number;
  readonly defaultTimeZone: string;
  readonly followUps: FollowUpDefaults;
  readonly linkCode: {
    readonly lifetimeHours: number;
    /** Wrong codes a chat user may type before that user is locked out for a while. */
    readonly maxFailedAttempts: number;
    /** Wrong codes from all chat users together, per minute, before every attempt waits. */
    readonly maxFailuresPerMinute: number;
    readonly throttleMinutes: number;
  };
}

export const defaultConfig: PracticeConfig = deepFreeze({
  intensity: {
    // Monthly minutes: each contact is taken as ~30–45 min plus travel, coordination with
    // services and case notes. Weekly contact (4–5 a month) comes to about 4 h; a contact
    // every three weeks (1–2 a month) about 2 h; one monthly contact about 1 h.
    intensive: { contactEveryDays: 7, reviewAfterDays: 30, monthlyMinutesPerCase: 240 },
    // The spec allows every 2–4 weeks; 3 weeks is the middle of that range.
    moderate: { contactEveryDays: 21, reviewAfterDays: 90, monthlyMinutesPerCase: 120 },
    basic: { contactEveryDays: 30, reviewAfterDays: 180, monthlyMinutesPerCase: 60 },
  },
  taskCentered: { sessions: 8, defaultWeeks: 8, maxProblems: 3, checkInEveryDays: 7, minWeeks: 6, maxWeeks: 12, warnAfterWeeks: 12 },
  checkInReplyWindowHours: 48,
  quietHours: { start: '21:00', end: '08:00' },
  reviewGraceDays: 0,
  reviewReminderDaysBefore: 7,
  defaultTimeZone: 'Europe/Madrid',
  followUps: {
    clientTime: '10:00',
    staffTime: '09:00',
    clientWeekends: true,
    staffWeekends: false,
    weeklyPlanTime: '08:30',
    staleAfterDays: 14,
    helpAnswerHours: 24,
  },
  linkCode: { lifetimeHours: 72, maxFailedAttempts: 5, maxFailuresPerMinute: 50, throttleMinutes: 5 },
});

/** The time zone a case's calendar days are counted in: the client's, or the default. */
export function caseTimeZone(caseRecord: Case, config: PracticeConfig = defaultConfig): string {
  const zone = caseRecord.client.timeZone;
  return isValidTimeZone(zone) ? zone : config.defaultTimeZone;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
