// The case view and the caseload as cards in Teams: the case's facts, goals, tasks with their
// ratings, the progress chart with its text alternative, the case forms opening in place;
// the caseload as pages of cases, each opening its card.
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_FORMS, type CaseForm } from '../../dialogs/cards/caseForms.js';
import { textInput, type AdaptiveCard, type CardElement } from '../../dialogs/cards/elements.js';
import { LIFE_DOMAINS, type Assessment, type Case } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, actionTitled, elementsOf, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { assessment, goal } from '../support/outcomesFixtures.js';
import { caseRecord, taskRecord } from '../support/records.js';

let h: Harness;
afterEach(async () => {
  CASE_FORMS.splice(0);
  await h?.close();
});

const teams = (text: string, user = 'worker-1') => h.send(text, user, TEAMS);

const levels = (values: number[]): Assessment['ratings'] => Object.fromEntries(LIFE_DOMAINS.map((domain, i) => [domain, values[i]]));

/** Every domain assessed twice, two goals, two tasks rated: as full as a case view gets. */
function fullCase(overrides: Partial<Case> = {}): Case {
  return caseRecord({
    id: 'C-FULL01',
    client: { kind: 'family', name: 'Familia García Ortega', contact: '600 123 456', language: 'es', timeZone: 'Europe/Madrid' },
    intensity: 'moderate',
    contactEveryDays: 14,
    nextReviewDate: '2026-11-10',
    assessments: [
      assessment('A-FIRST1', '2026-06-01T09:00:00.000Z', levels([2, 1, 2, 3, 4, 2, 5, 3, 2, 1, 3, 2, 4, 3, 2])),
      assessment('A-SECON1', '2026-10-01T09:00:00.000Z', levels([3, 3, 4, 3, 3, 2, 5, 4, 2, 2, 3, 3, 4, 4, 1])),
    ],
    goals: [
      { ...goal('G-GOAL01'), text: 'Conseguir un empleo estable antes de junio' },
      { ...goal('G-GOAL02'), text: 'Regularizar el alquiler' },
    ],
    tasks: [
      taskRecord({ id: 'T-TASK01', description: 'Presentar la solicitud de vivienda' }, [2, 3]),
      taskRecord({ id: 'T-TASK02', description: 'Pedir cita en orientación laboral' }, ['noOpportunity']),
    ],
    ...overrides,
  });
}

/** A form as the dialogs add them to CASE_FORMS: it opens the case again, so pressing it shows the command ran. */
const NOTE_FORM: CaseForm = {
  id: 'test-view',
  title: (lang) => (lang === 'es' ? 'Anotar una nota' : 'Write a note'),
  applies: (record) => record.status === 'open',
  body: (lang) => [textInput('note', lang === 'es' ? 'Nota' : 'Note')],
  command: (record) => `ver caso ${record.id}`,
};

const texts = (card: AdaptiveCard) =>
  elementsOf(card)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => String(e.text));
const factsOf = (card: AdaptiveCard) => elementsOf(card).flatMap((e) => (e.type === 'FactSet' ? (e.facts as { title: string; value: string }[]) : []));

