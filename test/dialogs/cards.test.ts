// Questions as cards in Teams: every question comes as a card built from the spec that reads
// the typed answer, a pressed button reaches the same step as typing, and an old card
// changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionCard } from '../../dialogs/cards/questionCard.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, actionTitled, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const teams = (text: string, user = 'worker-1') => h.send(text, user, TEAMS);

describe('questions as cards in Teams', () => {
  // The intake comes as one form; what the form leaves unanswered is asked as a card of its own.
  it('asks what a form left unanswered as cards whose buttons answer like typing', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const form = lastCard(h);
    expect(form.version).toBe('1.5');
    expect(JSON.stringify(form)).toContain('¿A quién atiende el caso');
    await press(h, form, 'Guardar', { kind: 'family' });
    const source = lastCard(h);
    expect(inputIds(source)).toEqual(['answer']);
    expect(JSON.stringify(source)).toContain('Fuente de derivación');
    await press(h, source, 'Enviar', { answer: 'Centro de salud Norte' });
    // The next question came: the source was taken.
    expect(JSON.stringify(lastCard(h))).not.toEqual(JSON.stringify(source));
  });

  it('says an old card changes nothing, pressed twice or after the step moved on', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const form = lastCard(h);
    await press(h, form, 'Guardar', { kind: 'family' });
    const source = lastCard(h);
    const replies = await press(h, form, 'Guardar', { kind: 'individual' });
    expect(replies[0]).toMatch(/ya se respondió o es de un paso anterior/);
    // The pending question is shown again, unchanged.
    expect(lastCard(h)).toEqual(source);
    await teams('cancelar');
    const afterDialog = await press(h, source, 'Enviar', { answer: 'otra cosa' });
    expect(afterDialog).toEqual([expect.stringMatching(/ya se respondió/)]);
  });

  it('reads a command word on a card as an answer, not as a command', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    await press(h, lastCard(h), 'Guardar', { kind: 'family' });
    const source = lastCard(h);
    await press(h, source, 'Enviar', { answer: 'cancelar' });
    expect(h.lastReplies.map((r) => r.text ?? '').join(' ')).not.toMatch(/Cancelad/);
    expect(lastCard(h)).not.toEqual(source);
  });

  it('shows yes and no as two buttons, and short choice lists as buttons', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    await press(h, lastCard(h), 'Guardar', { kind: 'family', source: 'Colegio', intakeDate: '2026-11-20' });
    const consent = lastCard(h);
    expect(() => actionTitled(consent, 'Enviar')).toThrow();
    for (const label of ['Sí', 'No']) expect(actionTitled(consent, label).type).toBe('Action.Submit');
    await press(h, consent, 'Sí');
    await press(h, lastCard(h), 'No');
    await press(h, lastCard(h), 'Enviar', { answer: 'fortalezas' });
    const priority = lastCard(h);
    expect(() => actionTitled(priority, 'Enviar')).toThrow();
    for (const label of ['Alta', 'Media', 'Baja']) expect(actionTitled(priority, label).type).toBe('Action.Submit');
  });

  it('shows a long choice list as a list with one Send', () => {
    const choices = ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis'].map((label) => ({ value: label, label }));
    const list = questionCard('es', '¿Cuál?', { kind: 'choice', choices }, 'token-1');
    expect(actionTitled(list, 'Enviar').type).toBe('Action.Submit');
    expect(inputIds(list)).toEqual(['answer']);
  });

  it('keeps every reply under the Teams size limit', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
  });

  it('keeps questions as text outside the card channels', async () => {
    const replies = await h.send('nueva apertura Carmen Ortega Ruiz');
    expect(replies.join(' ')).toContain('¿A quién atiende el caso');
    expect(h.lastReplies.every((r) => !r.attachments?.length)).toBe(true);
  });
});

describe('command buttons and once-only forms', () => {
  it('starts a command pressed on a card, leaving what was being asked', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const replies = await h.send('', 'worker-1', { ...TEAMS, value: { enlace: { command: 'mis casos' } } });
    expect(replies.join(' ') + JSON.stringify(h.lastReplies)).toMatch(/casos/i);
    const next = await teams('familia');
    // «familia» no longer answers the intake: the intake was left.
    expect(next.join(' ')).not.toMatch(/¿Cómo se contacta/);
  });

  it('takes a once-only form a single time', async () => {
    const form = { enlace: { command: 'mis casos', once: 'form-1' } };
    const first = await h.send('', 'worker-1', { ...TEAMS, value: form });
    expect(first.join(' ')).not.toMatch(/ya se respondió/);
    const second = await h.send('', 'worker-1', { ...TEAMS, value: form });
    expect(second).toEqual([expect.stringMatching(/ya se respondió o es de un paso anterior/)]);
  });
});

describe('picking a case on a card', () => {
  it('offers the cases as buttons, and a press picks the case', async () => {
    await h.close();
    h = await createHarness({
      cases: [
        caseRecord({ id: 'C-TESTAA', workerId: 'worker-1' }),
        caseRecord({ id: 'C-TESTBB', workerId: 'worker-1', client: { ...caseRecord().client, name: 'Ana Pérez' } }),
      ],
    });
    await teams('registrar contacto');
    const picker = lastCard(h);
    await press(h, picker, 'C-TESTBB · Ana Pérez');
    expect(h.lastReplies.map((r) => r.text ?? '').join(' ')).toContain('Caso C-TESTBB · Ana Pérez');
  });
});
