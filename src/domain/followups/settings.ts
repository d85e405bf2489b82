// When follow-ups go out. These join PracticeConfig (src/domain/config.ts) as `followUps`.
import { defaultConfig, type PracticeConfig } from '../config.js';

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
}

export const defaultFollowUps: FollowUpDefaults = Object.freeze({
  clientTime: '10:00',
  staffTime: '09:00',
  clientWeekends: true,
  staffWeekends: false,
  weeklyPlanTime: '08:30',
  staleAfterDays: 14,
});

/** The settings derivation reads. */
export type FollowUpConfig = Pick<
  PracticeConfig,
  'quietHours' | 'checkInReplyWindowHours' | 'reviewGraceDays' | 'reviewReminderDaysBefore' | 'defaultTimeZone'
> & { readonly followUps: FollowUpDefaults };

export const defaultFollowUpConfig: FollowUpConfig = Object.freeze({ ...defaultConfig, followUps: defaultFollowUps });
