// The settings follow-up derivation reads: PracticeConfig's (src/domain/config.ts).
import { defaultConfig, type PracticeConfig } from '../config.js';
import type { Case } from '../schemas.js';

/** The settings derivation reads. */
export type FollowUpConfig = Pick<
  PracticeConfig,
  'quietHours' | 'checkInReplyWindowHours' | 'reviewGraceDays' | 'reviewReminderDaysBefore' | 'defaultTimeZone' | 'followUps'
>;

export const defaultFollowUpConfig: FollowUpConfig = defaultConfig;

/** A worker's pause of a case's client prompts, with the reason (joins CaseSchema as `followUpPause`). */
export interface FollowUpPause {
  readonly since: string;
  readonly by: string;
  readonly reason: string;
  /** Prompts resume at this instant; none means until the worker resumes them. */
  readonly until?: string;
}

export type FollowUpCase = Case & { readonly followUpPause?: FollowUpPause };
