// The coaching loop of the SMART goal dialog (SPEC §2 step 3): ask the question of the
// first failing check, put the answer into its field, check again, until the goal is SMART.
// Also what the dialog builds from a case: the SMART context, the summary and the goal.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { needs } from '../src/domain/assessment.js';
import { formatDate, localDate } from '../src/domain/dates.js';
import type { Case, Goal, Language, LifeDomain } from '../src/domain/schemas.js';
import {
  checkSmartGoal,
  domainLabel,
  findMeasure,
  isSmartGoal,
  type SmartContext,
  type SmartGoalDraft,
  type SmartGoalReady,
  type SmartIssueCode,
} from '../src/domain/smart.js';
import { LANGUAGES, matchesWord } from '../src/i18n/catalog.js';
import { DATE_INPUT_DIALOG, type DateInputOptions } from './dateInputDialog.js';
import type { Choice } from './input.js';
import { answer, ask, vals } from './prompts.js';

export const SMART_COACH_DIALOG = 'smartGoal.coach';

export interface CoachOptions {
  draft: SmartGoalDraft;
  context: SmartContext;
  /** The actor when the worker answers "the client". */
  clientName: string;
}

/** The part of the draft that answers each failing check. */
type Field = 'text' | 'actor' | 'indicator' | 'target' | 'ownStep' | 'support' | 'obstacles' | 'domain' | 'deadline';

const FIELD_OF: Record<SmartIssueCode, Field> = {
  noGoalText: 'text',
  vagueVerb: 'text',
  noActor: 'actor',
  noIndicator: 'indicator',
  noTarget: 'target',
  unmeasurableTarget: 'target',
  thirdPartyOutcome: 'ownStep',
  noSupport: 'support',
  noObstacles: 'obstacles',
  noDomain: 'domain',
  notLinkedToNeed: 'domain',
  noDeadline: 'deadline',
  pastDeadline: 'deadline',
  afterPlanEnd: 'deadline',
};

/** GoalSchema's limits, so a typed answer always fits the stored goal. */
export const MAX_LENGTH = { text: 1000, ownStep: 1000, actor: 200, indicator: 500, target: 200, support: 500, obstacles: 500 } as const;

/** Each turn of the loop re-enters it with the updated draft; it ends with the SMART draft. */
export function coachingLoop(): WaterfallDialog {
  return new WaterfallDialog(SMART_COACH_DIALOG, [askFirstGap, applyAnswer]);
}

async function askFirstGap(step: WaterfallStepContext) {
  const { draft, context } = step.options as CoachOptions;
  const [gap] = checkSmartGoal(draft, context);
  if (!gap) return step.endDialog(draft);
  const field = FIELD_OF[gap.code];
  const question = text(step.context, gap.question.key, gap.question.params);
  vals(step).field = field;
  switch (field) {
    case 'domain':
      return ask(step, question, { kind: 'choice', choices: needChoices(context) });
    case 'deadline':
      return step.beginDialog(DATE_INPUT_DIALOG, { question, allow: 'future' } satisfies DateInputOptions);
    case 'ownStep':
      vals(step).offered = gap.question.params.suggestion;
      return ask(step, `${question}\n\n${text(step.context, 'smart.ownStepHint')}`, { kind: 'text', maxLength: MAX_LENGTH.ownStep });
    case 'target': {
      // A number or frequency the goal sentence already carries is offered as the target.
      const measure = findMeasure(draft.text);
      vals(step).offered = measure;
      const hint = measure ? `\n\n${text(step.context, 'smart.targetHint', { measure })}` : '';
      return ask(step, question + hint, { kind: 'text', maxLength: MAX_LENGTH.target });
    }
    default:
      return ask(step, question, { kind: 'text', maxLength: MAX_LENGTH[field] });
  }
}

async function applyAnswer(step: WaterfallStepContext) {
  const options = step.options as CoachOptions;
  const draft = { ...options.draft, ...(await answerFor(step, vals(step).field as Field, options.clientName)) };
  return step.replaceDialog(SMART_COACH_DIALOG, { ...options, draft } satisfies CoachOptions);
}

async function answerFor(step: WaterfallStepContext, field: Field, clientName: string): Promise<Partial<SmartGoalDraft>> {
  if (field === 'deadline') return { deadline: step.result as string };
  if (field === 'domain') return { domain: answer<LifeDomain>(step) };
  const typed = answer<string>(step);
  const offered = vals(step).offered as string | null | undefined;
  const offer = offered && matchesWord(typed, 'smart.useExampleWords') ? offered : undefined;
  switch (field) {
    case 'text':
      return newSentence(typed);
    case 'actor':
      return { actor: actorFrom(typed, clientName) };
    case 'indicator':
      return { indicator: typed };
    case 'target':
      return { target: offer ?? typed };
    case 'support':
      return { support: typed };
    case 'obstacles':
      return { obstacles: typed };
    case 'ownStep':
      if (!matchesWord(typed, 'smart.keepWords')) return newSentence(offer ?? typed);
      await say(step.context, 'smart.thirdPartyKept');
      return { thirdPartyAcknowledged: true };
  }
}

/** A new sentence needs its own decision about any third-party outcome in it. */
function newSentence(sentence: string): Partial<SmartGoalDraft> {
  return { text: sentence, thirdPartyAcknowledged: false };
}

/** "sí" or "the client" names the client; "no" leaves the actor blank, to be asked again. */
export function actorFrom(typed: string, clientName: string): string {
  if (matchesWord(typed, 'common.yesWords') || matchesWord(typed, 'smart.clientWords')) return clientName;
  if (matchesWord(typed, 'common.noWords')) return '';
  return typed;
}

/** The assessed needs, picked by number or by their name in either language. */
function needChoices({ needs: domains, lang }: SmartContext): Choice[] {
  return domains.map((domain) => ({
    value: domain,
    label: domainLabel(domain, lang),
    words: LANGUAGES.map((other) => domainLabel(domain, other)),
  }));
}

// ---- from and to the case -----------------------------------------------------------

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
    support: draft.support,
    obstacles: draft.obstacles,
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
    support: draft.support,
    obstacles: draft.obstacles,
    dependsOnThirdParty: draft.thirdPartyAcknowledged === true,
    agreement: { at: ids.at, recordedBy: ids.by },
    status: 'active',
    createdAt: ids.at,
    createdBy: ids.by,
  };
}
