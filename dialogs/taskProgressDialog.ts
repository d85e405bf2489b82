// A worker's progress entry on a task (SPEC §2 step 6): a rating on the 4-point achievement
// scale or "no opportunity", with obstacles. Two low ratings in a row leave an alert for the
// supervisor on the case. Also the progress rule the client check-in shares.
import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { DomainError } from '../src/domain/errors.js';
import { numberFormat } from '../src/domain/formatters.js';
import { newId } from '../src/domain/ids.js';
import type { Achievement, Case, Language, Progress, Task } from '../src/domain/schemas.js';
import { addProgress, averageAchievement, numericRatings, taskStatusAfterRating, twoLowRatingsInARow } from '../src/domain/tasks.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { catalogChoices, labelOf } from './choices.js';
import type { Choice } from './input.js';
import { answer, ask, vals } from './prompts.js';
import { dateText } from './render.js';
import { sayChangeRefused } from './taskDialog.js';

export const TASK_PROGRESS_DIALOG = 'taskProgress';

export class TaskProgressDialog extends BaseDialog {
  constructor() {
    super(TASK_PROGRESS_DIALOG, 'tasks.progressName', 'tasks.progressHelp', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions),
      (step) => this.askTask(step),
      (step) => this.askRating(step),
      (step) => this.askObstacles(step),
      (step) => this.askMarkDone(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
  }

  private async askTask(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'task.read');
    vals(step).caseId = caseId;
    const open = record.tasks.filter((t) => t.status === 'open');
    if (open.length === 0) {
      await say(step.context, 'tasks.noOpenTasks', { caseId });
      return step.endDialog();
    }
    vals(step).tasks = open.map((t) => ({ id: t.id, description: t.description, status: t.status }));
    const choices: Choice[] = open.map((t) => ({
      value: t.id, label: text(step.context, 'tasks.taskChoice', { text: t.description, due: dateText(step.context, t.dueDate) }), words: [t.id],
    }));
    return ask(step, text(step.context, 'tasks.askTask'), { kind: 'choice', choices });
  }

  private async askRating(step: WaterfallStepContext) {
    vals(step).taskId = answer<string>(step);
    return ask(step, text(step.context, 'tasks.askRating'), { kind: 'choice', choices: ratingChoices(session(step.context).lang) });
  }

  private async askObstacles(step: WaterfallStepContext) {
    vals(step).rating = ratingOf(answer<string>(step));
    return ask(step, text(step.context, 'tasks.askProgressObstacles'), { kind: 'text', optional: true, maxLength: 1000 });
  }

  /** A rating of 4 suggests the task is done; the worker decides. */
  private async askMarkDone(step: WaterfallStepContext) {
    vals(step).obstacles = answer<string>(step);
    const task = (vals(step).tasks as Pick<Task, 'id' | 'status'>[]).find((t) => t.id === vals(step).taskId)!;
    if (taskStatusAfterRating(task, vals(step).rating) !== 'done') return step.next();
    vals(step).askedDone = true;
    return ask(step, text(step.context, 'tasks.askMarkDone'), { kind: 'yesNo' });
  }

  private async save(step: WaterfallStepContext) {
    const markDone = vals(step).askedDone ? answer<boolean>(step) : false;
    const { actor, services, lang } = session(step.context);
    const caseId = vals(step).caseId as string;
    const entry: Progress = {
      at: services.now().toISOString(), rating: vals(step).rating, source: 'worker', by: actor.id,
      ...(vals(step).obstacles ? { obstacles: vals(step).obstacles as string } : {}),
    };
    let outcome: ProgressOutcome | undefined;
    try {
      await services.cases.change(actor, caseId, 'task.progress', (current) => {
        outcome = recordProgress(current, vals(step).taskId, entry, { markDone });
        return outcome.next;
      });
    } catch (error) {
      await sayChangeRefused(step.context, error, caseId);
      return step.endDialog();
    }
    const { task, alerted } = outcome!;
    const lines = [text(step.context, 'tasks.progressSaved', { text: task.description, rating: labelOf(ratingChoices(lang), String(entry.rating)) })];
    if (task.status === 'done') lines.push(text(step.context, 'tasks.taskMarkedDone'));
    lines.push(averageText(step.context, task));
    if (alerted) lines.push(text(step.context, 'tasks.stalledAlert'));
    await step.context.sendActivity(lines.join('\n'));
    return step.endDialog();
  }
}

/** In scale order, so that typing a rating's number picks it; "no opportunity" comes last. */
function ratingChoices(lang: Language): Choice[] {
  return catalogChoices(lang, [
    ['1', 'tasks.rating_1'], ['2', 'tasks.rating_2'], ['3', 'tasks.rating_3'], ['4', 'tasks.rating_4'],
    ['noOpportunity', 'tasks.rating_noOpportunity', 'tasks.ratingWords_noOpportunity'],
  ]);
}

/** A choice value ('1'…'4' or 'noOpportunity') as a rating. */
export function ratingOf(value: string): Achievement {
  return value === 'noOpportunity' ? 'noOpportunity' : Number(value) as Exclude<Achievement, 'noOpportunity'>;
}

function averageText(context: TurnContext, task: Task): string {
  const average = averageAchievement(task);
  if (average === null) return text(context, 'tasks.averageNone');
  const formatted = numberFormat(session(context).lang === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 1 }).format(average);
  return text(context, 'tasks.average', { average: formatted, count: numericRatings(task).length });
}

// ---- shared with the client check-in ------------------------------------------------

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
