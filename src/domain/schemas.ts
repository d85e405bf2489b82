// Stored records. These zod schemas are the single source of truth: types come from them.
import { z } from 'zod';

/** Bump with a migration in src/store/migrations.ts whenever a stored shape changes. */
export const SCHEMA_VERSION = 1;

import { id, isoDate, isoDateTime, LanguageSchema } from './schemaPrimitives.js';

export { LanguageSchema, type Language } from './schemaPrimitives.js';

export const RoleSchema = z.enum(['worker', 'supervisor', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

export const StaffSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  role: RoleSchema,
  team: z.string().min(1).max(100),
  availableHoursPerMonth: z.number().min(0).max(744),
  language: LanguageSchema,
  timeZone: z.string().min(1),
  createdAt: isoDateTime,
});
export type Staff = z.infer<typeof StaffSchema>;

// ---- intake -------------------------------------------------------------------------

export const ClientKindSchema = z.enum(['individual', 'family', 'group', 'community']);
export const ManagementModelSchema = z.enum(['brokerage', 'intensive', 'clinical', 'strengths']);
export type ManagementModel = z.infer<typeof ManagementModelSchema>;
export const PrioritySchema = z.enum(['high', 'medium', 'low']);
export const IntensitySchema = z.enum(['intensive', 'moderate', 'basic']);
export type Intensity = z.infer<typeof IntensitySchema>;

export const ClientProfileSchema = z.object({
  kind: ClientKindSchema,
  /** Name or alias, as the worker chose to record it. */
  name: z.string().min(1).max(200),
  contact: z.string().max(300),
  language: LanguageSchema,
  timeZone: z.string().min(1),
});

export const ConsentSchema = z.object({
  dataProcessing: z.literal(true),
  messaging: z.boolean(),
  recordedAt: isoDateTime,
  recordedBy: id,
  /** Set when the client withdraws consent to receive messages. */
  messagingWithdrawnAt: isoDateTime.optional(),
  /** Each later withdrawal or renewal of consent to messages, oldest first: the earlier values stay on record. */
  messagingChanges: z.array(z.object({ given: z.boolean(), at: isoDateTime, by: id })).optional(),
});

// ---- assessment ---------------------------------------------------------------------

export const LIFE_DOMAINS = [
  'income',
  'employment',
  'housing',
  'food',
  'health',
  'mentalHealth',
  'substanceUse',
  'education',
  'familyRelations',
  'socialSupport',
  'legal',
  'safety',
  'dailyLiving',
  'mobility',
  'childcare',
] as const;
export const LifeDomainSchema = z.enum(LIFE_DOMAINS);
export type LifeDomain = z.infer<typeof LifeDomainSchema>;

/** 1 in crisis … 5 empowered; null = not applicable. */
export const DomainLevelSchema = z.number().int().min(1).max(5).nullable();
export type DomainLevel = z.infer<typeof DomainLevelSchema>;

export const AssessmentSchema = z.object({
  id,
  kind: z.enum(['initial', 'reassessment', 'review']),
  startedAt: isoDateTime,
  completedAt: isoDateTime.optional(),
  by: id,
  /** Rated domains; a domain missing here has not been asked yet (assessment in parts). */
  ratings: z.partialRecord(LifeDomainSchema, DomainLevelSchema),
  strengths: z.object({ personal: z.string(), family: z.string(), community: z.string() }).partial(),
  clientView: z.string().optional(),
  aspirations: z.string().optional(),
  context: z.object({ economic: z.string(), social: z.string(), family: z.string(), institutional: z.string() }).partial(),
  notes: z.object({ micro: z.string(), meso: z.string(), macro: z.string() }).partial(),
  safetyConcern: z.boolean().optional(),
  /** Set on completion: what the assessment recommends; a person decides. */
  intensity: IntensitySchema.optional(),
  contactEveryDays: z.number().int().positive().optional(),
  nextReviewDate: isoDate.optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

// ---- goals and tasks ----------------------------------------------------------------

export const AgreementSchema = z.object({ at: isoDateTime, recordedBy: id });

export const GoalSchema = z.object({
  id,
  domain: LifeDomainSchema,
  text: z.string().min(1).max(1000),
  actor: z.string().min(1).max(200),
  indicator: z.string().min(1).max(500),
  target: z.string().min(1).max(200),
  deadline: isoDate,
  support: z.string().max(500),
  obstacles: z.string().max(500),
  dependsOnThirdParty: z.boolean(),
  agreement: AgreementSchema,
  status: z.enum(['active', 'achieved', 'dropped']),
  createdAt: isoDateTime,
  createdBy: id,
});
export type Goal = z.infer<typeof GoalSchema>;

export const ContractSchema = z.object({
  id,
  targetProblems: z
    .array(z.object({ text: z.string().min(1).max(500), acknowledgedByClient: z.literal(true) }))
    .min(1)
    .max(3),
  sessions: z.number().int().min(1).max(52),
  startDate: isoDate,
  endDate: isoDate,
  createdAt: isoDateTime,
  createdBy: id,
});
export type Contract = z.infer<typeof ContractSchema>;

export const AchievementSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('noOpportunity')]);
export type Achievement = z.infer<typeof AchievementSchema>;

