// The follow-up service on the in-memory store, with a recording sender: what dialogs ask
// of it (a case's scheduled follow-ups, a round now), a client's help request reaching the
// worker at once or after quiet hours, and what waited for a person shown when they write;
// the client's own withdrawal of consent and prompts awaiting their answer.
import { describe, expect, it } from 'vitest';
import { CaseAccessError } from '../../src/app/caseService.js';
import type { ClientActor } from '../../src/app/clientService.js';
import { FollowUpScheduler, type Delivery, type SendOutcome } from '../../src/app/scheduler.js';
import { createServices, memoryFollowUpStores } from '../../src/app/services.js';
import { defaultConfig } from '../../src/domain/config.js';
import type { Actor } from '../../src/domain/access.js';
import { CaseClosedError } from '../../src/domain/errors.js';
import { newJob } from '../../src/domain/followups/job.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { DEMO_STAFF } from '../support/botHarness.js';
import { caseRecord, staffRecord, taskRecord } from '../support/records.js';

const CLIENT: ClientActor = { kind: 'client', id: 'client-ana', caseId: 'C-ANAPQR' };
const staffActor = (id: string): Actor => ({ kind: 'staff', id, staff: DEMO_STAFF.find((s) => s.id === id)! });

async function setUp(start: string) {
  const repos = memoryRepositories();
  for (const staff of DEMO_STAFF) await repos.staff.put(staff);
  await repos.cases.put(
    caseRecord({
      id: 'C-ANAPQR',
      nextReviewDate: '2027-03-22',
      tasks: [
        taskRecord({
          id: 'T-CITA01',
          description: 'Pedir cita médica',
          dueDate: '2027-04-30',
          checkInEveryDays: 7,
          commitment: { at: '2027-02-22T09:00:00.000Z', confirmedBy: 'worker-1' },
        }),
      ],
    }),
  );
  await repos.clientLinks.put({ id: 'client-ana', caseId: 'C-ANAPQR', linkedAt: '2027-02-22T09:00:00.000Z', codeId: 'L-1' });
  const clock = { ms: Date.parse(start) };
  const now = () => new Date(clock.ms);
  const stores = memoryFollowUpStores();
  const services = createServices(repos, now, defaultConfig, stores);
  const shown: { to: string; text: string }[] = [];
  /** Recipients the channel cannot reach. */
  const unreachable = new Set<string>();
  const sender = {
    async send(delivery: Delivery): Promise<SendOutcome> {
      const to = delivery.recipient.role === 'client' ? 'client' : delivery.recipient.staffId;
      if (unreachable.has(to)) return { outcome: 'unreachable', code: 'NoConversationReference' };
      const outcome: SendOutcome = { outcome: 'sent' };
      shown.push({ to, text: await services.followUps.delivery.message(delivery.jobs, { language: 'es', timeZone: 'Europe/Madrid' }) });
      return outcome;
    },
  };
  const scheduler = new FollowUpScheduler({ queue: stores.jobs, sender, now, ...services.followUps.schedulerHooks() }, { owner: 'test' });
  return { repos, clock, services, shown, unreachable, scheduler, jobs: stores.jobs };
}

