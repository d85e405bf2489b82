// CaseService on a real store: who may read and change which case (SPEC §5), closed cases
// are read-only, concurrent changes both survive, and every read is audited.
import { describe, expect, it } from 'vitest';
import { CaseAccessError, CaseService } from '../../src/app/caseService.js';
import type { Actor } from '../../src/domain/access.js';
import { CaseClosedError } from '../../src/domain/errors.js';
import type { Case, Contact, Staff } from '../../src/domain/schemas.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { caseRecord, staffRecord } from '../support/records.js';
import { tempStore } from '../support/tempStore.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const TODAY = '2026-11-23';

const staffActor = (overrides: Partial<Staff>): Actor => {
  const staff = staffRecord(overrides);
  return { kind: 'staff', id: staff.id, staff };
};
const WORKER_1 = staffActor({ id: 'worker-1', team: 'norte' });
const WORKER_2 = staffActor({ id: 'worker-2', team: 'norte' });
const SUPERVISOR_NORTE = staffActor({ id: 'super-1', role: 'supervisor', team: 'norte' });
const ADMIN = staffActor({ id: 'admin-1', role: 'admin', team: 'central' });

// Distinct updatedAt values, so the caseload's order (most recently changed first) is known.
const CASES: Case[] = [
  caseRecord({ id: 'C-OWN001', workerId: 'worker-1', team: 'norte', updatedAt: '2026-11-20T09:00:00.000Z' }),
  caseRecord({ id: 'C-OTHER1', workerId: 'worker-2', team: 'norte', updatedAt: '2026-11-19T09:00:00.000Z' }),
  caseRecord({ id: 'C-SHARED', workerId: 'worker-2', team: 'norte', sharedWith: ['worker-1'], updatedAt: '2026-11-22T09:00:00.000Z' }),
  caseRecord({ id: 'C-SUR001', workerId: 'worker-3', team: 'sur', updatedAt: '2026-11-21T09:00:00.000Z' }),
  caseRecord({
    id: 'C-CLOSED',
    workerId: 'worker-1',
    team: 'norte',
    status: 'closed',
    updatedAt: '2026-11-18T09:00:00.000Z',
    closure: { at: '2026-11-18T09:00:00.000Z', by: 'worker-1', reason: 'goalsMet', outcomes: [], summary: 'Objetivos cumplidos' },
  }),
];

async function setup() {
  const { dataDir, store } = await tempStore();
  for (const record of CASES) await store.repositories.cases.put(record);
  return { dataDir, store, repos: store.repositories, service: new CaseService(store.repositories, () => NOW) };
}

function contact(id: string): Contact {
  return { id, date: TODAY, type: 'call', minutes: 10, withWhom: 'cliente', note: '', by: 'worker-1', at: NOW.toISOString() };
}