export const ProgressSchema = z.object({
  at: isoDateTime,
  rating: AchievementSchema,
  obstacles: z.string().max(1000).optional(),
  needsHelp: z.boolean().optional(),
  source: z.enum(['client', 'worker']),
  by: id,
});
export type Progress = z.infer<typeof ProgressSchema>;

export const TaskOwnerSchema = z.enum(['client', 'worker', 'professional']);

export const TaskSchema = z.object({
  id,
  goalId: id.optional(),
  description: z.string().min(1).max(1000),
  owner: TaskOwnerSchema,
  /** Who, when the owner is another professional or service. */
  ownerName: z.string().max(200).optional(),
  dueDate: isoDate,
  /** The time of day the task is due, when one was given (`HH:MM`). */
  dueTime: z.iso.time({ precision: -1 }).optional(),
  obstacles: z.array(z.object({ text: z.string().min(1).max(500), kind: z.enum(['internal', 'external']) })),
  checkInEveryDays: z.number().int().min(1).max(90),
  commitment: z.object({ at: isoDateTime, confirmedBy: id }),
  /** 'closedWithCase': still open when its case was closed; ended with it, neither done nor dropped. */
  status: z.enum(['open', 'done', 'dropped', 'closedWithCase']),
  progress: z.array(ProgressSchema),
  /** When a check-in prompt about this task last reached the client. */
  lastPromptedAt: isoDateTime.optional(),
  createdAt: isoDateTime,
  createdBy: id,
});
export type Task = z.infer<typeof TaskSchema>;

// ---- services -----------------------------------------------------------------------

export const ServiceSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  category: z.string().min(1).max(100),
  provider: z.string().max(200),
  contact: z.string().max(300),
  /** Cost per referral in euros; 0 when free. */
  cost: z.number().min(0),
  eligibility: z.string().max(1000),
  /** Places available; null when not limited or unknown. */
  capacity: z.number().int().min(0).nullable(),
  active: z.boolean(),
});
export type Service = z.infer<typeof ServiceSchema>;

/** 'cancelled' is reached only by closing the case: the referral ended with it. */
export const REFERRAL_STATUSES = ['proposed', 'referred', 'accepted', 'inProgress', 'completed', 'declined', 'cancelled'] as const;
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

export const ReferralSchema = z.object({
  id,
  serviceId: id,
  category: z.string().min(1),
  status: ReferralStatusSchema,
  history: z.array(z.object({ status: ReferralStatusSchema, at: isoDateTime, by: id, note: z.string().max(1000).optional() })),
  cost: z.number().min(0),
  /** Another active referral of the same category when this one was made. */
  possibleDuplicateOf: id.optional(),
  createdAt: isoDateTime,
  createdBy: id,
});
export type Referral = z.infer<typeof ReferralSchema>;

// ---- monitoring, advocacy, review, closure ------------------------------------------

export const ContactTypeSchema = z.enum(['visit', 'call', 'message', 'meeting', 'accompaniment']);
export const ContactSchema = z.object({
  id,
  date: isoDate,
  /** The time of day of the contact, when one was given (`HH:MM`). */
  time: z.iso.time({ precision: -1 }).optional(),
  type: ContactTypeSchema,
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  withWhom: z.string().max(200),
  note: z.string().max(4000),
  by: id,
  at: isoDateTime,
});
export type Contact = z.infer<typeof ContactSchema>;

export const BarrierTypeSchema = z.enum(['eligibility', 'regulation', 'policy', 'procedure']);
export const AdvocacySchema = z.object({
  id,
  date: isoDate,
  action: z.string().min(1).max(2000),
  barrierType: BarrierTypeSchema,
  barrier: z.string().min(1).max(2000),
  level: z.enum(['micro', 'meso', 'macro']),
  outcome: z.string().max(2000).optional(),
  by: id,
  at: isoDateTime,
});
export type Advocacy = z.infer<typeof AdvocacySchema>;

