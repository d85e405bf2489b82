// A page of the caseload as a card: each case's client, reference, priority and next review
// (an overdue one flagged), with a button that opens its case card; «Más casos» turns the page.
import type { TurnContext } from 'botbuilder';
import { session, text } from '../../src/bot/session.js';
import { reviewOverdue } from '../../src/domain/caseload.js';
import type { CaseHeader } from '../../src/domain/caseHeader.js';
import { t } from '../../src/i18n/catalog.js';
import { labelOf, priorityChoices } from '../choices.js';
import { reviewText } from '../render.js';
import { type AdaptiveCard, type CardElement, actionSet, card, container, heading, submit, textBlock } from './elements.js';

export interface CaseloadPage {
  /** The title: whose cases these are. */
  title: string;
  /** The overview and the page's header, as the text view says them. */
  intro: string[];
  cases: readonly CaseHeader[];
  today: string;
  /** Each case's worker, shown to a supervisor. */
  workerNames?: ReadonlyMap<string, string>;
  /** The pending «más» question, when there is a next page. */
  moreToken?: string;
}

/** The words that open a case, as typed: «ver caso C-ABC234». */
export function viewCaseCommand(context: TurnContext, caseId: string): string {
  const [word] = t(session(context).lang, 'shell.caseSummaryWords').split('|');
  return `${word} ${caseId}`;
}

export function caseloadCard(context: TurnContext, page: CaseloadPage, fallbackText: string): AdaptiveCard {
  const { lang } = session(context);
  const rows: CardElement[] = page.cases.map((record) => {
    const overdue = reviewOverdue(record, page.today);
    const params = {
      name: record.client.name,
      caseId: record.id,
      priority: labelOf(priorityChoices(lang), record.priority),
      review: reviewText(context, record) + (overdue ? text(context, 'caseload.overdue') : ''),
      worker: page.workerNames ? (page.workerNames.get(record.workerId) ?? record.workerId) : '',
    };
    return container(
      [
        textBlock(text(context, page.workerNames ? 'caseload.cardLineTeam' : 'caseload.cardLine', params), overdue ? { color: 'Attention' } : {}),
        actionSet([submit(text(context, 'caseload.cardOpen', { caseId: record.id }), { command: viewCaseCommand(context, record.id) })]),
      ],
      { separator: true },
    );
  });
  const [moreWord] = t(lang, 'caseload.moreWords').split('|');
  const more = page.moreToken ? [submit(text(context, 'caseload.cardMore'), { token: page.moreToken, answer: moreWord ?? '' }, 'positive')] : [];
  return card([heading(page.title), ...page.intro.map((line) => textBlock(line)), ...rows], more, fallbackText);
}
