// The entry point as a real process: a stop in the middle of a dialog loses nothing, and a
// stop while a turn is in flight finishes that turn before exiting 0.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postToBot, send, sendAll, messageActivity } from './support/botClient.js';
import { killLeftoverBots, startBotProcess, type ListeningBot } from './support/botProcess.js';
import { startConnectorStandIn, type ConnectorStandIn } from './support/connectorStandIn.js';
import { ASKING_TIME_ZONE, INTAKE_ES, yesterdayIn } from './support/intakeAnswers.js';
import { casesOnDisk, seededDataDir } from './support/seededBot.js';

// Each test starts the entry point two or three times; on a busy machine a start takes seconds.
const CHILD_TEST_TIMEOUT = 120_000;

let connector: ConnectorStandIn;
let dataDir: string;

beforeEach(async () => {
  dataDir = await seededDataDir();
  connector = await startConnectorStandIn();
});
afterEach(async () => {
  await killLeftoverBots();
  await connector.close();
});

describe('a restart in the middle of a dialog', () => {
  it(
    'continues the intake where it stopped, and the case is listed after it',
    async () => {
      const first = await startBotProcess(dataDir);
      await send(first.url, connector, 'worker-1', 'hola');
      const halfway = await sendAll(first.url, connector, 'worker-1', INTAKE_ES.slice(0, ASKING_TIME_ZONE));
      expect(halfway.join()).toContain('Zona horaria de la persona');
      expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      expect(first.stdout()).toContain('SIGTERM: finishing turns in flight and flushing the store');
      expect(await casesOnDisk(dataDir)).toHaveLength(0);

      const second = await startBotProcess(dataDir);
      const next = await send(second.url, connector, 'worker-1', INTAKE_ES[ASKING_TIME_ZONE]!);
      expect(next.join()).toContain('Fuente de derivación');
      await sendAll(second.url, connector, 'worker-1', INTAKE_ES.slice(ASKING_TIME_ZONE + 1));
      const done = (await send(second.url, connector, 'worker-1', 'sí')).join('\n');
      const caseId = /Caso (C-[A-Z0-9]{6}) abierto para Familia García/.exec(done)?.[1];
      expect(caseId).toBeDefined();

      const [stored] = await casesOnDisk(dataDir);
      expect(stored).toMatchObject({
        id: caseId,
        workerId: 'worker-1',
        intakeDate: yesterdayIn('Europe/Madrid'),
        referralSource: 'Centro de salud Norte',
        client: { kind: 'family', name: 'Familia García', contact: '600 123 456', language: 'es', timeZone: 'Europe/Madrid' },
        consent: { dataProcessing: true, messaging: false },
      });

      // SIGINT stops it cleanly too; after a third start the caseload lists the case.
      expect(await second.stop('SIGINT')).toEqual({ code: 0, signal: null });
      const third = await startBotProcess(dataDir);
      const caseload = (await send(third.url, connector, 'worker-1', 'mis casos')).join('\n');
      expect(caseload).toContain('Casos (1)');
      expect(caseload).toContain(caseId);
      expect(caseload).toContain('Familia García');
      expect(await third.stop()).toEqual({ code: 0, signal: null });
    },
    CHILD_TEST_TIMEOUT,
  );
});

describe('SIGTERM while a turn is in flight', () => {
  it(
    'finishes the turn (reply delivered, case stored) before exiting 0',
    async () => {
      const bot = await startBotProcess(dataDir);
      await send(bot.url, connector, 'worker-1', 'hola');
      await sendAll(bot.url, connector, 'worker-1', INTAKE_ES);
      // The connector holds its answer to the confirmation, so the turn is still running.
      const hold = connector.holdRepliesMatching(/abierto/);
      const confirming = postToBot(bot.url, messageActivity('sí', { user: 'worker-1', serviceUrl: connector.serviceUrl }));
      const created = await connector.waitForText(/abierto/);
      const caseId = /C-[A-Z0-9]{6}/.exec(created.activity.text ?? '')![0];

      bot.child.kill('SIGTERM');
      await waitFor(() => bot.stdout().includes('SIGTERM: finishing turns in flight'));
      const lateMessage = messageActivity('mis casos', { user: 'worker-1', serviceUrl: connector.serviceUrl });
      const late = await postToBot(bot.url, lateMessage).then(
        (r) => r.status,
        () => 'refused',
      );
      expect([503, 'refused']).toContain(late);
      expect(bot.child.exitCode).toBeNull();

      hold.release();
      expect((await confirming).status).toBe(200);
      // The channel keeps writing (Bot Connector retries, other users): each message is
      // refused, and none of them may hold the exit back now that the last turn is answered.
      const answered = Date.now();
      const refusedWhileStopping = await keepPostingUntilExit(bot, 3000);
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      const exitDelayMs = Date.now() - answered;
      expect(refusedWhileStopping.every((status) => status === 503 || status === 'refused')).toBe(true);
      expect((await casesOnDisk(dataDir)).map((c) => c.id)).toEqual([caseId]);
      expect(connector.received.filter((r) => r.replyToId === lateMessage.id)).toHaveLength(0);

      // The dialog ended with the turn: after a restart the worker is at the menu, not mid-intake.
      const again = await startBotProcess(dataDir);
      const reply = (await send(again.url, connector, 'worker-1', 'mis casos')).join('\n');
      expect(reply).toContain(caseId);
      await again.stop();

      expect(exitDelayMs).toBeLessThan(2500);
    },
    CHILD_TEST_TIMEOUT,
  );
});

/** Posts a message every 250 ms until the bot exits or `limitMs` passes; the statuses. */
async function keepPostingUntilExit(bot: ListeningBot, limitMs: number): Promise<(number | 'refused')[]> {
  const statuses: (number | 'refused')[] = [];
  const until = Date.now() + limitMs;
  while (bot.child.exitCode === null && bot.child.signalCode === null && Date.now() < until) {
    const message = messageActivity('hola', { user: 'worker-2', serviceUrl: connector.serviceUrl });
    statuses.push(
      await postToBot(bot.url, message).then(
        (r) => r.status,
        () => 'refused' as const,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return statuses;
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
