// The parts of the review the worker goes through: goal and task progress, re-rating the
// domains of the last assessment with the change per domain, and the next review date.
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import type { Ratings } from '../src/domain/assessment.js';
import { localDate } from '../src/domain/dates.js';
import { numberFormat } from '../src/domain/formatters.js';
import { readLevels } from '../src/domain/levelsText.js';
import { goalAndTaskSummary, type GoalSummary, type TaskSummary } from '../src/domain/review.js';
import { LIFE_DOMAINS, type Achievement, type Assessment, type Case, type DomainLevel, type Intensity, type LifeDomain } from '../src/domain/schemas.js';
import { matchesWord, t } from '../src/i18n/catalog.js';
import { levelsErrorText, levelsNoted } from './assessmentLevels.js';
import { errorText, parseChoice, readInput, type Choice } from './input.js';
import { REVIEW_FORM_MARK } from './cards/reviewCards.js';
import { questionCard } from './cards/questionCard.js';
import { cardSubmitOf, takeFormAnswer } from './cards/submit.js';
import { answer, ask, showsCards, vals } from './prompts.js';
import { dateText } from './render.js';
import { intensityName } from './reviewDecision.js';
import { levelText } from './assessmentResult.js';
import { domainLabel } from '../src/domain/smart.js';

export const RERATE_DOMAINS_DIALOG = 'enlace.rerateDomains';
const RERATE_PROMPT = 'enlace.rerateLevel';
export const NEXT_REVIEW_DATE_DIALOG = 'enlace.nextReviewDate';

// ---- progress ------------------------------------------------------------------------

export function progressText(context: TurnContext, record: Case): string {
  const { goals, unlinkedTasks } = goalAndTaskSummary(record);
  if (goals.length === 0 && unlinkedTasks.length === 0) return text(context, 'review.progressNone');
  const lines = [text(context, 'review.progressTitle')];
  for (const goal of goals) {
    const latest = latestRated(goal.tasks);
    lines.push(
      text(context, 'review.progressGoal', {
        goal: goal.text,
        status: text(context, `review.goalStatus_${goal.status}`),
        deadline: dateText(context, goal.deadline),
        average: averageText(context, goal.average),
        last: lastText(context, latest),
      }),
    );
    lines.push(...goal.tasks.map((task) => taskLine(context, task)));
  }
  if (unlinkedTasks.length > 0) lines.push(text(context, 'review.progressUnlinked'), ...unlinkedTasks.map((task) => taskLine(context, task)));
  return lines.join('\n');
}

function taskLine(context: TurnContext, task: TaskSummary): string {
  return text(context, 'review.progressTask', { task: task.description, average: averageText(context, task.average), last: lastText(context, task) });
}

/** The goal's most recently rated task, whose last rating is the goal's. */
function latestRated(tasks: GoalSummary['tasks']): TaskSummary | undefined {
  return tasks.filter((task) => task.lastRatedAt).sort((a, b) => Date.parse(b.lastRatedAt!) - Date.parse(a.lastRatedAt!))[0];
}

function averageText(context: TurnContext, average: number | null): string {
  if (average === null) return text(context, 'review.notRated');
  const value = numberFormat(session(context).lang === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 1 }).format(average);
  return text(context, 'review.average', { value });
}

function lastText(context: TurnContext, task: TaskSummary | undefined): string {
  if (!task?.lastRating || !task.lastRatedAt) return text(context, 'review.notRated');
  const rating = text(context, `review.rating_${task.lastRating satisfies Achievement}`);
  return text(context, 'review.lastRating', { rating, date: dateText(context, localDate(new Date(task.lastRatedAt), session(context).timeZone)) });
}

// ---- re-rating -----------------------------------------------------------------------

/** The assessment the review re-rates: the last one completed. */
export function lastCompletedAssessment(record: Case): Assessment | undefined {
  return record.assessments
    .filter((a) => a.completedAt)
    .sort((a, b) => Date.parse(a.completedAt!) - Date.parse(b.completedAt!))
    .at(-1);
}

/** The domains the previous assessment gave a level (n/a ones are carried over as they were). */
export function ratedDomains(assessment: Assessment): LifeDomain[] {
  return LIFE_DOMAINS.filter((domain) => typeof assessment.ratings[domain] === 'number');
}

export interface RerateState {
  domains: LifeDomain[];
  before: Ratings;
  /** The new levels given so far; the first domain without one is asked next. */
  after: Ratings;
}

export function domainName(context: TurnContext, domain: LifeDomain): string {
  return domainLabel(domain, session(context).lang);
}

function levelChoices(context: TurnContext): Choice[] {
  const { lang } = session(context);
  return (['1', '2', '3', '4', '5', 'na', 'same'] as const).map((value) => ({
    value,
    label: t(lang, `review.level_${value}`),
    words: t(lang, `review.levelWords_${value}`).split('|'),
  }));
}

/** The level question, with the levels as a numbered list and as buttons where the channel shows them. */
function levelQuestion(context: TurnContext, question: string) {
  const choices = levelChoices(context);
  const list = choices.map((c, i) => t(session(context).lang, 'common.listItem', { n: i + 1, label: c.label })).join('\n');
  const prompt = MessageFactory.suggestedActions(
    choices.map((c) => c.label),
    `${question}\n\n${list}`,
  );
  prompt.type = ActivityTypes.Message;
  return prompt;
}

/**
 * Asks the new level of each domain in turn; one message may also give several («igual salvo
 * empleo 3», «todo igual», every level in order), and then only those left are asked. Ends with
 * the new ratings.
 */
