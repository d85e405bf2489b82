import { afterEach, describe, expect, it } from 'vitest';
import { deriveJobs } from '../../src/domain/followups/derive.js';
import { defaultFollowUpConfig } from '../../src/domain/followups/settings.js';
import type { Case } from '../../src/domain/schemas.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord as task } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC (10:00 in Madrid).
const CASE_ID = 'C-PAUSAB';
const NOW = '2026-11-23T09:00:00.000Z';
const joined = (replies: string[]) => replies.join('\n');
const staff = (id: string) => DEMO_STAFF.find((s) => s.id === id)!;
const stored = async (): Promise<Case> => (await harness.store.repositories.cases.get(CASE_ID))!;
const clientPrompts = (record: Case, at = NOW) =>
  deriveJobs(record, { worker: staff('worker-1'), supervisors: [staff('super-1')] }, defaultFollowUpConfig, new Date(at)).filter(
    (j) => j.kind === 'clientCheckIn',
  );

const mexican = { kind: 'individual', name: 'Rosa M.', contact: '', language: 'es', timeZone: 'America/Mexico_City' } as const;

async function start(record: Case = caseRecord({ id: CASE_ID, tasks: [task()] })): Promise<void> {
  harness = await createHarness({ cases: [record] });
  await harness.send('hola');
}

describe('pausing and resuming client prompts', () => {
  it('pauses with a reason until a day, then resumes; prompts stop meanwhile', async () => {
    await start();
    expect(clientPrompts(await stored())).not.toEqual([]);
    expect(joined(await harness.send(`pausar ${CASE_ID}`))).toContain('¿Cuál es el motivo?');
    expect(joined(await harness.send('en el hospital'))).toContain('¿Hasta qué día?');
    expect(joined(await harness.send('cuando salga'))).not.toContain('Mensajes en pausa');
    const saved = joined(await harness.send('el 1 de diciembre'));
    expect(saved).toBe('Mensajes en pausa en el caso C-PAUSAB. Motivo: en el hospital. Vuelven el martes, 1 de diciembre de 2026.');
    const paused = await stored();
    // From the start of that day on the client's clock (Madrid, UTC+1).
    expect(paused.followUpPause).toEqual({ since: NOW, by: 'worker-1', reason: 'en el hospital', until: '2026-11-30T23:00:00.000Z' });
    expect(clientPrompts(paused).map((j) => j.dueAt)).toEqual(['2026-12-07T09:00:00.000Z']);

    const shown = joined(await harness.send(`reanudar ${CASE_ID}`));
    expect(shown).toContain('están en pausa desde el lunes, 23 de noviembre de 2026. Motivo: en el hospital. Vuelven el martes, 1 de diciembre de 2026.');
    expect(shown).toContain('¿Los reanudo ahora?');
    expect(joined(await harness.send('sí'))).toContain('Mensajes reanudados');
    expect((await stored()).followUpPause).toBeUndefined();
    expect(clientPrompts(await stored())).toEqual(clientPrompts(caseRecord({ id: CASE_ID, tasks: [task()] })));
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action.startsWith('followUps.') && e.caseId === CASE_ID).map((e) => e.action)).toEqual(
      expect.arrayContaining(['followUps.pause', 'followUps.resume']),
    );
  });

  it('a pause without an end holds every prompt until resumed; "reanudar" with no pause changes nothing', async () => {
    await start();
    expect(joined(await harness.send(`reanudar ${CASE_ID}`))).toContain('no están en pausa');
    await harness.sendAll([`pausar ${CASE_ID}`, 'de vacaciones sin cobertura'], undefined);
    expect(joined(await harness.send('no'))).toContain('Hasta que los reanudes.');
    expect((await stored()).followUpPause).toEqual({ since: NOW, by: 'worker-1', reason: 'de vacaciones sin cobertura' });
    expect(clientPrompts(await stored())).toEqual([]);
    // Kept paused when the worker says no.
    await harness.send(`pausar ${CASE_ID}`);
    expect(joined(await harness.send('no'))).toContain('siguen en pausa');
    expect((await stored()).followUpPause?.reason).toBe('de vacaciones sin cobertura');
  });

  it('works in English', async () => {
    await start(caseRecord({ id: CASE_ID, workerId: 'worker-en', team: 'sur', tasks: [task()] }));
    await harness.send('hello', 'worker-en');
    expect(joined(await harness.send(`pause ${CASE_ID}`, 'worker-en'))).toContain('What is the reason?');
    await harness.send('in hospital', 'worker-en');
    expect(joined(await harness.send('no', 'worker-en'))).toBe('Messages paused on case C-PAUSAB. Reason: in hospital. Until you resume them.');
  });
});

