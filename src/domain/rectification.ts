// Correcting a recorded fact (SPEC §5, rectification trail): the case takes the new value and
// keeps the earlier one, with who changed it and when. Views read the case, so they show the
// latest value; the export shows the trail.
import { DomainError } from './errors.js';
import { AssessmentSchema, ContactSchema, GoalSchema, LifeDomainSchema, type Case, type Correction, type LifeDomain } from './schemas.js';

export const CONTACT_FIELDS = ['date', 'time', 'type', 'minutes', 'withWhom', 'note'] as const;
export const GOAL_FIELDS = ['text', 'actor', 'indicator', 'target', 'deadline', 'support', 'obstacles'] as const;

/** A fact that can be corrected: a contact's field, a domain's level in an assessment, a goal's field. */
export type RectifiableFact =
  | { kind: 'contact'; id: string; field: (typeof CONTACT_FIELDS)[number] }
  | { kind: 'rating'; id: string; field: LifeDomain }
  | { kind: 'goal'; id: string; field: (typeof GOAL_FIELDS)[number] };

type Value = string | number | null;

/** The case with `fact` set to `value` and its earlier value kept; throws DomainError when the fact is not there or the value is not valid. */
export function rectify(record: Case, fact: RectifiableFact, value: Value, by: string, at: string): Case {
  const correction = (previous: Correction['previous']): Correction => ({ at, by, target: { kind: fact.kind, id: fact.id, field: fact.field }, previous });
  const unchanged = (previous: unknown) => {
    if (previous === value) throw new DomainError('sameValue', `${fact.kind} ${fact.id} ${fact.field} already holds that value`, { caseId: record.id });
  };
  const invalid = (detail: string) => new DomainError('invalidValue', `${fact.kind} ${fact.id} ${fact.field}: ${detail}`, { caseId: record.id });
  const trail = (previous: Correction['previous']) => [...(record.corrections ?? []), correction(previous)];

  if (fact.kind === 'contact') {
    const contact = record.contacts.find((c) => c.id === fact.id);
    if (!contact) throw notFound(record, fact);
    const previous = contact[fact.field] ?? null;
    unchanged(previous);
    const parsed = ContactSchema.safeParse({ ...contact, [fact.field]: value ?? undefined });
    if (!parsed.success) throw invalid(parsed.error.issues[0]!.message);
    return { ...record, contacts: record.contacts.map((c) => (c.id === fact.id ? parsed.data : c)), corrections: trail(previous) };
  }
  if (fact.kind === 'goal') {
    const goal = record.goals.find((g) => g.id === fact.id);
    if (!goal) throw notFound(record, fact);
    const previous = goal[fact.field];
    unchanged(previous);
    const parsed = GoalSchema.safeParse({ ...goal, [fact.field]: value });
    if (!parsed.success) throw invalid(parsed.error.issues[0]!.message);
    return { ...record, goals: record.goals.map((g) => (g.id === fact.id ? parsed.data : g)), corrections: trail(previous) };
  }
  if (!LifeDomainSchema.safeParse(fact.field).success) throw notFound(record, fact);
  const assessment = record.assessments.find((a) => a.id === fact.id);
  if (!assessment) throw notFound(record, fact);
  const previous = assessment.ratings[fact.field] ?? null;
  unchanged(previous);
  const parsed = AssessmentSchema.safeParse({ ...assessment, ratings: { ...assessment.ratings, [fact.field]: value } });
  if (!parsed.success) throw invalid(parsed.error.issues[0]!.message);
  return { ...record, assessments: record.assessments.map((a) => (a.id === fact.id ? parsed.data : a)), corrections: trail(previous) };
}

/** The corrections of one fact, oldest first. */
export function correctionsOf(record: Case, kind: Correction['target']['kind'], id: string, field?: string): Correction[] {
  return (record.corrections ?? []).filter((c) => c.target.kind === kind && c.target.id === id && (field === undefined || c.target.field === field));
}

function notFound(record: Case, fact: RectifiableFact): DomainError {
  return new DomainError('factNotFound', `No ${fact.kind} ${fact.id} with ${fact.field} in case ${record.id}`, { caseId: record.id });
}
