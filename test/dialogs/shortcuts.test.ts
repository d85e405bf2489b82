// Commands that carry their answers and answers given together, as transcripts in Spanish
// and English: what the message said is not asked again, and what is stored is the same as
// when each question is answered on its own.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import type { Case, Goal, Referral } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const NOW = '2026-11-23T09:00:00.000Z';
// Case ids the menu recognises typed with a command (no 0/O, 1/I/L).
const ES = 'C-TESTES';
const EN = 'C-TESTEN';
const englishCase = (overrides: Partial<Case> = {}) =>
  caseRecord({ id: EN, workerId: 'worker-en', team: 'sur', client: { ...caseRecord().client, name: 'John D.', language: 'en' }, ...overrides });
const stored = async (caseId: string) => (await harness.store.repositories.cases.get(caseId))!;
const joined = (replies: string[]) => replies.join('\n').replace(/\u00a0/g, ' ');

async function start(cases: Case[], user = 'worker-1'): Promise<void> {
  harness = await createHarness({ cases });
  for (const service of DEMO_SERVICES) await harness.store.repositories.services.put(service);
  await harness.send(user === 'worker-en' ? 'hello' : 'hola', user);
}

function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'G-VIVIEN',
    domain: 'housing',
    text: 'Ana presenta la solicitud de vivienda',
    actor: 'Ana',
    indicator: 'solicitud registrada',
    target: 'presentada',
    deadline: '2027-02-28',
    support: 'acompañamiento',
    obstacles: 'papeles',
    dependsOnThirdParty: false,
    agreement: { at: '2026-11-20T10:00:00.000Z', recordedBy: 'worker-1' },
    status: 'active',
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'worker-1',
    ...overrides,
  };
}

function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: 'R-EXIST1',
    serviceId: 'SV-VIVIEN',
    category: 'housing',
    status: 'referred',
    cost: 0,
    history: [
      { status: 'proposed', at: '2026-11-02T09:00:00.000Z', by: 'worker-1' },
      { status: 'referred', at: '2026-11-02T09:00:00.000Z', by: 'worker-1' },
    ],
    createdAt: '2026-11-02T09:00:00.000Z',
    createdBy: 'worker-1',
    ...overrides,
  };
}

describe('intake with the name in the command', () => {
  it('in Spanish: the name is not asked, «ok» keeps the worker language and time zone, the priority comes with the model', async () => {
    harness = await createHarness();
    // The first message is the command: the welcome and the first question come together.
    const first = joined(await harness.send('nueva apertura Ana López'));
    expect(first).toContain('Hola, Lucía Martín');
    expect(first).toContain('¿A quién atiende el caso?');
    expect(joined(await harness.send('persona'))).not.toContain('Nombre o alias');
    expect(joined(await harness.send('600 111 222'))).toContain('«vale» para dejar Español y la zona horaria Europe/Madrid');
    expect(joined(await harness.send('ok'))).toContain('Fuente de derivación');
    await harness.sendAll(['Colegio', 'hoy', 'sí', 'sí', 'no']);
    const summary = joined(await harness.send('fortalezas, alta'));
    expect(summary).toContain('Resumen de la apertura');
    expect(summary).not.toContain('Prioridad del caso');
    const done = joined(await harness.send('sí'));
    const caseId = /Caso (C-[A-Z0-9]{6}) abierto para Ana López/.exec(done)?.[1];
    expect(caseId).toBeDefined();
    expect(await stored(caseId!)).toMatchObject({
      client: { kind: 'individual', name: 'Ana López', contact: '600 111 222', language: 'es', timeZone: 'Europe/Madrid' },
      model: 'strengths',
      priority: 'high',
      consent: { dataProcessing: true, messaging: false, recordedBy: 'worker-1' },
    });
  });

  it('in Spanish: the option named by its whole label asks the name as before', async () => {
    harness = await createHarness();
    await harness.send('hola');
    await harness.send('Nueva apertura de caso');
    expect(joined(await harness.send('familia'))).toContain('Nombre o alias');
  });

  it('in English, with the time zone still asked when another language is chosen', async () => {
    harness = await createHarness();
    await harness.send('hello', 'worker-en');
    expect(joined(await harness.send('new case for John D.', 'worker-en'))).toContain('Who is the case for?');
    await harness.sendAll(['individual', 'none'], 'worker-en');
    expect(joined(await harness.send('spanish', 'worker-en'))).toContain('time zone');
    await harness.sendAll(['Atlantic/Canary', 'GP surgery', 'today', 'yes', 'yes', 'yes'], 'worker-en');
    const summary = joined(await harness.send('brokerage, low', 'worker-en'));
    expect(summary).toContain('John D.');
    const done = joined(await harness.send('yes', 'worker-en'));
    const caseId = /Case (C-[A-Z0-9]{6}) opened/.exec(done)?.[1];
    expect(caseId).toBeDefined();
    expect(await stored(caseId!)).toMatchObject({
      client: { name: 'John D.', language: 'es', timeZone: 'Atlantic/Canary' },
      model: 'brokerage',
      priority: 'low',
    });
  });
});

