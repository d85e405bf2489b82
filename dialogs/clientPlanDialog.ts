// A client's own goals and tasks, in plain language: no notes, no assessment detail. Each
// goal comes with its tasks below it as a short list.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { BaseDialog } from './baseDialog.js';
import { dateText, list, paragraphs } from './render.js';
import type { ClientView } from '../src/domain/access.js';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { attachment } from './cards/elements.js';
import { clientPlanCard, type PlanGroup } from './cards/clientCards.js';
import { showsCards } from './prompts.js';

/** Room for the plan's card within Teams' 28 KB message, with the activity around it. */
const CARD_BYTES = 24 * 1024;

export const CLIENT_PLAN_DIALOG = 'clientPlan';

export class ClientPlanDialog extends BaseDialog {
  constructor() {
    super(CLIENT_PLAN_DIALOG, 'client.help', 'client.help', [(step) => this.show(step)]);
  }

  private async show(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    if (actor.kind !== 'client') return step.endDialog();
    const plan = await services.clients.plan(actor);
    if (!plan) return step.endDialog();
    const goals = plan.goals.filter((g) => g.status !== 'dropped');
    if (goals.length === 0 && plan.tasks.length === 0) {
      await say(step.context, 'client.planEmpty');
      return step.endDialog();
    }
    const groups: PlanGroup[] = goals.map((goal) => ({
      title: text(step.context, 'client.goalLine', { text: goal.text, deadline: dateText(step.context, goal.deadline) }),
      tasks: plan.tasks.filter((t) => t.goalId === goal.id).map((t) => taskLine(step.context, t)),
    }));
    const loose = plan.tasks.filter((t) => !t.goalId || !goals.some((g) => g.id === t.goalId));
    if (loose.length > 0) groups.push({ title: text(step.context, 'client.otherTasks'), tasks: loose.map((t) => taskLine(step.context, t)) });
    const header = text(step.context, 'client.planHeader');
    const plain = paragraphs([header, ...groups.flatMap((group) => [group.title, list(group.tasks)])]);
    const planCard = clientPlanCard(header, groups);
    // A plan whose card would not fit a Teams message goes as text, lighter than its card.
    const fits = Buffer.byteLength(JSON.stringify(planCard), 'utf8') < CARD_BYTES;
    await step.context.sendActivity(showsCards(step.context) && fits ? { type: ActivityTypes.Message, attachments: [attachment(planCard)] } : plain);
    return step.endDialog();
  }
}

function taskLine(context: TurnContext, task: ClientView['tasks'][number]): string {
  if (task.status === 'done') return text(context, 'client.taskDone', { text: task.description });
  const who =
    task.owner === 'worker'
      ? text(context, 'client.taskByWorker')
      : task.owner === 'professional'
        ? text(context, 'client.taskByOther', { name: task.ownerName ?? '' })
        : '';
  return text(context, 'client.taskLine', { text: task.description, due: dateText(context, task.dueDate), who });
}
