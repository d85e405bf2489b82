// How referrals are named and listed: their statuses as choices, the services a form offers,
// a referral's line in a list, and the committed costs against the case budget.
import type { TurnContext } from 'botbuilder';
import { session, text } from '../src/bot/session.js';
import { referralCosts } from '../src/domain/referrals.js';
import type { Case, Language, Referral, ReferralStatus, Service } from '../src/domain/schemas.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { catalogChoices, labelOf } from './choices.js';
import { categoryLabel, costText, euros, sortCategories } from './directoryDialog.js';
import type { ServiceOption } from './cards/stepForms.js';

export const statusChoices = (lang: Language, statuses: readonly ReferralStatus[]) =>
  catalogChoices(
    lang,
    statuses.map((s) => [s, `services.status_${s}`, `services.statusWords_${s}`] as [string, MessageKey, MessageKey]),
  );

export const statusLabel = (lang: Language, status: ReferralStatus) => labelOf(statusChoices(lang, [status]), status);

/** The active services as a form lists them: by category, then by name. */
export function serviceOptions(lang: Language, services: Service[]): ServiceOption[] {
  const order = sortCategories(services.map((s) => s.category));
  return services
    .filter((s) => s.active)
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.name.localeCompare(b.name))
    .map((s) => ({ id: s.id, name: s.name, category: categoryLabel(lang, s.category), cost: costText(lang, s.cost) }));
}

export async function serviceName(context: TurnContext, serviceId: string): Promise<string> {
  const { actor, services } = session(context);
  return (await services.directory.get(actor, serviceId))?.name ?? serviceId;
}

/** Committed referral costs against the case budget, warning when over. */
export function costsText(context: TurnContext, record: Pick<Case, 'referrals' | 'budget'>): string {
  const { lang } = session(context);
  const costs = referralCosts(record);
  const committed = euros(lang, costs.committed);
  if (costs.budget === null || costs.remaining === null) return text(context, 'services.costsNoBudget', { committed });
  const budget = euros(lang, costs.budget);
  if (costs.over) return text(context, 'services.costsOver', { committed, budget, over: euros(lang, -costs.remaining) });
  return text(context, 'services.costsWithin', { committed, budget, remaining: euros(lang, costs.remaining) });
}

export async function referralLine(context: TurnContext, referral: Referral, n: number): Promise<string> {
  const { lang } = session(context);
  return text(context, 'services.referralLine', {
    n,
    service: await serviceName(context, referral.serviceId),
    category: categoryLabel(lang, referral.category),
    status: statusLabel(lang, referral.status),
    cost: costText(lang, referral.cost),
    duplicate: referral.possibleDuplicateOf ? text(context, 'services.duplicateMark', { id: referral.possibleDuplicateOf }) : '',
  });
}
