// Referrals (vinculación, SPEC §2 step 5): propose a referral to an active service, move a
// referral along its lifecycle, or set the case budget. A possible duplication is shown
// before saving, and the committed costs against the budget after every change.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { CaseClosedError, DomainError } from '../src/domain/errors.js';
import { newId } from '../src/domain/ids.js';
import { advanceCaseReferral, canTransition, findPossibleDuplicate, isActive, newReferral } from '../src/domain/referrals.js';
import { REFERRAL_STATUSES, type Case, type Language, type ReferralStatus } from '../src/domain/schemas.js';
import { t, type MessageKey } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_PICKER_DIALOG, CasePickerDialog, type CasePickerOptions } from './casePickerDialog.js';
import { catalogChoices } from './choices.js';
import { categoryChoices, categoryLabel, costText, euros, sortCategories } from './directoryDialog.js';
import type { Choice } from './input.js';
import { readReferralRequest, type CommandOptions, type ReferralRequest, type Request } from './intents.js';
import { answer, ask, vals } from './prompts.js';
import { textBlock } from './cards/elements.js';
import { CONFIRM_FIELD, formCard, referralFormBody, referralUpdateFormBody, savedFormLeftOut } from './cards/stepForms.js';
import { formGives } from './cards/submit.js';
import { costsText, referralLine, serviceName, serviceOptions, statusChoices, statusLabel } from './referralLines.js';

export const REFERRAL_DIALOG = 'referral';
const NEW = `${REFERRAL_DIALOG}.new`;
const ADVANCE = `${REFERRAL_DIALOG}.advance`;
const BUDGET = `${REFERRAL_DIALOG}.budget`;
const MAX_BUDGET = 10_000_000;
const ALL_CATEGORIES = '*';

interface CaseOptions {
  caseId: string;
  /** What the command already said: "nueva vivienda", "2 aceptada: confirmado por teléfono". */
  preset?: ReferralRequest;
}

const caseIdOf = (step: WaterfallStepContext) => (step.options as CaseOptions).caseId;
const presetOf = (step: WaterfallStepContext) => (step.options as CaseOptions).preset;
const isReferralId = (value: unknown): value is string => typeof value === 'string' && /^R-[A-Z0-9]{6}$/.test(value);

