import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const NOW = '2026-11-23T09:00:00.000Z';
// Case ids the menu recognises typed with a command (no 0/O, 1/I/L).
const CASE_ES = caseRecord({ id: 'C-TESTES' });
const CASE_EN = caseRecord({ id: 'C-TESTEN', workerId: 'worker-en', team: 'sur', client: { ...CASE_ES.client, name: 'John D.', language: 'en' } });
const contacts = async (caseId: string) => (await harness.store.repositories.cases.get(caseId))!.contacts;

describe('contact log (Spanish)', () => {
  it('logs a contact with every field, confirming the date back', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    const dateQuestion = (await harness.send('contacto C-TESTES')).join();
    expect(dateQuestion).toContain('Fecha del contacto');
    expect((await harness.send('ayer')).join()).toContain('domingo, 22 de noviembre de 2026');
    const type = (await harness.send('sí')).join('\n');
    expect(type).toContain('5. Acompañamiento');
    await harness.send('visita');
    expect((await harness.send('2000')).join()).toContain('como máximo 1440 minutos');
    expect((await harness.send('tres cuartos')).join()).toContain('como «45 minutos», «una hora» o «1h30»');
    await harness.sendAll(['unos 45 min', 'Ana y su hija']);
    const summary = (await harness.send('Revisamos juntas la solicitud del IMV')).join('\n');
    expect(summary).toContain('- Tipo: Visita');
    expect(summary).toContain('- Duración: 45 min');
    expect(await contacts('C-TESTES')).toEqual([]);
    const done = (await harness.send('sí')).join();
    const id = /Contacto (K-[A-Z0-9]{6}) guardado en el caso C-TESTES/.exec(done)?.[1];
    expect(id).toBeDefined();
    expect(await contacts('C-TESTES')).toEqual([
      {
        id,
        date: '2026-11-22',
        type: 'visit',
        minutes: 45,
        withWhom: 'Ana y su hija',
        note: 'Revisamos juntas la solicitud del IMV',
        by: 'worker-1',
        at: NOW,
      },
    ]);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'contact.create', caseId: 'C-TESTES' }));
  });

  it('refuses a date in the future and an unknown contact type', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    await harness.send('contacto C-TESTES');
    expect((await harness.send('mañana')).join()).toContain('aún no ha llegado');
    await harness.sendAll(['hoy', 'sí']);
    expect((await harness.send('telepatía')).join()).toContain('Elige una opción');
    expect((await harness.send('acompañamiento')).join()).toContain('Duración en minutos');
  });

  it('picks the case from the list, and saves no note when there is none', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    const picker = (await harness.send('registrar contacto')).join();
    expect(picker).toContain('1. C-TESTES · Ana P.');
    await harness.sendAll(['1', 'hoy', 'sí', 'llamada', '0', 'Centro de salud']);
    const summary = (await harness.send('no')).join();
    expect(summary).toContain('- Nota: (sin nota)');
    await harness.send('sí');
    expect(await contacts('C-TESTES')).toMatchObject([{ date: '2026-11-23', type: 'call', minutes: 0, withWhom: 'Centro de salud', note: '' }]);
  });

  it('cancelling, or answering no at the end, stores nothing', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    await harness.sendAll(['contacto C-TESTES', 'hoy', 'sí', 'reunión', '30']);
    expect((await harness.send('cancelar')).join()).toContain('¿Seguro que quieres cancelar');
    expect((await harness.send('cancelar')).join()).toContain('Cancelado: registro de contacto');
    await harness.sendAll(['contacto C-TESTES', 'hoy', 'sí', 'reunión', '30', 'Equipo del colegio', 'Coordinación']);
    expect((await harness.send('no')).join()).toContain('no he guardado el contacto');
    expect(await contacts('C-TESTES')).toEqual([]);
  });

  it("does not log contacts on a case that is not the worker's", async () => {
    harness = await createHarness({ cases: [CASE_EN] });
    await harness.send('hola');
    expect((await harness.send('contacto C-TESTEN')).join()).toContain('No encuentro el caso C-TESTEN');
    expect(await contacts('C-TESTEN')).toEqual([]);
  });
});

describe('contact log (English)', () => {
  it('logs a call typed in English', async () => {
    harness = await createHarness({ cases: [CASE_EN] });
    await harness.send('hello', 'worker-en');
    await harness.send('log contact C-TESTEN', 'worker-en');
    expect((await harness.send('yesterday', 'worker-en')).join()).toContain('Sunday, 22 November 2026');
    await harness.sendAll(['yes', 'accompany'], 'worker-en');
    expect((await harness.send('-3', 'worker-en')).join()).toContain('like "45 minutes", "an hour" or "1h30"');
    const summary = (await harness.sendAll(['an hour and a half', 'the client', 'Went with him to the housing office'], 'worker-en')).join('\n');
    expect(summary).toContain('- Type: Accompaniment');
    expect(summary).toContain('- Length: 90 min');
    expect((await harness.send('yes', 'worker-en')).join()).toMatch(/Contact K-[A-Z0-9]{6} saved on case C-TESTEN/);
    expect(await contacts('C-TESTEN')).toMatchObject([
      {
        date: '2026-11-22',
        type: 'accompaniment',
        minutes: 90,
        withWhom: 'the client',
        note: 'Went with him to the housing office',
        by: 'worker-en',
        at: NOW,
      },
    ]);
  });
});
