// Case allocation (SPEC §3): a supervisor gives a case of their team to one of its workers,
// seeing each worker's required against available hours, and confirms. Both workers are
// told: here if one of them is in the conversation, by message otherwise.
import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { AllocationRefusedError, CaseAccessError } from '../src/app/caseService.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { toldByMessage, type WorkerLoad } from '../src/domain/allocation.js';
import { estimatedMonthlyMinutes, INTENSITY_BEFORE_ASSESSMENT } from '../src/domain/caseload.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import { numberFormat } from '../src/domain/formatters.js';
import type { Case } from '../src/domain/schemas.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog } from './casePickerDialog.js';
import type { Choice } from './input.js';
import { answer, ask, vals } from './prompts.js';

export const ALLOCATE_CASE_DIALOG = 'allocateCase';

interface Candidate {
  id: string;
  name: string;
  withCase: string;
  available: string;
  over: boolean;
}

export class AllocateCaseDialog extends BaseDialog {
  constructor() {
    super(ALLOCATE_CASE_DIALOG, 'allocation.name', 'allocation.help', [
      (step) => this.pickCase(step),
      (step) => this.askWorker(step),
      (step) => this.confirm(step),
      (step) => this.assign(step),
    ]);
    this.addDialog(new CasePickerDialog());
  }

  private async pickCase(step: WaterfallStepContext) {
    if (!isRole(session(step.context).actor, 'supervisor')) {
      await say(step.context, 'allocation.notAllowed');
      return step.endDialog();
    }
    return step.beginDialog(CASE_PICKER_DIALOG, step.options);
  }

  private async askWorker(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    const { actor, services } = session(step.context);
    let view: Awaited<ReturnType<typeof services.cases.allocationOptions>>;
    try {
      view = await services.cases.allocationOptions(actor, caseId, services.config);
    } catch (error) {
      if (error instanceof AllocationRefusedError) await say(step.context, 'allocation.notAllowed');
      else if (error instanceof CaseAccessError) await say(step.context, 'common.caseNotFound', { caseId });
      else throw error;
      return step.endDialog();
    }
    const { caseRecord, loads } = view;
    if (caseRecord.status === 'closed') {
      await say(step.context, 'common.caseClosed', { caseId });
      return step.endDialog();
    }
    const current = loads.find((load) => load.current);
    const workerName = current?.staff.name ?? (await this.nameOf(step.context, caseRecord.workerId));
    Object.assign(vals(step), { caseId, from: workerName });
    const lines = [
      text(step.context, 'allocation.intro', {
        caseId,
        name: caseRecord.client.name,
        worker: workerName,
        caseHours: hours(step.context, estimatedMonthlyMinutes(caseRecord, services.config)),
        intensity: text(step.context, `review.intensity_${caseRecord.intensity ?? INTENSITY_BEFORE_ASSESSMENT}`),
      }),
      text(step.context, 'allocation.header'),
    ];
    if (current) {
      lines.push(
        text(step.context, 'allocation.currentLine', {
          name: current.staff.name,
          required: hours(step.context, current.time.requiredMinutes),
          available: hours(step.context, current.time.availableMinutes),
        }),
      );
    }
    const candidates = loads.filter((load) => !load.current).map((load) => candidateOf(step.context, load));
    if (candidates.length === 0) {
      lines.push(text(step.context, 'allocation.noOtherWorker', { caseId }));
      await step.context.sendActivity(lines.join('\n'));
      return step.endDialog();
    }
    await step.context.sendActivity(lines.join('\n'));
    vals(step).candidates = candidates;
    return ask(step, text(step.context, 'allocation.askWorker'), { kind: 'choice', choices: candidates.map((c) => choiceOf(step.context, c, loads)) });
  }

  private async confirm(step: WaterfallStepContext) {
    const chosen = (vals(step).candidates as Candidate[]).find((c) => c.id === answer<string>(step))!;
    vals(step).to = chosen;
    const { caseId, from } = vals(step) as { caseId: string; from: string };
    const lines = [];
    if (chosen.over) lines.push(text(step.context, 'allocation.overWarning', { to: chosen.name, withCase: chosen.withCase, available: chosen.available }));
    lines.push(text(step.context, 'allocation.askConfirm', { caseId, from, to: chosen.name }));
    return ask(step, lines.join('\n'), { kind: 'yesNo' });
  }

  private async assign(step: WaterfallStepContext) {
    const { caseId, from, to } = vals(step) as { caseId: string; from: string; to: Candidate };
    if (!answer<boolean>(step)) {
      await say(step.context, 'allocation.notSaved', { caseId, worker: from });
      return step.endDialog();
    }
    const { actor, services } = session(step.context);
    let saved: Case;
    try {
      saved = await services.cases.assign(actor, caseId, to.id);
    } catch (error) {
      if (error instanceof CaseClosedError) await say(step.context, 'common.caseClosed', { caseId });
      else if (error instanceof AllocationRefusedError || error instanceof CaseAccessError) await say(step.context, 'allocation.notAllowed');
      else if (error instanceof DomainError) await say(step.context, 'allocation.changed', { caseId });
      else throw error;
      return step.endDialog();
    }
    const assignment = saved.assignments!.at(-1)!;
    const told = await Promise.all(toldByMessage(assignment).map((id) => this.nameOf(step.context, id)));
    const lines = [text(step.context, 'allocation.saved', { caseId, to: to.name, from })];
    if (told.length > 0) lines.push(text(step.context, 'allocation.told', { names: told.join(text(step.context, 'allocation.and')) }));
    await step.context.sendActivity(lines.join('\n'));
    // The notices are scheduled with the change; a round now sends them at once.
    await services.followUps.nudge().catch(() => undefined);
    return step.endDialog();
  }

  private async nameOf(context: TurnContext, staffId: string): Promise<string> {
    const { actor, services } = session(context);
    return (await services.people.staffNames(actor, [staffId])).get(staffId) ?? text(context, 'allocation.someone');
  }
}

function hours(context: TurnContext, minutes: number): string {
  const locale = session(context).lang === 'es' ? 'es-ES' : 'en-GB';
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60);
}

function candidateOf(context: TurnContext, load: WorkerLoad): Candidate {
  return {
    id: load.staff.id,
    name: load.staff.name,
    withCase: hours(context, load.requiredWithCase),
    available: hours(context, load.time.availableMinutes),
    over: load.overWithCase,
  };
}

/** Each worker is picked by number or by name; the label shows their hours. */
function choiceOf(context: TurnContext, candidate: Candidate, loads: readonly WorkerLoad[]): Choice {
  const load = loads.find((l) => l.staff.id === candidate.id)!;
  const label = text(context, candidate.over ? 'allocation.choiceOver' : 'allocation.choiceLabel', {
    name: candidate.name,
    required: hours(context, load.time.requiredMinutes),
    available: candidate.available,
    withCase: candidate.withCase,
  });
  return { value: candidate.id, label, words: [candidate.name, candidate.name.split(' ')[0]!] };
}
