// Only the agency's own Teams tenants may use the bot. The gate runs before anything else in
// a turn, for every kind of activity, so a refused one leaves nothing behind.
import type { Activity, TurnContext } from 'botbuilder';
import { guessLanguage } from '../domain/language.js';
import { t } from '../i18n/catalog.js';
import { userKey } from './identity.js';
import { log } from './log.js';

export type TenantVerdict = { allowed: true } | { allowed: false; reason: 'missing' | 'mismatch' | 'foreign'; tenant?: string };

/** Whether an activity may reach the bot; an empty allow-list lets every activity in (local use). */
export function tenantVerdict(activity: Partial<Activity>, allowedTenantIds: readonly string[]): TenantVerdict {
  if (allowedTenantIds.length === 0) return { allowed: true };
  const inConversation = activity.conversation?.tenantId;
  const inChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenant = inConversation ?? inChannelData;
  if (typeof tenant !== 'string' || tenant === '') return { allowed: false, reason: 'missing' };
  // Teams sends the tenant in both places; a disagreement means the activity was made up.
  if (inConversation !== undefined && inChannelData !== undefined && inConversation !== inChannelData) {
    return { allowed: false, reason: 'mismatch' };
  }
  return allowedTenantIds.includes(tenant) ? { allowed: true } : { allowed: false, reason: 'foreign', tenant };
}

/** Refuses the turn when the tenant is not allowed: true when refused (a message gets a polite reply). */
export async function refuseOtherTenants(context: TurnContext, allowedTenantIds: readonly string[]): Promise<boolean> {
  const activity = context.activity;
  const verdict = tenantVerdict(activity, allowedTenantIds);
  if (verdict.allowed) return false;
  log('tenant.refused', { reason: verdict.reason, tenant: verdict.tenant ?? 'none', type: activity.type, user: userKey(activity) });
  if (activity.type === 'message') {
    await context.sendActivity(t(guessLanguage(activity.text ?? '', activity.locale), 'shell.tenantRefused'));
  }
  return true;
}
