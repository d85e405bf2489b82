// The settings follow-up derivation reads: PracticeConfig's (src/domain/config.ts).
import { defaultConfig, type PracticeConfig } from '../config.js';

/** The settings derivation reads. */
export type FollowUpConfig = Pick<
  PracticeConfig,
  'quietHours' | 'checkInReplyWindowHours' | 'reviewGraceDays' | 'reviewReminderDaysBefore' | 'defaultTimeZone' | 'followUps'
>;

export const defaultFollowUpConfig: FollowUpConfig = defaultConfig;
