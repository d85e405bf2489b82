// Each role's menu as a card of command buttons in Teams, in the person's language: a button
// starts its step as typing its name does; outside the card channels the menu stays text.
import { afterEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../dialogs/cards/elements.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, elementsOf, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { caseRecord } from '../support/records.js';

let h: Harness;
afterEach(async () => h?.close());

const buttons = (card: AdaptiveCard) => elementsOf(card).filter((e) => e.type === 'Action.Submit');
const titles = (card: AdaptiveCard) => buttons(card).map((e) => String(e.title));

describe('the menu as a card', () => {
  it("shows a worker's options as buttons grouped by the work, each running its command", async () => {
    h = await createHarness();
    await h.send('hola', 'worker-1', TEAMS);
    const menu = lastCard(h);
    expect(titles(menu)).toContain('Nueva apertura de caso');
    expect(titles(menu)).toContain('Registrar un contacto');
    expect(titles(menu)).not.toContain('Casos del equipo');
    const text = JSON.stringify(menu);
    for (const group of ['Casos', 'Valoración y plan', 'Seguimiento y decisiones', 'Más']) expect(text).toContain(`"text":"${group}"`);
    // Long titles have a row of their own: never two long ones side by side.
    for (const set of elementsOf(menu).filter((e) => e.type === 'ActionSet')) {
      const row = set.actions as { title: string }[];
      if (row.length > 1) for (const b of row) expect(b.title.length).toBeLessThanOrEqual(22);
    }
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);

    await press(h, menu, 'Nueva apertura de caso');
    expect(JSON.stringify(lastCard(h))).toContain('¿A quién atiende el caso');
  });

  it("shows a supervisor's own options, and one pressed in the middle of a step starts afresh", async () => {
    h = await createHarness();
    await h.send('hola', 'super-1', TEAMS);
    const menu = lastCard(h);
    expect(titles(menu)).toEqual(expect.arrayContaining(['Casos del equipo', 'Decidir sobre un aviso', 'Revisión de casos marcados']));
    expect(titles(menu)).not.toContain('Nueva apertura de caso');
    const replies = await press(h, menu, 'Casos del equipo', {}, 'super-1');
    expect(replies.join(' ')).not.toMatch(/No he entendido/);
  });

  it("shows a client's menu large and plain, one button a line", async () => {
    h = await createHarness({ cases: [caseRecord({ id: 'C-CLIEN2' })] });
    await h.store.repositories.clientLinks.put({ id: 'client-1', caseId: 'C-CLIEN2', linkedAt: '2026-11-01T09:00:00.000Z', codeId: 'L-1' });
    await h.send('hola', 'client-1', TEAMS);
    const menu = lastCard(h);
    expect(menu.body[0]).toMatchObject({ type: 'TextBlock', size: 'Large' });
    const sets = elementsOf(menu).filter((e) => e.type === 'ActionSet');
    expect(sets.every((set) => (set.actions as unknown[]).length === 1)).toBe(true);
    expect(titles(menu)).toEqual(['Ver mis objetivos y tareas', 'Contar cómo va una tarea']);
    const replies = await press(h, menu, 'Ver mis objetivos y tareas', {}, 'client-1');
    expect(replies.join(' ')).not.toMatch(/No te he entendido|No he entendido/);
  });

  it('speaks English to an English-speaking worker', async () => {
    h = await createHarness();
    await h.send('hello', 'worker-en', TEAMS);
    const menu = lastCard(h);
    expect(titles(menu)).toContain('Log a contact');
    expect(JSON.stringify(menu)).toContain('What would you like to do?');
  });

  it('keeps the menu as text outside the card channels', async () => {
    h = await createHarness();
    const replies = await h.send('hola');
    expect(replies.join('\n')).toContain('1. Nueva apertura de caso');
    expect(h.lastReplies.every((r) => !r.attachments?.length)).toBe(true);
  });
});
