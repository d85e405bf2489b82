// The Task-Centered Model: a short contract with at most three target problems the client
// acknowledges, concrete tasks with the client's commitment, and progress rated on the
// task achievement scale (4 fully … 1 minimally or not achieved; "no opportunity" apart).
import { z } from 'zod';
import { addDays, daysBetween } from './dates.js';
import { DomainError, issue, result, type ValidationIssue, type ValidationResult } from './errors.js';
import { defaultConfig } from './config.js';
import { newId } from './ids.js';
import { ProgressSchema, TaskOwnerSchema, type Achievement, type Case, type Contract, type Goal, type Progress, type Task } from './schemas.js';

const isIsoDate = (value: unknown): value is string => z.iso.date().safeParse(value).success;
const isIsoDateTime = (value: unknown) => z.iso.datetime({ offset: true }).safeParse(value).success;
const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

// ---- contract -----------------------------------------------------------------------

/** Practice limits of a Task-Centered plan; the defaults are the model's own. */
export interface ContractLimits {
  maxProblems: number;
  maxSessions: number;
  minWeeks: number;
  /** Past this a new contract is needed. */
  maxWeeks: number;
}

const { taskCentered } = defaultConfig;
export const DEFAULT_CONTRACT_LIMITS: ContractLimits = {
  maxProblems: taskCentered.maxProblems,
  maxSessions: 52,
  minWeeks: taskCentered.minWeeks,
  maxWeeks: taskCentered.warnAfterWeeks,
};
export const DEFAULT_PLAN_WEEKS = taskCentered.defaultWeeks;

export interface ContractInput {
  targetProblems: ReadonlyArray<{ text: string; acknowledgedByClient: boolean }>;
  sessions: number;
  startDate: string;
  endDate: string;
}

/**
 * Checks a contract before it is saved. Errors: no target problem, more than three, a
 * problem without text or not acknowledged by the client, sessions not a whole number in
 * range, a bad date, an end before the start or already past `today`.
 * Warnings (one at most, the worker decides): 'pastTwelveWeeks' when the plan runs longer
 * than 12 weeks (a new contract will be needed), 'outsideSixToTwelveWeeks' when it is
 * shorter than 6 weeks. A longer plan gets only the more specific 'pastTwelveWeeks'.
 */
export function validateContract(input: ContractInput, today: string, limits: ContractLimits = DEFAULT_CONTRACT_LIMITS): ValidationResult {
  const errors = [...targetProblemErrors(input.targetProblems, limits), ...sessionErrors(input.sessions, limits)];
  const dateIssues = contractDateIssues(input, today, limits);
  return result([...errors, ...dateIssues.errors], dateIssues.warnings);
}

function targetProblemErrors(problems: ContractInput['targetProblems'], limits: ContractLimits): ValidationIssue[] {
  if (!Array.isArray(problems) || problems.length === 0) {
    return [issue('noTargetProblem', 'A contract needs at least one target problem', 'targetProblems')];
  }
  const errors: ValidationIssue[] = [];
  if (problems.length > limits.maxProblems) {
    errors.push(issue('tooManyProblems', `A contract has at most ${limits.maxProblems} target problems, got ${problems.length}`, 'targetProblems'));
  }
  problems.forEach((problem, i) => {
    const field = `targetProblems[${i}]`;
    if (isBlank(problem.text)) errors.push(issue('problemTextMissing', `Target problem ${i + 1} has no text`, field));
    if (problem.acknowledgedByClient !== true) {
      errors.push(issue('problemNotAcknowledged', `Target problem ${i + 1} is not acknowledged by the client`, field));
    }
  });
  return errors;
}

function sessionErrors(sessions: number, limits: ContractLimits): ValidationIssue[] {
  if (Number.isInteger(sessions) && sessions >= 1 && sessions <= limits.maxSessions) return [];
  return [issue('invalidSessions', `Sessions must be a whole number from 1 to ${limits.maxSessions}, got ${sessions}`, 'sessions')];
}

function contractDateIssues(input: ContractInput, today: string, limits: ContractLimits) {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  if (!isIsoDate(input.startDate)) errors.push(issue('invalidDate', `Start date "${input.startDate}" is not a YYYY-MM-DD date`, 'startDate'));
  if (!isIsoDate(input.endDate)) errors.push(issue('invalidDate', `End date "${input.endDate}" is not a YYYY-MM-DD date`, 'endDate'));
  if (errors.length > 0) return { errors, warnings };

  const days = daysBetween(input.startDate, input.endDate);
  if (days < 0) {
    errors.push(issue('endBeforeStart', `End date ${input.endDate} is before start date ${input.startDate}`, 'endDate'));
  } else if (days > limits.maxWeeks * 7) {
    warnings.push(issue('pastTwelveWeeks', `The plan runs ${days} days, past ${limits.maxWeeks} weeks: a new contract is needed`, 'endDate'));
  } else if (days < limits.minWeeks * 7) {
    warnings.push(issue('outsideSixToTwelveWeeks', `The plan runs ${days} days, under ${limits.minWeeks} weeks`, 'endDate'));
  }
  if (isIsoDate(today) && input.endDate < today) {
    errors.push(issue('endInPast', `End date ${input.endDate} is already past (today ${today})`, 'endDate'));
  }
  return { errors, warnings };
}

