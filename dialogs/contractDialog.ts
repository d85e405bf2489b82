// The Task-Centered Model contract (SPEC §2 step 4): up to three target problems the client
// acknowledges, the number of sessions and the plan's dates. Saved only once confirmed.
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { addDays, daysBetween, localDate, parseNaturalDate } from '../src/domain/dates.js';
import type { PracticeConfig } from '../src/domain/config.js';
import { numberFormat } from '../src/domain/formatters.js';
import { newId } from '../src/domain/ids.js';
import type { Contract, Language } from '../src/domain/schemas.js';
import { matchesWord, normalize } from '../src/i18n/catalog.js';
import {
  DEFAULT_CONTRACT_LIMITS,
  DEFAULT_PLAN_WEEKS,
  contractWeeksUsed,
  defaultPlanEnd,
  validateContract,
  type ContractInput,
  type ContractLimits,
} from '../src/domain/tasks.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { DATE_INPUT_DIALOG, DateInputDialog, type DateInputOptions } from './dateInputDialog.js';
import { parseYesNo } from './input.js';
import { linesOf } from './intents.js';
import { answer, ask, createInputPrompt, showsCards, vals } from './prompts.js';
import { dateText } from './render.js';
import { formGives } from './cards/submit.js';
import { answersACard, takeFormAnswer } from './cards/submit.js';
import { contractFormCard, type ContractFormFacts } from './cards/taskCards.js';
import { NUMBER_WITH_DEFAULT_DIALOG, NumberWithDefaultDialog, type NumberWithDefaultOptions } from './numberWithDefault.js';
import { sayChangeRefused, sayIssues } from './taskDialog.js';

export const CONTRACT_DIALOG = 'contract';
const PROBLEMS_DIALOG = `${CONTRACT_DIALOG}.problems`;
const DATES_DIALOG = `${CONTRACT_DIALOG}.dates`;
const QUICK_CONFIRM_DIALOG = `${CONTRACT_DIALOG}.quickConfirm`;
/** ContractSchema's limit for one target problem. */
const PROBLEM_MAX_LENGTH = 500;

type TargetProblem = Contract['targetProblems'][number];
interface PlanDates {
  startDate: string;
  endDate: string;
}
interface DatesOptions {
  targetProblems: TargetProblem[];
  sessions: number;
}
/** Problems typed together, one per line: the plan then takes the practice's defaults, shown in the summary. */
interface ProblemsTogether {
  together: TargetProblem[];
}
/** The problems asked one at a time; the form shows at the first. */
interface ProblemsOptions {
  targetProblems: TargetProblem[];
  form?: ContractFormFacts;
}
type QuickOptions = ContractInput & { targetProblems: TargetProblem[] };
type QuickResult = { confirmed: boolean } & QuickOptions;