describe('contract with the target problems one per line', () => {
  it('in Spanish: one acknowledgement, the defaults in the summary, changed there before saving', async () => {
    await start([caseRecord({ id: ES })]);
    await harness.send(`contrato ${ES}`);
    expect(joined(await harness.send('Deudas de alquiler\nAislamiento social'))).toContain('¿La persona reconoce estos 2 problemas como suyos?');
    const summary = joined(await harness.send('sí'));
    expect(summary).toContain('- Sesiones: 8');
    expect(summary).toContain('Del lunes, 23 de noviembre de 2026 al lunes, 18 de enero de 2027 (8 semanas)');
    expect(summary).toContain('escribe otro número de sesiones');
    expect(summary).not.toContain('¿Cuántas sesiones');
    expect(joined(await harness.send('10'))).toContain('- Sesiones: 10');
    expect(joined(await harness.send('10 semanas'))).toContain('(10 semanas)');
    expect(joined(await harness.send('quizá'))).toContain('Responde «sí» o «no», o cambia el plan');
    expect(joined(await harness.send('sí'))).toContain(`Contrato guardado en el caso ${ES}: 2 problema(s) diana, 10 sesiones`);
    expect((await stored(ES)).contract).toMatchObject({
      targetProblems: [
        { text: 'Deudas de alquiler', acknowledgedByClient: true },
        { text: 'Aislamiento social', acknowledgedByClient: true },
      ],
      sessions: 10,
      startDate: '2026-11-23',
      endDate: '2027-02-01',
    });
  });

  it('in English: problems not acknowledged are asked again; the start can be moved in the summary', async () => {
    await start([englishCase()], 'worker-en');
    await harness.send(`contract ${EN}`, 'worker-en');
    await harness.send('Rent arrears\nLoneliness', 'worker-en');
    expect(joined(await harness.send('no', 'worker-en'))).toContain('Type them again, only those the client acknowledges');
    await harness.send('Rent arrears\nDebts', 'worker-en');
    await harness.send('yes', 'worker-en');
    expect(joined(await harness.send('starts 30/11/2026', 'worker-en'))).toContain('From Monday, 30 November 2026 to Monday, 25 January 2027 (8 weeks)');
    expect(joined(await harness.send('no', 'worker-en'))).toContain('has not been saved');
    expect((await stored(EN)).contract).toBeUndefined();
  });
});

