// A supervisor's decision on an alert as a message: the text a tapped option sends back
// (the decision, the case and the alert it answers) and how such a message, or one typed
// as «continuar C-7K3QPA», is read. The alert message offers these options.
import { MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { AlertTarget } from '../src/domain/alerts.js';
import type { AlertDecisionChoice, Language } from '../src/domain/schemas.js';
import { t } from '../src/i18n/catalog.js';
import { catalogChoices } from './choices.js';
import { parseChoice, type Choice } from './input.js';

const CASE_ID = /\bC-[A-HJ-NP-Z2-9]{6}\b/i;
const ALERT_ID = /\bAL-[A-HJ-NP-Z2-9]{6}\b/i;
/** A review date as the reply writes it, day/month/year. */
const DAY = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

export interface DecisionReply {
  caseId?: string;
  target?: AlertTarget;
  choice?: AlertDecisionChoice;
}

export const alertChoices = (lang: Language): Choice[] =>
  catalogChoices(lang, [
    ['continue', 'alerts.choice_continue', 'alerts.choiceWords_continue'],
    ['changeApproach', 'alerts.choice_changeApproach', 'alerts.choiceWords_changeApproach'],
    ['close', 'alerts.choice_close', 'alerts.choiceWords_close'],
    ['remindWorker', 'alerts.choice_remindWorker', 'alerts.choiceWords_remindWorker'],
  ]);

/** The text a tapped option sends: «Continuar · C-7K3QPA · aviso AL-2B4C6D». */
export function decisionReplyText(lang: Language, caseId: string, target: AlertTarget, choice: AlertDecisionChoice): string {
  const label = alertChoices(lang).find((c) => c.value === choice)!.label;
  const ref =
    'alertId' in target
      ? t(lang, 'alerts.refAlert', { alertId: target.alertId })
      : t(lang, 'alerts.refReview', { date: target.reviewDate.split('-').reverse().join('/') });
  return t(lang, 'alerts.reply', { choice: label, caseId, ref });
}

/**
 * The options an alert message ends with: a line on how to answer, and one suggested
 * action per decision (Teams shows the first three; every one can also be typed).
 */
export function alertDecisionPrompt(lang: Language, caseId: string, target: AlertTarget): Partial<Activity> {
  const choices = alertChoices(lang);
  const actions: CardAction[] = choices.map((c) => ({
    type: 'imBack',
    title: c.label,
    value: decisionReplyText(lang, caseId, target, c.value as AlertDecisionChoice),
  }));
  const intro = t(lang, 'alerts.actionsIntro', {
    example: `${choices[0]!.words![0]} ${caseId}`,
    options: choices.map((c) => c.label.toLowerCase()).join(', '),
  });
  return MessageFactory.suggestedActions(actions, intro);
}

/** What a message says of a decision: the case, the alert and the decision, each when present. */
export function readDecisionReply(typed: string): DecisionReply {
  const caseId = CASE_ID.exec(typed)?.[0].toUpperCase();
  const alertId = ALERT_ID.exec(typed)?.[0].toUpperCase();
  const day = DAY.exec(typed);
  const target: AlertTarget | undefined = alertId
    ? { alertId }
    : day
      ? { reviewDate: `${day[3]}-${day[2]!.padStart(2, '0')}-${day[1]!.padStart(2, '0')}` }
      : undefined;
  const said = typed.replace(CASE_ID, ' ').replace(ALERT_ID, ' ').replace(DAY, ' ').split('·')[0]!.trim();
  const choice = (['es', 'en'] as const).map((lang) => parseChoice(said, alertChoices(lang))).find(Boolean)?.value as AlertDecisionChoice | undefined;
  return { ...(caseId ? { caseId } : {}), ...(target ? { target } : {}), ...(choice ? { choice } : {}) };
}

/** A decision with its case: tapped from an alert, or typed as «continuar C-7K3QPA». */
export function isAlertDecisionReply(typed: string): boolean {
  const reply = readDecisionReply(typed);
  return reply.caseId !== undefined && reply.choice !== undefined;
}
