// The service directory (SPEC §2 step 5): every staff member sees it by category; only an
// admin adds a service, changes one of its details, or deactivates / reactivates it, through
// the directory service, which checks the role and audits every change.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { isRole } from '../src/domain/access.js';
import { numberFormat } from '../src/domain/formatters.js';
import type { Language, Service } from '../src/domain/schemas.js';
import { matchesWord, normalize, t, type MessageKey } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { catalogChoices, labelOf } from './choices.js';
import type { Choice, InputSpec } from './input.js';
import { answer, ask, vals } from './prompts.js';
import { paragraphs } from './render.js';
import { CONFIRM_FIELD, emptyIfLeftOut, formCard, serviceFormBody } from './cards/stepForms.js';

export const DIRECTORY_DIALOG = 'directory';
const ADD = `${DIRECTORY_DIALOG}.add`;
const EDIT = `${DIRECTORY_DIALOG}.edit`;
const TOGGLE = `${DIRECTORY_DIALOG}.toggle`;

/** The categories the directory offers, in display order (stable slugs, labels in the catalog). */
export const SERVICE_CATEGORIES = [
  'income',
  'food',
  'housing',
  'employment',
  'mentalHealth',
  'dayCare',
  'legal',
  'childFamily',
  'addiction',
  'homeCare',
] as const;

/** Services listed in one reply; a longer directory is offered by category. */
const LISTED_AT_ONCE = 20;
const MAX_EUROS = 1_000_000;
const MAX_PLACES = 100_000;

export const categoryChoices = (lang: Language, categories: readonly string[] = SERVICE_CATEGORIES): Choice[] =>
  categories.map((category) => {
    const known = (SERVICE_CATEGORIES as readonly string[]).includes(category);
    return known
      ? catalogChoices(lang, [[category, `services.category_${category}` as MessageKey, `services.categoryWords_${category}` as MessageKey]])[0]!
      : { value: category, label: category };
  });

export const categoryLabel = (lang: Language, category: string) => labelOf(categoryChoices(lang, [category]), category);

/** Categories in display order: the known ones first, then any other found in the data. */
export function sortCategories(categories: Iterable<string>): string[] {
  const unique = [...new Set(categories)];
  const rank = (c: string) => {
    const index = (SERVICE_CATEGORIES as readonly string[]).indexOf(c);
    return index === -1 ? SERVICE_CATEGORIES.length : index;
  };
  return unique.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function euros(lang: Language, amount: number): string {
  return numberFormat(lang === 'es' ? 'es-ES' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount);
}

export const costText = (lang: Language, cost: number) => (cost === 0 ? t(lang, 'services.free') : euros(lang, cost));

const EDITABLE_FIELDS = ['name', 'category', 'provider', 'contact', 'cost', 'eligibility', 'capacity'] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];

const ASK_FIELD: Record<EditableField, MessageKey> = {
  name: 'services.askName',
  category: 'services.askCategory',
  provider: 'services.askProvider',
  contact: 'services.askContact',
  cost: 'services.askCost',
  eligibility: 'services.askEligibility',
  capacity: 'services.askCapacity',
};

const fieldChoices = (lang: Language) =>
  catalogChoices(
    lang,
    EDITABLE_FIELDS.map((f) => [f, `services.field_${f}` as MessageKey, `services.fieldWords_${f}` as MessageKey] as [string, MessageKey, MessageKey]),
  );

/** How each detail is asked, whether added or changed. */
function fieldSpec(lang: Language, field: EditableField): InputSpec {
  switch (field) {
    case 'name':
      return { kind: 'text', maxLength: 200 };
    case 'category':
      return { kind: 'choice', choices: categoryChoices(lang) };
    case 'provider':
      return { kind: 'text', optional: true, maxLength: 200 };
    case 'contact':
      return { kind: 'text', optional: true, maxLength: 300 };
    case 'cost':
      return { kind: 'amount', max: MAX_EUROS };
    case 'eligibility':
      return { kind: 'text', optional: true, maxLength: 1000 };
    case 'capacity':
      return { kind: 'integer', min: 0, max: MAX_PLACES, optional: true };
  }
}

/** One detail of a service, as shown to staff. */
function fieldText(lang: Language, field: EditableField, value: Service[EditableField]): string {
  if (field === 'category') return categoryLabel(lang, value as string);
  if (field === 'cost') return costText(lang, value as number);
  if (field === 'capacity') return value === null ? t(lang, 'services.capacityNone') : String(value);
  return (value as string) || t(lang, 'services.noValue');
}

function serviceLine(lang: Language, service: Service): string {
  return t(lang, 'services.serviceLine', {
    name: service.name,
    inactive: service.active ? '' : t(lang, 'services.inactiveMark'),
    provider: fieldText(lang, 'provider', service.provider),
    contact: fieldText(lang, 'contact', service.contact),
    cost: fieldText(lang, 'cost', service.cost),
    capacity: fieldText(lang, 'capacity', service.capacity),
    eligibility: fieldText(lang, 'eligibility', service.eligibility),
  });
}

