// SMART goal checks (SPEC §2 step 3): what software can check about a goal before it is
// saved, and the coaching question to ask for each gap. Pure functions: no I/O, no bot.
import { t, type MessageKey, type Params } from '../i18n/catalog.js';
import { addDays, daysBetween, formatDate } from './dates.js';
import type { Language, LifeDomain } from './schemas.js';
import { findComparativeAction, findSkillWithoutEvidence, findStateGoal } from './smartClause.js';
import { findMeasure, hasMeasure, isCheckableIndicator, isMeasurableTarget } from './smartMeasures.js';
import { findThirdPartyOutcome } from './smartOutcomes.js';
import { actionOf, domainOf, readGoalSentence, type GoalReading, type ReadingContext } from './smartReading.js';
import { findVagueVerb, fold } from './smartText.js';

export { findMeasure, findSkillWithoutEvidence, findStateGoal, findThirdPartyOutcome, findVagueVerb, hasMeasure, isCheckableIndicator, isMeasurableTarget };
export { domainOf, readGoalSentence, type GoalReading, type ReadingContext };
export type { OutcomeTopic, ThirdPartyOutcome } from './smartOutcomes.js';
export type { VagueVerbMatch } from './smartText.js';

// ---- public types -------------------------------------------------------------------

/** A goal as the dialog has gathered it so far; anything may still be missing. */
export interface SmartGoalDraft {
  /** The goal sentence as typed. */
  text: string;
  /** Who does it: the client or a named person. */
  actor?: string;
  indicator?: string;
  target?: string;
  /** `YYYY-MM-DD`. */
  deadline?: string;
  domain?: LifeDomain;
  support?: string;
  obstacles?: string;
  /**
   * The worker has seen the third-party warning and keeps the goal as it is (the goal is
   * then saved with `dependsOnThirdParty: true`). Until then the warning is a failure, so
   * a third-party goal is never saved without a decision.
   */
  thirdPartyAcknowledged?: boolean;
}

export interface SmartContext {
  /** Language of the coaching questions and of the goal text. */
  lang: Language;
  /** `YYYY-MM-DD`, in the case's time zone. */
  today: string;
  /** `YYYY-MM-DD`: the end of the current plan (contract), when there is one. */
  planEnd?: string;
  /** Domains assessed at level ≤ 3: the needs a goal may answer. */
  needs: readonly LifeDomain[];
}

export const SMART_CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;
export type SmartCriterion = (typeof SMART_CRITERIA)[number];

export type SmartIssueCode =
  | 'noGoalText'
  | 'vagueVerb'
  | 'stateNotAction'
  | 'skillWithoutEvidence'
  | 'noActor'
  | 'noIndicator'
  | 'uncheckableIndicator'
  | 'noTarget'
  | 'unmeasurableTarget'
  | 'thirdPartyOutcome'
  | 'noDomain'
  | 'notLinkedToNeed'
  | 'noDeadline'
  | 'pastDeadline'
  | 'afterPlanEnd';

export type SmartMessageKey = Extract<MessageKey, `smart.${string}`>;

/** A coaching question, ready for `t(lang, question.key, question.params)`. */
export interface SmartQuestion {
  key: SmartMessageKey;
  params: Params;
}

export interface SmartIssue {
  criterion: SmartCriterion;
  code: SmartIssueCode;
  question: SmartQuestion;
}

/**
 * A draft that passed every check: all the fields a stored goal needs are there. Support
 * and obstacles are named when the worker knows them; they are shown in the summary, where
 * the worker can add them, but a goal is not held back for them.
 */
export type SmartGoalReady = SmartGoalDraft & {
  actor: string;
  indicator: string;
  target: string;
  deadline: string;
  domain: LifeDomain;
};

export const CRITERION_LABEL_KEYS: Record<SmartCriterion, SmartMessageKey> = {
  specific: 'smart.criterionSpecific',
  measurable: 'smart.criterionMeasurable',
  achievable: 'smart.criterionAchievable',
  relevant: 'smart.criterionRelevant',
  timeBound: 'smart.criterionTimeBound',
};

export const DOMAIN_LABEL_KEYS: Record<LifeDomain, SmartMessageKey> = {
  income: 'smart.domainIncome',
  employment: 'smart.domainEmployment',
  housing: 'smart.domainHousing',
  food: 'smart.domainFood',
  health: 'smart.domainHealth',
  mentalHealth: 'smart.domainMentalHealth',
  substanceUse: 'smart.domainSubstanceUse',
  education: 'smart.domainEducation',
  familyRelations: 'smart.domainFamilyRelations',
  socialSupport: 'smart.domainSocialSupport',
  legal: 'smart.domainLegal',
  safety: 'smart.domainSafety',
  dailyLiving: 'smart.domainDailyLiving',
  mobility: 'smart.domainMobility',
  childcare: 'smart.domainChildcare',
};

