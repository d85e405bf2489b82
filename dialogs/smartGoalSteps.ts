// The coaching loop of the SMART goal dialog (SPEC §2 step 3): ask the question of the
// first failing check, put the answer into its field, check again, until the goal is SMART.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { addDays, formatDate, parseNaturalDate } from '../src/domain/dates.js';
import type { Language, LifeDomain } from '../src/domain/schemas.js';
import {
  CRITERION_LABEL_KEYS,
  checkSmartGoal,
  domainLabel,
  findMeasure,
  type ReadingContext,
  rewriteGoal,
  type SmartContext,
  type SmartGoalDraft,
  type SmartGoalReady,
  type SmartIssueCode,
} from '../src/domain/smart.js';
import { longWords, readingEase, readsHard } from '../src/domain/readability.js';
import { LANGUAGES, matchesWord, t } from '../src/i18n/catalog.js';
import { type CoachedGoal, GOAL_INPUTS, type GoalFormFacts, type GoalPart, coachedGoalCard } from './cards/goalCards.js';
import { takeFormAnswer } from './cards/submit.js';
import { DATE_INPUT_DIALOG, type DateInputOptions } from './dateInputDialog.js';
import { parseChoice, type Choice, type InputSpec } from './input.js';
import { PLAIN_WORDS_DIALOG, type PlainWordsOptions } from './plainWordsDialog.js';
import { answer, ask, showsCards, vals } from './prompts.js';
import { actorFrom, goalSummary } from './smartGoalCase.js';

export const SMART_COACH_DIALOG = 'smartGoal.coach';

export interface CoachOptions {
  draft: SmartGoalDraft;
  context: SmartContext;
  /** The actor when the worker answers "the client". */
  clientName: string;
  /** The goal text as it passed the plain-words check (read easily, or kept as it is). */
  plainText?: string;
  /** The worker confirmed the summary of this very draft. */
  confirmed?: boolean;
}

/** The part of the draft that answers each failing check. */
type Field = 'text' | 'actor' | 'indicator' | 'target' | 'ownStep' | 'domain' | 'deadline' | 'plainWords' | 'summary' | 'card';

const FIELD_OF: Record<SmartIssueCode, Field> = {
  noGoalText: 'text',
  vagueVerb: 'text',
  stateNotAction: 'text',
  skillWithoutEvidence: 'text',
  noActor: 'actor',
  noIndicator: 'indicator',
  uncheckableIndicator: 'indicator',
  noTarget: 'target',
  unmeasurableTarget: 'target',
  thirdPartyOutcome: 'ownStep',
  noDomain: 'domain',
  notLinkedToNeed: 'domain',
  noDeadline: 'deadline',
  pastDeadline: 'deadline',
  afterPlanEnd: 'deadline',
};

/** GoalSchema's limits, so a typed answer always fits the stored goal. */
export const MAX_LENGTH = { text: 1000, ownStep: 1000, actor: 200, indicator: 500, target: 200, support: 500, obstacles: 500 } as const;

/**
 * Each turn of the loop re-enters it with the updated draft: first the question of the
 * first failing check, then the plain-words check of the goal text, then the summary to
 * confirm or correct. It ends with the confirmed SMART draft.
 */
export function coachingLoop(): WaterfallDialog {
  return new WaterfallDialog(SMART_COACH_DIALOG, [askFirstGap, applyAnswer]);
}

/** How goal sentences are read in this conversation: its language, time zone and clock. */
export function readingOf(context: TurnContext): ReadingContext {
  const { lang, timeZone, services } = session(context);
  return { lang, timeZone, now: services.now() };
}

async function askFirstGap(step: WaterfallStepContext) {
  const options = step.options as CoachOptions;
  const { draft, context } = options;
  const [gap] = checkSmartGoal(draft, context);
  if (!gap) {
    if (options.plainText !== draft.text) {
      if (showsCards(step.context) && readsHard(draft.text, session(step.context).lang)) return askOnCard(step, options, true);
      vals(step).field = 'plainWords';
      return step.beginDialog(PLAIN_WORDS_DIALOG, { text: draft.text, maxLength: MAX_LENGTH.text } satisfies PlainWordsOptions);
    }
    if (options.confirmed) return step.endDialog(draft);
    vals(step).field = 'summary';
    await step.context.sendActivity(goalSummary(step.context, draft as SmartGoalReady));
    return ask(step, text(step.context, 'smart.askConfirmSummary'), { kind: 'text', maxLength: MAX_LENGTH.text }, { field: 'confirm' });
  }
  if (showsCards(step.context)) return askOnCard(step, options);
  const field = FIELD_OF[gap.code];
  // The checks read the goal in its own language; the question is put in the language spoken
  // now, which «idioma» may have changed since the goal was written.
  const spoken: SmartContext = { ...context, lang: session(step.context).lang };
  const shown = spoken.lang === context.lang ? gap : (checkSmartGoal(draft, spoken).find((other) => other.code === gap.code) ?? gap);
  const question = text(step.context, shown.question.key, shown.question.params);
  vals(step).field = field;
  switch (field) {
    case 'domain':
      return ask(step, question, { kind: 'choice', choices: needChoices(spoken) });
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
      return ask(step, question, { kind: 'text', maxLength: MAX_LENGTH[field as 'text' | 'actor' | 'indicator'] });
  }
}

