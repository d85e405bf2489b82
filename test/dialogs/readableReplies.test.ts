// Replies read as lists (SPEC §7): the client's plan goal by goal, the case view's goals and
// tasks themselves, a single flagged case, and the greeting of a client not linked yet.
import { afterEach, describe, expect, it } from 'vitest';
import type { Goal } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord as task } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const joined = (replies: string[]) => replies.join('\n');
const CASE_ID = 'C-PRUEBA';
const CLIENT = 'client-1';

function goal(overrides: Partial<Goal>): Goal {
  return {
    id: 'G-VIVIEN',
    domain: 'housing',
    text: 'Tener un piso propio',
    actor: 'Ana',
    indicator: 'contrato',
    target: 'firmado',
    deadline: '2027-03-31',
    support: '',
    obstacles: '',
    dependsOnThirdParty: false,
    agreement: { at: '2026-11-02T10:00:00.000Z', recordedBy: 'worker-1' },
    status: 'active',
    createdAt: '2026-11-02T10:00:00.000Z',
    createdBy: 'worker-1',
    ...overrides,
  };
}

const planCase = () =>
  caseRecord({
    id: CASE_ID,
    goals: [goal({}), goal({ id: 'G-EMPLEO', domain: 'employment', text: 'Encontrar un trabajo', deadline: '2027-05-31' })],
    tasks: [
      task({ goalId: 'G-VIVIEN' }),
      task({ id: 'T-RECIBO', goalId: 'G-VIVIEN', description: 'Reunir los recibos', owner: 'worker', dueDate: '2026-12-01' }, [3]),
      task({ id: 'T-CURRIC', goalId: 'G-EMPLEO', description: 'Llevar el currículum', dueDate: '2026-12-10' }),
    ],
  });

describe("the client's plan", () => {
  it('comes goal by goal, each with its tasks and their dates as a list below it', async () => {
    harness = await createHarness({ cases: [planCase()] });
    await harness.store.repositories.clientLinks.put({ id: CLIENT, caseId: CASE_ID, linkedAt: '2026-11-20T10:00:00.000Z', codeId: 'ABCD' });
    await harness.send('hola', CLIENT);
    const plan = joined(await harness.send('mi plan', CLIENT));
    expect(plan).toContain(
      [
        'Tu objetivo: Tener un piso propio. Para el miércoles, 31 de marzo de 2027.',
        '',
        '- Presentar la solicitud de vivienda. Para el lunes, 7 de diciembre de 2026.',
        '- Reunir los recibos. Para el martes, 1 de diciembre de 2026. Lo hace tu profesional.',
        '',
        'Tu objetivo: Encontrar un trabajo. Para el lunes, 31 de mayo de 2027.',
        '',
        '- Llevar el currículum. Para el jueves, 10 de diciembre de 2026.',
      ].join('\n'),
    );
    expect(plan).not.toContain('•');
  });
});

describe("the worker's case view", () => {
  it('lists the goals with status and deadline, and each task with owner, due date and latest rating', async () => {
    harness = await createHarness({ cases: [planCase()] });
    await harness.send('hola');
    const view = joined(await harness.send(`ver caso ${CASE_ID}`));
    expect(view).toContain(
      'Objetivos:\n\n- Tener un piso propio · activo · hasta el miércoles, 31 de marzo de 2027\n- Encontrar un trabajo · activo · hasta el lunes, 31 de mayo de 2027',
    );
    expect(view).toContain('- Reunir los recibos · tú · para el martes, 1 de diciembre de 2026\n  - Grado de logro del martes, 10 de noviembre de 2026');
    expect(view).toContain('- Llevar el currículum · la persona · para el jueves, 10 de diciembre de 2026\n  - Sin grado de logro todavía.');
    // Paragraphs are apart, so a channel that joins single line breaks keeps them apart.
    expect(view).toMatch(/contactos: 0\n\nObjetivos:/);
    expect(view).not.toContain('•');
  });
});

describe('a single flagged case', () => {
  it('is asked for by its number in the list, never as a range «(1–1)»', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, nextReviewDate: '2026-11-10', intensity: 'basic' })] });
    await harness.send('hola', 'super-1');
    const list = joined(await harness.send('casos marcados', 'super-1'));
    expect(list).toContain(`1. ${CASE_ID} · Ana P. · Lucía Martín · intensidad: básica`);
    expect(list).toContain('¿Qué caso revisas? Escribe su número de la lista.');
    expect(list).not.toMatch(/1[–-]1/);
  });
});

describe('a client who has not linked yet', () => {
  it('is greeted and told to type the code from their worker, with no data shown', async () => {
    harness = await createHarness({ cases: [planCase()] });
    const reply = joined(await harness.send('hola', 'new-client'));
    expect(reply).toMatch(/^Hola, soy Enlace\. ¿Te ha dado tu profesional un código\? Escríbelo aquí y empezamos\./);
    expect(reply).not.toMatch(/C-PRUEBA|Ana P\.|piso/);
  });
});
