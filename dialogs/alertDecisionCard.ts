// A supervisor's press on the overdue review card (Action.Execute): the decision is taken with
// the same rules, access checks and audit as a typed one, and the answer is the card rebuilt —
// the decision, who took it and when, no buttons left for it. A decided alert changes nothing.
// A change of approach needs more answers: they are asked in the chat; a closure follows there.
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue } from 'botbuilder';
import { CaseAccessError } from '../src/app/caseService.js';
import { session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { alertState, applyAlertDecision, type AlertTarget } from '../src/domain/alerts.js';
import { formatDate, localDate } from '../src/domain/dates.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import { newId } from '../src/domain/ids.js';
import type { AlertDecision, Case } from '../src/domain/schemas.js';
import { alertChoices, readDecisionReply } from './alertDecisionReply.js';
import { ALERT_DECISION_DIALOG } from './baseDialog.js';
import { ALERT_DECISION_VERB, overdueAlertCard, readCardCases, type OverdueEntry, type OverdueStatus } from './cards/alertCard.js';
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard, card, textBlock, type CardAction } from './cards/elements.js';
import { labelOf } from './choices.js';
import { CLOSURE_DIALOG } from './closureDialog.js';

/** Starts a dialog in the person's chat, leaving whatever was being asked. */
export type ContinueInChat = (dialogId: string, options?: object) => Promise<void>;

export async function answerAlertCard(
  context: TurnContext,
  value: AdaptiveCardInvokeValue,
  continueInChat: ContinueInChat,
): Promise<AdaptiveCardInvokeResponse> {
  const data = (value.action?.data as { enlace?: CardAction } | undefined)?.enlace;
  const reply = readDecisionReply(data?.command ?? '');
  const cases = readCardCases(data?.also?.cases ?? '');
  if (value.action?.verb !== ALERT_DECISION_VERB || !reply.caseId || !reply.choice || !reply.target || !('reviewDate' in reply.target)) {
    return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Not a decision of this bot' } };
  }
  const { actor, services, lang } = session(context);
  if (!isRole(actor, 'supervisor')) {
    await services.identity.refuseCommand(actor, ALERT_DECISION_DIALOG);
    return cardResponse(card([textBlock(text(context, 'common.notAllowed'))]));
  }
  const caseId = reply.caseId;
  const target: AlertTarget = reply.target;
  const choice = reply.choice;
  let note: string | undefined;
  let status: OverdueStatus | undefined;
  try {
    const record = await services.cases.read(actor, caseId, 'alert.read');
    const found = alertState(record, target, today(context), services.config);
    if (found.state === 'decided') note = await alreadyDecided(context, found.decision);
    else if (record.status === 'closed') note = text(context, 'common.caseClosed', { caseId });
    else if (found.state !== 'open') note = text(context, found.state === 'resolved' ? 'alerts.resolved' : 'alerts.notFound', { caseId });
    else if (choice === 'changeApproach') {
      // The new model or intensity is asked in the chat, where the typed path goes on.
      context.activity.text = data?.command ?? '';
      await continueInChat(ALERT_DECISION_DIALOG);
      status = { kind: 'inChat' };
    } else {
      note = await decide(context, caseId, target, choice);
      if (choice === 'remindWorker') await services.followUps.nudge().catch(() => undefined);
      if (choice === 'close' && note === undefined) {
        await context.sendActivity(text(context, 'review.toClosure'));
        await continueInChat(CLOSURE_DIALOG, { caseId });
        note = text(context, 'alerts.cardToClosure');
      }
    }
  } catch (error) {
    if (!(error instanceof CaseAccessError)) throw error;
    return cardResponse(card([textBlock(text(context, 'common.caseNotFound', { caseId }))]));
  }
  const entries = await currentEntries(context, cases.length > 0 ? cases : [{ caseId, reviewDate: target.reviewDate }]);
  const pressed = entries.find((e) => e.caseId === caseId && e.reviewDate === target.reviewDate);
  if (pressed) {
    // A case closed or reviewed meanwhile says so once, as its status.
    if (note && !(pressed.status.kind === 'gone' && pressed.status.note === note)) pressed.note = note;
    if (status && pressed.status.kind === 'open') pressed.status = status;
  }
  return cardResponse(overdueAlertCard(lang, entries, today(context)));
}

/** Records the decision as the typed path does; says why not when the case cannot take it. */
async function decide(context: TurnContext, caseId: string, target: AlertTarget, choice: AlertDecision['choice']): Promise<string | undefined> {
  const { actor, services } = session(context);
  const input = { target, choice, by: actor.id, at: services.now().toISOString(), today: today(context), reviewId: newId('RV') };
  try {
    await services.cases.change(actor, caseId, 'alert.decide', (current) => applyAlertDecision(current, input, services.config));
    return undefined;
  } catch (error) {
    if (error instanceof CaseClosedError) return text(context, 'common.caseClosed', { caseId });
    if (!(error instanceof DomainError)) throw error;
    // Decided by someone else meanwhile: the first decision stands.
    if (error.code === 'alertDecided') return alreadyDecided(context, error.details.decision as AlertDecision);
    if (error.code === 'alertResolved') return text(context, 'alerts.resolved', { caseId });
    return text(context, 'review.saveFailed');
  }
}

/** Each case of the card as it stands now. */
async function currentEntries(context: TurnContext, cases: { caseId: string; reviewDate: string }[]): Promise<OverdueEntry[]> {
  const { actor, services } = session(context);
  const records = new Map<string, Case>();
  for (const { caseId } of cases) {
    if (records.has(caseId)) continue;
    const record = await services.cases.read(actor, caseId, 'alert.read').catch((error: unknown) => {
      if (error instanceof CaseAccessError) return undefined;
      throw error;
    });
    if (record) records.set(caseId, record);
  }
  const deciders = [...records.values()].flatMap((r) => r.alerts.map((a) => a.decision?.by).filter((id): id is string => id !== undefined));
  const workers = [...records.values()].map((r) => r.workerId);
  const names = await services.people.staffNames(actor, [...deciders, ...workers]);
  const entries: OverdueEntry[] = [];
  for (const { caseId, reviewDate } of cases) {
    const record = records.get(caseId);
    if (!record) continue;
    const found = alertState(record, { reviewDate }, today(context), services.config);
    const status: OverdueStatus =
      found.state === 'decided'
        ? { kind: 'decided', choice: found.decision.choice, who: names.get(found.decision.by) ?? found.decision.by, day: dayOf(context, found.decision.at) }
        : found.state === 'open' && record.status === 'open'
          ? { kind: 'open' }
          : { kind: 'gone', note: text(context, record.status === 'closed' ? 'common.caseClosed' : 'alerts.resolved', { caseId }) };
    const workerName = names.get(record.workerId);
    entries.push({ caseId, clientName: record.client.name, ...(workerName && { workerName }), reviewDate, status });
  }
  return entries;
}

async function alreadyDecided(context: TurnContext, decision: AlertDecision): Promise<string> {
  const { actor, services, lang } = session(context);
  const who = (await services.people.staffNames(actor, [decision.by])).get(decision.by) ?? decision.by;
  return text(context, 'alerts.alreadyDecided', {
    choice: labelOf(alertChoices(lang), decision.choice),
    who,
    date: formatDate(dayOf(context, decision.at), lang),
  });
}

function cardResponse(content: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: content as unknown as Record<string, unknown> };
}

function today(context: TurnContext): string {
  const { services, timeZone } = session(context);
  return localDate(services.now(), timeZone);
}

function dayOf(context: TurnContext, at: string): string {
  return localDate(new Date(at), session(context).timeZone);
}
