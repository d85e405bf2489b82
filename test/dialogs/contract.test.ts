import { afterEach, describe, expect, it } from 'vitest';
import type { Contract } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const CASE_ID = 'C-ANAPQR';
const EN_CASE_ID = 'C-JOHNDQ';

const englishCase = () =>
  caseRecord({
    id: EN_CASE_ID,
    workerId: 'worker-en',
    team: 'sur',
    client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
  });

const runningContract: Contract = {
  id: 'P-OLDONE',
  targetProblems: [{ text: 'Deuda de alquiler', acknowledgedByClient: true }],
  sessions: 6,
  startDate: '2026-11-02',
  endDate: '2026-12-28',
  createdAt: '2026-11-02T09:00:00.000Z',
  createdBy: 'worker-1',
};

/** Opens the contract dialog on the only case, as worker-1. */
async function startContract(): Promise<string[]> {
  await harness.send('hola');
  await harness.send('contrato');
  return harness.send('1');
}

describe('contract dialog (Spanish)', () => {
  it('records at most three acknowledged problems, the default sessions and the default end date', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    const first = (await startContract()).join('\n');
    expect(first).toContain('Problema diana 1 de 3');

    await harness.sendAll(['Deudas de alquiler', 'sí', 'Aislamiento social']);
    const notRecorded = (await harness.send('no')).join('\n');
    expect(notRecorded).toContain('No lo anoto');
    expect(notRecorded).toContain('Problema diana 2 de 3');
    await harness.sendAll(['Sin empleo', 'sí', 'Problemas de salud']);
    const full = (await harness.send('sí')).join('\n');
    expect(full).toContain('Ya hay 3 problemas diana, el máximo del modelo.');
    expect(full).toContain('¿Cuántas sesiones');

    const badSessions = (await harness.send('muchas')).join('\n');
    expect(badSessions).toContain('Escribe un número entero entre 1 y 52');
    expect(badSessions).toContain('¿Cuántas sesiones');
    const startQuestion = (await harness.send('ok')).join('\n');
    expect(startQuestion).toContain('¿Qué día empieza el plan?');
    await harness.send('hoy');
    const endOffer = (await harness.send('sí')).join('\n');
    expect(endOffer).toContain('¿Termina el lunes, 18 de enero de 2027, 8 semanas después del inicio?');
    const summary = (await harness.send('sí')).join('\n');
    expect(summary).toContain('Resumen del contrato');
    expect(summary).toContain('- Problema diana: Sin empleo');
    expect(summary).not.toContain('Aislamiento');
    expect(summary).toContain('(8 semanas)');
    expect(summary).not.toContain('⚠');
    const saved = (await harness.send('sí')).join('\n');
    expect(saved).toContain(`Contrato guardado en el caso ${CASE_ID}: 3 problema(s) diana, 8 sesiones`);

    const contract = (await harness.store.repositories.cases.get(CASE_ID))!.contract!;
    expect(contract.id).toMatch(/^P-[A-Z0-9]{6}$/);
    expect(contract.targetProblems).toEqual([
      { text: 'Deudas de alquiler', acknowledgedByClient: true },
      { text: 'Sin empleo', acknowledgedByClient: true },
      { text: 'Problemas de salud', acknowledgedByClient: true },
    ]);
    expect(contract.sessions).toBe(8);
    expect(contract.startDate).toBe('2026-11-23');
    expect(contract.endDate).toBe('2027-01-18');
    expect(contract.createdBy).toBe('worker-1');
    expect(contract.createdAt).toBe('2026-11-23T09:00:00.000Z');
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'contract.save', caseId: CASE_ID, outcome: 'ok' }));
  });

  it('warns that a plan past 12 weeks will need a new contract, and stores the typed end date and sessions', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await startContract();
    await harness.sendAll(['Deudas de alquiler', 'sí', 'no', '10', 'hoy', 'sí']);
    const endQuestion = (await harness.send('no')).join('\n');
    expect(endQuestion).toContain('¿Qué día termina el plan?');
    await harness.send('15/03/2027');
    const summary = (await harness.send('sí')).join('\n');
    expect(summary).toContain('(16 semanas)');
    expect(summary).toContain('⚠ El plan dura más de 12 semanas: al pasar la semana 12 hará falta un contrato nuevo.');
    await harness.send('sí');
    expect((await harness.store.repositories.cases.get(CASE_ID))!.contract).toMatchObject({
      targetProblems: [{ text: 'Deudas de alquiler', acknowledgedByClient: true }],
      sessions: 10,
      startDate: '2026-11-23',
      endDate: '2027-03-15',
    });
  });

  it('warns about a plan shorter than six weeks', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await startContract();
    await harness.sendAll(['Deudas de alquiler', 'sí', 'no', 'ok', 'hoy', 'sí', 'no', '07/12/2026']);
    const summary = (await harness.send('sí')).join('\n');
    expect(summary).toContain('⚠ El plan dura menos de 6 semanas; el modelo recomienda entre 6 y 12.');
  });

  it('needs at least one acknowledged problem: an unacknowledged one is asked again, not recorded', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await startContract();
    await harness.send('Consumo de alcohol');
    const again = (await harness.send('no')).join('\n');
    expect(again).toContain('Problema diana 1 de 3');
    const empty = (await harness.send('no')).join('\n');
    expect(empty).toContain('¿La persona reconoce este problema como suyo?');
    const wrongYesNo = (await harness.send('quizá')).join('\n');
    expect(wrongYesNo).toContain('Responde «sí» o «no».');
    await harness.sendAll(['sí', 'no', 'ok', 'hoy', 'sí', 'sí', 'sí']);
    expect((await harness.store.repositories.cases.get(CASE_ID))!.contract!.targetProblems).toEqual([{ text: 'no', acknowledgedByClient: true }]);
  });

  it('asks again for the dates when the default end has already passed', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await startContract();
    await harness.sendAll(['Deudas de alquiler', 'sí', 'no', 'ok', '01/09/2026', 'sí']);
    const refused = (await harness.send('sí')).join('\n');
    expect(refused).toContain('La fecha de fin ya ha pasado.');
    expect(refused).toContain('¿Qué día empieza el plan?');
    expect((await harness.store.repositories.cases.get(CASE_ID))!.contract).toBeUndefined();
  });

  it('shows a running contract and keeps it when the worker does not replace it', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, contract: runningContract })] });
    const shown = (await startContract()).join('\n');
    expect(shown).toContain(`El caso ${CASE_ID} ya tiene un contrato`);
    expect(shown).toContain('- Problema diana: Deuda de alquiler');
    expect(shown).toContain('van 3 de 8 semanas');
    expect(shown).toContain('¿Lo sustituyes por un contrato nuevo?');
    const kept = (await harness.send('no')).join('\n');
    expect(kept).toContain('mantengo el contrato actual');
    expect((await harness.store.repositories.cases.get(CASE_ID))!.contract).toEqual(runningContract);
  });

  it('replaces a running contract with a new one', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, contract: runningContract })] });
    await startContract();
    await harness.sendAll(['sí', 'Búsqueda de empleo', 'sí', 'no', '6', 'hoy', 'sí', 'sí', 'sí']);
    const contract = (await harness.store.repositories.cases.get(CASE_ID))!.contract!;
    expect(contract.id).not.toBe(runningContract.id);
    expect(contract).toMatchObject({
      targetProblems: [{ text: 'Búsqueda de empleo', acknowledgedByClient: true }],
      sessions: 6,
      startDate: '2026-11-23',
      endDate: '2027-01-18',
    });
  });

  it('cancel stores nothing, even at the last question', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await startContract();
    await harness.sendAll(['Deudas de alquiler', 'sí', 'no', 'ok', 'hoy', 'sí', 'sí']);
    expect((await harness.send('cancelar')).join('\n')).toContain('¿Seguro que quieres cancelar');
    const cancelled = (await harness.send('sí')).join('\n');
    expect(cancelled).toContain('Cancelado: contrato de tareas');
    expect((await harness.store.repositories.cases.get(CASE_ID))!.contract).toBeUndefined();
  });

  it('a "no" at the confirmation stores nothing', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await startContract();
    const notSaved = (await harness.sendAll(['Deudas de alquiler', 'sí', 'no', 'ok', 'hoy', 'sí', 'sí', 'no'])).join('\n');
    expect(notSaved).toContain('no he guardado el contrato');
    expect((await harness.store.repositories.cases.get(CASE_ID))!.contract).toBeUndefined();
  });

  it('help explains the contract and asks the same question again', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await startContract();
    const help = await harness.send('ayuda');
    expect(help.join('\n')).toContain('hasta tres problemas diana');
    expect(help.at(-1)).toContain('Problema diana 1 de 3');
  });
});

