// The client tells how one of their tasks is going (SPEC §2 step 6, §4 task check-in): how
// it went in plain words mapped to the achievement scale, what got in the way, and whether
// they want help. The client service reads and writes only the client's own case.
import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import type { Achievement, Task } from '../src/domain/schemas.js';
import { BaseDialog } from './baseDialog.js';
import { catalogChoices } from './choices.js';
import type { Choice } from './input.js';
import { answer, ask, vals } from './prompts.js';
import { ratingOf } from './taskProgressDialog.js';

export const CHECK_IN_DIALOG = 'checkIn';

export interface CheckInOptions {
  /** The task a check-in prompt asked about, when the client answers one. */
  taskId?: string;
}

export class CheckInDialog extends BaseDialog {
  constructor() {
    super(CHECK_IN_DIALOG, 'clientCheckIn.help', 'clientCheckIn.help', [
      (step) => this.askTask(step),
      (step) => this.askHow(step),
      (step) => this.askObstacles(step),
      (step) => this.askNeedsHelp(step),
      (step) => this.save(step),
    ]);
  }

  private async askTask(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    if (actor.kind !== 'client') return step.endDialog();
    let tasks: Pick<Task, 'id' | 'description'>[] | undefined;
    try {
      tasks = await services.clients.checkInTasks(actor);
    } catch (error) {
      if (!(error instanceof CaseClosedError)) throw error;
      await say(step.context, 'client.caseClosed');
      return step.endDialog();
    }
    if (!tasks) return step.endDialog();
    if (tasks.length === 0) {
      await say(step.context, 'clientCheckIn.noTasks');
      return step.endDialog();
    }
    vals(step).tasks = tasks.map((t) => ({ id: t.id, description: t.description }));
    const prompted = tasks.find((t) => t.id === (step.options as CheckInOptions | undefined)?.taskId);
    if (prompted || tasks.length === 1) {
      const task = prompted ?? tasks[0]!;
      vals(step).taskId = task.id;
      if (!prompted) await say(step.context, 'clientCheckIn.oneTask', { text: task.description });
      return step.next();
    }
    const choices: Choice[] = tasks.map((t) => ({ value: t.id, label: t.description, words: [t.id] }));
    return ask(step, text(step.context, 'clientCheckIn.askTask'), { kind: 'choice', choices });
  }

  private async askHow(step: WaterfallStepContext) {
    vals(step).taskId ??= answer<string>(step);
    const task = (vals(step).tasks as Pick<Task, 'id' | 'description'>[]).find((t) => t.id === vals(step).taskId)!;
    return ask(step, text(step.context, 'clientCheckIn.askHow', { text: task.description }), { kind: 'choice', choices: howChoices(step.context) });
  }

  private async askObstacles(step: WaterfallStepContext) {
    vals(step).rating = ratingOf(answer<string>(step));
    return ask(step, text(step.context, 'clientCheckIn.askObstacles'), { kind: 'text', optional: true, maxLength: 1000 });
  }

  private async askNeedsHelp(step: WaterfallStepContext) {
    vals(step).obstacles = answer<string>(step);
    return ask(step, text(step.context, 'clientCheckIn.askNeedsHelp'), { kind: 'yesNo' });
  }

  private async save(step: WaterfallStepContext) {
    const needsHelp = answer<boolean>(step);
    const { actor, services } = session(step.context);
    if (actor.kind !== 'client') return step.endDialog();
    const { taskId, rating, obstacles } = vals(step) as { taskId: string; rating: Achievement; obstacles?: string };
    try {
      await services.clients.checkIn(actor, { taskId, rating, obstacles, needsHelp });
    } catch (error) {
      if (error instanceof CaseClosedError) {
        await say(step.context, 'client.caseClosed');
        return step.endDialog();
      }
      if (!(error instanceof DomainError)) throw error;
      await say(step.context, 'clientCheckIn.taskClosed');
      return step.endDialog();
    }
    const thanks = [text(step.context, 'clientCheckIn.thanks')];
    if (needsHelp) thanks.push(text(step.context, 'clientCheckIn.helpComing'));
    await step.context.sendActivity(thanks.join(' '));
    return step.endDialog();
  }
}

/** Plain words for the achievement scale, best first. */
function howChoices(context: TurnContext): Choice[] {
  return catalogChoices(session(context).lang, [
    ['4', 'clientCheckIn.how_4', 'clientCheckIn.howWords_4'],
    ['3', 'clientCheckIn.how_3', 'clientCheckIn.howWords_3'],
    ['2', 'clientCheckIn.how_2', 'clientCheckIn.howWords_2'],
    ['1', 'clientCheckIn.how_1', 'clientCheckIn.howWords_1'],
    ['noOpportunity', 'clientCheckIn.how_noOpportunity', 'clientCheckIn.howWords_noOpportunity'],
  ]);
}
