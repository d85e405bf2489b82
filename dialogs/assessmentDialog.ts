// Assessment and reassessment (valoración, SPEC §2 step 2): strengths first, the client's
// view and aspirations, context, the life domains, safety and the micro/meso/macro notes.
// The bot recommends the support intensity; the worker decides. Nothing is stored until the
// worker confirms, except a draft the worker saves on purpose to continue later.
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { completeAssessment, escalationReasons, hasStrengths, unratedDomains } from '../src/domain/assessment.js';
import { caseTimeZone } from '../src/domain/config.js';
import { localDate } from '../src/domain/dates.js';
import { reviewDayAfter } from '../src/domain/review.js';
import { newId } from '../src/domain/ids.js';
import { LIFE_DOMAINS, type Assessment, type Case, type Intensity } from '../src/domain/schemas.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog } from './casePickerDialog.js';
import { catalogChoices } from './choices.js';
import { alertReasonsText, assessmentDate, intensityChoices, intensityLabel, resultCard, resultText } from './assessmentResult.js';
import {
  assessmentStepDialogs,
  DOMAINS_DIALOG,
  NOTES_DIALOG,
  PROFILE_DIALOG,
  type DomainsOptions,
  type DomainsResult,
  type Profile,
} from './assessmentSteps.js';
import { ASSESSMENT_FIELDS } from './cards/assessmentCards.js';
import { continueKeepingForm } from './cards/formMemory.js';
import { answer, ask, showsCards, vals } from './prompts.js';
import { dateText } from './render.js';

export const ASSESSMENT_DIALOG = 'assessment';

interface Values {
  caseId: string;
  /** The case's calendar, for the next review date. */
  caseTimeZone: string;
  /** The last completed assessment, to compare against. */
  previous?: Assessment;
  savedDraft?: Assessment;
  draft: Assessment;
  completed: Assessment;
  /** The day the assessment was completed, in the case's calendar; reviews count from it. */
  today: string;
  decided?: Intensity;
}

const values = (step: WaterfallStepContext) => vals(step) as Values;

/** The latest completed assessment (initial, reassessment or review). */
function lastCompleted(assessments: Assessment[]): Assessment | undefined {
  return assessments.filter((a) => a.completedAt).at(-1);
}

export class AssessmentDialog extends BaseDialog {
  constructor() {
    super(ASSESSMENT_DIALOG, 'assessment.name', 'assessment.help', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options),
      (step) => this.offerDraft(step),
      (step) => this.begin(step),
      (step) => {
        if (step.result) values(step).draft = { ...values(step).draft, ...(step.result as Profile) };
        return step.beginDialog(DOMAINS_DIALOG, { ratings: values(step).draft.ratings } satisfies DomainsOptions);
      },
      (step) => this.afterDomains(step),
      (step) => {
        values(step).draft.safetyConcern = answer<boolean>(step);
        return step.beginDialog(NOTES_DIALOG);
      },
      (step) => this.showResult(step),
      (step) => this.confirm(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
    for (const dialog of assessmentStepDialogs()) this.addDialog(dialog);
  }

  /** The form answers of a card's turn (or kept from it) keep going through the later steps. */
  override continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    return continueKeepingForm(outerDc, () => super.continueDialog(outerDc));
  }

