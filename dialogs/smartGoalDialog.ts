// A new SMART goal (objetivo SMART, SPEC §2 step 3): the goal sentence, read for what it
// already says, then coaching on what is missing, the summary to confirm, then the
// client's agreement. Nothing is stored
// until the client agrees, and a goal that is not SMART is never stored.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import { newId } from '../src/domain/ids.js';
import { draftFromSentence, type SmartContext, type SmartGoalReady } from '../src/domain/smart.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog } from './casePickerDialog.js';
import { DateInputDialog } from './dateInputDialog.js';
import { answer, ask, vals } from './prompts.js';
import { PlainWordsDialog } from './plainWordsDialog.js';
import { GOAL_INPUTS, goalFormCard } from './cards/goalCards.js';
import { MAX_LENGTH, SMART_COACH_DIALOG, coachingLoop, formParts, goalFormFacts, readingOf, type CardPart, type CoachOptions } from './smartGoalSteps.js';
import { agreedGoal, smartContextOf } from './smartGoalCase.js';

export const SMART_GOAL_DIALOG = 'smartGoal';
/** The parts the goal form holds besides the sentence. */
const FORM_PARTS: CardPart[] = ['actor', 'indicator', 'target', 'deadline', 'domain', 'support', 'obstacles'];

interface Values {
  caseId: string;
  clientName: string;
  context: SmartContext;
  draft: SmartGoalReady;
}

export class SmartGoalDialog extends BaseDialog {
  constructor() {
    super(SMART_GOAL_DIALOG, 'smart.name', 'smart.help', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options),
      (step) => this.askGoal(step),
      (step) => this.coach(step),
      (step) => this.askAgreement(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
    this.addDialog(new DateInputDialog());
    this.addDialog(new PlainWordsDialog());
    this.addDialog(coachingLoop());
  }

  private async askGoal(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, lang, services } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'goal.start');
    const context = smartContextOf(record, lang, services.now());
    // A goal answers an assessed need: with none, the assessment comes first.
    if (context.needs.length === 0) {
      await say(step.context, 'smart.askAssessmentFirst');
      await say(step.context, 'smart.assessFirst', { caseId });
      return step.endDialog();
    }
    Object.assign(vals(step), { caseId, clientName: record.client.name, context } satisfies Partial<Values>);
    // Where cards are shown, every part of the goal comes on one form.
    const form = goalFormFacts(record.client.name, caseId, context);
    return ask(
      step,
      text(step.context, 'smart.askGoal', { name: record.client.name, caseId }),
      { kind: 'text', maxLength: MAX_LENGTH.text },
      {
        field: GOAL_INPUTS.text,
        card: (token) => goalFormCard(lang, token, form),
      },
    );
  }

  private async coach(step: WaterfallStepContext) {
    const v = vals(step) as Values;
    // What the sentence already says is taken; the loop asks only for the rest.
    const sentence = draftFromSentence(answer<string>(step), readingOf(step.context), v.clientName, v.context.needs);
    // The other parts a form gave are taken over what the sentence says.
    const draft = { ...sentence, ...(await formParts(step, FORM_PARTS, v.clientName, v.context)) };
    return step.beginDialog(SMART_COACH_DIALOG, { draft, context: v.context, clientName: v.clientName } satisfies CoachOptions);
  }

  /** The summary was confirmed in the coaching loop; the client's agreement is asked apart. */
  private async askAgreement(step: WaterfallStepContext) {
    const v = vals(step) as Values;
    v.draft = step.result as SmartGoalReady;
    return ask(step, text(step.context, 'smart.askAgreement'), { kind: 'yesNo' }, { field: GOAL_INPUTS.agreement });
  }

  private async save(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) {
      await say(step.context, 'smart.notAgreed');
      return step.endDialog();
    }
    const { actor, lang, services } = session(step.context);
    const { caseId, draft } = vals(step) as Values;
    const now = services.now();
    const ids = { goalId: newId('G'), by: actor.id, at: now.toISOString() };
    try {
      await services.cases.change(actor, caseId, 'goal.create', (current) => {
        // Checked again on the latest case: a reassessment or a new contract may have
        // changed the needs or the plan's end while the goal was being coached.
        const goal = agreedGoal(draft, smartContextOf(current, lang, now), ids);
        if (!goal) throw new DomainError('goalNotSmart', `Goal for case ${caseId} is not SMART`);
        return { ...current, goals: [...current.goals, goal] };
      });
    } catch (error) {
      if (error instanceof CaseClosedError) await say(step.context, 'common.caseClosed', { caseId });
      else if (error instanceof DomainError && error.code === 'goalNotSmart') await say(step.context, 'smart.notSavedNotSmart');
      else throw error;
      return step.endDialog();
    }
    await say(step.context, 'smart.saved', { goalId: ids.goalId, caseId });
    return step.endDialog(ids.goalId);
  }
}
