// Which case a command is about: the id or client's name typed with the command, a number in
// the last list shown, or else the current case; the case used is always said. A pick that
// fails asks again, so the next answer never falls into the menu. Only the cases the person
// may see are searched; access is checked (and audited) by the case service.
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { CaseAccessError } from '../src/app/caseService.js';
import { questionCard } from './cards/questionCard.js';
import { say, session, text } from '../src/bot/session.js';
import type { CaseHeader } from '../src/domain/caseHeader.js';
import { casesNamed, nameWords } from '../src/domain/caseNames.js';
import type { Case } from '../src/domain/schemas.js';
import { LANGUAGES, t } from '../src/i18n/catalog.js';
import { currentCase, setCurrentCase } from './currentCase.js';
import { caseIdIn } from './menu.js';
import { ask, createInputPrompt } from './prompts.js';

/** Cases offered as buttons on a card; the rest are typed. */
const CASE_BUTTONS = 12;

export const CASE_PICKER_DIALOG = 'enlace.casePicker';
const STEPS = `${CASE_PICKER_DIALOG}.steps`;

export interface CasePickerOptions {
  caseId?: string;
  /** What was typed after the command to name the case: the client's name or part of it, or a number in the last list. */
  caseWords?: string;
  /** Which cases may be picked (default: open ones). */
  status?: Case['status'] | 'any';
}

interface PickerState extends CasePickerOptions {
  /** Asking again after a failed pick: the list is shown, the current case is not assumed. */
  again?: boolean;
  failures?: number;
}

/** Refusals in a row after which the way out is offered. */
const REFUSALS_BEFORE_WAY_OUT = 3;

export class CasePickerDialog extends ComponentDialog {
  constructor() {
    super(CASE_PICKER_DIALOG);
    this.addDialog(createInputPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.offer(step), (step) => this.resolve(step, String(step.result ?? '').trim())]));
    this.initialDialogId = STEPS;
  }

  private async offer(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as PickerState;
    if (options.caseId) return this.choose(step, options.caseId);
    if (options.caseWords?.trim()) return this.resolve(step, options.caseWords.trim());
    const cases = await this.candidates(step);
    if (cases.length === 0) {
      await say(step.context, 'common.pickCaseNone');
      return step.endDialog(undefined);
    }
    const current = options.again ? undefined : await currentCase(step.context);
    if (current && cases.some((c) => c.id === current)) return this.choose(step, current);
    return this.askAmong(step, cases, 'common.pickCase');
  }

  /** A case named by number in the last list, by id, or by its client's name. */
  private async resolve(step: WaterfallStepContext, typed: string) {
    const { actor, services } = session(step.context);
    if (/^\d+$/.test(typed)) {
      const listed = await services.people.caseInLastList(actor, Number(typed));
      if (listed) return this.choose(step, listed);
      await say(step.context, 'common.caseNoMatch', { words: typed });
      return this.again(step);
    }
    const id = caseIdIn(typed) ?? (/^c-[a-z0-9]+$/i.test(typed) ? typed.toUpperCase() : undefined);
    if (id) return this.choose(step, id);
    const matches = casesNamed(await this.candidates(step), nameWords(typed, fillerWords()));
    if (matches.length === 1) return this.choose(step, matches[0]!.id);
    if (matches.length > 1) return this.askAmong(step, matches, 'common.caseAmbiguous', typed);
    await say(step.context, 'common.caseNoMatch', { words: typed });
    return this.again(step);
  }

  /** Shows the cases numbered (the numbers are remembered for the answer) and asks which. */
  private async askAmong(step: WaterfallStepContext, cases: CaseHeader[], question: 'common.pickCase' | 'common.caseAmbiguous', typed = '') {
    const { actor, services, lang } = session(step.context);
    const caseIds = cases.map((c) => c.id);
    // Every case offered is shown by name: each is audited, in one batch.
    await Promise.all([services.people.rememberCaseList(actor, caseIds), services.cases.listed(actor, caseIds)]);
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
    const asked = text(step.context, question, { list, n: cases.length, words: typed });
    const spec = { kind: 'text', maxLength: 80 } as const;
    // On a card the first cases are also buttons; any case can still be typed.
    const buttons = cases.slice(0, CASE_BUTTONS).map((c) => `${c.id} · ${c.client.name}`);
    return ask(step, asked, spec, { card: (token) => questionCard(lang, asked, { ...spec, suggestions: buttons }, token) });
  }

  /** After a failed pick: the list again, and after a few failures a way out. */
  private async again(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as PickerState;
    const failures = (options.failures ?? 0) + 1;
    if (failures % REFUSALS_BEFORE_WAY_OUT === 0) await say(step.context, 'common.stuck');
    const next: PickerState = { status: options.status, again: true, failures };
    return step.replaceDialog(STEPS, next);
  }

  /** The person's cases for this command, the current case first. */
  private async candidates(step: WaterfallStepContext): Promise<CaseHeader[]> {
    const { actor, services } = session(step.context);
    const status = ((step.options ?? {}) as CasePickerOptions).status ?? 'open';
    const cases = await services.cases.caseloadHeaders(actor, status === 'any' ? {} : { status });
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
        return this.again(step);
      }
      await setCurrentCase(step.context, record.id);
      await say(step.context, 'common.currentCase', { caseId: record.id, name: record.client.name });
      return step.endDialog(record.id);
    } catch (error) {
      if (!(error instanceof CaseAccessError)) throw error;
      await say(step.context, 'common.caseNotFound', { caseId });
      return this.again(step);
    }
  }
}

/** Small words around a name in either language («el caso de», «with»). */
function fillerWords(): Set<string> {
  return new Set(LANGUAGES.flatMap((lang) => t(lang, 'common.caseFillerWords').split('|')));
}

/** Whether `words` pick one of the person's cases: a number in the last list, or a client's name. */
export async function wordsNameACase(context: TurnContext, words: string): Promise<boolean> {
  const { actor, services } = session(context);
  if (/^\d+$/.test(words.trim())) return (await services.people.caseInLastList(actor, Number(words.trim()))) !== undefined;
  const cases = await services.cases.caseloadHeaders(actor, {});
  return casesNamed(cases, nameWords(words, fillerWords())).length > 0;
}
