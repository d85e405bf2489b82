// The SMART goal, tasks, the contract and task progress as form cards in Teams: each saved in
// the fewest presses, coached on a card when the rules find gaps, an old card changing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_FORMS } from '../../dialogs/cards/caseForms.js';
import type { Assessment, Case, Goal } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { caseRecord, taskRecord } from '../support/records.js';

let h: Harness;
afterEach(async () => h?.close());

// Monday 23 November 2026, 10:00 in Madrid.
const NOW = new Date('2026-11-23T09:00:00Z');

const ASSESSMENT: Assessment = {
  id: 'A-LATEST',
  kind: 'initial',
  by: 'worker-1',
  startedAt: '2026-11-10T09:00:00.000Z',
  completedAt: '2026-11-10T10:00:00.000Z',
  ratings: { income: 4, employment: 3, housing: 2, health: 4, mentalHealth: 3 },
  strengths: { personal: 'constancia' },
  context: {},
  notes: {},
};

const caseEs = (overrides: Partial<Case> = {}) => caseRecord({ id: 'C-CARD22', assessments: [ASSESSMENT], ...overrides });
const caseEn = () =>
  caseRecord({
    id: 'C-CARD33',
    workerId: 'worker-en',
    team: 'sur',
    assessments: [ASSESSMENT],
    client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
  });

const stored = async (caseId: string) => (await h.store.repositories.cases.get(caseId))!;

/** Counts what a person sends in Teams: each press of a card or command button is one submit. */
function counter(user = 'worker-1') {
  const counted = { submits: 0 };
  return {
    counted,
    command: async (command: string) => {
      counted.submits++;
      return h.send('', user, { ...TEAMS, value: { enlace: { command } } });
    },
    press: async (title: string, inputs: Record<string, string>) => {
      counted.submits++;
      return press(h, lastCard(h), title, inputs, user);
    },
  };
}

function expectSmallReplies() {
  for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
}

