// One message per person from the follow-ups gathered for them, in their language and with
// dates on their calendar: a client's check-in prompt, or a worker's or supervisor's notices.
import { daysBetween, formatDate, localDate } from '../domain/dates.js';
import type { Language } from '../domain/schemas.js';
import { t, type MessageKey, type Params } from '../i18n/catalog.js';
import type { FollowUpItem, WeeklyPlan } from './followUpContent.js';

export interface RenderOptions {
  /** Shown at the top of the person's chat, having not reached them before. */
  readonly pending?: boolean;
  /** Jobs shown apart, on a card of their own: left out of the text. */
  readonly apart?: readonly string[];
}

/** The text of one message carrying `items`; empty when there is nothing to say. */
export function renderFollowUps(all: readonly FollowUpItem[], lang: Language, timeZone: string, options: RenderOptions = {}): string {
  const items = options.apart ? all.filter((item) => !options.apart?.includes(item.jobId)) : all;
  if (items.length === 0) return '';
  if (isForClient(items)) return clientPrompt(items, lang);
  const say = (key: MessageKey, params?: Params) => t(lang, key, params);
  const overdue = items.filter((item) => item.kind === 'overdueReview');
  // A weekly plan with nothing in it says nothing.
  const paragraphs = items
    .filter((item) => item.kind !== 'overdueReview')
    .map((item) => staffLine(item, lang, timeZone))
    .filter(Boolean);
  if (overdue.length > 0) {
    const lines = overdue.map((item) => staffLine(item, lang, timeZone));
    const header = overdue.length > 1 ? [say('followUps.digestHeader', { count: overdue.length })] : [];
    paragraphs.push([...header, ...lines, say('followUps.overdueDecide')].join('\n\n'));
  }
  if (paragraphs.length === 0) return '';
  const intro = options.pending ? [say('followUps.pendingIntro')] : paragraphs.length > 1 ? [say('followUps.many', { count: paragraphs.length })] : [];
  return [...intro, ...paragraphs].join('\n\n');
}

/** Client prompts carry only check-ins; the client is never named to themselves. */
function isForClient(items: readonly FollowUpItem[]): boolean {
  return items.every((item) => item.kind === 'clientCheckIn');
}

/** The tasks a client's check-in prompt asks about; undefined when the items are not a client's prompt. */
export function clientPromptTasks(items: readonly FollowUpItem[]): string[] | undefined {
  if (items.length === 0 || !isForClient(items)) return undefined;
  return [...new Set(items.map((item) => item.task?.description).filter((d): d is string => d !== undefined))];
}

function clientPrompt(items: readonly FollowUpItem[], lang: Language): string {
  const tasks = [...new Set(items.map((item) => item.task?.description).filter((d): d is string => d !== undefined))];
  const answer = t(lang, 'clientFollowUps.howToAnswer');
  if (tasks.length <= 1) return `${t(lang, 'clientFollowUps.checkInOne', { task: tasks[0] ?? '' })} ${answer}`;
  // A blank line around the list: a line right after a list item would read as part of it.
  return [t(lang, 'clientFollowUps.checkInMany'), tasks.map((task) => t(lang, 'clientFollowUps.taskLine', { task })).join('\n'), answer].join('\n\n');
}

function staffLine(item: FollowUpItem, lang: Language, timeZone: string): string {
  const say = (key: MessageKey, params?: Params) => t(lang, key, params);
  const date = (day: string) => formatDate(day, lang);
  const caseRef = say('followUps.caseRef', { client: item.clientName ?? '', caseId: item.caseId ?? '' });
  const common = { case: caseRef, caseId: item.caseId ?? '', task: item.task?.description ?? '', worker: item.workerName ?? '' };
  const today = localDate(new Date(item.dueAt), timeZone);
  switch (item.kind) {
    case 'missedCheckIn':
      return item.task?.lastPromptedAt
        ? say('followUps.missedCheckInAsked', { ...common, date: date(localDate(new Date(item.task.lastPromptedAt), timeZone)) })
        : say('followUps.missedCheckIn', common);
    case 'helpRequest':
      return item.words ? say('followUps.helpRequest', { ...common, words: item.words }) : say('followUps.helpRequestNoWords', common);
    case 'workerTaskDue':
      return say('followUps.workerTaskDue', { ...common, date: date(item.task?.dueDate ?? today) });
    case 'reviewReminder': {
      if (item.reviewDate === today || !item.reviewDate) return say('followUps.reviewReminderToday', common);
      if (item.reviewDate > today) return say('followUps.reviewReminderSoon', { ...common, date: date(item.reviewDate) });
      const days = daysBetween(item.reviewDate, today);
      return say(days === 1 ? 'followUps.reviewReminderOverdueOneDay' : 'followUps.reviewReminderOverdue', { ...common, date: date(item.reviewDate), days });
    }
    case 'overdueReview': {
      const due = item.reviewDate ?? today;
      const days = Math.max(1, daysBetween(due, today));
      return say(days === 1 ? 'followUps.overdueReviewOneDay' : 'followUps.overdueReview', { ...common, date: date(due), days });
    }
    case 'escalation':
      return say('followUps.escalation', { ...common, reason: alertReason(item, lang) });
    case 'supervisorReminder':
      return say('followUps.supervisorReminder', {
        ...common,
        supervisor: item.supervisorName ?? say('followUps.who_staffUnknown'),
        reason: alertReason(item, lang),
      });
    case 'helpUnanswered':
      return item.words ? say('followUps.helpUnanswered', { ...common, words: item.words }) : say('followUps.helpUnansweredNoWords', common);
    case 'caseAssigned':
      return caseAssigned(item, common, lang);
    case 'weeklyPlan':
      return item.plan ? weeklyPlan(item.plan, lang) : '';
    case 'deliveryFailed':
      return failedDelivery(item, common, lang);
    case 'clientCheckIn':
      return say('followUps.missedCheckIn', common);
  }
}

