// Closure (finalización, SPEC §2 step 9): the reason, the outcome of each active goal, the
// final state of each active referral and a summary. Once confirmed the case is closed:
// open tasks end with it, its follow-ups stop, no review is due, and it is read-only until
// it is reopened.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { activeReferrals, closeCase } from '../src/domain/closure.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import type { Case, Closure } from '../src/domain/schemas.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog } from './casePickerDialog.js';
import { catalogChoices, labelOf } from './choices.js';
import type { Choice } from './input.js';
import { closureForm } from './cards/reviewCards.js';
import { answer, ask, showsCards, vals } from './prompts.js';

export const CLOSURE_DIALOG = 'closure';
const OUTCOMES_DIALOG = 'enlace.closureOutcomes';
const REFERRAL_ENDS_DIALOG = 'enlace.closureReferralEnds';

type Outcome = Closure['outcomes'][number];
type ReferralEnd = NonNullable<Closure['referralOutcomes']>[number];

interface OutcomesState {
  goals: { id: string; text: string }[];
  outcomes: Outcome[];
}

interface ReferralEndsState {
  referrals: { id: string; service: string }[];
  ends: ReferralEnd[];
}

export const reasonChoices = (context: TurnContext): Choice[] =>
  catalogChoices(session(context).lang, [
    ['goalsMet', 'closure.reason_goalsMet', 'closure.reasonWords_goalsMet'],
    ['clientRequest', 'closure.reason_clientRequest', 'closure.reasonWords_clientRequest'],
    ['transfer', 'closure.reason_transfer', 'closure.reasonWords_transfer'],
    ['lostContact', 'closure.reason_lostContact', 'closure.reasonWords_lostContact'],
    ['other', 'closure.reason_other', 'closure.reasonWords_other'],
  ]);

const outcomeChoices = (context: TurnContext): Choice[] =>
  catalogChoices(session(context).lang, [
    ['achieved', 'closure.outcome_achieved', 'closure.outcomeWords_achieved'],
    ['partial', 'closure.outcome_partial', 'closure.outcomeWords_partial'],
    ['notAchieved', 'closure.outcome_notAchieved', 'closure.outcomeWords_notAchieved'],
  ]);

const referralEndChoices = (context: TurnContext): Choice[] =>
  catalogChoices(session(context).lang, [
    ['completed', 'closure.referralEnd_completed', 'closure.referralEndWords_completed'],
    ['declined', 'closure.referralEnd_declined', 'closure.referralEndWords_declined'],
    ['cancelled', 'closure.referralEnd_cancelled', 'closure.referralEndWords_cancelled'],
  ]);

export class ClosureDialog extends BaseDialog {
  constructor() {
    super(CLOSURE_DIALOG, 'closure.name', 'closure.help', [
      (step) => this.pickCase(step),
      (step) => this.askReason(step),
      (step) => this.askReasonNote(step),
      (step) => this.askOutcomes(step),
      (step) => this.askReferralEnds(step),
      (step) => this.askSummary(step),
      (step) => this.confirm(step),
      (step) => this.close(step),
    ]);
    this.addDialog(new CasePickerDialog());
    this.addDialog(outcomesDialog());
    this.addDialog(referralEndsDialog());
  }

  private async pickCase(step: WaterfallStepContext) {
    if (!isRole(session(step.context).actor, 'worker', 'supervisor')) {
      await say(step.context, 'common.notAllowed');
      return step.endDialog();
    }
    return step.beginDialog(CASE_PICKER_DIALOG, step.options);
  }