export function rerateDomainsDialog(): [WaterfallDialog, TextPrompt] {
  const state = (step: WaterfallStepContext) => step.options as RerateState;
  const waterfall = new WaterfallDialog(RERATE_DOMAINS_DIALOG, [
    async (step) => {
      const { domains, before, after } = state(step);
      // The first domain without a new level: a message of several may have given later ones.
      const index = domains.findIndex((d) => after[d] === undefined);
      const domain = domains[index];
      if (!domain) return step.endDialog(after);
      vals(step).index = index;
      const question = text(step.context, 'review.askLevel', {
        n: index + 1,
        total: domains.length,
        domain: domainName(step.context, domain),
        before: levelText(step.context, before[domain]),
      });
      // Where cards are shown: a level given on the review form is taken; one missing is asked
      // as a card whose levels are a list, never buttons cut short.
      if (showsCards(step.context)) {
        const levels = { kind: 'choice', choices: levelChoices(step.context) } as const;
        return ask(
          step,
          question,
          { kind: 'text', maxLength: 1000 },
          {
            field: `level_${domain}`,
            card: (token) => questionCard(session(step.context).lang, question, levels, token),
          },
        );
      }
      return step.prompt(RERATE_PROMPT, { prompt: levelQuestion(step.context, question) });
    },
    async (step) => {
      const current = state(step);
      const domain = current.domains[vals(step).index as number]!;
      const typed = String(step.result ?? '');
      const choices = levelChoices(step.context);
      const picked = parseChoice(typed, choices)?.value;
      if (picked) {
        const level: DomainLevel = picked === 'same' ? (current.before[domain] ?? null) : picked === 'na' ? null : Number(picked);
        return step.replaceDialog(RERATE_DOMAINS_DIALOG, { ...current, after: { ...current.after, [domain]: level } } satisfies RerateState);
      }
      const read = readLevels(typed, { domains: current.domains, given: current.after, before: current.before });
      if (!read.ok) {
        const { lang } = session(step.context);
        await step.context.sendActivity(
          read.error.code === 'notAList'
            ? errorText({ ok: false, error: 'common.errorChoice', params: { max: choices.length } }, lang)
            : levelsErrorText(step.context, read.error),
        );
        return step.replaceDialog(RERATE_DOMAINS_DIALOG, current);
      }
      const after = { ...current.after, ...read.levels };
      const remaining = current.domains.filter((d) => after[d] === undefined).length;
      if (remaining === 0) return step.endDialog(after);
      await say(step.context, 'review.rerateTaken', { levels: levelsNoted(step.context, read.levels), remaining });
      return step.replaceDialog(RERATE_DOMAINS_DIALOG, { ...current, after } satisfies RerateState);
    },
  ]);
  const prompt = new TextPrompt(RERATE_PROMPT, async (p: PromptValidatorContext<string>) => p.recognized.succeeded && !!p.recognized.value?.trim());
  return [waterfall, prompt];
}

// ---- next review date ------------------------------------------------------------------

export interface NextReviewDateOptions {
  proposed: string;
  intensity: Intensity;
}

/** Proposes the date from the intensity; "ok" takes it, or the worker types another, confirmed back. */
export function nextReviewDateDialog(): WaterfallDialog {
  const options = (step: WaterfallStepContext) => step.options as NextReviewDateOptions;
  return new WaterfallDialog(NEXT_REVIEW_DATE_DIALOG, [
    async (step) => {
      const fromForm = await dateFromReviewForm(step.context, options(step).proposed);
      if (fromForm) return step.endDialog(fromForm);
      return ask(
        step,
        text(step.context, 'review.askNextReview', {
          intensity: intensityName(step.context, options(step).intensity),
          date: dateText(step.context, options(step).proposed),
        }),
        { kind: 'text', maxLength: 200 },
      );
    },
    async (step) => {
      const typed = answer<string>(step);
      if (matchesWord(typed, 'review.acceptWords')) return step.endDialog(options(step).proposed);
      const { lang, services, timeZone } = session(step.context);
      const read = readInput({ kind: 'date', timeZone, allow: 'future' }, typed, lang, services.now());
      if (!read.ok) {
        await step.context.sendActivity(errorText(read, lang));
        return step.replaceDialog(NEXT_REVIEW_DATE_DIALOG, step.options);
      }
      if (String(read.value) <= localDate(services.now(), timeZone)) {
        await say(step.context, 'review.errorNextReviewNotAfterToday');
        return step.replaceDialog(NEXT_REVIEW_DATE_DIALOG, step.options);
      }
      vals(step).date = read.value;
      return ask(step, text(step.context, 'common.confirmDate', { date: dateText(step.context, vals(step).date) }), { kind: 'yesNo' });
    },
    async (step) => (answer<boolean>(step) ? step.endDialog(vals(step).date) : step.replaceDialog(NEXT_REVIEW_DATE_DIALOG, step.options)),
  ]);
}

/**
 * The next review date given on the review form: its calendar date, or the proposed one when
 * left blank. Undefined when the turn is not the form's, or its date is not after today (said).
 */
async function dateFromReviewForm(context: TurnContext, proposed: string): Promise<string | undefined> {
  if (!reviewFormIn(context)) return undefined;
  const given = (takeFormAnswer(context, 'nextReview') ?? '').trim();
  if (given === '') return proposed;
  const { services, timeZone } = session(context);
  if (/^\d{4}-\d{2}-\d{2}$/.test(given) && given > localDate(services.now(), timeZone)) return given;
  await say(context, 'review.errorNextReviewNotAfterToday');
  return undefined;
}

/**
 * The answers of the review form, when this turn is its press. An input left empty may come
 * as an empty text or not at all: the steps read both as blank.
 */
export function reviewFormIn(context: TurnContext): Map<string, string> | undefined {
  const form = cardSubmitOf(context)?.more;
  return form?.has(REVIEW_FORM_MARK) ? form : undefined;
}
