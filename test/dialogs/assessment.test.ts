import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/domain/config.js';
import { addDays } from '../../src/domain/dates.js';
import { LIFE_DOMAINS, type Assessment, type Case } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const TODAY = '2026-11-23';
const CASE_ID = 'C-TEST22';
const EN_CASE_ID = 'C-TESTEN';

/** Strengths, the client's view, aspirations and context, in the order they are asked. */
const PROFILE_ES = [
  'Constancia y buen humor',
  'Su hermana la apoya',
  'no',
  'Quiere volver a trabajar',
  'Un empleo estable',
  'En paro desde marzo',
  'no',
  '-',
  'no',
];
const PROFILE_EN = ['Persistent', 'no', 'Local church group', 'Wants to work again', 'A stable job', '-', 'Lives alone', 'no', 'no'];
/** One answer per life domain, in LIFE_DOMAINS order. */
const MODERATE_LEVELS = ['3', '2', '4', '4', '5', 'n/a', '5', '3', '4', '4', '5', '4', '5', '5', 'no aplica'];
const GOOD_LEVELS = Array<string>(LIFE_DOMAINS.length).fill('5');
const NOTES_ES = ['Motivada', 'no', 'Listas de espera largas'];

async function storedCase(id = CASE_ID): Promise<Case> {
  return (await harness.store.repositories.cases.get(id))!;
}

/** Sends each message in turn and returns every reply, joined. */
async function sendEach(texts: string[], user = 'worker-1'): Promise<string> {
  const replies: string[] = [];
  for (const typed of texts) replies.push(...(await harness.send(typed, user)));
  return replies.join('\n');
}

function levelsWith(changes: Partial<Record<(typeof LIFE_DOMAINS)[number], string>>, base = '4'): string[] {
  return LIFE_DOMAINS.map((domain) => changes[domain] ?? base);
}

function englishCase(): Case {
  return caseRecord({
    id: EN_CASE_ID,
    workerId: 'worker-en',
    team: 'sur',
    client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
  });
}