/** To the worker given the case, or to the one it was taken from. */
function caseAssigned(item: FollowUpItem, common: Params, lang: Language): string {
  const a = item.assignment;
  if (!a) return '';
  const who = (name: string | undefined) => name ?? t(lang, 'allocation.someone');
  const params = { ...common, supervisor: who(a.byName), from: who(a.fromName), to: who(a.toName) };
  if (!a.toRecipient) return t(lang, 'allocation.noticeTakenFromYou', params);
  return t(lang, a.fromName ? 'allocation.noticeGivenToYouFrom' : 'allocation.noticeGivenToYou', params);
}

/** Why an alert was raised, in words. */
function alertReason(item: FollowUpItem, lang: Language): string {
  const params = { task: item.task?.description ?? '', date: item.reviewDate ? formatDate(item.reviewDate, lang) : '' };
  return t(lang, item.alertKind ? `followUps.alert_${item.alertKind}` : 'followUps.alert_unknown', params);
}

function weeklyPlan(plan: WeeklyPlan, lang: Language): string {
  const say = (key: MessageKey, params?: Params) => t(lang, key, params);
  const caseRef = (line: { clientName: string; caseId: string }) => say('followUps.caseRef', { client: line.clientName, caseId: line.caseId });
  // Each heading and its list apart, so the next heading is not read as part of the list.
  const section = (heading: MessageKey, items: string[]) => `${say(heading)}\n\n${items.join('\n')}`;
  const lines = [say('followUps.weeklyHeader', { date: formatDate(plan.monday, lang) })];
  if (plan.reviews.length > 0) {
    lines.push(
      section(
        'followUps.weeklyReviews',
        plan.reviews.map((r) => say('followUps.weeklyReview', { date: formatDate(r.date, lang), case: caseRef(r) })),
      ),
    );
  }
  if (plan.tasks.length > 0) {
    lines.push(
      section(
        'followUps.weeklyTasks',
        plan.tasks.map((task) =>
          say('followUps.weeklyTask', {
            date: formatDate(task.dueDate, lang),
            case: caseRef(task),
            task: task.description,
            owner: say(`followUps.owner_${task.owner}`),
          }),
        ),
      ),
    );
  }
  if (plan.silent.length > 0) {
    lines.push(
      section(
        'followUps.weeklySilent',
        plan.silent.map((s) => say('followUps.weeklySilentLine', { case: caseRef(s), task: s.description })),
      ),
    );
  }
  return lines.length === 1 ? '' : lines.join('\n\n');
}

const WHAT: Partial<Record<string, MessageKey>> = {
  clientCheckIn: 'followUps.what_clientCheckIn',
  escalation: 'followUps.what_escalation',
  overdueReview: 'followUps.what_overdueReview',
  supervisorReminder: 'followUps.what_supervisorReminder',
};
const REASONS = ['ConversationBlockedByUser', 'BotNotInConversationRoster', 'MessageWritesBlocked', 'retriesExhausted'] as const;

function failedDelivery(item: FollowUpItem, common: Params, lang: Language): string {
  const say = (key: MessageKey, params?: Params) => t(lang, key, params);
  const failed = item.failed;
  const who =
    !failed || failed.role === 'client'
      ? say('followUps.who_client')
      : failed.name
        ? say('followUps.who_staff', { name: failed.name })
        : say('followUps.who_staffUnknown');
  const reason = REASONS.find((code) => code === failed?.reason) ?? 'retriesExhausted';
  return say('followUps.deliveryFailed', {
    ...common,
    who,
    what: say(WHAT[failed?.kind ?? ''] ?? 'followUps.what_other'),
    reason: say(`followUps.reason_${reason}`),
  });
}
