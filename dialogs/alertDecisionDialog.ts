// A supervisor decides on an alert (SPEC §4): a crisis, a safety concern, a stalled task or
// an overdue review. The decision comes tapped from the alert message, typed with the case
// («continuar C-7K3QPA»), or picked from the team's open alerts. It is recorded once: an
// alert answered again says how it was decided and changes nothing. A case named with no
// alert waiting but flagged for review (no recent contact, missed check-ins, a stalled
// task) is decided on as a whole, as in the caseload review.
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from '../src/bot/dialogKit.js';
import { CaseAccessError } from '../src/app/caseService.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { alertState, applyAlertDecision, applyCaseDecision, decisionMakesReview, openAlerts, type AlertTarget, type OpenAlert } from '../src/domain/alerts.js';
import type { PracticeConfig } from '../src/domain/config.js';
import { formatDate, localDate } from '../src/domain/dates.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import { newId } from '../src/domain/ids.js';
import type { AlertDecision, AlertDecisionChoice, Case, Review } from '../src/domain/schemas.js';
import { reviewFlagDetails, type FlagDetail } from '../src/domain/supervision.js';
import type { Choice } from './input.js';
import { alertChoices, readDecisionReply } from './alertDecisionReply.js';
import { ALERT_DECISION_DIALOG, BaseDialog } from './baseDialog.js';
import { labelOf } from './choices.js';
import { setCurrentCase } from './currentCase.js';
import { answer, ask, vals } from './prompts.js';
import { alertKindText as kindText, dateText } from './render.js';
import {
  APPROACH_CHANGE_DIALOG,
  approachChangeDialog,
  endReview,
  type ApproachChange,
  type ApproachChangeOptions,
  type GoToClosure,
} from './reviewDecision.js';

export { ALERT_DECISION_DIALOG };

/** One open alert, with what the decision needs of its case. */
interface AlertPick {
  caseId: string;
  name: string;
  workerId: string;
  model: Case['model'];
  intensity?: Case['intensity'];
  alert: OpenAlert;
}

/** A flagged case with no alert waiting: the decision is on the case as a whole. */
interface FlagPick extends Omit<AlertPick, 'alert'> {
  flags: FlagDetail[];
}

const isFlagPick = (pick: AlertPick | FlagPick): pick is FlagPick => 'flags' in pick;

/** On a flagged case the decision is a review's: continue, change approach or close. */
const caseChoices = (lang: Parameters<typeof alertChoices>[0]): Choice[] => alertChoices(lang).filter((c) => c.value !== 'remindWorker');

export class AlertDecisionDialog extends BaseDialog {
  constructor() {
    super(ALERT_DECISION_DIALOG, 'alerts.name', 'alerts.help', [
      (step) => this.find(step),
      (step) => this.askChoice(step),
      (step) => this.changeApproach(step),
      (step) => this.record(step),
    ]);
    this.addDialog(approachChangeDialog());
  }

