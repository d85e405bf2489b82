// What the SMART goal dialog builds from a case and gives back to it: the context a goal is
// checked against, the summary shown before saving, and the goal to store.
import type { TurnContext } from 'botbuilder';
import { session, text } from '../src/bot/session.js';
import { needs } from '../src/domain/assessment.js';
import { formatDate, localDate } from '../src/domain/dates.js';
import type { Case, Goal, Language } from '../src/domain/schemas.js';
import { matchesWord } from '../src/i18n/catalog.js';
import { domainLabel, isSmartGoal, type SmartContext, type SmartGoalDraft, type SmartGoalReady } from '../src/domain/smart.js';

/** What a goal of this case is checked against: its needs, today and the plan's end. */
export function smartContextOf(record: Case, lang: Language, now: Date): SmartContext {
  const completed = record.assessments
    .filter((assessment) => assessment.completedAt !== undefined)
    .sort((a, b) => Date.parse(a.completedAt!) - Date.parse(b.completedAt!));
  const latest = completed.at(-1);
  return {
    lang,
    today: localDate(now, record.client.timeZone),
    ...(record.contract ? { planEnd: record.contract.endDate } : {}),
    needs: latest ? needs(latest).map((need) => need.domain) : [],
  };
}

export function goalSummary(context: TurnContext, draft: SmartGoalReady): string {
  const { lang } = session(context);
  return text(context, 'smart.summary', {
    text: draft.text,
    actor: draft.actor,
    indicator: draft.indicator,
    target: draft.target,
    support: draft.support?.trim() || text(context, 'smart.notGiven'),
    obstacles: draft.obstacles?.trim() || text(context, 'smart.notGiven'),
    domain: domainLabel(draft.domain, lang),
    deadline: formatDate(draft.deadline, lang),
    thirdParty: text(context, draft.thirdPartyAcknowledged ? 'common.yes' : 'common.no'),
  });
}

/** The goal to store, agreed now; undefined when the draft is not SMART in `context`. */
export function agreedGoal(draft: SmartGoalDraft, context: SmartContext, ids: { goalId: string; by: string; at: string }): Goal | undefined {
  if (!isSmartGoal(draft, context)) return undefined;
  return {
    id: ids.goalId,
    domain: draft.domain,
    text: draft.text,
    actor: draft.actor,
    indicator: draft.indicator,
    target: draft.target,
    deadline: draft.deadline,
    support: draft.support?.trim() ?? '',
    obstacles: draft.obstacles?.trim() ?? '',
    dependsOnThirdParty: draft.thirdPartyAcknowledged === true,
    agreement: { at: ids.at, recordedBy: ids.by },
    status: 'active',
    createdAt: ids.at,
    createdBy: ids.by,
  };
}

/** "sí" or "the client" names the client; "no" leaves the actor blank, to be asked again. */
export function actorFrom(typed: string, clientName: string): string {
  if (matchesWord(typed, 'common.yesWords') || matchesWord(typed, 'smart.clientWords')) return clientName;
  if (matchesWord(typed, 'common.noWords')) return '';
  return typed;
}