export class ContractDialog extends BaseDialog {
  constructor() {
    super(CONTRACT_DIALOG, 'tasks.contractName', 'tasks.contractHelp', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions),
      (step) => this.showCurrent(step),
      (step) => this.askProblems(step),
      (step) => this.askSessions(step),
      (step) => this.askDates(step),
      (step) => this.confirm(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
    this.addDialog(new DateInputDialog());
    this.addDialog(new NumberWithDefaultDialog());
    this.addDialog(new QuickConfirmDialog());
    this.addDialog(
      new WaterfallDialog(PROBLEMS_DIALOG, [(step) => this.askProblem(step), (step) => this.askAcknowledged(step), (step) => this.nextProblem(step)]),
    );
    this.addDialog(
      new WaterfallDialog(DATES_DIALOG, [
        (step) => step.beginDialog(DATE_INPUT_DIALOG, { questionKey: 'tasks.askStartDate', allow: 'any' } satisfies DateInputOptions),
        (step) => this.offerDefaultEnd(step),
        (step) => this.askEndDate(step),
        (step) => this.checkDates(step),
      ]),
    );
  }

  /** A case with a contract: show it and ask whether a new one replaces it. */
  private async showCurrent(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services, timeZone } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'contract.read');
    vals(step).caseId = caseId;
    const contract = record.contract;
    if (!contract) return step.next();
    vals(step).askedReplace = true;
    await step.context.sendActivity(
      text(step.context, 'tasks.contractCurrent', {
        caseId,
        problems: problemLines(step.context, contract.targetProblems),
        sessions: contract.sessions,
        start: dateText(step.context, contract.startDate),
        end: dateText(step.context, contract.endDate),
        weeksUsed: contractWeeksUsed(contract, localDate(services.now(), timeZone)),
        weeks: weeks(contract, session(step.context).lang),
      }),
    );
    return ask(step, text(step.context, 'tasks.askReplaceContract'), { kind: 'yesNo' }, { field: 'replace' });
  }

  private async askProblems(step: WaterfallStepContext) {
    if (vals(step).askedReplace && !answer<boolean>(step)) {
      await say(step.context, 'tasks.contractKept');
      return step.endDialog();
    }
    // Where cards are shown, the whole contract comes on one form at the first problem.
    const { services, timeZone } = session(step.context);
    const today = localDate(services.now(), timeZone);
    const form: ContractFormFacts = {
      caseId: vals(step).caseId,
      maxProblems: DEFAULT_CONTRACT_LIMITS.maxProblems,
      sessions: services.config.taskCentered.sessions,
      maxSessions: DEFAULT_CONTRACT_LIMITS.maxSessions,
      startDate: today,
      endDate: defaultPlanEnd(today, DEFAULT_PLAN_WEEKS),
    };
    return step.beginDialog(PROBLEMS_DIALOG, { targetProblems: [], form } satisfies ProblemsOptions);
  }

  private async askSessions(step: WaterfallStepContext) {
    const problems = step.result as TargetProblem[] | ProblemsTogether;
    const { config } = session(step.context).services;
    if (!Array.isArray(problems)) {
      vals(step).targetProblems = problems.together;
      vals(step).quick = true;
      // A form's number of sessions is taken as given; the summary says what is wrong with it.
      const sessions = takeFormAnswer(step.context, 'sessions');
      return step.next(sessions && /^\d+$/.test(sessions.trim()) ? Number(sessions) : config.taskCentered.sessions);
    }
    vals(step).targetProblems = problems;
    const options: NumberWithDefaultOptions = {
      question: text(step.context, 'tasks.askSessions', { default: config.taskCentered.sessions }),
      defaultValue: config.taskCentered.sessions,
      min: 1,
      max: DEFAULT_CONTRACT_LIMITS.maxSessions,
    };
    return step.beginDialog(NUMBER_WITH_DEFAULT_DIALOG, options);
  }

  private async askDates(step: WaterfallStepContext) {
    vals(step).sessions = step.result as number;
    if (vals(step).quick) {
      const { services, timeZone } = session(step.context);
      // A form's dates (a calendar's `YYYY-MM-DD`) replace the defaults; the summary checks them.
      const startDate = calendarDay(takeFormAnswer(step.context, 'startDate')) ?? localDate(services.now(), timeZone);
      const endDate = calendarDay(takeFormAnswer(step.context, 'endDate')) ?? defaultPlanEnd(startDate, DEFAULT_PLAN_WEEKS);
      return step.next({ startDate, endDate } satisfies PlanDates);
    }
    const options: DatesOptions = { targetProblems: vals(step).targetProblems, sessions: vals(step).sessions };
    return step.beginDialog(DATES_DIALOG, options);
  }

  private async confirm(step: WaterfallStepContext) {
    const { startDate, endDate } = step.result as PlanDates;
    Object.assign(vals(step), { startDate, endDate });
    if (vals(step).quick) return step.beginDialog(QUICK_CONFIRM_DIALOG, contractInput(step) satisfies QuickOptions);
    const { services, lang, timeZone } = session(step.context);
    await step.context.sendActivity(
      text(step.context, 'tasks.contractSummary', {
        problems: problemLines(step.context, vals(step).targetProblems),
        sessions: vals(step).sessions,
        start: dateText(step.context, startDate),
        end: dateText(step.context, endDate),
        weeks: weeks({ startDate, endDate }, lang),
      }),
    );
    const validation = validateContract(contractInput(step), localDate(services.now(), timeZone), limits(services.config));
    await sayIssues(step.context, validation.warnings);
    return ask(step, text(step.context, 'tasks.askConfirmContract'), { kind: 'yesNo' }, { field: 'confirm' });
  }

  private async save(step: WaterfallStepContext) {
    const quick = vals(step).quick ? (step.result as QuickResult) : undefined;
    if (quick) {
      const { confirmed: _confirmed, ...input } = quick;
      Object.assign(vals(step), input);
    }
    if (!(quick ? quick.confirmed : answer<boolean>(step))) {
      await say(step.context, 'tasks.contractNotSaved');
      return step.endDialog();
    }
    const { actor, services } = session(step.context);
    const caseId = vals(step).caseId as string;
    const contract: Contract = { id: newId('P'), ...contractInput(step), createdAt: services.now().toISOString(), createdBy: actor.id };
    try {
      await services.cases.change(actor, caseId, 'contract.save', (current) => ({ ...current, contract }));
    } catch (error) {
      await sayChangeRefused(step.context, error, caseId);
      return step.endDialog();
    }
    await say(step.context, 'tasks.contractSaved', {
      caseId,
      count: contract.targetProblems.length,
      sessions: contract.sessions,
      end: dateText(step.context, contract.endDate),
    });
    return step.endDialog(contract.id);
  }

  // ---- target problems, one at a time -----------------------------------------------

  private async askProblem(step: WaterfallStepContext) {
    const recorded = problemsSoFar(step);
    const key = recorded.length === 0 ? 'tasks.askProblemFirst' : 'tasks.askProblemMore';
    const question = text(step.context, key, { n: recorded.length + 1, max: DEFAULT_CONTRACT_LIMITS.maxProblems });
    const { form } = step.options as ProblemsOptions;
    const { lang } = session(step.context);
    const card = recorded.length === 0 && form ? { card: (token: string) => contractFormCard(lang, token, form) } : {};
    // The form's box holds up to three problems, one per line.
    const maxLength = recorded.length === 0 && form && showsCards(step.context) ? PROBLEM_MAX_LENGTH * DEFAULT_CONTRACT_LIMITS.maxProblems : PROBLEM_MAX_LENGTH;
    return ask(step, question, { kind: 'text', optional: recorded.length > 0, maxLength }, { field: 'problems', ...card });
  }

  private async askAcknowledged(step: WaterfallStepContext) {
    const problem = answer<string>(step);
    if (!problem) return step.endDialog(problemsSoFar(step));
    // The form gives all its problems at once, one per line: they are taken together.
    const fromForm = answersACard(step.context) && formGives(step.context, 'acknowledged');
    const lines = linesOf(problem);
    const max = DEFAULT_CONTRACT_LIMITS.maxProblems;
    // The form's box holds several problems; each is still kept to what a problem may hold.
    if (lines.some((line) => line.length > PROBLEM_MAX_LENGTH)) {
      await say(step.context, 'common.errorTooLong', { max: PROBLEM_MAX_LENGTH });
      return step.replaceDialog(PROBLEMS_DIALOG, step.options);
    }
    if ((lines.length > 1 || fromForm) && problemsSoFar(step).length === 0) {
      if (lines.length > max) {
        await say(step.context, 'tasks.tooManyProblems', { max });
        return step.replaceDialog(PROBLEMS_DIALOG, step.options);
      }
      vals(step).together = lines;
      return ask(step, text(step.context, 'tasks.askAcknowledgedAll', { count: lines.length }), { kind: 'yesNo' }, { field: 'acknowledged' });
    }
    vals(step).problem = problem;
    return ask(step, text(step.context, 'tasks.askAcknowledged'), { kind: 'yesNo' }, { field: 'acknowledged' });
  }

  /** Only acknowledged problems are recorded; the list stops at the model's maximum. */
  private async nextProblem(step: WaterfallStepContext) {
    const acknowledged = answer<boolean>(step);
    const together = vals(step).together as string[] | undefined;
    if (together && acknowledged) {
      return step.endDialog({ together: together.map((text) => ({ text, acknowledgedByClient: true as const })) } satisfies ProblemsTogether);
    }
    if (!acknowledged) await say(step.context, together ? 'tasks.problemsNotRecorded' : 'tasks.problemNotRecorded');
    if (together) return step.replaceDialog(PROBLEMS_DIALOG, step.options);
    const problems = acknowledged ? [...problemsSoFar(step), { text: vals(step).problem as string, acknowledgedByClient: true as const }] : problemsSoFar(step);
    if (problems.length >= DEFAULT_CONTRACT_LIMITS.maxProblems) {
      await say(step.context, 'tasks.problemsFull', { max: DEFAULT_CONTRACT_LIMITS.maxProblems });
      return step.endDialog(problems);
    }
    return step.replaceDialog(PROBLEMS_DIALOG, { targetProblems: problems });
  }

  // ---- plan dates ---------------------------------------------------------------------

  private async offerDefaultEnd(step: WaterfallStepContext) {
    vals(step).startDate = step.result as string;
    vals(step).proposedEnd = defaultPlanEnd(vals(step).startDate, DEFAULT_PLAN_WEEKS);
    return ask(step, text(step.context, 'tasks.askDefaultEnd', { date: dateText(step.context, vals(step).proposedEnd), weeks: DEFAULT_PLAN_WEEKS }), {
      kind: 'yesNo',
    });
  }

  private async askEndDate(step: WaterfallStepContext) {
    if (answer<boolean>(step)) return step.next(vals(step).proposedEnd);
    return step.beginDialog(DATE_INPUT_DIALOG, { questionKey: 'tasks.askEndDate', allow: 'future' } satisfies DateInputOptions);
  }

  /** Date errors (an end before the start or already past) ask for the dates again. */
  private async checkDates(step: WaterfallStepContext) {
    const dates: PlanDates = { startDate: vals(step).startDate, endDate: step.result as string };
    const { services, timeZone } = session(step.context);
    const validation = validateContract({ ...(step.options as DatesOptions), ...dates }, localDate(services.now(), timeZone), limits(services.config));
    if (validation.ok) return step.endDialog(dates);
    await sayIssues(step.context, validation.errors);
    await say(step.context, 'tasks.datesAgain');
    return step.replaceDialog(DATES_DIALOG, step.options);
  }
}