  protected override endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    return endReview(outerDc, result);
  }

  private async find(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    if (!isRole(actor, 'supervisor')) {
      await say(step.context, 'common.notAllowed');
      return step.endDialog();
    }
    const reply = readDecisionReply(step.context.activity.text ?? '');
    const caseId = reply.caseId ?? (step.options as { caseId?: string } | undefined)?.caseId;
    vals(step).choice = reply.choice;
    let cases: Case[];
    try {
      cases = caseId ? [await services.cases.read(actor, caseId, 'alert.read')] : await services.cases.caseload(actor, { status: 'open' });
    } catch (error) {
      if (!(error instanceof CaseAccessError)) throw error;
      await say(step.context, 'common.caseNotFound', { caseId: caseId ?? '' });
      return step.endDialog();
    }
    if (caseId) await setCurrentCase(step.context, caseId);
    if (reply.target && cases[0]) return this.answerTo(step, cases[0], reply.target);
    const picks = cases.flatMap((record) => openAlerts(record, today(step.context), services.config).map((alert) => pickOf(record, alert)));
    // A reminder is about an alert; the other decisions can be taken on the case as a whole.
    const onCase = caseId && picks.length === 0 && reply.choice !== 'remindWorker';
    const flags = onCase ? flagsWithoutAlert(cases[0]!, today(step.context), services.config) : [];
    if (flags.length > 0) {
      vals(step).pick = { ...caseOf(cases[0]!), flags } satisfies FlagPick;
      return step.next();
    }
    if (picks.length === 0) {
      await say(step.context, caseId ? 'alerts.noneOnCase' : 'alerts.none', { caseId: caseId ?? '' });
      return step.endDialog();
    }
    if (picks.length === 1) {
      vals(step).pick = picks[0];
      return step.next();
    }
    vals(step).picks = picks;
    const lines = picks.map((pick, i) =>
      text(step.context, 'alerts.line', {
        n: i + 1,
        caseId: pick.caseId,
        name: pick.name,
        kind: kindText(step.context, pick.alert.kind),
        since: dateText(step.context, pick.alert.since),
      }),
    );
    await step.context.sendActivity([text(step.context, 'alerts.header', { count: picks.length }), ...lines].join('\n'));
    return ask(step, text(step.context, 'alerts.askWhich', { max: picks.length }), { kind: 'integer', min: 1, max: picks.length });
  }

  /** A tapped answer names its alert: decided already, resolved, gone, or open and ready. */
  private async answerTo(step: WaterfallStepContext, record: Case, target: AlertTarget) {
    const found = alertState(record, target, today(step.context), session(step.context).services.config);
    if (found.state !== 'decided' && record.status === 'closed') {
      await say(step.context, 'common.caseClosed', { caseId: record.id });
      return step.endDialog();
    }
    if (found.state !== 'open') {
      await sayNotOpen(step.context, record.id, found.state === 'decided' ? found.decision : found.state);
      return step.endDialog();
    }
    vals(step).pick = pickOf(record, found.alert);
    return step.next();
  }

  private async askChoice(step: WaterfallStepContext) {
    vals(step).pick ??= (vals(step).picks as AlertPick[])[answer<number>(step) - 1];
    const pick = vals(step).pick as AlertPick | FlagPick;
    if (vals(step).choice) return step.next();
    if (isFlagPick(pick)) {
      const flags = pick.flags.map((detail) => flagText(step.context, detail)).join(' · ');
      return ask(step, text(step.context, 'alerts.askCaseDecision', { caseId: pick.caseId, name: pick.name, flags }), {
        kind: 'choice',
        choices: caseChoices(session(step.context).lang),
      });
    }
    return ask(
      step,
      text(step.context, 'alerts.askDecision', {
        caseId: pick.caseId,
        name: pick.name,
        kind: kindText(step.context, pick.alert.kind),
        since: dateText(step.context, pick.alert.since),
      }),
      { kind: 'choice', choices: alertChoices(session(step.context).lang) },
    );
  }

  private async changeApproach(step: WaterfallStepContext) {
    vals(step).choice ??= answer<AlertDecisionChoice>(step);
    if (vals(step).choice !== 'changeApproach') return step.next();
    const pick = vals(step).pick as AlertPick;
    return step.beginDialog(APPROACH_CHANGE_DIALOG, { model: pick.model, intensity: pick.intensity } satisfies ApproachChangeOptions);
  }

  private async record(step: WaterfallStepContext) {
    const { actor, services, lang } = session(step.context);
    const choice = vals(step).choice as AlertDecisionChoice;
    const approach = choice === 'changeApproach' ? (step.result as ApproachChange) : undefined;
    if (isFlagPick(vals(step).pick)) return this.recordOnCase(step, vals(step).pick as FlagPick, choice as Review['decision'], approach);
    const pick = vals(step).pick as AlertPick;
    const input = {
      target: pick.alert.target,
      choice,
      by: actor.id,
      at: services.now().toISOString(),
      today: today(step.context),
      reviewId: newId('RV'),
      ...(approach ? { approach } : {}),
    };
    let saved: Case;
    try {
      saved = await services.cases.change(actor, pick.caseId, 'alert.decide', (current) => applyAlertDecision(current, input, services.config));
    } catch (error) {
      await sayRefused(step.context, pick.caseId, error);
      return step.endDialog();
    }
    const lines = [
      text(step.context, 'alerts.saved', { caseId: pick.caseId, kind: kindText(step.context, pick.alert.kind), choice: labelOf(alertChoices(lang), choice) }),
    ];
    if (decisionMakesReview(pick.alert.target, choice))
      lines.push(text(step.context, 'alerts.nextReview', { next: dateText(step.context, saved.nextReviewDate) }));
    if (choice === 'remindWorker') {
      const names = await services.people.staffNames(actor, [pick.workerId]);
      lines.push(text(step.context, 'alerts.reminderQueued', { worker: names.get(pick.workerId) ?? pick.workerId }));
    }
    await step.context.sendActivity(lines.join('\n'));
    // The reminder is scheduled with the decision; a round now sends it at once, and should
    // that fail the next regular round does.
    if (choice === 'remindWorker') await services.followUps.nudge().catch(() => undefined);
    if (choice !== 'close') return step.endDialog();
    await say(step.context, 'review.toClosure');
    return step.endDialog({ closeCaseId: pick.caseId } satisfies GoToClosure);
  }

  /** A decision on a flagged case as a whole, recorded as a review; a change of approach restarts the contact interval. */
  private async recordOnCase(step: WaterfallStepContext, pick: FlagPick, choice: Review['decision'], approach: ApproachChange | undefined) {
    const { actor, services, lang } = session(step.context);
    const input = {
      choice,
      by: actor.id,
      at: services.now().toISOString(),
      today: today(step.context),
      reviewId: newId('RV'),
      ...(approach ? { approach } : {}),
    };
    let saved: Case;
    try {
      saved = await services.cases.change(actor, pick.caseId, 'alert.decide', (current) => applyCaseDecision(current, input, services.config));
    } catch (error) {
      await sayRefused(step.context, pick.caseId, error);
      return step.endDialog();
    }
    await step.context.sendActivity(
      [
        text(step.context, 'alerts.savedOnCase', { caseId: pick.caseId, choice: labelOf(caseChoices(lang), choice) }),
        text(step.context, 'alerts.nextReview', { next: dateText(step.context, saved.nextReviewDate) }),
      ].join('\n'),
    );
    if (choice !== 'close') return step.endDialog();
    await say(step.context, 'review.toClosure');
    return step.endDialog({ closeCaseId: pick.caseId } satisfies GoToClosure);
  }
}

