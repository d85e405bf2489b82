import { afterEach, describe, expect, it } from 'vitest';
import type { Case, Task } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord as task } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const CASE_ID = 'C-ANAPQR';
const CLIENT = 'client-1';
const NOW = '2026-11-23T09:00:00.000Z';

const stored = async (): Promise<Case> => (await harness.store.repositories.cases.get(CASE_ID))!;
const storedTask = async (id = 'T-SOLICI'): Promise<Task> => (await stored()).tasks.find((t) => t.id === id)!;

/** A harness with the case and client-1 linked to it, past the client's welcome. */
async function linkedClient(record: Case): Promise<void> {
  harness = await createHarness({ cases: [record] });
  await harness.store.repositories.clientLinks.put({ id: CLIENT, caseId: record.id, linkedAt: '2026-11-20T10:00:00.000Z', codeId: 'ABCD' });
  await harness.send('hola', CLIENT);
}

async function checkInAudit() {
  const audit = await harness.store.repositories.audit.readDay('2026-11-23');
  return audit.filter((e) => e.action === 'client.checkIn');
}

describe('client check-in (Spanish)', () => {
  it('stores a client progress entry for the task the client picks', async () => {
    const tasks = [
      task({ id: 'T-PADRON', description: 'Pedir el certificado de padrón' }),
      task(),
      task({ id: 'T-WORKER', description: 'Llamar al casero', owner: 'worker' }),
      task({ id: 'T-HECHAX', description: 'Tarea hecha', status: 'done' }),
    ];
    await linkedClient(caseRecord({ id: CASE_ID, tasks }));
    const list = (await harness.send('contar', CLIENT)).join('\n');
    expect(list).toContain('Estas son tus tareas. ¿De cuál me quieres contar?');
    expect(list).toContain(
      '1. Pedir el certificado de padrón. Es para el lunes, 7 de diciembre de 2026.\n2. Presentar la solicitud de vivienda. Es para el lunes, 7 de diciembre de 2026.',
    );
    expect(list).not.toContain('Llamar al casero');
    expect(list).not.toContain('Tarea hecha');
    const how = (await harness.send('2', CLIENT)).join('\n');
    expect(how).toContain('¿Cómo te fue con esto: Presentar la solicitud de vivienda?');
    expect(how).toContain('1. Lo hice todo\n2. Casi todo\n3. Una parte\n4. Poco o nada\n5. No tuve ocasión');
    const wrong = (await harness.send('muy bien', CLIENT)).join('\n');
    expect(wrong).toContain('Escribe el número de tu respuesta');
    const obstacles = (await harness.send('casi todo', CLIENT)).join('\n');
    expect(obstacles).toContain('¿Algo te lo puso difícil?');
    await harness.send('No tenía dinero para el autobús', CLIENT);
    const wrongYesNo = (await harness.send('a lo mejor', CLIENT)).join('\n');
    expect(wrongYesNo).toContain('Responde sí o no.');
    const thanks = (await harness.send('sí', CLIENT)).join('\n');
    expect(thanks).toBe('¡Gracias! Ya lo he guardado. Tu profesional lo verá pronto.');

    expect((await storedTask()).progress).toEqual([
      { at: NOW, rating: 3, obstacles: 'No tenía dinero para el autobús', needsHelp: true, source: 'client', by: CLIENT },
    ]);
    expect((await storedTask('T-PADRON')).progress).toEqual([]);
    expect((await stored()).updatedAt).toBe(NOW);
    expect((await stored()).alerts).toEqual([]);
    const audit = await checkInAudit();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e) => e.actor === CLIENT && e.caseId === CASE_ID && e.outcome === 'ok')).toBe(true);
  });

  it('with one open task, names it and records "no tuve ocasión" without obstacles', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }));
    const how = (await harness.send('contar', CLIENT)).join('\n');
    expect(how).toContain('Hablamos de esta tarea: Presentar la solicitud de vivienda.');
    expect(how).toContain('¿Cómo te fue con esto');
    await harness.sendAll(['No tuve ocasión', 'no'], CLIENT);
    const thanks = (await harness.send('no', CLIENT)).join('\n');
    expect(thanks).toBe('¡Gracias! Ya lo he guardado.');
    expect((await storedTask()).progress).toEqual([{ at: NOW, rating: 'noOpportunity', needsHelp: false, source: 'client', by: CLIENT }]);
  });

  it('a second rating of 1 in a row stores a stalled-task alert', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task({}, [1])] }));
    await harness.sendAll(['contar', 'Poco o nada', 'Estuve enferma', 'no'], CLIENT);
    expect((await storedTask()).progress.at(-1)).toMatchObject({ rating: 1, source: 'client', by: CLIENT });
    expect((await stored()).alerts).toHaveLength(1);
    expect((await stored()).alerts[0]).toMatchObject({ kind: 'stalledTask', refId: 'T-SOLICI', at: NOW });
  });

  it('refuses a check-in on a closed case, audits the refusal and stores nothing', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, status: 'closed', tasks: [task()] }));
    const refused = (await harness.send('contar', CLIENT)).join('\n');
    expect(refused).toContain('Tu caso está cerrado');
    expect((await storedTask()).progress).toEqual([]);
    expect(await checkInAudit()).toEqual([expect.objectContaining({ actor: CLIENT, caseId: CASE_ID, outcome: 'denied' })]);
  });

  it('refuses at the end if the case was closed during the check-in', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }));
    await harness.sendAll(['contar', 'Una parte', 'no'], CLIENT);
    await harness.store.repositories.cases.update(CASE_ID, (c) => ({ ...c!, status: 'closed' }));
    const refused = (await harness.send('no', CLIENT)).join('\n');
    expect(refused).toContain('Tu caso está cerrado');
    expect((await storedTask()).progress).toEqual([]);
    expect(await checkInAudit()).toContainEqual(expect.objectContaining({ outcome: 'denied' }));
  });

  it('cancel stores nothing', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }));
    await harness.sendAll(['contar', 'Lo hice todo'], CLIENT);
    const cancelled = (await harness.send('cancelar', CLIENT)).join('\n');
    expect(cancelled).toBe('Vale, lo dejamos.');
    expect((await storedTask()).progress).toEqual([]);
  });

  it('says so when the client has no open tasks', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task({ owner: 'worker' })] }));
    const replies = (await harness.send('contar', CLIENT)).join('\n');
    expect(replies).toContain('Ahora no tienes tareas que contar.');
  });
});

