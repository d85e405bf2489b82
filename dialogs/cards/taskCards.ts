// Task-Centered Model steps as form cards (SPEC §2 steps 4 and 6, §6): a task, the contract
// and a progress entry, each saved with one press. Inputs are named by the fields their
// dialogs ask (taskDialog.ts, contractDialog.ts, taskProgressDialog.ts); the same inputs
// serve the forms the case card opens in place (caseForms.ts).
import type { Language } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import { type AdaptiveCard, type CardChoice, type CardElement, card, choiceSet, dateInput, heading, numberInput, submit, textInput } from './elements.js';

/** The value a goal list takes for a task that serves no goal. */
export const NO_GOAL_VALUE = 'none';

export interface TaskFormFacts {
  caseId: string;
  /** The case's active goals; a list to pick from only when there are several. */
  goals: { id: string; text: string }[];
  /** Today in the case worker's time zone (`YYYY-MM-DD`): no task is due before. */
  today: string;
}

export function taskFormInputs(lang: Language, facts: TaskFormFacts): CardElement[] {
  const goals: CardChoice[] = [
    ...facts.goals.map((goal) => ({ title: goal.text, value: goal.id })),
    { title: t(lang, 'tasks.goalNone'), value: NO_GOAL_VALUE },
  ];
  const owners: CardChoice[] = [
    { title: t(lang, 'tasks.ownerClient'), value: 'client' },
    { title: t(lang, 'tasks.ownerWorker'), value: 'worker' },
    { title: t(lang, 'tasks.ownerProfessional'), value: 'professional' },
  ];
  const kinds: CardChoice[] = [
    { title: t(lang, 'tasks.obstacleInternal'), value: 'internal' },
    { title: t(lang, 'tasks.obstacleExternal'), value: 'external' },
  ];
  return [
    ...(facts.goals.length > 1 ? [choiceSet('goal', t(lang, 'tasks.formGoal'), goals, { required: true })] : []),
    textInput('what', t(lang, 'tasks.formWhat'), { maxLength: 1000, multiline: true, required: true }),
    choiceSet('owner', t(lang, 'tasks.formOwner'), owners, { expanded: true, value: 'client', required: true }),
    textInput('ownerName', t(lang, 'tasks.formOwnerName'), { maxLength: 200 }),
    dateInput('dueDate', t(lang, 'tasks.formDueDate'), { min: facts.today, required: true }),
    // Sent empty when left so: no obstacle, not a question to ask.
    textInput('obstacle', t(lang, 'tasks.formObstacle'), { maxLength: 500, value: '' }),
    choiceSet('obstacleKind', t(lang, 'tasks.formObstacleKind'), kinds, { expanded: true, value: 'internal' }),
  ];
}

/** The whole task on one card; «Guardar» answers `first` (the question pending) and commits. */
export function taskFormCard(lang: Language, token: string, facts: TaskFormFacts, first: 'goal' | 'what'): AdaptiveCard {
  const intro = t(lang, 'tasks.formTaskIntro', { caseId: facts.caseId });
  return card([heading(intro), ...taskFormInputs(lang, facts)], [saveAction(lang, token, first)], intro);
}

export interface ProgressFormFacts {
  caseId: string;
  /** The open tasks, as the list to pick from shows them. */
  tasks: { id: string; label: string }[];
}

/** The achievement scale, in scale order (as the typed answer reads numbers). */
function ratingChoices(lang: Language): CardChoice[] {
  return [
    ...(['1', '2', '3', '4'] as const).map((n) => ({ title: `${n}. ${t(lang, `tasks.rating_${n}`)}`, value: n })),
    { title: t(lang, 'tasks.rating_noOpportunity'), value: 'noOpportunity' },
  ];
}

export function progressFormInputs(lang: Language, facts: ProgressFormFacts): CardElement[] {
  const tasks: CardChoice[] = facts.tasks.map((task) => ({ title: task.label, value: task.id }));
  const yesNo = [t(lang, 'common.yes'), t(lang, 'common.no')].map((word) => ({ title: word, value: word }));
  return [
    choiceSet('task', t(lang, 'tasks.formTask'), tasks, { required: true, ...(tasks.length === 1 && { value: tasks[0]!.value }) }),
    choiceSet('rating', t(lang, 'tasks.formRating'), ratingChoices(lang), { expanded: true, required: true }),
    textInput('obstacles', t(lang, 'tasks.formProgressObstacles'), { maxLength: 1000, multiline: true, value: '' }),
    choiceSet('markDone', t(lang, 'tasks.formMarkDone'), yesNo, { expanded: true, value: yesNo[0]!.value }),
  ];
}

export function progressFormCard(lang: Language, token: string, facts: ProgressFormFacts): AdaptiveCard {
  const intro = t(lang, 'tasks.formProgressIntro', { caseId: facts.caseId });
  return card([heading(intro), ...progressFormInputs(lang, facts)], [saveAction(lang, token, 'task')], intro);
}

export interface ContractFormFacts {
  caseId: string;
  maxProblems: number;
  sessions: number;
  maxSessions: number;
  /** The plan's default dates (`YYYY-MM-DD`). */
  startDate: string;
  endDate: string;
}

/** The target problems, the sessions and the plan's dates; «Guardar» answers the first problem question. */
export function contractFormCard(lang: Language, token: string, facts: ContractFormFacts): AdaptiveCard {
  const intro = t(lang, 'tasks.formContractIntro', { caseId: facts.caseId });
  const yesNo = [t(lang, 'common.yes'), t(lang, 'common.no')].map((word) => ({ title: word, value: word }));
  const body = [
    heading(intro),
    textInput('problems', t(lang, 'tasks.formProblems', { max: facts.maxProblems }), { maxLength: 1500, multiline: true, required: true }),
    choiceSet('acknowledged', t(lang, 'tasks.formAcknowledged'), yesNo, { expanded: true, required: true }),
    numberInput('sessions', t(lang, 'tasks.formSessions'), 1, facts.maxSessions, facts.sessions),
    dateInput('startDate', t(lang, 'tasks.formStartDate'), { value: facts.startDate, required: true }),
    dateInput('endDate', t(lang, 'tasks.formEndDate'), { value: facts.endDate, required: true }),
  ];
  return card(body, [saveAction(lang, token, 'problems')], intro);
}

function saveAction(lang: Language, token: string, field: string): CardElement {
  return submit(t(lang, 'cards.save'), { token, field, also: { confirm: t(lang, 'common.yes') } }, 'positive');
}