function pickOf(record: Case, alert: OpenAlert): AlertPick {
  return { ...caseOf(record), alert };
}

function caseOf(record: Case): Omit<AlertPick, 'alert'> {
  return { caseId: record.id, name: record.client.name, workerId: record.workerId, model: record.model, intensity: record.intensity };
}

/** The flags no alert stands for (an overdue review and waiting alerts are decided as alerts). */
function flagsWithoutAlert(record: Case, day: string, config: PracticeConfig): FlagDetail[] {
  return reviewFlagDetails(record, day, config).filter((detail) => detail.flag !== 'overdueReview' && detail.flag !== 'openAlert');
}

function flagText(context: TurnContext, detail: FlagDetail): string {
  const alerts = (detail.alertKinds ?? []).map((kind) => kindText(context, kind)).join(', ');
  return text(context, `review.flag_${detail.flag}`, { days: detail.daysLate, count: detail.taskIds?.length ?? 0, alerts });
}

function today(context: TurnContext): string {
  const { services, timeZone } = session(context);
  return localDate(services.now(), timeZone);
}

async function sayNotOpen(context: TurnContext, caseId: string, state: AlertDecision | 'resolved' | 'notFound'): Promise<void> {
  if (state === 'resolved') return say(context, 'alerts.resolved', { caseId });
  if (state === 'notFound') return say(context, 'alerts.notFound', { caseId });
  const { actor, services, lang, timeZone } = session(context);
  const who = (await services.people.staffNames(actor, [state.by])).get(state.by) ?? state.by;
  await say(context, 'alerts.alreadyDecided', {
    choice: labelOf(alertChoices(lang), state.choice),
    who,
    date: formatDate(localDate(new Date(state.at), timeZone), lang),
  });
}

/** Why the decision could not be recorded, said plainly; nothing was changed. */
async function sayRefused(context: TurnContext, caseId: string, error: unknown): Promise<void> {
  if (error instanceof CaseClosedError) return say(context, 'common.caseClosed', { caseId });
  if (error instanceof CaseAccessError) return say(context, 'common.caseNotFound', { caseId });
  if (!(error instanceof DomainError)) throw error;
  // Decided by someone else meanwhile (two taps at once): the first decision stands.
  if (error.code === 'alertDecided') return sayNotOpen(context, caseId, error.details.decision as AlertDecision);
  if (error.code === 'alertResolved') return sayNotOpen(context, caseId, 'resolved');
  if (error.code === 'alertNotFound') return sayNotOpen(context, caseId, 'notFound');
  await say(context, 'review.saveFailed');
}
