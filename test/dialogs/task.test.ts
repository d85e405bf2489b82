import { afterEach, describe, expect, it } from 'vitest';
import type { Contract, Goal } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const CASE_ID = 'C-ANAPQR';
const EN_CASE_ID = 'C-JOHNDQ';

function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'G-EMPLEO',
    domain: 'employment',
    text: 'Ana presenta tres solicitudes de empleo al mes',
    actor: 'Ana',
    indicator: 'solicitudes presentadas',
    target: '3 al mes',
    deadline: '2027-02-28',
    support: 'orientadora laboral',
    obstacles: 'no tiene ordenador',
    dependsOnThirdParty: false,
    agreement: { at: '2026-11-20T10:00:00.000Z', recordedBy: 'worker-1' },
    status: 'active',
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'worker-1',
    ...overrides,
  };
}

function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'P-PLANAA',
    targetProblems: [{ text: 'Desempleo', acknowledgedByClient: true }],
    sessions: 8,
    startDate: '2026-11-16',
    endDate: '2027-01-11',
    createdAt: '2026-11-16T09:00:00.000Z',
    createdBy: 'worker-1',
    ...overrides,
  };
}

const caseWithGoals = (overrides = {}) =>
  caseRecord({
    id: CASE_ID,
    goals: [
      goal(),
      goal({ id: 'G-VIVIEN', domain: 'housing', text: 'Ana entrega la solicitud de vivienda' }),
      goal({ id: 'G-OLDONE', text: 'Objetivo abandonado', status: 'dropped' }),
    ],
    ...overrides,
  });

async function startTask(user = 'worker-1', words = ['hola', 'tarea', '1']): Promise<string[]> {
  let replies: string[] = [];
  for (const w of words) replies = await harness.send(w, user);
  return replies;
}