export class ReferralDialog extends BaseDialog {
  constructor() {
    super(REFERRAL_DIALOG, 'services.referralName', 'services.referralHelp', [
      (step) => step.beginDialog(CASE_PICKER_DIALOG, step.options as CasePickerOptions),
      (step) => this.overview(step),
      (step) => {
        const preset = vals(step).preset as ReferralRequest | undefined;
        const action = preset?.action ?? answer<'new' | 'advance' | 'budget'>(step);
        return step.beginDialog({ new: NEW, advance: ADVANCE, budget: BUDGET }[action], { caseId: vals(step).caseId, preset } satisfies CaseOptions);
      },
      (step) => step.endDialog(),
    ]);
    this.addDialog(new CasePickerDialog());
    this.addDialog(
      new WaterfallDialog(NEW, [
        (step) => this.askCategory(step),
        (step) => this.askService(step),
        (step) => this.confirmReferral(step),
        (step) => this.saveReferral(step),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(ADVANCE, [
        (step) => this.askReferral(step),
        (step) => this.askStatus(step),
        (step) => {
          const preset = presetOf(step);
          vals(step).to ??= answer<ReferralStatus>(step);
          // A status given in the command carries its note, or none: nothing more is asked.
          if (preset?.action === 'advance' && preset.status) {
            vals(step).note = preset.note ?? '';
            return step.next();
          }
          // A form saved with the note left empty has no note.
          if (savedFormLeftOut(step.context, 'note')) {
            vals(step).note = '';
            return step.next();
          }
          return ask(step, text(step.context, 'services.askNote'), { kind: 'text', optional: true, maxLength: 1000 }, { field: 'note' });
        },
        (step) => this.confirmAdvance(step),
        (step) => this.saveAdvance(step),
      ]),
    );
    this.addDialog(new WaterfallDialog(BUDGET, [(step) => this.askBudget(step), (step) => this.confirmBudget(step), (step) => this.saveBudget(step)]));
  }

  private async overview(step: WaterfallStepContext) {
    const caseId = step.result as string | undefined;
    if (!caseId) return step.endDialog();
    vals(step).caseId = caseId;
    const record = await this.read(step, caseId);
    const preset = this.presetFrom(step, record);
    if (preset) {
      vals(step).preset = preset;
      return step.next();
    }
    const lines =
      record.referrals.length === 0
        ? [text(step.context, 'services.noReferrals', { caseId })]
        : [
            text(step.context, 'services.referralsHeader', { caseId }),
            ...(await Promise.all(record.referrals.map((r, i) => referralLine(step.context, r, i + 1)))),
          ];
    await step.context.sendActivity([...lines, '', costsText(step.context, record)].join('\n'));
    const actions: [string, MessageKey, MessageKey][] = [['new', 'services.actionNew', 'services.referralActionWords_new']];
    if (record.referrals.some(isActive)) actions.push(['advance', 'services.actionAdvance', 'services.referralActionWords_advance']);
    actions.push(['budget', 'services.actionBudget', 'services.referralActionWords_budget']);
    return ask(step, text(step.context, 'services.askReferralAction'), { kind: 'choice', choices: catalogChoices(session(step.context).lang, actions) });
  }

  // ---- new referral ----

  private async activeServices(context: TurnContext) {
    const { actor, services } = session(context);
    return (await services.directory.list(actor)).filter((s) => s.active);
  }

  private async askCategory(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    const active = await this.activeServices(step.context);
    if (active.length === 0) {
      await say(step.context, 'services.noActiveServices');
      return step.endDialog();
    }
    const preset = presetOf(step);
    if (preset?.action === 'new' && preset.category && active.some((s) => s.category === preset.category)) {
      vals(step).category = preset.category;
      return step.next();
    }
    // A form that named the service needs no category to look in.
    if (formGives(step.context, 'service') && !formGives(step.context, 'category')) {
      vals(step).category = ALL_CATEGORIES;
      return step.next();
    }
    const all: Choice = { value: ALL_CATEGORIES, label: t(lang, 'services.allCategories'), words: t(lang, 'services.allCategoriesWords').split('|') };
    const choices = [all, ...categoryChoices(lang, sortCategories(active.map((s) => s.category)))];
    // Where cards are shown, the whole directory is one list on a form, by category.
    const card = (token: string) =>
      formCard(lang, t(lang, 'services.formNewTitle'), referralFormBody(lang, serviceOptions(lang, active), []), token, 'category', {
        category: ALL_CATEGORIES,
      });
    return ask(step, text(step.context, 'services.askCategoryFilter'), { kind: 'choice', choices }, { field: 'category', card });
  }

  private async askService(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    const category = (vals(step).category as string | undefined) ?? answer<string>(step);
    const active = await this.activeServices(step.context);
    const order = sortCategories(active.map((s) => s.category));
    const offered = active
      .filter((s) => category === ALL_CATEGORIES || s.category === category)
      .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.name.localeCompare(b.name));
    // The only service of the category the command named: nothing to choose.
    if (offered.length === 1 && presetOf(step)?.action === 'new') {
      vals(step).serviceId = offered[0]!.id;
      vals(step).serviceUnseen = true;
      return step.next();
    }
    const choices = offered.map((s) => ({
      value: s.id,
      words: [s.name, s.id],
      label: t(lang, 'services.serviceChoice', { name: s.name, provider: s.provider || t(lang, 'services.noValue'), cost: costText(lang, s.cost) }),
    }));
    return ask(step, text(step.context, 'services.askService'), { kind: 'choice', choices, byAnyWord: true }, { field: 'service' });
  }

  private async confirmReferral(step: WaterfallStepContext) {
    const { actor, lang, services } = session(step.context);
    const service = (await services.directory.get(actor, (vals(step).serviceId as string | undefined) ?? answer<string>(step)))!;
    vals(step).serviceId = service.id;
    if (service.capacity === 0) await say(step.context, 'services.noPlaces', { service: service.name });
    const duplicate = findPossibleDuplicate(await this.read(step, caseIdOf(step)), service.category);
    // A form's «Guardar» says yes to the referral, not to a warning it never showed: a possible
    // duplicate or a full service is asked about.
    // So is a service the form did not name (the only one of its category).
    const warned = duplicate !== undefined || service.capacity === 0 || vals(step).serviceUnseen === true;
    const question = duplicate
      ? text(step.context, 'services.duplicateWarning', {
          category: categoryLabel(lang, duplicate.category),
          service: await serviceName(step.context, duplicate.serviceId),
          status: statusLabel(lang, duplicate.status),
          id: duplicate.id,
        })
      : text(step.context, 'services.confirmReferral', { service: service.name, cost: costText(lang, service.cost) });
    return ask(step, question, { kind: 'yesNo' }, warned ? {} : { field: CONFIRM_FIELD });
  }

  private async saveReferral(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) return this.notSaved(step);
    const { actor, services } = session(step.context);
    const service = (await services.directory.get(actor, vals(step).serviceId as string))!;
    if (!service.active) {
      await say(step.context, 'services.serviceInactive', { service: service.name });
      return step.endDialog();
    }
    const id = newId('R');
    const at = services.now().toISOString();
    const updated = await this.change(step, 'referral.create', (current) => ({
      ...current,
      referrals: [...current.referrals, newReferral(current, service, actor.id, at, id)],
    }));
    if (!updated) return step.endDialog();
    const created = updated.referrals.find((r) => r.id === id)!;
    const lines = [text(step.context, 'services.referralCreated', { id, service: service.name })];
    if (created.possibleDuplicateOf) lines.push(text(step.context, 'services.referralFlagged', { id: created.possibleDuplicateOf }));
    await step.context.sendActivity([...lines, costsText(step.context, updated)].join('\n'));
    return step.endDialog();
  }