describe('the scheduled messages of a case', () => {
  it("lists each with its time on the worker's clock, what it is and to whom", async () => {
    const record = caseRecord({ id: CASE_ID, client: mexican, tasks: [task()], nextReviewDate: '2026-11-30' });
    await start(record);
    await harness.jobs.schedule(deriveJobs(record, { worker: staff('worker-1'), supervisors: [staff('super-1')] }, defaultFollowUpConfig, new Date(NOW)));
    const list = joined(await harness.send(`mensajes programados ${CASE_ID}`));
    expect(list).toContain('Mensajes programados del caso C-PAUSAB (hora de Europe/Madrid):');
    // 10:00 in Mexico City is 17:00 in Madrid.
    expect(list).toContain('- lunes, 23 de noviembre de 2026, 17:00 · pregunta de seguimiento sobre «Presentar la solicitud de vivienda» · para la persona');
    expect(list).toContain('- lunes, 30 de noviembre de 2026, 09:00 · recordatorio de la revisión del lunes, 30 de noviembre de 2026 · para Lucía Martín');
    const lines = list.split('\n').filter((line) => line.startsWith('- '));
    expect(lines.length).toBe((await harness.jobs.pendingFor(`case:${CASE_ID}`)).length);
  });

  it('says when there are none, and why the client gets none', async () => {
    await start(caseRecord({ id: CASE_ID, consent: { dataProcessing: true, messaging: false, recordedAt: NOW, recordedBy: 'worker-1' } }));
    expect(joined(await harness.send(`mensajes programados ${CASE_ID}`))).toBe(
      'Caso C-PAUSAB · Ana P.\nEl caso C-PAUSAB no tiene mensajes programados ahora.\n\nLa persona no recibe mensajes: no tiene dado el consentimiento.',
    );
  });

  it('is refused for a case the worker does not carry', async () => {
    await start(caseRecord({ id: CASE_ID, workerId: 'worker-2' }));
    expect(joined(await harness.send(`mensajes programados ${CASE_ID}`))).toContain('No encuentro el caso C-PAUSAB');
  });
});

describe('consent to messages recorded by the worker', () => {
  it('withdrawn, then given again, each change kept with who and when', async () => {
    await start();
    expect(joined(await harness.send(`consentimiento ${CASE_ID}`))).toContain('tiene dado el consentimiento');
    expect(joined(await harness.send('sí'))).toContain('ya no recibe mensajes');
    expect(clientPrompts(await stored())).toEqual([]);
    harness.clock.now = new Date('2026-11-24T09:00:00Z');
    expect(joined(await harness.send(`consentimiento ${CASE_ID}`))).toContain(
      'retiró el consentimiento para recibir mensajes el lunes, 23 de noviembre de 2026',
    );
    expect(joined(await harness.send('sí'))).toContain('vuelve a recibir mensajes');
    const consent = (await stored()).consent;
    expect(consent.messaging).toBe(true);
    expect(consent.messagingWithdrawnAt).toBeUndefined();
    expect(consent.messagingChanges).toEqual([
      { given: false, at: NOW, by: 'worker-1' },
      { given: true, at: '2026-11-24T09:00:00.000Z', by: 'worker-1' },
    ]);
  });
});
