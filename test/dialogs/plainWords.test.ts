// Plain words for what clients read (SPEC §8), in the task dialog: a task description that
// reads hard shows its long words and is reworded or kept before the task goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const joined = (replies: string[]) => replies.join('\n');
const tasksOf = async (caseId: string) => (await harness.store.repositories.cases.get(caseId))!.tasks;

describe('plain words in the task dialog', () => {
  it('shows the long words of a hard description and saves the reworded one (Spanish)', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: 'C-ANAPQR' })] });
    await harness.sendAll(['hola', 'tarea C-ANAPQR']);
    const hard = joined(await harness.send('Pedir el certificado de empadronamiento en la junta municipal'));
    expect(hard).toContain('La persona usuaria leerá este texto y se lee difícil');
    expect(hard).toContain('Palabras largas: «empadronamiento», «certificado», «municipal»');
    expect(hard).not.toContain('¿Quién la hace?');
    // A reworded text that still reads hard is checked again.
    expect(joined(await harness.send('Solicitar certificación de empadronamiento'))).toContain('se lee difícil');
    expect(joined(await harness.send('Pedir el papel del padrón en la junta'))).toContain('¿Quién la hace?');
    await harness.sendAll(['persona', 'el viernes', 'sí', 'no', 'ok', 'sí']);
    expect((await tasksOf('C-ANAPQR'))[0]).toMatchObject({ description: 'Pedir el papel del padrón en la junta' });
  });

  it('keeps a hard description when the worker says so, and does not ask about an easy one', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: 'C-ANAPQR' })] });
    await harness.sendAll(['hola', 'tarea C-ANAPQR', 'Pedir el certificado de empadronamiento en la junta municipal']);
    expect(joined(await harness.send('mantener'))).toContain('¿Quién la hace?');
    await harness.sendAll(['persona', 'el viernes', 'sí', 'no', 'ok', 'sí']);
    expect((await tasksOf('C-ANAPQR'))[0]).toMatchObject({ description: 'Pedir el certificado de empadronamiento en la junta municipal' });

    await harness.send('tarea C-ANAPQR');
    expect(joined(await harness.send('Llamar a la trabajadora social el lunes'))).toContain('¿Quién la hace?');
  });

  it('does the same in English', async () => {
    harness = await createHarness({
      cases: [
        caseRecord({
          id: 'C-JOHNDQ',
          workerId: 'worker-en',
          team: 'sur',
          client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
        }),
      ],
    });
    await harness.sendAll(['hello', 'new task', '1'], 'worker-en');
    const hard = joined(await harness.send('Obtain the municipal registration certificate from the administrative office', 'worker-en'));
    expect(hard).toContain('The client will read this text and it reads hard');
    expect(hard).toContain('“administrative”');
    expect(hard).toContain('“keep”');
    expect(joined(await harness.send('Get the paper that shows where you live from the town hall', 'worker-en'))).toContain('Who does it?');
    await harness.sendAll(['the client', 'Friday', 'yes', 'no', 'ok', 'yes'], 'worker-en');
    expect((await tasksOf('C-JOHNDQ'))[0]).toMatchObject({ description: 'Get the paper that shows where you live from the town hall' });
  });
});
