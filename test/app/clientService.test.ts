// ClientService on the in-memory store: a linked client sees and changes only the
// client-visible parts of their own case, and every read and change is audited.
import { describe, expect, it } from 'vitest';
import { ClientService, type ClientActor } from '../../src/app/clientService.js';
import { CaseClosedError, DomainError } from '../../src/domain/errors.js';
import type { Case } from '../../src/domain/schemas.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { caseRecord, taskRecord } from '../support/records.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const TODAY = '2026-11-23';
const CLIENT: ClientActor = { kind: 'client', id: 'client-1', caseId: 'C-ANAPQR' };

const GOAL = {
  id: 'G-VIVIEN',
  domain: 'housing' as const,
  text: 'Tener una vivienda estable',
  actor: 'Ana',
  indicator: 'contrato firmado',
  target: 'un contrato',
  deadline: '2027-02-01',
  support: 'Trabajadora social',
  obstacles: 'Ingresos bajos',
  dependsOnThirdParty: true,
  agreement: { at: '2026-11-02T10:00:00.000Z', recordedBy: 'worker-1' },
  status: 'active' as const,
  createdAt: '2026-11-02T10:00:00.000Z',
  createdBy: 'worker-1',
};

const CASE = caseRecord({
  id: 'C-ANAPQR',
  goals: [GOAL],
  tasks: [
    taskRecord({ goalId: 'G-VIVIEN' }, [2]),
    taskRecord({ id: 'T-WORKER', description: 'Llamar al casero', owner: 'worker' }),
    taskRecord({ id: 'T-HECHAX', description: 'Tarea hecha', status: 'done' }),
  ],
  contacts: [
    {
      id: 'K-1',
      date: '2026-11-10',
      type: 'visit',
      minutes: 45,
      withWhom: 'Ana',
      note: 'Nota reservada de la visita',
      by: 'worker-1',
      at: '2026-11-10T10:00:00.000Z',
    },
  ],
});

async function setup(record: Case = CASE) {
  const repos = memoryRepositories();
  await repos.cases.put(record);
  await repos.cases.put(caseRecord({ id: 'C-OTHER1', client: { ...CASE.client, name: 'Berta Q.' }, tasks: [taskRecord({ id: 'T-OTRAXX' })] }));
  return { repos, clients: new ClientService(repos, () => NOW) };
}

describe('ClientService', () => {
  it('shows a client their own goals and tasks and nothing else of the case, audited with the case id', async () => {
    const { repos, clients } = await setup();
    const plan = await clients.plan(CLIENT);
    expect(plan).toEqual({
      caseId: 'C-ANAPQR',
      status: 'open',
      goals: [{ id: 'G-VIVIEN', text: 'Tener una vivienda estable', deadline: '2027-02-01', status: 'active' }],
      tasks: [
        {
          id: 'T-SOLICI',
          goalId: 'G-VIVIEN',
          description: 'Presentar la solicitud de vivienda',
          owner: 'client',
          ownerName: undefined,
          dueDate: '2026-12-07',
          status: 'open',
        },
        { id: 'T-WORKER', goalId: undefined, description: 'Llamar al casero', owner: 'worker', ownerName: undefined, dueDate: '2026-12-07', status: 'open' },
        { id: 'T-HECHAX', goalId: undefined, description: 'Tarea hecha', owner: 'client', ownerName: undefined, dueDate: '2026-12-07', status: 'done' },
      ],
    });
    const shown = JSON.stringify(plan);
    for (const hidden of ['Nota reservada', 'Ana P.', 'Ingresos bajos', 'progress', 'worker-1', 'Berta']) expect(shown).not.toContain(hidden);
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { actor: 'client-1', action: 'client.plan.read', caseId: 'C-ANAPQR', outcome: 'ok', at: NOW.toISOString() },
    ]);
  });

  it('offers the open tasks the client owns for a check-in, audited', async () => {
    const { repos, clients } = await setup();
    expect((await clients.checkInTasks(CLIENT))!.map((t) => t.id)).toEqual(['T-SOLICI']);
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { actor: 'client-1', action: 'client.checkIn', caseId: 'C-ANAPQR', outcome: 'ok', at: NOW.toISOString() },
    ]);
  });

  it("records a check-in on the client's task with the bot's clock, and audits it", async () => {
    const { repos, clients } = await setup();
    await clients.checkIn(CLIENT, { taskId: 'T-SOLICI', rating: 3, obstacles: 'El autobús', needsHelp: true });
    const stored = (await repos.cases.get('C-ANAPQR'))!;
    expect(stored.tasks[0]!.progress.at(-1)).toEqual({
      at: NOW.toISOString(),
      rating: 3,
      obstacles: 'El autobús',
      needsHelp: true,
      source: 'client',
      by: 'client-1',
    });
    expect(stored.updatedAt).toBe(NOW.toISOString());
    expect(stored.contacts).toEqual(CASE.contacts);
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { actor: 'client-1', action: 'client.checkIn', caseId: 'C-ANAPQR', outcome: 'ok', at: NOW.toISOString() },
    ]);
  });

  it('leaves out empty obstacles', async () => {
    const { repos, clients } = await setup();
    await clients.checkIn(CLIENT, { taskId: 'T-SOLICI', rating: 4, obstacles: '', needsHelp: false });
    expect((await repos.cases.get('C-ANAPQR'))!.tasks[0]!.progress.at(-1)).not.toHaveProperty('obstacles');
  });

  it('refuses a check-in on a task that no longer takes progress, and stores nothing', async () => {
    const { repos, clients } = await setup();
    for (const taskId of ['T-HECHAX', 'T-NOPE99']) {
      await expect(clients.checkIn(CLIENT, { taskId, rating: 3, needsHelp: false })).rejects.toBeInstanceOf(DomainError);
    }
    expect(await repos.cases.get('C-ANAPQR')).toEqual(CASE);
  });

  it('refuses reading for a check-in and checking in on a closed case, audited as denied', async () => {
    const closed = {
      ...CASE,
      status: 'closed' as const,
      closure: { at: '2026-11-20T09:00:00.000Z', by: 'worker-1', reason: 'goalsMet' as const, outcomes: [], summary: 'Hecho' },
    };
    const { repos, clients } = await setup(closed);
    await expect(clients.checkInTasks(CLIENT)).rejects.toBeInstanceOf(CaseClosedError);
    await expect(clients.checkIn(CLIENT, { taskId: 'T-SOLICI', rating: 3, needsHelp: false })).rejects.toBeInstanceOf(CaseClosedError);
    expect(await repos.cases.get('C-ANAPQR')).toEqual(closed);
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { actor: 'client-1', action: 'client.checkIn', caseId: 'C-ANAPQR', outcome: 'denied', at: NOW.toISOString() },
      { actor: 'client-1', action: 'client.checkIn', caseId: 'C-ANAPQR', outcome: 'denied', at: NOW.toISOString() },
    ]);
  });

  it('gives nothing for a case that is gone, and refuses a check-in on it', async () => {
    const { repos, clients } = await setup();
    await repos.cases.delete('C-ANAPQR');
    expect(await clients.plan(CLIENT)).toBeUndefined();
    expect(await clients.checkInTasks(CLIENT)).toBeUndefined();
    await expect(clients.checkIn(CLIENT, { taskId: 'T-SOLICI', rating: 3, needsHelp: false })).rejects.toBeInstanceOf(CaseClosedError);
    expect(await repos.cases.get('C-ANAPQR')).toBeUndefined();
  });
});
