// How replies are laid out, and the case lines and summaries shown to staff.
import type { TurnContext } from 'botbuilder';
import { text, session } from '../src/bot/session.js';
import { reviewOverdue } from '../src/domain/caseload.js';
import { formatDate, formatTime, localDate } from '../src/domain/dates.js';
import type { CaseHeader } from '../src/domain/caseHeader.js';
import type { Alert, Case } from '../src/domain/schemas.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { isActive } from '../src/domain/referrals.js';
import { kindChoices, labelOf, languageChoices, modelChoices, priorityChoices } from './choices.js';

/**
 * Items as a Markdown list, one per line; `depth` indents a list that belongs to the item
 * above it. Teams and the Agents Playground show it as a list, where a single line break
 * in plain text would run the items together.
 */
export function list(items: readonly string[], depth = 0): string {
  return items.map((item) => `${'  '.repeat(depth)}- ${item}`).join('\n');
}

/** The parts of a reply with a blank line between them, the one break Teams always keeps. */
export function paragraphs(parts: readonly (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== '').join('\n\n');
}

export function statusText(context: TurnContext, record: Pick<Case, 'status'>): string {
  return text(context, record.status === 'open' ? 'caseload.statusOpen' : 'caseload.statusClosed');
}

export function intensityText(context: TurnContext, record: Pick<Case, 'intensity'>): string {
  return record.intensity ? text(context, `caseload.intensity_${record.intensity}` as MessageKey) : text(context, 'caseload.intensityNone');
}

export function alertKindText(context: TurnContext, kind: Alert['kind']): string {
  return text(context, `alerts.kind_${kind}` as MessageKey);
}

/** A day, with its time when there is one: «martes, 3 de marzo de 2026, a las 9:00». */
export function dateText(context: TurnContext, date: string | undefined, time?: string): string {
  if (!date) return text(context, 'caseload.noDate');
  const day = formatDate(date, session(context).lang);
  return time ? text(context, 'common.dateAtTime', { date: day, time: formatTime(time) }) : day;
}

/** A closed case has no review due, whatever date it had when it was closed. */
export function reviewText(context: TurnContext, record: Pick<Case, 'status' | 'nextReviewDate'>): string {
  return record.status === 'closed' ? text(context, 'closure.noReviewClosed') : dateText(context, record.nextReviewDate);
}

export function caseLine(context: TurnContext, record: CaseHeader, n: number, workerName?: string): string {
  const { services, timeZone } = session(context);
  const overdue = reviewOverdue(record, localDate(services.now(), timeZone));
  const review = reviewText(context, record) + (overdue ? text(context, 'caseload.overdue') : '');
  const params = {
    n,
    caseId: record.id,
    name: record.client.name,
    status: statusText(context, record),
    intensity: intensityText(context, record),
    review,
    worker: workerName ?? '',
  };
  return text(context, workerName === undefined ? 'caseload.line' : 'caseload.lineTeam', params);
}

export function caseSummary(context: TurnContext, record: Case): string {
  const { lang } = session(context);
  return text(context, 'caseload.summary', {
    caseId: record.id,
    status: statusText(context, record),
    name: record.client.name,
    kind: labelOf(kindChoices(lang), record.client.kind),
    contact: record.client.contact || text(context, 'intake.none'),
    language: labelOf(languageChoices(lang), record.client.language),
    timeZone: record.client.timeZone,
    source: record.referralSource,
    intakeDate: dateText(context, record.intakeDate),
    model: labelOf(modelChoices(lang), record.model),
    priority: labelOf(priorityChoices(lang), record.priority),
    intensity: intensityText(context, record),
    review: reviewText(context, record),
    contactEvery: record.contactEveryDays ? text(context, 'caseload.days', { days: record.contactEveryDays }) : text(context, 'caseload.noDate'),
    consentAt: dateText(context, record.consent.recordedAt.slice(0, 10)),
    messaging: text(context, record.consent.messaging && !record.consent.messagingWithdrawnAt ? 'common.yes' : 'common.no'),
    assessments: record.assessments.length,
    goals: record.goals.filter((g) => g.status === 'active').length,
    tasks: record.tasks.filter((t) => t.status === 'open').length,
    referrals: record.referrals.filter(isActive).length,
    contacts: record.contacts.length,
  });
}
