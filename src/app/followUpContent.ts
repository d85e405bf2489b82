// What each follow-up says, gathered from the store: the task, the review date, the alert,
// the client's own words; for a weekly plan, the worker's week. Plain data, rendered in
// the recipient's language by followUpMessages.ts.
import { addDays } from '../domain/dates.js';
import type { Job, JobKind, Recipient } from '../domain/followups/job.js';
import type { JobQueue } from '../domain/followups/queue.js';
import type { FollowUpConfig } from '../domain/followups/settings.js';
import { knowsZone, wallTime, weekdayOf } from '../domain/followups/zoneTime.js';
import type { Repositories } from '../domain/ports.js';
import type { Alert, Case, Task } from '../domain/schemas.js';

export interface TaskLine {
  readonly caseId: string;
  readonly clientName: string;
  readonly description: string;
  readonly dueDate: string;
  readonly owner: Task['owner'];
}

export interface WeeklyPlan {
  /** Monday of the week, `YYYY-MM-DD`. */
  readonly monday: string;
  readonly reviews: readonly { caseId: string; clientName: string; date: string }[];
  readonly tasks: readonly TaskLine[];
  /** Clients asked about a task who have not answered since. */
  readonly silent: readonly { caseId: string; clientName: string; description: string }[];
}

export interface FollowUpItem {
  readonly jobId: string;
  readonly kind: JobKind;
  readonly dueAt: string;
  readonly caseId?: string;
  readonly clientName?: string;
  readonly workerName?: string;
  /** Who decided on the alert, for a reminder a supervisor asked for. */
  readonly supervisorName?: string;
  readonly task?: Pick<Task, 'description' | 'dueDate' | 'lastPromptedAt'>;
  readonly reviewDate?: string;
  readonly alertKind?: Alert['kind'];
  /** What the client wrote when asking for help. */
  readonly words?: string;
  readonly plan?: WeeklyPlan;
  /** For a case given to another worker: who gave it, from and to whom, and whether it is the recipient's now. */
  readonly assignment?: { byName?: string; fromName?: string; toName?: string; toRecipient: boolean };
  /** For a failed delivery: what could not be delivered, to whom, and why. */
  readonly failed?: { kind: JobKind; role: Recipient['role']; name?: string; reason: string };
}

export class FollowUpContent {
  constructor(
    private readonly repos: Repositories,
    private readonly queue: JobQueue,
    private readonly config: FollowUpConfig,
  ) {}

  /** One item per job whose case (if any) still exists, in the jobs' order. */
  async items(jobs: readonly Job[]): Promise<FollowUpItem[]> {
    const items: FollowUpItem[] = [];
    for (const job of jobs) {
      const item = await this.item(job);
      if (item) items.push(item);
    }
    return items;
  }

  private async item(job: Job): Promise<FollowUpItem | undefined> {
    const base = { jobId: job.id, kind: job.kind, dueAt: job.dueAt };
    if (job.kind === 'weeklyPlan') {
      return job.recipient.role === 'client' ? undefined : { ...base, plan: await this.weeklyPlan(job.recipient.staffId, new Date(job.dueAt)) };
    }
    const caseRecord = job.caseId === undefined ? undefined : await this.repos.cases.get(job.caseId);
    if (!caseRecord) return undefined;
    const alert = caseRecord.alerts.find((a) => a.id === job.subject.alertId);
    // A stalled-task alert names its task.
    const task = caseRecord.tasks.find((t) => t.id === (job.subject.taskId ?? alert?.refId));
    const entry = task?.progress.find((p) => p.at === job.subject.progressAt);
    const supervisor = alert?.decision ? await this.repos.staff.get(alert.decision.by) : undefined;
    const reviewDate = job.subject.reviewDate ?? alert?.reviewDate;
    return {
      ...base,
      caseId: caseRecord.id,
      clientName: caseRecord.client.name,
      workerName: (await this.repos.staff.get(caseRecord.workerId))?.name,
      ...(supervisor ? { supervisorName: supervisor.name } : {}),
      ...(task ? { task: { description: task.description, dueDate: task.dueDate, lastPromptedAt: task.lastPromptedAt } } : {}),
      ...(reviewDate ? { reviewDate } : {}),
      ...(alert ? { alertKind: alert.kind } : {}),
      ...(entry?.obstacles ? { words: entry.obstacles } : {}),
      ...(job.kind === 'deliveryFailed' ? { failed: await this.failure(job) } : {}),
      ...(job.kind === 'caseAssigned' ? await this.assignment(caseRecord, job) : {}),
    };
  }