describe('the SMART goal as a form card', () => {
  it('saves a complete goal in two submits: the command and the form', async () => {
    h = await createHarness({ cases: [caseEs()], now: NOW });
    const person = counter();
    await person.command('objetivo C-CARD22');
    const form = lastCard(h);
    expectSmallReplies();
    expect(inputIds(form)).toEqual(['goal', 'actor', 'indicator', 'target', 'deadline', 'need', 'support', 'obstacles', 'agreement']);
    expect(JSON.stringify(form)).toContain('Nuevo objetivo SMART para Ana P. (C-CARD22)');
    const replies = await person.press('Guardar', {
      goal: 'Ana hará 3 llamadas por semana para buscar trabajo',
      indicator: 'número de llamadas hechas',
      target: '3 por semana',
      deadline: '2027-01-31',
      need: 'employment',
      support: 'la educadora la acompaña',
      obstacles: 'no tiene ordenador',
      agreement: 'Sí',
    });
    expect(replies.join('\n')).toMatch(/Objetivo G-[A-Z0-9]{6} guardado en el caso C-CARD22/);
    expect(person.counted.submits).toBe(2);
    expectSmallReplies();
    const [goal, ...others] = (await stored('C-CARD22')).goals;
    expect(others).toHaveLength(0);
    expect(goal).toMatchObject({
      text: 'Ana hará 3 llamadas por semana para buscar trabajo',
      actor: 'Ana P.',
      indicator: 'número de llamadas hechas',
      target: '3 por semana',
      deadline: '2027-01-31',
      domain: 'employment',
      support: 'la educadora la acompaña',
      obstacles: 'no tiene ordenador',
      status: 'active',
    });

    // The same form pressed again saves nothing more.
    const again = await press(h, form, 'Guardar', { goal: 'Ana hará 3 llamadas por semana para buscar trabajo', agreement: 'Sí' });
    expect(again[0]).toMatch(/ya se respondió o es de un paso anterior/);
    expect((await stored('C-CARD22')).goals).toHaveLength(1);
  });

  it('coaches a goal on a card with only the parts to fix, and saves it with the third submit', async () => {
    h = await createHarness({ cases: [caseEs()], now: NOW });
    const person = counter();
    await person.command('objetivo C-CARD22');
    await person.press('Guardar', { goal: 'Ana mejorará su búsqueda de empleo', need: 'employment', support: 'la educadora', agreement: 'Sí' });
    const coached = lastCard(h);
    expectSmallReplies();
    const shown = JSON.stringify(coached);
    expect(shown).toContain('El objetivo aún no es SMART');
    // Why each part fails, by its criterion…
    expect(shown).toMatch(/\*\*Específico\*\*: «mejorar/);
    expect(shown).toMatch(/\*\*Temporal\*\*/);
    // …inputs for those parts only, and what is already there kept.
    expect(inputIds(coached)).toEqual(['goal', 'indicator', 'target', 'deadline', 'agreement']);
    expect(shown).toContain('la educadora');
    expect((await stored('C-CARD22')).goals).toHaveLength(0);

    const replies = await person.press('Guardar', {
      goal: 'Ana hará 3 llamadas por semana para buscar trabajo',
      indicator: 'número de llamadas hechas',
      target: '3 por semana',
      deadline: '2027-01-31',
      agreement: 'Sí',
    });
    expect(replies.join('\n')).toMatch(/guardado en el caso C-CARD22/);
    expect(person.counted.submits).toBe(3);
    const [goal] = (await stored('C-CARD22')).goals;
    expect(goal).toMatchObject({
      text: 'Ana hará 3 llamadas por semana para buscar trabajo',
      domain: 'employment',
      support: 'la educadora',
      deadline: '2027-01-31',
    });
  });

  it('keeps the indicator and target the card showed as kept when only the sentence is fixed', async () => {
    h = await createHarness({ cases: [caseEs()], now: NOW });
    const person = counter();
    await person.command('objetivo C-CARD22');
    await person.press('Guardar', {
      goal: 'Mejorar su búsqueda de empleo',
      indicator: 'llamadas a empresas anotadas en su cuaderno',
      target: 'al menos 3 por semana',
      deadline: '2027-01-31',
      need: 'employment',
      agreement: 'Sí',
    });
    const coached = lastCard(h);
    expect(inputIds(coached)).toEqual(['goal', 'agreement']);
    expect(JSON.stringify(coached)).toContain('llamadas a empresas anotadas en su cuaderno');
    // A sentence with other numbers and another action: what it reads does not replace what was kept.
    const replies = await person.press('Guardar', { goal: 'Ana enviará 5 currículos a empresas del barrio', agreement: 'Sí' });
    expect(replies.join('\n')).toMatch(/guardado en el caso C-CARD22/);
    const [goal] = (await stored('C-CARD22')).goals;
    expect(goal).toMatchObject({
      text: 'Ana enviará 5 currículos a empresas del barrio',
      indicator: 'llamadas a empresas anotadas en su cuaderno',
      target: 'al menos 3 por semana',
      deadline: '2027-01-31',
      domain: 'employment',
    });
  });

  it('coaches again when the fix is still not SMART, and saves nothing without the agreement', async () => {
    h = await createHarness({ cases: [caseEs()], now: NOW });
    const person = counter();
    await person.command('objetivo C-CARD22');
    await person.press('Guardar', { goal: 'Ana hará 3 llamadas por semana para buscar trabajo', need: 'employment', agreement: 'No' });
    expect(inputIds(lastCard(h))).toEqual(['deadline', 'agreement']);
    // A past day is not a deadline: the card comes again, asking the date only.
    await person.press('Guardar', { deadline: '2026-11-01', agreement: 'No' });
    expect(inputIds(lastCard(h))).toEqual(['deadline', 'agreement']);
    const replies = await person.press('Guardar', { deadline: '2027-01-31', agreement: 'No' });
    expect(replies.join('\n')).toContain('Sin el acuerdo de la persona usuaria el objetivo no se guarda');
    expect((await stored('C-CARD22')).goals).toHaveLength(0);
  });

  it('asks for plainer words on the card when the goal reads hard, and keeps it when sent back as it was', async () => {
    h = await createHarness({ cases: [caseEs()], now: NOW });
    const person = counter();
    await person.command('objetivo C-CARD22');
    const hard = 'Ana enviará 3 currículos por semana';
    await person.press('Guardar', {
      goal: hard,
      indicator: 'número de currículos enviados',
      target: '3 por semana',
      deadline: '2027-01-31',
      need: 'employment',
      agreement: 'Sí',
    });
    const coached = lastCard(h);
    expect(JSON.stringify(coached)).toContain('**Lectura fácil**: La persona usuaria leerá este texto y se lee difícil');
    expect(inputIds(coached)).toEqual(['goal', 'agreement']);
    const replies = await person.press('Guardar', { agreement: 'Sí' });
    expect(replies.join('\n')).toMatch(/guardado en el caso C-CARD22/);
    expect((await stored('C-CARD22')).goals.map((goal) => goal.text)).toEqual([hard]);
  });

  it('shows the form in English to an English-speaking worker', async () => {
    h = await createHarness({ cases: [caseEn()], now: NOW });
    const person = counter('worker-en');
    await person.command('goal C-CARD33');
    expect(JSON.stringify(lastCard(h))).toContain('New SMART goal for John D. (C-CARD33)');
    const replies = await person.press('Save', {
      goal: 'John will send 3 CVs a week',
      indicator: 'number of CVs sent',
      target: '3 a week',
      deadline: '2027-01-31',
      need: 'employment',
      agreement: 'Yes',
    });
    expect(replies.join('\n')).toMatch(/Goal G-[A-Z0-9]{6} saved in case C-CARD33/);
    expect((await stored('C-CARD33')).goals).toHaveLength(1);
  });
});

