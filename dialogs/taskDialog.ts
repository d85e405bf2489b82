// A Task-Centered Model task (SPEC §2 step 4): what, owner, due date, anticipated
// obstacles, check-in cadence and the client's explicit commitment. Saved only once the
// client commits. Also the helpers the other task dialogs share.
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { CaseAccessError } from '../src/app/caseService.js';
import { say, session, text } from '../src/bot/session.js';
import { DomainError, CaseClosedError, type ValidationIssue } from '../src/domain/errors.js';
import { localDate } from '../src/domain/dates.js';
import { newId } from '../src/domain/ids.js';
import type { Case, Task } from '../src/domain/schemas.js';
import { MAX_CHECK_IN_DAYS, DEFAULT_CONTRACT_LIMITS, needsNewContract, validateTask, type TaskInput } from '../src/domain/tasks.js';
import { allMessages, matchesWord, type MessageKey } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { catalogChoices, labelOf } from './choices.js';
import { DATE_INPUT_DIALOG, DateInputDialog, type DateInputOptions, type DateWithTime } from './dateInputDialog.js';
import { linesOf, readTaskLine, taggedLine } from './intents.js';
import { parseYesNo, type Choice } from './input.js';
import { PLAIN_WORDS_DIALOG, PlainWordsDialog, type PlainWordsOptions } from './plainWordsDialog.js';
import { answer, ask, createInputPrompt, vals } from './prompts.js';
import { dateText } from './render.js';
import { formGives } from './cards/submit.js';
import { taskFormCard, type TaskFormFacts } from './cards/taskCards.js';

export const TASK_DIALOG = 'task';
const OBSTACLES_DIALOG = `${TASK_DIALOG}.obstacles`;
// Practice default for task check-ins; belongs in src/domain/config.ts once it has one.
const NO_GOAL = 'none';

type Obstacle = Task['obstacles'][number];
interface TaskOptions extends CasePickerOptions {
  /** Asked again after "sin objetivo": the task is for no goal. */
  noGoal?: boolean;
}