  private async offerDraft(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services, lang } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'assessment.read');
    const v = values(step);
    v.caseId = caseId;
    v.caseTimeZone = caseTimeZone(record, services.config);
    v.previous = lastCompleted(record.assessments);
    v.savedDraft = record.assessmentDraft;
    if (!v.savedDraft) return step.next();
    return ask(
      step,
      text(step.context, 'assessment.askDraft', {
        caseId,
        date: assessmentDate(step.context, v.savedDraft),
        remaining: unratedDomains(v.savedDraft).length,
        total: LIFE_DOMAINS.length,
      }),
      {
        kind: 'choice',
        choices: catalogChoices(lang, [
          ['continue', 'assessment.draftContinue', 'assessment.draftWords_continue'],
          ['restart', 'assessment.draftRestart', 'assessment.draftWords_restart'],
        ]),
      },
    );
  }

  private async begin(step: WaterfallStepContext) {
    const v = values(step);
    if (v.savedDraft && answer<string>(step) === 'continue') {
      v.draft = v.savedDraft;
      await say(step.context, 'assessment.resumed', { caseId: v.caseId });
      return hasStrengths(v.draft) ? step.next() : step.beginDialog(PROFILE_DIALOG);
    }
    const { actor, services } = session(step.context);
    v.draft = {
      id: newId('A'),
      kind: v.previous ? 'reassessment' : 'initial',
      startedAt: services.now().toISOString(),
      by: actor.id,
      ratings: {},
      strengths: {},
      context: {},
      notes: {},
    };
    if (v.previous) await say(step.context, 'assessment.introReassessment', { caseId: v.caseId, date: assessmentDate(step.context, v.previous) });
    else await say(step.context, 'assessment.introInitial', { caseId: v.caseId });
    return step.beginDialog(PROFILE_DIALOG);
  }

  private async afterDomains(step: WaterfallStepContext) {
    const v = values(step);
    const result = step.result as DomainsResult;
    v.draft.ratings = result.ratings;
    if (!result.paused) return ask(step, text(step.context, 'assessment.askSafety'), { kind: 'yesNo' }, { field: ASSESSMENT_FIELDS.safety });
    const { actor, services } = session(step.context);
    const draft = v.draft;
    await services.cases.change(actor, v.caseId, 'assessment.draft', (current) => ({ ...current, assessmentDraft: draft }));
    await say(step.context, 'assessment.draftSaved', { caseId: v.caseId, remaining: unratedDomains(draft).length, total: LIFE_DOMAINS.length });
    return step.endDialog();
  }

  private async showResult(step: WaterfallStepContext) {
    const v = values(step);
    v.draft.notes = step.result as Assessment['notes'];
    const { services } = session(step.context);
    const now = services.now();
    v.today = localDate(now, v.caseTimeZone);
    v.completed = completeAssessment(v.draft, v.today, services.config, now.toISOString());
    const question = text(step.context, 'assessment.askConfirm', { intensity: intensityLabel(step.context, v.completed.intensity!) });
    // Where cards are shown, the result and its question are one card.
    if (showsCards(step.context)) {
      return ask(step, question, { kind: 'yesNo' }, { card: (token) => resultCard(step.context, token, v.caseId, v.completed, v.previous, question) });
    }
    await step.context.sendActivity(resultText(step.context, v.caseId, v.completed, v.previous));
    return ask(step, question, { kind: 'yesNo' });
  }

  private async confirm(step: WaterfallStepContext) {
    const v = values(step);
    if (!answer<boolean>(step)) return ask(step, text(step.context, 'assessment.askIntensity'), { kind: 'choice', choices: intensityChoices(step.context) });
    v.decided = v.completed.intensity;
    return step.next();
  }

  /** Stores the assessment and the worker's decision; each escalation reason becomes a supervisor alert. */
  private async save(step: WaterfallStepContext) {
    const v = values(step);
    const decided = v.decided ?? answer<Intensity>(step);
    const { actor, services } = session(step.context);
    const defaults = services.config.intensity[decided];
    const nextReviewDate = reviewDayAfter(v.today, defaults.reviewAfterDays);
    const at = services.now().toISOString();
    const completed: Assessment = { ...v.completed, by: actor.id };
    await services.cases.change(
      actor,
      v.caseId,
      'assessment.save',
      (current): Case => ({
        ...current,
        assessments: [...current.assessments, { ...completed, kind: lastCompleted(current.assessments) ? 'reassessment' : 'initial' }],
        assessmentDraft: undefined,
        intensity: decided,
        contactEveryDays: defaults.contactEveryDays,
        nextReviewDate,
        alerts: [...current.alerts, ...escalationReasons(completed).map((kind) => ({ id: newId('AL'), kind, at }))],
      }),
    );
    await say(step.context, 'assessment.saved', {
      caseId: v.caseId,
      intensity: intensityLabel(step.context, decided),
      days: defaults.contactEveryDays,
      review: dateText(step.context, nextReviewDate),
    });
    const reasons = alertReasonsText(step.context, completed);
    if (reasons) await say(step.context, 'assessment.savedAlerts', { reasons });
    await say(step.context, 'assessment.nextStep');
    return step.endDialog();
  }
}