const TASK_CASE = 'C-TASK22';

function goal(id: string, text: string): Goal {
  return {
    id,
    domain: 'employment',
    text,
    actor: 'Ana',
    indicator: 'solicitudes presentadas',
    target: '3 al mes',
    deadline: '2027-02-28',
    support: '',
    obstacles: '',
    dependsOnThirdParty: false,
    agreement: { at: '2026-11-20T10:00:00.000Z', recordedBy: 'worker-1' },
    status: 'active',
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'worker-1',
  };
}

const taskCase = (overrides: Partial<Case> = {}) =>
  caseRecord({
    id: TASK_CASE,
    goals: [goal('G-EMPLEO', 'Ana presenta tres solicitudes de empleo al mes'), goal('G-VIVIEN', 'Ana entrega la solicitud de vivienda')],
    ...overrides,
  });

describe('a task as a form card', () => {
  it('saves a client task in one submit after the command, with its goal, obstacle and commitment', async () => {
    h = await createHarness({ cases: [taskCase()], now: NOW });
    const person = counter();
    await person.command(`tarea ${TASK_CASE}`);
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['goal', 'what', 'owner', 'ownerName', 'dueDate', 'obstacle', 'obstacleKind']);
    expectSmallReplies();
    const replies = await person.press('Guardar', {
      goal: 'G-VIVIEN',
      what: 'Pedir cita en la oficina de vivienda',
      owner: 'client',
      dueDate: '2026-12-04',
      obstacle: 'Le da miedo llamar',
      obstacleKind: 'internal',
    });
    expect(replies.join('\n')).toMatch(/T-[A-Z0-9]{6}/);
    expect(person.counted.submits).toBe(2);
    const [task, ...others] = (await stored(TASK_CASE)).tasks;
    expect(others).toHaveLength(0);
    expect(task).toMatchObject({
      goalId: 'G-VIVIEN',
      description: 'Pedir cita en la oficina de vivienda',
      owner: 'client',
      dueDate: '2026-12-04',
      obstacles: [{ text: 'Le da miedo llamar', kind: 'internal' }],
      commitment: { confirmedBy: 'worker-1' },
      status: 'open',
    });
    // The same form pressed again saves nothing more.
    const again = await press(h, form, 'Guardar', { goal: 'G-VIVIEN', what: 'Otra cosa', dueDate: '2026-12-04' });
    expect(again[0]).toMatch(/ya se respondió o es de un paso anterior/);
    expect((await stored(TASK_CASE)).tasks).toHaveLength(1);
  });

  it("saves the worker's own task, with no obstacle, in one submit after the command", async () => {
    h = await createHarness({ cases: [taskCase({ goals: [] })], now: NOW });
    const person = counter();
    await person.command(`tarea ${TASK_CASE}`);
    expect(inputIds(lastCard(h))).not.toContain('goal');
    await person.press('Guardar', { what: 'Llamar a la oficina de vivienda', owner: 'worker', dueDate: '2026-11-30' });
    expect(person.counted.submits).toBe(2);
    const [task] = (await stored(TASK_CASE)).tasks;
    expect(task).toMatchObject({ description: 'Llamar a la oficina de vivienda', owner: 'worker', dueDate: '2026-11-30', obstacles: [] });
    expect(task!.goalId).toBeUndefined();
  });

  it("saves another professional's task with their name in one submit after the command", async () => {
    h = await createHarness({ cases: [taskCase({ goals: [] })], now: NOW });
    const person = counter();
    await person.command(`tarea ${TASK_CASE}`);
    await person.press('Guardar', { what: 'Valorar la ayuda de alquiler', owner: 'professional', ownerName: 'Servicio de Vivienda', dueDate: '2026-12-10' });
    expect(person.counted.submits).toBe(2);
    expect((await stored(TASK_CASE)).tasks).toEqual([
      expect.objectContaining({ description: 'Valorar la ayuda de alquiler', owner: 'professional', ownerName: 'Servicio de Vivienda', dueDate: '2026-12-10' }),
    ]);
  });

  it('says what is wrong with a form answer and asks it, saving nothing until it is right', async () => {
    h = await createHarness({ cases: [taskCase({ goals: [] })], now: NOW });
    const person = counter();
    await person.command(`tarea ${TASK_CASE}`);
    const replies = await person.press('Guardar', { what: 'Llamar a la oficina de vivienda', owner: 'worker', dueDate: '2026-11-01' });
    expect(replies.join('\n')).toMatch(/ya ha pasado|pasad/i);
    expect((await stored(TASK_CASE)).tasks).toHaveLength(0);
    // The date is asked on its own; the rest of the form is kept, and the task confirmed before it is saved.
    await press(h, lastCard(h), 'Enviar', { answer: '2026-11-30' });
    expect((await stored(TASK_CASE)).tasks).toHaveLength(0);
    await press(h, lastCard(h), 'Enviar', { answer: 'sí' });
    expect((await stored(TASK_CASE)).tasks.map((task) => task.dueDate)).toEqual(['2026-11-30']);
  });
});

