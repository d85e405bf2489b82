// The repeating parts of the assessment dialog: runs of text questions (strengths, the
// client's view, context, notes) and the life domains one by one on the 1–5 scale, where
// "n/a" and "save for later" are answers too.
import { TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { unratedDomains, type Ratings } from '../src/domain/assessment.js';
import { LIFE_DOMAINS, type Assessment, type DomainLevel, type LifeDomain } from '../src/domain/schemas.js';
import { domainLabel } from '../src/domain/smart.js';
import { matchesWord, normalize, type MessageKey } from '../src/i18n/catalog.js';
import { answer, ask, vals } from './prompts.js';

export const PROFILE_DIALOG = 'assessment.profile';
export const NOTES_DIALOG = 'assessment.notes';
export const DOMAINS_DIALOG = 'assessment.domains';
const QUESTIONS_DIALOG = 'assessment.questions';
const LEVEL_PROMPT = 'assessment.level';
const MAX_TEXT = 2000;

type Answers = Record<string, string>;

interface Question {
  field: string;
  key: MessageKey;
}

interface QuestionsOptions {
  questions: Question[];
  /** Said when every answer was skipped; the run then starts again. */
  requireOne?: MessageKey;
  answers?: Answers;
  index?: number;
}

const STRENGTHS: Question[] = [
  { field: 'personal', key: 'assessment.askStrengthPersonal' },
  { field: 'family', key: 'assessment.askStrengthFamily' },
  { field: 'community', key: 'assessment.askStrengthCommunity' },
];

const VIEW_AND_CONTEXT: Question[] = [
  { field: 'clientView', key: 'assessment.askClientView' },
  { field: 'aspirations', key: 'assessment.askAspirations' },
  { field: 'economic', key: 'assessment.askContextEconomic' },
  { field: 'social', key: 'assessment.askContextSocial' },
  { field: 'family', key: 'assessment.askContextFamily' },
  { field: 'institutional', key: 'assessment.askContextInstitutional' },
];

const NOTES: Question[] = [
  { field: 'micro', key: 'assessment.askNoteMicro' },
  { field: 'meso', key: 'assessment.askNoteMeso' },
  { field: 'macro', key: 'assessment.askNoteMacro' },
];

export type Profile = Pick<Assessment, 'strengths' | 'clientView' | 'aspirations' | 'context'>;

/** The answers that were given; skipped ones ('') are left out. */
function given<K extends string>(answers: Answers, fields: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(fields.filter((f) => answers[f]).map((f) => [f, answers[f]])) as Partial<Record<K, string>>;
}

function profileFrom(strengths: Answers, rest: Answers): Profile {
  const { clientView, aspirations } = given(rest, ['clientView', 'aspirations']);
  return {
    strengths: given(strengths, ['personal', 'family', 'community']),
    ...(clientView ? { clientView } : {}),
    ...(aspirations ? { aspirations } : {}),
    context: given(rest, ['economic', 'social', 'family', 'institutional']),
  };
}

type DomainAnswer = { kind: 'save' } | { kind: 'level'; level: DomainLevel };

const LEVEL_WORDS: [level: number, words: MessageKey][] = [
  [1, 'assessment.levelWords_1'],
  [2, 'assessment.levelWords_2'],
  [3, 'assessment.levelWords_3'],
  [4, 'assessment.levelWords_4'],
  [5, 'assessment.levelWords_5'],
];

/** A domain answer: a level 1–5 (digit or name), n/a, or the word to save for later. */
function readDomainAnswer(typed: string): DomainAnswer | undefined {
  if (matchesWord(typed, 'assessment.saveWords')) return { kind: 'save' };
  if (matchesWord(typed, 'assessment.notApplicableWords')) return { kind: 'level', level: null };
  const digit = /^([1-5])[.)]?$/.exec(normalize(typed));
  if (digit) return { kind: 'level', level: Number(digit[1]) };
  const named = LEVEL_WORDS.find(([, words]) => matchesWord(typed, words));
  return named ? { kind: 'level', level: named[0] } : undefined;
}

