// Case allocation (SPEC §3): a supervisor gives a case to a worker of their team, or moves it
// from one worker to another, seeing each worker's required time against their available
// hours. The worker's access follows the case; the earlier worker keeps none unless shared.
import { caseloadTime, estimatedMonthlyMinutes, type CaseloadTime } from './caseload.js';
import { assertWritable } from './closure.js';
import { defaultConfig, type PracticeConfig } from './config.js';
import { DomainError } from './errors.js';
import type { Assignment, Case, Staff } from './schemas.js';

/** Only a supervisor of the case's team allocates it. */
export function mayAllocate(actor: Pick<Staff, 'role' | 'team'>, caseRecord: Pick<Case, 'team'>): boolean {
  return actor.role === 'supervisor' && actor.team === caseRecord.team;
}

/** A worker who may take the case: a worker (not a supervisor or admin) of the case's team. */
export function mayTake(staff: Pick<Staff, 'role' | 'team'>, caseRecord: Pick<Case, 'team'>): boolean {
  return staff.role === 'worker' && staff.team === caseRecord.team;
}

export interface WorkerLoad {
  staff: Staff;
  /** Their monthly time now: required by their open cases against their available hours. */
  time: CaseloadTime;
  /** Their required minutes with this case added (the same when it is theirs already). */
  requiredWithCase: number;
  /** Over their available time once they have the case. */
  overWithCase: boolean;
  /** They have the case now. */
  current: boolean;
}

/**
 * Each worker of the case's team with their required against available time, and what
 * taking the case would make it; the most time to spare first, then by name.
 */
export function workerLoads(caseRecord: Case, staff: readonly Staff[], teamCases: readonly Case[], config: PracticeConfig = defaultConfig): WorkerLoad[] {
  const estimate = estimatedMonthlyMinutes(caseRecord, config);
  return staff
    .filter((member) => mayTake(member, caseRecord))
    .map((member) => {
      const time = caseloadTime(teamCases, member, config);
      const current = caseRecord.workerId === member.id;
      const requiredWithCase = time.requiredMinutes + (current ? 0 : estimate);
      return { staff: member, time, requiredWithCase, overWithCase: requiredWithCase > time.availableMinutes, current };
    })
    .sort(
      (a, b) =>
        b.time.availableMinutes - b.time.requiredMinutes - (a.time.availableMinutes - a.time.requiredMinutes) || a.staff.name.localeCompare(b.staff.name),
    );
}

/**
 * The case given to `to` by the supervisor `by`, the assignment recorded. The new worker
 * owns it (no longer only shared with them); the earlier worker keeps no access. Throws
 * CaseClosedError on a closed case, DomainError 'notAllowedToAllocate', 'notATeamWorker'
 * or 'alreadyTheirs'.
 */
export function assignCase(
  caseRecord: Case,
  to: Pick<Staff, 'id' | 'role' | 'team'>,
  by: Pick<Staff, 'id' | 'role' | 'team'>,
  at: string,
  assignmentId: string,
): Case {
  assertWritable(caseRecord);
  if (!mayAllocate(by, caseRecord)) {
    throw new DomainError('notAllowedToAllocate', `${by.id} (${by.role}, team ${by.team}) may not allocate case ${caseRecord.id}`, { caseId: caseRecord.id });
  }
  if (!mayTake(to, caseRecord)) {
    throw new DomainError('notATeamWorker', `${to.id} is not a worker of team ${caseRecord.team}`, { caseId: caseRecord.id });
  }
  if (to.id === caseRecord.workerId) throw new DomainError('alreadyTheirs', `Case ${caseRecord.id} is already ${to.id}'s`, { caseId: caseRecord.id });
  const assignment: Assignment = { id: assignmentId, at, by: by.id, ...(caseRecord.workerId ? { from: caseRecord.workerId } : {}), to: to.id };
  return {
    ...caseRecord,
    workerId: to.id,
    sharedWith: caseRecord.sharedWith.filter((id) => id !== to.id),
    assignments: [...(caseRecord.assignments ?? []), assignment],
    updatedAt: at,
  };
}

/** The workers an assignment concerns who were not in the conversation: they hear by message. */
export function toldByMessage(assignment: Assignment): string[] {
  return [assignment.to, assignment.from].filter((id): id is string => id !== undefined && id !== assignment.by);
}