describe('the task and progress forms the case card opens', () => {
  const formOf = (id: string) => CASE_FORMS.find((form) => form.id === id)!;

  it('saves a task from the case card form with one press, once', async () => {
    h = await createHarness({ cases: [taskCase()], now: NOW });
    const record = await stored(TASK_CASE);
    const form = formOf('task');
    expect(form.applies(record)).toBe(true);
    expect(form.applies({ ...record, status: 'closed' })).toBe(false);
    const ids = form.body('es', record, 'Europe/Madrid', NOW).map((input) => input.id);
    const inputs = {
      goal: 'G-EMPLEO',
      what: 'Enviar el currículo a dos empresas',
      owner: 'client',
      ownerName: '',
      dueDate: '2026-12-01',
      obstacle: '',
      obstacleKind: 'internal',
    };
    expect(Object.keys(inputs).sort()).toEqual([...ids].sort());
    const value = { enlace: { command: form.command(record), once: 'form-task-1', also: { confirm: 'Sí' } }, ...inputs };
    await h.send('', 'worker-1', { ...TEAMS, value });
    expect((await stored(TASK_CASE)).tasks).toEqual([
      expect.objectContaining({ goalId: 'G-EMPLEO', description: 'Enviar el currículo a dos empresas', dueDate: '2026-12-01', obstacles: [] }),
    ]);
    const again = await h.send('', 'worker-1', { ...TEAMS, value });
    expect(again).toEqual([expect.stringMatching(/ya se respondió/)]);
    expect((await stored(TASK_CASE)).tasks).toHaveLength(1);
  });

  it('records progress from the case card form with one press, marking a fully achieved task done', async () => {
    h = await createHarness({ cases: [taskCase({ tasks: [taskRecord(), taskRecord({ id: 'T-OTRAAA', description: 'Llamar al banco' })] })], now: NOW });
    const record = await stored(TASK_CASE);
    const form = formOf('progress');
    expect(form.applies(record)).toBe(true);
    expect(form.applies({ ...record, tasks: [] })).toBe(false);
    const ids = form.body('es', record, 'Europe/Madrid', NOW).map((input) => input.id);
    expect(ids).toEqual(['task', 'rating', 'obstacles', 'markDone']);
    const value = {
      enlace: { command: form.command(record), once: 'form-progress-1', also: { confirm: 'Sí' } },
      task: 'T-OTRAAA',
      rating: '4',
      obstacles: '',
      markDone: 'Sí',
    };
    await h.send('', 'worker-1', { ...TEAMS, value });
    const task = (await stored(TASK_CASE)).tasks.find((t) => t.id === 'T-OTRAAA')!;
    expect(task.status).toBe('done');
    expect(task.progress).toEqual([expect.objectContaining({ rating: 4, source: 'worker', by: 'worker-1' })]);
    await h.send('', 'worker-1', { ...TEAMS, value });
    expect((await stored(TASK_CASE)).tasks.find((t) => t.id === 'T-OTRAAA')!.progress).toHaveLength(1);
  });
});