  private async askReason(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'closure.read');
    vals(step).caseId = caseId;
    vals(step).goals = record.goals.filter((g) => g.status === 'active').map((g) => ({ id: g.id, text: g.text }));
    vals(step).openTasks = record.tasks.filter((t) => t.status === 'open').length;
    vals(step).referrals = await Promise.all(
      activeReferrals(record).map(async (r) => ({ id: r.id, service: (await services.directory.get(actor, r.serviceId))?.name ?? r.serviceId })),
    );
    const question = text(step.context, 'closure.askReason');
    const spec = { kind: 'choice', choices: reasonChoices(step.context) } as const;
    // Where cards are shown, the whole closure is one form; its answers are then taken step by step.
    if (showsCards(step.context)) return ask(step, question, spec, { field: 'reason', card: (token) => this.form(step, token, record) });
    await say(step.context, 'closure.intro', { caseId, name: record.client.name });
    return ask(step, question, spec);
  }

  private form(step: WaterfallStepContext, token: string, record: Case) {
    const asCard = (choices: Choice[]) => choices.map((c) => ({ title: c.label, value: c.value }));
    return closureForm(session(step.context).lang, token, {
      caseId: record.id,
      name: record.client.name,
      goals: vals(step).goals,
      referrals: vals(step).referrals,
      openTasks: vals(step).openTasks,
      reasons: asCard(reasonChoices(step.context)),
      outcomes: asCard(outcomeChoices(step.context)),
      referralEnds: asCard(referralEndChoices(step.context)),
    });
  }

  private async askReasonNote(step: WaterfallStepContext) {
    vals(step).reason = answer<string>(step);
    // Within the team a case moves without closing it: a supervisor transfers it.
    if (vals(step).reason === 'transfer') await say(step.context, 'closure.transferHint');
    if (vals(step).reason !== 'other') return step.next();
    return ask(step, text(step.context, 'closure.askReasonNote'), { kind: 'text', maxLength: 1000 }, { field: 'reasonNote' });
  }

  private async askOutcomes(step: WaterfallStepContext) {
    if (vals(step).reason === 'other') vals(step).reasonNote = answer<string>(step);
    const goals = vals(step).goals as OutcomesState['goals'];
    if (goals.length === 0) await say(step.context, 'closure.noActiveGoals');
    return step.beginDialog(OUTCOMES_DIALOG, { goals, outcomes: [] } satisfies OutcomesState);
  }

  private async askReferralEnds(step: WaterfallStepContext) {
    vals(step).outcomes = step.result as Outcome[];
    const referrals = vals(step).referrals as ReferralEndsState['referrals'];
    if (referrals.length === 0) return step.next([]);
    await say(step.context, 'closure.referralsIntro', { count: referrals.length });
    return step.beginDialog(REFERRAL_ENDS_DIALOG, { referrals, ends: [] } satisfies ReferralEndsState);
  }

  private async askSummary(step: WaterfallStepContext) {
    vals(step).referralEnds = step.result as ReferralEnd[];
    return ask(step, text(step.context, 'closure.askSummary'), { kind: 'text', maxLength: 4000 }, { field: 'summary' });
  }

  private async confirm(step: WaterfallStepContext) {
    const v = vals(step);
    v.summary = answer<string>(step);
    const goals = v.goals as OutcomesState['goals'];
    const outcomes = (v.outcomes as Outcome[]).map((o) =>
      text(step.context, 'closure.outcomeLine', {
        goal: goals.find((g) => g.id === o.goalId)?.text ?? o.goalId,
        outcome: labelOf(outcomeChoices(step.context), o.outcome),
      }),
    );
    const referrals = v.referrals as ReferralEndsState['referrals'];
    const ends = (v.referralEnds as ReferralEnd[]).map((e) =>
      text(step.context, 'closure.referralEndLine', {
        service: referrals.find((r) => r.id === e.referralId)?.service ?? e.referralId,
        status: labelOf(referralEndChoices(step.context), e.status),
      }),
    );
    const lines = [
      text(step.context, 'closure.summary', {
        caseId: v.caseId,
        reason: reasonText(step.context, v.reason, v.reasonNote),
        outcomes: outcomes.length > 0 ? outcomes.join('\n') : text(step.context, 'closure.noOutcomes'),
        summary: v.summary,
      }),
    ];
    if (ends.length > 0) lines.push(text(step.context, 'closure.referralEndsHeader'), ...ends);
    if (v.openTasks > 0) lines.push(text(step.context, 'closure.openTasksEnd', { count: v.openTasks }));
    lines.push(text(step.context, 'closure.followUpsStop'));
    await step.context.sendActivity(lines.join('\n'));
    return ask(step, text(step.context, 'closure.askConfirm'), { kind: 'yesNo' }, { field: 'confirm' });
  }

  private async close(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) {
      await say(step.context, 'closure.notSaved');
      return step.endDialog();
    }
    const { actor, services } = session(step.context);
    const v = vals(step);
    const closure: Closure = {
      at: services.now().toISOString(),
      by: actor.id,
      reason: v.reason,
      ...(v.reasonNote ? { reasonNote: v.reasonNote } : {}),
      outcomes: v.outcomes,
      ...(v.referralEnds.length > 0 ? { referralOutcomes: v.referralEnds } : {}),
      summary: v.summary,
    };
    try {
      await services.cases.change(actor, v.caseId, 'case.close', (current) => closeCase(current, closure));
    } catch (error) {
      if (error instanceof CaseClosedError) await say(step.context, 'common.caseClosed', { caseId: v.caseId });
      else if (error instanceof DomainError) await say(step.context, planChanged(error) ? 'closure.goalsChanged' : 'closure.closeFailed');
      else throw error;
      return step.endDialog();
    }
    await say(step.context, 'closure.closed', { caseId: v.caseId });
    return step.endDialog();
  }
}

