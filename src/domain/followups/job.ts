// A follow-up job (SPEC §4): one prompt to one person at one instant, kept in the store.
import { createHash } from 'node:crypto';
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);

export const JOB_KINDS = [
  /** To the client: how is the task going? At the check-in cadence and on the due date. */
  'clientCheckIn',
  /** To the worker: the client has not answered a check-in within the reply window. */
  'missedCheckIn',
  /** To the worker: the client asked for help in a check-in. */
  'helpRequest',
  /** To the worker: on the due date of a task the worker owns. */
  'workerTaskDue',
  /** To the worker: some days before, and on, the review date. */
  'reviewReminder',
  /** To each supervisor of the team: the review is overdue; repeated daily, so one person's are read as a digest. */
  'overdueReview',
  /** To each supervisor of the team: an alert on the case (crisis, safety, stalled task). */
  'escalation',
  /** To a worker on Monday morning: the week's plan. */
  'weeklyPlan',
  /** To the worker: a supervisor, deciding on an alert, asked that the worker be reminded of the case. */
  'supervisorReminder',
  /** To the case's worker: a follow-up to the client or a supervisor could not be delivered. */
  'deliveryFailed',
  /** To each supervisor of the team: a client's request for help has had no answer in time. */
  'helpUnanswered',
  /** To the worker given a case and the worker it was taken from, when a supervisor allocated it. */
  'caseAssigned',
] as const;
export const JobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKindSchema>;

export const RecipientSchema = z.discriminatedUnion('role', [
  /** The client of the job's case, through whichever chats are linked to it. */
  z.object({ role: z.literal('client') }),
  z.object({ role: z.enum(['worker', 'supervisor']), staffId: id }),
]);
export type Recipient = z.infer<typeof RecipientSchema>;

/** What the job is about, by id only (never names or notes). */
export const JobSubjectSchema = z
  .object({
    taskId: id,
    /** The review date the reminder or alert is for, `YYYY-MM-DD`. */
    reviewDate: z.iso.date(),
    alertId: id,
    /** The check-in entry that asked for help. */
    progressAt: isoDateTime,
    /** The job that could not be delivered, and why (a channel code). */
    failedJobId: id,
    reason: z.string().min(1).max(100),
    /** The assignment of the case to another worker. */
    assignmentId: id,
  })
  .partial();
export type JobSubject = z.infer<typeof JobSubjectSchema>;

export const JobStatusSchema = z.enum([
  'pending',
  /** Taken by a scheduler instance until its lease ends; then any instance may take it again. */
  'claimed',
  'sent',
  /** Its reason went away before it was sent. */
  'cancelled',
  /** Could not be delivered and will not be retried; kept so the person sees it in their next chat. */
  'failed',
]);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobSchema = z.object({
  /** Deterministic: the same kind, case, recipient, subject and instant always give the same id. */
  id,
  kind: JobKindSchema,
  /** The case it follows; none for a weekly plan, which follows its worker. */
  caseId: id.optional(),
  recipient: RecipientSchema,
  subject: JobSubjectSchema,
  /** When it is meant to reach the person, UTC. */
  dueAt: isoDateTime,
  status: JobStatusSchema,
  /** Held while claimed: who may send it, and until when. */
  lease: z.object({ owner: z.string().min(1).max(200), until: isoDateTime }).optional(),
  /** Set after a failed delivery that will be tried again: not before this instant. */
  retryAt: isoDateTime.optional(),
  /** Deliveries started (claims), including one cut off by a crash. */
  attempts: z.number().int().min(0),
  /** English, for logs; codes and ids only. */
  lastError: z.string().max(500).optional(),
  createdAt: isoDateTime,
  /** When it was sent, cancelled or given up. */
  finishedAt: isoDateTime.optional(),
});
export type Job = z.infer<typeof JobSchema>;

/** The parts of a job that make it what it is; everything else is its state. */
export type JobDraft = Pick<Job, 'kind' | 'caseId' | 'recipient' | 'subject' | 'dueAt'>;

/**
 * `J-` and 32 hex digits of a hash of what the job is: kind, case, recipient, subject and
 * due instant. Deriving the same follow-up twice gives the same id, so it is stored once.
 */
export function jobId(draft: JobDraft): string {
  const subject = Object.entries(draft.subject)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  const key = JSON.stringify([draft.kind, draft.caseId ?? null, recipientKey(draft), subject, new Date(draft.dueAt).toISOString()]);
  return `J-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** A new pending job, its id derived from what it is. */
export function newJob(draft: JobDraft, createdAt: Date): Job {
  const dueAt = new Date(draft.dueAt).toISOString();
  return {
    id: jobId(draft),
    kind: draft.kind,
    ...(draft.caseId === undefined ? {} : { caseId: draft.caseId }),
    recipient: draft.recipient,
    subject: draft.subject,
    dueAt,
    status: 'pending',
    attempts: 0,
    createdAt: createdAt.toISOString(),
  };
}

/** One person: every job with the same key goes to the same chats, in one message. */
export function recipientKey(job: Pick<Job, 'recipient' | 'caseId'>): string {
  return job.recipient.role === 'client' ? `client:${job.caseId}` : `staff:${job.recipient.staffId}`;
}

/** What a job follows, so a change there can reschedule it: its case, or for a weekly plan its worker. */
export function jobScope(job: Pick<Job, 'recipient' | 'caseId'>): string {
  if (job.caseId !== undefined) return caseScope(job.caseId);
  if (job.recipient.role === 'client') throw new Error('A job to a client belongs to a case');
  return staffScope(job.recipient.staffId);
}

export const caseScope = (caseId: string): string => `case:${caseId}`;
export const staffScope = (staffId: string): string => `staff:${staffId}`;

/**
 * Whether the job tells of something that happened (an alert raised, a delivery that
 * failed) rather than of what the case calls for now: once scheduled it goes out while its
 * case is open, so keeping a case in step with its derivation never cancels it. (An alert
 * stops being derived once one supervisor has been told; the others must still hear.)
 */
export function isEvent(job: Pick<Job, 'kind'>): boolean {
  return job.kind === 'escalation' || job.kind === 'deliveryFailed';
}

/** Whether the job is waiting to be sent or being sent. */
export function isOpen(job: Pick<Job, 'status'>): boolean {
  return job.status === 'pending' || job.status === 'claimed';
}

/**
 * The instant from which a scheduler may take the job: when it falls due (or its retry
 * time), or, while claimed, when the lease ends. None once sent, cancelled or failed.
 */
export function readyAt(job: Job): number | undefined {
  if (job.status === 'pending') return Date.parse(job.retryAt ?? job.dueAt);
  if (job.status === 'claimed') return Date.parse(job.lease!.until);
  return undefined;
}
