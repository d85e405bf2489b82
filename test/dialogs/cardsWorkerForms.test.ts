// Worker steps whose questions make one form in Teams: a pause of the client's check-ins
// (the reason and the day) and a new service of the directory (every detail), each saved with
// one press; a box left empty is read as left empty, and the typed path stays as it was.
import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { caseRecord, taskRecord } from '../support/records.js';

let h: Harness;
afterEach(async () => h?.close());

// The harness clock: Monday 23 November 2026, 10:00 in Madrid.
const NOW = '2026-11-23T09:00:00.000Z';
const CASE_ID = 'C-PAUSAB';
const stored = async (): Promise<Case> => (await h.store.repositories.cases.get(CASE_ID))!;
const teams = (text: string, user = 'worker-1') => h.send(text, user, TEAMS);

async function start(): Promise<void> {
  h = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [taskRecord()] })] });
  await teams('hola');
  await teams('hola', 'admin-1');
}

describe('the pause of check-ins as one form', () => {
  it('pauses with the reason and the day in one press', async () => {
    await start();
    await teams(`pausar ${CASE_ID}`);
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['reason', 'until']);
    expect(JSON.stringify(form)).toContain(`Pausar las preguntas de seguimiento del caso ${CASE_ID}`);
    const replies = await press(h, form, 'Guardar', { reason: 'en el hospital', until: '2026-12-01' });
    expect(replies.join('\n')).toBe('Mensajes en pausa en el caso C-PAUSAB. Motivo: en el hospital. Vuelven el martes, 1 de diciembre de 2026.');
    expect((await stored()).followUpPause).toEqual({ since: NOW, by: 'worker-1', reason: 'en el hospital', until: '2026-11-30T23:00:00.000Z' });
  });

  it('pauses until resumed when the day is left empty', async () => {
    await start();
    await teams(`pausar ${CASE_ID}`);
    const replies = await press(h, lastCard(h), 'Guardar', { reason: 'de vacaciones' });
    expect(replies.join('\n')).toContain('Hasta que los reanudes.');
    expect((await stored()).followUpPause).toEqual({ since: NOW, by: 'worker-1', reason: 'de vacaciones' });
  });

  it('says a past day is wrong, asks it alone, and pauses nothing until it is put right', async () => {
    await start();
    await teams(`pausar ${CASE_ID}`);
    const replies = await press(h, lastCard(h), 'Guardar', { reason: 'en el hospital', until: '2026-11-20' });
    expect(replies.join('\n')).toContain('Esa fecha ya ha pasado (viernes, 20 de noviembre de 2026)');
    expect(inputIds(lastCard(h))).toEqual(['answer']);
    expect((await stored()).followUpPause).toBeUndefined();
    await press(h, lastCard(h), 'Enviar', { answer: '2026-12-01' });
    expect((await stored()).followUpPause).toEqual({ since: NOW, by: 'worker-1', reason: 'en el hospital', until: '2026-11-30T23:00:00.000Z' });
  });
});

describe('a new service of the directory as one form', () => {
  it('adds a service with every detail in one press', async () => {
    await start();
    await teams('directorio', 'admin-1');
    await press(h, lastCard(h), 'Añadir un servicio', {}, 'admin-1');
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['name', 'category', 'provider', 'contact', 'cost', 'eligibility', 'capacity']);
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
    const inputs = {
      name: 'Lavandería comunitaria',
      category: 'homeCare',
      provider: 'Ayuntamiento',
      contact: '900 000 111',
      cost: '12.5',
      eligibility: 'Personas mayores de 65 años',
      capacity: '10',
    };
    const replies = await press(h, form, 'Guardar', inputs, 'admin-1');
    expect(replies.join('\n')).toContain('Lavandería comunitaria');
    const added = (await h.store.repositories.services.all()).find((s) => s.name === 'Lavandería comunitaria');
    expect(added).toEqual({ id: added!.id, ...inputs, cost: 12.5, capacity: 10, active: true });
  });

  it('leaves the details left empty empty, and the places unlimited', async () => {
    await start();
    await teams('directorio', 'admin-1');
    await press(h, lastCard(h), 'Añadir un servicio', {}, 'admin-1');
    await press(h, lastCard(h), 'Guardar', { name: 'Ropero solidario', category: 'income' }, 'admin-1');
    const added = (await h.store.repositories.services.all()).find((s) => s.name === 'Ropero solidario');
    expect(added).toEqual({
      id: added!.id,
      name: 'Ropero solidario',
      category: 'income',
      provider: '',
      contact: '',
      cost: 0,
      eligibility: '',
      capacity: null,
      active: true,
    });
  });
});