export interface DomainsOptions {
  ratings: Ratings;
  /** The scale is explained with the first domain question of a sitting only. */
  scaleShown?: boolean;
}

export interface DomainsResult {
  ratings: Ratings;
  /** The worker asked to save the draft and continue later. */
  paused: boolean;
}

/** The sub-dialogs and the level prompt the assessment dialog adds to itself. */
export function assessmentStepDialogs() {
  return [
    new WaterfallDialog(QUESTIONS_DIALOG, [askQuestion, keepAnswer]),
    new WaterfallDialog(PROFILE_DIALOG, [
      (step) => step.beginDialog(QUESTIONS_DIALOG, { questions: STRENGTHS, requireOne: 'assessment.needStrength' } satisfies QuestionsOptions),
      (step) => {
        vals(step).strengths = step.result as Answers;
        return step.beginDialog(QUESTIONS_DIALOG, { questions: VIEW_AND_CONTEXT } satisfies QuestionsOptions);
      },
      (step) => step.endDialog(profileFrom(vals(step).strengths as Answers, step.result as Answers)),
    ]),
    new WaterfallDialog(NOTES_DIALOG, [
      (step) => step.beginDialog(QUESTIONS_DIALOG, { questions: NOTES } satisfies QuestionsOptions),
      (step) => step.endDialog(given(step.result as Answers, ['micro', 'meso', 'macro'])),
    ]),
    new WaterfallDialog(DOMAINS_DIALOG, [askDomain, keepLevel]),
    new TextPrompt(
      LEVEL_PROMPT,
      async (prompt: PromptValidatorContext<string>) => prompt.recognized.succeeded && readDomainAnswer(prompt.recognized.value ?? '') !== undefined,
    ),
  ];
}

function askQuestion(step: WaterfallStepContext) {
  const options = step.options as QuestionsOptions;
  const question = options.questions[options.index ?? 0]!;
  return ask(step, text(step.context, question.key), { kind: 'text', optional: true, maxLength: MAX_TEXT });
}

async function keepAnswer(step: WaterfallStepContext) {
  const options = step.options as QuestionsOptions;
  const index = options.index ?? 0;
  const answers = { ...options.answers, [options.questions[index]!.field]: answer<string>(step) };
  if (index + 1 < options.questions.length) {
    return step.replaceDialog(QUESTIONS_DIALOG, { ...options, answers, index: index + 1 } satisfies QuestionsOptions);
  }
  if (options.requireOne && Object.values(answers).every((value) => value === '')) {
    await say(step.context, options.requireOne);
    return step.replaceDialog(QUESTIONS_DIALOG, { ...options, answers: {}, index: 0 } satisfies QuestionsOptions);
  }
  return step.endDialog(answers);
}

function askDomain(step: WaterfallStepContext) {
  const options = step.options as DomainsOptions;
  const domain = unratedDomains(options).at(0);
  if (!domain) return step.endDialog({ ratings: options.ratings, paused: false } satisfies DomainsResult);
  vals(step).domain = domain;
  const total = LIFE_DOMAINS.length;
  const question = text(step.context, 'assessment.askDomain', {
    n: LIFE_DOMAINS.indexOf(domain) + 1,
    total,
    domain: domainLabel(domain, session(step.context).lang),
  });
  const prompt = options.scaleShown ? question : `${text(step.context, 'assessment.scale', { total })}\n\n${question}`;
  return step.prompt(LEVEL_PROMPT, { prompt, retryPrompt: `${text(step.context, 'assessment.errorLevel')}\n\n${question}` });
}

function keepLevel(step: WaterfallStepContext) {
  const options = step.options as DomainsOptions;
  const reply = readDomainAnswer(String(step.result ?? ''));
  // The level prompt accepts only what readDomainAnswer reads, so anything but a level is "save".
  if (reply?.kind !== 'level') return step.endDialog({ ratings: options.ratings, paused: true } satisfies DomainsResult);
  const domain = vals(step).domain as LifeDomain;
  return step.replaceDialog(DOMAINS_DIALOG, { ratings: { ...options.ratings, [domain]: reply.level }, scaleShown: true } satisfies DomainsOptions);
}
