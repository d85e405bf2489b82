// The SMART goal, tasks, the contract and task progress as form cards in Teams: each saved in
// the fewest presses, coached on a card when the rules find gaps, an old card changing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment, Case } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { caseRecord } from '../support/records.js';

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
