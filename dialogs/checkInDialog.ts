// The client tells how one of their tasks is going (SPEC §2 step 6, §4 task check-in): how
// it went in plain words mapped to the achievement scale, what got in the way, and whether
// they want help. Started from the menu (`tareas`: their due tasks in plain words), or by
// their reply to a check-in prompt, which is read as the first answer. The client service
// reads and writes only the client's own case.
import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import type { ClientTask } from '../src/app/clientService.js';
import { say, session, text } from '../src/bot/session.js';
import { addDays, formatDate, localDate } from '../src/domain/dates.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import type { Achievement } from '../src/domain/schemas.js';
import { BaseDialog } from './baseDialog.js';
import { ratingOf } from './choices.js';
import { howChoices, ratingInReply, ratingSpec } from './checkInWords.js';
import { clientChoiceCard, clientWordsCard } from './cards/clientCards.js';
import { parseChoice, type Choice } from './input.js';
import { answer, ask, vals } from './prompts.js';

export const CHECK_IN_DIALOG = 'checkIn';

export interface CheckInOptions {
  /** The tasks whose check-in prompt the client is answering; one of them when several. */
  awaiting?: string[];
  /** The client's message that answers the prompt, read as the first answer. */
  firstReply?: string;
}

type TaskRef = Pick<ClientTask, 'id' | 'description'>;

export class CheckInDialog extends BaseDialog {
  constructor() {
    super(CHECK_IN_DIALOG, 'clientCheckIn.help', 'clientCheckIn.help', [
      (step) => this.askTask(step),
      (step) => this.askHow(step),
      (step) => this.askObstacles(step),
      (step) => this.askNeedsHelp(step),
      (step) => this.askHelpWhat(step),
      (step) => this.save(step),
    ]);
  }

  private async askTask(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    if (actor.kind !== 'client') return step.endDialog();
    let tasks: ClientTask[] | undefined;
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
    const options = (step.options ?? {}) as CheckInOptions;
    const awaiting = tasks.filter((task) => options.awaiting?.includes(task.id));
    const offered = awaiting.length > 0 ? awaiting : tasks;
    vals(step).tasks = offered.map(({ id, description }) => ({ id, description }));
    vals(step).firstReply = options.firstReply;
    if (offered.length === 1) {
      vals(step).taskId = offered[0]!.id;
      if (awaiting.length === 0) await say(step.context, 'clientCheckIn.oneTask', { text: offered[0]!.description });
      return step.next();
    }
    const choices = taskChoices(step.context, offered);
    // A reply naming one of the prompted tasks picks it; anything else is asked again.
    const picked = options.firstReply === undefined ? undefined : parseChoice(options.firstReply, choices);
    vals(step).firstReply = undefined;
    if (picked) {
      vals(step).taskId = picked.value;
      return step.next();
    }
    const question = `${text(step.context, 'clientCheckIn.listHeader')} ${text(step.context, 'clientCheckIn.askWhich')}`;
    return ask(
      step,
      question,
      { kind: 'choice', choices },
      {
        card: (token) =>
          clientChoiceCard(
            question,
            choices.map((c) => c.label),
            token,
          ),
      },
    );
  }

  private async askHow(step: WaterfallStepContext) {
    vals(step).taskId ??= answer<string>(step);
    const first = vals(step).firstReply as string | undefined;
    const rating = first === undefined ? undefined : ratingInReply(first, session(step.context).lang);
    if (rating !== undefined) {
      vals(step).rating = rating;
      return step.next();
    }
    const task = (vals(step).tasks as TaskRef[]).find((t) => t.id === vals(step).taskId)!;
    const { lang } = session(step.context);
    const question = text(step.context, 'clientCheckIn.askHow', { text: task.description });
    const answers = howChoices(lang).map((c) => c.label);
    return ask(step, question, ratingSpec(lang), { card: (token) => clientChoiceCard(question, answers, token) });
  }

  private async askObstacles(step: WaterfallStepContext) {
    vals(step).rating ??= ratingOf(answer<string>(step));
    const question = text(step.context, 'clientCheckIn.askObstacles');
    const { lang } = session(step.context);
    return ask(step, question, { kind: 'text', optional: true, maxLength: 1000 }, { card: (token) => clientWordsCard(lang, question, token) });
  }

  private async askNeedsHelp(step: WaterfallStepContext) {
    vals(step).obstacles = answer<string>(step);
    const question = text(step.context, 'clientCheckIn.askNeedsHelp');
    const answers = [text(step.context, 'common.yes'), text(step.context, 'common.no')];
    return ask(step, question, { kind: 'yesNo' }, { card: (token) => clientChoiceCard(question, answers, token) });
  }

  /** The worker is told in the client's own words: asked for when no obstacle was told. */
  private async askHelpWhat(step: WaterfallStepContext) {
    vals(step).needsHelp = answer<boolean>(step);
    if (!vals(step).needsHelp || vals(step).obstacles) return step.next();
    vals(step).askedHelpWhat = true;
    return ask(step, text(step.context, 'clientCheckIn.askHelpWhat'), { kind: 'text', optional: true, maxLength: 1000 });
  }

  private async save(step: WaterfallStepContext) {
    if (vals(step).askedHelpWhat) vals(step).obstacles = answer<string>(step);
    const { actor, services } = session(step.context);
    if (actor.kind !== 'client') return step.endDialog();
    const { taskId, rating, obstacles, needsHelp } = vals(step) as { taskId: string; rating: Achievement; obstacles?: string; needsHelp: boolean };
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
    // The request is stored and its notice scheduled: a round now tells the worker at once,
    // and should it fail, the next regular round sends it.
    if (needsHelp) await services.followUps.nudge().catch(() => undefined);
    return step.endDialog();
  }
}

function taskChoices(context: TurnContext, tasks: readonly ClientTask[]): Choice[] {
  return tasks.map((task) => ({
    value: task.id,
    label: text(context, 'clientCheckIn.listLine', { text: task.description.replace(/[.\s]+$/, ''), when: dueText(context, task.dueDate) }),
    words: [task.id, task.description],
  }));
}

/** When a task is due, in warm words: today, tomorrow, a date, or a date gone by (no blame). */
function dueText(context: TurnContext, dueDate: string): string {
  const { lang, services, timeZone } = session(context);
  const today = localDate(services.now(), timeZone);
  if (dueDate === today) return text(context, 'clientCheckIn.dueToday');
  if (dueDate === addDays(today, 1)) return text(context, 'clientCheckIn.dueTomorrow');
  const date = formatDate(dueDate, lang);
  return text(context, dueDate < today ? 'clientCheckIn.duePast' : 'clientCheckIn.dueOn', { date });
}
