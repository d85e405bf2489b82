// Which of a client's tasks are waiting for their answer: a check-in prompt reached them
// and they have not told how it went since. Their next message answers it.
import type { Case, Task } from './schemas.js';

/** The client's own open tasks, the soonest due first. */
export function clientTasksDue(caseRecord: Pick<Case, 'tasks'>): Task[] {
  return caseRecord.tasks
    .filter((task) => task.status === 'open' && task.owner === 'client')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** Whether a prompt about the task reached the client after its last progress entry. */
export function awaitingAnswer(task: Pick<Task, 'lastPromptedAt' | 'progress'>): boolean {
  if (task.lastPromptedAt === undefined) return false;
  const prompted = Date.parse(task.lastPromptedAt);
  return task.progress.every((entry) => Date.parse(entry.at) < prompted);
}

/** The tasks whose prompt the client has not answered yet, in the order `clientTasksDue` gives. */
export function tasksAwaitingAnswer(caseRecord: Pick<Case, 'status' | 'tasks'>): Task[] {
  if (caseRecord.status !== 'open') return [];
  return clientTasksDue(caseRecord).filter(awaitingAnswer);
}
