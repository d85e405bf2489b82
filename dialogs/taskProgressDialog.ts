// A worker's progress entry on a task (SPEC §2 step 6): a rating on the 4-point achievement
// scale or "no opportunity", with obstacles. Two low ratings in a row leave an alert for the
// supervisor on the case.
import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { numberFormat } from '../src/domain/formatters.js';
import type { Language, Progress, Task } from '../src/domain/schemas.js';
import { averageAchievement, numericRatings, recordProgress, taskStatusAfterRating, type ProgressOutcome } from '../src/domain/tasks.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { catalogChoices, labelOf, ratingOf } from './choices.js';
import { CHOICE_AND_MORE_DIALOG, ChoiceAndMoreDialog, type ChoiceAndMore, type ChoiceAndMoreOptions } from './choiceAndMore.js';
import { isSkip, type Choice } from './input.js';
import { listNumberIn, type CommandOptions, type Request } from './intents.js';
import { answer, ask, vals } from './prompts.js';
import { dateText } from './render.js';
import { ratingText } from './caseDetails.js';
import { sayChangeRefused } from './taskDialog.js';
import { progressFormCard } from './cards/taskCards.js';

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
    this.addDialog(new ChoiceAndMoreDialog());
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
    // "avance tarea 2": the task named by its number in this list.
    const { request } = step.options as CommandOptions;
    const number = request ? listNumberIn(request.rest) : undefined;
    const named = number !== undefined ? open[number - 1] : undefined;
    if (named) {
      vals(step).taskId = named.id;
      return step.next();
    }
    const choices: Choice[] = open.map((t) => ({ value: t.id, label: taskChoiceLabel(step.context, t), words: [t.id] }));
    // Where cards are shown, the whole entry comes on one form.
    const form = { caseId, tasks: choices.map((c) => ({ id: c.value, label: c.label })) };
    const { lang } = session(step.context);
    return ask(step, text(step.context, 'tasks.askTask'), { kind: 'choice', choices }, { field: 'task', card: (token) => progressFormCard(lang, token, form) });
  }

  /** The rating may come with the obstacles met: "3, le faltaba una nómina". */
  private async askRating(step: WaterfallStepContext) {
    vals(step).taskId ??= answer<string>(step);
    const options: ChoiceAndMoreOptions = {
      question: text(step.context, 'tasks.askRating'),
      choices: ratingChoices(session(step.context).lang),
      field: 'rating',
    };
    return step.beginDialog(CHOICE_AND_MORE_DIALOG, options);
  }

  private async askObstacles(step: WaterfallStepContext) {
    const { value, rest } = step.result as ChoiceAndMore;
    vals(step).rating = ratingOf(value);
    if (rest) {
      vals(step).obstacles = isSkip(rest) ? '' : rest;
      return step.next();
    }
    return ask(step, text(step.context, 'tasks.askProgressObstacles'), { kind: 'text', optional: true, maxLength: 1000 }, { field: 'obstacles' });
  }

  /** A rating of 4 suggests the task is done; the worker decides. */
  private async askMarkDone(step: WaterfallStepContext) {
    vals(step).obstacles ??= answer<string>(step);
    const task = (vals(step).tasks as Pick<Task, 'id' | 'status'>[]).find((t) => t.id === vals(step).taskId)!;
    if (taskStatusAfterRating(task, vals(step).rating) !== 'done') return step.next();
    vals(step).askedDone = true;
    return ask(step, text(step.context, 'tasks.askMarkDone'), { kind: 'yesNo' }, { field: 'markDone' });
  }

  private async save(step: WaterfallStepContext) {
    const markDone = vals(step).askedDone ? answer<boolean>(step) : false;
    const { actor, services, lang } = session(step.context);
    const caseId = vals(step).caseId as string;
    const entry: Progress = {
      at: services.now().toISOString(),
      rating: vals(step).rating,
      source: 'worker',
      by: actor.id,
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

/** A task in the list to pick from: its due date, and its latest rating with any help request. */
function taskChoiceLabel(context: TurnContext, task: Task): string {
  const params = { text: task.description, due: dateText(context, task.dueDate) };
  const last = [...task.progress].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
  if (!last) return text(context, 'tasks.taskChoice', params);
  const help = last.needsHelp ? text(context, 'tasks.taskChoiceHelp') : '';
  return text(context, 'tasks.taskChoiceRated', { ...params, rating: ratingText(context, last.rating), help });
}

/** In scale order, so that typing a rating's number picks it; "no opportunity" comes last. */
function ratingChoices(lang: Language): Choice[] {
  return catalogChoices(lang, [
    ['1', 'tasks.rating_1'],
    ['2', 'tasks.rating_2'],
    ['3', 'tasks.rating_3'],
    ['4', 'tasks.rating_4'],
    ['noOpportunity', 'tasks.rating_noOpportunity', 'tasks.ratingWords_noOpportunity'],
  ]);
}

function averageText(context: TurnContext, task: Task): string {
  const average = averageAchievement(task);
  if (average === null) return text(context, 'tasks.averageNone');
  const formatted = numberFormat(session(context).lang === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 1 }).format(average);
  return text(context, 'tasks.average', { average: formatted, count: numericRatings(task).length });
}

/** Whether a command's words name a task by its number («avance tarea 2»). */
export function progressRequestUnderstood(request: Request): boolean {
  return listNumberIn(request.rest) !== undefined;
}