describe('assessment dialog (Spanish)', () => {
  it('runs a full initial assessment, strengths first, and stores the recommendation from config', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    const opening = (await harness.send('valoración C-TEST22')).join('\n');
    expect(opening).toContain('Valoración inicial del caso C-TEST22');
    expect(opening).toContain('Fortalezas personales');

    const domainQuestions = await sendEach(PROFILE_ES);
    expect(domainQuestions).toContain('¿Cómo ve la persona su situación');
    expect(domainQuestions).toContain('Contexto institucional');
    expect(domainQuestions).toContain('Ámbito 1 de 15: ingresos');
    const levelReplies = await sendEach(MODERATE_LEVELS);
    // The scale is explained once, with the first domain only.
    expect((domainQuestions + levelReplies).match(/Escala:/g)).toHaveLength(1);
    expect(levelReplies).toContain('Ámbito 15 de 15: crianza y cuidado de menores');
    expect(levelReplies).toContain('preocupación por la seguridad');

    const result = await sendEach(['no', ...NOTES_ES]);
    const moderate = defaultConfig.intensity.moderate;
    expect(result).toContain('Intensidad recomendada: moderada');
    expect(result).toContain(`Contacto cada ${moderate.contactEveryDays} días`);
    expect(result).toContain('lunes, 22 de febrero de 2027');
    expect(result).toContain('Necesidades (nivel ≤ 3): empleo (2), ingresos (3), educación (3)');
    expect(result).not.toContain('Aviso a supervisión');
    expect(result).not.toContain('Cambio por ámbito');
    expect((await storedCase()).assessments).toHaveLength(0); // nothing before the worker confirms

    const saved = await sendEach(['sí']);
    expect(saved).toContain('Valoración guardada en el caso C-TEST22: intensidad moderada');
    const stored = await storedCase();
    expect(stored.intensity).toBe('moderate');
    expect(stored.contactEveryDays).toBe(moderate.contactEveryDays);
    expect(stored.nextReviewDate).toBe('2027-02-22');
    expect(stored.assessmentDraft).toBeUndefined();
    expect(stored.alerts).toEqual([]);
    expect(stored.assessments).toHaveLength(1);
    const assessment = stored.assessments[0]!;
    expect(assessment).toMatchObject({
      kind: 'initial',
      by: 'worker-1',
      completedAt: '2026-11-23T09:00:00.000Z',
      safetyConcern: false,
      intensity: 'moderate',
      contactEveryDays: moderate.contactEveryDays,
      nextReviewDate: '2027-02-22',
      strengths: { personal: 'Constancia y buen humor', family: 'Su hermana la apoya' },
      clientView: 'Quiere volver a trabajar',
      aspirations: 'Un empleo estable',
      context: { economic: 'En paro desde marzo' },
      notes: { micro: 'Motivada', macro: 'Listas de espera largas' },
    });
    expect(assessment.strengths).not.toHaveProperty('community');
    expect(assessment.context).not.toHaveProperty('social');
    expect(assessment.notes).not.toHaveProperty('meso');
    expect(assessment.ratings).toEqual({
      income: 3,
      employment: 2,
      housing: 4,
      food: 4,
      health: 5,
      mentalHealth: null,
      substanceUse: 5,
      education: 3,
      familyRelations: 4,
      socialSupport: 4,
      legal: 5,
      safety: 4,
      dailyLiving: 5,
      mobility: 5,
      childcare: null,
    });
    const audit = await harness.store.repositories.audit.readDay(TODAY);
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'assessment.save', caseId: CASE_ID, outcome: 'ok' }));
  });

  it('a domain at 1 makes the case intensive and records a supervisor alert', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES, ...levelsWith({ housing: '1' })]);
    const result = await sendEach(['no', 'no', 'no', 'no']);
    expect(result).toContain('Intensidad recomendada: intensiva');
    expect(result).toContain('Aviso a supervisión: ámbito en crisis: vivienda');
    const saved = await sendEach(['sí']);
    expect(saved).toContain('He registrado el aviso a supervisión');

    const stored = await storedCase();
    const intensive = defaultConfig.intensity.intensive;
    expect(stored.intensity).toBe('intensive');
    expect(stored.contactEveryDays).toBe(intensive.contactEveryDays);
    expect(stored.nextReviewDate).toBe(addDays(TODAY, intensive.reviewAfterDays));
    expect(stored.alerts).toHaveLength(1);
    // Ids only: an alert carries no text about the client.
    expect(Object.keys(stored.alerts[0]!).sort()).toEqual(['at', 'id', 'kind']);
    expect(stored.alerts[0]).toMatchObject({ kind: 'domainCrisis', at: '2026-11-23T09:00:00.000Z' });
  });

  it('a safety concern with good levels makes the case intensive and records a supervisor alert', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES, ...GOOD_LEVELS]);
    const result = await sendEach(['sí', 'no', 'no', 'no']);
    expect(result).toContain('Intensidad recomendada: intensiva');
    expect(result).toContain('Necesidades (nivel ≤ 3): ninguna');
    expect(result).toContain('Aviso a supervisión: preocupación por la seguridad');
    await sendEach(['sí']);
    const stored = await storedCase();
    expect(stored.intensity).toBe('intensive');
    expect(stored.assessments[0]!.safetyConcern).toBe(true);
    expect(stored.alerts.map((a) => a.kind)).toEqual(['safetyConcern']);
  });

  it('saves in parts, then continues where it stopped and finishes', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES, '3', '2', 'vulnerable', 'seguro']);
    const paused = await sendEach(['guardar']);
    expect(paused).toContain('guardada a medias: faltan 11 de 15 ámbitos');
    expect(paused).toContain('escribe «valoración»');

    let stored = await storedCase();
    expect(stored.assessments).toEqual([]);
    expect(stored.intensity).toBeUndefined();
    expect(stored.assessmentDraft).toMatchObject({
      kind: 'initial',
      by: 'worker-1',
      ratings: { income: 3, employment: 2, housing: 2, food: 3 },
      strengths: { personal: 'Constancia y buen humor', family: 'Su hermana la apoya' },
      clientView: 'Quiere volver a trabajar',
    });
    expect(stored.assessmentDraft!.completedAt).toBeUndefined();
    const audit = await harness.store.repositories.audit.readDay(TODAY);
    expect(audit).toContainEqual(expect.objectContaining({ action: 'assessment.draft', caseId: CASE_ID }));

    // The case picked last time is the current one, used without asking; the draft is offered first.
    harness.clock.now = new Date('2026-11-25T10:00:00Z');
    const offer = await sendEach(['valoración']);
    expect(offer).toContain('Caso C-TEST22 · Ana P.');
    expect(offer).toContain('tiene una valoración a medias, empezada el lunes, 23 de noviembre de 2026: faltan 11 de 15 ámbitos');
    const resumed = await sendEach(['continuar']);
    expect(resumed).toContain('Seguimos con la valoración del caso C-TEST22');
    expect(resumed).not.toContain('Fortalezas personales');
    expect(resumed).toContain('Escala:');
    expect(resumed).toContain('Ámbito 5 de 15: salud');

    await sendEach(['4', '4', 'pausa']); // a second pause keeps both parts
    expect((await storedCase()).assessmentDraft!.ratings).toMatchObject({ income: 3, health: 4, mentalHealth: 4 });
    await sendEach(['valoración C-TEST22', 'continuar']);
    const result = await sendEach([...MODERATE_LEVELS.slice(6), 'no', 'no', 'no', 'no']);
    expect(result).toContain('Intensidad recomendada: moderada');
    await sendEach(['sí']);

    stored = await storedCase();
    expect(stored.assessmentDraft).toBeUndefined();
    expect(stored.assessments).toHaveLength(1);
    expect(stored.assessments[0]!.ratings).toMatchObject({
      income: 3,
      employment: 2,
      housing: 2,
      food: 3,
      health: 4,
      mentalHealth: 4,
      substanceUse: 5,
      childcare: null,
    });
    expect(stored.assessments[0]!.strengths.personal).toBe('Constancia y buen humor');
    expect(stored.nextReviewDate).toBe(addDays('2026-11-25', defaultConfig.intensity.moderate.reviewAfterDays));
  });

  it('a reassessment shows the change per domain against the previous assessment', async () => {
    const previous: Assessment = {
      id: 'A-PREV01',
      kind: 'initial',
      startedAt: '2026-08-20T09:00:00.000Z',
      completedAt: '2026-08-20T10:00:00.000Z',
      by: 'worker-1',
      ratings: { ...Object.fromEntries(LIFE_DOMAINS.map((d) => [d, 3])), mentalHealth: null },
      strengths: { personal: 'Constancia' },
      context: {},
      notes: {},
      safetyConcern: false,
      intensity: 'moderate',
      contactEveryDays: 21,
      nextReviewDate: '2026-11-18',
    };
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID, assessments: [previous], intensity: 'moderate' })] });
    await harness.send('hola');
    const opening = (await harness.send('valoración C-TEST22')).join('\n');
    expect(opening).toContain('Revaloración del caso C-TEST22');
    expect(opening).toContain('jueves, 20 de agosto de 2026');
    await sendEach([...PROFILE_ES, ...levelsWith({ income: '4', employment: '2', housing: '3', mentalHealth: '3', childcare: 'n/a' })]);
    const result = await sendEach(['no', 'no', 'no', 'no']);
    expect(result).toContain('Cambio por ámbito respecto a la valoración del jueves, 20 de agosto de 2026:');
    expect(result).toContain('- ingresos: 3 → 4 (mejora)');
    expect(result).toContain('- empleo: 3 → 2 (empeora)');
    expect(result).toContain('- vivienda: 3 → 3 (igual)');
    expect(result).toContain('- salud mental: n/a → 3 (nuevo)');
    expect(result).toContain('- crianza y cuidado de menores: 3 → n/a (no aplica)');
    await sendEach(['sí']);
    const stored = await storedCase();
    expect(stored.assessments.map((a) => a.kind)).toEqual(['initial', 'reassessment']);
    expect(stored.assessments[1]!.ratings.employment).toBe(2);
  });

  it('the worker decides: another intensity than the recommended one is stored with its config numbers', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES, ...MODERATE_LEVELS, 'no', 'no', 'no', 'no']);
    const question = await sendEach(['no']);
    expect(question).toContain('¿Qué intensidad decides');
    const saved = await sendEach(['básica']);
    expect(saved).toContain('intensidad básica');
    const basic = defaultConfig.intensity.basic;
    const stored = await storedCase();
    // 180 days on is Saturday 22 May 2027: the review goes to the Monday after.
    expect(stored).toMatchObject({ intensity: 'basic', contactEveryDays: basic.contactEveryDays, nextReviewDate: '2027-05-24' });
    // The assessment keeps what it recommended.
    expect(stored.assessments[0]!.intensity).toBe('moderate');
  });

  it('re-asks on wrong input without losing earlier answers', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES, '3']);
    const seven = await sendEach(['7']);
    expect(seven).toContain('Escribe un nivel del 1 al 5');
    expect(seven).toContain('Ámbito 2 de 15: empleo');
    const maybe = await sendEach(['tal vez']);
    expect(maybe).toContain('Escribe un nivel del 1 al 5');
    expect(maybe).toContain('Ámbito 2 de 15: empleo');
    await sendEach(MODERATE_LEVELS.slice(1));
    const badYesNo = await sendEach(['quizás']);
    expect(badYesNo).toContain('Responde «sí» o «no»');
    await sendEach(['no', 'no', 'no', 'no', 'sí']);
    expect((await storedCase()).assessments[0]!.ratings).toMatchObject({ income: 3, employment: 2 });
  });

  it('strengths come first and at least one is required', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await harness.send('valoración C-TEST22');
    const again = await sendEach(['no', '-', 'no']);
    expect(again).toContain('Anota al menos una fortaleza');
    expect(again).toContain('Fortalezas personales');
    const next = await sendEach(['no', 'no', 'Vecinas que la ayudan']);
    expect(next).toContain('¿Cómo ve la persona su situación');
  });

  it('cancel stores nothing, and keeps a draft saved earlier as it was', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES, '1', '2', '3']);
    expect(await sendEach(['cancelar'])).toContain('Llevas 9 respuestas en: valoración');
    const cancelled = await sendEach(['sí']);
    expect(cancelled).toContain('Cancelado: valoración');
    const untouched = await storedCase();
    expect(untouched.assessments).toEqual([]);
    expect(untouched.assessmentDraft).toBeUndefined();
    expect(untouched.alerts).toEqual([]);
    expect(untouched.intensity).toBeUndefined();

    await sendEach(['valoración C-TEST22', ...PROFILE_ES, '3', 'guardar']);
    const draft = (await storedCase()).assessmentDraft;
    await sendEach(['valoración C-TEST22', 'empezar de nuevo', 'Otra fortaleza', 'no', 'no']);
    await sendEach(['cancelar', 'cancelar']);
    expect((await storedCase()).assessmentDraft).toEqual(draft);
  });

  it('another worker cannot assess the case: refused, and nothing about it is shown', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola', 'worker-2');
    const refused = await sendEach(['valoración C-TEST22'], 'worker-2');
    expect(refused).toContain('No encuentro el caso C-TEST22');
    expect(refused).not.toContain('Ana P.');
    expect(refused).not.toContain('Fortalezas');
    expect(await storedCase()).toEqual(caseRecord({ id: CASE_ID }));
    const audit = await harness.store.repositories.audit.readDay(TODAY);
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-2', caseId: CASE_ID, outcome: 'denied' }));
  });
});

