// The review and the closure as form cards in Teams: the review is saved with one press of its
// form, and a decision to close brings the closure form, saved with one press too.
import { afterEach, describe, expect, it } from 'vitest';
import { LIFE_DOMAINS, type Assessment, type Case, type Goal, type Referral, type Service } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, actionTitled, elementsOf, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { caseRecord, taskRecord } from '../support/records.js';

let h: Harness;
afterEach(async () => h?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC.
const CASE_ID = 'C-CARD22';
const AT = '2026-08-20T10:00:00.000Z';
const stored = async (): Promise<Case> => (await h.store.repositories.cases.get(CASE_ID))!;
const teams = (text: string, user = 'worker-1') => h.send(text, user, TEAMS);

function assessment(overrides: Partial<Assessment> = {}): Assessment {
  const ratings = Object.fromEntries(LIFE_DOMAINS.map((d) => [d, null])) as Assessment['ratings'];
  return {
    id: 'V-FIRST1',
    kind: 'initial',
    startedAt: AT,
    completedAt: AT,
    by: 'worker-1',
    ratings: { ...ratings, income: 3, employment: 2, housing: 4 },
    strengths: { personal: 'Constancia' },
    context: {},
    notes: {},
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2026-11-18',
    ...overrides,
  };
}

const goal: Goal = {
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
};

const referral: Referral = {
  id: 'R-1',
  serviceId: 'S-EMPLEO',
  category: 'empleo',
  status: 'inProgress',
  history: [{ status: 'inProgress', at: AT, by: 'worker-1' }],
  cost: 0,
  createdAt: AT,
  createdBy: 'worker-1',
};

const service: Service = {
  id: 'S-EMPLEO',
  name: 'Orientación laboral',
  category: 'empleo',
  provider: 'Ayuntamiento',
  contact: '',
  cost: 0,
  eligibility: '',
  capacity: null,
  active: true,
};

async function start(overrides: Partial<Case> = {}): Promise<void> {
  const record = caseRecord({
    id: CASE_ID,
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2026-11-18',
    assessments: [assessment()],
    goals: [goal],
    tasks: [taskRecord({ id: 'T-1', goalId: 'G-1' })],
    referrals: [referral],
    ...overrides,
  });
  h = await createHarness({ cases: [record] });
  await h.store.repositories.services.put(service);
  await teams('hola');
}

describe('the review as one form card', () => {
  it('saves a review by exception in one press: changed levels, decision, date and note', async () => {
    await start();
    await teams(`reevaluación ${CASE_ID}`);
    const form = lastCard(h);
    // Domains prefilled with their current levels, as short choices in a list.
    const levels = elementsOf(form).filter((e) => e.type === 'Input.ChoiceSet' && String(e.id).startsWith('level_'));
    expect(levels.map((e) => [e.id, e.value])).toEqual([
      ['level_income', '3'],
      ['level_employment', '2'],
      ['level_housing', '4'],
    ]);
    for (const level of levels) for (const choice of level.choices as { title: string }[]) expect(choice.title.length).toBeLessThanOrEqual(16);
    expect(JSON.stringify(form)).toContain('Presentar la solicitud de vivienda');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);

    const replies = await press(h, form, 'Guardar la reevaluación', { level_employment: '3', nextReview: '2027-02-10', note: 'Va mejor' });
    expect(replies.join('\n')).toContain('empleo: 2 → 3 (mejora)');
    expect(replies.join('\n')).toMatch(/Reevaluación guardada/);
    const saved = await stored();
    expect(saved.reviews).toEqual([expect.objectContaining({ decision: 'continue', nextReviewDate: '2027-02-10', note: 'Va mejor', by: 'worker-1' })]);
    expect(saved.assessments.at(-1)?.ratings).toMatchObject({ income: 3, employment: 3, housing: 4 });
    expect(saved.nextReviewDate).toBe('2027-02-10');
    const audit = await h.store.repositories.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action === 'review.save')).toEqual([expect.objectContaining({ actor: 'worker-1', caseId: CASE_ID, outcome: 'ok' })]);

    // The same form pressed again changes nothing.
    const again = await press(h, form, 'Guardar la reevaluación', { note: 'otra vez' });
    expect(again.join(' ')).toMatch(/ya se respondió/);
    expect((await stored()).reviews).toHaveLength(1);
  });

  it('takes a change of approach from the form, with the date the new intensity proposes when left blank', async () => {
    await start();
    await teams(`reevaluación ${CASE_ID}`);
    await press(h, lastCard(h), 'Guardar la reevaluación', { decision: 'changeApproach', newIntensity: 'intensive', nextReview: '' });
    const saved = await stored();
    expect(saved.reviews).toEqual([expect.objectContaining({ decision: 'changeApproach', newIntensity: 'intensive' })]);
    expect(saved.intensity).toBe('intensive');
    // Intensive: a review in 30 days from 23 November.
    expect(saved.nextReviewDate).toBe('2026-12-23');
  });

  it('goes from a decision to close into the closure form, and closes the case with one more press', async () => {
    await start();
    await teams(`reevaluación ${CASE_ID}`);
    await press(h, lastCard(h), 'Guardar la reevaluación', { decision: 'close' });
    expect((await stored()).reviews).toEqual([expect.objectContaining({ decision: 'close' })]);
    const closure = lastCard(h);
    expect(inputIds(closure)).toEqual(['reason', 'reasonNote', 'outcome_G-1', 'referralEnd_R-1', 'summary']);
    expect(JSON.stringify(closure)).toContain('Orientación laboral');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);

    const replies = await press(h, closure, 'Cerrar el caso', {
      reason: 'goalsMet',
      'outcome_G-1': 'achieved',
      'referralEnd_R-1': 'completed',
      summary: 'Vivienda conseguida',
    });
    expect(replies.join('\n')).toMatch(/cerrado/i);
    const closed = await stored();
    expect(closed.status).toBe('closed');
    expect(closed.closure).toMatchObject({
      reason: 'goalsMet',
      outcomes: [{ goalId: 'G-1', outcome: 'achieved' }],
      referralOutcomes: [{ referralId: 'R-1', status: 'completed' }],
      summary: 'Vivienda conseguida',
      by: 'worker-1',
    });
    const again = await press(h, closure, 'Cerrar el caso', { reason: 'other', summary: 'x' });
    expect(again.join(' ')).toMatch(/ya se respondió/);
  });

  it('asks in the chat what the form left wrong, and saves nothing until it is right', async () => {
    await start();
    await teams(`cierre ${CASE_ID}`);
    const closure = lastCard(h);
    const replies = await press(h, closure, 'Cerrar el caso', { reason: 'goalsMet', 'outcome_G-1': 'achieved', 'referralEnd_R-1': 'completed', summary: '' });
    expect(replies.join(' ')).toContain('Necesito una respuesta');
    expect((await stored()).status).toBe('open');
    // The summary typed, what the form said is confirmed in the chat.
    expect((await teams('Todo logrado')).join(' ')).toContain('Resumen del cierre');
    expect((await stored()).status).toBe('open');
    await teams('sí');
    expect((await stored()).status).toBe('closed');
  });

  it('speaks English to an English-speaking worker', async () => {
    await start({ workerId: 'worker-en' });
    await h.send('hello', 'worker-en', TEAMS);
    await h.send(`review ${CASE_ID}`, 'worker-en', TEAMS);
    const form = lastCard(h);
    expect(actionTitled(form, 'Save the review').type).toBe('Action.Submit');
    expect(JSON.stringify(form)).toContain('4 · capacity');
  });

  it('keeps the review as typed questions outside the card channels', async () => {
    await start();
    const replies = await h.send(`reevaluación ${CASE_ID}`);
    expect(replies.join('\n')).toContain('Ámbito 1 de 3: ingresos (antes: 3)');
    expect(h.lastReplies.every((r) => !r.attachments?.length)).toBe(true);
  });
});
