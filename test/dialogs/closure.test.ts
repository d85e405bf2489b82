import { afterEach, describe, expect, it } from 'vitest';
import { CaseClosedError } from '../../src/domain/errors.js';
import type { Case, Goal } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const AT = '2026-10-01T09:00:00.000Z';
const CASE_ID = 'C-CRRE22';

function goal(id: string, text: string, status: Goal['status'] = 'active'): Goal {
  return {
    id,
    domain: 'housing',
    text,
    actor: 'Ana',
    indicator: 'hecho',
    target: 'sí',
    deadline: '2027-01-31',
    support: '',
    obstacles: '',
    dependsOnThirdParty: false,
    agreement: { at: AT, recordedBy: 'worker-1' },
    status,
    createdAt: AT,
    createdBy: 'worker-1',
  };
}

function closableCase(overrides: Partial<Case> = {}): Case {
  return caseRecord({
    id: CASE_ID,
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2027-01-30',
    goals: [goal('G-1', 'Presentar la solicitud de vivienda'), goal('G-2', 'Buscar empleo a media jornada'), goal('G-3', 'Empadronarse', 'achieved')],
    ...overrides,
  });
}

const stored = async (id = CASE_ID) => (await harness.store.repositories.cases.get(id))!;
const joined = (replies: string[]) => replies.join('\n');

describe('closure dialog (Spanish)', () => {
  it('closes with a reason, an outcome per active goal and a summary; the case is then read-only', async () => {
    harness = await createHarness({ cases: [closableCase()] });
    await harness.send('hola');
    await harness.send('cierre');
    const reason = joined(await harness.send('1'));
    expect(reason).toContain('Cierre del caso C-CRRE22 (Ana P.).');
    expect(reason).toContain('¿Por qué se cierra el caso?');
    expect(reason).toContain('5. Otro motivo');
    expect(joined(await harness.send('9'))).toContain('Elige una opción');
    expect(joined(await harness.send('otro'))).toContain('¿Cuál es el motivo?');
    expect(joined(await harness.send('Se muda a otra ciudad'))).toContain('Objetivo 1 de 2: «Presentar la solicitud de vivienda». ¿Resultado?');
    expect(joined(await harness.send('quizás'))).toContain('Elige una opción');
    expect(joined(await harness.send('logrado'))).toContain('Objetivo 2 de 2: «Buscar empleo a media jornada»');
    expect(joined(await harness.send('en parte'))).toContain('Resumen del cierre (situación final');
    const summary = joined(await harness.send('Vivienda conseguida; empleo en curso.'));
    expect(summary).toContain('- Motivo: Otro motivo (Se muda a otra ciudad)');
    expect(summary).toContain('  - Presentar la solicitud de vivienda: Logrado');
    expect(summary).toContain('  - Buscar empleo a media jornada: Logrado en parte');
    expect(summary).not.toContain('Empadronarse');
    expect((await stored()).status).toBe('open');
    const closed = joined(await harness.send('sí'));
    expect(closed).toContain('Caso C-CRRE22 cerrado. Ahora es de solo lectura');

    const record = await stored();
    expect(record.status).toBe('closed');
    expect(record.closure).toEqual({
      at: '2026-11-23T09:00:00.000Z',
      by: 'worker-1',
      reason: 'other',
      reasonNote: 'Se muda a otra ciudad',
      outcomes: [
        { goalId: 'G-1', outcome: 'achieved' },
        { goalId: 'G-2', outcome: 'partial' },
      ],
      summary: 'Vivienda conseguida; empleo en curso.',
    });
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'case.close', caseId: CASE_ID, outcome: 'ok' }));

    // Read-only from now on: other dialogs refuse it with the closed message…
    expect(joined(await harness.send(`contacto ${CASE_ID}`))).toContain(`El caso ${CASE_ID} está cerrado y es de solo lectura`);
    expect(joined(await harness.send(`objetivo ${CASE_ID}`))).toContain(`El caso ${CASE_ID} está cerrado y es de solo lectura`);
    expect(joined(await harness.send(`reevaluación ${CASE_ID}`))).toContain(`El caso ${CASE_ID} está cerrado y es de solo lectura`);
    // …and so does the case service, whatever the change.
    const worker = (await harness.store.repositories.staff.get('worker-1'))!;
    await expect(harness.services.cases.change({ kind: 'staff', id: 'worker-1', staff: worker }, CASE_ID, 'goal.create', (c) => c)).rejects.toBeInstanceOf(
      CaseClosedError,
    );
    expect((await stored()).closure?.summary).toBe('Vivienda conseguida; empleo en curso.');
  });

  it('closes a case without active goals, by its team supervisor', async () => {
    harness = await createHarness({ cases: [closableCase({ goals: [] })] });
    await harness.send('hola', 'super-1');
    const goals = joined(await harness.sendAll([`cierre ${CASE_ID}`, 'objetivos cumplidos'], 'super-1'));
    expect(goals).toContain('El caso no tiene objetivos activos');
    expect(goals).toContain('Resumen del cierre');
    const summary = joined(await harness.send('Objetivos cumplidos en plazo', 'super-1'));
    expect(summary).toContain('(sin objetivos activos)');
    await harness.send('sí', 'super-1');
    expect(await stored()).toMatchObject({
      status: 'closed',
      closure: { by: 'super-1', reason: 'goalsMet', outcomes: [], summary: 'Objetivos cumplidos en plazo' },
    });
    expect((await stored()).closure?.reasonNote).toBeUndefined();
  });

  it('needs a summary, and stores nothing on cancel or on "no"', async () => {
    harness = await createHarness({ cases: [closableCase()] });
    await harness.send('hola');
    await harness.sendAll([`cierre ${CASE_ID}`, 'traslado', 'logrado', 'no logrado']);
    expect(joined(await harness.send('   '))).toContain('Necesito una respuesta');
    expect(joined(await harness.send(''))).toContain('Resumen del cierre (situación final');
    await harness.send('Traslado a otro municipio');
    expect(joined(await harness.send('no'))).toContain('No he cerrado el caso; sigue abierto.');
    expect(await stored()).toMatchObject({ status: 'open' });
    expect((await stored()).closure).toBeUndefined();

    await harness.sendAll([`cierre ${CASE_ID}`, 'petición']);
    expect(joined(await harness.send('cancelar'))).toContain('Cancelado: cierre del caso');
    expect((await stored()).status).toBe('open');
    expect((await stored()).closure).toBeUndefined();
  });

  it('does not offer a closed case, and keeps cases out of reach of other teams', async () => {
    harness = await createHarness({ cases: [closableCase()] });
    await harness.send('hello', 'super-sur');
    expect(joined(await harness.send(`close ${CASE_ID}`, 'super-sur'))).toContain(`I cannot find case ${CASE_ID}`);
    await harness.send('hola');
    await harness.sendAll([`cierre ${CASE_ID}`, 'pérdida de contacto', 'no logrado', 'no logrado', 'Sin noticias']);
    await harness.send('sí');
    expect(joined(await harness.send('cierre'))).toContain('No tienes casos abiertos para esto.');
    expect(joined(await harness.send(`cierre ${CASE_ID}`))).toContain('está cerrado y es de solo lectura');
  });
});