  private async assignment(caseRecord: Case, job: Job): Promise<Pick<FollowUpItem, 'assignment'>> {
    const assignment = caseRecord.assignments?.find((a) => a.id === job.subject.assignmentId);
    if (!assignment) return {};
    const name = async (id: string | undefined) => (id === undefined ? undefined : (await this.repos.staff.get(id))?.name);
    const toRecipient = job.recipient.role !== 'client' && job.recipient.staffId === assignment.to;
    return { assignment: { byName: await name(assignment.by), fromName: await name(assignment.from), toName: await name(assignment.to), toRecipient } };
  }

  private async failure(notice: Job): Promise<FollowUpItem['failed']> {
    const reason = notice.subject.reason ?? 'unknown';
    const failed = notice.subject.failedJobId === undefined ? undefined : await this.queue.get(notice.subject.failedJobId);
    if (!failed) return { kind: 'clientCheckIn', role: 'client', reason };
    const name = failed.recipient.role === 'client' ? undefined : (await this.repos.staff.get(failed.recipient.staffId))?.name;
    return { kind: failed.kind, role: failed.recipient.role, ...(name ? { name } : {}), reason };
  }

  /** The worker's week from Monday, in their time zone: reviews due (or overdue), tasks due, clients who did not answer. */
  private async weeklyPlan(staffId: string, at: Date): Promise<WeeklyPlan> {
    const staff = await this.repos.staff.get(staffId);
    const zone = staff && knowsZone(staff.timeZone) ? staff.timeZone : this.config.defaultTimeZone;
    const today = wallTime(at, zone).date;
    const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
    const sunday = addDays(monday, 6);
    const cases = (await this.repos.cases.casesOfWorker(staffId, { status: 'open' })).filter((c) => c.workerId === staffId);
    const replyWindowMs = this.config.checkInReplyWindowHours * 3_600_000;
    const byName = (a: { clientName: string }, b: { clientName: string }) => a.clientName.localeCompare(b.clientName);
    return {
      monday,
      reviews: cases
        .filter((c) => c.nextReviewDate !== undefined && c.nextReviewDate <= sunday)
        .map((c) => ({ caseId: c.id, clientName: c.client.name, date: c.nextReviewDate! }))
        .sort((a, b) => a.date.localeCompare(b.date) || byName(a, b)),
      tasks: cases
        .flatMap((c) =>
          openTasks(c)
            .filter((t) => t.dueDate >= monday && t.dueDate <= sunday)
            .map((t) => taskLine(c, t)),
        )
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byName(a, b)),
      silent: cases
        .flatMap((c) =>
          openTasks(c)
            .filter((t) => unanswered(t, at.getTime() - replyWindowMs))
            .map((t) => ({ caseId: c.id, clientName: c.client.name, description: t.description })),
        )
        .sort(byName),
    };
  }
}

function openTasks(caseRecord: Case): Task[] {
  return caseRecord.tasks.filter((t) => t.status === 'open');
}

function taskLine(caseRecord: Case, task: Task): TaskLine {
  return { caseId: caseRecord.id, clientName: caseRecord.client.name, description: task.description, dueDate: task.dueDate, owner: task.owner };
}

/** Asked before `before` and not heard from since. */
function unanswered(task: Task, before: number): boolean {
  if (task.owner !== 'client' || !task.lastPromptedAt) return false;
  const asked = Date.parse(task.lastPromptedAt);
  return asked <= before && !task.progress.some((p) => p.source === 'client' && Date.parse(p.at) >= asked);
}