describe('task typed with who does it and by when', () => {
  it('in Spanish: the only goal taken, owner and date from the sentence, obstacles with their kinds, the cadence changed in the summary', async () => {
    await start([caseRecord({ id: ES, goals: [goal()] })]);
    const what = joined(await harness.send(`tarea ${ES}`));
    expect(what).toContain('Tarea para el objetivo «Ana presenta la solicitud de vivienda»');
    const obstacles = joined(await harness.send('Pedir la nómina a la empresa, la persona usuaria, para el viernes'));
    expect(obstacles).toContain('Obstáculo previsto 1');
    expect(obstacles).not.toContain('¿Quién la hace?');
    const summary = joined(await harness.send('Le da miedo llamar (interno)\nNo tiene saldo (externo)'));
    expect(summary).toContain('- Quién: La persona usuaria');
    expect(summary).toContain('- Para el: viernes, 27 de noviembre de 2026');
    expect(summary).toContain('Le da miedo llamar (Interno); No tiene saldo (Externo)');
    expect(summary).toContain('- Seguimiento: cada 7 días (escribe otro número para cambiarlo)');
    expect(joined(await harness.send('cada 14 días'))).toContain('- Seguimiento: cada 14 días');
    expect(joined(await harness.send('sí'))).toContain('Seguimiento cada 14 días');
    const [task] = (await stored(ES)).tasks;
    expect(task).toMatchObject({
      goalId: 'G-VIVIEN',
      description: 'Pedir la nómina a la empresa',
      owner: 'client',
      dueDate: '2026-11-27',
      obstacles: [
        { text: 'Le da miedo llamar', kind: 'internal' },
        { text: 'No tiene saldo', kind: 'external' },
      ],
      checkInEveryDays: 14,
      commitment: { at: NOW, confirmedBy: 'worker-1' },
    });
  });

  it('in Spanish: «sin objetivo» instead of the task asks again with no goal', async () => {
    await start([caseRecord({ id: ES, goals: [goal()] })]);
    await harness.send(`tarea ${ES}`);
    const again = joined(await harness.send('sin objetivo'));
    expect(again).toContain('¿Qué hay que hacer?');
    expect(again).not.toContain('Tarea para el objetivo');
    await harness.sendAll(['Llamar al colegio, yo, para el viernes', 'no']);
    expect(joined(await harness.send('sí'))).toContain('Es una tarea tuya');
    expect((await stored(ES)).tasks[0]).toMatchObject({ description: 'Llamar al colegio', owner: 'worker' });
    expect((await stored(ES)).tasks[0]!.goalId).toBeUndefined();
  });

  it('in English: an owner who needs a name is asked it; several obstacles need their kinds', async () => {
    await start([englishCase()], 'worker-en');
    await harness.send(`task ${EN}`, 'worker-en');
    expect(joined(await harness.send('Book the appointment, another professional, by Friday', 'worker-en'))).toContain('Which professional or service?');
    expect(joined(await harness.send('Job centre', 'worker-en'))).toContain('Anticipated obstacle 1');
    const kindsNeeded = joined(await harness.send('Forgets\nNo bus', 'worker-en'));
    expect(kindsNeeded).toContain('put the kind of each in brackets');
    expect(kindsNeeded).toContain('Anticipated obstacle 1');
    const summary = joined(await harness.send('Forgets (internal)\nNo bus (external)', 'worker-en'));
    expect(summary).toContain('- Due: Friday, 27 November 2026');
    expect(joined(await harness.send('yes', 'worker-en'))).toMatch(/Task T-[A-Z0-9]{6} saved/);
    expect((await stored(EN)).tasks[0]).toMatchObject({ owner: 'professional', ownerName: 'Job centre', dueDate: '2026-11-27', checkInEveryDays: 7 });
  });
});

describe('referral commands that carry their answers', () => {
  it('in Spanish: a new referral in a category with one service goes straight to the proposal', async () => {
    await start([caseRecord({ id: ES })]);
    const confirm = joined(await harness.send(`derivar a vivienda ${ES}`));
    expect(confirm).toContain('¿Propongo la derivación a «Oficina de Vivienda');
    expect(confirm).not.toContain('¿Qué quieres hacer?');
    expect(joined(await harness.send('sí'))).toContain('guardada como propuesta');
    expect((await stored(ES)).referrals).toMatchObject([{ serviceId: 'SV-VIVIEN', status: 'proposed' }]);
  });

  it('in Spanish: the only active referral advanced in one message, and a status it cannot reach asked again', async () => {
    await start([caseRecord({ id: ES, referrals: [referral()] })]);
    const confirm = joined(await harness.send(`derivación ${ES} aceptada: confirmado por teléfono`));
    expect(confirm).toContain('de «Derivada» a «Aceptada»');
    expect(confirm).not.toContain('Nota sobre este cambio');
    expect(joined(await harness.send('sí'))).toContain('actualizada: Aceptada');
    expect((await stored(ES)).referrals[0]!.history.at(-1)).toEqual({ status: 'accepted', at: NOW, by: 'worker-1', note: 'confirmado por teléfono' });

    const refused = joined(await harness.send(`derivación ${ES} propuesta`));
    expect(refused).toContain('no puede pasar a «Propuesta»');
    expect(refused).toContain('¿A qué estado pasa?');
    await harness.send('en curso');
    expect(joined(await harness.send('no'))).toContain('de «Aceptada» a «En curso»');
  });

  it('in English: a referral named by its number, declined with a note', async () => {
    const other = referral({ id: 'R-EXIST2', serviceId: 'SV-BANALI', category: 'food', status: 'proposed' });
    await start([englishCase({ referrals: [other, referral()] })], 'worker-en');
    const confirm = joined(await harness.send(`referral ${EN} advance 2 declined, no places left`, 'worker-en'));
    expect(confirm).toContain('from "Referred" to "Declined"');
    await harness.send('yes', 'worker-en');
    const [first, second] = (await stored(EN)).referrals;
    expect(first!.status).toBe('proposed');
    expect(second!.history.at(-1)).toEqual({ status: 'declined', at: NOW, by: 'worker-en', note: 'no places left' });
  });
});

