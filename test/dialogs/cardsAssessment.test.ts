// The assessment as cards in Teams: the profile on one card, the life domains (levels picked
// from lists), safety and notes on another, the result as a card: four presses with the command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIFE_DOMAINS, type Assessment, type Case, type LifeDomain } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, actionTitled, elementsOf, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { caseRecord } from '../support/records.js';

const CASE_ID = 'C-TEST22';
let h: Harness;
let submits: number;
beforeEach(async () => {
  h = await createHarness({ cases: [caseRecord({ id: CASE_ID })] });
  submits = 0;
});
afterEach(() => h.close());

const teams = (text: string, user = 'worker-1') => {
  submits++;
  return h.send(text, user, TEAMS);
};
const pressing = (title: string, inputs: Record<string, string> = {}, user = 'worker-1') => {
  submits++;
  return press(h, lastCard(h), title, inputs, user);
};

/** One level per domain, in LIFE_DOMAINS order, as the card's lists give them. */
const LEVELS = ['3', '2', '4', '4', '5', 'n/a', '5', '3', '4', '4', '5', '4', '5', '5', 'n/a'];
const levelInputs = (levels: string[], skip: LifeDomain[] = []) =>
  Object.fromEntries(LIFE_DOMAINS.flatMap((domain, i) => (skip.includes(domain) ? [] : [[`level.${domain}`, levels[i]!]])));

const PROFILE = {
  'strengths.personal': 'Constancia y buen humor',
  'strengths.family': 'Su hermana la apoya',
  'strengths.community': '',
  'view.clientView': 'Quiere volver a trabajar',
  'view.aspirations': 'Un empleo estable',
  'view.economic': 'En paro desde marzo\nCobra un subsidio',
  'view.social': '',
  'view.family': '',
  'view.institutional': '',
};
const REST = { safety: 'No', 'notes.micro': 'Motivada', 'notes.meso': '', 'notes.macro': 'Listas de espera largas' };

async function stored(): Promise<Case> {
  return (await h.store.repositories.cases.get(CASE_ID))!;
}