describe('follow-up service', () => {
  it("lists a case's scheduled follow-ups, earliest first, to those who may read the case, audited", async () => {
    const { repos, services } = await setUp('2027-03-01T08:00:00Z');
    await services.followUps.syncAll();
    expect(await services.followUps.scheduledFor(staffActor('worker-1'), 'C-ANAPQR')).toEqual([
      { kind: 'clientCheckIn', dueAt: '2027-03-01T09:00:00.000Z', recipient: { role: 'client' }, subject: { taskId: 'T-CITA01' } },
      { kind: 'missedCheckIn', dueAt: '2027-03-03T09:00:00.000Z', recipient: { role: 'worker', staffId: 'worker-1' }, subject: { taskId: 'T-CITA01' } },
      { kind: 'reviewReminder', dueAt: '2027-03-15T08:00:00.000Z', recipient: { role: 'worker', staffId: 'worker-1' }, subject: { reviewDate: '2027-03-22' } },
    ]);
    await expect(services.followUps.scheduledFor(staffActor('worker-2'), 'C-ANAPQR')).rejects.toBeInstanceOf(CaseAccessError);
    await expect(services.followUps.scheduledFor(CLIENT, 'C-ANAPQR')).rejects.toBeInstanceOf(CaseAccessError);
    const audit = (await repos.audit.readDay('2027-03-01')).map((e) => [e.actor, e.action, e.caseId, e.outcome]);
    expect(audit).toEqual([
      ['worker-1', 'followUps.read', 'C-ANAPQR', 'ok'],
      ['worker-2', 'followUps.read', 'C-ANAPQR', 'denied'],
      ['client-ana', 'followUps.read', 'C-ANAPQR', 'denied'],
    ]);
  });

  it('re-derives a case after each change made through the services, and cancels what a closed case no longer needs', async () => {
    const { services } = await setUp('2027-03-01T08:00:00Z');
    const worker = staffActor('worker-1');
    await services.cases.change(worker, 'C-ANAPQR', 'task.create', (c) => ({
      ...c,
      tasks: [...c.tasks, taskRecord({ id: 'T-INFORM', description: 'Enviar el informe', owner: 'worker', dueDate: '2027-03-05' })],
    }));
    expect((await services.followUps.scheduledFor(worker, 'C-ANAPQR')).map((f) => f.kind)).toContain('workerTaskDue');
    await services.cases.change(worker, 'C-ANAPQR', 'case.close', (c) => ({ ...c, status: 'closed' }));
    expect(await services.followUps.scheduledFor(worker, 'C-ANAPQR')).toEqual([]);
  });

  it("tells the worker of a client's help request at once, with the client's words", async () => {
    const { services, shown, scheduler } = await setUp('2027-03-01T10:30:00Z');
    services.followUps.useScheduler(scheduler);
    await services.clients.checkIn(CLIENT, { taskId: 'T-CITA01', rating: 1, obstacles: 'No encuentro la tarjeta sanitaria', needsHelp: true });
    await services.followUps.nudge();
    expect(shown).toEqual([{ to: 'worker-1', text: 'Pide ayuda · Ana P. (C-ANAPQR), tarea «Pedir cita médica»: «No encuentro la tarjeta sanitaria»' }]);
  });

  it('keeps a help request typed in the night for the worker until quiet hours end', async () => {
    const { clock, services, shown, scheduler } = await setUp('2027-03-01T22:30:00Z');
    services.followUps.useScheduler(scheduler);
    await services.clients.checkIn(CLIENT, { taskId: 'T-CITA01', rating: 2, needsHelp: true });
    await services.followUps.nudge();
    expect(shown).toEqual([]);
    clock.ms = Date.parse('2027-03-02T07:00:00Z');
    await scheduler.runNow();
    expect(shown).toEqual([{ to: 'worker-1', text: 'Pide ayuda · Ana P. (C-ANAPQR), tarea «Pedir cita médica». No ha dejado comentario.' }]);
  });

  it('shows a person what could not reach them when they write, once, and records the prompt on the task', async () => {
    const { repos, clock, services, unreachable, scheduler } = await setUp('2027-03-01T09:00:00Z');
    await services.followUps.syncAll();
    unreachable.add('client');
    await scheduler.runNow();
    clock.ms = Date.parse('2027-03-01T11:00:00Z');
    const texts: string[] = [];
    const show = async (text: string) => void texts.push(text);
    expect(await services.followUps.pendingForMe(CLIENT, show)).toBe(1);
    expect(texts).toEqual(['Hola. ¿Cómo va tu tarea «Pedir cita médica»? Contéstame aquí cuando quieras.']);
    expect(await services.followUps.pendingForMe(CLIENT, show)).toBe(0);
    expect(await services.followUps.pendingForMe(staffActor('worker-1'), show)).toBe(0);
    expect((await repos.cases.get('C-ANAPQR'))!.tasks[0]!.lastPromptedAt).toBe('2027-03-01T11:00:00.000Z');
  });

  it('dismisses what could not reach a person when its reason went before they wrote, so no later turn checks it again', async () => {
    const { repos, clock, services, unreachable, scheduler, jobs } = await setUp('2027-03-01T09:00:00Z');
    await services.followUps.syncAll();
    unreachable.add('client');
    await scheduler.runNow();
    const [lost] = await jobs.failedFor('client:C-ANAPQR');
    expect(lost?.kind).toBe('clientCheckIn');
    await repos.cases.update('C-ANAPQR', (c) => c && { ...c, tasks: c.tasks.map((task) => ({ ...task, status: 'done' as const })) });
    clock.ms = Date.parse('2027-03-01T11:00:00Z');
    const texts: string[] = [];
    expect(await services.followUps.pendingForMe(CLIENT, async (text) => void texts.push(text))).toBe(0);
    expect(texts).toEqual([]);
    expect(await jobs.failedFor('client:C-ANAPQR')).toEqual([]);
    expect(await jobs.get(lost!.id)).toMatchObject({ status: 'cancelled', finishedAt: '2027-03-01T11:00:00.000Z' });
  });

  it('records a prompt on its task as soon as the channel accepted it, so a crash before the job is marked sent loses nothing; once', async () => {
    const { repos, clock, services } = await setUp('2027-03-01T09:00:05Z');
    const prompt = newJob(
      { kind: 'clientCheckIn', caseId: 'C-ANAPQR', recipient: { role: 'client' }, subject: { taskId: 'T-CITA01' }, dueAt: '2027-03-01T09:00:00.000Z' },
      new Date(clock.ms),
    );
    await services.followUps.delivery.recordDelivered([prompt], 'client-ana', 'F-1');
    expect((await repos.cases.get('C-ANAPQR'))!.tasks[0]!.lastPromptedAt).toBe('2027-03-01T09:00:05.000Z');
    // Marked sent a moment later (or after a restart): recorded already, left as it was.
    clock.ms += 60_000;
    await services.followUps.delivery.delivered([prompt]);
    expect((await repos.cases.get('C-ANAPQR'))!.tasks[0]!.lastPromptedAt).toBe('2027-03-01T09:00:05.000Z');
    const audit = (await repos.audit.readDay('2027-03-01')).filter((e) => e.action === 'followUp.prompted');
    expect(audit).toHaveLength(1);
  });
});

