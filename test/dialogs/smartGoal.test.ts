import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment, Case } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// Monday 23 November 2026, 10:00 in Madrid.
const NOW = new Date('2026-11-23T09:00:00Z');

function assessment(overrides: Partial<Assessment>): Assessment {
  return {
    id: 'A-DONE01',
    kind: 'initial',
    by: 'worker-1',
    startedAt: '2026-11-10T09:00:00.000Z',
    completedAt: '2026-11-10T10:00:00.000Z',
    ratings: {},
    strengths: { personal: 'constancia' },
    context: {},
    notes: {},
    ...overrides,
  };
}

// The latest completed assessment leaves housing (2), employment (3) and mental health (3)
// as needs; an older one, listed after it, had income in crisis: it must not count.
const ASSESSMENTS: Assessment[] = [
  assessment({
    id: 'A-LATEST',
    completedAt: '2026-11-10T10:00:00.000Z',
    ratings: { income: 4, employment: 3, housing: 2, health: 4, mentalHealth: 3, legal: null },
  }),
  assessment({
    id: 'A-OLDER1',
    startedAt: '2026-06-01T09:00:00.000Z',
    completedAt: '2026-06-01T10:00:00.000Z',
    ratings: { income: 1, employment: 3, housing: 2 },
  }),
];

const caseEs = (overrides: Partial<Case> = {}) => caseRecord({ id: 'C-SMRT22', assessments: ASSESSMENTS, ...overrides });
const caseEn = (overrides: Partial<Case> = {}) =>
  caseRecord({
    id: 'C-SMRT33',
    workerId: 'worker-en',
    team: 'sur',
    assessments: ASSESSMENTS,
    client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
    ...overrides,
  });

const joined = (replies: string[]) => replies.join('\n');
const goalsOf = async (h: Harness, caseId: string) => (await h.store.repositories.cases.get(caseId))!.goals;

async function start(cases: Case[], command: string, user = 'worker-1'): Promise<string> {
  harness = await createHarness({ cases, now: NOW });
  await harness.send(user === 'worker-en' ? 'hello' : 'hola', user);
  return joined(await harness.send(command, user));
}