async function applyAnswer(step: WaterfallStepContext) {
  const options = step.options as CoachOptions;
  const field = vals(step).field as Field;
  if (field === 'plainWords') {
    const kept = step.result as string;
    const draft = kept === options.draft.text ? options.draft : rewrite(step, options, kept);
    return step.replaceDialog(SMART_COACH_DIALOG, { ...options, draft, plainText: kept, confirmed: false } satisfies CoachOptions);
  }
  if (field === 'summary') return step.replaceDialog(SMART_COACH_DIALOG, await confirmOrCorrect(step, options));
  if (field === 'card') {
    // The first part answered the question; the card's other inputs wait as form answers.
    const [first, ...others] = vals(step).fix as CardPart[];
    const sentence = String(step.result ?? '').trim();
    // The sentence sent back as it was, or «mantener», keeps it as it reads.
    if (vals(step).plainWords && (sentence === options.draft.text.trim() || matchesWord(sentence, 'smart.keepWords'))) {
      return step.replaceDialog(SMART_COACH_DIALOG, { ...options, plainText: options.draft.text, confirmed: false } satisfies CoachOptions);
    }
    const given: [CardPart, string][] = [
      [first!, String(step.result ?? '')],
      ...others.map((part): [CardPart, string] => [part, takeFormAnswer(step.context, GOAL_INPUTS[part]) ?? '']),
    ];
    const applied = await applyParts(step, options.draft, given, options.clientName, options.context);
    const draft = keepShownParts(options.draft, applied, [first!, ...others]);
    return step.replaceDialog(SMART_COACH_DIALOG, { ...options, draft, confirmed: false } satisfies CoachOptions);
  }
  const draft = { ...options.draft, ...(await answerFor(step, field, options)) };
  return step.replaceDialog(SMART_COACH_DIALOG, { ...options, draft, confirmed: false } satisfies CoachOptions);
}

/** A new goal sentence: what it says replaces what was asked before (see `rewriteGoal`). */
function rewrite(step: WaterfallStepContext, options: CoachOptions, sentence: string): SmartGoalDraft {
  return rewriteGoal(options.draft, sentence, readingOf(step.context), options.context.needs);
}

async function answerFor(step: WaterfallStepContext, field: Field, options: CoachOptions): Promise<Partial<SmartGoalDraft>> {
  if (field === 'deadline') return { deadline: step.result as string };
  if (field === 'domain') return { domain: answer<LifeDomain>(step) };
  const typed = answer<string>(step);
  const offered = vals(step).offered as string | null | undefined;
  const offer = offered && matchesWord(typed, 'smart.useExampleWords') ? offered : undefined;
  switch (field) {
    case 'text':
      return rewrite(step, options, typed);
    case 'actor':
      return { actor: actorFrom(typed, options.clientName) };
    case 'indicator':
      return { indicator: typed };
    case 'target':
      return { target: offer ?? typed };
    case 'ownStep':
      if (!matchesWord(typed, 'smart.keepWords')) return rewrite(step, options, offer ?? typed);
      await say(step.context, 'smart.thirdPartyKept');
      return { thirdPartyAcknowledged: true };
    default:
      return {};
  }
}

const CORRECTABLE = {
  text: 'smart.fieldTextWords',
  actor: 'smart.fieldActorWords',
  indicator: 'smart.fieldIndicatorWords',
  target: 'smart.fieldTargetWords',
  support: 'smart.fieldSupportWords',
  obstacles: 'smart.fieldObstaclesWords',
  deadline: 'smart.fieldDeadlineWords',
} as const;

