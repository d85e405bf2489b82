// The Task-Centered Model contract (SPEC §2 step 4): up to three target problems the client
// acknowledges, the number of sessions and the plan's dates. Saved only once confirmed.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { say, session, text } from '../src/bot/session.js';
import { daysBetween, localDate } from '../src/domain/dates.js';
import type { PracticeConfig } from '../src/domain/config.js';
import { numberFormat } from '../src/domain/formatters.js';
import { newId } from '../src/domain/ids.js';
import type { Contract } from '../src/domain/schemas.js';
import { DEFAULT_CONTRACT_LIMITS, DEFAULT_PLAN_WEEKS, contractWeeksUsed, defaultPlanEnd, validateContract, type ContractLimits } from '../src/domain/tasks.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { DATE_INPUT_DIALOG, DateInputDialog, type DateInputOptions } from './dateInputDialog.js';
import { answer, ask, vals } from './prompts.js';
import { dateText } from './render.js';
import { NUMBER_WITH_DEFAULT_DIALOG, NumberWithDefaultDialog, sayChangeRefused, sayIssues, type NumberWithDefaultOptions } from './taskDialog.js';

export const CONTRACT_DIALOG = 'contract';
const PROBLEMS_DIALOG = `${CONTRACT_DIALOG}.problems`;
const DATES_DIALOG = `${CONTRACT_DIALOG}.dates`;

type TargetProblem = Contract['targetProblems'][number];
interface PlanDates {
  startDate: string;
  endDate: string;
}
interface DatesOptions {
  targetProblems: TargetProblem[];
  sessions: number;
}

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
    this.addDialog(
      new WaterfallDialog(PROBLEMS_DIALOG, [(step) => this.askProblem(step), (step) => this.askAcknowledged(step), (step) => this.nextProblem(step)]),
    );
    this.addDialog(
      new WaterfallDialog(DATES_DIALOG, [
        (step) => step.beginDialog(DATE_INPUT_DIALOG, { question: text(step.context, 'tasks.askStartDate'), allow: 'any' } satisfies DateInputOptions),
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
    return ask(step, text(step.context, 'tasks.askReplaceContract'), { kind: 'yesNo' });
  }

  private async askProblems(step: WaterfallStepContext) {
    if (vals(step).askedReplace && !answer<boolean>(step)) {
      await say(step.context, 'tasks.contractKept');
      return step.endDialog();
    }
    return step.beginDialog(PROBLEMS_DIALOG, { targetProblems: [] });
  }

  private async askSessions(step: WaterfallStepContext) {
    vals(step).targetProblems = step.result as TargetProblem[];
    const { config } = session(step.context).services;
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
    const options: DatesOptions = { targetProblems: vals(step).targetProblems, sessions: vals(step).sessions };
    return step.beginDialog(DATES_DIALOG, options);
  }

  private async confirm(step: WaterfallStepContext) {
    const { startDate, endDate } = step.result as PlanDates;
    Object.assign(vals(step), { startDate, endDate });
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
    return ask(step, text(step.context, 'tasks.askConfirmContract'), { kind: 'yesNo' });
  }

  private async save(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) {
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
    return ask(step, question, { kind: 'text', optional: recorded.length > 0, maxLength: 500 });
  }

  private async askAcknowledged(step: WaterfallStepContext) {
    const problem = answer<string>(step);
    if (!problem) return step.endDialog(problemsSoFar(step));
    vals(step).problem = problem;
    return ask(step, text(step.context, 'tasks.askAcknowledged'), { kind: 'yesNo' });
  }

  /** Only acknowledged problems are recorded; the list stops at the model's maximum. */
  private async nextProblem(step: WaterfallStepContext) {
    const acknowledged = answer<boolean>(step);
    if (!acknowledged) await say(step.context, 'tasks.problemNotRecorded');
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
    return step.beginDialog(DATE_INPUT_DIALOG, { question: text(step.context, 'tasks.askEndDate'), allow: 'future' } satisfies DateInputOptions);
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

function limits(config: PracticeConfig): ContractLimits {
  return { ...DEFAULT_CONTRACT_LIMITS, minWeeks: config.taskCentered.minWeeks, maxWeeks: config.taskCentered.warnAfterWeeks };
}

function contractInput(step: WaterfallStepContext): Omit<Contract, 'id' | 'createdAt' | 'createdBy'> {
  const v = vals(step);
  return { targetProblems: v.targetProblems, sessions: v.sessions, startDate: v.startDate, endDate: v.endDate };
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
