import { afterEach, describe, expect, it } from 'vitest';
import { deriveJobs } from '../../src/domain/followups/derive.js';
import { defaultFollowUpConfig } from '../../src/domain/followups/settings.js';
import type { Case, Task } from '../../src/domain/schemas.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord as task } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC (10:00 in Madrid).
const CASE_ID = 'C-ANAPQR';
const CLIENT = 'client-1';
const NOW = '2026-11-23T09:00:00.000Z';
const PROMPTED = '2026-11-22T09:00:00.000Z';

const stored = async (): Promise<Case> => (await harness.store.repositories.cases.get(CASE_ID))!;
const storedTask = async (id = 'T-SOLICI'): Promise<Task> => (await stored()).tasks.find((t) => t.id === id)!;
const joined = (replies: string[]) => replies.join('\n');

/** The client linked and welcomed; then the tasks given are those a prompt reached at `at`. */
async function linkedClient(record: Case, promptedIds: string[] = [], at = PROMPTED): Promise<void> {
  harness = await createHarness({ cases: [record] });
  await harness.store.repositories.clientLinks.put({ id: CLIENT, caseId: record.id, linkedAt: '2026-11-20T10:00:00.000Z', codeId: 'ABCD' });
  await harness.send('hola', CLIENT);
  await prompted(promptedIds, at);
}

/** A check-in prompt about these tasks reached the client at `at`. */
async function prompted(taskIds: string[], at: string): Promise<void> {
  await harness.store.repositories.cases.update(CASE_ID, (c) => ({
    ...c!,
    tasks: c!.tasks.map((t) => (taskIds.includes(t.id) ? { ...t, lastPromptedAt: at } : t)),
  }));
}

const englishClient = { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' } as const;

describe('a reply to a check-in prompt', () => {
  it('goes straight into the check-in of the prompted task, a number taken as the rating', async () => {
    const tasks = [task({ id: 'T-PADRON', description: 'Pedir el certificado de padrón' }), task()];
    await linkedClient(caseRecord({ id: CASE_ID, tasks }), ['T-SOLICI']);
    // "3" is the third answer of the question the prompt asked: «Una parte».
    const next = joined(await harness.send('3', CLIENT));
    expect(next).toContain('¿Algo te lo puso difícil?');
    expect(next).not.toContain('¿De cuál me quieres contar?');
    await harness.sendAll(['no', 'no'], CLIENT);
    expect((await storedTask()).progress).toEqual([{ at: NOW, rating: 2, needsHelp: false, source: 'client', by: CLIENT }]);
    expect((await storedTask('T-PADRON')).progress).toEqual([]);
  });

  it('reads a rating inside a sentence: a yes is "done", a rating phrase wins over its parts', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }), ['T-SOLICI']);
    expect(joined(await harness.send('sí, ya lo firmé', CLIENT))).toContain('¿Algo te lo puso difícil?');
    await harness.sendAll(['no', 'no'], CLIENT);
    expect((await storedTask()).progress.map((p) => p.rating)).toEqual([4]);

    await prompted(['T-SOLICI'], '2026-11-23T09:30:00.000Z');
    harness.clock.now = new Date('2026-11-23T10:00:00Z');
    await harness.sendAll(['pues casi todo, me faltó una firma', 'me faltó una firma', 'no'], CLIENT);
    expect((await storedTask()).progress.map((p) => [p.rating, p.obstacles])).toEqual([
      [4, undefined],
      [3, 'me faltó una firma'],
    ]);
  });

  it('a tapped answer (the label) is the rating; a reply that is no rating asks the question', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, client: englishClient, tasks: [task({ description: 'Send the form' })] }), ['T-SOLICI']);
    expect(joined(await harness.send('Most of it', CLIENT))).toContain('Did something get in the way?');
    await harness.sendAll(['no', 'no'], CLIENT);
    expect((await storedTask()).progress.map((p) => p.rating)).toEqual([3]);

    await prompted(['T-SOLICI'], '2026-11-23T09:30:00.000Z');
    harness.clock.now = new Date('2026-11-23T10:00:00Z');
    const asked = joined(await harness.send('not at all, sorry', CLIENT));
    expect(asked).toContain('How did it go with this: Send the form?');
    expect(asked).toContain('1. I did it all');
    // Inside the check-in too, an answer may come in a sentence.
    expect(joined(await harness.send('I did part of it', CLIENT))).toContain('Did something get in the way?');
    await harness.sendAll(['no', 'no'], CLIENT);
    expect((await storedTask()).progress.map((p) => p.rating)).toEqual([3, 2]);
  });

  it('with two prompted tasks, the reply picks one by number, and the other waits for the next message', async () => {
    const tasks = [task({ id: 'T-PADRON', description: 'Pedir el certificado de padrón' }), task()];
    await linkedClient(caseRecord({ id: CASE_ID, tasks }), ['T-PADRON', 'T-SOLICI']);
    const how = joined(await harness.send('2', CLIENT));
    expect(how).toContain('¿Cómo te fue con esto: Presentar la solicitud de vivienda?');
    await harness.sendAll(['poco o nada', 'no', 'no'], CLIENT);
    expect((await storedTask()).progress.map((p) => p.rating)).toEqual([1]);
    const other = joined(await harness.send('hola', CLIENT));
    expect(other).toContain('¿Cómo te fue con esto: Pedir el certificado de padrón?');
  });

  it('with two prompted tasks, a reply that names neither lists them', async () => {
    const tasks = [task({ id: 'T-PADRON', description: 'Pedir el certificado de padrón' }), task()];
    await linkedClient(caseRecord({ id: CASE_ID, tasks }), ['T-PADRON', 'T-SOLICI']);
    const list = joined(await harness.send('hola', CLIENT));
    expect(list).toContain('Estas son tus tareas. ¿De cuál me quieres contar?');
    expect(list).toContain('1. Pedir el certificado de padrón.');
  });

  it('is not taken as a check-in once the task was answered after the prompt, nor when it is a menu command', async () => {
    await linkedClient(
      caseRecord({ id: CASE_ID, tasks: [task({ progress: [{ at: '2026-11-22T12:00:00.000Z', rating: 2, source: 'client', by: CLIENT }] })] }),
      ['T-SOLICI'],
    );
    expect(joined(await harness.send('3', CLIENT))).not.toContain('¿Algo te lo puso difícil?');
    await harness.store.repositories.cases.update(CASE_ID, (c) => ({ ...c!, tasks: [task({ lastPromptedAt: PROMPTED })] }));
    expect(joined(await harness.send('mis tareas', CLIENT))).toContain('Tu plan:');
    expect((await storedTask()).progress).toHaveLength(0);
  });
});

