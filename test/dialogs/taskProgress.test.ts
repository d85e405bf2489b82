import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, Case, Task } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord as task } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const CASE_ID = 'C-ANAPQR';
const NOW = '2026-11-23T09:00:00.000Z';

const stored = async (): Promise<Case> => (await harness.store.repositories.cases.get(CASE_ID))!;
const storedTask = async (id = 'T-SOLICI'): Promise<Task> => (await stored()).tasks.find((t) => t.id === id)!;

/** Opens the progress dialog on the only case and picks the first open task. */
async function startProgress(taskNumber = '1'): Promise<string[]> {
  await harness.send('hola');
  await harness.sendAll(['avance', '1']);
  return harness.send(taskNumber);
}

describe('task progress dialog (Spanish)', () => {
  it('stores a worker rating with obstacles and shows the task average', async () => {
    const done = task({ id: 'T-HECHAX', description: 'Tarea ya hecha', status: 'done' });
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [done, task({}, [4, 3])] })] });
    await harness.send('hola');
    await harness.send('avance');
    const taskList = (await harness.send('1')).join('\n');
    expect(taskList).toContain('¿De qué tarea registras el avance?');
    expect(taskList).toContain('1. Presentar la solicitud de vivienda (para el lunes, 7 de diciembre de 2026)');
    expect(taskList).not.toContain('Tarea ya hecha');
    const scale = (await harness.send('1')).join('\n');
    expect(scale).toContain(
      '1. Mínimamente o no conseguida\n2. Parcialmente conseguida\n3. Sustancialmente conseguida\n4. Totalmente conseguida\n5. Sin oportunidad',
    );
    const wrong = (await harness.send('7')).join('\n');
    expect(wrong).toContain('Elige una opción');
    await harness.send('2');
    const result = (await harness.send('No encontró el certificado')).join('\n');
    expect(result).toContain('Avance registrado en «Presentar la solicitud de vivienda»: Parcialmente conseguida.');
    expect(result).toContain('Media de la tarea: 3 sobre 4, con 3 registro(s).');
    expect(result).not.toContain('⚠');

    const entry = (await storedTask()).progress.at(-1)!;
    expect(entry).toEqual({ at: NOW, rating: 2, obstacles: 'No encontró el certificado', source: 'worker', by: 'worker-1' });
    expect((await storedTask()).progress).toHaveLength(3);
    expect((await storedTask()).status).toBe('open');
    expect((await stored()).alerts).toEqual([]);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'task.progress', caseId: CASE_ID, outcome: 'ok' }));
  });

  it('leaves "no opportunity" out of the average it shows', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [task({}, [4, 3])] })] });
    await startProgress();
    await harness.send('sin oportunidad');
    const result = (await harness.send('no')).join('\n');
    expect(result).toContain('Sin oportunidad (no cuenta en la media)');
    expect(result).toContain('Media de la tarea: 3,5 sobre 4, con 2 registro(s).');
    const entry = (await storedTask()).progress.at(-1)!;
    expect(entry).toEqual({ at: NOW, rating: 'noOpportunity', source: 'worker', by: 'worker-1' });
  });

  it('two ratings of 1 in a row store a stalled-task alert for the supervisor', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [task({}, [1, 'noOpportunity'])] })] });
    await startProgress();
    await harness.send('1');
    const result = (await harness.send('no')).join('\n');
    expect(result).toContain('⚠ Dos grados de logro seguidos de 1 o menos');
    expect(result).toContain('Media de la tarea: 1 sobre 4, con 2 registro(s).');
    const [alert] = (await stored()).alerts as [Alert];
    expect((await stored()).alerts).toHaveLength(1);
    expect(alert.kind).toBe('stalledTask');
    expect(alert.refId).toBe('T-SOLICI');
    expect(alert.at).toBe(NOW);
    expect(alert.id).toMatch(/^AL-[A-Z0-9]{6}$/);
    expect(alert.deliveredAt).toBeUndefined();
  });

  it('one low rating after a good one stores no alert', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [task({}, [3])] })] });
    await startProgress();
    await harness.sendAll(['1', 'no']);
    expect((await storedTask()).progress.at(-1)!.rating).toBe(1);
    expect((await stored()).alerts).toEqual([]);
  });

  it('a rating of 4 offers to mark the task done', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [task()] })] });
    await startProgress();
    await harness.send('totalmente conseguida');
    const offer = (await harness.send('no')).join('\n');
    expect(offer).toContain('Grado de logro 4: ¿marco la tarea como hecha?');
    const result = (await harness.send('sí')).join('\n');
    expect(result).toContain('La tarea queda marcada como hecha.');
    expect(result).toContain('Media de la tarea: 4 sobre 4, con 1 registro(s).');
    expect((await storedTask()).status).toBe('done');
    expect((await storedTask()).progress).toEqual([{ at: NOW, rating: 4, source: 'worker', by: 'worker-1' }]);
  });

  it('a rating of 4 leaves the task open when the worker says so', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [task()] })] });
    await startProgress();
    await harness.sendAll(['4', 'no', 'no']);
    expect((await storedTask()).status).toBe('open');
    expect((await storedTask()).progress).toHaveLength(1);
  });

  it('cancel stores nothing', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [task({}, [1])] })] });
    await startProgress();
    await harness.send('1');
    const cancelled = (await harness.send('cancelar')).join('\n');
    expect(cancelled).toContain('Cancelado: registro de avance');
    expect((await storedTask()).progress).toHaveLength(1);
    expect((await stored()).alerts).toEqual([]);
  });

  it('says so when the case has no open tasks', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, tasks: [task({ status: 'done' })] })] });
    await harness.send('hola');
    const replies = (await harness.sendAll(['avance', '1'])).join('\n');
    expect(replies).toContain(`El caso ${CASE_ID} no tiene tareas abiertas.`);
  });
});

describe('task progress dialog (English)', () => {
  const englishCase = (tasks: Task[]) =>
    caseRecord({
      id: CASE_ID,
      workerId: 'worker-en',
      team: 'sur',
      tasks,
      client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
    });

  it('records "no opportunity" and shows the average without it', async () => {
    harness = await createHarness({ cases: [englishCase([task({ description: 'Send the housing form' }, [2, 3])])] });
    await harness.send('hello', 'worker-en');
    await harness.sendAll(['progress', '1'], 'worker-en');
    const scale = (await harness.send('1', 'worker-en')).join('\n');
    expect(scale).toContain('4. Fully achieved');
    await harness.send('no opportunity', 'worker-en');
    const result = (await harness.send('Was in hospital', 'worker-en')).join('\n');
    expect(result).toContain('Progress recorded on "Send the housing form": No opportunity');
    expect(result).toContain('Task average: 2.5 out of 4, from 2 rating(s).');
    expect((await storedTask()).progress.at(-1)).toEqual({ at: NOW, rating: 'noOpportunity', obstacles: 'Was in hospital', source: 'worker', by: 'worker-en' });
  });

  it('two low ratings in English store the alert', async () => {
    harness = await createHarness({ cases: [englishCase([task({}, [1])])] });
    await harness.send('hello', 'worker-en');
    await harness.sendAll(['progress', '1', '1', '1'], 'worker-en');
    const result = (await harness.send('none', 'worker-en')).join('\n');
    expect(result).toContain('⚠ Two ratings of 1 or less in a row');
    expect((await stored()).alerts).toMatchObject([{ kind: 'stalledTask', refId: 'T-SOLICI', at: NOW }]);
  });
});
