// The tenant decision on its own: which activities the allow-list lets in, and why not.
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { tenantVerdict } from '../../src/bot/tenantGate.js';

const ALLOWED = ['agency-a', 'agency-b'];

function activity(conversationTenant?: string, channelDataTenant?: string): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    conversation: { id: 'c', ...(conversationTenant === undefined ? {} : { tenantId: conversationTenant }) } as Activity['conversation'],
    ...(channelDataTenant === undefined ? {} : { channelData: { tenant: { id: channelDataTenant } } }),
  };
}

describe('tenantVerdict', () => {
  it('lets every activity in when no tenant is listed (local use)', () => {
    expect(tenantVerdict(activity(), [])).toEqual({ allowed: true });
    expect(tenantVerdict(activity('x', 'y'), [])).toEqual({ allowed: true });
  });

  it.each([
    ['in both places', activity('agency-b', 'agency-b')],
    ['in the conversation only', activity('agency-a')],
    ['in the channel data only', activity(undefined, 'agency-b')],
  ])('lets a listed tenant in when it is %s', (_name, from) => {
    expect(tenantVerdict(from, ALLOWED)).toEqual({ allowed: true });
  });

  it.each([
    ['no tenant', activity(), { allowed: false, reason: 'missing' }],
    ['an empty tenant', activity(''), { allowed: false, reason: 'missing' }],
    ['a tenant that is not listed', activity('outsider', 'outsider'), { allowed: false, reason: 'foreign', tenant: 'outsider' }],
    ['an unlisted tenant in the channel data only', activity(undefined, 'outsider'), { allowed: false, reason: 'foreign', tenant: 'outsider' }],
    ['two listed tenants that disagree', activity('agency-a', 'agency-b'), { allowed: false, reason: 'mismatch' }],
    ['a listed tenant and an unlisted one', activity('agency-a', 'outsider'), { allowed: false, reason: 'mismatch' }],
    [
      'a tenant id that is not a string',
      { conversation: { id: 'c' }, channelData: { tenant: { id: 7 } } } as Partial<Activity>,
      { allowed: false, reason: 'missing' },
    ],
  ])('refuses %s', (_name, from, verdict) => {
    expect(tenantVerdict(from, ALLOWED)).toEqual(verdict);
  });
});
