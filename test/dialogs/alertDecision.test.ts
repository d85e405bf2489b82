import { afterEach, describe, expect, it } from 'vitest';
import { deriveJobs } from '../../src/domain/followups/derive.js';
import { defaultFollowUpConfig } from '../../src/domain/followups/settings.js';
import { reviewFlags } from '../../src/domain/supervision.js';
import type { Alert, Case } from '../../src/domain/schemas.js';
import { alertDecisionPrompt, decisionReplyText } from '../../dialogs/alertDecisionReply.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC.
const CASE_ID = 'C-DECDAB';
const NOW = '2026-11-23T09:00:00.000Z';
const SUPER = 'super-1';
const crisis: Alert = { id: 'AL-CRSSAB', kind: 'domainCrisis', at: '2026-11-20T10:00:00.000Z', deliveredAt: '2026-11-20T10:00:30.000Z' };
const joined = (replies: string[]) => replies.join('\n');
const stored = async (): Promise<Case> => (await harness.store.repositories.cases.get(CASE_ID))!;
const staff = (id: string) => DEMO_STAFF.find((s) => s.id === id)!;

function flaggedCase(overrides: Partial<Case> = {}): Case {
  return caseRecord({
    id: CASE_ID,
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2027-01-30',
    alerts: [crisis],
    contacts: [{ id: 'K-NOV13X', date: '2026-11-13', type: 'call', minutes: 10, withWhom: 'Ana', note: '', by: 'worker-1', at: '2026-11-13T10:00:00.000Z' }],
    ...overrides,
  });
}

async function start(record: Case = flaggedCase()): Promise<void> {
  harness = await createHarness({ cases: [record] });
  await harness.send('hola', SUPER);
}

/** What tapping an option of the alert message sends back. */
function tapped(choice: Parameters<typeof decisionReplyText>[3], target: Parameters<typeof decisionReplyText>[2] = { alertId: crisis.id }): string {
  const actions = alertDecisionPrompt('es', CASE_ID, target).suggestedActions!.actions;
  const action = actions.find((a) => a.value === decisionReplyText('es', CASE_ID, target, choice));
  if (!action) throw new Error(`no ${choice} option`);
  return String(action.value);
}