describe('client check-in (English)', () => {
  const englishCase = (tasks: Task[], overrides: Partial<Case> = {}) =>
    caseRecord({
      id: CASE_ID,
      tasks,
      ...overrides,
      client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
    });

  it('stores a client progress entry told in English', async () => {
    await linkedClient(englishCase([task({ description: 'Send the housing form' })]));
    const how = (await harness.send('check in', CLIENT)).join('\n');
    expect(how).toContain('We talk about this task: Send the housing form.');
    expect(how).toContain('How did it go with this: Send the housing form?');
    const wrong = (await harness.send('great', CLIENT)).join('\n');
    expect(wrong).toContain('Type the number of your answer');
    await harness.sendAll(['part of it', 'The office was shut'], CLIENT);
    const thanks = (await harness.send('yes', CLIENT)).join('\n');
    expect(thanks).toBe('Thank you! I have saved it. Your worker will see it soon.');
    expect((await storedTask()).progress).toEqual([{ at: NOW, rating: 2, obstacles: 'The office was shut', needsHelp: true, source: 'client', by: CLIENT }]);
  });

  it('a closed case is refused in English', async () => {
    await linkedClient(englishCase([task()], { status: 'closed' }));
    const refused = (await harness.send('check in', CLIENT)).join('\n');
    expect(refused).toContain('Your case is closed.');
    expect((await storedTask()).progress).toEqual([]);
  });

  it('two low ratings in English store the alert', async () => {
    await linkedClient(englishCase([task({}, [1])]));
    await harness.sendAll(['check in', 'little or none', 'no', 'no'], CLIENT);
    expect((await stored()).alerts).toMatchObject([{ kind: 'stalledTask', refId: 'T-SOLICI', at: NOW }]);
  });
});