/** The directory as one reply: every service by category, or only the category named. */
function directoryText(context: TurnContext, listed: readonly Service[], named: string | undefined): string {
  const { lang } = session(context);
  const group = (category: string) =>
    `${text(context, 'services.categoryHeader', { category: categoryLabel(lang, category) })}\n\n${listed
      .filter((s) => s.category === category)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => serviceLine(lang, s))
      .join('\n')}`;
  if (named === undefined) {
    const count = listed.filter((s) => s.active).length;
    return paragraphs([text(context, 'services.directoryHeader', { count }), ...sortCategories(listed.map((s) => s.category)).map(group)]);
  }
  return listed.some((s) => s.category === named) ? group(named) : text(context, 'services.categoryEmpty', { category: categoryLabel(lang, named) });
}

/** The directory category a message names among its words ("directorio vivienda"), if any. */
function categoryNamedIn(typed: string): string | undefined {
  const words = normalize(typed).split(' ');
  // Every run of words is tried, so a category of several words ("salud mental") is found too.
  const runs = words.flatMap((_, start) => words.slice(start).map((__, end) => words.slice(start, start + end + 1).join(' ')));
  return SERVICE_CATEGORIES.find((category) => runs.some((run) => matchesWord(run, `services.categoryWords_${category}` as MessageKey)));
}

