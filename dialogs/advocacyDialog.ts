// Advocacy (defensa, SPEC §2 step 7): an action taken for the client and the barrier met,
// with its type and level. Nothing is stored until the worker confirms the summary.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { addAdvocacyEntry, isMacroBarrier, type AdvocacyInput } from '../src/domain/advocacy.js';
import { formatDate, localDate } from '../src/domain/dates.js';
import { CaseClosedError } from '../src/domain/errors.js';
import { newId } from '../src/domain/ids.js';
import { AdvocacySchema, BarrierTypeSchema, type Language } from '../src/domain/schemas.js';
import { t, type MessageKey } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { catalogChoices, labelOf } from './choices.js';
import { CHOICE_AND_MORE_DIALOG, ChoiceAndMoreDialog, type ChoiceAndMore, type ChoiceAndMoreOptions } from './choiceAndMore.js';
import { parseChoice } from './input.js';
import { answer, ask, vals } from './prompts.js';
import { CONFIRM_FIELD, advocacyFormBody, formCard, savedFormLeftOut } from './cards/stepForms.js';

export const ADVOCACY_DIALOG = 'advocacy';

export const barrierTypeChoices = (lang: Language) =>
  catalogChoices(
    lang,
    BarrierTypeSchema.options.map((type) => [type, `advocacy.barrierType_${type}`, `advocacy.barrierTypeWords_${type}`] as [string, MessageKey, MessageKey]),
  );

export const levelChoices = (lang: Language) =>
  catalogChoices(
    lang,
    AdvocacySchema.shape.level.options.map((level) => [level, `advocacy.level_${level}`, `advocacy.levelWords_${level}`] as [string, MessageKey, MessageKey]),
  );

export class AdvocacyDialog extends BaseDialog {
  constructor() {
    super(ADVOCACY_DIALOG, 'advocacy.name', 'advocacy.help', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions),
      async (step) => {
        const caseId = step.result as string | undefined;
        if (!caseId) return step.endDialog();
        vals(step).caseId = caseId;
        // Where cards are shown, the whole action is one form.
        const { lang } = session(step.context);
        const card = (token: string) =>
          formCard(lang, t(lang, 'advocacy.formTitle'), advocacyFormBody(lang, barrierTypeChoices(lang), levelChoices(lang)), token, 'action');
        return ask(step, text(step.context, 'advocacy.askAction'), { kind: 'text', maxLength: 2000 }, { field: 'action', card });
      },
      (step) => {
        vals(step).action = answer(step);
        const options: ChoiceAndMoreOptions = {
          question: text(step.context, 'advocacy.askBarrierType'),
          choices: barrierTypeChoices(session(step.context).lang),
          field: 'barrierType',
        };
        return step.beginDialog(CHOICE_AND_MORE_DIALOG, options);
      },
      // The level may come with the type: "requisitos, macro".
      (step) => {
        const { value, rest } = step.result as ChoiceAndMore;
        vals(step).barrierType = value;
        const level = rest ? parseChoice(rest, levelChoices(session(step.context).lang)) : undefined;
        if (level) vals(step).level = level.value;
        return ask(step, text(step.context, 'advocacy.askBarrier'), { kind: 'text', maxLength: 2000 }, { field: 'barrier' });
      },
      (step) => {
        vals(step).barrier = answer(step);
        if (vals(step).level) return step.next();
        return ask(step, text(step.context, 'advocacy.askLevel'), { kind: 'choice', choices: levelChoices(session(step.context).lang) }, { field: 'level' });
      },
      (step) => {
        vals(step).level ??= answer(step);
        // A form saved with the outcome left empty has none yet.
        if (savedFormLeftOut(step.context, 'outcome')) {
          vals(step).outcome = '';
          return step.next();
        }
        return ask(step, text(step.context, 'advocacy.askOutcome'), { kind: 'text', optional: true, maxLength: 2000 }, { field: 'outcome' });
      },
      (step) => this.confirm(step),
      (step) => this.save(step),
    ]);
    this.addDialog(new CasePickerDialog());
    this.addDialog(new ChoiceAndMoreDialog());
  }

  private confirm(step: WaterfallStepContext) {
    const { lang, services, timeZone } = session(step.context);
    const v = vals(step);
    v.outcome ??= answer<string>(step);
    v.date = localDate(services.now(), timeZone);
    const summary = text(step.context, 'advocacy.summary', {
      caseId: v.caseId,
      date: formatDate(v.date, lang),
      action: v.action,
      barrierType: labelOf(barrierTypeChoices(lang), v.barrierType),
      level: labelOf(levelChoices(lang), v.level),
      barrier: v.barrier,
      outcome: v.outcome || text(step.context, 'advocacy.noOutcome'),
    });
    return ask(step, `${summary}\n\n${text(step.context, 'advocacy.askConfirm')}`, { kind: 'yesNo' }, { field: CONFIRM_FIELD });
  }

  private async save(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) {
      await say(step.context, 'advocacy.notSaved');
      return step.endDialog();
    }
    const { actor, services } = session(step.context);
    const v = vals(step);
    const input: AdvocacyInput = {
      date: v.date,
      action: v.action,
      barrierType: v.barrierType,
      barrier: v.barrier,
      level: v.level,
      ...(v.outcome ? { outcome: v.outcome } : {}),
    };
    const id = newId('A');
    try {
      await services.cases.change(actor, v.caseId, 'advocacy.create', (current) =>
        addAdvocacyEntry(current, input, { by: actor.id, at: services.now().toISOString(), today: v.date, id }),
      );
    } catch (error) {
      if (!(error instanceof CaseClosedError)) throw error;
      await say(step.context, 'common.caseClosed', { caseId: v.caseId });
      return step.endDialog();
    }
    const macro = isMacroBarrier({ level: v.level, barrierType: v.barrierType });
    await say(step.context, macro ? 'advocacy.savedMacro' : 'advocacy.saved', { id, caseId: v.caseId });
    return step.endDialog();
  }
}
