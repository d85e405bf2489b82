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

/**
 * Answers the usual questions until the goal is saved or `limit` answers are spent: the
 * need, a date and its confirmation, the summary and the agreement. Returns the replies.
 */
async function answerUntilSaved(first: string, user = 'worker-1', limit = 8): Promise<string> {
  const es = user !== 'worker-en';
  let last = first;
  let all = first;
  for (let i = 0; i < limit && !/guardado en el caso|saved in case/.test(last); i++) {
    const reply = /necesidad valorada|assessed need/.test(last)
      ? es
        ? 'vivienda'
        : 'housing'
      : /¿Para qué fecha|By what date/.test(last)
        ? '31/01/2027'
        : /¿Con qué indicador|Which indicator/.test(last)
          ? es
            ? 'ofertas a las que se presenta'
            : 'job offers applied for'
          : /¿Qué meta|What target/.test(last)
            ? es
              ? '3 por semana'
              : '3 a week'
            : es
              ? 'sí'
              : 'yes';
    last = joined(await harness.send(reply, user));
    all += `\n${last}`;
  }
  return all;
}

describe('SMART goal dialog (Spanish)', () => {
  it('saves a complete goal in four messages: command, sentence, summary confirmed, agreement', async () => {
    const typed: string[] = [];
    const send = async (message: string) => {
      typed.push(message);
      return joined(await harness.send(message));
    };
    harness = await createHarness({ cases: [caseEs()], now: NOW });
    await harness.send('hola');

    expect(await send('objetivo C-SMRT22')).toContain('Nuevo objetivo SMART para Ana P. (C-SMRT22)');
    const summary = await send('Ana enviará 3 currículos por semana hasta el 31 de enero');
    // Nothing the sentence says is asked again; the deadline read from it is shown to confirm.
    expect(summary).not.toContain('¿Quién lo hará');
    expect(summary).not.toContain('¿Para qué fecha');
    expect(summary).toContain('- Objetivo: Ana enviará 3 currículos por semana hasta el 31 de enero');
    expect(summary).toContain('- Quién: Ana');
    expect(summary).toContain('- Indicador: número de currículos enviados');
    expect(summary).toContain('- Meta: 3 currículos por semana');
    expect(summary).toContain('- Necesidad: empleo');
    expect(summary).toContain('- Fecha límite: domingo, 31 de enero de 2027');
    expect(summary).toContain('- Apoyos: sin indicar');
    expect(summary).toContain('¿Es correcto?');
    expect(await send('sí')).toContain('¿Está de acuerdo la persona usuaria con este objetivo?');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
    const saved = await send('sí');
    const goalId = /Objetivo (G-[A-Z0-9]{6}) guardado en el caso C-SMRT22/.exec(saved)?.[1];
    expect(goalId).toBeDefined();
    expect(typed).toHaveLength(4);

    const [goal, ...others] = await goalsOf(harness, 'C-SMRT22');
    expect(others).toHaveLength(0);
    expect(goal).toEqual({
      id: goalId,
      domain: 'employment',
      text: 'Ana enviará 3 currículos por semana hasta el 31 de enero',
      actor: 'Ana',
      indicator: 'número de currículos enviados',
      target: '3 currículos por semana',
      deadline: '2027-01-31',
      support: '',
      obstacles: '',
      dependsOnThirdParty: false,
      agreement: { at: NOW.toISOString(), recordedBy: 'worker-1' },
      status: 'active',
      createdAt: NOW.toISOString(),
      createdBy: 'worker-1',
    });
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'goal.create', caseId: 'C-SMRT22', outcome: 'ok' }));
  });

  it('«idioma» at the need question asks it again with the needs named in the new language', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    expect(joined(await harness.send('Ana caminará 30 minutos 3 veces por semana hasta el 31 de enero'))).toContain('3. salud mental');
    const switched = joined(await harness.send('idioma'));
    expect(switched).toContain('Which assessed need does the goal address?');
    expect(switched).toContain('3. mental health');
    expect(switched).not.toContain('salud mental');
    const next = joined(await harness.send('mental health'));
    expect(next).not.toContain('Pick an option');
    expect(next).not.toContain('Which assessed need');
  });

  it('asks for the need only when the sentence does not show it, and takes corrections in the summary', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    const need = joined(await harness.send('Ana caminará 30 minutos 3 veces por semana hasta el 31 de enero'));
    expect(need).toContain('¿A qué necesidad valorada responde el objetivo?');
    expect(need).toContain('3. salud mental');
    expect(need).not.toContain('ingresos');
    // Income was a need only in the older assessment: it is refused, and asked again.
    const notANeed = await harness.send('ingresos');
    expect(joined(notANeed)).toContain('Elige una opción');
    expect(joined(await harness.send('salud mental'))).toContain('- Necesidad: salud mental');

    const support = joined(await harness.send('apoyos: acompañamiento de la educadora el primer día'));
    expect(support).toContain('- Apoyos: acompañamiento de la educadora el primer día');
    const obstacles = joined(await harness.send('obstáculos: le duele la rodilla'));
    expect(obstacles).toContain('- Obstáculos: le duele la rodilla');
    const deadline = joined(await harness.send('fecha: 15 de enero'));
    expect(deadline).toContain('- Fecha límite: viernes, 15 de enero de 2027');
    expect(joined(await harness.send('fecha: cuando pueda'))).toContain('No he entendido la fecha «cuando pueda»');
    expect(joined(await harness.send('vale, pero cambia algo'))).toContain('No te he entendido');
    await harness.sendAll(['sí', 'sí']);
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({
      domain: 'mentalHealth',
      actor: 'Ana',
      target: '30 minutos 3 veces por semana',
      support: 'acompañamiento de la educadora el primer día',
      obstacles: 'le duele la rodilla',
      deadline: '2027-01-15',
    });
  });

  it.each([
    ['Que Ana se sienta más segura en casa', '«se sienta más segura en casa» describe un estado, no una acción'],
    ['Ana tendrá una vida más estable', '«tendrá una vida más estable» describe un estado'],
    ['Que la familia tenga más apoyo', '«tenga más apoyo» describe un estado'],
    ['Que Juan sea más responsable con los estudios', '«sea más responsable con los estudios» describe un estado'],
    ['Ana aprenderá a gestionar sus emociones', '«aprenderá a gestionar sus emociones» es una habilidad'],
    ['buscar trabajo', '¿Con qué indicador se medirá el avance?'],
  ])('coaches «%s» and saves nothing until it is fixed', async (goal, question) => {
    await start([caseEs()], 'objetivo C-SMRT22');
    const coached = joined(await harness.send(goal));
    expect(coached).toContain(question);
    expect(coached).not.toContain('¿Es correcto?');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);

    const fixed = goal === 'buscar trabajo' ? 'ofertas a las que se presenta' : 'Ana llamará a 2 inmobiliarias cada semana hasta el 31 de enero';
    const rest = await answerUntilSaved(joined(await harness.send(fixed)));
    expect(rest).toContain('guardado en el caso C-SMRT22');
    const [saved] = await goalsOf(harness, 'C-SMRT22');
    expect(saved).toMatchObject(
      goal === 'buscar trabajo' ? { text: 'buscar trabajo', indicator: 'ofertas a las que se presenta', target: '3 por semana' } : { text: fixed },
    );
  });

  it('refuses «sí», «hecho» and the like as indicator or target', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.send('buscar trabajo');
    expect(joined(await harness.send('sí'))).toContain('El indicador «sí» no dice qué se mirará');
    expect(joined(await harness.send('ok'))).toContain('El indicador «ok» no dice qué se mirará');
    expect(joined(await harness.send('ofertas a las que se presenta'))).toContain('¿Qué meta indicará');
    expect(joined(await harness.send('hecho'))).toContain('La meta «hecho» no se puede comprobar');
    expect(joined(await harness.send('cumplido'))).toContain('La meta «cumplido» no se puede comprobar');
    expect(joined(await harness.send('bien'))).toContain('La meta «bien» no se puede comprobar');
    expect(joined(await harness.send('tarjeta de demanda de empleo'))).toContain('¿Para qué fecha');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
  });

  it('warns about a third party before anything measurable, and offers the client’s own step', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    const thirdParty = joined(await harness.send('Que el juzgado le dé la custodia de sus hijos'));
    expect(thirdParty).toContain('«el juzgado le dé la custodia…» depende de terceros');
    expect(thirdParty).toContain('Ejemplo: «pedir cita con la abogada de oficio y llevarle los papeles del caso»');
    expect(thirdParty).not.toContain('indicador');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
    // The suggestion is the client's own step, with its own checkable result (the appointment).
    expect(joined(await harness.send('ejemplo'))).toContain('¿A qué necesidad valorada');
  });

  it('takes the suggestion as the new goal sentence and saves it as the client’s own step', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    const thirdParty = joined(await harness.send('obtener vivienda antes del 20 de diciembre'));
    expect(thirdParty).toContain('«obtener vivienda» depende de terceros');
    expect(thirdParty).toContain('«presentar la solicitud de vivienda»');
    const summary = joined(await harness.send('presentar la solicitud de vivienda antes del 20 de diciembre'));
    expect(summary).toContain('- Meta: solicitud de vivienda presentada');
    expect(summary).toContain('- Necesidad: vivienda');
    await harness.sendAll(['sí', 'sí']);
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({
      text: 'presentar la solicitud de vivienda antes del 20 de diciembre',
      domain: 'housing',
      indicator: 'solicitud de vivienda',
      target: 'solicitud de vivienda presentada',
      deadline: '2026-12-20',
      actor: 'Ana P.',
      dependsOnThirdParty: false,
    });
  });

  it('keeps a third-party goal when the worker decides so, recorded as depending on a third party', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.send('obtener vivienda');
    expect(joined(await harness.send('mantener'))).toContain('constará que depende de terceros');
    const summary = await answerUntilSaved(joined(await harness.sendAll(['solicitud de vivienda', 'contrato firmado'])), 'worker-1', 2);
    expect(summary).toContain('- Depende de terceros: Sí');
    await harness.sendAll(['sí', 'sí']);
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({ text: 'obtener vivienda', dependsOnThirdParty: true, domain: 'housing' });
  });

  it('drops the indicator and target of a goal rewritten to another action, and asks them again', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    expect(joined(await harness.send('Ana enviará 3 currículos por semana hasta el 31 de enero'))).toContain('- Meta: 3 currículos por semana');
    // Another action with its own measure: the new one replaces the old.
    const other = joined(await harness.send('objetivo: Ana irá a 2 talleres de empleo hasta el 31 de enero'));
    expect(other).toContain('- Indicador: número de talleres');
    expect(other).toContain('- Meta: 2 talleres');
    expect(other).not.toContain('currículos');
    // Another action without a measure: nothing stale is kept, the indicator is asked.
    const asked = joined(await harness.send('objetivo: Ana buscará piso de alquiler hasta el 31 de enero'));
    expect(asked).toContain('¿Con qué indicador');
    expect(asked).not.toContain('- Meta');
    // The same action with another date keeps what was agreed.
    await harness.sendAll(['pisos visitados', '2 por semana']);
    const same = joined(await harness.send('objetivo: Ana buscará piso de alquiler hasta el 15 de enero'));
    expect(same).toContain('- Indicador: pisos visitados');
    expect(same).toContain('- Fecha límite: viernes, 15 de enero de 2027');
  });

  it('offers plainer words for a goal text that reads hard, shows the long words, and saves the reworded one', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.sendAll(['Pedir el certificado de empadronamiento en la junta municipal', 'vivienda', '15/12/2026']);
    // The SMART questions first, then the plain-words check of the finished text.
    const hard = joined(await harness.send('sí'));
    expect(hard).toContain('La persona usuaria leerá este texto y se lee difícil');
    expect(hard).toContain('«empadronamiento», «certificado», «municipal»');
    expect(hard).toContain('«mantener»');
    const summary = joined(await harness.send('Pedir el papel del padrón en la junta'));
    expect(summary).toContain('- Objetivo: Pedir el papel del padrón en la junta');
    expect(summary).toContain('- Fecha límite: martes, 15 de diciembre de 2026');
    await harness.sendAll(['sí', 'sí']);
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({ text: 'Pedir el papel del padrón en la junta', deadline: '2026-12-15' });
  });

  it('keeps a goal text that reads hard when the worker says so', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.sendAll(['Pedir el certificado de empadronamiento en la junta municipal', 'vivienda', '15/12/2026', 'sí']);
    expect(joined(await harness.send('mantener'))).toContain('- Objetivo: Pedir el certificado de empadronamiento en la junta municipal');
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
    const past = joined(await harness.send('Ana enviará 5 currículos por semana antes del 1 de octubre de 2026'));
    expect(past).toContain('La fecha límite (jueves, 1 de octubre de 2026) no es posterior a hoy');

    expect(joined(await harness.send('ayer'))).toContain('Esa fecha ya ha pasado');
    await harness.send('15/03/2027');
    const afterPlan = joined(await harness.send('sí'));
    expect(afterPlan).toContain('es posterior al fin del plan (domingo, 31 de enero de 2027)');

    await harness.send('31/01/2027');
    expect(joined(await harness.send('sí'))).toContain('- Fecha límite: domingo, 31 de enero de 2027');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
    await harness.sendAll(['sí', 'sí']);
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({ deadline: '2027-01-31', target: '5 currículos por semana', domain: 'employment' });
  });

  it('asks for the actor when the goal names nobody in particular, and keeps a named person', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    const summary = joined(await harness.send('llamar a 2 empresas cada semana hasta el 31 de enero'));
    expect(summary).toContain('- Quién: Ana P.');
    expect(joined(await harness.send('quién: no'))).toContain('¿Quién lo hará: la persona usuaria u otra persona con nombre?');
    expect(joined(await harness.send('Luis, su hermano'))).toContain('- Quién: Luis, su hermano');
    await harness.sendAll(['sí', 'sí']);
    expect((await goalsOf(harness, 'C-SMRT22'))[0]).toMatchObject({ actor: 'Luis, su hermano', target: '2 empresas cada semana' });
  });

  it('saves nothing when the client does not agree', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.sendAll(['Ana enviará 3 currículos por semana hasta el 31 de enero', 'sí']);
    const refused = joined(await harness.send('no'));
    expect(refused).toContain('Sin el acuerdo de la persona usuaria el objetivo no se guarda');
    expect(await goalsOf(harness, 'C-SMRT22')).toHaveLength(0);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit.filter((entry) => entry.action === 'goal.create')).toHaveLength(0);
  });

  it('checks the goal again on the latest case before saving', async () => {
    await start([caseEs()], 'objetivo C-SMRT22');
    await harness.sendAll(['Ana acudirá a 6 sesiones del taller de autoestima en tres semanas', 'salud mental']);
    expect(joined(await harness.send('sí'))).toContain('¿Está de acuerdo');
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
    await harness.sendAll(['Ana enviará 3 currículos por semana hasta el 31 de enero', 'sí']);
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
    await harness.send('buscar trabajo');
    const help = await harness.send('ayuda');
    expect(joined(help)).toContain('Objetivo SMART (paso 3 del proceso)');
    expect(help.at(-1)).toContain('¿Con qué indicador');
    // One answer given: nothing much to lose, so no «¿Seguro?» first.
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
  it('saves a complete goal in four messages', async () => {
    harness = await createHarness({ cases: [caseEn()], now: NOW });
    await harness.send('hello', 'worker-en');
    const typed = ['goal C-SMRT33', 'John will send 3 CVs a week until 31 January', 'yes', 'yes'];
    const replies: string[] = [];
    for (const message of typed) replies.push(joined(await harness.send(message, 'worker-en')));
    expect(replies[0]).toContain('New SMART goal for John D. (C-SMRT33)');
    expect(replies[1]).toContain('- Who: John');
    expect(replies[1]).toContain('- Indicator: number of CVs sent');
    expect(replies[1]).toContain('- Target: 3 CVs a week');
    expect(replies[1]).toContain('- Need: employment');
    expect(replies[1]).toContain('- Deadline: Sunday, 31 January 2027');
    expect(replies[1]).toContain('Is this right?');
    expect(replies[2]).toContain('Does the client agree with this goal?');
    expect(replies[3]).toMatch(/Goal G-[A-Z0-9]{6} saved in case C-SMRT33/);
    expect((await goalsOf(harness, 'C-SMRT33'))[0]).toMatchObject({
      text: 'John will send 3 CVs a week until 31 January',
      actor: 'John',
      target: '3 CVs a week',
      domain: 'employment',
      deadline: '2027-01-31',
      dependsOnThirdParty: false,
      agreement: { at: NOW.toISOString(), recordedBy: 'worker-en' },
      createdBy: 'worker-en',
    });
  });

  it.each([
    ['be a better parent', '“be a better parent” describes a state, not an action'],
    ['feel less isolated', '“feel less isolated” describes a state'],
    ['learn to manage her anger', '“learn to manage her anger” is a skill'],
    ['look for a job', 'Which indicator will measure progress?'],
    ['improve his self-esteem', '“improve” is not observable'],
  ])('coaches “%s” and saves nothing until it is fixed', async (goal, question) => {
    await start([caseEn()], 'goal C-SMRT33', 'worker-en');
    const coached = joined(await harness.send(goal, 'worker-en'));
    expect(coached).toContain(question);
    expect(coached).not.toContain('Is this right?');
    expect(await goalsOf(harness, 'C-SMRT33')).toHaveLength(0);
    const fixed = goal === 'look for a job' ? 'job offers applied for' : 'John will call 2 letting agents every week until 31 January';
    const rest = await answerUntilSaved(joined(await harness.send(fixed, 'worker-en')), 'worker-en');
    expect(rest).toContain('saved in case C-SMRT33');
    expect((await goalsOf(harness, 'C-SMRT33'))[0]).toMatchObject(goal === 'look for a job' ? { text: goal, target: '3 a week' } : { text: fixed });
  });

  it('warns that a court decision is a third party’s, before anything measurable', async () => {
    await start([caseEn()], 'goal C-SMRT33', 'worker-en');
    const thirdParty = joined(await harness.send('The court will give her custody of her children', 'worker-en'));
    expect(thirdParty).toContain('depends on a third party');
    expect(thirdParty).toContain('“book an appointment with the legal aid solicitor and bring the case papers”');
    expect(thirdParty).not.toContain('indicator');
    expect(await goalsOf(harness, 'C-SMRT33')).toHaveLength(0);
  });

  it('offers plainer words for a goal text that reads hard', async () => {
    await start([caseEn()], 'goal C-SMRT33', 'worker-en');
    await harness.send('Obtain the municipal registration certificate from the administrative office by 15 December', 'worker-en');
    const hard = joined(await harness.send('housing', 'worker-en'));
    expect(hard).toContain('The client will read this text and it reads hard');
    expect(hard).toContain('“administrative”');
    const summary = joined(await harness.send('Get the paper that shows where you live from the town hall by 15 December', 'worker-en'));
    expect(summary).toContain('- Goal: Get the paper that shows where you live from the town hall by 15 December');
  });

  it('tells the worker to assess first when the case has no assessment, and cancel saves nothing', async () => {
    const noAssessment = caseEn({ id: 'C-SMRT44', assessments: [] });
    const reply = await start([noAssessment, caseEn()], 'goal C-SMRT44', 'worker-en');
    expect(reply).toContain('No assessed need is at level ≤ 3');
    expect(reply).toContain('Complete (or redo) the assessment of case C-SMRT44');

    await harness.sendAll(['goal C-SMRT33', 'improve'], 'worker-en');
    expect(joined(await harness.send('cancel', 'worker-en'))).toContain('Cancelled: SMART goal');
    expect(await goalsOf(harness, 'C-SMRT33')).toHaveLength(0);
  });
});