export class TaskDialog extends BaseDialog {
  constructor() {
    super(TASK_DIALOG, 'tasks.taskName', 'tasks.taskHelp', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions),
      (step) => this.askGoal(step),
      (step) => this.askWhat(step),
      (step) => this.readTaskLine(step),
      (step) => this.askOwner(step),
      (step) => this.askOwnerName(step),
      (step) => this.askDueDate(step),
      (step) => this.askObstacles(step),
      (step) => this.askCheckIn(step),
      (step) => this.askCommitment(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
    this.addDialog(new DateInputDialog());
    this.addDialog(new CommitmentDialog());
    this.addDialog(new PlainWordsDialog());
    this.addDialog(
      new WaterfallDialog(OBSTACLES_DIALOG, [(step) => this.askObstacle(step), (step) => this.askObstacleKind(step), (step) => this.nextObstacle(step)]),
    );
  }

  private async askGoal(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services, lang, timeZone } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'task.read');
    vals(step).caseId = caseId;
    const contract = record.contract;
    if (contract && needsNewContract(contract, localDate(services.now(), timeZone), services.config.taskCentered.warnAfterWeeks)) {
      await say(step.context, 'tasks.needsNewContract', {
        start: dateText(step.context, contract.startDate),
        max: services.config.taskCentered.warnAfterWeeks,
      });
    }
    const goals = record.goals.filter((g) => g.status === 'active');
    // Where cards are shown, the whole task comes on one form at the first question.
    vals(step).form = {
      caseId,
      goals: (step.options as TaskOptions).noGoal ? [] : goals.map(({ id, text }) => ({ id, text })),
      today: localDate(services.now(), timeZone),
    } satisfies TaskFormFacts;
    if (goals.length === 0 || (step.options as TaskOptions).noGoal) return step.next();
    // One goal only: the task is for it, and the next question says so.
    if (goals.length === 1) {
      vals(step).goalId = goals[0]!.id;
      vals(step).onlyGoal = goals[0]!.text;
      return step.next();
    }
    vals(step).askedGoal = true;
    const choices: Choice[] = [
      ...goals.map((g) => ({ value: g.id, label: g.text, words: [g.id] })),
      ...catalogChoices(lang, [[NO_GOAL, 'tasks.goalNone', 'tasks.goalNoneWords']]),
    ];
    vals(step).goalChoices = choices;
    return ask(
      step,
      text(step.context, 'tasks.askGoal'),
      { kind: 'choice', choices },
      { field: 'goal', card: (token) => taskFormCard(lang, token, vals(step).form, 'goal') },
    );
  }

  private async askWhat(step: WaterfallStepContext) {
    if (vals(step).askedGoal) {
      const goal = answer<string>(step);
      if (goal !== NO_GOAL) vals(step).goalId = goal;
    }
    const forGoal = vals(step).onlyGoal ? `${text(step.context, 'tasks.forOnlyGoal', { goal: vals(step).onlyGoal })}\n` : '';
    const { lang } = session(step.context);
    // The form was shown already when the goal was asked.
    const form = vals(step).askedGoal ? undefined : (token: string) => taskFormCard(lang, token, vals(step).form, 'what');
    return ask(step, `${forGoal}${text(step.context, 'tasks.askWhat')}`, { kind: 'text', maxLength: 1000 }, { field: 'what', ...(form && { card: form }) });
  }

  /** "Pedir cita en la Oficina de Vivienda, yo, para el 13/03": who and when are not asked again. */
  private async readTaskLine(step: WaterfallStepContext) {
    // "sin objetivo" instead of the task: not for the only goal after all; asked again without it.
    if (vals(step).onlyGoal && matchesWord(answer<string>(step), 'tasks.goalNoneWords')) {
      return step.replaceDialog(`${TASK_DIALOG}.steps`, { caseId: vals(step).caseId, noGoal: true } satisfies TaskOptions);
    }
    const { services, lang, timeZone } = session(step.context);
    const line = readTaskLine(answer<string>(step), ownerChoices(step.context), lang, timeZone, services.now());
    const today = localDate(services.now(), timeZone);
    Object.assign(vals(step), { owner: line.owner, dueDate: line.dueDate && line.dueDate >= today ? line.dueDate : undefined });
    // The client reads the task: a text that reads hard is offered for plainer words.
    return step.beginDialog(PLAIN_WORDS_DIALOG, { text: line.description, maxLength: 1000 } satisfies PlainWordsOptions);
  }

  private async askOwner(step: WaterfallStepContext) {
    vals(step).description = step.result as string;
    if (vals(step).owner) return step.next();
    return ask(step, text(step.context, 'tasks.askOwner'), { kind: 'choice', choices: ownerChoices(step.context) }, { field: 'owner' });
  }

  private async askOwnerName(step: WaterfallStepContext) {
    vals(step).owner ??= answer<string>(step);
    if (vals(step).owner !== 'professional') return step.next();
    return ask(step, text(step.context, 'tasks.askOwnerName'), { kind: 'text', maxLength: 200 }, { field: 'ownerName' });
  }

  private async askDueDate(step: WaterfallStepContext) {
    if (vals(step).owner === 'professional') vals(step).ownerName = answer<string>(step);
    if (vals(step).dueDate) return step.next({ date: vals(step).dueDate } satisfies DateWithTime);
    const options: DateInputOptions = { questionKey: 'tasks.askDueDate', allow: 'future', withTime: true, field: 'dueDate' };
    return step.beginDialog(DATE_INPUT_DIALOG, options);
  }

  private async askObstacles(step: WaterfallStepContext) {
    ({ date: vals(step).dueDate, time: vals(step).dueTime } = step.result as DateWithTime);
    return step.beginDialog(OBSTACLES_DIALOG, { obstacles: [] });
  }

  private async askObstacle(step: WaterfallStepContext) {
    // A form holds one obstacle: once it is taken, no other is asked for.
    vals(step).fromForm = formGives(step.context, 'obstacle');
    const question = text(step.context, 'tasks.askObstacle', { n: obstaclesSoFar(step).length + 1 });
    return ask(step, question, { kind: 'text', optional: true, maxLength: 500 }, { field: 'obstacle' });
  }

  private async askObstacleKind(step: WaterfallStepContext) {
    const obstacle = answer<string>(step);
    if (!obstacle) return step.endDialog(obstaclesSoFar(step));
    // Several at once, each with its kind in brackets: "Se agobia con los trámites (interno)".
    const lines = linesOf(obstacle).map((line) => taggedLine(line, obstacleKindChoices(step.context)));
    if (lines.every((l) => l.value)) {
      const typed = lines.map((l) => ({ text: l.text, kind: l.value as Obstacle['kind'] }));
      return step.endDialog([...obstaclesSoFar(step), ...typed]);
    }
    if (lines.length > 1) {
      await say(step.context, 'tasks.obstacleKindsNeeded');
      return step.replaceDialog(OBSTACLES_DIALOG, step.options);
    }
    vals(step).obstacle = obstacle;
    return ask(step, text(step.context, 'tasks.askObstacleKind'), { kind: 'choice', choices: obstacleKindChoices(step.context) }, { field: 'obstacleKind' });
  }

  private async nextObstacle(step: WaterfallStepContext) {
    const obstacle: Obstacle = { text: vals(step).obstacle, kind: answer<Obstacle['kind']>(step) };
    if (vals(step).fromForm) return step.endDialog([...obstaclesSoFar(step), obstacle]);
    return step.replaceDialog(OBSTACLES_DIALOG, { obstacles: [...obstaclesSoFar(step), obstacle] });
  }

  /** The practice's check-in cadence, shown in the summary, where another number changes it. */
  private async askCheckIn(step: WaterfallStepContext) {
    vals(step).obstacles = step.result as Obstacle[];
    return step.next(session(step.context).services.config.taskCentered.checkInEveryDays);
  }

  private async askCommitment(step: WaterfallStepContext) {
    vals(step).checkInEveryDays = step.result as number;
    const { actor, services, timeZone } = session(step.context);
    const record = await services.cases.read(actor, vals(step).caseId, 'task.read');
    const commitment = { at: services.now().toISOString(), confirmedBy: actor.id };
    const validation = validateTask({ ...taskInput(step), commitment }, localDate(services.now(), timeZone), record.contract);
    if (!validation.ok) {
      await sayIssues(step.context, validation.errors);
      await say(step.context, 'tasks.taskNotSaved');
      return step.endDialog();
    }
    const ownTask = vals(step).owner === 'worker';
    const warnings = validation.warnings.map((i) =>
      issueText(step.context, i.code, { end: record.contract ? dateText(step.context, record.contract.endDate) : '' }),
    );
    const options: CommitmentOptions = {
      summary: this.summaryParams(step, record),
      warnings: [...new Set(warnings)],
      ownTask,
      days: vals(step).checkInEveryDays,
    };
    return step.beginDialog(COMMITMENT_DIALOG, options);
  }

  private summaryParams(step: WaterfallStepContext, record: Case): Record<string, string> {
    const v = vals(step);
    const obstacles = (v.obstacles as Obstacle[])
      .map((o) => text(step.context, 'tasks.obstacleLine', { text: o.text, kind: labelOf(obstacleKindChoices(step.context), o.kind) }))
      .join('; ');
    return {
      what: v.description,
      goal: record.goals.find((g) => g.id === v.goalId)?.text ?? text(step.context, 'tasks.goalNone'),
      owner: ownerText(step.context, v.owner, v.ownerName),
      due: dateText(step.context, v.dueDate, v.dueTime),
      obstacles: obstacles || text(step.context, 'tasks.none'),
    };
  }

  private async save(step: WaterfallStepContext) {
    const { committed, days } = step.result as { committed: boolean; days: number };
    vals(step).checkInEveryDays = days;
    if (!committed) {
      await say(step.context, vals(step).owner === 'worker' ? 'tasks.taskNotSaved' : 'tasks.notCommitted');
      return step.endDialog();
    }
    const { actor, services } = session(step.context);
    const caseId = vals(step).caseId as string;
    const now = services.now().toISOString();
    const input = taskInput(step);
    const task: Task = {
      id: newId('T'),
      ...(vals(step).goalId ? { goalId: vals(step).goalId as string } : {}),
      description: input.description,
      owner: input.owner as Task['owner'],
      ...(input.owner === 'professional' ? { ownerName: input.ownerName } : {}),
      dueDate: input.dueDate,
      ...(vals(step).dueTime ? { dueTime: vals(step).dueTime as string } : {}),
      obstacles: vals(step).obstacles as Obstacle[],
      checkInEveryDays: input.checkInEveryDays,
      commitment: { at: now, confirmedBy: actor.id },
      status: 'open',
      progress: [],
      createdAt: now,
      createdBy: actor.id,
    };
    try {
      await services.cases.change(actor, caseId, 'task.create', (current) => ({ ...current, tasks: [...current.tasks, task] }));
    } catch (error) {
      await sayChangeRefused(step.context, error, caseId);
      return step.endDialog();
    }
    if (task.owner === 'worker') await say(step.context, 'tasks.taskSavedOwn', { taskId: task.id, caseId });
    else await say(step.context, 'tasks.taskSaved', { taskId: task.id, caseId, days: task.checkInEveryDays });
    return step.endDialog(task.id);
  }
}

