// Intake (apertura, SPEC §2 step 1): the client's profile, referral source, consent, model
// and priority. Nothing is stored until the worker confirms the summary.
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from '../src/bot/dialogKit.js';
import { formatDate, localDate } from '../src/domain/dates.js';
import { newId } from '../src/domain/ids.js';
import type { Case, Language } from '../src/domain/schemas.js';
import { matchesWord, t } from '../src/i18n/catalog.js';
import { say, session, text } from '../src/bot/session.js';
import { BaseDialog } from './baseDialog.js';
import { kindChoices, labelOf, languageChoices, modelChoices, priorityChoices } from './choices.js';
import { DATE_INPUT_DIALOG, DateInputDialog, type DateInputOptions } from './dateInputDialog.js';
import { CHOICE_AND_MORE_DIALOG, ChoiceAndMoreDialog, type ChoiceAndMore, type ChoiceAndMoreOptions } from './choiceAndMore.js';
import { parseChoice } from './input.js';
import type { CommandOptions } from './intents.js';
import { answer, ask, vals } from './prompts.js';
import { setCurrentCase } from './currentCase.js';
import { continueKeepingForm } from './cards/formMemory.js';
import { INTAKE_FIELDS as F, intakeForm } from './cards/intakeCard.js';
import { formGives } from './cards/submit.js';

export const INTAKE_DIALOG = 'intake';

type Values = Record<string, string | boolean>;

export class IntakeDialog extends BaseDialog {
  constructor() {
    super(INTAKE_DIALOG, 'intake.name', 'intake.help', [
      (step) => {
        // "nueva apertura Carmen Ortega Ruiz": the name is not asked again.
        const said = ((step.options ?? {}) as CommandOptions).request?.rest ?? '';
        const name = said.replace(/^(?:para|de|a|for|of)\s+/i, '').trim();
        if (name && name.length <= 200) vals(step).name = name;
        const { lang, timeZone, services } = session(step.context);
        // Where cards are shown, the whole intake comes as one form.
        const form = (token: string) => intakeForm(lang, token, { name: vals(step).name, timeZone, today: localDate(services.now(), timeZone) });
        return ask(step, text(step.context, 'intake.askKind'), { kind: 'choice', choices: kindChoices(lang) }, { field: F.kind, card: form });
      },
      (step) => {
        vals(step).kind = answer(step);
        // A name given on the form is the one the worker saw and maybe corrected.
        if (vals(step).name && !formGives(step.context, F.name)) return step.next();
        delete vals(step).name;
        return ask(step, text(step.context, 'intake.askName'), { kind: 'text', maxLength: 200 }, { field: F.name });
      },
      (step) => {
        vals(step).name ??= answer(step);
        return ask(step, text(step.context, 'intake.askContact'), { kind: 'text', optional: true, maxLength: 300 }, { field: F.contact });
      },
      (step) => {
        const { lang, timeZone } = session(step.context);
        const question = text(step.context, 'intake.askLanguage', { language: labelOf(languageChoices(lang), lang), timeZone });
        return this.keep(step, 'contact', question, { kind: 'choice', choices: languageChoicesWithOk(lang) }, F.language);
      },
      (step) => {
        // «ok»: the worker's own language and time zone, as offered.
        if (matchesWord(String(step.result ?? ''), 'common.yesWords')) {
          vals(step).language = session(step.context).lang;
          vals(step).timeZone = session(step.context).timeZone;
          return step.next();
        }
        return this.keep(step, 'language', text(step.context, 'intake.askTimeZone'), { kind: 'timeZone' }, F.timeZone);
      },
      (step) => {
        vals(step).timeZone ??= answer(step);
        return ask(step, text(step.context, 'intake.askSource'), { kind: 'text', maxLength: 300 }, { field: F.source });
      },
      async (step) => {
        vals(step).source = answer<string>(step);
        const options: DateInputOptions = { questionKey: 'intake.askIntakeDate', allow: 'past', field: F.intakeDate };
        return step.beginDialog(DATE_INPUT_DIALOG, options);
      },
      async (step) => {
        vals(step).intakeDate = step.result as string;
        return ask(step, text(step.context, 'intake.askConsentData'), { kind: 'yesNo' }, { field: F.consentData });
      },
      async (step) => {
        if (!answer<boolean>(step)) {
          await say(step.context, 'intake.noConsent');
          return step.endDialog();
        }
        return ask(step, text(step.context, 'intake.askConsentMessages'), { kind: 'yesNo' }, { field: F.consentMessages });
      },
      (step) => {
        vals(step).messaging = answer(step);
        const options: ChoiceAndMoreOptions = {
          question: text(step.context, 'intake.askModel'),
          choices: modelChoices(session(step.context).lang),
          field: F.model,
        };
        return step.beginDialog(CHOICE_AND_MORE_DIALOG, options);
      },
      // The priority may come with the model: "corretaje, media".
      (step) => {
        const { value, rest } = step.result as ChoiceAndMore;
        vals(step).model = value;
        const priority = rest ? parseChoice(rest, priorityChoices(session(step.context).lang)) : undefined;
        if (priority) {
          vals(step).priority = priority.value;
          return step.next();
        }
        return ask(
          step,
          text(step.context, 'intake.askPriority'),
          { kind: 'choice', choices: priorityChoices(session(step.context).lang) },
          { field: F.priority },
        );
      },
      async (step) => {
        vals(step).priority ??= answer<string>(step);
        await step.context.sendActivity(this.summary(step));
        return ask(step, text(step.context, 'intake.askConfirm'), { kind: 'yesNo' }, { field: F.confirm });
      },
      (step) => this.save(step),
    ]);
    this.addDialog(new DateInputDialog());
    this.addDialog(new ChoiceAndMoreDialog());
  }