describe('task dialog (Spanish)', () => {
  it('stores a task owned by another service, with obstacles, the default cadence and the commitment', async () => {
    harness = await createHarness({ cases: [caseWithGoals({ contract: contract() })] });
    const goalQuestion = (await startTask()).join('\n');
    expect(goalQuestion).toContain('¿A qué objetivo corresponde la tarea?');
    expect(goalQuestion).toContain('1. Ana presenta tres solicitudes de empleo al mes');
    expect(goalQuestion).toContain('3. Ninguno (tarea sin objetivo)');
    expect(goalQuestion).not.toContain('Objetivo abandonado');
    expect(goalQuestion).not.toContain('contrato nuevo');

    const wrongGoal = (await harness.send('7')).join('\n');
    expect(wrongGoal).toContain('Elige una opción');
    await harness.sendAll(['1', 'Pedir cita en el servicio de empleo']);
    const ownerName = (await harness.send('otro profesional')).join('\n');
    expect(ownerName).toContain('¿Qué profesional o servicio?');
    await harness.send('Servicio Público de Empleo');
    const pastDate = (await harness.send('ayer')).join('\n');
    expect(pastDate).toContain('Esa fecha ya ha pasado');
    await harness.send('en dos semanas');
    const firstObstacle = (await harness.send('sí')).join('\n');
    expect(firstObstacle).toContain('Obstáculo previsto 1');
    await harness.send('Le da miedo llamar');
    const wrongKind = (await harness.send('ambos')).join('\n');
    expect(wrongKind).toContain('Elige una opción');
    const second = (await harness.send('interno')).join('\n');
    expect(second).toContain('Obstáculo previsto 2');
    await harness.sendAll(['No tiene saldo en el móvil', 'externo']);
    // The practice's cadence is offered in the summary, where another number would change it.
    const summary = (await harness.send('no')).join('\n');
    expect(summary).not.toContain('¿Cada cuántos días');
    expect(summary).toContain('- Qué: Pedir cita en el servicio de empleo');
    expect(summary).toContain('- Objetivo: Ana presenta tres solicitudes de empleo al mes');
    expect(summary).toContain('- Quién: Otro profesional o servicio: Servicio Público de Empleo');
    expect(summary).toContain('- Para el: lunes, 7 de diciembre de 2026');
    expect(summary).toContain('Le da miedo llamar (Interno); No tiene saldo en el móvil (Externo)');
    expect(summary).toContain('- Seguimiento: cada 7 días');
    expect(summary).toContain('¿La persona se compromete expresamente');
    const wrongCadence = (await harness.send('0')).join('\n');
    expect(wrongCadence).toContain('escribe cada cuántos días se le pregunta cómo va (como mucho, cada 90)');
    expect(wrongCadence).toContain('- Seguimiento: cada 7 días');
    const saved = (await harness.send('sí')).join('\n');
    const taskId = /Tarea (T-[A-Z0-9]{6}) guardada/.exec(saved)?.[1];
    expect(taskId).toBeDefined();

    const [task] = (await harness.store.repositories.cases.get(CASE_ID))!.tasks;
    expect(task!.id).toBe(taskId);
    expect(task!.goalId).toBe('G-EMPLEO');
    expect(task!.description).toBe('Pedir cita en el servicio de empleo');
    expect(task!.owner).toBe('professional');
    expect(task!.ownerName).toBe('Servicio Público de Empleo');
    expect(task!.dueDate).toBe('2026-12-07');
    expect(task!.obstacles).toEqual([
      { text: 'Le da miedo llamar', kind: 'internal' },
      { text: 'No tiene saldo en el móvil', kind: 'external' },
    ]);
    expect(task!.checkInEveryDays).toBe(7);
    expect(task!.commitment).toEqual({ at: '2026-11-23T09:00:00.000Z', confirmedBy: 'worker-1' });
    expect(task!.status).toBe('open');
    expect(task!.progress).toEqual([]);
    expect(task!.createdAt).toBe('2026-11-23T09:00:00.000Z');
    expect(task!.createdBy).toBe('worker-1');
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'task.create', caseId: CASE_ID, outcome: 'ok' }));
  });

  it("saves nothing without the client's commitment and says it can be agreed later", async () => {
    harness = await createHarness({ cases: [caseWithGoals()] });
    await startTask();
    // The description reads hard for the client: it is kept as it is.
    await harness.sendAll(['ninguno', 'Llevar el certificado al ayuntamiento', 'mantener', 'persona', 'el viernes', 'sí', 'no', '3']);
    const refused = (await harness.send('no')).join('\n');
    expect(refused).toContain('sin el compromiso de la persona no entra en el plan');
    expect(refused).toContain('Podéis acordarla más adelante');
    expect((await harness.store.repositories.cases.get(CASE_ID))!.tasks).toEqual([]);
  });

  it('stores a worker task without a goal when the case has no active goals', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    const what = (await startTask()).join('\n');
    expect(what).toContain('¿Qué hay que hacer?');
    // The worker's own task: no check-in cadence to choose, and the worker confirms it.
    const confirm = (await harness.sendAll(['Llamar a la trabajadora del colegio', 'yo', 'el viernes', 'sí', 'no'])).join('\n');
    expect(confirm).not.toContain('Cada cuántos días');
    expect(confirm).not.toContain('Seguimiento');
    expect(confirm).toContain('¿Guardo la tarea?');
    expect((await harness.send('sí')).join('\n')).toContain('Es una tarea tuya');
    const [task] = (await harness.store.repositories.cases.get(CASE_ID))!.tasks;
    expect(task).toMatchObject({
      description: 'Llamar a la trabajadora del colegio',
      owner: 'worker',
      dueDate: '2026-11-27',
      obstacles: [],
      checkInEveryDays: 7,
    });
    expect(task!.goalId).toBeUndefined();
    expect(task!.ownerName).toBeUndefined();
  });

  it('warns when the contract needs renewing and when the due date is after the contract ends', async () => {
    const old = contract({ startDate: '2026-08-03', endDate: '2026-12-14' });
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, contract: old })] });
    const start = (await startTask()).join('\n');
    expect(start).toContain('⚠ El contrato de este caso empezó el lunes, 3 de agosto de 2026 y ya pasa de 12 semanas');
    const summary = (await harness.sendAll(['Pedir cita', 'persona', '15/01/2027', 'sí', 'no'])).join('\n');
    expect(summary).toContain('⚠ La fecha límite es posterior al fin del contrato (lunes, 14 de diciembre de 2026).');
  });

  it('cancel stores nothing, even at the commitment question', async () => {
    harness = await createHarness({ cases: [caseWithGoals()] });
    await startTask();
    await harness.sendAll(['1', 'Pedir cita', 'persona', 'el viernes', 'sí', 'no']);
    expect((await harness.send('cancelar')).join('\n')).toContain('¿Seguro que quieres cancelar');
    const cancelled = (await harness.send('sí')).join('\n');
    expect(cancelled).toContain('Cancelado: nueva tarea');
    expect((await harness.store.repositories.cases.get(CASE_ID))!.tasks).toEqual([]);
  });

  it('refuses a closed case', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, status: 'closed' })] });
    const refused = (await startTask('worker-1', ['hola', `tarea ${CASE_ID}`])).join('\n');
    expect(refused).toContain(`El caso ${CASE_ID} está cerrado`);
    expect((await harness.store.repositories.cases.get(CASE_ID))!.tasks).toEqual([]);
  });
});

