// The task and progress forms the case card opens in place (caseForms.ts): each runs its
// dialog's command once, the dialog taking every answer from the form.
import { formatDate, localDate } from '../../src/domain/dates.js';
import { t } from '../../src/i18n/catalog.js';
import type { CaseForm } from './caseForms.js';
import { progressFormInputs, taskFormInputs } from './taskCards.js';

export const TASK_FORM: CaseForm = {
  id: 'task',
  title: (lang) => t(lang, 'tasks.formTaskTitle'),
  applies: (record) => record.status === 'open',
  body: (lang, record, timeZone, now) =>
    taskFormInputs(lang, {
      caseId: record.id,
      goals: record.goals.filter((goal) => goal.status === 'active').map(({ id, text }) => ({ id, text })),
      today: localDate(now, timeZone),
    }),
  command: (record) => `tarea ${record.id}`,
};

export const PROGRESS_FORM: CaseForm = {
  id: 'progress',
  title: (lang) => t(lang, 'tasks.formProgressTitle'),
  applies: (record) => record.status === 'open' && record.tasks.some((task) => task.status === 'open'),
  body: (lang, record) =>
    progressFormInputs(lang, {
      caseId: record.id,
      tasks: record.tasks
        .filter((task) => task.status === 'open')
        .map((task) => ({ id: task.id, label: t(lang, 'tasks.taskChoice', { text: task.description, due: formatDate(task.dueDate, lang) }) })),
    }),
  command: (record) => `avance ${record.id}`,
};
