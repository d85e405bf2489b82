// The repeating parts of the assessment dialog: runs of text questions (strengths, the
// client's view, context, notes), answered one by one or several in one message, one per
// line; and the life domains on the 1–5 scale, one by one or several in one message, where
// "n/a" and "save for later" are answers too.
import { TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { unratedDomains, type Ratings } from '../src/domain/assessment.js';
import { readGroupedLines } from '../src/domain/groupedAnswers.js';
import { readLevels } from '../src/domain/levelsText.js';
import { LIFE_DOMAINS, type Assessment, type DomainLevel, type LifeDomain } from '../src/domain/schemas.js';
import { domainLabel } from '../src/domain/smart.js';
import { matchesWord, normalize, t, type MessageKey } from '../src/i18n/catalog.js';
import { LEVELS_CONFIRM_DIALOG, levelsConfirmDialog, levelsErrorText, levelsNoted, type LevelsConfirmOptions } from './assessmentLevels.js';
import { readInput } from './input.js';
import { ASSESSMENT_FIELDS, domainsCard, profileCard, runField, type QuestionRun } from './cards/assessmentCards.js';
import { cardSubmitOf } from './cards/submit.js';
import { ask, showsCards, vals } from './prompts.js';

export const PROFILE_DIALOG = 'assessment.profile';
export const NOTES_DIALOG = 'assessment.notes';
export const DOMAINS_DIALOG = 'assessment.domains';
const QUESTIONS_DIALOG = 'assessment.questions';
const LEVEL_PROMPT = 'assessment.level';
const MAX_TEXT = 2000;

type Answers = Record<string, string>;

type Field = 'personal' | 'family' | 'community' | 'clientView' | 'aspirations' | 'economic' | 'social' | 'institutional' | 'micro' | 'meso' | 'macro';

interface Question {
  field: Field;
  key: MessageKey;
  /** Said before the question: the rest of the run can be answered in the same message. */
  hint?: MessageKey;
}

/** A run of questions: each answer one line of a message, or one message each. */
interface QuestionsOptions {
  questions: Question[];
  /** Said when every answer was skipped; the run then starts again. */
  requireOne?: MessageKey;
  answers?: Answers;
  index?: number;
  /** Names the run's answers on a form card (cards/assessmentCards.ts). */
  run?: QuestionRun;
  /** The run begins with the profile card where cards are shown. */
  profileCard?: boolean;
}

const STRENGTHS: Question[] = [
  { field: 'personal', key: 'assessment.askStrengthPersonal', hint: 'assessment.groupHint_strengths' },
  { field: 'family', key: 'assessment.askStrengthFamily' },
  { field: 'community', key: 'assessment.askStrengthCommunity' },
];

const VIEW_AND_CONTEXT: Question[] = [
  { field: 'clientView', key: 'assessment.askClientView', hint: 'assessment.groupHint_view' },
  { field: 'aspirations', key: 'assessment.askAspirations' },
  { field: 'economic', key: 'assessment.askContextEconomic', hint: 'assessment.groupHint_context' },
  { field: 'social', key: 'assessment.askContextSocial' },
  { field: 'family', key: 'assessment.askContextFamily' },
  { field: 'institutional', key: 'assessment.askContextInstitutional' },
];

const NOTES: Question[] = [
  { field: 'micro', key: 'assessment.askNoteMicro', hint: 'assessment.groupHint_notes' },
  { field: 'meso', key: 'assessment.askNoteMeso' },
  { field: 'macro', key: 'assessment.askNoteMacro' },
];

const LINE_SPEC = { kind: 'text', optional: true, maxLength: MAX_TEXT } as const;

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
      (step) =>
        step.beginDialog(QUESTIONS_DIALOG, {
          questions: STRENGTHS,
          requireOne: 'assessment.needStrength',
          run: 'strengths',
          profileCard: true,
        } satisfies QuestionsOptions),
      (step) => {
        vals(step).strengths = step.result as Answers;
        return step.beginDialog(QUESTIONS_DIALOG, { questions: VIEW_AND_CONTEXT, run: 'view' } satisfies QuestionsOptions);
      },
      (step) => step.endDialog(profileFrom(vals(step).strengths as Answers, step.result as Answers)),
    ]),
    new WaterfallDialog(NOTES_DIALOG, [
      (step) => step.beginDialog(QUESTIONS_DIALOG, { questions: NOTES, run: 'notes' } satisfies QuestionsOptions),
      (step) => step.endDialog(given(step.result as Answers, ['micro', 'meso', 'macro'])),
    ]),
    new WaterfallDialog(DOMAINS_DIALOG, [askDomain, keepLevel]),
    new TextPrompt(LEVEL_PROMPT, async (prompt: PromptValidatorContext<string>) => prompt.recognized.succeeded && !!prompt.recognized.value?.trim()),
    levelsConfirmDialog(),
  ];
}

function askQuestion(step: WaterfallStepContext) {
  const options = step.options as QuestionsOptions;
  const question = options.questions[options.index ?? 0]!;
  const asked = text(step.context, question.key);
  // Room for one line per question left; each line is held to MAX_TEXT on its own.
  const spec = { ...LINE_SPEC, maxLength: MAX_TEXT * options.questions.length };
  const field = options.run ? runField(options.run, question.field) : undefined;
  // An answer from a form box is one answer, whatever lines it has.
  vals(step).fromForm = field ? cardSubmitOf(step.context)?.more.get(field) : undefined;
  const first = options.profileCard && options.index === undefined && options.answers === undefined;
  const { lang } = session(step.context);
  return ask(step, question.hint ? `${text(step.context, question.hint)}\n${asked}` : asked, spec, {
    field,
    ...(first && { card: (token: string) => profileCard(lang, token) }),
  });
}