// ---- the check ----------------------------------------------------------------------

/**
 * Every failing SMART check; empty when the goal is SMART. The order is the order of the
 * questions: specific, then achievable (a third party's decision is settled before
 * measuring it), measurable, relevant, time-bound.
 */
export function checkSmartGoal(draft: SmartGoalDraft, context: SmartContext): SmartIssue[] {
  return [
    ...checkSpecific(draft, context),
    ...checkAchievable(draft, context),
    ...checkMeasurable(draft, context),
    ...checkRelevant(draft, context),
    ...checkTimeBound(draft, context),
  ];
}

/** The one test before saving: a goal that is not SMART is never saved. */
export function isSmartGoal(draft: SmartGoalDraft, context: SmartContext): draft is SmartGoalReady {
  return checkSmartGoal(draft, context).length === 0;
}

function issue(criterion: SmartCriterion, code: SmartIssueCode, key: SmartMessageKey, params: Params = {}): SmartIssue {
  return { criterion, code, question: { key, params } };
}

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

// Actors that name nobody in particular; the goal needs someone who will act.
const UNNAMED_ACTORS = new Set(['alguien', 'cualquiera', 'nadie', 'someone', 'somebody', 'anyone', 'anybody', 'nobody', 'no one', '-', '?', 'n/a']);

function checkSpecific(draft: SmartGoalDraft, { lang }: SmartContext): SmartIssue[] {
  if (isBlank(draft.text)) {
    return [issue('specific', 'noGoalText', 'smart.askGoalText', { example: EXAMPLES[lang].goalText })];
  }
  const issues: SmartIssue[] = [];
  // One rewrite of the sentence answers all of these, so only the first is asked.
  const vague = findVagueVerb(draft.text, lang);
  const state = vague ? null : findStateGoal(draft.text, lang);
  const skill = vague || state ? null : findSkillWithoutEvidence(draft.text, lang);
  const comparative = vague || state || skill ? null : findComparativeAction(draft.text, lang);
  if (vague) {
    issues.push(issue('specific', 'vagueVerb', 'smart.askObservableVerb', { verb: vague.found, example: vague.example }));
  } else if (state) {
    issues.push(issue('specific', 'stateNotAction', 'smart.askAction', { found: state.found, example: EXAMPLES[lang].action }));
  } else if (skill) {
    issues.push(issue('specific', 'skillWithoutEvidence', 'smart.askSkillEvidence', { found: skill.found, example: EXAMPLES[lang].skill }));
  } else if (comparative) {
    issues.push(issue('specific', 'vagueVerb', 'smart.askObservableVerb', { verb: comparative, example: EXAMPLES[lang].action }));
  }
  if (isBlank(draft.actor) || UNNAMED_ACTORS.has(fold(draft.actor).folded.trim())) {
    issues.push(issue('specific', 'noActor', 'smart.askActor', { example: EXAMPLES[lang].actor }));
  }
  return issues;
}

function checkMeasurable(draft: SmartGoalDraft, { lang }: SmartContext): SmartIssue[] {
  const issues: SmartIssue[] = [];
  if (isBlank(draft.indicator)) {
    issues.push(issue('measurable', 'noIndicator', 'smart.askIndicator', { example: EXAMPLES[lang].indicator }));
  } else if (!isCheckableIndicator(draft.indicator)) {
    issues.push(
      issue('measurable', 'uncheckableIndicator', 'smart.askCheckableIndicator', { indicator: draft.indicator.trim(), example: EXAMPLES[lang].indicator }),
    );
  }
  // When the sentence already carries a number or frequency, offer it back as the target.
  const targetExample = findMeasure(draft.text) ?? EXAMPLES[lang].target;
  if (isBlank(draft.target)) {
    issues.push(issue('measurable', 'noTarget', 'smart.askTarget', { example: targetExample }));
  } else if (!isMeasurableTarget(draft.target)) {
    issues.push(issue('measurable', 'unmeasurableTarget', 'smart.askMeasurableTarget', { target: draft.target.trim(), example: targetExample }));
  }
  return issues;
}

function checkAchievable(draft: SmartGoalDraft, { lang }: SmartContext): SmartIssue[] {
  const outcome = draft.thirdPartyAcknowledged || isBlank(draft.text) ? null : findThirdPartyOutcome(draft.text, lang);
  return outcome ? [issue('achievable', 'thirdPartyOutcome', 'smart.askOwnStep', { found: outcome.found, suggestion: outcome.suggestion })] : [];
}