function taskInput(step: WaterfallStepContext): TaskInput {
  const v = vals(step);
  return {
    description: v.description,
    owner: v.owner,
    ownerName: v.ownerName,
    dueDate: v.dueDate,
    obstacles: v.obstacles,
    checkInEveryDays: v.checkInEveryDays,
  };
}

function obstaclesSoFar(step: WaterfallStepContext): Obstacle[] {
  return (step.options as { obstacles: Obstacle[] }).obstacles;
}

function ownerChoices(context: TurnContext): Choice[] {
  return catalogChoices(session(context).lang, [
    ['client', 'tasks.ownerClient', 'tasks.ownerWords_client'],
    ['worker', 'tasks.ownerWorker', 'tasks.ownerWords_worker'],
    ['professional', 'tasks.ownerProfessional', 'tasks.ownerWords_professional'],
  ]);
}

function ownerText(context: TurnContext, owner: string, ownerName: string | undefined): string {
  if (owner === 'professional') return text(context, 'tasks.ownerProfessionalNamed', { name: ownerName ?? '' });
  return labelOf(ownerChoices(context), owner);
}

function obstacleKindChoices(context: TurnContext): Choice[] {
  return catalogChoices(session(context).lang, [
    ['internal', 'tasks.obstacleInternal', 'tasks.obstacleWords_internal'],
    ['external', 'tasks.obstacleExternal', 'tasks.obstacleWords_external'],
  ]);
}