/** The question a line's label («familia: …») stands for, among the run's questions. */
function fieldOfLabel(questions: Question[], label: string): Field | undefined {
  return questions.find((question) => matchesWord(label, `assessment.answerLabel_${question.field}`))?.field;
}

async function keepAnswer(step: WaterfallStepContext) {
  const options = step.options as QuestionsOptions;
  const index = options.index ?? 0;
  const { lang } = session(step.context);
  const fromForm = vals(step).fromForm !== undefined && vals(step).fromForm === step.result;
  const lines = String(step.result ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const left = options.questions.slice(index);
  const grouped =
    lines.length > 1 && !fromForm
      ? readGroupedLines(
          lines,
          left.map((question) => question.field),
          (label) => fieldOfLabel(options.questions, label),
        )
      : { ok: true as const, answers: { [left[0]!.field]: fromForm ? String(step.result).trim() : (lines[0] ?? '') } };
  if (!grouped.ok) {
    const fields = left.map((question) => t(lang, `assessment.answerLabel_${question.field}`).split('|')[0]).join(', ');
    await say(step.context, 'assessment.groupTooMany', { lines: grouped.lines, left: grouped.left, fields });
    return step.replaceDialog(QUESTIONS_DIALOG, options);
  }
  const answers: Answers = { ...options.answers };
  for (const [field, typed] of Object.entries(grouped.answers)) {
    const read = readInput(LINE_SPEC, typed, lang);
    if (!read.ok) {
      await say(step.context, read.error, read.params);
      return step.replaceDialog(QUESTIONS_DIALOG, options);
    }
    answers[field] = String(read.value);
  }
  if (lines.length > 1 && !fromForm) await say(step.context, 'assessment.groupTaken', { count: Object.keys(grouped.answers).length });
  const next = options.questions.findIndex((question, i) => i >= index && !(question.field in answers));
  if (next !== -1) return step.replaceDialog(QUESTIONS_DIALOG, { ...options, answers, index: next } satisfies QuestionsOptions);
  if (options.requireOne && Object.values(answers).every((value) => value === '')) {
    await say(step.context, options.requireOne);
    return step.replaceDialog(QUESTIONS_DIALOG, { ...options, answers: {}, index: 0 } satisfies QuestionsOptions);
  }
  return step.endDialog(answers);
}

function askDomain(step: WaterfallStepContext) {
  const options = step.options as DomainsOptions;
  // A level the form gave goes first; the domains it left without one are asked together after.
  const unrated = unratedDomains(options);
  const domain = unrated.find((d) => cardSubmitOf(step.context)?.more.has(ASSESSMENT_FIELDS.level(d))) ?? unrated.at(0);
  if (!domain) return step.endDialog({ ratings: options.ratings, paused: false } satisfies DomainsResult);
  vals(step).domain = domain;
  const total = LIFE_DOMAINS.length;
  const question = text(step.context, 'assessment.askDomain', {
    n: LIFE_DOMAINS.indexOf(domain) + 1,
    total,
    domain: domainLabel(domain, session(step.context).lang),
  });
  const prompt = options.scaleShown ? question : `${text(step.context, 'assessment.scale', { total })}\n\n${question}`;
  if (showsCards(step.context)) {
    // Every domain without a level on one card; each level picked is taken as if typed.
    const { lang } = session(step.context);
    const form = { unrated, withRest: !options.scaleShown };
    return ask(
      step,
      prompt,
      { kind: 'text', maxLength: MAX_TEXT },
      { field: ASSESSMENT_FIELDS.level(domain), card: (token) => domainsCard(lang, token, form) },
    );
  }
  return step.prompt(LEVEL_PROMPT, { prompt });
}

/** One level answers the domain asked; a message of several fills those and asks the rest, or confirms the table when none is left. */
async function keepLevel(step: WaterfallStepContext) {
  const options = step.options as DomainsOptions;
  const typed = String(step.result ?? '');
  const again = { ratings: options.ratings, scaleShown: true } satisfies DomainsOptions;
  const reply = readDomainAnswer(typed);
  if (reply?.kind === 'save') return step.endDialog({ ratings: options.ratings, paused: true } satisfies DomainsResult);
  if (reply?.kind === 'level') {
    const domain = vals(step).domain as LifeDomain;
    return step.replaceDialog(DOMAINS_DIALOG, { ...again, ratings: { ...options.ratings, [domain]: reply.level } } satisfies DomainsOptions);
  }
  const read = readLevels(typed, { domains: LIFE_DOMAINS, given: options.ratings });
  if (!read.ok) {
    await step.context.sendActivity(read.error.code === 'notAList' ? text(step.context, 'assessment.errorLevel') : levelsErrorText(step.context, read.error));
    return step.replaceDialog(DOMAINS_DIALOG, again);
  }
  const ratings = { ...options.ratings, ...read.levels };
  const remaining = unratedDomains({ ratings }).length;
  if (remaining === 0) return step.replaceDialog(LEVELS_CONFIRM_DIALOG, { ratings } satisfies LevelsConfirmOptions);
  await say(step.context, 'assessment.levelsPartial', { levels: levelsNoted(step.context, read.levels), remaining });
  return step.replaceDialog(DOMAINS_DIALOG, { ...again, ratings } satisfies DomainsOptions);
}