describe('a contact typed as a phrase of intent', () => {
  it('in Spanish: type, minutes and with whom from the phrase, the date today', async () => {
    await start([caseRecord({ id: ES })]);
    const note = joined(await harness.send(`apunta una llamada de 20 minutos con Carmen en ${ES}`));
    expect(note).toContain('Nota del contacto');
    const summary = joined(await harness.send('Confirma la cita del martes'));
    expect(summary).toContain('- Fecha: lunes, 23 de noviembre de 2026');
    expect(summary).toContain('- Tipo: Llamada');
    expect(summary).toContain('- Duración: 20 min');
    expect(summary).toContain('- Con quién: Carmen');
    await harness.send('sí');
    expect((await stored(ES)).contacts).toMatchObject([
      { date: '2026-11-23', type: 'call', minutes: 20, withWhom: 'Carmen', note: 'Confirma la cita del martes' },
    ]);
  });

  it('in Spanish: the day and time said in the phrase, wherever it is said', async () => {
    await start([caseRecord({ id: ES })]);
    await harness.sendAll([`anota una visita con Carmen y su hija el viernes a las 10 en ${ES}`, '45']);
    const summary = joined(await harness.send('Revisamos los recibos'));
    expect(summary).toContain('- Fecha: viernes, 20 de noviembre de 2026');
    expect(summary).toContain('- Con quién: Carmen y su hija');
    await harness.send('sí');
    await harness.send(`apunta una llamada de 15 minutos ayer con el casero en ${ES}`);
    await harness.sendAll(['Acordamos el pago', 'sí']);
    expect((await stored(ES)).contacts).toMatchObject([
      { date: '2026-11-20', time: '10:00', type: 'visit', withWhom: 'Carmen y su hija' },
      { date: '2026-11-22', type: 'call', minutes: 15, withWhom: 'el casero' },
    ]);
  });

  it('in Spanish: a day that has not come yet is asked for, not taken', async () => {
    await start([caseRecord({ id: ES })]);
    const asked = joined(await harness.send(`apunta una llamada de 10 minutos con Carmen pasado mañana en ${ES}`));
    expect(asked).toContain('Fecha del contacto');
    expect(joined(await harness.send('hoy'))).toContain('lunes, 23 de noviembre de 2026');
    await harness.sendAll(['sí', 'Confirma la cita', 'sí']);
    expect((await stored(ES)).contacts).toMatchObject([{ date: '2026-11-23', minutes: 10, withWhom: 'Carmen' }]);
  });

  it('in Spanish: a day no calendar has is asked for, and kept out of «con quién»', async () => {
    await start([caseRecord({ id: ES })]);
    const asked = joined(await harness.send(`apunta una llamada de 10 minutos con la vecina el 31 de noviembre en ${ES}`));
    expect(asked).toContain('Fecha del contacto');
    await harness.sendAll(['ayer', 'sí', 'no']);
    await harness.send('sí');
    expect((await stored(ES)).contacts).toMatchObject([{ date: '2026-11-22', minutes: 10, withWhom: 'la vecina' }]);
  });

  it('in English: only what the phrase leaves out is asked', async () => {
    await start([englishCase()], 'worker-en');
    const minutes = joined(await harness.send(`I'd like to log a visit on ${EN}`, 'worker-en'));
    expect(minutes).toContain('Length in minutes');
    expect(minutes).not.toContain('Date of the contact');
    await harness.sendAll(['30', 'John and his sister', 'no'], 'worker-en');
    await harness.send('yes', 'worker-en');
    expect((await stored(EN)).contacts).toMatchObject([{ date: '2026-11-23', type: 'visit', minutes: 30, withWhom: 'John and his sister', note: '' }]);
  });

  it('in English: the day said in the phrase', async () => {
    await start([englishCase()], 'worker-en');
    await harness.send(`log a call of 20 minutes with his sister yesterday on ${EN}`, 'worker-en');
    const summary = joined(await harness.send('Talked about the rent', 'worker-en'));
    expect(summary).toContain('- With whom: his sister');
    await harness.send('yes', 'worker-en');
    expect((await stored(EN)).contacts).toMatchObject([{ date: '2026-11-22', type: 'call', minutes: 20, withWhom: 'his sister' }]);
  });
});