export const ReviewDecisionSchema = z.enum(['continue', 'changeApproach', 'close']);
export const ReviewSchema = z.object({
  id,
  at: isoDateTime,
  by: id,
  assessmentId: id.optional(),
  decision: ReviewDecisionSchema,
  newModel: ManagementModelSchema.optional(),
  newIntensity: IntensitySchema.optional(),
  nextReviewDate: isoDate.optional(),
  note: z.string().max(4000),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ClosureReasonSchema = z.enum(['goalsMet', 'clientRequest', 'transfer', 'lostContact', 'other']);
export const ClosureSchema = z.object({
  at: isoDateTime,
  by: id,
  reason: ClosureReasonSchema,
  reasonNote: z.string().max(1000).optional(),
  outcomes: z.array(z.object({ goalId: id, outcome: z.enum(['achieved', 'partial', 'notAchieved']) })),
  /** The final state the worker recorded for each referral still active at closure. */
  referralOutcomes: z.array(z.object({ referralId: id, status: z.enum(['completed', 'declined', 'cancelled']) })).optional(),
  summary: z.string().min(1).max(4000),
});
export type Closure = z.infer<typeof ClosureSchema>;

export const AlertDecisionChoiceSchema = z.enum(['continue', 'changeApproach', 'close', 'remindWorker']);
export type AlertDecisionChoice = z.infer<typeof AlertDecisionChoiceSchema>;

/** A supervisor's decision on an alert, taken once. */
export const AlertDecisionSchema = z.object({
  choice: AlertDecisionChoiceSchema,
  by: id,
  at: isoDateTime,
  /** The review recorded with the decision (continue, change approach or close on an overdue review; change or close on others). */
  reviewId: id.optional(),
});
export type AlertDecision = z.infer<typeof AlertDecisionSchema>;

export const AlertSchema = z.object({
  id,
  /** 'overdueReview' is recorded only when a supervisor decides on an overdue review: the overdue state itself comes from the dates. */
  kind: z.enum(['domainCrisis', 'safetyConcern', 'stalledTask', 'overdueReview']),
  at: isoDateTime,
  /** The task, for a stalled task; ids only, never text. */
  refId: id.optional(),
  /** The review date that was overdue, for 'overdueReview'. */
  reviewDate: isoDate.optional(),
  /** Set by the follow-ups scheduler once the supervisor has been told. */
  deliveredAt: isoDateTime.optional(),
  decision: AlertDecisionSchema.optional(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** A worker's pause of a case's client prompts, with the reason. */
export const FollowUpPauseSchema = z.object({
  since: isoDateTime,
  by: id,
  reason: z.string().min(1).max(500),
  /** Prompts resume at this instant; none means until the worker resumes them. */
  until: isoDateTime.optional(),
});
export type FollowUpPause = z.infer<typeof FollowUpPauseSchema>;

/** A supervisor gave the case to another worker of the team (or to its first worker). */
export const AssignmentSchema = z.object({
  id,
  at: isoDateTime,
  by: id,
  /** The worker who had the case; none when it had no worker. */
  from: id.optional(),
  to: id,
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** The earlier value of a recorded fact that someone corrected (rectification trail, SPEC §5). */
export const CorrectionSchema = z.object({
  at: isoDateTime,
  by: id,
  /** The fact: a contact's field, a domain's level in an assessment, a goal's field. */
  target: z.object({
    kind: z.enum(['contact', 'rating', 'goal']),
    /** The contact, assessment or goal. */
    id,
    /** The field, or for a rating the life domain. */
    field: z.string().min(1).max(50),
  }),
  previous: z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** A closed case past its retention period, kept only for legal requests (LOPDGDD art. 32). */
export const BlockSchema = z.object({ at: isoDateTime, by: id });

export const CaseSchema = z.object({
  id,
  status: z.enum(['open', 'closed']),
  workerId: id,
  team: z.string().min(1),
  /** Other workers this case is explicitly shared with. */
  sharedWith: z.array(id),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  client: ClientProfileSchema,
  referralSource: z.string().min(1).max(300),
  /** The day the case was opened (first interview). */
  intakeDate: isoDate,
  consent: ConsentSchema,
  model: ManagementModelSchema,
  priority: PrioritySchema,
  /** Recommended by the last assessment or set by a review; none before the first assessment. */
  intensity: IntensitySchema.optional(),
  contactEveryDays: z.number().int().positive().optional(),
  nextReviewDate: isoDate.optional(),
  budget: z.number().min(0).optional(),
  assessments: z.array(AssessmentSchema),
  /** An assessment in progress, saved so the worker can continue later. */
  assessmentDraft: AssessmentSchema.optional(),
  goals: z.array(GoalSchema),
  contract: ContractSchema.optional(),
  tasks: z.array(TaskSchema),
  referrals: z.array(ReferralSchema),
  contacts: z.array(ContactSchema),
  advocacy: z.array(AdvocacySchema),
  reviews: z.array(ReviewSchema),
  alerts: z.array(AlertSchema),
  /** Client prompts paused by the worker (client in hospital…). */
  followUpPause: FollowUpPauseSchema.optional(),
  closure: ClosureSchema.optional(),
  reopenings: z.array(z.object({ at: isoDateTime, by: id, reason: z.string().min(1).max(1000) })),
  /** Assignments and transfers by supervisors, oldest first; absent on cases never reassigned. */
  assignments: z.array(AssignmentSchema).optional(),
  /** Earlier values of corrected facts, oldest first; the case itself holds the latest. */
  corrections: z.array(CorrectionSchema).optional(),
  /** Set when the case is blocked: only an admin reads it, for a legal request. */
  blocked: BlockSchema.optional(),
});
export type Case = z.infer<typeof CaseSchema>;

export * from './channelSchemas.js';
