// The intake as one form card in Teams: every answer on the card, «Guardar» opens the case in
// one press; a missing or wrong answer is asked alone afterwards, the rest of the form kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const teams = (text: string, user = 'worker-1') => h.send(text, user, TEAMS);

const FILLED = {
  kind: 'family',
  contact: '600 123 456',
  language: 'es',
  timeZone: 'Atlantic/Canary',
  source: 'Centro de salud Norte',
  intakeDate: '2026-11-20',
  consentData: 'Sí',
  consentMessages: 'No',
  model: 'strengths',
  priority: 'high',
};

async function openedCaseId(replies: string[]): Promise<string> {
  const caseId = /Caso (C-[A-Z0-9]{6}) abierto/.exec(replies.join('\n'))?.[1];
  expect(caseId, replies.join('\n')).toBeDefined();
  return caseId!;
}

describe('the intake as one form card', () => {
  it('opens the case in two submits: the command and the form', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const form = lastCard(h);
    expect(inputIds(form)).toEqual([
      'kind',
      'name',
      'contact',
      'language',
      'timeZone',
      'source',
      'intakeDate',
      'consentData',
      'consentMessages',
      'model',
      'priority',
    ]);
    // The name the command carried is already on the form, the date is a calendar.
    expect(form.body.find((e) => e.id === 'name')?.value).toBe('Carmen Ortega Ruiz');
    expect(form.body.find((e) => e.id === 'intakeDate')?.type).toBe('Input.Date');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);

    const caseId = await openedCaseId(await press(h, form, 'Guardar', FILLED));
    const stored = await h.store.repositories.cases.get(caseId);
    expect(stored).toMatchObject({
      status: 'open',
      workerId: 'worker-1',
      model: 'strengths',
      priority: 'high',
      intakeDate: '2026-11-20',
      referralSource: 'Centro de salud Norte',
      client: { kind: 'family', name: 'Carmen Ortega Ruiz', contact: '600 123 456', language: 'es', timeZone: 'Atlantic/Canary' },
      consent: { dataProcessing: true, messaging: false, recordedBy: 'worker-1' },
    });
  });

  it('takes a name corrected on the form over the one the command carried', async () => {
    await teams('nueva apertura Carmen Ortega');
    const caseId = await openedCaseId(await press(h, lastCard(h), 'Guardar', { ...FILLED, name: 'Carmen Ortega Ruiz' }));
    expect((await h.store.repositories.cases.get(caseId))?.client.name).toBe('Carmen Ortega Ruiz');
  });

  it('asks just the wrong answer, then confirms and saves with the rest of the form', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const replies = await press(h, lastCard(h), 'Guardar', { ...FILLED, timeZone: 'Marte/Olympus' });
    expect(replies.join(' ')).toContain('No reconozco esa zona horaria');
    expect(await h.store.repositories.cases.all()).toHaveLength(0);
    // One question, the time zone, and nothing else is asked again; the summary is confirmed.
    expect((await teams('Europe/Madrid')).join(' ')).toContain('Resumen de la apertura');
    expect(await h.store.repositories.cases.all()).toHaveLength(0);
    const caseId = await openedCaseId(await press(h, lastCard(h), 'Sí'));
    expect(await h.store.repositories.cases.get(caseId)).toMatchObject({
      client: { timeZone: 'Europe/Madrid', kind: 'family', contact: '600 123 456' },
      referralSource: 'Centro de salud Norte',
      priority: 'high',
    });
  });

  it('asks a missing answer alone, as a card of its own, then confirms', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const { priority: _left, ...withoutPriority } = FILLED;
    await press(h, lastCard(h), 'Guardar', withoutPriority);
    expect(JSON.stringify(lastCard(h))).toContain('Prioridad');
    await press(h, lastCard(h), 'Media');
    const caseId = await openedCaseId(await press(h, lastCard(h), 'Sí'));
    expect((await h.store.repositories.cases.get(caseId))?.priority).toBe('medium');
  });

  it('takes an empty contact box as no contact, without asking', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const { contact: _empty, ...withoutContact } = FILLED;
    const caseId = await openedCaseId(await press(h, lastCard(h), 'Guardar', withoutContact));
    expect((await h.store.repositories.cases.get(caseId))?.client.contact).toBe('');
  });

  it('ends as before when the consent is refused, saving nothing', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const replies = await press(h, lastCard(h), 'Guardar', { ...FILLED, consentData: 'No' });
    expect(replies.join(' ')).toContain('Sin el consentimiento');
    expect(await h.store.repositories.cases.all()).toHaveLength(0);
  });

  it('comes in English for an English-speaking worker', async () => {
    await teams('new intake Ann Lee', 'worker-en');
    const form = lastCard(h);
    expect(JSON.stringify(form)).toContain('New case intake');
    expect(JSON.stringify(form)).not.toContain('Guardar');
    const replies = await press(h, form, 'Save', { ...FILLED, language: 'en', consentData: 'Yes', consentMessages: 'Yes' }, 'worker-en');
    const caseId = /Case (C-[A-Z0-9]{6}) opened/.exec(replies.join('\n'))?.[1];
    expect(caseId, replies.join('\n')).toBeDefined();
    expect(await h.store.repositories.cases.get(caseId!)).toMatchObject({ client: { name: 'Ann Lee', language: 'en' }, consent: { messaging: true } });
  });
});
