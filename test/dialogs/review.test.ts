import { afterEach, describe, expect, it } from 'vitest';
import { LIFE_DOMAINS, type Assessment, type Case, type Goal, type Task } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const AT = '2026-08-20T10:00:00.000Z';
/** Case ids use the readable alphabet, so that a command can carry one. */
const CASE_ID = 'C-ANAP23';

/** A completed assessment: income 3, employment 2, housing 2, mental health 4, the rest n/a. */
function assessment(overrides: Partial<Assessment> = {}): Assessment {
  const ratings = Object.fromEntries(LIFE_DOMAINS.map((d) => [d, null])) as Assessment['ratings'];
  return {
    id: 'V-FIRST1',
    kind: 'initial',
    startedAt: AT,
    completedAt: AT,
    by: 'worker-1',
    ratings: { ...ratings, income: 3, employment: 2, housing: 2, mentalHealth: 4 },
    strengths: { personal: 'Constancia' },
    context: {},
    notes: {},
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2026-11-18',
    ...overrides,
  };
}

function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'G-1',
    domain: 'housing',
    text: 'Presentar la solicitud de vivienda',
    actor: 'Ana',
    indicator: 'solicitud registrada',
    target: 'registrada',
    deadline: '2027-01-31',
    support: '',
    obstacles: '',
    dependsOnThirdParty: false,
    agreement: { at: AT, recordedBy: 'worker-1' },
    status: 'active',
    createdAt: AT,
    createdBy: 'worker-1',
    ...overrides,
  };
}

function task(overrides: Partial<Task> = {}): Task {
  return {
    id: 'T-1',
    goalId: 'G-1',
    description: 'Reunir los papeles',
    owner: 'client',
    dueDate: '2026-12-15',
    obstacles: [],
    checkInEveryDays: 7,
    commitment: { at: AT, confirmedBy: 'worker-1' },
    status: 'open',
    progress: [
      { at: '2026-11-02T10:00:00.000Z', rating: 2, source: 'client', by: 'client-1' },
      { at: '2026-11-16T10:00:00.000Z', rating: 3, source: 'worker', by: 'worker-1' },
    ],
    createdAt: AT,
    createdBy: 'worker-1',
    ...overrides,
  };
}

function reviewCase(overrides: Partial<Case> = {}): Case {
  return caseRecord({
    id: CASE_ID,
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2026-11-18',
    assessments: [assessment()],
    goals: [goal()],
    tasks: [task()],
    ...overrides,
  });
}

const stored = async () => (await harness.store.repositories.cases.get(CASE_ID))!;
const joined = (replies: string[]) => replies.join('\n');

