// kill -9 of the bot process (the entry point, as `npm start` runs it) while several
// conversations are logging contacts: after each of 20 rounds the store loads, and every
// contact the bot had confirmed as saved is in it.
import { describe, expect, it } from 'vitest';
import { messageActivity, postToBot } from '../e2e/support/botClient.js';
import { killLeftoverBots, startBotProcess } from '../e2e/support/botProcess.js';
import { seededDataDir } from '../e2e/support/seededBot.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { caseRecord } from '../support/records.js';

const ROUNDS = Number(process.env.KILL_ROUNDS ?? 20);
const WRITERS = [
  { user: 'worker-1', caseId: 'C-KPAA21' },
  { user: 'worker-2', caseId: 'C-KPAA22' },
  { user: 'worker-1', caseId: 'C-KPAA23' },
];
const SAVED = /Contacto (K-[A-Z0-9]{6}) guardado en el caso (C-[A-Z0-9]{6})/;

describe('kill -9 during a stream of acknowledged changes', () => {
  it(
    `loses no acknowledged change over ${ROUNDS} rounds, and the store loads after each`,
    async () => {
      const dataDir = await seededDataDir({
        cases: WRITERS.map(({ user, caseId }) => caseRecord({ id: caseId, workerId: user, team: 'norte' })),
      });
      const acknowledged = new Map<string, string>();
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const bot = await startBotProcess(dataDir);
          let killed = false;
          let firstAck: () => void = () => {};
          const acked = new Promise<void>((resolve) => {
            firstAck = resolve;
          });
          // Each writer logs contacts one after another, in its own conversation, until the kill.
          const writers = WRITERS.map(async ({ user, caseId }, n) => {
            const conversationId = `kill-${round}-${n}`;
            const say = (text: string) => turn(bot.url, user, conversationId, text);
            try {
              await say('hola');
              while (!killed) {
                for (const answer of [`contacto ${caseId}`, 'hoy', 'sí', 'llamada', '10', 'la persona', `Ronda ${round}`]) await say(answer);
                const saved = SAVED.exec((await say('sí')).join('\n'));
                if (saved) {
                  acknowledged.set(saved[1]!, saved[2]!);
                  firstAck();
                }
              }
            } catch (error) {
              // A turn cut off by the kill was never acknowledged.
              if (!killed) throw error;
            }
          });
          await acked;
          // Somewhere in the middle of the next writes: after 0 to 400 ms more.
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 400)));
          killed = true;
          expect(await bot.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
          await Promise.all(writers);

          const store = await JsonStore.open(dataDir);
          const logged = new Map<string, string>();
          for (const { caseId } of WRITERS) {
            for (const contact of (await store.repositories.cases.get(caseId))?.contacts ?? []) logged.set(contact.id, caseId);
          }
          await store.close();
          for (const [contactId, caseId] of acknowledged) expect(logged.get(contactId), `round ${round}: ${contactId}`).toBe(caseId);
        }
      } finally {
        await killLeftoverBots();
      }
      expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS);
    },
    ROUNDS * 60_000,
  );
});

/** One typed message; the replies come back in the response (deliveryMode expectReplies). */
async function turn(botUrl: string, user: string, conversationId: string, text: string): Promise<string[]> {
  const activity = messageActivity(text, { user, conversationId, serviceUrl: 'http://127.0.0.1:9/unused', deliveryMode: 'expectReplies' });
  const response = await postToBot(botUrl, activity);
  if (response.status !== 200) throw new Error(`the bot answered ${response.status} to "${text}"`);
  const body = (await response.json()) as { activities?: { text?: string }[] };
  return (body.activities ?? []).map((a) => a.text ?? '');
}