describe('closure dialog (English)', () => {
  it('closes a case typed in English', async () => {
    harness = await createHarness({ cases: [closableCase({ id: 'C-ENGSH2', workerId: 'worker-en', team: 'sur' })] });
    await harness.send('hello', 'worker-en');
    const reason = joined(await harness.send('close case C-ENGSH2', 'worker-en'));
    expect(reason).toContain('Why is the case being closed?');
    expect(reason).toContain("2. At the client's request");
    expect(joined(await harness.send('client request', 'worker-en'))).toContain('Goal 1 of 2: "Presentar la solicitud de vivienda". Outcome?');
    await harness.sendAll(['not achieved', 'partly'], 'worker-en');
    const summary = joined(await harness.send('Client asked to stop.', 'worker-en'));
    expect(summary).toContain("- Reason: At the client's request");
    expect(summary).toContain('  - Buscar empleo a media jornada: Partly achieved');
    expect(joined(await harness.send('yes', 'worker-en'))).toContain('Case C-ENGSH2 closed. It is now read-only');
    expect(await stored('C-ENGSH2')).toMatchObject({
      status: 'closed',
      closure: {
        by: 'worker-en',
        reason: 'clientRequest',
        summary: 'Client asked to stop.',
        outcomes: [
          { goalId: 'G-1', outcome: 'notAchieved' },
          { goalId: 'G-2', outcome: 'partial' },
        ],
      },
    });
  });
});