  /** A form answer of the intake card's turn (or kept from it) keeps one turn's submit going. */
  override continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    return continueKeepingForm(outerDc, () => super.continueDialog(outerDc));
  }

  /** Keeps the last answer under `field`, then asks the next question (`formField` on the form). */
  private keep(step: WaterfallStepContext, field: string, question: string, spec: Parameters<typeof ask>[2], formField: string) {
    vals(step)[field] = answer(step) as string | boolean;
    return ask(step, question, spec, { field: formField });
  }

  private summary(step: WaterfallStepContext): string {
    const { lang } = session(step.context);
    const v = vals(step) as Values;
    return text(step.context, 'intake.summary', {
      kind: labelOf(kindChoices(lang), v.kind as string),
      name: v.name as string,
      contact: (v.contact as string) || text(step.context, 'intake.none'),
      language: labelOf(languageChoices(lang), v.language as string),
      timeZone: v.timeZone as string,
      source: v.source as string,
      intakeDate: formatDate(v.intakeDate as string, lang),
      messaging: text(step.context, v.messaging ? 'common.yes' : 'common.no').toLowerCase(),
      model: labelOf(modelChoices(lang), v.model as string),
      priority: labelOf(priorityChoices(lang), v.priority as string),
    });
  }

  private async save(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) {
      await say(step.context, 'intake.notSaved');
      return step.endDialog();
    }
    const { actor, services } = session(step.context);
    if (actor.kind !== 'staff') return step.endDialog();
    const v = vals(step) as Values;
    const now = services.now().toISOString();
    const record: Case = {
      id: newId('C'),
      status: 'open',
      workerId: actor.id,
      team: actor.staff.team,
      sharedWith: [],
      createdAt: now,
      updatedAt: now,
      client: {
        kind: v.kind as Case['client']['kind'],
        name: v.name as string,
        contact: v.contact as string,
        language: v.language as Case['client']['language'],
        timeZone: v.timeZone as string,
      },
      referralSource: v.source as string,
      intakeDate: v.intakeDate as string,
      consent: { dataProcessing: true, messaging: v.messaging as boolean, recordedAt: now, recordedBy: actor.id },
      model: v.model as Case['model'],
      priority: v.priority as Case['priority'],
      assessments: [],
      goals: [],
      tasks: [],
      referrals: [],
      contacts: [],
      advocacy: [],
      reviews: [],
      alerts: [],
      reopenings: [],
    };
    const created = await services.cases.create(actor, record);
    await setCurrentCase(step.context, created.id);
    await say(step.context, 'intake.created', { caseId: created.id, name: created.client.name });
    return step.endDialog(created.id);
  }
}

/** The languages, where «ok» keeps the worker's own (and their time zone, asked next otherwise). */
function languageChoicesWithOk(lang: Language) {
  const ok = t(lang, 'common.yesWords').split('|');
  return languageChoices(lang).map((c) => (c.value === lang ? { ...c, words: [...(c.words ?? []), ...ok] } : c));
}