describe('contract dialog (English)', () => {
  it('records a contract typed in English, with the over-12-weeks warning', async () => {
    harness = await createHarness({ cases: [englishCase()] });
    await harness.send('hello', 'worker-en');
    await harness.send('contract', 'worker-en');
    const first = (await harness.send('1', 'worker-en')).join('\n');
    expect(first).toContain('Target problem 1 of 3');
    const notRecorded = (await harness.sendAll(['Rent arrears', 'yes', 'Loneliness', 'no'], 'worker-en')).join('\n');
    expect(notRecorded).toContain('Not recorded');
    const sessions = (await harness.send('none', 'worker-en')).join('\n');
    expect(sessions).toContain('How many sessions');
    const wrong = (await harness.send('100', 'worker-en')).join('\n');
    expect(wrong).toContain('Type a whole number between 1 and 52.');
    await harness.sendAll(['12', 'today', 'yes'], 'worker-en');
    const endQuestion = (await harness.send('no', 'worker-en')).join('\n');
    expect(endQuestion).toContain('When does the plan end?');
    await harness.send('1 March 2027', 'worker-en');
    const summary = (await harness.send('yes', 'worker-en')).join('\n');
    expect(summary).toContain('Contract summary');
    expect(summary).toContain('⚠ The plan runs longer than 12 weeks');
    const saved = (await harness.send('yes', 'worker-en')).join('\n');
    expect(saved).toContain(`Contract saved on case ${EN_CASE_ID}: 1 target problem(s), 12 sessions`);
    expect((await harness.store.repositories.cases.get(EN_CASE_ID))!.contract).toMatchObject({
      targetProblems: [{ text: 'Rent arrears', acknowledgedByClient: true }],
      sessions: 12,
      startDate: '2026-11-23',
      endDate: '2027-03-01',
      createdBy: 'worker-en',
    });
  });

  it('cancel in English stores nothing', async () => {
    harness = await createHarness({ cases: [englishCase()] });
    await harness.send('hello', 'worker-en');
    await harness.sendAll(['contract', '1', 'Rent arrears', 'yes'], 'worker-en');
    const cancelled = (await harness.send('cancel', 'worker-en')).join('\n');
    expect(cancelled).toContain('Cancelled: task contract');
    expect((await harness.store.repositories.cases.get(EN_CASE_ID))!.contract).toBeUndefined();
  });
});