describe('CaseService', () => {
  it('lets a worker read their own case, and audits the read', async () => {
    const { repos, service } = await setup();
    expect((await service.read(WORKER_1, 'C-OWN001', 'assessment.view')).id).toBe('C-OWN001');
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { at: NOW.toISOString(), actor: 'worker-1', action: 'assessment.view', caseId: 'C-OWN001', outcome: 'ok' },
    ]);
  });

  it("refuses a worker another worker's case, the same way as a missing one, and audits the refusal", async () => {
    const { repos, service } = await setup();
    const refusal = await service.read(WORKER_1, 'C-OTHER1').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CaseAccessError);
    const missing = await service.read(WORKER_1, 'C-NOPE99').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(CaseAccessError);
    expect((missing as Error).message.replace('C-NOPE99', 'C-OTHER1')).toBe((refusal as Error).message);

    expect(await repos.audit.readDay(TODAY)).toEqual([
      { at: NOW.toISOString(), actor: 'worker-1', action: 'case.read', caseId: 'C-OTHER1', outcome: 'denied' },
      { at: NOW.toISOString(), actor: 'worker-1', action: 'case.read', outcome: 'denied', reason: 'notFound' },
    ]);
  });

  it('lets a worker read and change a case shared with them', async () => {
    const { service } = await setup();
    expect((await service.read(WORKER_1, 'C-SHARED')).workerId).toBe('worker-2');
    const changed = await service.change(WORKER_1, 'C-SHARED', 'contact.log', (c) => ({ ...c, contacts: [...c.contacts, contact('K-1')] }));
    expect(changed.contacts.map((k) => k.id)).toEqual(['K-1']);
  });

  it("lets a supervisor read their team's cases, not another team's", async () => {
    const { service } = await setup();
    for (const id of ['C-OWN001', 'C-OTHER1', 'C-SHARED', 'C-CLOSED']) {
      expect((await service.read(SUPERVISOR_NORTE, id)).id).toBe(id);
    }
    await expect(service.read(SUPERVISOR_NORTE, 'C-SUR001')).rejects.toBeInstanceOf(CaseAccessError);
  });

  it('gives an admin no case content', async () => {
    const { service } = await setup();
    for (const { id } of CASES) await expect(service.read(ADMIN, id)).rejects.toBeInstanceOf(CaseAccessError);
    expect(await service.caseload(ADMIN)).toEqual([]);
    await expect(service.change(ADMIN, 'C-OWN001', 'case.edit', (c) => ({ ...c, priority: 'high' }))).rejects.toBeInstanceOf(CaseAccessError);
  });

  it("refuses a change to another worker's case and leaves it as it was", async () => {
    const { repos, service } = await setup();
    await expect(service.change(WORKER_2, 'C-OWN001', 'case.edit', (c) => ({ ...c, priority: 'high' }))).rejects.toBeInstanceOf(CaseAccessError);
    expect((await repos.cases.get('C-OWN001'))?.priority).toBe('medium');
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { at: NOW.toISOString(), actor: 'worker-2', action: 'case.edit', caseId: 'C-OWN001', outcome: 'denied' },
    ]);
  });

  it('refuses any change to a closed case with CaseClosedError, audited as denied', async () => {
    const { repos, service } = await setup();
    await expect(service.change(WORKER_1, 'C-CLOSED', 'contact.log', (c) => ({ ...c, contacts: [contact('K-1')] }))).rejects.toBeInstanceOf(CaseClosedError);
    expect(await repos.cases.get('C-CLOSED')).toEqual(CASES[4]);
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { at: NOW.toISOString(), actor: 'worker-1', action: 'contact.log', caseId: 'C-CLOSED', outcome: 'denied' },
    ]);
  });

  it('keeps both of two concurrent changes to one case, on disk too', async () => {
    const { dataDir, store, service } = await setup();
    await Promise.all([
      service.change(WORKER_1, 'C-OWN001', 'contact.log', (c) => ({ ...c, contacts: [...c.contacts, contact('K-1')] })),
      service.change(SUPERVISOR_NORTE, 'C-OWN001', 'case.edit', (c) => ({ ...c, priority: 'high' })),
      service.change(WORKER_1, 'C-OWN001', 'contact.log', (c) => ({ ...c, contacts: [...c.contacts, contact('K-2')] })),
    ]);
    await store.close();

    const { store: reopened } = await tempStore(dataDir);
    const stored = (await reopened.repositories.cases.get('C-OWN001'))!;
    expect(stored.contacts.map((k) => k.id)).toEqual(['K-1', 'K-2']);
    expect(stored.priority).toBe('high');
    expect(stored.updatedAt).toBe(NOW.toISOString());
  });

  it('lists in the caseload exactly the cases the actor may read, most recently changed first', async () => {
    const { repos, service } = await setup();
    expect((await service.caseload(WORKER_1)).map((c) => c.id)).toEqual(['C-SHARED', 'C-OWN001', 'C-CLOSED']);
    expect((await service.caseload(WORKER_1, { status: 'open' })).map((c) => c.id)).toEqual(['C-SHARED', 'C-OWN001']);
    expect((await service.caseload(WORKER_2)).map((c) => c.id)).toEqual(['C-SHARED', 'C-OTHER1']);
    expect((await service.caseload(SUPERVISOR_NORTE)).map((c) => c.id)).toEqual(['C-SHARED', 'C-OWN001', 'C-OTHER1', 'C-CLOSED']);

    const listed = (await repos.audit.readDay(TODAY)).filter((e) => e.actor === 'worker-1' && e.action === 'case.list');
    expect(listed.map((e) => e.caseId).sort()).toEqual(['C-CLOSED', 'C-OWN001', 'C-SHARED', 'C-OWN001', 'C-SHARED'].sort());
  });

  it('lists the caseload by headers with the same access rules and order, reading no case and auditing nothing until shown', async () => {
    const repos = memoryRepositories();
    for (const record of CASES) await repos.cases.put(record);
    const refuse = () => Promise.reject(new Error('a listing by headers must not read a case'));
    repos.cases.get = refuse;
    repos.cases.all = refuse;
    repos.cases.casesOfWorker = refuse;
    repos.cases.casesOfTeam = refuse;
    const service = new CaseService(repos, () => NOW);
    const ids = async (actor: Actor, query = {}) => (await service.caseloadHeaders(actor, query)).map((c) => c.id);
    expect(await ids(WORKER_1)).toEqual(['C-SHARED', 'C-OWN001', 'C-CLOSED']);
    expect(await ids(WORKER_1, { status: 'open' })).toEqual(['C-SHARED', 'C-OWN001']);
    expect(await ids(WORKER_2)).toEqual(['C-SHARED', 'C-OTHER1']);
    expect(await ids(SUPERVISOR_NORTE)).toEqual(['C-SHARED', 'C-OWN001', 'C-OTHER1', 'C-CLOSED']);
    expect(await ids(ADMIN)).toEqual([]);
    expect((await service.caseloadHeaders(WORKER_1))[0]).toEqual({
      id: 'C-SHARED',
      workerId: 'worker-2',
      sharedWith: ['worker-1'],
      team: 'norte',
      status: 'open',
      priority: 'medium',
      updatedAt: '2026-11-22T09:00:00.000Z',
      client: { name: expect.any(String), timeZone: expect.any(String) },
      ...(CASES[2]!.intensity && { intensity: CASES[2]!.intensity }),
      ...(CASES[2]!.nextReviewDate && { nextReviewDate: CASES[2]!.nextReviewDate }),
    });
    expect(await repos.audit.readDay(TODAY)).toEqual([]);

    await service.listed(WORKER_1, ['C-SHARED', 'C-OWN001']);
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { at: NOW.toISOString(), actor: 'worker-1', action: 'case.list', caseId: 'C-SHARED', outcome: 'ok' },
      { at: NOW.toISOString(), actor: 'worker-1', action: 'case.list', caseId: 'C-OWN001', outcome: 'ok' },
    ]);
  });

  it('leaves a blocked case out of a listing by headers', async () => {
    const repos = memoryRepositories();
    for (const record of CASES) await repos.cases.put(record.id === 'C-OWN001' ? { ...record, blocked: { at: NOW.toISOString(), by: 'admin-1' } } : record);
    const service = new CaseService(repos, () => NOW);
    expect((await service.caseloadHeaders(WORKER_1)).map((c) => c.id)).toEqual(['C-SHARED', 'C-CLOSED']);
  });

  it("finds a caseload through the cases' queries, without reading every case", async () => {
    const repos = memoryRepositories();
    for (const record of CASES) await repos.cases.put(record);
    repos.cases.all = () => Promise.reject(new Error('a caseload must not read every case'));
    const service = new CaseService(repos, () => NOW);
    expect((await service.caseload(WORKER_1, { status: 'open' })).map((c) => c.id)).toEqual(['C-SHARED', 'C-OWN001']);
    expect((await service.caseload(SUPERVISOR_NORTE, { status: 'closed' })).map((c) => c.id)).toEqual(['C-CLOSED']);
  });
});
