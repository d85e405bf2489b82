// The conversation side of follow-ups on the in-memory store: a case's scheduled messages
// for whoever may read the case (audited), a round on demand, and the client's own
// withdrawal of consent and prompts awaiting their answer.
import { describe, expect, it } from 'vitest';
import { CaseAccessError, CaseService } from '../../src/app/caseService.js';
import { ClientService, type ClientActor } from '../../src/app/clientService.js';
import { FollowUpService } from '../../src/app/followUpService.js';
import type { Actor } from '../../src/domain/access.js';
import { CaseClosedError } from '../../src/domain/errors.js';
import { newJob } from '../../src/domain/followups/job.js';
import { MemoryJobQueue } from '../../src/store/memoryJobQueue.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { caseRecord, staffRecord, taskRecord } from '../support/records.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const worker: Actor = { kind: 'staff', id: 'worker-1', staff: staffRecord() };
const otherWorker: Actor = { kind: 'staff', id: 'worker-2', staff: staffRecord({ id: 'worker-2' }) };
const CLIENT: ClientActor = { kind: 'client', id: 'client-1', caseId: 'C-ANAPQR' };

async function setup() {
  const repos = memoryRepositories();
  await repos.cases.put(caseRecord({ id: 'C-ANAPQR', tasks: [taskRecord({ lastPromptedAt: '2026-11-22T09:00:00.000Z' }), taskRecord({ id: 'T-OTRAXX' })] }));
  const queue = new MemoryJobQueue();
  let rounds = 0;
  const followUps = new FollowUpService(new CaseService(repos, () => NOW), queue, async () => void rounds++);
  return { repos, queue, followUps, rounds: () => rounds, clients: new ClientService(repos, () => NOW) };
}

describe('FollowUpService', () => {
  it("lists a case's open jobs soonest first for whoever may read it, audited; others are refused", async () => {
    const { repos, queue, followUps } = await setup();
    const later = newJob({ kind: 'clientCheckIn', caseId: 'C-ANAPQR', recipient: { role: 'client' }, subject: { taskId: 'T-SOLICI' }, dueAt: '2026-11-30T09:00:00.000Z' }, NOW);
    const sooner = newJob({ kind: 'missedCheckIn', caseId: 'C-ANAPQR', recipient: { role: 'worker', staffId: 'worker-1' }, subject: { taskId: 'T-SOLICI' }, dueAt: '2026-11-25T09:00:00.000Z' }, NOW);
    const elsewhere = newJob({ kind: 'clientCheckIn', caseId: 'C-OTHER1', recipient: { role: 'client' }, subject: { taskId: 'T-X' }, dueAt: '2026-11-24T09:00:00.000Z' }, NOW);
    await queue.schedule([later, sooner, elsewhere]);
    expect(await followUps.scheduledFor(worker, 'C-ANAPQR')).toEqual([
      { kind: 'missedCheckIn', dueAt: sooner.dueAt, recipient: sooner.recipient, subject: sooner.subject },
      { kind: 'clientCheckIn', dueAt: later.dueAt, recipient: later.recipient, subject: later.subject },
    ]);
    await expect(followUps.scheduledFor(otherWorker, 'C-ANAPQR')).rejects.toThrow(CaseAccessError);
    const audit = await repos.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action === 'followUps.read').map((e) => [e.actor, e.outcome])).toEqual([['worker-1', 'ok'], ['worker-2', 'denied']]);
  });

  it('nudge runs a round each time it is called', async () => {
    const { followUps, rounds } = await setup();
    await followUps.nudge();
    await followUps.nudge();
    expect(rounds()).toBe(2);
  });
});

describe('ClientService and follow-ups', () => {
  it("withdraws consent on the client's own case once, audited", async () => {
    const { repos, clients } = await setup();
    expect(await clients.withdrawMessaging(CLIENT)).toBe('withdrawn');
    expect(await clients.withdrawMessaging(CLIENT)).toBe('alreadyWithdrawn');
    const record = (await repos.cases.get('C-ANAPQR'))!;
    expect(record.consent.messagingChanges).toEqual([{ given: false, at: NOW.toISOString(), by: 'client-1' }]);
    expect(record.updatedAt).toBe(NOW.toISOString());
    const audit = await repos.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action === 'client.consent.withdraw')).toEqual([
      expect.objectContaining({ actor: 'client-1', caseId: 'C-ANAPQR', outcome: 'ok' }),
      expect.objectContaining({ actor: 'client-1', caseId: 'C-ANAPQR', outcome: 'ok' }),
    ]);
  });

  it('leaves a closed case as it is, and refuses (audited) when the case is gone', async () => {
    const { repos, clients } = await setup();
    await repos.cases.update('C-ANAPQR', (c) => ({ ...c!, status: 'closed' }));
    expect(await clients.withdrawMessaging(CLIENT)).toBe('caseClosed');
    expect((await repos.cases.get('C-ANAPQR'))!.consent.messagingWithdrawnAt).toBeUndefined();
    const gone: ClientActor = { kind: 'client', id: 'client-9', caseId: 'C-GONEXX' };
    await expect(clients.withdrawMessaging(gone)).rejects.toThrow(CaseClosedError);
    const audit = await repos.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'client-9', action: 'client.consent.withdraw', outcome: 'denied', reason: 'notFound' }));
    expect(await repos.cases.get('C-GONEXX')).toBeUndefined();
  });

  it('gives the tasks whose prompt the client has not answered, and none on a closed case', async () => {
    const { repos, clients } = await setup();
    expect((await clients.tasksAwaitingAnswer(CLIENT)).map((task) => task.id)).toEqual(['T-SOLICI']);
    await repos.cases.update('C-ANAPQR', (c) => ({ ...c!, status: 'closed' }));
    expect(await clients.tasksAwaitingAnswer(CLIENT)).toEqual([]);
  });
});