describe('the assessment as cards', () => {
  it('takes a whole assessment in four submits, the command included, and stores every level', async () => {
    await teams(`valoración ${CASE_ID}`);
    const profile = lastCard(h);
    expect(inputIds(profile)).toEqual(Object.keys(PROFILE));
    await pressing('Siguiente', PROFILE);

    const domains = lastCard(h);
    // Every domain, in its group, with the catalog's level names to pick from.
    expect(inputIds(domains)).toEqual(expect.arrayContaining([...LIFE_DOMAINS.map((d) => `level.${d}`), ...Object.keys(REST)]));
    const income = elementsOf(domains).find((e) => e.id === 'level.income')!;
    expect(income.type).toBe('Input.ChoiceSet');
    expect((income.choices as { title: string }[]).map((c) => c.title)).toEqual([
      '1 · en crisis',
      '2 · vulnerable',
      '3 · seguro',
      '4 · construyendo capacidades',
      '5 · empoderado',
      'n/a · no aplica',
    ]);
    expect(JSON.stringify(domains)).toContain('Salud y seguridad');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
    await pressing('Ver el resultado', { ...levelInputs(LEVELS), ...REST });

    const result = lastCard(h);
    const facts = elementsOf(result)
      .filter((e) => e.type === 'FactSet')
      .flatMap((e) => e.facts as { title: string; value: string }[]);
    expect(facts).toContainEqual({ title: 'Intensidad recomendada', value: 'moderada' });
    expect(facts).toContainEqual({ title: 'Necesidades (nivel ≤ 3)', value: 'empleo (2), ingresos (3), educación (3)' });
    expect(facts).toContainEqual({ title: 'vivienda', value: '4 · construyendo capacidades' });
    expect((await stored()).assessments).toHaveLength(0);
    const saved = await pressing('Sí');
    expect(saved.join(' ')).toContain('Valoración guardada en el caso C-TEST22: intensidad moderada');
    expect(submits).toBeLessThanOrEqual(4);

    const assessment = (await stored()).assessments[0] as Assessment;
    expect(assessment.ratings).toEqual(Object.fromEntries(LIFE_DOMAINS.map((d, i) => [d, LEVELS[i] === 'n/a' ? null : Number(LEVELS[i])])));
    expect(assessment).toMatchObject({
      safetyConcern: false,
      strengths: { personal: 'Constancia y buen humor', family: 'Su hermana la apoya' },
      clientView: 'Quiere volver a trabajar',
      aspirations: 'Un empleo estable',
      // Two lines in one box are one answer, not two.
      context: { economic: 'En paro desde marzo\nCobra un subsidio' },
      notes: { micro: 'Motivada', macro: 'Listas de espera largas' },
    });
    expect(assessment.strengths).not.toHaveProperty('community');
  });

  it('asks again for the domains left without a level, on a card of their own, keeping the rest', async () => {
    await teams(`valoración ${CASE_ID}`);
    await pressing('Siguiente', PROFILE);
    await pressing('Ver el resultado', { ...levelInputs(LEVELS, ['housing', 'childcare']), ...REST });
    const again = lastCard(h);
    expect(inputIds(again)).toEqual(['level.housing', 'level.childcare']);
    await pressing('Siguiente', { 'level.housing': '1', 'level.childcare': '3' });
    // Safety and notes came with the first card: the result follows at once.
    await pressing('Sí');
    const assessment = (await stored()).assessments[0] as Assessment;
    expect(assessment.ratings).toMatchObject({ housing: 1, childcare: 3, income: 3 });
    expect(assessment.notes).toEqual({ micro: 'Motivada', macro: 'Listas de espera largas' });
  });

  it('shows the change per domain of a reassessment per domain on the result card', async () => {
    const before = Object.fromEntries(LIFE_DOMAINS.map((d) => [d, 3]));
    const previous: Assessment = {
      id: 'A-PREV01',
      kind: 'initial',
      startedAt: '2026-06-01T09:00:00.000Z',
      completedAt: '2026-06-01T09:00:00.000Z',
      by: 'worker-1',
      ratings: before,
      strengths: { personal: 'Constancia' },
      context: {},
      notes: {},
    };
    await h.store.repositories.cases.put(caseRecord({ id: CASE_ID, assessments: [previous] }));
    await teams(`valoración ${CASE_ID}`);
    await pressing('Siguiente', PROFILE);
    await pressing('Ver el resultado', { ...levelInputs(LEVELS), ...REST });
    const facts = elementsOf(lastCard(h))
      .filter((e) => e.type === 'FactSet')
      .flatMap((e) => e.facts as { title: string; value: string }[]);
    expect(facts).toContainEqual({ title: 'empleo', value: '3 → 2 (empeora)' });
    expect(facts).toContainEqual({ title: 'vivienda', value: '3 → 4 (mejora)' });
  });

  it('comes in English for an English-speaking worker', async () => {
    const en = caseRecord({
      id: 'C-TESTEN',
      workerId: 'worker-en',
      team: 'sur',
      client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
    });
    await h.store.repositories.cases.put(en);
    await teams('assessment C-TESTEN', 'worker-en');
    expect(JSON.stringify(lastCard(h))).toContain('Personal strengths');
    await pressing('Next', { 'strengths.personal': 'Persistent' }, 'worker-en');
    const domains = lastCard(h);
    expect(JSON.stringify(domains)).toContain('4 · building capacity');
    expect(JSON.stringify(domains)).not.toMatch(/Salud|Guardar|Siguiente/);
    await pressing('See the result', { ...levelInputs(Array(15).fill('4')), safety: 'No' }, 'worker-en');
    expect(() => actionTitled(lastCard(h), 'Yes')).not.toThrow();
    expect(JSON.stringify(lastCard(h))).toContain('Recommended intensity');
  });
});
