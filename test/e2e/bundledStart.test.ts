// What `npm start` runs: the build (tsc, then the bundle of the bot and its packages) started
// in its own process. The parts loaded on first use must still load from the bundle's place:
// the chart libraries (a chunk of the bundle, and resvg's native addon from node_modules) and
// chrono's Spanish dates.
import type { Activity } from 'botbuilder';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../src/cli/build.js';
import { seedDemo } from '../../src/cli/seedDemo.js';
import { DEMO_CASE_IDS } from '../../src/demo/demoData.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { tempDir } from '../support/tempDir.js';
import { messageActivity, postToBot } from './support/botClient.js';
import { killLeftoverBots, startBotProcess, type ListeningBot } from './support/botProcess.js';

// tsc and esbuild on a busy machine.
const BUILD_TIMEOUT = 240_000;
const CHILD_TEST_TIMEOUT = 60_000;
const CASE = DEMO_CASE_IDS.strengths;

afterEach(killLeftoverBots);

beforeAll(async () => {
  await buildIfStale();
}, BUILD_TIMEOUT);

async function demoBot(): Promise<ListeningBot> {
  const dataDir = await tempDir('enlace-bundled-');
  const store = await JsonStore.open(dataDir);
  await seedDemo(store.repositories, new Date());
  await store.close();
  return startBotProcess(dataDir, {}, 45_000, { bundled: true });
}

/** What Lucía, the demo's worker, gets back in Teams or the emulator for `text`. */
async function asLucia(bot: ListeningBot, text: string, channelId: 'msteams' | 'emulator'): Promise<Partial<Activity>[]> {
  const activity = {
    ...messageActivity(text, { user: 'user-id-0', serviceUrl: 'http://127.0.0.1:9/unused', deliveryMode: 'expectReplies', locale: 'es-ES' }),
    channelId,
    from: { id: 'user-id-0', name: 'Lucía', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
    conversation: { id: 'conv-lucia', conversationType: 'personal' } as Activity['conversation'],
  };
  const response = await postToBot(bot.url, activity);
  expect(response.status).toBe(200);
  return ((await response.json()) as { activities?: Partial<Activity>[] }).activities ?? [];
}

describe('the bundled bot, as npm start runs it', () => {
  it(
    'shows a case with its progress chart and reads a Spanish date',
    async () => {
      const bot = await demoBot();
      const view = JSON.stringify(await asLucia(bot, `ver caso ${CASE}`, 'msteams'));
      expect(view).toContain(CASE);
      // The chart, drawn by Vega and resvg, embedded in the card.
      expect(view).toMatch(/data:image\/png;base64,[A-Za-z0-9+/]{1000}/);

      await asLucia(bot, 'cancelar', 'emulator');
      const asked = await asLucia(bot, `apunta un contacto en ${CASE}`, 'emulator');
      expect(asked.map((a) => a.text).join('\n')).toMatch(/Fecha del contacto/);
      const answered = (await asLucia(bot, 'pasado mañana a las 9', 'emulator')).map((a) => a.text).join('\n');
      const inTwoDays = new Intl.DateTimeFormat('es-ES', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Madrid' }).format(
        new Date(Date.now() + 2 * 86_400_000),
      );
      // A contact cannot be in the future: the date was read, and refused for that.
      expect(answered).toContain('aún no ha llegado');
      expect(answered).toContain(inTwoDays);
      expect((await bot.stop()).code).toBe(0);
    },
    CHILD_TEST_TIMEOUT,
  );
});