describe('the service as dialogs use it', () => {
  const NOW = new Date('2026-11-23T09:00:00.000Z');
  const worker: Actor = { kind: 'staff', id: 'worker-1', staff: staffRecord() };
  const otherWorker: Actor = { kind: 'staff', id: 'worker-2', staff: staffRecord({ id: 'worker-2' }) };
  const client: ClientActor = { kind: 'client', id: 'client-1', caseId: 'C-ANAPQR' };

  async function setup() {
    const repos = memoryRepositories();
    await repos.cases.put(caseRecord({ id: 'C-ANAPQR', tasks: [taskRecord({ lastPromptedAt: '2026-11-22T09:00:00.000Z' }), taskRecord({ id: 'T-OTRAXX' })] }));
    const stores = memoryFollowUpStores();
    const services = createServices(repos, () => NOW, defaultConfig, stores);
    let rounds = 0;
    services.followUps.useScheduler({ runNow: async () => void rounds++ });
    return { repos, queue: stores.jobs, followUps: services.followUps, rounds: () => rounds, clients: services.clients };
  }

  it("lists a case's open jobs soonest first for whoever may read it, audited; others are refused", async () => {
    const { repos, queue, followUps } = await setup();
    const later = newJob(
      { kind: 'clientCheckIn', caseId: 'C-ANAPQR', recipient: { role: 'client' }, subject: { taskId: 'T-SOLICI' }, dueAt: '2026-11-30T09:00:00.000Z' },
      NOW,
    );
    const sooner = newJob(
      {
        kind: 'missedCheckIn',
        caseId: 'C-ANAPQR',
        recipient: { role: 'worker', staffId: 'worker-1' },
        subject: { taskId: 'T-SOLICI' },
        dueAt: '2026-11-25T09:00:00.000Z',
      },
      NOW,
    );
    const elsewhere = newJob(
      { kind: 'clientCheckIn', caseId: 'C-OTHER1', recipient: { role: 'client' }, subject: { taskId: 'T-X' }, dueAt: '2026-11-24T09:00:00.000Z' },
      NOW,
    );
    await queue.schedule([later, sooner, elsewhere]);
    expect(await followUps.scheduledFor(worker, 'C-ANAPQR')).toEqual([
      { kind: 'missedCheckIn', dueAt: sooner.dueAt, recipient: sooner.recipient, subject: sooner.subject },
      { kind: 'clientCheckIn', dueAt: later.dueAt, recipient: later.recipient, subject: later.subject },
    ]);
    await expect(followUps.scheduledFor(otherWorker, 'C-ANAPQR')).rejects.toThrow(CaseAccessError);
    const audit = await repos.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action === 'followUps.read').map((e) => [e.actor, e.outcome])).toEqual([
      ['worker-1', 'ok'],
      ['worker-2', 'denied'],
    ]);
  });

  it('nudge runs a round each time it is called', async () => {
    const { followUps, rounds } = await setup();
    await followUps.nudge();
    await followUps.nudge();
    expect(rounds()).toBe(2);
  });

  it("withdraws consent on the client's own case once, audited, and cancels the prompts scheduled", async () => {
    const { repos, queue, clients } = await setup();
    const prompt = newJob(
      { kind: 'clientCheckIn', caseId: 'C-ANAPQR', recipient: { role: 'client' }, subject: { taskId: 'T-SOLICI' }, dueAt: '2026-11-30T09:00:00.000Z' },
      NOW,
    );
    await queue.schedule([prompt]);
    expect(await clients.withdrawMessaging(client)).toBe('withdrawn');
    expect(await clients.withdrawMessaging(client)).toBe('alreadyWithdrawn');
    const record = (await repos.cases.get('C-ANAPQR'))!;
    expect(record.consent.messagingChanges).toEqual([{ given: false, at: NOW.toISOString(), by: 'client-1' }]);
    expect(record.updatedAt).toBe(NOW.toISOString());
    expect(await queue.get(prompt.id)).toMatchObject({ status: 'cancelled' });
    const audit = await repos.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action === 'client.consent.withdraw')).toEqual([
      expect.objectContaining({ actor: 'client-1', caseId: 'C-ANAPQR', outcome: 'ok' }),
      expect.objectContaining({ actor: 'client-1', caseId: 'C-ANAPQR', outcome: 'ok' }),
    ]);
  });

  it('leaves a closed case as it is, and refuses (audited) when the case is gone', async () => {
    const { repos, clients } = await setup();
    await repos.cases.update('C-ANAPQR', (c) => ({ ...c!, status: 'closed' }));
    expect(await clients.withdrawMessaging(client)).toBe('caseClosed');
    expect((await repos.cases.get('C-ANAPQR'))!.consent.messagingWithdrawnAt).toBeUndefined();
    const gone: ClientActor = { kind: 'client', id: 'client-9', caseId: 'C-GONEXX' };
    await expect(clients.withdrawMessaging(gone)).rejects.toThrow(CaseClosedError);
    const audit = await repos.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'client-9', action: 'client.consent.withdraw', outcome: 'denied', reason: 'notFound' }));
    expect(await repos.cases.get('C-GONEXX')).toBeUndefined();
  });

  it('gives the tasks whose prompt the client has not answered, and none on a closed case', async () => {
    const { repos, clients } = await setup();
    expect((await clients.tasksAwaitingAnswer(client)).map((task) => task.id)).toEqual(['T-SOLICI']);
    await repos.cases.update('C-ANAPQR', (c) => ({ ...c!, status: 'closed' }));
    expect(await clients.tasksAwaitingAnswer(client)).toEqual([]);
  });
});
