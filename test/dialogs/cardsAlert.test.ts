// The overdue review alert as a card in Teams: sent with its decisions as Universal Actions;
// a press decides through the same rules and audit as typing, and is answered with the card
// showing the decision, who and when, with no buttons left; a second press changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { ProactiveSender } from '../../src/bot/proactiveSender.js';
import { newJob } from '../../src/domain/followups/job.js';
import type { Case } from '../../src/domain/schemas.js';
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard } from '../../dialogs/cards/elements.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, cardsIn, elementsOf, lastCard, pressExecute } from '../support/cardDriver.js';
import { caseRecord } from '../support/records.js';

let h: Harness;
afterEach(async () => h?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC.
const NOW = '2026-11-23T09:00:00.000Z';
const SUPER = 'super-1';
const CASES = ['C-LATEAA', 'C-LATEBB'];
const stored = async (id = CASES[0]!): Promise<Case> => (await h.store.repositories.cases.get(id))!;

interface Posted {
  text: string;
  attachments?: { contentType: string; content: unknown }[];
}

/** Two cases of the team whose review fell due on 10 November; the overdue alerts sent to the supervisor's Teams chat. */
async function sendAlerts(channelId = 'msteams', supervisor = SUPER): Promise<Posted[]> {
  h = await createHarness({
    cases: CASES.map((id, i) => caseRecord({ id, client: { ...caseRecord().client, name: i === 0 ? 'Ana P.' : 'Luis R.' }, nextReviewDate: '2026-11-10' })),
  });
  await h.send('hola', supervisor, TEAMS);
  await h.store.repositories.conversationRefs.put({
    id: supervisor,
    channelId,
    serviceUrl: 'http://127.0.0.1:1',
    updatedAt: NOW,
    reference: { channelId, serviceUrl: 'http://127.0.0.1:1', user: { id: supervisor }, bot: { id: 'enlace-bot' }, conversation: { id: `conv-${supervisor}` } },
  });
  const posts: Posted[] = [];
  const sender = new ProactiveSender({
    followUps: h.services.followUps.delivery,
    post: async (_reference, activity) => {
      posts.push(activity);
      return { ok: true, status: 201 };
    },
    clockMs: () => 0,
    sleep: async () => undefined,
  });
  const jobs = CASES.map((caseId) =>
    newJob(
      { kind: 'overdueReview', caseId, recipient: { role: 'supervisor', staffId: supervisor }, subject: { reviewDate: '2026-11-10' }, dueAt: NOW },
      new Date(NOW),
    ),
  );
  expect(await sender.send({ recipient: { role: 'supervisor', staffId: supervisor }, jobs })).toEqual({ outcome: 'sent' });
  return posts;
}

function sentCard(posts: Posted[]): AdaptiveCard {
  const cards = posts.flatMap((p) => (p.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_TYPE).map((a) => a.content as AdaptiveCard));
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

const executes = (card: AdaptiveCard) => elementsOf(card).filter((e) => e.type === 'Action.Execute');

describe('the overdue review alert as a card', () => {
  it('goes to a Teams chat as one card with short Execute decisions per case, under the size limit', async () => {
    const posts = await sendAlerts();
    expect(posts).toHaveLength(1);
    // The overdue reviews are on the card, not repeated in the text.
    expect(posts[0]!.text).toBe('');
    const card = sentCard(posts);
    expect(JSON.stringify(card)).toContain('Reevaluaciones vencidas (2)');
    expect(executes(card).map((e) => e.title)).toEqual([
      ...['Continuar', 'Cambiar enfoque', 'Cerrar caso', 'Recordárselo'],
      ...['Continuar', 'Cambiar enfoque', 'Cerrar caso', 'Recordárselo'],
    ]);
    for (const action of executes(card)) expect(String(action.title).length).toBeLessThanOrEqual(16);
    expect(Buffer.byteLength(JSON.stringify(posts[0]), 'utf8')).toBeLessThan(TEAMS_MESSAGE_BYTES);
  });

  it('stays text where the chat shows no cards', async () => {
    const posts = await sendAlerts('emulator');
    expect(posts[0]!.attachments).toBeUndefined();
    expect(posts[0]!.text).toContain('Reevaluación vencida');
  });

  it('decides on a press: recorded and audited as typed, answered with the card showing who and when, no buttons left for it', async () => {
    const card = sentCard(await sendAlerts());
    const firstCase = executes(card).find((e) => e.title === 'Continuar')!;
    expect(JSON.stringify(firstCase.data)).toContain(CASES[0]);
    const { answer } = await pressExecute(h, card, 'Continuar');
    expect(answer.status).toBe(200);
    expect(answer.body.statusCode).toBe(200);
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const updated = answer.body.value;
    expect(JSON.stringify(updated)).toContain('Decidido: «Continuar», por Marta Gil, el lunes, 23 de noviembre de 2026.');
    // The decided case has no buttons; the other keeps its four.
    expect(executes(updated)).toHaveLength(4);
    expect(
      executes(updated)
        .map((e) => (e.data as { enlace: { command: string } }).enlace.command)
        .join(' '),
    ).not.toContain(CASES[0]);

    const saved = await stored();
    expect(saved.alerts).toEqual([
      {
        id: expect.stringMatching(/^AL-/),
        kind: 'overdueReview',
        at: NOW,
        reviewDate: '2026-11-10',
        decision: expect.objectContaining({ choice: 'continue', by: SUPER, at: NOW }),
      },
    ]);
    expect(saved.reviews).toEqual([expect.objectContaining({ decision: 'continue', by: SUPER })]);
    const audit = await h.store.repositories.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action === 'alert.decide')).toEqual([expect.objectContaining({ actor: SUPER, caseId: CASES[0], outcome: 'ok' })]);

    // Pressed again from the old card: the decided card, saying so, and nothing changed.
    const again = await pressExecute(h, card, 'Cerrar caso');
    expect(again.answer.status).toBe(200);
    expect(JSON.stringify(again.answer.body.value)).toContain('Este aviso ya está decidido: «Continuar», por Marta Gil');
    expect(await stored()).toEqual(saved);
    expect(again.chat).toEqual([]);
  });

  it('goes on in the chat for a change of approach, with question cards, and for a closure', async () => {
    const card = sentCard(await sendAlerts());
    const { answer, chat } = await pressExecute(h, card, 'Cambiar enfoque');
    expect(JSON.stringify(answer.body.value)).toContain('sigue en el chat');
    expect(cardsIn(chat)).toHaveLength(1);
    expect((await stored()).alerts).toEqual([]);
    // Answered in the chat: recorded as typed decisions are.
    await h.send('', SUPER, { ...TEAMS, value: { ...(elementsOf(lastCard(h)).find((e) => e.title === 'La intensidad')?.data as object) } });
    await h.send('intensiva', SUPER, TEAMS);
    expect((await stored()).alerts).toEqual([expect.objectContaining({ decision: expect.objectContaining({ choice: 'changeApproach' }) })]);

    // The second case's «Cerrar caso».
    const closing = await pressExecute(h, card, 'Cerrar caso', SUPER, 1);
    const closed = executes(closing.answer.body.value);
    // The first case decided in the chat, the second now: no buttons left.
    expect(closed).toHaveLength(0);
    expect(JSON.stringify(closing.answer.body.value)).toContain('El cierre sigue en el chat');
    expect(JSON.stringify(cardsIn(closing.chat))).toContain('Cierre del caso C-LATEBB');
  });

  it('refuses a worker, changing nothing', async () => {
    const card = sentCard(await sendAlerts());
    await h.send('hola', 'worker-1', TEAMS);
    const { answer } = await pressExecute(h, card, 'Continuar', 'worker-1');
    expect(JSON.stringify(answer.body.value)).toContain('no está disponible para tu perfil');
    expect((await stored()).alerts).toEqual([]);
  });

  it('speaks English to an English-speaking supervisor', async () => {
    h = await createHarness({ cases: [caseRecord({ id: 'C-LATECC', workerId: 'worker-en', team: 'sur', nextReviewDate: '2026-11-10' })] });
    const { overdueAlertCard } = await import('../../dialogs/cards/alertCard.js');
    const card = overdueAlertCard('en', [{ caseId: 'C-LATECC', clientName: 'Ana P.', reviewDate: '2026-11-10', status: { kind: 'open' } }], '2026-11-23');
    expect(executes(card).map((e) => e.title)).toEqual(['Continue', 'Change approach', 'Close case', 'Remind worker']);
    await h.send('hello', 'super-sur', TEAMS);
    const { answer } = await pressExecute(h, card, 'Continue', 'super-sur');
    expect(JSON.stringify(answer.body.value)).toContain('by Tom Baker, on Monday, 23 November 2026');
  });
});

describe('an older Teams client', () => {
  it('sends the same decision as a typed command, through the typed path', async () => {
    const card = sentCard(await sendAlerts());
    const fallback = executes(card)[0]!.fallback as { type: string; data: object };
    expect(fallback.type).toBe('Action.Submit');
    const replies = await h.send('', SUPER, { ...TEAMS, value: fallback.data });
    expect(replies.join(' ')).toContain('Decisión registrada en el caso C-LATEAA (revisión vencida): Continuar.');
    expect((await stored()).alerts).toEqual([expect.objectContaining({ decision: expect.objectContaining({ choice: 'continue', by: SUPER }) })]);
  });
});