describe('"tareas"', () => {
  it("lists the client's own open tasks, soonest first, in warm words, then asks about one", async () => {
    const tasks = [
      task({ id: 'T-LATERX', description: 'Ir a la entrevista', dueDate: '2026-12-07' }),
      task({ id: 'T-TODAYX', description: 'Llamar al banco', dueDate: '2026-11-23' }),
      task({ id: 'T-PASTXX', description: 'Pedir cita', dueDate: '2026-11-20' }),
      task({ id: 'T-TOMORR', description: 'Traer la nómina.', dueDate: '2026-11-24' }),
      task({ id: 'T-WORKER', description: 'Hablar con el casero', owner: 'worker' }),
    ];
    await linkedClient(caseRecord({ id: CASE_ID, tasks }));
    const list = joined(await harness.send('tareas', CLIENT));
    expect(list).toContain(
      [
        '1. Pedir cita. Era para el viernes, 20 de noviembre de 2026. No pasa nada.',
        '2. Llamar al banco. Es para hoy.',
        '3. Traer la nómina. Es para mañana.',
        '4. Ir a la entrevista. Es para el lunes, 7 de diciembre de 2026.',
      ].join('\n'),
    );
    expect(list).not.toContain('Hablar con el casero');
    expect(joined(await harness.send('2', CLIENT))).toContain('¿Cómo te fue con esto: Llamar al banco?');
  });

  it('"tasks" does the same in English', async () => {
    await linkedClient(
      caseRecord({
        id: CASE_ID,
        client: englishClient,
        tasks: [
          task({ description: 'Call the bank', dueDate: '2026-11-24' }),
          task({ id: 'T-OTHERX', description: 'Fill in the form', dueDate: '2026-11-23' }),
        ],
      }),
    );
    const list = joined(await harness.send('tasks', CLIENT));
    expect(list).toContain('These are your tasks. Which one do you want to tell me about?');
    expect(list).toContain('1. Fill in the form. It is for today.\n2. Call the bank. It is for tomorrow.');
  });
});

describe('asking for help', () => {
  it("records needsHelp with the client's words and runs a round at once so the worker hears", async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }), ['T-SOLICI']);
    await harness.sendAll(['una parte', 'no'], CLIENT);
    expect(joined(await harness.send('sí', CLIENT))).toContain('¿En qué te puede ayudar?');
    expect(harness.nudges.count).toBe(0);
    const thanks = joined(await harness.send('No sé rellenar el formulario', CLIENT));
    expect(thanks).toBe('¡Gracias! Ya lo he guardado. Tu profesional lo verá pronto.');
    expect((await storedTask()).progress).toEqual([
      { at: NOW, rating: 2, obstacles: 'No sé rellenar el formulario', needsHelp: true, source: 'client', by: CLIENT },
    ]);
    expect(harness.nudges.count).toBe(1);
    // The request is what the worker's notice is derived from.
    const worker = DEMO_STAFF.find((s) => s.id === 'worker-1')!;
    const jobs = deriveJobs(await stored(), { worker, supervisors: [] }, defaultFollowUpConfig, new Date(NOW));
    expect(jobs.filter((j) => j.kind === 'helpRequest')).toEqual([
      expect.objectContaining({ recipient: { role: 'worker', staffId: 'worker-1' }, subject: { taskId: 'T-SOLICI', progressAt: NOW } }),
    ]);
  });

  it('the obstacles told are the words when there are some; no help asked, no round run', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }));
    await harness.sendAll(['contar', 'una parte', 'El autobús no pasa'], CLIENT);
    expect(joined(await harness.send('sí', CLIENT))).toContain('Tu profesional lo verá pronto.');
    expect((await storedTask()).progress[0]).toMatchObject({ obstacles: 'El autobús no pasa', needsHelp: true });
    expect(harness.nudges.count).toBe(1);
    await harness.sendAll(['contar', 'casi todo', 'no', 'no'], CLIENT);
    expect((await storedTask()).progress[1]).toMatchObject({ rating: 3, needsHelp: false });
    expect(harness.nudges.count).toBe(1);
  });
});