function checkRelevant(draft: SmartGoalDraft, { lang, needs }: SmartContext): SmartIssue[] {
  if (draft.domain !== undefined && needs.includes(draft.domain)) return [];
  const code: SmartIssueCode = draft.domain === undefined ? 'noDomain' : 'notLinkedToNeed';
  // With no assessed need there is nothing to link to: the assessment comes first.
  if (needs.length === 0) return [issue('relevant', code, 'smart.askAssessmentFirst')];
  const needList = needs.map((need) => domainLabel(need, lang)).join(', ');
  return draft.domain === undefined
    ? [issue('relevant', code, 'smart.askDomain', { needs: needList })]
    : [issue('relevant', code, 'smart.askLinkedNeed', { domain: domainLabel(draft.domain, lang), needs: needList })];
}

function checkTimeBound(draft: SmartGoalDraft, { lang, today, planEnd }: SmartContext): SmartIssue[] {
  const example = formatDate(suggestedDeadline(today, planEnd), lang);
  if (draft.deadline === undefined || !isCalendarDate(draft.deadline)) {
    return [issue('timeBound', 'noDeadline', 'smart.askDeadline', { example })];
  }
  if (daysBetween(today, draft.deadline) <= 0) {
    return [issue('timeBound', 'pastDeadline', 'smart.askFutureDeadline', { deadline: formatDate(draft.deadline, lang), example })];
  }
  if (planEnd !== undefined && daysBetween(planEnd, draft.deadline) > 0) {
    return [
      issue('timeBound', 'afterPlanEnd', 'smart.askDeadlineWithinPlan', {
        deadline: formatDate(draft.deadline, lang),
        planEnd: formatDate(planEnd, lang),
        example: formatDate(planEnd, lang),
      }),
    ];
  }
  return [];
}

/** Four weeks from today, or the plan's end when that comes sooner. */
function suggestedDeadline(today: string, planEnd: string | undefined): string {
  const inFourWeeks = addDays(today, 28);
  if (planEnd !== undefined && daysBetween(today, planEnd) > 0 && daysBetween(planEnd, inFourWeeks) > 0) return planEnd;
  return inFourWeeks;
}

function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

// ---- reading the goal sentence ------------------------------------------------------

/**
 * The draft a goal sentence makes: what it says about actor, indicator, target, deadline
 * and need (the need only when it is an assessed one). Without a named subject the goal is
 * the client's (`fallbackActor`), shown in the summary for the worker to correct.
 */
export function draftFromSentence(text: string, reading: ReadingContext, fallbackActor: string, needs: readonly LifeDomain[]): SmartGoalDraft {
  return { text, actor: fallbackActor, ...fieldsOf(readGoalSentence(text, reading), needs) };
}

/**
 * The draft after the goal sentence is rewritten during coaching. A new action makes the
 * indicator and target asked before stale: they are dropped unless the new sentence says
 * them. What the new sentence says always wins.
 */
export function rewriteGoal(draft: SmartGoalDraft, text: string, reading: ReadingContext, needs: readonly LifeDomain[]): SmartGoalDraft {
  const sameAction = actionOf(draft.text, reading) === actionOf(text, reading);
  const { indicator, target, ...kept } = draft;
  return {
    ...kept,
    ...(sameAction && indicator !== undefined ? { indicator } : {}),
    ...(sameAction && target !== undefined ? { target } : {}),
    text,
    thirdPartyAcknowledged: false,
    ...fieldsOf(readGoalSentence(text, reading), needs),
  };
}

function fieldsOf(read: GoalReading, needs: readonly LifeDomain[]): Partial<SmartGoalDraft> {
  const { domain, ...rest } = read;
  return { ...rest, ...(domain && needs.includes(domain) ? { domain } : {}) };
}

export function domainLabel(domain: LifeDomain, lang: Language): string {
  return t(lang, DOMAIN_LABEL_KEYS[domain]);
}

// ---- examples for the coaching questions --------------------------------------------

const EXAMPLES: Record<Language, Record<'goalText' | 'actor' | 'indicator' | 'target' | 'action' | 'skill', string>> = {
  es: {
    action: 'Ana acudirá a 4 sesiones del grupo de apoyo antes del 31 de marzo',
    skill: 'Ana usará la respiración en 3 momentos de enfado cada semana y lo anotará',
    goalText: 'Ana enviará 5 currículos por semana hasta el 30 de junio',
    actor: 'Ana, la persona usuaria',
    indicator: 'número de currículos enviados',
    target: '3 veces por semana',
  },
  en: {
    action: 'Ana will attend 4 support group sessions by 31 March',
    skill: 'Ana will use the breathing exercise in 3 moments of anger each week and note it down',
    goalText: 'Ana will send 5 CVs a week until 30 June',
    actor: 'Ana, the client',
    indicator: 'number of CVs sent',
    target: '3 times a week',
  },
};