describe('assessment dialog (English)', () => {
  it('runs a full assessment with level names and a safety concern', async () => {
    harness = await createHarness({ cases: [englishCase()] });
    await harness.send('hello', 'worker-en');
    const opening = (await harness.send('assessment C-TESTEN', 'worker-en')).join('\n');
    expect(opening).toContain('Initial assessment of case C-TESTEN');
    expect(opening).toContain('Personal strengths');
    const levels = levelsWith({ income: 'vulnerable', housing: 'crisis', health: 'safe', mentalHealth: 'building', childcare: 'not applicable' }, 'empowered');
    const questions = await sendEach([...PROFILE_EN, ...levels], 'worker-en');
    expect(questions).toContain('Domain 1 of 15: income');
    expect(questions.match(/Scale:/g)).toHaveLength(1);
    const result = await sendEach(['yes', 'Anxious about rent', 'no', 'Housing benefit rules'], 'worker-en');
    const intensive = defaultConfig.intensity.intensive;
    expect(result).toContain('Recommended intensity: intensive');
    expect(result).toContain(`Contact every ${intensive.contactEveryDays} days`);
    expect(result).toContain('Wednesday, 23 December 2026');
    expect(result).toContain('Supervisor alert: domain in crisis: housing; safety concern');
    const saved = await sendEach(['yes'], 'worker-en');
    expect(saved).toContain('Assessment saved on case C-TESTEN: intensive support');

    const stored = await storedCase(EN_CASE_ID);
    expect(stored).toMatchObject({
      intensity: 'intensive',
      contactEveryDays: intensive.contactEveryDays,
      nextReviewDate: addDays(TODAY, intensive.reviewAfterDays),
    });
    expect(stored.alerts.map((a) => a.kind)).toEqual(['domainCrisis', 'safetyConcern']);
    expect(stored.assessments[0]).toMatchObject({
      kind: 'initial',
      by: 'worker-en',
      safetyConcern: true,
      strengths: { personal: 'Persistent', community: 'Local church group' },
      context: { social: 'Lives alone' },
      notes: { micro: 'Anxious about rent', macro: 'Housing benefit rules' },
    });
    expect(stored.assessments[0]!.ratings).toMatchObject({ income: 2, housing: 1, health: 3, mentalHealth: 4, food: 5, childcare: null });
  });

  it('saves in parts with "save", continues, re-asks wrong input and shows the change on reassessment', async () => {
    harness = await createHarness({ cases: [englishCase()] });
    await harness.send('hello', 'worker-en');
    await sendEach(['assessment C-TESTEN', ...PROFILE_EN, '2', '3'], 'worker-en');
    const wrong = await sendEach(['7'], 'worker-en');
    expect(wrong).toContain('Type a level from 1 to 5');
    expect(wrong).toContain('Domain 3 of 15: housing');
    const paused = await sendEach(['save'], 'worker-en');
    expect(paused).toContain('saved in progress: 13 of 15 domains left');
    expect((await storedCase(EN_CASE_ID)).assessmentDraft!.ratings).toEqual({ income: 2, employment: 3 });

    const offer = await sendEach(['assessment C-TESTEN'], 'worker-en');
    expect(offer).toContain('has an assessment in progress');
    await sendEach(['continue', ...levelsWith({}).slice(2), 'no', 'no', 'no', 'no', 'yes'], 'worker-en');
    expect(await storedCase(EN_CASE_ID)).toMatchObject({ intensity: 'moderate', assessmentDraft: undefined });

    const again = await sendEach(
      ['reassessment C-TESTEN', ...PROFILE_EN, ...levelsWith({ income: '3', employment: '3', housing: '2' }), 'no', 'no', 'no', 'no'],
      'worker-en',
    );
    expect(again).toContain('Reassessment of case C-TESTEN');
    expect(again).toContain('Change per domain since the assessment of Monday, 23 November 2026:');
    expect(again).toContain('- income: 2 → 3 (better)');
    expect(again).toContain('- employment: 3 → 3 (same)');
    expect(again).toContain('- housing: 4 → 2 (worse)');
    await sendEach(['yes'], 'worker-en');
    expect((await storedCase(EN_CASE_ID)).assessments.map((a) => a.kind)).toEqual(['initial', 'reassessment']);
  });

  it('cancel stores nothing', async () => {
    harness = await createHarness({ cases: [englishCase()] });
    await harness.send('hello', 'worker-en');
    await sendEach(['assessment C-TESTEN', ...PROFILE_EN, '1', '1'], 'worker-en');
    const cancelled = await sendEach(['cancel', 'cancel'], 'worker-en');
    expect(cancelled).toContain('Cancelled: assessment');
    expect(await storedCase(EN_CASE_ID)).toEqual(englishCase());
  });
});