describe('SMART goal dialog (Spanish)', () => {
  it('coaches a vague goal, field by field, to a SMART one and saves it with the agreement', async () => {
    const first = await start([caseEs()], 'objetivo C-SMRT22');
    expect(first).toContain('Nuevo objetivo SMART para Ana P. (C-SMRT22)');

    expect(joined(await harness.send('mejorar su autoestima'))).toContain('persona usuaria (Ana P.)');
    const vague = joined(await harness.send('sí'));
    expect(vague).toContain('«mejorar» no es observable');
    expect(vague).toContain('Ejemplo: «acudir a las 4 citas de seguimiento»');

    const stillVague = joined(await harness.send('mejorará mucho'));
    expect(stillVague).toContain('«mejorará» no es observable');

    expect(joined(await harness.send('acudir a 6 sesiones del taller de autoestima'))).toContain('¿Con qué indicador');
    const target = joined(await harness.send('sesiones a las que asiste'));
    expect(target).toContain('¿Qué meta indicará');
    expect(target).toContain('Escribe «ejemplo» para usar «6 sesiones»');

    expect(joined(await harness.send('ejemplo'))).toContain('¿Qué apoyo hará falta');
    expect(joined(await harness.send('recordatorio por mensaje el día antes'))).toContain('¿Qué obstáculos se prevén');

    const domain = joined(await harness.send('trabaja por las tardes'));
    expect(domain).toContain('¿A qué necesidad valorada responde el objetivo?');
    expect(domain).toContain('1. vivienda');
    expect(domain).toContain('3. salud mental');
    expect(domain).not.toContain('ingresos');

    // Income was a need only in the older assessment: it is refused, and asked again.
    const notANeed = await harness.send('ingresos');
    expect(joined(notANeed)).toContain('Elige una opción');
    expect(notANeed.at(-1)).toContain('¿A qué necesidad valorada');

    expect(joined(await harness.send('salud mental'))).toContain('¿Para qué fecha debe estar logrado?');
    expect(joined(await harness.send('15/01/2027'))).toContain('viernes, 15 de enero de 2027');
    const summary = joined(await harness.send('sí'));
    expect(summary).toContain('- Objetivo: acudir a 6 sesiones del taller de autoestima');
    expect(summary).toContain('- Quién: Ana P.');
    expect(summary).toContain('- Meta: 6 sesiones');
    expect(summary).toContain('- Necesidad: salud mental');
    expect(summary).toContain('- Fecha límite: viernes, 15 de enero de 2027');
    expect(summary).toContain('- Depende de terceros: No');
    expect(summary).toContain('¿Está de acuerdo la persona usuaria con este objetivo?');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);

    const saved = joined(await harness.send('sí'));
    const goalId = /Objetivo (G-[A-Z0-9]{6}) guardado en el caso C-SMRT22/.exec(saved)?.[1];
    expect(goalId).toBeDefined();

    const [goal, ...others] = await goalsOf(harness, 'C-SMRT22');
    expect(others).toHaveLength(0);
    expect(goal).toEqual({
      id: goalId,
      domain: 'mentalHealth',
      text: 'acudir a 6 sesiones del taller de autoestima',
      actor: 'Ana P.',
      indicator: 'sesiones a las que asiste',
      target: '6 sesiones',
      deadline: '2027-01-15',
      support: 'recordatorio por mensaje el día antes',
      obstacles: 'trabaja por las tardes',
      dependsOnThirdParty: false,
      agreement: { at: NOW.toISOString(), recordedBy: 'worker-1' },
      status: 'active',
      createdAt: NOW.toISOString(),
      createdBy: 'worker-1',
    });
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'goal.create', caseId: 'C-SMRT22', outcome: 'ok' }));
  });

  it('warns about a third-party outcome and offers the client’s own step', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.sendAll(['Ana obtendrá una vivienda', 'persona usuaria', 'solicitudes presentadas']);
    // After the measurable checks, the first achievable one: the outcome is not in her hands.
    const thirdParty = joined(await harness.send('solicitud presentada'));
    expect(thirdParty).toContain('«obtendrá una vivienda» depende de terceros');
    expect(thirdParty).toContain('Ejemplo: «presentar la solicitud de vivienda»');
    expect(thirdParty).toContain('«mantener»');
    expect(joined(await harness.send('ejemplo'))).toContain('¿Qué apoyo hará falta');
  });

  it('takes the suggestion as the new goal sentence and saves it as the client’s own step', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    const thirdParty = joined(await harness.sendAll(['obtener vivienda', 'sí', 'solicitud de vivienda', 'solicitud presentada']));
    expect(thirdParty).toContain('«obtener vivienda» depende de terceros');
    expect(thirdParty).toContain('«presentar la solicitud de vivienda»');
    await harness.sendAll(['ejemplo', 'acompañamiento a la oficina de vivienda', 'falta el padrón', '1', 'en tres semanas', 'sí']);
    await harness.send('sí');
    const [goal] = await goalsOf(harness, 'C-SMRT22');
    expect(goal).toMatchObject({
      text: 'presentar la solicitud de vivienda',
      domain: 'housing',
      target: 'solicitud presentada',
      deadline: '2026-12-14',
      dependsOnThirdParty: false,
    });
  });

  it('keeps a third-party goal when the worker decides so, recorded as depending on a third party', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.sendAll(['obtener vivienda', 'sí', 'solicitud de vivienda', 'solicitud presentada']);
    expect(joined(await harness.send('mantener'))).toContain('constará que depende de terceros');
    const summary = joined(await harness.sendAll(['acompañamiento', 'falta el padrón', 'vivienda', '31/12/2026', 'sí']));
    expect(summary).toContain('- Depende de terceros: Sí');
    await harness.send('sí');
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({ text: 'obtener vivienda', dependsOnThirdParty: true, domain: 'housing' });
  });

  it('refuses a past deadline, then today, then one after the plan ends', async () => {
    const contract = {
      id: 'K-PLAN01',
      targetProblems: [{ text: 'desempleo', acknowledgedByClient: true as const }],
      sessions: 8,
      startDate: '2026-11-16',
      endDate: '2027-01-31',
      createdAt: '2026-11-16T09:00:00.000Z',
      createdBy: 'worker-1',
    };
    await start([caseEs({ contract })], 'objetivo C-SMRT22');
    const deadline = joined(
      await harness.sendAll(['Ana enviará 5 currículos por semana', 'sí', 'currículos enviados', 'ejemplo', 'acompañamiento', 'no tiene ordenador', 'empleo']),
    );
    expect(deadline).toContain('¿Para qué fecha debe estar logrado?');

    expect(joined(await harness.send('ayer'))).toContain('Esa fecha ya ha pasado');
    await harness.send('hoy');
    const today = joined(await harness.send('sí'));
    expect(today).toContain('La fecha límite (lunes, 23 de noviembre de 2026) no es posterior a hoy');

    await harness.send('15/03/2027');
    const afterPlan = joined(await harness.send('sí'));
    expect(afterPlan).toContain('es posterior al fin del plan (domingo, 31 de enero de 2027)');

    await harness.send('31/01/2027');
    expect(joined(await harness.send('sí'))).toContain('- Fecha límite: domingo, 31 de enero de 2027');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
    await harness.send('sí');
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({ deadline: '2027-01-31', target: '5 currículos por semana', domain: 'employment' });
  });

  it('asks again for the actor when the worker answers "no", and keeps a named person', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.send('llamar a 2 empresas cada semana');
    expect(joined(await harness.send('no'))).toContain('¿Quién lo hará: la persona usuaria u otra persona con nombre?');
    expect(joined(await harness.send('Luis, su hermano'))).toContain('¿Con qué indicador');
    await harness.sendAll(['llamadas hechas', 'ejemplo', 'guion de llamada', 'timidez', 'empleo', '1/2/2027', 'sí']);
    await harness.send('sí');
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({ actor: 'Luis, su hermano', target: '2 empresas cada semana' });
  });

  it('saves nothing when the client does not agree', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    const summary = joined(
      await harness.sendAll([
        'presentar la solicitud de vivienda',
        'sí',
        'solicitud',
        'solicitud presentada',
        'acompañamiento',
        'padrón',
        'vivienda',
        'en dos semanas',
        'sí',
      ]),
    );
    expect(summary).toContain('¿Está de acuerdo la persona usuaria');
    const refused = joined(await harness.send('no'));
    expect(refused).toContain('Sin el acuerdo de la persona usuaria el objetivo no se guarda');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit.filter((entry) => entry.action === 'goal.create')).toHaveLength(0);
  });

  it('checks the goal again on the latest case before saving', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    const summary = joined(
      await harness.sendAll([
        'acudir a 6 sesiones del taller',
        'sí',
        'sesiones',
        'ejemplo',
        'recordatorio',
        'horario',
        'salud mental',
        'en tres semanas',
        'sí',
      ]),
    );
    expect(summary).toContain('- Necesidad: salud mental');
    // Meanwhile a reassessment rates mental health 4: it is no longer a need.
    const reassessment = assessment({
      id: 'A-NEWER1',
      kind: 'reassessment',
      completedAt: '2026-11-23T08:00:00.000Z',
      ratings: { housing: 2, mentalHealth: 4 },
    });
    await harness.store.repositories.cases.update('C-SMRT22', (c) => ({ ...c!, assessments: [...c!.assessments, reassessment] }));
    expect(joined(await harness.send('sí'))).toContain('el objetivo ya no es SMART, así que no se ha guardado');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
  });

  it('saves nothing when the case was closed in the meantime', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.sendAll(['acudir a 6 sesiones del taller', 'sí', 'sesiones', 'ejemplo', 'recordatorio', 'horario', 'vivienda', 'en tres semanas', 'sí']);
    await harness.store.repositories.cases.update('C-SMRT22', (c) => ({ ...c!, status: 'closed' }));
    expect(joined(await harness.send('sí'))).toContain('El caso C-SMRT22 está cerrado');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
  });

  it('sends the worker to the assessment first when the case has no completed one', async () => {
    const unfinished = assessment({ id: 'A-DRAFT1', ratings: { housing: 1 } });
    delete unfinished.completedAt;
    const reply = await start([caseEs({ assessments: [unfinished] })], 'objetivo C-SMRT22');
    expect(reply).toContain('Ninguna necesidad valorada tiene nivel ≤ 3');
    expect(reply).toContain('Completa (o repite) la valoración del caso C-SMRT22');
    expect(reply).not.toContain('Nuevo objetivo SMART');
    expect(joined(await harness.send('sí'))).toContain('No te he entendido');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
  });

  it('cancel mid-way saves nothing and says so; help explains and asks again', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.sendAll(['mejorar su autoestima', 'sí', 'acudir a 6 sesiones del taller']);
    const help = await harness.send('ayuda');
    expect(joined(help)).toContain('Objetivo SMART (paso 3 del proceso)');
    expect(help.at(-1)).toContain('¿Con qué indicador');
    const cancelled = joined(await harness.send('cancelar'));
    expect(cancelled).toContain('Cancelado: objetivo SMART');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
    expect(joined(await harness.send('sesiones'))).toContain('No te he entendido');
  });

  it('picks the case from the list when no id is typed', async () => {
    const reply = await start([caseEs()], 'objetivo');
    expect(reply).toContain('¿Con qué caso?');
    expect(joined(await harness.send('1'))).toContain('Nuevo objetivo SMART para Ana P. (C-SMRT22)');
  });
});

