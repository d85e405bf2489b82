// IdentityService and PeopleService on the in-memory store: who is writing, their language
// and time zone, their conversation address, their profile, and staff names for views.
import { describe, expect, it } from 'vitest';
import { IdentityService } from '../../src/app/identityService.js';
import { PeopleService } from '../../src/app/peopleService.js';
import type { Actor } from '../../src/domain/access.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { caseRecord, staffRecord } from '../support/records.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const WORKER = staffRecord({ id: 'aad-worker-1', language: 'es', timeZone: 'Europe/Madrid' });
const ENGLISH_CASE = caseRecord({ id: 'C-ENGLSH', client: { ...caseRecord().client, language: 'en', timeZone: 'Atlantic/Canary' } });

async function setup() {
  const repos = memoryRepositories();
  await repos.staff.put(WORKER);
  await repos.staff.put(staffRecord({ id: 'worker-2', name: 'Pablo Ruiz' }));
  await repos.cases.put(ENGLISH_CASE);
  await repos.clientLinks.put({ id: 'client-1', caseId: 'C-ENGLSH', linkedAt: '2026-11-20T10:00:00.000Z', codeId: 'ABCD' });
  await repos.clientLinks.put({ id: 'client-gone', caseId: 'C-GONE01', linkedAt: '2026-11-20T10:00:00.000Z', codeId: 'EFGH' });
  const clock = { now: NOW };
  return { repos, clock, identity: new IdentityService(repos, () => clock.now), people: new PeopleService(repos, () => clock.now) };
}

describe('IdentityService', () => {
  it('knows staff by their key or channel id, clients by a link to a case that exists, and no one else', async () => {
    const { identity } = await setup();
    expect(await identity.identify('aad-worker-1', '29:teams-id')).toEqual({ kind: 'staff', id: 'aad-worker-1', staff: WORKER });
    expect(await identity.identify('unknown-aad', 'aad-worker-1')).toMatchObject({ kind: 'staff', id: 'aad-worker-1' });
    expect(await identity.identify('client-1')).toEqual({ kind: 'client', id: 'client-1', caseId: 'C-ENGLSH' });
    expect(await identity.identify('client-gone')).toEqual({ kind: 'unknown', id: 'client-gone' });
    expect(await identity.identify('stranger', 'stranger')).toEqual({ kind: 'unknown', id: 'stranger' });
  });

  it("answers in the stored choice, then the staff member's or the client's language, then the locale, then Spanish", async () => {
    const { identity, people } = await setup();
    const worker = await identity.identify('aad-worker-1');
    const client = await identity.identify('client-1');
    const stranger: Actor = { kind: 'unknown', id: 'stranger' };
    expect(await identity.preferredLanguage(worker, 'en-US')).toBe('es');
    expect(await identity.preferredLanguage(client)).toBe('en');
    expect(await identity.preferredLanguage(stranger, 'en-GB')).toBe('en');
    expect(await identity.preferredLanguage(stranger)).toBe('es');
    await people.setLanguage(worker, 'en');
    expect(await identity.preferredLanguage(worker)).toBe('en');
  });

  it("uses the staff member's or the client's time zone, else the fallback", async () => {
    const { identity } = await setup();
    expect(await identity.timeZoneOf(await identity.identify('aad-worker-1'), 'UTC')).toBe('Europe/Madrid');
    expect(await identity.timeZoneOf(await identity.identify('client-1'), 'UTC')).toBe('Atlantic/Canary');
    expect(await identity.timeZoneOf({ kind: 'unknown', id: 'x' }, 'UTC')).toBe('UTC');
  });

  it('keeps the latest conversation address, and writes it only when it changes', async () => {
    const { repos, clock, identity } = await setup();
    const address = { channelId: 'msteams', serviceUrl: 'https://smba.example', reference: { conversation: { id: 'a:1' } } };
    await identity.rememberConversation('client-1', address);
    const first = await repos.conversationRefs.get('client-1');
    expect(first).toEqual({ id: 'client-1', ...address, updatedAt: NOW.toISOString() });
    clock.now = new Date('2026-11-23T10:00:00.000Z');
    await identity.rememberConversation('client-1', address);
    expect(await repos.conversationRefs.get('client-1')).toBe(first);
    await identity.rememberConversation('client-1', { ...address, reference: { conversation: { id: 'a:2' } } });
    expect(await repos.conversationRefs.get('client-1')).toMatchObject({ reference: { conversation: { id: 'a:2' } }, updatedAt: clock.now.toISOString() });
  });
});

describe('PeopleService', () => {
  it('welcomes a person once', async () => {
    const { repos, people, identity } = await setup();
    const worker = await identity.identify('aad-worker-1');
    expect(await people.welcome(worker)).toBe(true);
    expect(await people.welcome(worker)).toBe(false);
    expect(await repos.users.get('aad-worker-1')).toEqual({ id: 'aad-worker-1', failedLinkAttempts: 0, welcomedAt: NOW.toISOString() });
  });

  it('keeps the case a staff member is working on, next to their other choices', async () => {
    const { repos, people, identity } = await setup();
    const worker = await identity.identify('aad-worker-1');
    expect(await people.currentCase(worker)).toBeUndefined();
    await people.setLanguage(worker, 'en');
    await people.setCurrentCase(worker, 'C-ENGLSH');
    expect(await people.currentCase(worker)).toBe('C-ENGLSH');
    expect(await repos.users.get('aad-worker-1')).toEqual({ id: 'aad-worker-1', failedLinkAttempts: 0, language: 'en', currentCaseId: 'C-ENGLSH' });
  });

  it('names staff for staff views, leaving out ids no one holds, and names no one to others', async () => {
    const { people, identity } = await setup();
    const worker = await identity.identify('aad-worker-1');
    expect(await people.staffNames(worker, ['worker-2', 'aad-worker-1', 'worker-2', 'gone-1'])).toEqual(
      new Map([
        ['worker-2', 'Pablo Ruiz'],
        ['aad-worker-1', 'Lucía Martín'],
      ]),
    );
    expect(await people.staffNames(await identity.identify('client-1'), ['worker-2'])).toEqual(new Map());
  });
});
