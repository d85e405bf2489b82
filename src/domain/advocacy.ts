// Advocacy (defensa): actions taken for a client and the barrier met. Structural barriers
// across cases make a report for the agency, by case id only, never by client name.
import { z } from 'zod';
import { assertWritable } from './closure.js';
import { DomainError, issue, result, throwIfInvalid, type ValidationIssue, type ValidationResult } from './errors.js';
import { newId } from './ids.js';
import { AdvocacySchema, BarrierTypeSchema, type Advocacy, type Case } from './schemas.js';

export type BarrierType = z.infer<typeof BarrierTypeSchema>;
export type AdvocacyLevel = Advocacy['level'];
const LEVELS: readonly string[] = AdvocacySchema.shape.level.options;

export interface AdvocacyInput {
  date: string;
  action: string;
  barrierType: string;
  barrier: string;
  level: string;
  outcome?: string;
}

export interface AdvocacyMeta {
  by: string;
  /** When the entry is recorded (ISO date-time). */
  at: string;
  /** The worker's calendar day; when given, an action dated later is refused. */
  today?: string;
  id?: string;
}

const isIsoDate = (value: unknown): value is string => z.iso.date().safeParse(value).success;
const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** Checks an advocacy entry: action and barrier described, known barrier type and level, a real date. */
export function validateAdvocacyInput(input: AdvocacyInput, today?: string): ValidationResult {
  const errors: ValidationIssue[] = [];
  if (isBlank(input.action)) errors.push(issue('actionMissing', 'The advocacy action is not described', 'action'));
  else if (input.action.length > 2000) errors.push(issue('actionTooLong', 'The action is longer than 2000 characters', 'action'));
  if (isBlank(input.barrier)) errors.push(issue('barrierMissing', 'The barrier met is not described', 'barrier'));
  else if (input.barrier.length > 2000) errors.push(issue('barrierTooLong', 'The barrier is longer than 2000 characters', 'barrier'));
  if (!BarrierTypeSchema.safeParse(input.barrierType).success) {
    errors.push(issue('invalidBarrierType', `Barrier type must be one of ${BarrierTypeSchema.options.join(', ')}, got "${input.barrierType}"`, 'barrierType'));
  }
  if (!LEVELS.includes(input.level)) {
    errors.push(issue('invalidLevel', `Level must be one of ${LEVELS.join(', ')}, got "${input.level}"`, 'level'));
  }
  errors.push(...dateErrors(input.date, today));
  if (input.outcome !== undefined && input.outcome.length > 2000) {
    errors.push(issue('outcomeTooLong', 'The outcome is longer than 2000 characters', 'outcome'));
  }
  return result(errors);
}

function dateErrors(date: string, today?: string): ValidationIssue[] {
  if (!isIsoDate(date)) return [issue('invalidDate', `Date "${date}" is not a YYYY-MM-DD date`, 'date')];
  if (today !== undefined && date > today) return [issue('dateInFuture', `Date ${date} is after today ${today}`, 'date')];
  return [];
}

/** A stored advocacy entry from valid input; throws a DomainError naming what is wrong. */
export function newAdvocacyEntry(input: AdvocacyInput, meta: AdvocacyMeta): Advocacy {
  throwIfInvalid(validateAdvocacyInput(input, meta.today));
  const outcome = input.outcome?.trim();
  const parsed = AdvocacySchema.safeParse({
    id: meta.id ?? newId('A'),
    date: input.date,
    action: input.action.trim(),
    barrierType: input.barrierType,
    barrier: input.barrier.trim(),
    level: input.level,
    ...(outcome ? { outcome } : {}),
    by: meta.by,
    at: meta.at,
  });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new DomainError('invalidAdvocacy', `Advocacy entry is invalid: ${fields}`, { fields });
  }
  return parsed.data;
}

/** The case with a new advocacy entry; refuses closed cases. */
export function addAdvocacyEntry(caseRecord: Case, input: AdvocacyInput, meta: AdvocacyMeta): Case {
  assertWritable(caseRecord);
  const entry = newAdvocacyEntry(input, meta);
  return { ...caseRecord, advocacy: [...caseRecord.advocacy, entry], updatedAt: meta.at };
}

// ---- macro barrier report -----------------------------------------------------------

/** Barrier types that are structural whatever level the worker recorded. */
export const STRUCTURAL_BARRIER_TYPES: readonly BarrierType[] = ['policy', 'regulation'];

/**
 * Whether an entry belongs in the agency report: every macro-level entry, and any entry
 * whose barrier is a policy or a regulation (structural even when met in one case).
 */
export function isMacroBarrier(entry: Pick<Advocacy, 'level' | 'barrierType'>): boolean {
  return entry.level === 'macro' || STRUCTURAL_BARRIER_TYPES.includes(entry.barrierType);
}

export interface BarrierGroup {
  barrierType: BarrierType;
  /** Entries of this type in the period. */
  entries: number;
  /** Distinct cases they came from. */
  cases: number;
  caseIds: string[];
  /** The barriers as described, oldest first, each distinct text once. */
  barriers: string[];
}

/**
 * Macro barriers across `cases` (open and closed), dated within `from`–`to` inclusive
 * when given, grouped by barrier type and sorted by cases affected, then by entries.
 */
export function macroBarrierReport(cases: readonly Pick<Case, 'id' | 'advocacy'>[], from?: string, to?: string): BarrierGroup[] {
  assertPeriod(from, to);
  const found = cases.flatMap((c) => c.advocacy.filter((e) => isMacroBarrier(e) && inPeriod(e.date, from, to)).map((entry) => ({ caseId: c.id, entry })));
  const groups = BarrierTypeSchema.options
    .map((type) =>
      toGroup(
        type,
        found.filter((f) => f.entry.barrierType === type),
      ),
    )
    .filter((g) => g.entries > 0);
  return groups.sort((a, b) => b.cases - a.cases || b.entries - a.entries || a.barrierType.localeCompare(b.barrierType));
}

function assertPeriod(from?: string, to?: string): void {
  for (const date of [from, to]) {
    if (date !== undefined && !isIsoDate(date)) throw new DomainError('invalidDate', `Report date "${date}" is not a YYYY-MM-DD date`);
  }
  if (from !== undefined && to !== undefined && from > to) {
    throw new DomainError('invalidPeriod', `Report period starts ${from}, after it ends ${to}`);
  }
}

function inPeriod(date: string, from?: string, to?: string): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

function toGroup(barrierType: BarrierType, found: { caseId: string; entry: Advocacy }[]): BarrierGroup {
  const byDate = [...found].sort((a, b) => a.entry.date.localeCompare(b.entry.date));
  const caseIds = [...new Set(found.map((f) => f.caseId))].sort();
  const barriers = [...new Set(byDate.map((f) => f.entry.barrier.trim()))];
  return { barrierType, entries: found.length, cases: caseIds.length, caseIds, barriers };
}