describe('task dialog (English)', () => {
  const englishCase = () =>
    caseRecord({
      id: EN_CASE_ID,
      workerId: 'worker-en',
      team: 'sur',
      goals: [goal({ text: 'John sends two job applications a week' })],
      client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
    });

  it('stores a client task typed in English', async () => {
    harness = await createHarness({ cases: [englishCase()] });
    // The case's only goal: the task is for it without asking.
    const what = (await startTask('worker-en', ['hello', 'new task', '1'])).join('\n');
    expect(what).toContain('Task for the goal "John sends two job applications a week"');
    expect(what).not.toContain('Which goal is the task for?');
    await harness.sendAll(['Send the housing application', 'keep', 'the client', 'Friday', 'yes', 'Forgets deadlines', 'internal', 'none'], 'worker-en');
    const wrong = (await harness.send('often', 'worker-en')).join('\n');
    expect(wrong).toContain('or type every how many days the client is asked how it goes (90 at most)');
    const summary = (await harness.send('3', 'worker-en')).join('\n');
    expect(summary).toContain('- Who: The client');
    expect(summary).toContain('- Anticipated obstacles: Forgets deadlines (Internal)');
    expect(summary).toContain('- Follow-up question: every 3 days');
    const saved = (await harness.send('yes', 'worker-en')).join('\n');
    expect(saved).toMatch(/Task T-[A-Z0-9]{6} saved on case C-JOHNDQ/);
    const [task] = (await harness.store.repositories.cases.get(EN_CASE_ID))!.tasks;
    expect(task).toMatchObject({
      goalId: 'G-EMPLEO',
      description: 'Send the housing application',
      owner: 'client',
      dueDate: '2026-11-27',
      obstacles: [{ text: 'Forgets deadlines', kind: 'internal' }],
      checkInEveryDays: 3,
      commitment: { at: '2026-11-23T09:00:00.000Z', confirmedBy: 'worker-en' },
      status: 'open',
      progress: [],
      createdBy: 'worker-en',
    });
  });

  it('no commitment in English stores nothing', async () => {
    harness = await createHarness({ cases: [englishCase()] });
    await startTask('worker-en', ['hello', 'new task', '1']);
    const refused = (await harness.sendAll(['none', 'Send the form', 'the client', 'Friday', 'yes', 'no', 'no'], 'worker-en')).join('\n');
    expect(refused).toContain('You can agree it later.');
    expect((await harness.store.repositories.cases.get(EN_CASE_ID))!.tasks).toEqual([]);
  });
});