describe('review dialog (Spanish)', () => {
  it('shows progress, re-rates the domains with the change per domain, and saves a continue decision with a typed date', async () => {
    harness = await createHarness({ cases: [reviewCase()] });
    await harness.send('hola');
    await harness.send('reevaluación');
    const progress = joined(await harness.send('1'));
    expect(progress).toContain('Reevaluación del caso C-ANAP23 (Ana P.)');
    expect(progress).toContain('Objetivo «Presentar la solicitud de vivienda» · activo');
    expect(progress).toContain('media de sus tareas: 2,5/4 · último grado de logro: 3 (sustancialmente), el lunes, 16 de noviembre de 2026');
    expect(progress).toContain('Tarea «Reunir los papeles» · media: 2,5/4');
    expect(progress).toContain('vuelve a puntuar los 4 ámbitos valorados el jueves, 20 de agosto de 2026');
    expect(progress).toContain('Ámbito 1 de 4: ingresos (antes: 3)');

    await harness.send('4');
    const housing = joined(await harness.send('igual'));
    expect(housing).toContain('Ámbito 3 de 4: vivienda (antes: 2)');
    expect(joined(await harness.send('siete'))).toContain('Elige una opción');
    await harness.send('3');
    const changes = joined(await harness.send('n/a'));
    expect(changes).toContain('- ingresos: 3 → 4 (mejora)');
    expect(changes).toContain('- empleo: 2 → 2 (igual)');
    expect(changes).toContain('- vivienda: 2 → 3 (mejora)');
    expect(changes).toContain('- salud mental: 4 → n/a (no aplica)');
    expect(changes).not.toContain('alimentación');
    expect(changes).toContain('la intensidad recomendada es moderada (ahora: moderada)');
    expect(changes).toContain('¿Qué decides para el caso?');

    const proposal = joined(await harness.send('continuar'));
    expect(proposal).toContain('Próxima revisión propuesta por la intensidad moderada: lunes, 22 de febrero de 2027');
    expect(joined(await harness.send('hoy'))).toContain('tiene que ser posterior a hoy');
    expect(joined(await harness.send('cuando sea'))).toContain('No he entendido la fecha');
    expect(joined(await harness.send('15/01/2027'))).toContain('viernes, 15 de enero de 2027');
    await harness.send('sí');
    const summary = joined(await harness.send('Buena evolución'));
    expect(summary).toContain('Ámbitos puntuados de nuevo: 4');
    expect(summary).toContain('Decisión: Continuar');
    expect(summary).toContain('Próxima revisión: viernes, 15 de enero de 2027');
    expect((await stored()).reviews).toHaveLength(0);
    expect(joined(await harness.send('sí'))).toContain('Reevaluación guardada en el caso C-ANAP23');

    const record = await stored();
    expect(record.assessments).toHaveLength(2);
    const rerated = record.assessments[1]!;
    expect(rerated).toMatchObject({
      kind: 'review',
      by: 'worker-1',
      strengths: { personal: 'Constancia' },
      intensity: 'moderate',
      completedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(rerated.ratings).toMatchObject({ income: 4, employment: 2, housing: 3, mentalHealth: null, food: null, safety: null });
    expect(Object.keys(rerated.ratings)).toHaveLength(LIFE_DOMAINS.length);
    expect(record.reviews).toHaveLength(1);
    const review = record.reviews[0]!;
    expect(review).toMatchObject({
      by: 'worker-1',
      decision: 'continue',
      nextReviewDate: '2027-01-15',
      note: 'Buena evolución',
      assessmentId: rerated.id,
      at: '2026-11-23T09:00:00.000Z',
    });
    expect(review.newModel).toBeUndefined();
    expect(review.newIntensity).toBeUndefined();
    expect(record).toMatchObject({ status: 'open', nextReviewDate: '2027-01-15', intensity: 'moderate', contactEveryDays: 21, model: 'strengths' });
    expect(record.alerts).toHaveLength(0);
  });

  it('changes the approach: new intensity with its contact frequency, the proposed date accepted with "ok", a supervisor alert for a domain in crisis', async () => {
    harness = await createHarness({ cases: [reviewCase()] });
    await harness.send('hola');
    await harness.sendAll(['reevaluación C-ANAP23', 'igual', 'igual', '1']);
    const changes = joined(await harness.send('igual'));
    expect(changes).toContain('- vivienda: 2 → 1 (empeora)');
    expect(changes).toContain('la intensidad recomendada es intensiva (ahora: moderada)');
    expect(joined(await harness.send('cambiar el enfoque'))).toContain('¿Qué cambia?');
    const intensities = joined(await harness.send('intensidad'));
    expect(intensities).toContain('Intensidad nueva (ahora: moderada; recomendada: intensiva)');
    expect(intensities).toContain('1. intensiva: contacto cada 7 días, revisión a los 30 días');
    expect(intensities).toContain('2. básica: contacto cada 30 días, revisión a los 180 días');
    expect(intensities).not.toContain('moderada: contacto');
    expect(joined(await harness.send('1'))).toContain('Próxima revisión propuesta por la intensidad intensiva: miércoles, 23 de diciembre de 2026');
    await harness.send('ok');
    const summary = joined(await harness.send('no'));
    expect(summary).toContain('Intensidad: moderada → intensiva');
    expect(summary).not.toContain('Modelo:');
    const saved = joined(await harness.send('sí'));
    expect(saved).toContain('Próxima revisión: miércoles, 23 de diciembre de 2026');
    expect(saved).toContain('intensidad intensiva, contacto cada 7 días');
    expect(saved).toContain('aviso a supervisión: ámbito en crisis');

    const record = await stored();
    expect(record).toMatchObject({ intensity: 'intensive', contactEveryDays: 7, nextReviewDate: '2026-12-23', model: 'strengths' });
    expect(record.reviews[0]).toMatchObject({ decision: 'changeApproach', newIntensity: 'intensive', nextReviewDate: '2026-12-23', note: '', by: 'worker-1' });
    expect(record.reviews[0]!.newModel).toBeUndefined();
    expect(record.alerts).toEqual([expect.objectContaining({ kind: 'domainCrisis', at: '2026-11-23T09:00:00.000Z' })]);
  });

  it('asks again about a safety concern the last assessment had', async () => {
    harness = await createHarness({ cases: [reviewCase({ assessments: [assessment({ safetyConcern: true, intensity: 'intensive' })] })] });
    await harness.send('hola');
    await harness.sendAll(['reevaluación C-ANAP23', '4', '4', '4']);
    expect(joined(await harness.send('4'))).toContain('¿Sigue habiéndola?');
    const changes = joined(await harness.send('no'));
    expect(changes).toContain('la intensidad recomendada es básica');
    await harness.sendAll(['continuar', 'ok', '-']);
    await harness.send('sí');
    expect((await stored()).assessments[1]).toMatchObject({ safetyConcern: false, intensity: 'basic' });
    expect((await stored()).alerts).toHaveLength(0);
  });

  it('reviews a case without a completed assessment: no re-rating, the date from the default intensity', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    const start = joined(await harness.send('reevaluación C-ANAP23'));
    expect(start).toContain('El caso aún no tiene objetivos ni tareas.');
    expect(start).toContain('no tiene ninguna valoración completada');
    expect(start).toContain('¿Qué decides para el caso?');
    expect(joined(await harness.send('continuar'))).toContain('propuesta por la intensidad moderada: lunes, 22 de febrero de 2027');
    await harness.sendAll(['ok', 'no']);
    await harness.send('sí');
    expect((await stored()).assessments).toHaveLength(0);
    expect((await stored()).reviews[0]).toMatchObject({ decision: 'continue', nextReviewDate: '2027-02-22' });
    expect((await stored()).reviews[0]!.assessmentId).toBeUndefined();
  });

  it('a decision to close saves the review and goes on into closure', async () => {
    harness = await createHarness({ cases: [reviewCase()] });
    await harness.send('hola');
    await harness.sendAll(['reevaluación C-ANAP23', 'igual', 'igual', 'igual', 'igual']);
    const summary = joined(await harness.sendAll(['cerrar', 'Se traslada']));
    expect(summary).toContain('Decisión: Cerrar el caso');
    expect(summary).toContain('no hace falta: el caso pasa al cierre');
    const closure = joined(await harness.send('sí'));
    expect(closure).toContain('Reevaluación guardada');
    expect(closure).toContain('pasamos al cierre');
    expect(closure).toContain('Cierre del caso C-ANAP23');
    expect(closure).toContain('¿Por qué se cierra el caso?');
    expect((await stored()).reviews[0]).toMatchObject({ decision: 'close', note: 'Se traslada' });
    expect((await stored()).status).toBe('open');

    // Cancel now names the closure: the review stays saved, the case open.
    expect(joined(await harness.send('cancelar'))).toContain('Cancelado: cierre del caso');
    expect(await stored()).toMatchObject({ status: 'open' });
    expect((await stored()).reviews).toHaveLength(1);
  });

  it('cancel and a "no" at the end store nothing', async () => {
    harness = await createHarness({ cases: [reviewCase()] });
    await harness.send('hola');
    await harness.sendAll(['reevaluación C-ANAP23', '5', '5']);
    const help = await harness.send('ayuda');
    expect(joined(help)).toContain('Reevaluación (paso 8 del proceso)');
    expect(help.at(-1)).toContain('Ámbito 3 de 4: vivienda');
    const cancelled = joined(await harness.send('cancelar'));
    expect(cancelled).toContain('Cancelado: reevaluación');
    expect((await stored()).assessments).toHaveLength(1);
    expect((await stored()).reviews).toHaveLength(0);

    await harness.sendAll(['reevaluación C-ANAP23', '5', '5', '5', '5', 'continuar', 'ok', 'no']);
    expect(joined(await harness.send('no'))).toContain('No he guardado la reevaluación');
    expect((await stored()).assessments).toHaveLength(1);
    expect((await stored()).reviews).toHaveLength(0);
    expect((await stored()).nextReviewDate).toBe('2026-11-18');
  });

  it('lets the team supervisor review a case, and no one outside the team', async () => {
    harness = await createHarness({ cases: [reviewCase()] });
    await harness.send('hola', 'super-sur');
    expect(joined(await harness.send('review C-ANAP23', 'super-sur'))).toContain('I cannot find case C-ANAP23');
    await harness.send('hola', 'super-1');
    await harness.sendAll(['reevaluación C-ANAP23', 'igual', 'igual', 'igual', 'igual', 'continuar', 'ok', 'no'], 'super-1');
    await harness.send('sí', 'super-1');
    expect((await stored()).reviews[0]).toMatchObject({ by: 'super-1', decision: 'continue' });
  });
});

describe('review dialog (English)', () => {
  it('changes both model and intensity, typed in English', async () => {
    const enCase = reviewCase({ id: 'C-ENGSH2', workerId: 'worker-en', team: 'sur', assessments: [assessment({ by: 'worker-en' })] });
    harness = await createHarness({ cases: [enCase] });
    await harness.send('hello', 'worker-en');
    const start = joined(await harness.send('review C-ENGSH2', 'worker-en'));
    expect(start).toContain('Goal "Presentar la solicitud de vivienda" · active');
    expect(start).toContain('average of its tasks: 2.5/4 · last rating: 3 (substantially), on Monday, 16 November 2026');
    expect(start).toContain('Domain 1 of 4: income (before: 3)');
    await harness.sendAll(['5', '4', 'same'], 'worker-en');
    const changes = joined(await harness.send('n/a', 'worker-en'));
    expect(changes).toContain('- income: 3 → 5 (better)');
    expect(changes).toContain('- mental health: 4 → n/a (not applicable)');
    await harness.sendAll(['change approach', 'both'], 'worker-en');
    const intensity = joined(await harness.send('clinical', 'worker-en'));
    expect(intensity).toContain('New intensity (now: moderate; recommended: moderate)');
    expect(joined(await harness.send('basic', 'worker-en'))).toContain('Next review proposed from the basic intensity: Monday, 24 May 2027');
    expect(joined(await harness.send('in two weeks', 'worker-en'))).toContain('Monday, 7 December 2026');
    await harness.send('yes', 'worker-en');
    const summary = joined(await harness.send('Moving to clinical work', 'worker-en'));
    expect(summary).toContain('Model: Strengths-based → Clinical');
    expect(summary).toContain('Intensity: moderate → basic');
    expect(joined(await harness.send('yes', 'worker-en'))).toContain('Review saved on case C-ENGSH2. Next review: Monday, 7 December 2026.');

    const record = (await harness.store.repositories.cases.get('C-ENGSH2'))!;
    expect(record).toMatchObject({ model: 'clinical', intensity: 'basic', contactEveryDays: 30, nextReviewDate: '2026-12-07' });
    expect(record.reviews[0]).toMatchObject({
      by: 'worker-en',
      decision: 'changeApproach',
      newModel: 'clinical',
      newIntensity: 'basic',
      note: 'Moving to clinical work',
    });
    expect(record.assessments[1]!.ratings).toMatchObject({ income: 5, employment: 4, housing: 2, mentalHealth: null });
  });
});

describe('review re-rating by exception', () => {
  /** Every message typed from the command to the saved review, re-rating in one message. */
  const FEW_MESSAGES_ES = ['reevaluación C-ANAP23', 'igual salvo empleo 3', 'continuar', 'ok', 'Buena evolución', 'sí'];

  it('a review from the command to saved in 6 typed messages', async () => {
    expect(FEW_MESSAGES_ES.length).toBeLessThanOrEqual(6);
    harness = await createHarness({ cases: [reviewCase()] });
    await harness.send('hola');
    const replies: string[] = [];
    for (const typed of FEW_MESSAGES_ES) replies.push(joined(await harness.send(typed)));
    const [start, changes, proposal, note, summary, saved] = replies;
    expect(start).toContain('También en un mensaje: «todo igual», «igual salvo empleo 3, vivienda 4» o los 4 niveles en orden.');
    expect(start).toContain('Ámbito 1 de 4: ingresos (antes: 3)');
    expect(changes).toContain('- ingresos: 3 → 3 (igual)\n- empleo: 2 → 3 (mejora)\n- vivienda: 2 → 2 (igual)\n- salud mental: 4 → 4 (igual)');
    expect(changes).toContain('la intensidad recomendada es moderada (ahora: moderada)');
    expect(changes).toContain('¿Qué decides para el caso?');
    expect(proposal).toContain('Próxima revisión propuesta por la intensidad moderada: lunes, 22 de febrero de 2027');
    expect(note).toContain('Nota de la reevaluación');
    expect(summary).toContain('Ámbitos puntuados de nuevo: 4');
    expect(saved).toContain('Reevaluación guardada en el caso C-ANAP23. Próxima revisión: lunes, 22 de febrero de 2027.');
    const record = await stored();
    expect(record.assessments[1]!.ratings).toMatchObject({ income: 3, employment: 3, housing: 2, mentalHealth: 4, food: null });
    expect(record.reviews[0]).toMatchObject({ decision: 'continue', nextReviewDate: '2027-02-22', note: 'Buena evolución' });
  });

  it('«todo igual excepto …» and «todo igual» fill every re-rating; the safety question still follows', async () => {
    harness = await createHarness({ cases: [reviewCase({ assessments: [assessment({ safetyConcern: true, intensity: 'intensive' })] })] });
    await harness.send('hola');
    await harness.send('reevaluación C-ANAP23');
    expect(joined(await harness.send('todo igual excepto vivienda 3, empleo 4'))).toContain('¿Sigue habiéndola?');
    const changes = joined(await harness.send('no'));
    expect(changes).toContain('- empleo: 2 → 4 (mejora)');
    expect(changes).toContain('- vivienda: 2 → 3 (mejora)');
    expect(changes).toContain('- salud mental: 4 → 4 (igual)');
    await harness.send('cancelar');

    await harness.send('reevaluación C-ANAP23');
    await harness.send('todo igual');
    const unchanged = joined(await harness.send('sí'));
    expect(unchanged).toContain('- ingresos: 3 → 3 (igual)\n- empleo: 2 → 2 (igual)\n- vivienda: 2 → 2 (igual)\n- salud mental: 4 → 4 (igual)');
    expect(unchanged).toContain('¿Qué decides para el caso?');
  });

  it('a partial message fills those and asks the rest one by one; «igual» alone still answers one domain', async () => {
    harness = await createHarness({ cases: [reviewCase()] });
    await harness.send('hola');
    await harness.send('reevaluación C-ANAP23');
    const partial = joined(await harness.send('vivienda 3, salud mental n/a'));
    expect(partial).toContain('Anotado: vivienda 3, salud mental n/a. Faltan 2: sigo uno a uno.');
    expect(partial).toContain('Ámbito 1 de 4: ingresos (antes: 3)');
    expect(joined(await harness.send('igual'))).toContain('Ámbito 2 de 4: empleo (antes: 2)');
    const changes = joined(await harness.send('1'));
    expect(changes).toContain('- empleo: 2 → 1 (empeora)');
    expect(changes).toContain('- vivienda: 2 → 3 (mejora)');
    expect(changes).toContain('- salud mental: 4 → n/a (no aplica)');
    expect(changes).toContain('la intensidad recomendada es intensiva');
  });

  it('refuses what it cannot read, says what is wrong, and keeps the levels given', async () => {
    harness = await createHarness({ cases: [reviewCase()] });
    await harness.send('hola');
    await harness.sendAll(['reevaluación C-ANAP23', '4']);
    const seven = joined(await harness.send('igual salvo vivienda 7'));
    expect(seven).toContain('No he anotado ese mensaje: «7» no es un nivel (usa 1–5 o «n/a»). Lo que ya tenías sigue igual.');
    expect(seven).toContain('Ámbito 2 de 4: empleo');
    expect(joined(await harness.send('igual salvo ocio 3'))).toContain('no conozco el ámbito «ocio»');
    expect(joined(await harness.send('3 3 2'))).toContain('hay 3 niveles sin ámbito y hacen falta 4, uno por ámbito y en orden');
    expect(joined(await harness.send('siete'))).toContain('Elige una opción');
    const changes = joined(await harness.send('igual salvo vivienda 3'));
    expect(changes).toContain('- ingresos: 3 → 4 (mejora)');
    expect(changes).toContain('- vivienda: 2 → 3 (mejora)');
    // The whole list in order replaces one by one.
    await harness.send('cancelar');
    await harness.send('reevaluación C-ANAP23');
    const inOrder = joined(await harness.send('5 4 3 n/a'));
    expect(inOrder).toContain('- ingresos: 3 → 5 (mejora)\n- empleo: 2 → 4 (mejora)\n- vivienda: 2 → 3 (mejora)\n- salud mental: 4 → n/a (no aplica)');
  });

  it('in English: «same except housing 3»', async () => {
    const enCase = reviewCase({ id: 'C-ENGSH2', workerId: 'worker-en', team: 'sur', assessments: [assessment({ by: 'worker-en' })] });
    harness = await createHarness({ cases: [enCase] });
    await harness.send('hello', 'worker-en');
    const start = joined(await harness.send('review C-ENGSH2', 'worker-en'));
    expect(start).toContain('Also in one message: "all same", "same except employment 3, housing 4" or the 4 levels in order.');
    expect(joined(await harness.send('Same except mental health building, income vulnerable', 'worker-en'))).toContain('- income: 3 → 2 (worse)');
    await harness.send('cancel', 'worker-en');
    await harness.send('review C-ENGSH2', 'worker-en');
    const changes = joined(await harness.send('same except housing 3', 'worker-en'));
    expect(changes).toContain('- income: 3 → 3 (same)\n- employment: 2 → 2 (same)\n- housing: 2 → 3 (better)\n- mental health: 4 → 4 (same)');
    expect(changes).toContain('What do you decide for the case?');
    await harness.sendAll(['continue', 'ok', 'no'], 'worker-en');
    expect(joined(await harness.send('yes', 'worker-en'))).toContain('Review saved on case C-ENGSH2');
    expect((await harness.store.repositories.cases.get('C-ENGSH2'))!.assessments[1]!.ratings).toMatchObject({
      income: 3,
      employment: 2,
      housing: 3,
      mentalHealth: 4,
    });
  });
});