/**
 * The summary of a contract whose sessions and dates are the practice's defaults, and its
 * confirmation; «12» (sessions), «10 semanas» or «empieza el lunes» change them and show it again.
 */
class QuickConfirmDialog extends ComponentDialog {
  constructor() {
    super(QUICK_CONFIRM_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(new WaterfallDialog(`${QUICK_CONFIRM_DIALOG}.steps`, [(step) => this.show(step), (step) => this.read(step)]));
    this.initialDialogId = `${QUICK_CONFIRM_DIALOG}.steps`;
  }

  private async show(step: WaterfallStepContext) {
    const input = step.options as QuickOptions;
    const { services, lang, timeZone } = session(step.context);
    await step.context.sendActivity(
      [
        text(step.context, 'tasks.contractSummary', {
          problems: problemLines(step.context, input.targetProblems),
          sessions: input.sessions,
          start: dateText(step.context, input.startDate),
          end: dateText(step.context, input.endDate),
          weeks: weeks(input, lang),
        }),
        text(step.context, 'tasks.contractChangeHint'),
      ].join('\n'),
    );
    const validation = validateContract(input, localDate(services.now(), timeZone), limits(services.config));
    await sayIssues(step.context, [...validation.errors, ...validation.warnings]);
    return ask(step, text(step.context, 'tasks.askConfirmContract'), { kind: 'text', maxLength: 100 }, { field: 'confirm' });
  }

  private async read(step: WaterfallStepContext) {
    const input = step.options as QuickOptions;
    const { services, lang, timeZone } = session(step.context);
    const typed = answer<string>(step);
    const yes = parseYesNo(typed);
    const today = localDate(services.now(), timeZone);
    if (yes === false) return step.endDialog({ ...input, confirmed: false } satisfies QuickResult);
    if (yes === true) {
      if (validateContract(input, today, limits(services.config)).ok) return step.endDialog({ ...input, confirmed: true } satisfies QuickResult);
      await say(step.context, 'tasks.contractFixFirst');
      return step.replaceDialog(QUICK_CONFIRM_DIALOG, input);
    }
    const changed = changedPlan(typed, input, lang, timeZone, services.now());
    if (!changed) await say(step.context, 'tasks.errorContractChange');
    return step.replaceDialog(QUICK_CONFIRM_DIALOG, changed ?? input);
  }
}

/** «12» or «12 sesiones»: sessions; «10 semanas»: the plan's length; «empieza el lunes»: its start, same length. */
function changedPlan(typed: string, input: QuickOptions, lang: Language, timeZone: string, now: Date): QuickOptions | undefined {
  const plain = normalize(typed);
  const number = /^(\d{1,3})(?:\s+(\p{L}+))?$/u.exec(plain);
  if (number) {
    const value = Number(number[1]);
    const unit = number[2] ?? '';
    if (unit === '' || matchesWord(unit, 'tasks.sessionWords')) return { ...input, sessions: value };
    if (matchesWord(unit, 'tasks.weekWords')) return { ...input, endDate: defaultPlanEnd(input.startDate, value) };
    return undefined;
  }
  const start = /^(\p{L}+)\s+(.+)$/u.exec(plain);
  if (!start || !matchesWord(start[1]!, 'tasks.startWords')) return undefined;
  const reading = parseNaturalDate(start[2]!, lang, timeZone, now, 'future');
  if (!reading.ok) return undefined;
  const length = daysBetween(input.startDate, input.endDate);
  return { ...input, startDate: reading.date, endDate: addDays(reading.date, length) };
}

function limits(config: PracticeConfig): ContractLimits {
  return { ...DEFAULT_CONTRACT_LIMITS, minWeeks: config.taskCentered.minWeeks, maxWeeks: config.taskCentered.warnAfterWeeks };
}

function contractInput(step: WaterfallStepContext): Omit<Contract, 'id' | 'createdAt' | 'createdBy'> {
  const v = vals(step);
  return { targetProblems: v.targetProblems, sessions: v.sessions, startDate: v.startDate, endDate: v.endDate };
}

/** A day picked on a card's calendar; anything else is not taken. */
function calendarDay(value: string | undefined): string | undefined {
  const day = value?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

function problemsSoFar(step: WaterfallStepContext): TargetProblem[] {
  return (step.options as { targetProblems: TargetProblem[] }).targetProblems;
}

function problemLines(context: TurnContext, problems: readonly TargetProblem[]): string {
  return problems.map((p) => text(context, 'tasks.contractProblemLine', { text: p.text })).join('\n');
}

/** The plan's length in weeks, to one decimal. */
function weeks(dates: PlanDates, lang: string): string {
  const length = daysBetween(dates.startDate, dates.endDate) / 7;
  return numberFormat(lang === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 1 }).format(length);
}