describe('task progress as a form card', () => {
  it('records a rating with its obstacles in one submit after the command', async () => {
    h = await createHarness({ cases: [taskCase({ tasks: [taskRecord(), taskRecord({ id: 'T-OTRAAA', description: 'Llamar al banco' })] })], now: NOW });
    const person = counter();
    await person.command(`avance ${TASK_CASE}`);
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['task', 'rating', 'obstacles', 'markDone']);
    expectSmallReplies();
    const replies = await person.press('Guardar', { task: 'T-SOLICI', rating: '2', obstacles: 'le faltaba una nómina' });
    expect(replies.join('\n')).toContain('Avance registrado en «Presentar la solicitud de vivienda»: Parcialmente conseguida.');
    expect(person.counted.submits).toBe(2);
    const task = (await stored(TASK_CASE)).tasks.find((t) => t.id === 'T-SOLICI')!;
    expect(task.progress).toEqual([expect.objectContaining({ rating: 2, obstacles: 'le faltaba una nómina' })]);
    expect(task.status).toBe('open');
  });

  it('takes «sin oportunidad» from the list, in English too', async () => {
    h = await createHarness({ cases: [caseEn()], now: NOW });
    await h.store.repositories.cases.put({ ...(await stored('C-CARD33')), tasks: [taskRecord({ description: 'Hand in the housing form' })] });
    const person = counter('worker-en');
    await person.command('progress C-CARD33');
    expect(JSON.stringify(lastCard(h))).toContain('Degree of achievement');
    const replies = await person.press('Save', { task: 'T-SOLICI', rating: 'noOpportunity' });
    expect(replies.join('\n')).toContain('Progress recorded on');
    expect((await stored('C-CARD33')).tasks[0]!.progress).toEqual([expect.objectContaining({ rating: 'noOpportunity' })]);
  });
});

describe('the contract as a form card', () => {
  it('saves target problems, sessions and the plan’s end in one submit after the command', async () => {
    h = await createHarness({ cases: [taskCase()], now: NOW });
    const person = counter();
    await person.command(`contrato ${TASK_CASE}`);
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['problems', 'acknowledged', 'sessions', 'startDate', 'endDate']);
    expectSmallReplies();
    const replies = await person.press('Guardar', {
      problems: 'Deudas de alquiler\nAislamiento social',
      acknowledged: 'Sí',
      sessions: '10',
      startDate: '2026-11-23',
      endDate: '2027-02-01',
    });
    expect(replies.join('\n')).toMatch(/guardad/i);
    expect(person.counted.submits).toBe(2);
    expect((await stored(TASK_CASE)).contract).toMatchObject({
      targetProblems: [
        { text: 'Deudas de alquiler', acknowledgedByClient: true },
        { text: 'Aislamiento social', acknowledgedByClient: true },
      ],
      sessions: 10,
      startDate: '2026-11-23',
      endDate: '2027-02-01',
    });
  });

  it('refuses a problem longer than a problem may be, saying so, and saves nothing', async () => {
    h = await createHarness({ cases: [taskCase()], now: NOW });
    const person = counter();
    await person.command(`contrato ${TASK_CASE}`);
    const replies = await person.press('Guardar', { problems: `Deudas de alquiler\n${'a'.repeat(501)}`, acknowledged: 'Sí' });
    expect(replies.join('\n')).toContain('Es demasiado largo: 500 caracteres como máximo.');
    expect((await stored(TASK_CASE)).contract).toBeUndefined();
  });

  it('refuses an end before the start, saying so, and saves nothing', async () => {
    h = await createHarness({ cases: [taskCase()], now: NOW });
    const person = counter();
    await person.command(`contrato ${TASK_CASE}`);
    const replies = await person.press('Guardar', { problems: 'Deudas de alquiler', acknowledged: 'Sí', startDate: '2026-11-23', endDate: '2026-11-20' });
    expect(replies.join('\n')).toContain('Antes de guardarlo hay que corregir lo indicado');
    expect((await stored(TASK_CASE)).contract).toBeUndefined();
  });
});