const serviceChoices = (lang: Language, services: readonly Service[]): Choice[] =>
  services.map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name}${t(lang, 'services.inactiveMark')}`, words: [s.name, s.id] }));

const isAdmin = (context: TurnContext) => isRole(session(context).actor, 'admin');

export class DirectoryDialog extends BaseDialog {
  constructor() {
    super(DIRECTORY_DIALOG, 'services.directoryName', 'services.directoryHelp', [
      (step) => this.show(step),
      (step) => this.showCategory(step),
      (step) => this.dispatch(step),
      (step) => step.endDialog(),
    ]);
    // Adding asks every detail in turn: each step keeps the answer to the question before it.
    this.addDialog(
      new WaterfallDialog(ADD, [
        ...EDITABLE_FIELDS.map((field, i) => async (step: WaterfallStepContext) => {
          if (i > 0) vals(step)[EDITABLE_FIELDS[i - 1]!] = answer(step);
          const { lang } = session(step.context);
          const spec = fieldSpec(lang, field);
          if ('optional' in spec && spec.optional) emptyIfLeftOut(step.context, field);
          // Where cards are shown, the whole service is one form.
          const card = (token: string) =>
            formCard(lang, t(lang, 'services.actionAdd'), serviceFormBody(lang, categoryChoices(lang), { euros: MAX_EUROS, places: MAX_PLACES }), token, field);
          return ask(step, text(step.context, ASK_FIELD[field]), spec, { field, ...(i === 0 && { card }) });
        }),
        (step) => this.confirmAdd(step),
        (step) => this.add(step),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(EDIT, [
        (step) => this.askService(step),
        (step) => {
          vals(step).serviceId = answer<string>(step);
          return ask(step, text(step.context, 'services.askField'), { kind: 'choice', choices: fieldChoices(session(step.context).lang) });
        },
        (step) => this.askNewValue(step),
        (step) => this.confirmEdit(step),
        (step) => this.edit(step),
      ]),
    );
    this.addDialog(new WaterfallDialog(TOGGLE, [(step) => this.askService(step), (step) => this.confirmToggle(step), (step) => this.toggle(step)]));
  }

  /** The whole directory, the category the message names, or, when it is long, the categories to pick from. */
  private async show(step: WaterfallStepContext) {
    const { actor, lang, services } = session(step.context);
    const listed = await services.directory.list(actor);
    vals(step).listed = listed.length;
    const named = categoryNamedIn(step.context.activity.text ?? '');
    if (listed.length === 0) await say(step.context, 'services.directoryEmpty');
    else if (named !== undefined || listed.length <= LISTED_AT_ONCE) await step.context.sendActivity(directoryText(step.context, listed, named));
    else {
      const choices = categoryChoices(lang, sortCategories(listed.map((s) => s.category))).map((choice) => ({
        ...choice,
        label: text(step.context, 'services.categoryCount', { category: choice.label, count: listed.filter((s) => s.category === choice.value).length }),
        words: [...(choice.words ?? []), choice.label],
      }));
      await step.context.sendActivity(text(step.context, 'services.directoryHeader', { count: listed.filter((s) => s.active).length }));
      vals(step).pickedCategory = true;
      return ask(step, text(step.context, 'services.askCategoryToList'), { kind: 'choice', choices });
    }
    return step.next();
  }

  private async showCategory(step: WaterfallStepContext) {
    const { actor, lang, services } = session(step.context);
    if (vals(step).pickedCategory) {
      await step.context.sendActivity(directoryText(step.context, await services.directory.list(actor), answer<string>(step)));
    }
    if (!isAdmin(step.context)) return step.endDialog();
    const actions: [string, MessageKey, MessageKey][] = [['add', 'services.actionAdd', 'services.actionWords_add']];
    if (vals(step).listed > 0)
      actions.push(['edit', 'services.actionEdit', 'services.actionWords_edit'], ['toggle', 'services.actionToggle', 'services.actionWords_toggle']);
    actions.push(['done', 'services.actionDone', 'services.actionWords_done']);
    return ask(step, text(step.context, 'services.askAdminAction'), { kind: 'choice', choices: catalogChoices(lang, actions) });
  }

  private async dispatch(step: WaterfallStepContext) {
    const action = answer<string>(step);
    const target = { add: ADD, edit: EDIT, toggle: TOGGLE }[action];
    return target ? step.beginDialog(target) : step.endDialog();
  }

  private confirmAdd(step: WaterfallStepContext) {
    const { lang } = session(step.context);
    vals(step).capacity = answer(step);
    const details = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, fieldText(lang, f, vals(step)[f])]));
    return ask(
      step,
      `${text(step.context, 'services.addSummary', details)}\n\n${text(step.context, 'services.askConfirmAdd')}`,
      { kind: 'yesNo' },
      { field: CONFIRM_FIELD },
    );
  }

  private async add(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    if (!answer<boolean>(step) || !isAdmin(step.context)) return this.notSaved(step);
    const v = vals(step);
    const service = await services.directory.add(actor, {
      name: v.name,
      category: v.category,
      provider: v.provider,
      contact: v.contact,
      cost: v.cost,
      eligibility: v.eligibility,
      capacity: v.capacity,
    });
    await say(step.context, 'services.added', { name: service.name, id: service.id });
    return step.endDialog();
  }

  private async askService(step: WaterfallStepContext) {
    const { actor, lang, services } = session(step.context);
    const all = (await services.directory.list(actor)).sort((a, b) => a.name.localeCompare(b.name));
    return ask(step, text(step.context, 'services.askWhichService'), { kind: 'choice', choices: serviceChoices(lang, all), byAnyWord: true });
  }

  private async askNewValue(step: WaterfallStepContext) {
    const { actor, lang, services } = session(step.context);
    const field = answer<EditableField>(step);
    vals(step).field = field;
    const service = (await services.directory.get(actor, vals(step).serviceId as string))!;
    const question = text(step.context, 'services.askNewValue', {
      field: t(lang, `services.field_${field}`),
      service: service.name,
      current: fieldText(lang, field, service[field]),
      question: t(lang, ASK_FIELD[field]),
    });
    return ask(step, question, fieldSpec(lang, field));
  }

  private async confirmEdit(step: WaterfallStepContext) {
    const { actor, lang, services } = session(step.context);
    const field = vals(step).field as EditableField;
    const value = answer<string | number | null>(step);
    vals(step).value = value;
    const service = (await services.directory.get(actor, vals(step).serviceId as string))!;
    return ask(
      step,
      text(step.context, 'services.confirmEdit', {
        field: t(lang, `services.field_${field}`),
        service: service.name,
        before: fieldText(lang, field, service[field]),
        after: fieldText(lang, field, value),
      }),
      { kind: 'yesNo' },
    );
  }

  private async edit(step: WaterfallStepContext) {
    if (!answer<boolean>(step) || !isAdmin(step.context)) return this.notSaved(step);
    const { field, value, serviceId } = vals(step) as { field: EditableField; value: string | number | null; serviceId: string };
    const updated = await this.change(step, serviceId, 'directory.edit', (current) => ({ ...current, [field]: value }));
    await say(step.context, 'services.edited', { service: updated.name });
    return step.endDialog();
  }

  private async confirmToggle(step: WaterfallStepContext) {
    const { actor, services } = session(step.context);
    const service = (await services.directory.get(actor, answer<string>(step)))!;
    vals(step).serviceId = service.id;
    return ask(step, text(step.context, service.active ? 'services.confirmDeactivate' : 'services.confirmReactivate', { service: service.name }), {
      kind: 'yesNo',
    });
  }

  private async toggle(step: WaterfallStepContext) {
    if (!answer<boolean>(step) || !isAdmin(step.context)) return this.notSaved(step);
    const updated = await this.change(step, vals(step).serviceId as string, 'directory.toggle', (current) => ({ ...current, active: !current.active }));
    await say(step.context, updated.active ? 'services.reactivated' : 'services.deactivated', { service: updated.name });
    return step.endDialog();
  }

  private async change(step: WaterfallStepContext, serviceId: string, action: string, change: (current: Service) => Service): Promise<Service> {
    const { actor, services } = session(step.context);
    return (await services.directory.change(actor, serviceId, action, change))!;
  }

  private async notSaved(step: WaterfallStepContext) {
    await say(step.context, 'services.notSaved');
    return step.endDialog();
  }
}
