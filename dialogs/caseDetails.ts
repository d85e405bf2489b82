// What a case view shows below the summary, as lists: the goals, each open task with what
// the client or the worker said of it (ratings, obstacles, help requests, a question still
// unanswered), the alerts waiting for a decision, and a pause of the client's messages.
import type { TurnContext } from 'botbuilder';
import { session, text } from '../src/bot/session.js';
import { openAlerts } from '../src/domain/alerts.js';
import { awaitingAnswer } from '../src/domain/checkIns.js';
import { caseTimeZone } from '../src/domain/config.js';
import { localDate } from '../src/domain/dates.js';
import { activePause } from '../src/domain/followups/pause.js';
import type { Case, FollowUpPause, Progress, Task } from '../src/domain/schemas.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { alertKindText, dateText, list } from './render.js';

/** Entries shown per task, newest first; older ones are counted. */
const ENTRIES_SHOWN = 3;

/** What a case view shows after the summary, line by line: the text view and the case card lay it out. */
export interface CaseDetailLines {
  goals: string[];
  /** Each open task with what is said of it below. */
  tasks: { line: string; below: string[] }[];
  alerts: string[];
  pause?: string;
}

export function caseDetailLines(context: TurnContext, record: Case): CaseDetailLines {
  const { services, timeZone } = session(context);
  const today = localDate(services.now(), timeZone);
  const goals = record.goals
    .filter((goal) => goal.status !== 'dropped')
    .map((goal) =>
      text(context, 'caseload.goalLine', {
        text: goal.text,
        status: text(context, `review.goalStatus_${goal.status}`),
        deadline: dateText(context, goal.deadline),
      }),
    );
  const tasks = record.tasks.filter((task) => task.status === 'open').map((task) => taskLines(context, record, task));
  const alerts = openAlerts(record, today, services.config).map((alert) =>
    text(context, 'alerts.caseViewLine', { kind: alertKindText(context, alert.kind), since: dateText(context, alert.since) }),
  );
  const paused = activePause(record, services.now());
  const pause =
    paused && record.status === 'open' ? text(context, 'caseload.pausedLine', { reason: paused.reason, until: untilText(context, paused) }) : undefined;
  return { goals, tasks, alerts, ...(pause && { pause }) };
}

/** The parts of the case view after the summary, each a header with its list. */
export function caseDetails(context: TurnContext, record: Case): string[] {
  const { goals, tasks, alerts, pause } = caseDetailLines(context, record);
  const parts: string[] = [];
  if (goals.length > 0) parts.push(`${text(context, 'caseload.goalsHeader')}\n\n${list(goals)}`);
  if (tasks.length > 0)
    parts.push(`${text(context, 'caseload.tasksHeader')}\n\n${tasks.map((task) => `${list([task.line])}\n${list(task.below, 1)}`).join('\n')}`);
  if (alerts.length > 0) parts.push(`${text(context, 'alerts.caseViewHeader')}\n\n${list(alerts)}`);
  if (pause) parts.push(pause);
  return parts;
}

/** A task's line, with its latest ratings and what is pending as the lines below it. */
function taskLines(context: TurnContext, record: Case, task: Task): { line: string; below: string[] } {
  const owner =
    task.owner === 'professional'
      ? text(context, 'caseload.owner_professional', { name: task.ownerName ?? '' })
      : text(context, `caseload.owner_${task.owner}` as MessageKey);
  const below: string[] = [];
  const newestFirst = [...task.progress].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  if (newestFirst.length === 0) below.push(text(context, 'caseload.noRating'));
  for (const entry of newestFirst.slice(0, ENTRIES_SHOWN)) below.push(...entryLines(context, record, entry));
  if (newestFirst.length > ENTRIES_SHOWN) below.push(text(context, 'caseload.olderEntries', { count: newestFirst.length - ENTRIES_SHOWN }));
  if (awaitingAnswer(task)) below.push(text(context, 'caseload.awaitingLine', { date: dayOf(context, record, task.lastPromptedAt!) }));
  return { line: text(context, 'caseload.taskLine', { text: task.description, owner, due: dateText(context, task.dueDate, task.dueTime) }), below };
}

/** One rating with its obstacles; a help request carries the client's own words. */
function entryLines(context: TurnContext, record: Case, entry: Progress): string[] {
  const lines = [
    text(context, 'caseload.answerLine', {
      date: dayOf(context, record, entry.at),
      source: text(context, `caseload.source_${entry.source}`),
      rating: ratingText(context, entry.rating),
    }),
  ];
  if (entry.needsHelp) lines.push(entry.obstacles ? text(context, 'caseload.helpLine', { text: entry.obstacles }) : text(context, 'caseload.helpLineNoWords'));
  else if (entry.obstacles) lines.push(text(context, 'caseload.obstaclesLine', { text: entry.obstacles }));
  return lines;
}

export function ratingText(context: TurnContext, rating: Progress['rating']): string {
  return text(context, `tasks.rating_${rating}`);
}

export function untilText(context: TurnContext, pause: FollowUpPause): string {
  if (pause.until === undefined) return text(context, 'messaging.untilResumed');
  const { timeZone } = session(context);
  return text(context, 'messaging.untilDate', { date: dateText(context, localDate(new Date(pause.until), timeZone)) });
}

/** The calendar day of an instant, in the case's time zone. */
function dayOf(context: TurnContext, record: Case, instant: string): string {
  return dateText(context, localDate(new Date(instant), caseTimeZone(record, session(context).services.config)));
}