describe('assessment in few messages', () => {
  /** Every message typed from the command to the saved assessment, with the grouped and one-message answers. */
  const FEW_MESSAGES_ES = [
    'valoración C-TEST22',
    'Constancia y buen humor\nSu hermana la apoya\nno',
    'Quiere volver a trabajar\nUn empleo estable\nEn paro desde marzo\nno\n-\nno',
    'ingresos 3, empleo 2, educación 3, salud mental n/a, crianza no aplica, resto 4',
    'sí',
    'no',
    'Motivada\nno\nListas de espera largas',
    'sí',
  ];

  it('an assessment from the command to saved in 8 typed messages', async () => {
    expect(FEW_MESSAGES_ES.length).toBeLessThanOrEqual(8);
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    const replies: string[] = [];
    for (const typed of FEW_MESSAGES_ES) replies.push((await harness.send(typed)).join('\n'));
    const [opening, strengths, context, levels, confirmed, safety, notes, saved] = replies;
    expect(opening).toContain('Puedes dar las tres en un mensaje, una por línea: personales, familia, comunidad.');
    expect(strengths).toContain('Anotadas 3 respuestas, una por línea.');
    expect(strengths).toContain('Puedes responder esta y las cinco siguientes en un mensaje');
    expect(strengths).toContain('¿Cómo ve la persona su situación');
    expect(context).toContain('Anotadas 6 respuestas');
    expect(context).toContain('Puedes darlos todos en un mensaje: «ingresos 2, empleo 1, vivienda 1, resto 3»');
    expect(context).toContain('Ámbito 1 de 15: ingresos');
    expect(levels).toContain('Niveles anotados:\n\n- ingresos: 3 · seguro\n- empleo: 2 · vulnerable\n- vivienda: 4 · construyendo capacidades');
    expect(levels).toContain('- salud mental: n/a · no aplica');
    expect(levels).toContain('- crianza y cuidado de menores: n/a · no aplica');
    expect(levels).toContain('¿Es correcto?');
    expect(confirmed).toContain('preocupación por la seguridad');
    expect(safety).toContain('Puedes dar las tres notas en un mensaje, una por línea: micro, meso, macro.');
    expect(notes).toContain('Intensidad recomendada: moderada');
    expect(notes).toContain('Necesidades (nivel ≤ 3): empleo (2), ingresos (3), educación (3)');
    expect(saved).toContain('Valoración guardada en el caso C-TEST22: intensidad moderada');

    const assessment = (await storedCase()).assessments[0]!;
    expect(assessment).toMatchObject({
      strengths: { personal: 'Constancia y buen humor', family: 'Su hermana la apoya' },
      clientView: 'Quiere volver a trabajar',
      aspirations: 'Un empleo estable',
      context: { economic: 'En paro desde marzo' },
      notes: { micro: 'Motivada', macro: 'Listas de espera largas' },
      safetyConcern: false,
    });
    expect(assessment.strengths).not.toHaveProperty('community');
    expect(assessment.context).not.toHaveProperty('social');
    expect(assessment.notes).not.toHaveProperty('meso');
    expect(assessment.ratings).toEqual({
      ...Object.fromEntries(LIFE_DOMAINS.map((d) => [d, 4])),
      income: 3,
      employment: 2,
      education: 3,
      mentalHealth: null,
      childcare: null,
    });
  });

  it('the 15 levels in order; a correction or «no» at the table adjusts it before it is taken', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES]);
    const table = await sendEach(['3 3 2 4 4 3 n/a 4 5 4 4 4 5 4 4']);
    expect(table).toContain('- vivienda: 2 · vulnerable');
    expect(table).toContain('- consumo de sustancias: n/a · no aplica');
    const corrected = await sendEach(['vivienda 1']);
    expect(corrected).toContain('- vivienda: 1 · en crisis');
    expect(corrected).toContain('¿Es correcto?');
    expect(await sendEach(['no'])).toContain('¿Qué cambio? Escribe el ámbito y su nivel');
    const again = await sendEach(['Vivienda 2, adicciones 5']);
    expect(again).toContain('- vivienda: 2 · vulnerable');
    expect(again).toContain('- consumo de sustancias: 5 · empoderado');
    expect(await sendEach(['quizás'])).toContain('Responde «sí» si es correcto, o escribe el ámbito y el nivel que cambian');
    expect(await sendEach(['vivienda 9'])).toContain('No he anotado ese mensaje: «9» no es un nivel (usa 1–5 o «n/a»). Lo que ya tenías sigue igual.');
    expect(await sendEach(['sí'])).toContain('preocupación por la seguridad');
    await sendEach(['no', 'no', 'no', 'no', 'sí']);
    expect((await storedCase()).assessments[0]!.ratings).toMatchObject({ income: 3, employment: 3, housing: 2, substanceUse: 5, mentalHealth: 3 });
  });

  it('«guardar» at the table saves the draft with the levels; continuing goes on to the safety question', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES, 'vivienda 2, resto 4']);
    expect(await sendEach(['guardar'])).toContain('guardada a medias: faltan 0 de 15 ámbitos');
    expect((await storedCase()).assessmentDraft!.ratings).toEqual({ ...Object.fromEntries(LIFE_DOMAINS.map((d) => [d, 4])), housing: 2 });
    expect(await sendEach(['valoración C-TEST22', 'continuar'])).toContain('preocupación por la seguridad');
  });

  it('a partial message fills those domains and asks the rest one by one; «resto» ends the list', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES]);
    const partial = await sendEach(['ingresos 2, empleo 1']);
    expect(partial).toContain('Anotado: ingresos 2, empleo 1. Faltan 13: sigo uno a uno (o escribe «resto 3»).');
    expect(partial).toContain('Ámbito 3 de 15: vivienda');
    expect(partial).not.toContain('Escala:');
    expect(await sendEach(['3'])).toContain('Ámbito 4 de 15: alimentación');
    // A domain already given can be changed from any question.
    expect(await sendEach(['empleo 2, salud mental 4'])).toContain('Ámbito 4 de 15: alimentación');
    const table = await sendEach(['el resto 5']);
    expect(table).toContain('- ingresos: 2 · vulnerable\n- empleo: 2 · vulnerable\n- vivienda: 3 · seguro\n- alimentación: 5 · empoderado');
    expect(table).toContain('- salud mental: 4 · construyendo capacidades');
    await sendEach(['sí', 'no', 'no', 'no', 'no', 'sí']);
    expect((await storedCase()).assessments[0]!.ratings).toEqual({
      ...Object.fromEntries(LIFE_DOMAINS.map((d) => [d, 5])),
      income: 2,
      employment: 2,
      housing: 3,
      mentalHealth: 4,
    });
  });

  it('refuses a list it cannot read, saying what is wrong, and loses nothing given before', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await sendEach(['valoración C-TEST22', ...PROFILE_ES, '3']);
    const fourteen = await sendEach(['3 3 2 4 4 3 n/a 4 5 4 4 4 5 4']);
    expect(fourteen).toContain('No he anotado ese mensaje: hay 14 niveles sin ámbito y hacen falta 15, uno por ámbito y en orden');
    expect(fourteen).toContain('Ámbito 2 de 15: empleo');
    const seven = await sendEach(['empleo 7, vivienda 2']);
    expect(seven).toContain('«7» no es un nivel');
    expect(seven).toContain('Ámbito 2 de 15: empleo');
    const unknown = await sendEach(['empleo 2, ocio 3']);
    expect(unknown).toContain('no conozco el ámbito «ocio» (los ámbitos: ingresos, empleo, vivienda,');
    expect(await sendEach(['empleo 2, vivienda'])).toContain('falta el nivel de «vivienda»');
    expect(await sendEach(['igual salvo empleo 3'])).toContain('«igual» solo vale en una reevaluación');
    const table = await sendEach(['empleo 2, resto 4']);
    expect(table).toContain('- ingresos: 3 · seguro\n- empleo: 2 · vulnerable\n- vivienda: 4 ·');
    expect((await storedCase()).assessmentDraft).toBeUndefined();
  });

  it('grouped answers: labels send a line to its question, the rest are asked, too many lines are refused', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
    await harness.send('hola');
    await harness.send('valoración C-TEST22');
    const labelled = await sendEach(['comunidad: Vecinas que la ayudan\nfamilia: Su hermana']);
    expect(labelled).toContain('Anotadas 2 respuestas');
    expect(labelled).toContain('Fortalezas personales');
    expect(await sendEach(['Constancia'])).toContain('¿Cómo ve la persona su situación');
    const two = await sendEach(['Quiere trabajar\nUn empleo estable']);
    expect(two).toContain('Puedes dar los cuatro contextos en un mensaje, una por línea: económico, social, familiar, institucional.');
    expect(two).toContain('Contexto económico');
    const tooMany = await sendEach(['uno\ndos\ntres\ncuatro\ncinco']);
    expect(tooMany).toContain(
      'No he anotado ese mensaje: tiene 5 líneas y quedan 4 preguntas (económico, social, familia, institucional). Escribe una línea por respuesta.',
    );
    expect(tooMany).toContain('Contexto económico');
    // A single line answers the current question only, even with a colon in it.
    expect(await sendEach(['Ingresos: 700 € al mes'])).toContain('Contexto social');
    expect(await sendEach(['institucional: Servicios sociales\nRed pequeña\nno'])).toContain('Ámbito 1 de 15');
    await sendEach(['resto 4', 'sí', 'no']);
    // The note not given is still asked.
    expect(await sendEach(['micro: Motivada\nmacro: Listas de espera'])).toContain('Nota meso');
    expect(await sendEach(['no'])).toContain('Intensidad recomendada');
    await sendEach(['sí']);
    const assessment = (await storedCase()).assessments[0]!;
    expect(assessment).toMatchObject({
      strengths: { personal: 'Constancia', family: 'Su hermana', community: 'Vecinas que la ayudan' },
      clientView: 'Quiere trabajar',
      aspirations: 'Un empleo estable',
      context: { economic: 'Ingresos: 700 € al mes', social: 'Red pequeña', institutional: 'Servicios sociales' },
      notes: { micro: 'Motivada', macro: 'Listas de espera' },
    });
    expect(assessment.context).not.toHaveProperty('family');
    expect(assessment.notes).not.toHaveProperty('meso');
  });

  it('in English: grouped strengths and notes, the levels in one message with a correction', async () => {
    harness = await createHarness({ cases: [englishCase()] });
    await harness.send('hello', 'worker-en');
    const opening = await sendEach(['assessment C-TESTEN'], 'worker-en');
    expect(opening).toContain('You can give all three in one message, one per line: personal, family, community.');
    expect(await sendEach(['Persistent\nno\nLocal church group'], 'worker-en')).toContain('Noted 3 answers, one per line.');
    const levels = await sendEach(['Wants to work again\nA stable job\n-\nLives alone\nno\nno'], 'worker-en');
    expect(levels).toContain('You can give them all in one message: "income 2, employment 1, housing 1, rest 3"');
    const table = await sendEach(['income 3 employment 3 housing 2 substance use n/a rest 4'], 'worker-en');
    expect(table).toContain('Levels noted:\n\n- income: 3 · safe\n- employment: 3 · safe\n- housing: 2 · vulnerable');
    expect(table).toContain('- substance use: n/a · not applicable');
    expect(table).toContain('Is this correct?');
    expect(await sendEach(['Housing 1'], 'worker-en')).toContain('- housing: 1 · in crisis');
    expect(await sendEach(['3 3 1 4'], 'worker-en')).toContain('there are 4 levels without a domain and 15 are needed');
    expect(await sendEach(['yes'], 'worker-en')).toContain('safety concern');
    const notes = await sendEach(['no', 'Anxious about rent\nno\nHousing benefit rules'], 'worker-en');
    expect(notes).toContain('Supervisor alert: domain in crisis: housing');
    await sendEach(['yes'], 'worker-en');
    const assessment = (await storedCase(EN_CASE_ID)).assessments[0]!;
    expect(assessment.ratings).toMatchObject({ income: 3, employment: 3, housing: 1, substanceUse: null, food: 4, childcare: 4 });
    expect(assessment).toMatchObject({
      strengths: { personal: 'Persistent', community: 'Local church group' },
      context: { social: 'Lives alone' },
      notes: { micro: 'Anxious about rent', macro: 'Housing benefit rules' },
    });
  });
});