describe('the case card', () => {
  it('shows the facts, goals, tasks with ratings, the next review and the chart with its alt text, under the size limit', async () => {
    h = await createHarness({ cases: [fullCase()] });
    CASE_FORMS.push(NOTE_FORM);
    await teams('ver caso C-FULL01');
    const card = lastCard(h);
    const all = texts(card).join('\n');
    expect(all).toContain('Familia García Ortega · caso C-FULL01 · abierto');
    expect(factsOf(card)).toContainEqual({ title: 'Próxima revisión', value: 'martes, 10 de noviembre de 2026 (vencida)' });
    expect(factsOf(card)).toContainEqual({ title: 'Intensidad', value: 'moderada' });
    expect(all).toContain('Conseguir un empleo estable antes de junio');
    expect(all).toContain('Presentar la solicitud de vivienda');
    expect(all).toMatch(/Grado de logro del .*: /);
    const [chart] = elementsOf(card).filter((e) => e.type === 'Image');
    expect(String(chart?.url)).toMatch(/^data:image\/png;base64,/);
    expect(String(chart?.altText).length).toBeGreaterThan(40);
    // The text alternative is also written out on the card.
    expect(texts(card)).toContain(chart?.altText);
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
  });

  it('offers each case form in place, saving with one once-only press that runs its command', async () => {
    h = await createHarness({ cases: [fullCase()] });
    CASE_FORMS.push(NOTE_FORM);
    await teams('ver caso C-FULL01');
    const card = lastCard(h);
    const opener = actionTitled(card, 'Anotar una nota');
    expect(opener.type).toBe('Action.ShowCard');
    const inner = (opener as CardElement & { card: AdaptiveCard }).card;
    expect(inner.body.map((e) => e.id)).toEqual(['note']);
    const save = actionTitled(card, 'Guardar');
    const data = (save.data as { enlace: { command: string; once: string; also: Record<string, string> } }).enlace;
    expect(data).toMatchObject({ command: 'ver caso C-FULL01', also: { confirm: 'Sí' } });
    expect(data.once).toMatch(/\S{6,}/);
    await press(h, card, 'Guardar', { note: 'Llamada hecha' });
    expect(lastCard(h).fallbackText).toContain('Caso C-FULL01');
    const again = await press(h, card, 'Guardar', { note: 'Llamada hecha' });
    expect(again).toEqual([expect.stringMatching(/ya se respondió/)]);
  });

  it('keeps a very long case under the size limit, the chart text alternative kept when the image cannot fit', async () => {
    const tasks = Array.from({ length: 25 }, (_, i) =>
      taskRecord({ id: `T-LONG${String(i).padStart(2, '0')}`, description: `Tarea número ${i} con una descripción larga `.repeat(6).trim() }, [2, 3, 4]),
    );
    h = await createHarness({ cases: [fullCase({ tasks })] });
    await teams('ver caso C-FULL01');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
    const card = lastCard(h);
    expect(texts(card).join('\n')).toContain('Tarea número 24');
    expect(texts(card).join('\n')).toContain('Evolución por ámbito');
  });

  it('leaves out the forms that do not apply, and the chart when nothing is assessed', async () => {
    h = await createHarness({ cases: [fullCase({ status: 'closed', assessments: [] })] });
    CASE_FORMS.push(NOTE_FORM);
    await teams('ver caso C-FULL01');
    const card = lastCard(h);
    expect(() => actionTitled(card, 'Anotar una nota')).toThrow();
    expect(elementsOf(card).some((e) => e.type === 'Image')).toBe(false);
  });

  it('comes in English for an English-speaking worker', async () => {
    const record = fullCase({
      id: 'C-FULLEN',
      workerId: 'worker-en',
      team: 'sur',
      client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
    });
    h = await createHarness({ cases: [record] });
    CASE_FORMS.push(NOTE_FORM);
    await teams('view case C-FULLEN', 'worker-en');
    const card = lastCard(h);
    expect(factsOf(card)).toContainEqual({ title: 'Next review', value: expect.stringContaining('November') });
    expect(actionTitled(card, 'Write a note').type).toBe('Action.ShowCard');
    expect(actionTitled(card, 'Save').type).toBe('Action.Submit');
    expect(texts(card).join(' ')).not.toMatch(/Próxima|Objetivos|Tareas/);
  });

  it('keeps the case view as text outside the card channels', async () => {
    h = await createHarness({ cases: [fullCase()] });
    const replies = await h.send('ver caso C-FULL01');
    expect(replies.join('\n')).toContain('Caso C-FULL01');
    expect(h.lastReplies.every((r) => !r.attachments?.length)).toBe(true);
  });
});

/** 250 cases of worker-1, every fifth with its review overdue. */
function bigCaseload(): Case[] {
  return Array.from({ length: 250 }, (_, i) =>
    caseRecord({
      id: `C-${String(i).padStart(6, '0')}`,
      client: { kind: 'individual', name: `Persona con un nombre largo número ${i}`, contact: '', language: 'es', timeZone: 'Europe/Madrid' },
      nextReviewDate: i % 5 === 0 ? '2026-11-01' : '2027-01-15',
      priority: i % 2 === 0 ? 'high' : 'low',
    }),
  );
}

describe('the caseload card', () => {
  it('shows a page of 250 cases under the size limit, overdue flagged, each opening its card, «más» turning the page', async () => {
    h = await createHarness({ cases: bigCaseload() });
    await teams('mis casos');
    const page = lastCard(h);
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
    const all = texts(page);
    expect(all.join('\n')).toContain('Casos 1–20 de 250');
    // Overdue reviews come first, flagged.
    const first = elementsOf(page).find((e) => e.type === 'TextBlock' && String(e.text).includes('C-000000'));
    expect(first).toMatchObject({ color: 'Attention' });
    expect(String(first?.text)).toContain('prioridad Alta');
    expect(String(first?.text)).toContain('(vencida)');
    const open = actionTitled(page, 'Ver C-000000');
    expect(open.data).toEqual({ enlace: { command: 'ver caso C-000000' } });

    await press(h, page, 'Más casos');
    const next = lastCard(h);
    expect(texts(next).join('\n')).toContain('Casos 21–40 de 250');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);

    await press(h, next, 'Ver C-000105');
    expect(lastCard(h).fallbackText).toContain('Caso C-000105');
  });

  it("names each case's worker on a supervisor's card, and has no «más» when one page holds them all", async () => {
    h = await createHarness({ cases: bigCaseload().slice(0, 3) });
    await teams('mis casos', 'super-1');
    const page = lastCard(h);
    expect(texts(page)[0]).toBe('Casos del equipo');
    expect(texts(page).find((line) => line.includes('C-000001'))).toContain('Lucía Martín');
    expect(() => actionTitled(page, 'Más casos')).toThrow();
  });

  it('comes in English for an English-speaking worker', async () => {
    h = await createHarness({ cases: [caseRecord({ id: 'C-ENONE1', workerId: 'worker-en', team: 'sur' })] });
    await teams('my cases', 'worker-en');
    const page = lastCard(h);
    expect(texts(page).join('\n')).toContain('Your cases');
    expect(actionTitled(page, 'View C-ENONE1').data).toEqual({ enlace: { command: 'view case C-ENONE1' } });
  });
});
