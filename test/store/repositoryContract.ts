// What every implementation of the store port (src/domain/ports.ts) must do, as one suite
// run against each implementation.
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/domain/ports.js';
import { caseHeader } from '../../src/domain/caseHeader.js';
import type { Case, Contact } from '../../src/domain/schemas.js';
import { caseRecord, staffRecord } from '../support/records.js';

const ids = (cases: readonly Case[]) => cases.map((c) => c.id).sort();

function contact(n: number): Contact {
  return { id: `K-${n}`, date: '2026-11-02', type: 'call', minutes: n, withWhom: 'cliente', note: '', by: 'worker-1', at: '2026-11-02T10:00:00.000Z' };
}

/** The cases the query tests start from: two workers of norte, one of sur, one case shared, one closed. */
const QUERY_CASES: Case[] = [
  caseRecord({ id: 'C-OWN001', workerId: 'worker-1', team: 'norte' }),
  caseRecord({ id: 'C-SHARED', workerId: 'worker-2', team: 'norte', sharedWith: ['worker-1'] }),
  caseRecord({ id: 'C-OTHER1', workerId: 'worker-2', team: 'norte' }),
  caseRecord({ id: 'C-SUR001', workerId: 'worker-3', team: 'sur' }),
  caseRecord({
    id: 'C-CLOSED',
    workerId: 'worker-1',
    team: 'norte',
    status: 'closed',
    closure: { at: '2026-11-18T09:00:00.000Z', by: 'worker-1', reason: 'goalsMet', outcomes: [], summary: 'Objetivos cumplidos' },
  }),
];