  // ---- advance a referral ----

  private async askReferral(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    const active = (await this.read(step, caseIdOf(step))).referrals.filter(isActive);
    const preset = presetOf(step);
    const number = preset?.action === 'advance' ? preset.number : undefined;
    const named = number !== undefined ? active[number - 1] : preset?.action === 'advance' && active.length === 1 ? active[0] : undefined;
    if (named) return step.next(named.id);
    const choices = await Promise.all(
      active.map(async (r) => ({
        value: r.id,
        words: [r.id],
        label: t(lang, 'services.referralChoice', { service: await serviceName(step.context, r.serviceId), status: statusLabel(lang, r.status), id: r.id }),
      })),
    );
    // Where cards are shown, the referral, its new status and the note are one form.
    const moves = REFERRAL_STATUSES.filter((to) => active.some((r) => canTransition(r.status, to)));
    const card = (token: string) =>
      formCard(lang, t(lang, 'services.formUpdateTitle'), referralUpdateFormBody(lang, choices, statusChoices(lang, moves)), token, 'referral');
    return ask(step, text(step.context, 'services.askWhichReferral'), { kind: 'choice', choices }, { field: 'referral', card });
  }

  /** Offers only the moves the lifecycle allows from the referral's status. */
  private async askStatus(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    const picked = presetOf(step)?.action === 'advance' && isReferralId(step.result) ? step.result : answer<string>(step);
    const referral = (await this.read(step, caseIdOf(step))).referrals.find((r) => r.id === picked)!;
    vals(step).referralId = referral.id;
    vals(step).from = referral.status;
    const allowed = REFERRAL_STATUSES.filter((to) => canTransition(referral.status, to));
    const preset = presetOf(step);
    if (preset?.action === 'advance' && preset.status) {
      if (allowed.includes(preset.status as ReferralStatus)) {
        vals(step).to = preset.status;
        return step.next();
      }
      await say(step.context, 'services.statusNotAllowed', { status: statusLabel(lang, preset.status as ReferralStatus) });
      // The status typed does not apply: the note typed with it is asked again with the right one.
      (step.options as CaseOptions).preset = { action: 'advance' };
    }
    const question = text(step.context, 'services.askNextStatus', { status: statusLabel(lang, referral.status) });
    // The referral named with the command: where cards are shown, its status and note are one form.
    const named = presetOf(step)?.action === 'advance';
    const card = async () => {
      const title = t(lang, 'services.formReferralChoice', {
        service: await serviceName(step.context, referral.serviceId),
        status: statusLabel(lang, referral.status),
        id: referral.id,
      });
      return (token: string) =>
        formCard(lang, title, [textBlock(question), ...referralUpdateFormBody(lang, [], statusChoices(lang, allowed))], token, 'status');
    };
    return ask(step, question, { kind: 'choice', choices: statusChoices(lang, allowed) }, { field: 'status', ...(named && { card: await card() }) });
  }