/** «sí» confirms the summary; «fecha: 15 de febrero», «apoyos: …» corrects or adds one item. */
async function confirmOrCorrect(step: WaterfallStepContext, options: CoachOptions): Promise<CoachOptions> {
  const typed = answer<string>(step);
  if (matchesWord(typed, 'common.yesWords')) return { ...options, confirmed: true };
  const correction = /^\s*([^:=]{1,30}?)\s*[:=]\s*(.+)$/s.exec(typed);
  const field = correction && (Object.keys(CORRECTABLE) as (keyof typeof CORRECTABLE)[]).find((name) => matchesWord(correction[1]!, CORRECTABLE[name]));
  if (!correction || !field) {
    await say(step.context, 'smart.correctionNotUnderstood');
    return options;
  }
  const value = correction[2]!.trim().slice(0, MAX_LENGTH[field === 'deadline' ? 'target' : field]);
  const { draft } = options;
  switch (field) {
    case 'text':
      return { ...options, draft: rewrite(step, options, value), confirmed: false };
    case 'actor':
      return { ...options, draft: { ...draft, actor: actorFrom(value, options.clientName) } };
    case 'deadline': {
      const { lang, timeZone, now } = readingOf(step.context);
      const reading = parseNaturalDate(value, lang, timeZone, now);
      if (!reading.ok) {
        await say(step.context, 'smart.correctionBadDate', { date: value });
        return options;
      }
      return { ...options, draft: { ...draft, deadline: reading.date } };
    }
    default:
      return { ...options, draft: { ...draft, [field]: value } };
  }
}

// ---- the goal on cards --------------------------------------------------------------

/** The parts a coaching card may ask to fix. */
export type CardPart = Exclude<GoalPart, 'agreement'>;

const PART_OF: Record<Exclude<Field, 'plainWords' | 'summary' | 'card'>, CardPart> = {
  text: 'text',
  actor: 'actor',
  indicator: 'indicator',
  target: 'target',
  ownStep: 'ownStep',
  domain: 'domain',
  deadline: 'deadline',
};

/** What the goal form shows of this case: its needs and the days a deadline may take. */
export function goalFormFacts(name: string, caseId: string, context: SmartContext): GoalFormFacts {
  return { name, caseId, needs: context.needs, firstDay: addDays(context.today, 1), ...(context.planEnd && { planEnd: context.planEnd }) };
}

/** The parts a form gave (blank ones left out), read as their typed answers would be. */
export async function formParts(step: WaterfallStepContext, parts: CardPart[], clientName: string, context: SmartContext): Promise<Partial<SmartGoalDraft>> {
  const given = parts.map((part): [CardPart, string] => [part, takeFormAnswer(step.context, GOAL_INPUTS[part]) ?? '']);
  const { text: _sentence, ...read } = await applyParts(step, { text: '' }, given, clientName, context);
  return read;
}

/**
 * Every failing check on one card, each with why it fails, and inputs for those parts only.
 * The first part's input answers the question, so typing still answers the first gap.
 */
async function askOnCard(step: WaterfallStepContext, options: CoachOptions, plainWords = false) {
  const { lang, timeZone } = session(step.context);
  const { draft, context } = options;
  const spoken: SmartContext = { ...context, lang };
  const issues = checkSmartGoal(draft, spoken);
  // A SMART goal that reads hard for the client: its sentence is the one part to fix.
  const fix = plainWords ? ['text' as const] : [...new Set(issues.map((issue) => PART_OF[FIELD_OF[issue.code] as keyof typeof PART_OF]))];
  const first = fix[0]!;
  const gaps = plainWords
    ? [{ criterion: t(lang, 'smart.plainWordsCriterion'), why: plainWordsText(draft.text, lang) }]
    : issues.map((issue) => ({
        criterion: capitalized(t(lang, CRITERION_LABEL_KEYS[issue.criterion])),
        why: t(lang, issue.question.key, issue.question.params),
      }));
  const ownStep = issues.find((issue) => issue.code === 'thirdPartyOutcome')?.question.params.suggestion;
  const coached: CoachedGoal = {
    ...goalFormFacts(options.clientName, '', context),
    gaps,
    fix,
    kept: keptParts(draft, fix, lang),
    currentText: draft.text,
    ...(typeof ownStep === 'string' && { ownStepSuggestion: ownStep }),
  };
  Object.assign(vals(step), { field: 'card', fix, plainWords });
  const spec: InputSpec =
    first === 'domain'
      ? { kind: 'choice', choices: needChoices(spoken) }
      : first === 'deadline'
        ? { kind: 'date', timeZone, allow: 'future' }
        : { kind: 'text', maxLength: MAX_LENGTH[first as keyof typeof MAX_LENGTH] ?? MAX_LENGTH.text };
  return ask(step, gaps[0]!.why, spec, { card: (token) => coachedGoalCard(lang, token, coached) });
}