export function describeRepositoryContract(name: string, open: () => Promise<Repositories>): void {
  describe(`store port: ${name}`, () => {
    async function withQueryCases(): Promise<Repositories> {
      const repos = await open();
      for (const record of QUERY_CASES) await repos.cases.put(record);
      return repos;
    }

    describe('records', () => {
      it('stores a record and hands it back by id, in all() and in count()', async () => {
        const repos = await open();
        expect(await repos.staff.get('worker-1')).toBeUndefined();
        expect(await repos.staff.all()).toEqual([]);
        const stored = await repos.staff.put(staffRecord());
        expect(stored).toEqual(staffRecord());
        expect(await repos.staff.get('worker-1')).toEqual(staffRecord());
        await repos.staff.put(staffRecord({ id: 'worker-2', name: 'Pablo Ruiz' }));
        expect((await repos.staff.all()).map((s) => s.name).sort()).toEqual(['Lucía Martín', 'Pablo Ruiz']);
        expect(await repos.staff.count()).toBe(2);
      });

      it('replaces a record put again under the same id', async () => {
        const repos = await open();
        await repos.staff.put(staffRecord());
        await repos.staff.put(staffRecord({ name: 'Lucía M.' }));
        expect(await repos.staff.get('worker-1')).toMatchObject({ name: 'Lucía M.' });
        expect(await repos.staff.count()).toBe(1);
      });

      it('updates from the current value, creates from undefined, and deletes on undefined', async () => {
        const repos = await open();
        const seen: (string | undefined)[] = [];
        const created = await repos.users.update('user-1', (current) => {
          seen.push(current?.id);
          return { id: 'user-1', failedLinkAttempts: 0 };
        });
        expect(created).toEqual({ id: 'user-1', failedLinkAttempts: 0 });
        const changed = await repos.users.update('user-1', (current) => {
          seen.push(current?.id);
          return { ...current!, language: 'en' };
        });
        expect(changed).toEqual({ id: 'user-1', failedLinkAttempts: 0, language: 'en' });
        expect(seen).toEqual([undefined, 'user-1']);
        expect(await repos.users.update('user-1', () => undefined)).toBeUndefined();
        expect(await repos.users.get('user-1')).toBeUndefined();
        expect(await repos.users.update('nobody', (current) => current)).toBeUndefined();
        expect(await repos.users.count()).toBe(0);
      });

      it('deletes a record, and deleting a missing one changes nothing', async () => {
        const repos = await open();
        await repos.users.put({ id: '29:abc/def', failedLinkAttempts: 0 });
        await repos.users.put({ id: 'user-2', failedLinkAttempts: 1 });
        await repos.users.delete('29:abc/def');
        await repos.users.delete('nobody');
        expect(await repos.users.get('29:abc/def')).toBeUndefined();
        expect(await repos.users.all()).toEqual([{ id: 'user-2', failedLinkAttempts: 1 }]);
      });

      it('applies concurrent changes to one record one after another, losing none', async () => {
        const repos = await open();
        await repos.cases.put(caseRecord());
        const addContact = (n: number) => repos.cases.update('C-TEST01', (c) => c && { ...c, contacts: [...c.contacts, contact(n)] });
        const results = await Promise.all([addContact(1), addContact(2), addContact(3)]);
        expect(results.map((r) => r!.contacts.length)).toEqual([1, 2, 3]);
        expect((await repos.cases.get('C-TEST01'))!.contacts.map((k) => k.id)).toEqual(['K-1', 'K-2', 'K-3']);
      });

      it('refuses a record its schema refuses, and keeps the old value', async () => {
        const repos = await open();
        await repos.cases.put(caseRecord());
        await expect(repos.cases.update('C-TEST01', (c) => ({ ...c!, priority: 'urgent' as never }))).rejects.toThrow();
        await expect(repos.cases.put({ ...caseRecord(), status: 'lost' as never })).rejects.toThrow();
        await expect(repos.cases.put(caseRecord({ id: 'C-BADONE', client: { ...caseRecord().client, name: '' } }))).rejects.toThrow();
        expect(await repos.cases.get('C-TEST01')).toEqual(caseRecord());
        expect(await repos.cases.get('C-BADONE')).toBeUndefined();
        expect(await repos.cases.count()).toBe(1);
      });

      it('refuses a change that throws or moves the record to another id, and keeps the old value', async () => {
        const repos = await open();
        await repos.cases.put(caseRecord());
        await expect(
          repos.cases.update('C-TEST01', () => {
            throw new Error('no such change');
          }),
        ).rejects.toThrow('no such change');
        await expect(repos.cases.update('C-TEST01', (c) => ({ ...c!, id: 'C-MOVED1', priority: 'high' }))).rejects.toThrow(/cannot change its id/);
        expect(await repos.cases.get('C-TEST01')).toEqual(caseRecord());
        expect(await repos.cases.get('C-MOVED1')).toBeUndefined();
      });

      it('hands out frozen records that later changes to the input do not reach', async () => {
        const repos = await open();
        const input = caseRecord();
        const stored = await repos.cases.put(input);
        (input.contacts as Contact[]).push(contact(1));
        input.client.name = 'Cambiado';
        const record = (await repos.cases.get('C-TEST01'))!;
        expect(record).toBe(stored);
        expect(record.contacts).toEqual([]);
        expect(record.client.name).toBe('Ana P.');
        expect(() => (record.contacts as unknown[]).push({})).toThrow(TypeError);
        expect(() => {
          (record.client as { name: string }).name = 'X';
        }).toThrow(TypeError);
        expect(Object.isFrozen((await repos.cases.all())[0])).toBe(true);
      });
    });

    describe('case queries', () => {
      it("finds a worker's own and shared cases, a team's cases, and cases by status", async () => {
        const repos = await withQueryCases();
        expect(ids(await repos.cases.casesOfWorker('worker-1'))).toEqual(['C-CLOSED', 'C-OWN001', 'C-SHARED']);
        expect(ids(await repos.cases.casesOfWorker('worker-2'))).toEqual(['C-OTHER1', 'C-SHARED']);
        expect(ids(await repos.cases.casesOfWorker('worker-9'))).toEqual([]);
        expect(ids(await repos.cases.casesOfTeam('norte'))).toEqual(['C-CLOSED', 'C-OTHER1', 'C-OWN001', 'C-SHARED']);
        expect(ids(await repos.cases.casesOfTeam('sur'))).toEqual(['C-SUR001']);
        expect(ids(await repos.cases.casesOfTeam('este'))).toEqual([]);
        expect(ids(await repos.cases.byStatus('closed'))).toEqual(['C-CLOSED']);
        expect(ids(await repos.cases.byStatus('open'))).toEqual(['C-OTHER1', 'C-OWN001', 'C-SHARED', 'C-SUR001']);
      });

      it('narrows a worker or team query by status', async () => {
        const repos = await withQueryCases();
        expect(ids(await repos.cases.casesOfWorker('worker-1', { status: 'open' }))).toEqual(['C-OWN001', 'C-SHARED']);
        expect(ids(await repos.cases.casesOfWorker('worker-1', { status: 'closed' }))).toEqual(['C-CLOSED']);
        expect(ids(await repos.cases.casesOfTeam('norte', { status: 'closed' }))).toEqual(['C-CLOSED']);
        expect(ids(await repos.cases.casesOfTeam('sur', { status: 'closed' }))).toEqual([]);
      });

      it('answers with the latest version of each case', async () => {
        const repos = await withQueryCases();
        await repos.cases.update('C-OWN001', (c) => c && { ...c, priority: 'high' });
        const [found] = (await repos.cases.casesOfWorker('worker-1', { status: 'open' })).filter((c) => c.id === 'C-OWN001');
        expect(found).toMatchObject({ priority: 'high' });
        expect(found).toBe(await repos.cases.get('C-OWN001'));
      });

      it('answers headers that match the cases, without reading them, and follow each change', async () => {
        const repos = await withQueryCases();
        const headerIds = (headers: readonly { id: string }[]) => headers.map((h) => h.id).sort();
        expect(headerIds(await repos.cases.headersOfWorker('worker-1'))).toEqual(ids(await repos.cases.casesOfWorker('worker-1')));
        expect(headerIds(await repos.cases.headersOfTeam('norte', { status: 'open' }))).toEqual(
          ids(await repos.cases.casesOfTeam('norte', { status: 'open' })),
        );
        await repos.cases.update('C-OWN001', (c) => c && { ...c, priority: 'high', nextReviewDate: '2027-01-04', client: { ...c.client, name: 'Nuevo N.' } });
        const [header] = (await repos.cases.headersOfWorker('worker-1', { status: 'open' })).filter((h) => h.id === 'C-OWN001');
        expect(header).toEqual(caseHeader((await repos.cases.get('C-OWN001'))!));
        expect(header).toMatchObject({ priority: 'high', nextReviewDate: '2027-01-04', client: { name: 'Nuevo N.' } });
        await repos.cases.update('C-OWN001', (c) => c && { ...c, workerId: 'worker-2' });
        expect(headerIds(await repos.cases.headersOfWorker('worker-1'))).not.toContain('C-OWN001');
        expect(headerIds(await repos.cases.headersOfWorker('worker-2'))).toContain('C-OWN001');
      });

      it('follows a case moved to another worker, shared or unshared, moved to another team, closed or reopened', async () => {
        const repos = await withQueryCases();
        await repos.cases.update('C-OWN001', (c) => c && { ...c, workerId: 'worker-2' });
        expect(ids(await repos.cases.casesOfWorker('worker-1'))).toEqual(['C-CLOSED', 'C-SHARED']);
        expect(ids(await repos.cases.casesOfWorker('worker-2'))).toEqual(['C-OTHER1', 'C-OWN001', 'C-SHARED']);

        await repos.cases.update('C-SHARED', (c) => c && { ...c, sharedWith: [] });
        await repos.cases.update('C-OTHER1', (c) => c && { ...c, sharedWith: ['worker-1', 'worker-3'] });
        expect(ids(await repos.cases.casesOfWorker('worker-1'))).toEqual(['C-CLOSED', 'C-OTHER1']);
        expect(ids(await repos.cases.casesOfWorker('worker-3'))).toEqual(['C-OTHER1', 'C-SUR001']);

        await repos.cases.update('C-OTHER1', (c) => c && { ...c, team: 'sur' });
        expect(ids(await repos.cases.casesOfTeam('norte'))).toEqual(['C-CLOSED', 'C-OWN001', 'C-SHARED']);
        expect(ids(await repos.cases.casesOfTeam('sur'))).toEqual(['C-OTHER1', 'C-SUR001']);

        await repos.cases.update('C-SUR001', (c) => c && { ...c, status: 'closed' });
        await repos.cases.update('C-CLOSED', (c) => c && { ...c, status: 'open' });
        expect(ids(await repos.cases.byStatus('closed'))).toEqual(['C-SUR001']);
        expect(ids(await repos.cases.casesOfWorker('worker-1', { status: 'open' }))).toEqual(['C-CLOSED', 'C-OTHER1']);
        expect(ids(await repos.cases.casesOfTeam('sur', { status: 'open' }))).toEqual(['C-OTHER1']);
      });

      it('forgets a deleted case in every query', async () => {
        const repos = await withQueryCases();
        await repos.cases.delete('C-SHARED');
        await repos.cases.update('C-CLOSED', () => undefined);
        expect(ids(await repos.cases.casesOfWorker('worker-1'))).toEqual(['C-OWN001']);
        expect(ids(await repos.cases.casesOfWorker('worker-2'))).toEqual(['C-OTHER1']);
        expect(ids(await repos.cases.casesOfTeam('norte'))).toEqual(['C-OTHER1', 'C-OWN001']);
        expect(ids(await repos.cases.byStatus('closed'))).toEqual([]);
      });

      it('leaves the queries as they were when a change is refused', async () => {
        const repos = await withQueryCases();
        await expect(repos.cases.update('C-OWN001', (c) => ({ ...c!, workerId: 'worker-2', team: '' }))).rejects.toThrow();
        await expect(
          repos.cases.update('C-OWN001', () => {
            throw new Error('refused');
          }),
        ).rejects.toThrow('refused');
        expect(ids(await repos.cases.casesOfWorker('worker-1'))).toEqual(['C-CLOSED', 'C-OWN001', 'C-SHARED']);
        expect(ids(await repos.cases.casesOfTeam('norte'))).toContain('C-OWN001');
      });

      it('finds a case once when it is shared with its own worker', async () => {
        const repos = await open();
        await repos.cases.put(caseRecord({ id: 'C-SELFSH', workerId: 'worker-1', sharedWith: ['worker-1'] }));
        expect(ids(await repos.cases.casesOfWorker('worker-1'))).toEqual(['C-SELFSH']);
        await repos.cases.update('C-SELFSH', (c) => c && { ...c, sharedWith: [] });
        expect(ids(await repos.cases.casesOfWorker('worker-1'))).toEqual(['C-SELFSH']);
      });
    });

    describe('audit log', () => {
      it('keeps entries by day, oldest first, with outcome ok unless told otherwise', async () => {
        const repos = await open();
        await repos.audit.record({ actor: 'worker-1', action: 'case.read', caseId: 'C-TEST01', at: '2026-11-23T09:00:00.000Z' });
        await repos.audit.record({ actor: 'client-a', action: 'client.link', caseId: 'C-TEST01', outcome: 'denied', at: '2026-11-23T10:00:00.000Z' });
        await repos.audit.record({ actor: 'admin-1', action: 'directory.add', at: '2026-11-24T08:00:00.000Z' });
        expect(await repos.audit.readDay('2026-11-23')).toEqual([
          { actor: 'worker-1', action: 'case.read', caseId: 'C-TEST01', outcome: 'ok', at: '2026-11-23T09:00:00.000Z' },
          { actor: 'client-a', action: 'client.link', caseId: 'C-TEST01', outcome: 'denied', at: '2026-11-23T10:00:00.000Z' },
        ]);
        expect(await repos.audit.readDay('2026-11-24')).toEqual([{ actor: 'admin-1', action: 'directory.add', outcome: 'ok', at: '2026-11-24T08:00:00.000Z' }]);
        expect(await repos.audit.readDay('2026-11-25')).toEqual([]);
      });

      it('stamps an entry without a time with the current time', async () => {
        const repos = await open();
        const before = Date.now();
        await repos.audit.record({ actor: 'worker-1', action: 'case.read', caseId: 'C-TEST01' });
        // Both days, in case midnight passed in between.
        const days = [...new Set([before, Date.now()].map((ms) => new Date(ms).toISOString().slice(0, 10)))];
        const [entry] = (await Promise.all(days.map((day) => repos.audit.readDay(day)))).flat();
        expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(before - 1);
        expect(Date.parse(entry!.at)).toBeLessThanOrEqual(Date.now());
      });

      it('refuses an entry without an actor', async () => {
        const repos = await open();
        await expect(Promise.resolve().then(() => repos.audit.record({ actor: '', action: 'case.read', at: '2026-11-23T09:00:00.000Z' }))).rejects.toThrow();
        expect(await repos.audit.readDay('2026-11-23')).toEqual([]);
      });
    });
  });
}
