// Team outcomes as a card in Teams: the chart of the change per area as an image, the figures
// as facts and the CSV attached, all under Teams' message limit.
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT_BYTES } from '../../dialogs/teamOutcomesDialog.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, elementsOf, lastCard, replyBytes } from '../support/cardDriver.js';
import { ALL_CASES, SERVICES } from '../support/outcomesFixtures.js';

let h: Harness;
afterEach(async () => h?.close());

async function outcomes(user: string, typed: string, hello = 'hola') {
  h = await createHarness({ now: new Date('2026-12-05T09:00:00Z'), cases: ALL_CASES });
  for (const service of SERVICES) await h.store.repositories.services.put(service);
  await h.send(hello, user, TEAMS);
  await h.send(typed, user, TEAMS);
  return lastCard(h);
}

describe('team outcomes as a card', () => {
  it('shows the chart of the change per area, the figures as facts and the CSV, under the size limit', async () => {
    const card = await outcomes('super-1', 'resultados septiembre a noviembre');
    const [chart] = elementsOf(card).filter((e) => e.type === 'Image');
    expect(String(chart?.url)).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(String(chart!.url).split(',')[1]!, 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // The chart's width is the card's; one row per area charted.
    expect(png.readUInt32BE(16)).toBe(500);
    expect(String(chart!.altText)).toMatch(/Ingresos \+1,5/i);
    const facts = elementsOf(card)
      .filter((e) => e.type === 'FactSet')
      .flatMap((e) => e.facts as { title: string; value: string }[]);
    expect(facts).toEqual(
      expect.arrayContaining([
        { title: expect.stringMatching(/^ingresos$/i), value: '+1,5 · mejoran 2, igual 0, empeoran 0 (de 2)' },
        { title: 'Objetivos', value: expect.stringMatching(/^logrados 2 de 4 \(50\s%\), en parte 1, no logrados 1$/) },
        { title: 'Tareas', value: '2,5 sobre 4 (4 valoraciones)' },
        { title: 'Revisiones', value: '1 a tiempo, 2 con retraso, 1 sin fecha prevista' },
        { title: 'Orientación laboral', value: 'completadas 0, rechazadas 0, con el cierre 1' },
      ]),
    );
    const csv = (h.lastReplies.at(-1)?.attachments ?? []).find((a) => a.contentType === 'text/csv');
    expect(csv?.name).toBe('resultados-norte-2026-09-01-2026-11-30.csv');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
    expect(MESSAGE_LIMIT_BYTES).toBe(TEAMS_MESSAGE_BYTES);
  });

  it('speaks English to an English-speaking supervisor', async () => {
    const card = await outcomes('super-sur', 'outcomes', 'hello');
    expect(JSON.stringify(card)).toContain('Outcomes of team sur');
    expect(JSON.stringify(card)).not.toContain('Objetivos');
  });
});