/** The default end of a plan that starts on `startDate` (8 weeks later). */
export function defaultPlanEnd(startDate: string, weeks: number = DEFAULT_PLAN_WEEKS): string {
  return addDays(startDate, weeks * 7);
}

/** Whole weeks of the plan elapsed by `today`; 0 before it starts. */
export function contractWeeksUsed(contract: Pick<Contract, 'startDate'>, today: string): number {
  return Math.max(0, Math.floor(daysBetween(contract.startDate, today) / 7));
}

/** True once a running plan has gone past `maxWeeks` since its start: agree a new contract. */
export function needsNewContract(contract: Pick<Contract, 'startDate'>, today: string, maxWeeks: number = DEFAULT_CONTRACT_LIMITS.maxWeeks): boolean {
  return daysBetween(contract.startDate, today) > maxWeeks * 7;
}

// ---- tasks --------------------------------------------------------------------------

export interface TaskInput {
  description: string;
  owner: string;
  ownerName?: string;
  dueDate: string;
  obstacles?: ReadonlyArray<{ text: string; kind: string }>;
  checkInEveryDays: number;
  commitment?: { at: string; confirmedBy: string };
}

export const MAX_CHECK_IN_DAYS = 90;

/**
 * Checks a task before it is saved: a description; an owner (client, worker or
 * professional) and, for a professional or service, its name; a due date not in the past;
 * a check-in cadence of 1–90 days; well-formed obstacles; and the client's commitment
 * (when and who confirmed). With a contract, a due date past the plan's end is a warning.
 */
export function validateTask(input: TaskInput, today: string, contract?: Pick<Contract, 'endDate'>): ValidationResult {
  const errors = [
    ...descriptionErrors(input.description),
    ...ownerErrors(input.owner, input.ownerName),
    ...dueDateErrors(input.dueDate, today),
    ...checkInErrors(input.checkInEveryDays),
    ...obstacleErrors(input.obstacles ?? []),
    ...commitmentErrors(input.commitment),
  ];
  const warnings: ValidationIssue[] = [];
  if (contract && isIsoDate(input.dueDate) && input.dueDate > contract.endDate) {
    warnings.push(issue('dueAfterContractEnd', `Due date ${input.dueDate} is after the plan ends on ${contract.endDate}`, 'dueDate'));
  }
  return result(errors, warnings);
}

function descriptionErrors(description: string): ValidationIssue[] {
  if (isBlank(description)) return [issue('descriptionMissing', 'The task has no description', 'description')];
  if (description.length > 1000) return [issue('descriptionTooLong', 'The task description is longer than 1000 characters', 'description')];
  return [];
}

function ownerErrors(owner: string, ownerName: string | undefined): ValidationIssue[] {
  if (!TaskOwnerSchema.safeParse(owner).success) {
    return [issue('ownerMissing', `Task owner must be client, worker or professional, got "${owner}"`, 'owner')];
  }
  if (owner === 'professional' && isBlank(ownerName)) {
    return [issue('ownerNameMissing', 'A task owned by another professional or service needs their name', 'ownerName')];
  }
  if (ownerName !== undefined && ownerName.length > 200) {
    return [issue('ownerNameTooLong', 'The owner name is longer than 200 characters', 'ownerName')];
  }
  return [];
}

function dueDateErrors(dueDate: string, today: string): ValidationIssue[] {
  if (!isIsoDate(dueDate)) return [issue('invalidDate', `Due date "${dueDate}" is not a YYYY-MM-DD date`, 'dueDate')];
  if (dueDate < today) return [issue('dueDateInPast', `Due date ${dueDate} is before today ${today}`, 'dueDate')];
  return [];
}

function checkInErrors(days: number): ValidationIssue[] {
  if (Number.isInteger(days) && days >= 1 && days <= MAX_CHECK_IN_DAYS) return [];
  return [issue('checkInOutOfRange', `Check-in cadence must be a whole number of days from 1 to ${MAX_CHECK_IN_DAYS}, got ${days}`, 'checkInEveryDays')];
}

function obstacleErrors(obstacles: NonNullable<TaskInput['obstacles']>): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  obstacles.forEach((obstacle, i) => {
    const field = `obstacles[${i}]`;
    if (isBlank(obstacle.text)) errors.push(issue('obstacleTextMissing', `Obstacle ${i + 1} has no text`, field));
    if (obstacle.kind !== 'internal' && obstacle.kind !== 'external') {
      errors.push(issue('obstacleKindInvalid', `Obstacle ${i + 1} must be internal or external, got "${obstacle.kind}"`, field));
    }
  });
  return errors;
}