describe('SMART goal dialog (English)', () => {
  it('coaches "improve" to an observable goal and saves it', async () => {
    const first = await start([caseEn()], 'goal C-SMRT33', 'worker-en');
    expect(first).toContain('New SMART goal for John D. (C-SMRT33)');
    await harness.send('improve his self-esteem', 'worker-en');
    const vague = joined(await harness.send('yes', 'worker-en'));
    expect(vague).toContain('“improve” is not observable');
    expect(vague).toContain('Example: “attend all 4 follow-up appointments”');

    const replies = await harness.sendAll(
      ['attend 6 sessions of the self-esteem workshop', 'sessions attended', 'example', 'text reminder the day before', 'works evenings'],
      'worker-en',
    );
    expect(joined(replies)).toContain('Which assessed need does the goal address?');
    expect(joined(replies)).toContain('3. mental health');
    expect(joined(await harness.send('income', 'worker-en'))).toContain('Pick an option');
    expect(joined(await harness.send('mental health', 'worker-en'))).toContain('By what date should it be achieved?');
    expect(joined(await harness.send('yesterday', 'worker-en'))).toContain('That date has passed');
    expect(joined(await harness.send('15 January 2027', 'worker-en'))).toContain('Friday, 15 January 2027');
    const summary = joined(await harness.send('yes', 'worker-en'));
    expect(summary).toContain('- Who: John D.');
    expect(summary).toContain('- Need: mental health');
    expect(summary).toContain('Does the client agree with this goal?');

    const saved = joined(await harness.send('yes', 'worker-en'));
    expect(saved).toMatch(/Goal G-[A-Z0-9]{6} saved in case C-SMRT33/);
    expect((await goalsOf(harness, 'C-SMRT33'))[0]).toMatchObject({
      text: 'attend 6 sessions of the self-esteem workshop',
      actor: 'John D.',
      indicator: 'sessions attended',
      target: '6 sessions',
      support: 'text reminder the day before',
      obstacles: 'works evenings',
      domain: 'mentalHealth',
      deadline: '2027-01-15',
      dependsOnThirdParty: false,
      status: 'active',
      agreement: { at: NOW.toISOString(), recordedBy: 'worker-en' },
      createdBy: 'worker-en',
    });
  });

  it('suggests the client’s own step for "get a flat", and saves nothing without agreement', async () => {
    await start([caseEn()], 'goal C-SMRT33', 'worker-en');
    const thirdParty = joined(await harness.sendAll(['get a flat', 'the client', 'application', 'application submitted'], 'worker-en'));
    expect(thirdParty).toContain('“get a flat” depends on a third party');
    expect(thirdParty).toContain('“submit the housing application”');
    await harness.sendAll(['example', 'help with the forms', 'no internet at home', 'housing', 'in two weeks', 'yes'], 'worker-en');
    expect(joined(await harness.send('no', 'worker-en'))).toContain('Without the client’s agreement the goal is not saved');
    expect(await goalsOf(harness, 'C-SMRT33')).toHaveLength(0);
  });

  it('tells the worker to assess first when the case has no assessment, and cancel saves nothing', async () => {
    const noAssessment = caseEn({ id: 'C-SMRT44', assessments: [] });
    const reply = await start([noAssessment, caseEn()], 'goal C-SMRT44', 'worker-en');
    expect(reply).toContain('No assessed need is at level ≤ 3');
    expect(reply).toContain('Complete (or redo) the assessment of case C-SMRT44');

    await harness.sendAll(['goal C-SMRT33', 'improve', 'yes'], 'worker-en');
    expect(joined(await harness.send('cancel', 'worker-en'))).toContain('Cancelled: SMART goal');
    expect(await goalsOf(harness, 'C-SMRT33')).toHaveLength(0);
  });
});
