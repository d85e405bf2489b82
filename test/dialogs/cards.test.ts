// Questions as cards in Teams: every question comes as a card built from the spec that reads
// the typed answer, a pressed button reaches the same step as typing, and an old card
// changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, actionTitled, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const teams = (text: string, user = 'worker-1') => h.send(text, user, TEAMS);

describe('questions as cards in Teams', () => {
  it('asks the intake questions as cards whose buttons answer like typing', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const kind = lastCard(h);
    expect(kind.version).toBe('1.5');
    expect(JSON.stringify(kind)).toContain('¿A quién atiende el caso');
    await press(h, kind, 'Familia');
    const contact = lastCard(h);
    expect(inputIds(contact)).toEqual(['answer']);
    await press(h, contact, 'Enviar', { answer: '600 123 456' });
    // The next question came: the contact was taken.
    expect(JSON.stringify(lastCard(h))).not.toEqual(JSON.stringify(contact));
  });

  it('takes a typed answer in Teams as well', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const kind = lastCard(h);
    await teams('familia');
    expect(lastCard(h)).not.toEqual(kind);
  });

  it('says an old card changes nothing, pressed twice or after the step moved on', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const kind = lastCard(h);
    await press(h, kind, 'Familia');
    const contact = lastCard(h);
    const replies = await press(h, kind, 'Persona');
    expect(replies[0]).toMatch(/ya se respondió o es de un paso anterior/);
    // The pending question is shown again, unchanged.
    expect(lastCard(h)).toEqual(contact);
    await teams('cancelar');
    const afterDialog = await press(h, contact, 'Enviar', { answer: 'otra cosa' });
    expect(afterDialog).toEqual([expect.stringMatching(/ya se respondió/)]);
  });

  it('reads a command word on a card as an answer, not as a command', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    await press(h, lastCard(h), 'Familia');
    const contact = lastCard(h);
    await press(h, contact, 'Enviar', { answer: 'cancelar' });
    expect(h.lastReplies.map((r) => r.text ?? '').join(' ')).not.toMatch(/Cancelad/);
    expect(lastCard(h)).not.toEqual(contact);
  });

  it('shows yes and no as two buttons, and long choice lists as a list with one Send', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const kind = lastCard(h);
    expect(() => actionTitled(kind, 'Enviar')).toThrow();
    for (const label of ['Persona', 'Familia', 'Grupo', 'Comunidad']) expect(actionTitled(kind, label).type).toBe('Action.Submit');
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
