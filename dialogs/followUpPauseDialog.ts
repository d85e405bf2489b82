// A worker pauses a case's client prompts with a reason (the client is in hospital…) and,
// if they like, a day they come back; with a pause on, the same command resumes them.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { caseTimeZone } from '../src/domain/config.js';
import { messagingAllowed } from '../src/domain/consent.js';
import { addDays, localDate } from '../src/domain/dates.js';
import { DomainError } from '../src/domain/errors.js';
import { activePause, pauseClientPrompts, resumeClientPrompts } from '../src/domain/followups/pause.js';
import { instantAt } from '../src/domain/followups/zoneTime.js';
import type { Case, FollowUpPause } from '../src/domain/schemas.js';
import { normalize, t } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { untilText } from './caseDetails.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { dateInput, textInput } from './cards/elements.js';
import { emptyIfLeftOut, formCard } from './cards/stepForms.js';
import { answer, ask, vals } from './prompts.js';
import { dateText } from './render.js';
import { sayChangeRefused } from './taskDialog.js';

export const FOLLOW_UP_PAUSE_DIALOG = 'followUpPause';

export class FollowUpPauseDialog extends BaseDialog {
  constructor() {
    super(FOLLOW_UP_PAUSE_DIALOG, 'messaging.pauseName', 'messaging.pauseHelp', [
      (step) => this.pickCase(step),
      (step) => this.askFirst(step),
      (step) => this.askUntil(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
  }

  private async pickCase(step: WaterfallStepContext) {
    if (!isRole(session(step.context).actor, 'worker')) {
      await say(step.context, 'common.notAllowed');
      return step.endDialog();
    }
    // Which of the two the worker typed, for when there is nothing to resume.
    vals(step).resumeAsked = normalize(step.context.activity.text ?? '')
      .split(' ')
      .some((word) => ['reanudar', 'resume'].includes(word));
    return step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions);
  }

  /** With a pause on: resume it? Otherwise: why pause? */
  private async askFirst(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services } = session(step.context);
    const record = await services.cases.read(actor, caseId, 'followUps.pause.read');
    vals(step).caseId = caseId;
    vals(step).timeZone = caseTimeZone(record, services.config);
    const pause = activePause(record, services.now());
    if (pause) {
      vals(step).resuming = true;
      await say(step.context, 'messaging.pausedNow', {
        caseId,
        since: dateText(step.context, localDate(new Date(pause.since), session(step.context).timeZone)),
        reason: pause.reason,
        until: untilText(step.context, pause),
      });
      return ask(step, text(step.context, 'messaging.askResume'), { kind: 'yesNo' });
    }
    if (vals(step).resumeAsked) {
      await say(step.context, 'messaging.notPaused', { caseId });
      return step.endDialog();
    }
    // Where cards are shown, the reason and the day are one form.
    const { lang, timeZone } = session(step.context);
    const tomorrow = addDays(localDate(services.now(), timeZone), 1);
    const body = [
      textInput('reason', t(lang, 'messaging.formReason'), { maxLength: 500, required: true }),
      dateInput('until', t(lang, 'messaging.formUntil'), { min: tomorrow }),
    ];
    const card = (token: string) => formCard(lang, t(lang, 'messaging.formTitle', { caseId }), body, token, 'reason');
    return ask(step, text(step.context, 'messaging.askReason', { caseId }), { kind: 'text', maxLength: 500 }, { field: 'reason', card });
  }

  private async askUntil(step: WaterfallStepContext) {
    if (vals(step).resuming) return step.next(step.result);
    vals(step).reason = answer<string>(step);
    emptyIfLeftOut(step.context, 'until');
    return ask(
      step,
      text(step.context, 'messaging.askUntil'),
      { kind: 'date', timeZone: session(step.context).timeZone, allow: 'future', optional: true },
      { field: 'until' },
    );
  }

  private async save(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    const caseId = vals(step).caseId as string;
    if (vals(step).resuming) {
      if (!answer<boolean>(step)) {
        await say(step.context, 'messaging.keptPaused');
        return step.endDialog();
      }
      return this.change(step, caseId, 'followUps.resume', resumeClientPrompts, () => say(step.context, 'messaging.resumed', { caseId }));
    }
    const day = answer<string | null>(step);
    const pause: FollowUpPause = {
      since: services.now().toISOString(),
      by: actor.id,
      reason: vals(step).reason as string,
      // Prompts come back from the start of that day, on the client's clock.
      ...(day ? { until: instantAt(day, 0, vals(step).timeZone as string).toISOString() } : {}),
    };
    return this.change(
      step,
      caseId,
      'followUps.pause',
      (current) => pauseClientPrompts(current, pause),
      async (saved) => {
        const lines = [text(step.context, 'messaging.paused', { caseId, reason: pause.reason, until: untilText(step.context, saved.followUpPause!) })];
        if (!messagingAllowed(saved)) lines.push(text(step.context, 'messaging.noConsentNote'));
        await step.context.sendActivity(lines.join('\n'));
      },
    );
  }

  private async change(step: WaterfallStepContext, caseId: string, action: string, change: (current: Case) => Case, done: (saved: Case) => Promise<void>) {
    const { actor, services } = session(step.context);
    try {
      await done(await services.cases.change(actor, caseId, action, change));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'pauseUntilPast') await say(step.context, 'messaging.pauseFailed');
      else await sayChangeRefused(step.context, error, caseId);
    }
    return step.endDialog();
  }
}