function commitmentErrors(commitment: TaskInput['commitment']): ValidationIssue[] {
  if (!commitment || isBlank(commitment.confirmedBy) || !isIsoDateTime(commitment.at)) {
    return [issue('commitmentMissing', "The client's commitment (time and who confirmed) is not recorded", 'commitment')];
  }
  return [];
}

// ---- progress -----------------------------------------------------------------------

/** The task with `entry` added; a done or dropped task takes no more progress. */
export function addProgress(task: Task, entry: Progress): Task {
  if (task.status !== 'open') {
    throw new DomainError('taskClosed', `Task ${task.id} is ${task.status} and takes no more progress`, { taskId: task.id });
  }
  const parsed = ProgressSchema.safeParse(entry);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new DomainError('invalidProgress', `Progress entry for task ${task.id} is invalid: ${fields}`, { taskId: task.id, fields });
  }
  return { ...task, progress: [...task.progress, parsed.data] };
}

type NumericRating = Exclude<Achievement, 'noOpportunity'>;

/** The task's numeric ratings in order; "no opportunity" is not a rating of achievement. */
export function numericRatings(task: Pick<Task, 'progress'>): NumericRating[] {
  return task.progress.map((p) => p.rating).filter((r): r is NumericRating => r !== 'noOpportunity');
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Mean of the task's ratings on the 4-point scale; null when it has none. */
export function averageAchievement(task: Pick<Task, 'progress'>): number | null {
  return mean(numericRatings(task));
}

/** The most recent rating of any kind (including "no opportunity"), or null. */
export function lastRating(task: Pick<Task, 'progress'>): Achievement | null {
  return task.progress.at(-1)?.rating ?? null;
}

/**
 * The status to suggest after a rating: a task rated 4 (fully achieved) is done; any other
 * rating leaves it as it is. A suggestion for the dialog to confirm, not a decision.
 */
export function taskStatusAfterRating(task: Pick<Task, 'status'>, rating: Achievement): Task['status'] {
  return task.status === 'open' && rating === 4 ? 'done' : task.status;
}

/**
 * A goal's progress: the mean of its tasks' average achievement, each task counting once.
 * Dropped tasks and tasks without ratings are left out; null when none is left.
 */
export function goalProgress(goal: Pick<Goal, 'id'>, tasks: readonly Task[]): number | null {
  const averages = tasks
    .filter((t) => t.goalId === goal.id && t.status !== 'dropped')
    .map(averageAchievement)
    .filter((a): a is number => a !== null);
  return mean(averages);
}

/** Highest rating that counts as low for escalation (1 = minimally or not achieved). */
export const LOW_RATING = 1;

/** True when the last two ratings (ignoring "no opportunity") are both low: escalate. */
export function twoLowRatingsInARow(task: Pick<Task, 'progress'>, lowRating: number = LOW_RATING): boolean {
  const lastTwo = numericRatings(task).slice(-2);
  return lastTwo.length === 2 && lastTwo.every((r) => r <= lowRating);
}

export interface ProgressOutcome {
  next: Case;
  task: Task;
  /** Whether a stalled-task alert was added for the supervisor. */
  alerted: boolean;
}

/**
 * The case with `entry` added to task `taskId` (and the task marked done if asked). When the
 * entry's rating makes two low ratings in a row, a stalled-task alert is added, unless one
 * for this task is still waiting to be delivered. Throws DomainError 'taskClosed' for a task that is
 * gone or no longer open.
 */
export function recordProgress(current: Case, taskId: string, entry: Progress, options: { markDone?: boolean } = {}): ProgressOutcome {
  const existing = current.tasks.find((t) => t.id === taskId);
  if (!existing) throw new DomainError('taskClosed', `Task ${taskId} is not on case ${current.id}`, { taskId });
  const rated = addProgress(existing, entry);
  const task: Task = options.markDone ? { ...rated, status: taskStatusAfterRating(rated, entry.rating) } : rated;
  const pending = current.alerts.some((a) => a.kind === 'stalledTask' && a.refId === taskId && !a.deliveredAt);
  // "No opportunity" says nothing about progress, so it never raises the alert itself.
  const alerted = entry.rating !== 'noOpportunity' && twoLowRatingsInARow(task) && !pending;
  const alerts = alerted ? [...current.alerts, { id: newId('AL'), kind: 'stalledTask' as const, at: entry.at, refId: taskId }] : current.alerts;
  return { next: { ...current, tasks: current.tasks.map((t) => (t.id === taskId ? task : t)), alerts }, task, alerted };
}