function reasonText(context: TurnContext, reason: string, note: string | undefined): string {
  const label = labelOf(reasonChoices(context), reason);
  return note ? text(context, 'closure.reasonWithNote', { reason: label, note }) : label;
}

const PLAN_CHANGED = ['outcomeMissing', 'unknownGoal', 'referralOutcomeMissing', 'unknownReferral'];

/** The goals or referrals changed between asking their outcomes and closing. */
function planChanged(error: DomainError): boolean {
  return (error.details.issues ?? []).some((i) => PLAN_CHANGED.includes(i.code));
}

/** Asks the outcome of each active goal in turn; ends with the outcomes. */
function outcomesDialog(): WaterfallDialog {
  const state = (step: WaterfallStepContext) => step.options as OutcomesState;
  return new WaterfallDialog(OUTCOMES_DIALOG, [
    async (step) => {
      const { goals, outcomes } = state(step);
      const goal = goals[outcomes.length];
      if (!goal) return step.endDialog(outcomes);
      const question = text(step.context, 'closure.askOutcome', { n: outcomes.length + 1, total: goals.length, goal: goal.text });
      return ask(step, question, { kind: 'choice', choices: outcomeChoices(step.context) }, { field: `outcome_${goal.id}` });
    },
    async (step) => {
      const { goals, outcomes } = state(step);
      const outcome: Outcome = { goalId: goals[outcomes.length]!.id, outcome: answer<Outcome['outcome']>(step) };
      return step.replaceDialog(OUTCOMES_DIALOG, { goals, outcomes: [...outcomes, outcome] } satisfies OutcomesState);
    },
  ]);
}

/** Asks the final state of each active referral in turn; ends with them. */
function referralEndsDialog(): WaterfallDialog {
  const state = (step: WaterfallStepContext) => step.options as ReferralEndsState;
  return new WaterfallDialog(REFERRAL_ENDS_DIALOG, [
    async (step) => {
      const { referrals, ends } = state(step);
      const referral = referrals[ends.length];
      if (!referral) return step.endDialog(ends);
      const question = text(step.context, 'closure.askReferralEnd', { n: ends.length + 1, total: referrals.length, service: referral.service });
      return ask(step, question, { kind: 'choice', choices: referralEndChoices(step.context) }, { field: `referralEnd_${referral.id}` });
    },
    async (step) => {
      const { referrals, ends } = state(step);
      const end: ReferralEnd = { referralId: referrals[ends.length]!.id, status: answer<ReferralEnd['status']>(step) };
      return step.replaceDialog(REFERRAL_ENDS_DIALOG, { referrals, ends: [...ends, end] } satisfies ReferralEndsState);
    },
  ]);
}