describe('answers given together', () => {
  it('advocacy in Spanish and English: the level with the barrier type', async () => {
    await start([caseRecord({ id: ES }), englishCase()]);
    await harness.sendAll([`defensa ${ES}`, 'Reclamación a la oficina']);
    expect(joined(await harness.send('requisitos, macro'))).toContain('Describe la barrera');
    const outcome = joined(await harness.send('Exigen dos años de padrón'));
    expect(outcome).toContain('Resultado de la acción');
    expect(outcome).not.toContain('Nivel de la barrera');
    await harness.sendAll(['no', 'sí']);
    expect((await stored(ES)).advocacy).toMatchObject([{ barrierType: 'eligibility', level: 'macro' }]);

    await harness.send('hello', 'worker-en');
    await harness.sendAll([`advocacy ${EN}`, 'Complaint to the office', 'procedure, micro', 'Forms only online'], 'worker-en');
    await harness.sendAll(['no', 'yes'], 'worker-en');
    expect((await stored(EN)).advocacy).toMatchObject([{ barrierType: 'procedure', level: 'micro' }]);
  });

  it('progress in Spanish and English: the task by its number, the obstacles with the rating', async () => {
    const tasks = [taskRecord({ id: 'T-PRIMER', description: 'Pedir el padrón' }), taskRecord()];
    await start([caseRecord({ id: ES, tasks }), englishCase({ tasks })]);
    expect(joined(await harness.send(`avance ${ES} tarea 2`))).toContain('escala de 4 puntos');
    // The rating may come with more words, and is still offered as buttons.
    const buttons = harness.lastReplies.at(-1)?.suggestedActions?.actions.map((a) => a.title);
    expect(buttons).toContain('Sustancialmente conseguida');
    const saved = joined(await harness.send('2, le costó pedir cita'));
    expect(saved).toContain('Avance registrado en «Presentar la solicitud de vivienda»');
    expect((await stored(ES)).tasks[1]!.progress).toEqual([{ at: NOW, rating: 2, obstacles: 'le costó pedir cita', source: 'worker', by: 'worker-1' }]);

    await harness.send('hello', 'worker-en');
    await harness.send(`record progress on task 1 ${EN}`, 'worker-en');
    const savedEn = joined(await harness.send('no opportunity - the office was closed', 'worker-en'));
    expect(savedEn).toContain('No opportunity');
    expect((await stored(EN)).tasks[0]!.progress).toEqual([
      { at: NOW, rating: 'noOpportunity', obstacles: 'the office was closed', source: 'worker', by: 'worker-en' },
    ]);
  });
});

describe("a client's phrase of intent", () => {
  const CLIENT = 'client-1';
  const linked = async (language: 'es' | 'en') => {
    const record = caseRecord({ id: ES, tasks: [taskRecord()], client: { ...caseRecord().client, language } });
    harness = await createHarness({ cases: [record] });
    await harness.store.repositories.clientLinks.put({ id: CLIENT, caseId: ES, linkedAt: '2026-11-20T10:00:00.000Z', codeId: 'ABCD' });
    await harness.send(language === 'es' ? 'hola' : 'hello', CLIENT);
  };

  it('in Spanish: «quiero contar cómo me va» opens the check-in', async () => {
    await linked('es');
    expect(joined(await harness.send('quiero contar cómo me va', CLIENT))).toContain('Presentar la solicitud de vivienda');
  });

  it('in English: "I want to check in" opens the check-in', async () => {
    await linked('en');
    const replies = joined(await harness.send('I want to check in', CLIENT));
    expect(replies).toContain('Presentar la solicitud de vivienda');
    expect(replies).not.toMatch(/did not understand/i);
  });
});
