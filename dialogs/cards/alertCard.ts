// The overdue review alert as a card: each case with its decisions as Universal Actions
// (Action.Execute). The bot answers a press with this card rebuilt, showing the decision, who
// took it and when, with no buttons left for it; a second press finds it decided.
import { daysBetween, formatDate } from '../../src/domain/dates.js';
import type { AlertDecisionChoice, Language } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import { decisionReplyText } from '../alertDecisionReply.js';
import { type AdaptiveCard, type CardElement, actionSet, card, container, execute, facts, heading, submit, textBlock } from './elements.js';

/** The verb every decision on the card carries. */
export const ALERT_DECISION_VERB = 'alertDecision';

/** Cases on one card at most: the card stays well under Teams' 28 KB; the rest go as text. */
export const MOST_ALERTS_ON_CARD = 10;

export type OverdueStatus =
  | { kind: 'open' }
  /** `day`: when, on the reader's calendar, `YYYY-MM-DD`. */
  | { kind: 'decided'; choice: AlertDecisionChoice; who: string; day: string }
  /** The review was held, or the case closed: nothing left to decide. */
  | { kind: 'gone'; note: string }
  /** A change of approach whose questions go on in the chat. */
  | { kind: 'inChat' };

export interface OverdueEntry {
  caseId: string;
  clientName: string;
  workerName?: string;
  reviewDate: string;
  status: OverdueStatus;
  /** Said under the case: why a press changed nothing, say. */
  note?: string;
}

const CHOICES: AlertDecisionChoice[] = ['continue', 'changeApproach', 'close', 'remindWorker'];

/** How the card names its cases, carried by every action so a press can rebuild the whole card. */
export function cardCasesText(entries: readonly Pick<OverdueEntry, 'caseId' | 'reviewDate'>[]): string {
  return entries.map((e) => `${e.caseId}@${e.reviewDate}`).join(' ');
}

export function readCardCases(text: string): { caseId: string; reviewDate: string }[] {
  return text
    .split(/\s+/)
    .map((pair) => /^(C-[A-Z0-9]{6})@(\d{4}-\d{2}-\d{2})$/.exec(pair))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ caseId: m[1]!, reviewDate: m[2]! }));
}

/** `today` is the recipient's calendar day, from which the delay is counted. */
export function overdueAlertCard(lang: Language, entries: readonly OverdueEntry[], today: string): AdaptiveCard {
  const cases = cardCasesText(entries);
  const title = entries.length > 1 ? t(lang, 'alerts.cardTitleMany', { count: entries.length }) : t(lang, 'alerts.cardTitle');
  const body: CardElement[] = [heading(title), ...entries.map((entry, i) => entryPart(lang, entry, today, cases, i > 0))];
  return card(body, [], title);
}

function entryPart(lang: Language, entry: OverdueEntry, today: string, cases: string, separator: boolean): CardElement {
  const days = Math.max(1, daysBetween(entry.reviewDate, today));
  const rows: [string, string][] = [
    [t(lang, 'alerts.cardCase'), t(lang, 'followUps.caseRef', { client: entry.clientName, caseId: entry.caseId })],
    ...(entry.workerName ? [[t(lang, 'alerts.cardWorker'), entry.workerName] as [string, string]] : []),
    [t(lang, 'alerts.cardDue'), formatDate(entry.reviewDate, lang)],
    [t(lang, 'alerts.cardLate'), days === 1 ? t(lang, 'alerts.cardLateOneDay') : t(lang, 'alerts.cardLateDays', { days })],
  ];
  const items: CardElement[] = [facts(rows), ...statusPart(lang, entry, cases)];
  if (entry.note) items.push(textBlock(entry.note, { isSubtle: true }));
  return container(items, { separator });
}

function statusPart(lang: Language, entry: OverdueEntry, cases: string): CardElement[] {
  const { status } = entry;
  if (status.kind === 'decided') {
    const choice = t(lang, `alerts.choice_${status.choice}`);
    return [textBlock(t(lang, 'alerts.cardDecided', { choice, who: status.who, date: formatDate(status.day, lang) }), { weight: 'Bolder', color: 'Good' })];
  }
  if (status.kind === 'gone') return [textBlock(status.note, { weight: 'Bolder' })];
  const buttons = actionSet(
    CHOICES.map((choice) => {
      const title = t(lang, `alerts.cardChoice_${choice}`);
      const command = decisionReplyText(lang, entry.caseId, { reviewDate: entry.reviewDate }, choice);
      // A client too old for Universal Actions sends the same decision as a typed command.
      return { ...execute(title, ALERT_DECISION_VERB, { command, also: { cases } }), fallback: submit(title, { command }) };
    }),
  );
  return status.kind === 'inChat' ? [textBlock(t(lang, 'alerts.cardInChat'), { weight: 'Bolder' }), buttons] : [buttons];
}
