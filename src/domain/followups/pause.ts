// A worker pauses a case's client prompts with a reason (the client is in hospital…),
// until a date or until resumed; derivation sends no client prompt meanwhile.
import { assertWritable } from '../closure.js';
import { DomainError } from '../errors.js';
import { FollowUpPauseSchema, type Case, type FollowUpPause } from '../schemas.js';

/** The pause in force at `now`, if any: one whose end has come is over. */
export function activePause(caseRecord: Pick<Case, 'followUpPause'>, now: Date): FollowUpPause | undefined {
  const pause = caseRecord.followUpPause;
  if (!pause) return undefined;
  return pause.until !== undefined && Date.parse(pause.until) <= now.getTime() ? undefined : pause;
}

/**
 * The case with its client prompts paused from `pause.since`. Throws DomainError
 * 'pauseReasonMissing' without a reason, 'pauseUntilPast' when the end is not after the start.
 */
export function pauseClientPrompts(caseRecord: Case, pause: FollowUpPause): Case {
  assertWritable(caseRecord);
  const reason = pause.reason.trim();
  if (reason === '') throw new DomainError('pauseReasonMissing', `A pause of case ${caseRecord.id} needs a reason`);
  if (pause.until !== undefined && Date.parse(pause.until) <= Date.parse(pause.since)) {
    throw new DomainError('pauseUntilPast', `The pause of case ${caseRecord.id} would end before it starts`);
  }
  return { ...caseRecord, followUpPause: FollowUpPauseSchema.parse({ ...pause, reason }) };
}

/** The case with its client prompts resumed. */
export function resumeClientPrompts(caseRecord: Case): Case {
  assertWritable(caseRecord);
  const { followUpPause: _ended, ...rest } = caseRecord;
  return rest;
}
