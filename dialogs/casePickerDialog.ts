// Which case a command is about: the id typed with the command, or one picked from the
// person's caseload by number or id. Access is checked (and audited) by the case service.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CaseAccessError } from '../src/app/caseService.js';
import { say, session, text } from '../src/bot/session.js';
import type { Case } from '../src/domain/schemas.js';
import { currentCase, setCurrentCase } from './currentCase.js';
import { caseIdIn } from './menu.js';
import { ask, createInputPrompt } from './prompts.js';

export const CASE_PICKER_DIALOG = 'enlace.casePicker';

export interface CasePickerOptions {
  caseId?: string;
  /** Which cases may be picked (default: open ones). */
  status?: Case['status'] | 'any';
}

export class CasePickerDialog extends ComponentDialog {
  constructor() {
    super(CASE_PICKER_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(new WaterfallDialog(`${CASE_PICKER_DIALOG}.steps`, [(step) => this.offer(step), (step) => this.pick(step)]));
    this.initialDialogId = `${CASE_PICKER_DIALOG}.steps`;
  }

  private async offer(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as CasePickerOptions;
    if (options.caseId) return this.choose(step, options.caseId);
    const cases = await this.candidates(step);
    if (cases.length === 0) {
      await say(step.context, 'common.pickCaseNone');
      return step.endDialog(undefined);
    }
    const list = cases
      .map((c, i) =>
        text(step.context, 'common.caseLine', {
          n: i + 1,
          caseId: c.id,
          name: c.client.name,
          status: text(step.context, c.status === 'open' ? 'caseload.statusOpen' : 'caseload.statusClosed'),
        }),
      )
      .join('\n');
    return ask(step, text(step.context, 'common.pickCase', { list }), { kind: 'text', maxLength: 40 });
  }

  private async pick(step: WaterfallStepContext) {
    const typed = String(step.result ?? '').trim();
    const byNumber = /^\d+$/.test(typed) ? (await this.candidates(step))[Number(typed) - 1] : undefined;
    const caseId = byNumber?.id ?? caseIdIn(typed) ?? typed.toUpperCase();
    return this.choose(step, caseId);
  }

  /** The person's cases for this command, the current case first. */
  private async candidates(step: WaterfallStepContext): Promise<Case[]> {
    const { actor, services } = session(step.context);
    const status = ((step.options ?? {}) as CasePickerOptions).status ?? 'open';
    const cases = await services.cases.caseload(actor, status === 'any' ? {} : { status });
    const current = await currentCase(step.context);
    return [...cases.filter((c) => c.id === current), ...cases.filter((c) => c.id !== current)];
  }

  private async choose(step: WaterfallStepContext, caseId: string) {
    const { actor, services } = session(step.context);
    try {
      const record = await services.cases.read(actor, caseId);
      const status = ((step.options ?? {}) as CasePickerOptions).status ?? 'open';
      if (status !== 'any' && record.status !== status) {
        await say(step.context, record.status === 'closed' ? 'common.caseClosed' : 'common.caseNotFound', { caseId });
        return step.endDialog(undefined);
      }
      await setCurrentCase(step.context, record.id);
      return step.endDialog(record.id);
    } catch (error) {
      if (!(error instanceof CaseAccessError)) throw error;
      await say(step.context, 'common.caseNotFound', { caseId });
      return step.endDialog(undefined);
    }
  }
}
