// Answers typed the way a busy person types them, through whole dialogs.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import { caseRecord } from '../support/records.js';
import { createHarness, type Harness } from '../support/botHarness.js';

let harness: Harness;
afterEach(async () => harness?.close());

const joined = (replies: string[]) => replies.join('\n');
const CASE_ID = 'C-TESTES';

async function start() {
  harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
  for (const service of DEMO_SERVICES) await harness.store.repositories.services.put(service);
  await harness.send('hola');
}

const stored = async () => (await harness.store.repositories.cases.get(CASE_ID))!;

describe('forgiving answers in the dialogs', () => {
  it('a service is found by any word of its name', async () => {
    await start();
    await harness.sendAll([`derivación ${CASE_ID}`, 'nueva', 'todas']);
    expect(joined(await harness.send('alquiler'))).toContain('¿Propongo la derivación a «Oficina de Vivienda: alquiler social y ayudas al alquiler»');
    await harness.send('sí');
    expect((await stored()).referrals).toEqual([expect.objectContaining({ serviceId: 'SV-VIVIEN' })]);
  });

  it('a word two services share asks again instead of guessing', async () => {
    await start();
    await harness.sendAll([`derivación ${CASE_ID}`, 'nueva', 'todas']);
    expect(joined(await harness.send('servicio'))).toContain('Elige una opción');
  });

  it('minutes in words are stored as minutes', async () => {
    await start();
    await harness.sendAll([`contacto ${CASE_ID}`, 'hoy', 'sí', 'visita', 'hora y media', 'Ana']);
    await harness.sendAll(['no', 'sí']);
    expect((await stored()).contacts).toEqual([expect.objectContaining({ minutes: 90, type: 'visit' })]);
  });

  it('a budget with cents is stored as typed', async () => {
    await start();
    await harness.sendAll([`derivación ${CASE_ID}`, 'presupuesto']);
    expect(joined(await harness.send('250,50 €'))).toMatch(/en 250,50\s€/);
    await harness.send('sí');
    expect((await stored()).budget).toBe(250.5);
  });
});
