// Who may see and change what (SPEC §5). Pure rules; the case service applies and audits them.
import type { Case, Goal, Staff, Task } from './schemas.js';

/** The person behind a chat turn. */
export type Actor = { kind: 'staff'; id: string; staff: Staff } | { kind: 'client'; id: string; caseId: string } | { kind: 'unknown'; id: string };

/** What the access rules read of a case: a case header is enough. */
export type CaseAccessFields = Pick<Case, 'workerId' | 'sharedWith' | 'team' | 'blocked'>;

/** Case content: a worker their own and shared cases; a supervisor their team's; an admin none. */
export function canReadCase(actor: Actor, record: CaseAccessFields): boolean {
  // A blocked case is read only by an admin for a legal request, through the data rights service.
  if (actor.kind !== 'staff' || record.blocked) return false;
  const { staff } = actor;
  if (staff.role === 'worker') return record.workerId === staff.id || record.sharedWith.includes(staff.id);
  if (staff.role === 'supervisor') return record.team === staff.team;
  return false;
}

/** Changes follow reading: whoever may read a case's content works on it. */
export const canChangeCase = canReadCase;

/** Only the case's worker or a supervisor of its team may reopen a closed case. */
export function canReopenCase(actor: Actor, record: Case): boolean {
  if (actor.kind !== 'staff' || record.blocked) return false;
  return actor.staff.id === record.workerId || (actor.staff.role === 'supervisor' && actor.staff.team === record.team);
}

/** A client sees their own case's goals and tasks in plain language, nothing else. */
export function isClientOf(actor: Actor, record: Case): boolean {
  return actor.kind === 'client' && actor.caseId === record.id;
}

/** What a client is shown of their case: never notes, assessments, ratings or other people's data. */
export interface ClientView {
  caseId: string;
  status: Case['status'];
  goals: Pick<Goal, 'id' | 'text' | 'deadline' | 'status'>[];
  tasks: Pick<Task, 'id' | 'goalId' | 'description' | 'owner' | 'ownerName' | 'dueDate' | 'status'>[];
}

export function clientViewOf(record: Case): ClientView {
  return {
    caseId: record.id,
    status: record.status,
    goals: record.goals.map(({ id, text, deadline, status }) => ({ id, text, deadline, status })),
    tasks: record.tasks.map(({ id, goalId, description, owner, ownerName, dueDate, status }) => ({
      id,
      goalId,
      description,
      owner,
      ownerName,
      dueDate,
      status,
    })),
  };
}

/** The service directory is not case data: every staff member reads it, only an admin changes it. */
export function canReadDirectory(actor: Actor): boolean {
  return actor.kind === 'staff';
}

export function canChangeDirectory(actor: Actor): boolean {
  return isRole(actor, 'admin');
}

export function isRole(actor: Actor, ...roles: Staff['role'][]): boolean {
  return actor.kind === 'staff' && roles.includes(actor.staff.role);
}

/** The cases a staff member's caseload view lists. */
export function visibleCases<T extends CaseAccessFields>(actor: Actor, cases: readonly T[]): T[] {
  return cases.filter((c) => canReadCase(actor, c));
}
