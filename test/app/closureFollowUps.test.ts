// Follow-ups around closure and allocation, through the real scheduler with a recording
// sender: a closed case sends nothing (not its scheduled prompts, not a pending alert),
// and a case given to another worker tells both workers.
import { describe, expect, it } from 'vitest';
import { FollowUpScheduler, type Delivery, type SendOutcome } from '../../src/app/scheduler.js';
import { createServices, memoryFollowUpStores } from '../../src/app/services.js';
import type { Actor } from '../../src/domain/access.js';
import { closeCase } from '../../src/domain/closure.js';
import { defaultConfig } from '../../src/domain/config.js';
import { caseScope } from '../../src/domain/followups/job.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { DEMO_STAFF } from '../support/botHarness.js';
import { caseRecord, taskRecord } from '../support/records.js';

const CASE_ID = 'C-ANAPQR';
const staffActor = (id: string): Actor => ({ kind: 'staff', id, staff: DEMO_STAFF.find((s) => s.id === id)! });

async function setUp(start: string) {
  const repos = memoryRepositories();
  for (const staff of DEMO_STAFF) await repos.staff.put(staff);
  await repos.cases.put(
    caseRecord({
      id: CASE_ID,
      nextReviewDate: '2027-03-08',
      tasks: [
        taskRecord({
          id: 'T-CITA01',
          description: 'Pedir cita médica',
          dueDate: '2027-04-30',
          commitment: { at: '2027-02-22T09:00:00.000Z', confirmedBy: 'worker-1' },
        }),
        taskRecord({ id: 'T-INFORM', description: 'Enviar el informe', owner: 'worker', dueDate: '2027-03-03' }),
      ],
      alerts: [{ id: 'AL-CRSSAB', kind: 'domainCrisis', at: '2027-03-01T07:00:00.000Z' }],
    }),
  );
  await repos.clientLinks.put({ id: 'client-ana', caseId: CASE_ID, linkedAt: '2027-02-22T09:00:00.000Z', codeId: 'L-1' });
  const clock = { ms: Date.parse(start) };
  const now = () => new Date(clock.ms);
  const stores = memoryFollowUpStores();
  const services = createServices(repos, now, defaultConfig, stores);
  /** What reached people about the case (weekly plans, which follow a worker, are left out). */
  const shown: { to: string; text: string }[] = [];
  const sender = {
    async send(delivery: Delivery): Promise<SendOutcome> {
      const to = delivery.recipient.role === 'client' ? 'client' : delivery.recipient.staffId;
      if (delivery.jobs.every((job) => job.caseId !== CASE_ID)) return { outcome: 'sent' };
      shown.push({ to, text: await services.followUps.delivery.message(delivery.jobs, { language: 'es', timeZone: 'Europe/Madrid' }) });
      return { outcome: 'sent' };
    },
  };
  const scheduler = new FollowUpScheduler({ queue: stores.jobs, sender, now, ...services.followUps.schedulerHooks() }, { owner: 'test' });
  services.followUps.useScheduler(scheduler);
  return { repos, clock, services, shown, scheduler, jobs: stores.jobs };
}

const CLOSURE = { at: '2027-03-01T06:30:00.000Z', by: 'worker-1', reason: 'goalsMet' as const, outcomes: [], summary: 'Cerrado.' };

describe('follow-ups of a closed case', () => {
  it('closing through the services cancels every pending job: no check-in, no reminder, no alert goes out', async () => {
    const { clock, services, shown, scheduler, jobs } = await setUp('2027-03-01T06:00:00Z');
    await services.followUps.syncAll();
    const kinds = (await jobs.pendingFor(caseScope(CASE_ID))).map((job) => job.kind);
    expect(kinds).toEqual(expect.arrayContaining(['clientCheckIn', 'workerTaskDue', 'reviewReminder', 'escalation']));

    clock.ms = Date.parse('2027-03-01T06:30:00Z');
    await services.cases.change(staffActor('worker-1'), CASE_ID, 'case.close', (c) => closeCase(c, CLOSURE));
    // Only the alert raised before closing is still stored (an event); it is not sent either.
    expect((await jobs.pendingFor(caseScope(CASE_ID))).map((job) => job.kind)).toEqual(['escalation']);
    for (const day of ['2027-03-01T09:30:00Z', '2027-03-03T09:30:00Z', '2027-03-08T09:30:00Z', '2027-03-10T09:30:00Z']) {
      clock.ms = Date.parse(day);
      await scheduler.runNow();
    }
    expect(shown).toEqual([]);
  });

  it('a job claimed for a case closed meanwhile (behind the planner’s back) is dropped, not sent', async () => {
    const { repos, clock, shown, scheduler, services } = await setUp('2027-03-01T06:00:00Z');
    await services.followUps.syncAll();
    await repos.cases.update(CASE_ID, (c) => closeCase(c!, CLOSURE));
    clock.ms = Date.parse('2027-03-03T09:30:00Z');
    await scheduler.runNow();
    expect(shown).toEqual([]);
  });

  it('while open, the same jobs do go out (the test above can fail)', async () => {
    const { clock, shown, scheduler, services } = await setUp('2027-03-01T06:00:00Z');
    await services.followUps.syncAll();
    clock.ms = Date.parse('2027-03-01T09:30:00Z');
    await scheduler.runNow();
    // The check-in to the client, the alert to the supervisor, the review reminder to the worker.
    expect(shown.map((s) => s.to).sort()).toEqual(['client', 'super-1', 'worker-1']);
  });
});

describe('follow-ups of an allocation', () => {
  it('tells the new worker and the earlier one by message, once', async () => {
    const { clock, services, shown, scheduler } = await setUp('2027-03-01T10:00:00Z');
    await services.cases.assign(staffActor('super-1'), CASE_ID, 'worker-2');
    await services.followUps.nudge();
    const notices = shown.filter((s) => s.text.includes('Marta Gil'));
    expect(notices).toEqual(
      expect.arrayContaining([
        { to: 'worker-2', text: expect.stringContaining(`Marta Gil te ha asignado el caso de Ana P. (${CASE_ID}), que llevaba Lucía Martín.`) },
        { to: 'worker-1', text: expect.stringContaining(`Marta Gil ha pasado el caso de Ana P. (${CASE_ID}) a Pablo Ruiz. Ya no está en tu lista de casos.`) },
      ]),
    );
    expect(notices).toHaveLength(2);
    clock.ms += 3_600_000;
    await scheduler.runNow();
    expect(shown.filter((s) => s.text.includes('Marta Gil'))).toHaveLength(2);
  });
});