  private async confirmAdvance(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    vals(step).note ??= answer<string>(step);
    const record = await this.read(step, caseIdOf(step));
    const referral = record.referrals.find((r) => r.id === vals(step).referralId)!;
    return ask(
      step,
      text(step.context, 'services.confirmAdvance', {
        service: await serviceName(step.context, referral.serviceId),
        from: statusLabel(lang, vals(step).from),
        to: statusLabel(lang, vals(step).to),
      }),
      { kind: 'yesNo' },
      { field: CONFIRM_FIELD },
    );
  }

  private async saveAdvance(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) return this.notSaved(step);
    const { actor, lang, services } = session(step.context);
    const { referralId, to, note } = vals(step) as { referralId: string; to: ReferralStatus; note: string };
    const updated = await this.change(step, 'referral.advance', (current) =>
      advanceCaseReferral(current, referralId, to, actor.id, services.now().toISOString(), note || undefined),
    );
    if (!updated) return step.endDialog();
    await step.context.sendActivity(
      [text(step.context, 'services.advanced', { id: referralId, status: statusLabel(lang, to) }), costsText(step.context, updated)].join('\n'),
    );
    return step.endDialog();
  }

  // ---- case budget ----

  private async askBudget(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    const { budget } = await this.read(step, caseIdOf(step));
    const current = budget === undefined ? text(step.context, 'services.noBudget') : euros(lang, budget);
    return ask(step, text(step.context, 'services.askBudget', { current }), { kind: 'amount', max: MAX_BUDGET, optional: true });
  }

  private async confirmBudget(step: WaterfallStepContext) {
    const budget = answer<number | null>(step);
    vals(step).budget = budget;
    const caseId = caseIdOf(step);
    const question =
      budget === null
        ? text(step.context, 'services.confirmRemoveBudget', { caseId })
        : text(step.context, 'services.confirmBudget', { caseId, budget: euros(session(step.context).lang, budget) });
    return ask(step, question, { kind: 'yesNo' });
  }

  private async saveBudget(step: WaterfallStepContext) {
    if (!answer<boolean>(step)) return this.notSaved(step);
    const budget = vals(step).budget as number | null;
    const updated = await this.change(step, 'case.budget', ({ budget: _previous, ...rest }) => (budget === null ? rest : { ...rest, budget }));
    if (!updated) return step.endDialog();
    const caseId = caseIdOf(step);
    const done =
      budget === null
        ? text(step.context, 'services.budgetRemoved', { caseId })
        : text(step.context, 'services.budgetSaved', { caseId, budget: euros(session(step.context).lang, budget) });
    await step.context.sendActivity([done, costsText(step.context, updated)].join('\n'));
    return step.endDialog();
  }

  // ---- shared ----

  /** What a command such as "derivación nueva vivienda" or "derivación aceptada" said, read against this case. */
  private presetFrom(step: WaterfallStepContext, record: Case): ReferralRequest | undefined {
    const { request } = step.options as CommandOptions;
    if (!request) return undefined;
    const { lang } = session(step.context);
    const preset = readReferralRequest(request, categoryChoices(lang), statusChoices(lang, REFERRAL_STATUSES));
    if (preset.action === 'advance' && !record.referrals.some(isActive)) return undefined;
    return preset.action ? preset : undefined;
  }

  private read(step: WaterfallStepContext, caseId: string): Promise<Case> {
    const { actor, services } = session(step.context);
    return services.cases.read(actor, caseId, 'referral.read');
  }

  /**
   * Saves a change to the case; undefined (and the person told why) when the case was
   * closed or the referral changed in the meantime, so the step no longer applies.
   */
  private async change(step: WaterfallStepContext, action: string, change: (current: Case) => Case): Promise<Case | undefined> {
    const { actor, services } = session(step.context);
    const caseId = caseIdOf(step);
    try {
      return await services.cases.change(actor, caseId, action, change);
    } catch (error) {
      if (error instanceof CaseClosedError) await say(step.context, 'common.caseClosed', { caseId });
      else if (error instanceof DomainError && ['illegalTransition', 'referralNotFound'].includes(error.code))
        await say(step.context, 'services.referralChanged');
      else throw error;
      return undefined;
    }
  }

  private async notSaved(step: WaterfallStepContext) {
    await say(step.context, 'services.referralNotSaved');
    return step.endDialog();
  }
}

/** Whether a command's words say something of the referral («nueva vivienda», «aceptada»). */
export function referralRequestUnderstood(request: Request, lang: Language): boolean {
  return readReferralRequest(request, categoryChoices(lang), statusChoices(lang, REFERRAL_STATUSES)).action !== undefined;
}