/** The parts a coaching card shows as kept when it does not ask for them. */
const SHOWN_KEPT = ['actor', 'indicator', 'target', 'domain', 'deadline', 'support', 'obstacles'] as const;

/**
 * The coaching card says the parts it does not ask for are kept: a new sentence given on it
 * does not replace them with what it reads, as a typed one would.
 */
function keepShownParts(before: SmartGoalDraft, after: SmartGoalDraft, fix: CardPart[]): SmartGoalDraft {
  const kept: Partial<SmartGoalDraft> = {};
  for (const part of SHOWN_KEPT) {
    if (fix.includes(part) || before[part] === undefined) continue;
    Object.assign(kept, { [part]: before[part] });
  }
  return { ...after, ...kept };
}

/** What the goal already has, shown on the coaching card as kept. */
function keptParts(draft: SmartGoalDraft, fix: CardPart[], lang: Language): [string, string][] {
  const rows: [CardPart | 'support' | 'obstacles', string | undefined][] = [
    ['text', draft.text],
    ['actor', draft.actor],
    ['indicator', draft.indicator],
    ['target', draft.target],
    ['domain', draft.domain && domainLabel(draft.domain, lang)],
    ['deadline', draft.deadline && formatDate(draft.deadline, lang)],
    ['support', draft.support],
    ['obstacles', draft.obstacles],
  ];
  const labels = {
    text: 'smart.formGoal',
    actor: 'smart.formActor',
    indicator: 'smart.formIndicator',
    target: 'smart.formTarget',
    ownStep: 'smart.formOwnStep',
    domain: 'smart.formNeed',
    deadline: 'smart.formDeadline',
    support: 'smart.formSupport',
    obstacles: 'smart.formObstacles',
  } as const;
  return rows
    .filter(([part, value]) => value?.trim() && !fix.includes(part as CardPart) && !(part === 'text' && fix.includes('ownStep')))
    .map(([part, value]) => [t(lang, labels[part]), value!]);
}

/** Puts each part given on a card into the draft, read as its typed answer is; blank parts change nothing. */
async function applyParts(
  step: WaterfallStepContext,
  start: SmartGoalDraft,
  given: [CardPart, string][],
  clientName: string,
  context: SmartContext,
): Promise<SmartGoalDraft> {
  const reading = readingOf(step.context);
  const { lang } = reading;
  let draft = start;
  for (const [part, raw] of given) {
    const value = raw.trim();
    if (!value) continue;
    switch (part) {
      case 'text':
        draft = rewriteGoal(draft, value, reading, context.needs);
        break;
      case 'ownStep':
        if (matchesWord(value, 'smart.keepWords')) {
          await say(step.context, 'smart.thirdPartyKept');
          draft = { ...draft, thirdPartyAcknowledged: true };
        } else draft = rewriteGoal(draft, value, reading, context.needs);
        break;
      case 'actor':
        draft = { ...draft, actor: actorFrom(value, clientName).slice(0, MAX_LENGTH.actor) };
        break;
      case 'domain': {
        const need =
          context.needs.find((domain) => domain === value) ?? (parseChoice(value, needChoices({ ...context, lang }))?.value as LifeDomain | undefined);
        if (need) draft = { ...draft, domain: need };
        break;
      }
      case 'deadline': {
        const date = parseNaturalDate(value, lang, reading.timeZone, reading.now);
        if (date.ok) draft = { ...draft, deadline: date.date };
        break;
      }
      default:
        draft = { ...draft, [part]: value.slice(0, MAX_LENGTH[part]) };
    }
  }
  return draft;
}

/** Why the sentence reads hard: its score and its long words, as the plain-words check says. */
function plainWordsText(sentence: string, lang: Language): string {
  const words = longWords(sentence, lang)
    .map((word) => (lang === 'es' ? `«${word}»` : `“${word}”`))
    .join(', ');
  return t(lang, 'smart.plainWordsHard', { score: Math.max(0, Math.round(readingEase(sentence, lang))), words });
}

function capitalized(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

/** The assessed needs, picked by number or by their name in either language. */
function needChoices({ needs: domains, lang }: SmartContext): Choice[] {
  return domains.map((domain) => ({
    value: domain,
    label: domainLabel(domain, lang),
    words: LANGUAGES.map((other) => domainLabel(domain, other)),
  }));
}