// ---- shared by the task dialogs -----------------------------------------------------

/** The catalog message for a validation or DomainError code of src/domain/tasks.ts. */
export function issueText(context: TurnContext, code: string, params: Record<string, string | number> = {}): string {
  const { services } = session(context);
  const key = `tasks.issue_${code}`;
  const known = allMessages().es.has(key);
  return text(context, known ? (key as MessageKey) : 'tasks.issue_unknown', {
    max: services.config.taskCentered.maxWeeks,
    min: services.config.taskCentered.minWeeks,
    maxSessions: DEFAULT_CONTRACT_LIMITS.maxSessions,
    maxCheckIn: MAX_CHECK_IN_DAYS,
    ...params,
  });
}

export async function sayIssues(context: TurnContext, issues: readonly ValidationIssue[], params: Record<string, string | number> = {}): Promise<void> {
  const lines = [...new Set(issues.map((i) => issueText(context, i.code, params)))];
  if (lines.length > 0) await context.sendActivity(lines.join('\n'));
}

/** Says why a change was refused (closed case, no access, a domain rule); rethrows anything else. */
export async function sayChangeRefused(context: TurnContext, error: unknown, caseId: string): Promise<void> {
  if (error instanceof CaseClosedError) return say(context, 'common.caseClosed', { caseId });
  if (error instanceof CaseAccessError) return say(context, 'common.caseNotFound', { caseId });
  if (error instanceof DomainError) {
    await context.sendActivity(issueText(context, error.code));
    return;
  }
  throw error;
}

const COMMITMENT_DIALOG = 'tasks.commitment';

interface CommitmentOptions {
  summary: Record<string, string>;
  warnings: string[];
  ownTask: boolean;
  days: number;
}

/**
 * The task's summary and the client's commitment (or, for the worker's own task, the
 * confirmation). A number instead changes the check-in cadence and shows the summary again.
 */
class CommitmentDialog extends ComponentDialog {
  constructor() {
    super(COMMITMENT_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(new WaterfallDialog(`${COMMITMENT_DIALOG}.steps`, [(step) => this.show(step), (step) => this.read(step)]));
    this.initialDialogId = `${COMMITMENT_DIALOG}.steps`;
  }

  private async show(step: WaterfallStepContext) {
    const { summary, warnings, ownTask, days } = step.options as CommitmentOptions;
    const lines = [text(step.context, ownTask ? 'tasks.taskSummaryOwn' : 'tasks.taskSummary', { ...summary, days }), ...warnings];
    await step.context.sendActivity(lines.join('\n'));
    return ask(step, text(step.context, ownTask ? 'tasks.askConfirmTask' : 'tasks.askCommitment'), { kind: 'text', maxLength: 100 }, { field: 'confirm' });
  }

  private async read(step: WaterfallStepContext) {
    const options = step.options as CommitmentOptions;
    const typed = answer<string>(step);
    const committed = parseYesNo(typed);
    if (committed !== undefined) return step.endDialog({ committed, days: options.days });
    const days = options.ownTask ? undefined : daysIn(typed);
    if (days !== undefined && days >= 1 && days <= MAX_CHECK_IN_DAYS) return step.replaceDialog(COMMITMENT_DIALOG, { ...options, days });
    await say(step.context, options.ownTask ? 'common.errorYesNo' : 'tasks.errorCommitment', { max: MAX_CHECK_IN_DAYS });
    return step.replaceDialog(COMMITMENT_DIALOG, options);
  }
}

/** "10", "cada 10 días", "every 10 days". */
function daysIn(typed: string): number | undefined {
  const match = /^(?:\p{L}+\s+)?(\d{1,3})(?:\s+\p{L}+)?$/u.exec(typed.trim());
  return match ? Number(match[1]) : undefined;
}