describe('a supervisor decides on an alert', () => {
  it('tapped twice: recorded once, the second tap says it was decided already and changes nothing', async () => {
    await start();
    expect(tapped('continue')).toBe('Continuar · C-DECDAB · aviso AL-CRSSAB');
    const first = joined(await harness.send(tapped('continue'), SUPER));
    expect(first).toBe('Decisión registrada en el caso C-DECDAB (crisis en un ámbito (nivel 1)): Continuar.');
    const afterFirst = await stored();
    expect(afterFirst.alerts).toEqual([{ ...crisis, decision: { choice: 'continue', by: SUPER, at: NOW } }]);
    // Continuing on a crisis leaves the plan and its review date as they were.
    expect(afterFirst.reviews).toEqual([]);
    expect(afterFirst.nextReviewDate).toBe('2027-01-30');

    harness.clock.now = new Date('2026-11-24T08:00:00Z');
    const second = joined(await harness.send(tapped('close'), SUPER));
    expect(second).toBe('Este aviso ya está decidido: «Continuar», por Marta Gil, el lunes, 23 de noviembre de 2026. No cambio nada.');
    expect(await stored()).toEqual(afterFirst);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action === 'alert.decide')).toEqual([expect.objectContaining({ actor: SUPER, caseId: CASE_ID, outcome: 'ok' })]);
  });

  it('"remind the worker" on an overdue review: recorded on the review date, a reminder to the worker at once', async () => {
    await start(flaggedCase({ alerts: [], nextReviewDate: '2026-11-10' }));
    const reply = joined(await harness.send(tapped('remindWorker', { reviewDate: '2026-11-10' }), SUPER));
    expect(reply).toContain('Decisión registrada en el caso C-DECDAB (revisión vencida): Recordárselo al profesional.');
    expect(reply).toContain('Se lo recordaré a Lucía Martín en cuanto pueda recibirlo.');
    expect(harness.nudges.count).toBe(1);
    const saved = await stored();
    expect(saved.alerts).toEqual([
      { id: expect.stringMatching(/^AL-/), kind: 'overdueReview', at: NOW, reviewDate: '2026-11-10', decision: { choice: 'remindWorker', by: SUPER, at: NOW } },
    ]);
    const jobs = deriveJobs(saved, { worker: staff('worker-1'), supervisors: [staff(SUPER)] }, defaultFollowUpConfig, new Date(NOW));
    expect(jobs.filter((j) => j.kind === 'supervisorReminder')).toEqual([
      expect.objectContaining({
        recipient: { role: 'worker', staffId: 'worker-1' },
        subject: { alertId: saved.alerts[0]!.id },
        dueAt: NOW,
      }),
    ]);
    // The overdue review was decided on: answered again, it says so.
    expect(joined(await harness.send(tapped('continue', { reviewDate: '2026-11-10' }), SUPER))).toContain(
      'Este aviso ya está decidido: «Recordárselo al profesional»',
    );
  });

  it('"continue" on an overdue review records the supervisor\'s review; an alert of a review held since needs no decision', async () => {
    await start(flaggedCase({ alerts: [], nextReviewDate: '2026-11-10' }));
    const reply = joined(await harness.send(tapped('continue', { reviewDate: '2026-11-10' }), SUPER));
    expect(reply).toContain('Próxima revisión: lunes, 22 de febrero de 2027.');
    const saved = await stored();
    expect(saved.reviews).toEqual([expect.objectContaining({ by: SUPER, decision: 'continue', nextReviewDate: '2027-02-22' })]);
    expect(saved.alerts[0]!.decision).toEqual({ choice: 'continue', by: SUPER, at: NOW, reviewId: saved.reviews[0]!.id });

    await harness.store.repositories.cases.update(CASE_ID, (c) => ({ ...c!, nextReviewDate: '2026-11-12' }));
    await harness.store.repositories.cases.update(CASE_ID, (c) => ({ ...c!, nextReviewDate: '2027-03-01' }));
    expect(joined(await harness.send(tapped('close', { reviewDate: '2026-11-12' }), SUPER))).toBe(
      'Este aviso ya no necesita decisión: la revisión del caso C-DECDAB ya se hizo. No cambio nada.',
    );
  });

  it('"change approach" asks what changes, records it as a review, and restarts the contact interval', async () => {
    await start();
    expect(joined(await harness.send(tapped('changeApproach'), SUPER))).toContain('¿Qué cambia?');
    await harness.send('la intensidad', SUPER);
    const saved = joined(await harness.send('alta', SUPER));
    expect(saved).toContain('Decisión registrada en el caso C-DECDAB (crisis en un ámbito (nivel 1)): Cambiar el enfoque.');
    const record = await stored();
    expect(record).toMatchObject({ intensity: 'intensive', contactEveryDays: 7 });
    expect(record.reviews).toEqual([expect.objectContaining({ by: SUPER, decision: 'changeApproach', newIntensity: 'intensive' })]);
    // Last contact ten days ago is past a weekly interval, but the interval runs from the change.
    expect(reviewFlags(record, '2026-11-23')).not.toContain('noRecentContact');
    expect(reviewFlags(record, '2026-12-01')).toContain('noRecentContact');
  });

  it('"close" records the decision and goes on into the closure', async () => {
    await start();
    const reply = joined(await harness.send(tapped('close'), SUPER));
    expect(reply).toContain('Has decidido cerrar el caso: pasamos al cierre.');
    expect(reply).toContain('¿Por qué se cierra el caso?');
    const saved = await stored();
    expect(saved.alerts[0]!.decision).toMatchObject({ choice: 'close', by: SUPER });
    expect(saved.reviews).toEqual([expect.objectContaining({ decision: 'close', by: SUPER })]);
  });

  it("typed: «decidir» lists the team's open alerts, one is picked and decided", async () => {
    const other = flaggedCase({
      id: 'C-OTHRXY',
      alerts: [{ id: 'AL-STLLXY', kind: 'stalledTask', at: '2026-11-21T10:00:00.000Z', refId: 'T-X' }],
      client: { kind: 'family', name: 'Familia Sanz', contact: '', language: 'es', timeZone: 'Europe/Madrid' },
    });
    harness = await createHarness({ cases: [flaggedCase(), other, flaggedCase({ id: 'C-SURRXY', team: 'sur', workerId: 'worker-en' })] });
    await harness.send('hola', SUPER);
    const list = joined(await harness.send('decidir', SUPER));
    expect(list).toContain(
      'Avisos sin decidir (2):\n1. C-DECDAB · Ana P. · crisis en un ámbito (nivel 1) · desde el viernes, 20 de noviembre de 2026\n2. C-OTHRXY · Familia Sanz · tarea estancada · desde el sábado, 21 de noviembre de 2026',
    );
    expect(joined(await harness.send('2', SUPER))).toContain('Caso C-OTHRXY (Familia Sanz), aviso: tarea estancada');
    expect(joined(await harness.send('recordar', SUPER))).toContain('Decisión registrada en el caso C-OTHRXY');
    expect((await harness.store.repositories.cases.get('C-OTHRXY'))!.alerts[0]!.decision?.choice).toBe('remindWorker');
    expect((await stored()).alerts[0]!.decision).toBeUndefined();
  });

  it('typed with the case: «continuar C-…» decides its only open alert', async () => {
    await start();
    expect(joined(await harness.send(`continuar ${CASE_ID}`, SUPER))).toContain('Decisión registrada en el caso C-DECDAB');
    expect((await stored()).alerts[0]!.decision?.choice).toBe('continue');
  });

  it('a tap that comes while another dialog waits for an answer takes over', async () => {
    await start();
    expect(joined(await harness.send('casos marcados', SUPER))).toContain('¿Qué caso revisas?');
    expect(joined(await harness.send(tapped('continue'), SUPER))).toContain('Decisión registrada en el caso C-DECDAB');
    expect((await stored()).alerts[0]!.decision?.choice).toBe('continue');
    expect((await stored()).reviews).toEqual([]);
  });

  it('in English', async () => {
    await start(flaggedCase({ team: 'sur', workerId: 'worker-en' }));
    await harness.send('hello', 'super-sur');
    const reply = decisionReplyText('en', CASE_ID, { alertId: crisis.id }, 'continue');
    expect(reply).toBe('Continue · C-DECDAB · alert AL-CRSSAB');
    expect(joined(await harness.send(reply, 'super-sur'))).toBe('Decision recorded on case C-DECDAB (crisis in a domain (level 1)): Continue.');
    expect(joined(await harness.send(reply, 'super-sur'))).toBe(
      'This alert was decided already: "Continue", by Tom Baker, on Monday, 23 November 2026. I changed nothing.',
    );
  });

  it('is refused to a supervisor of another team and to workers, who have no such option', async () => {
    await start();
    await harness.send('hello', 'super-sur');
    expect(joined(await harness.send(tapped('continue'), 'super-sur'))).toBe('I cannot find case C-DECDAB among the cases you can see.');
    expect((await stored()).alerts[0]!.decision).toBeUndefined();
    await harness.send('hola', 'worker-1');
    await harness.send(tapped('continue'), 'worker-1');
    expect((await stored()).alerts[0]!.decision).toBeUndefined();
  });
});
