// Entry point: `npm start`. Reads settings, opens the store (stopping on bad data, which is
// left untouched), serves the bot, and stops cleanly on SIGTERM/SIGINT.
import './heapGrowth.js';
import 'dotenv/config';
import { warmUpCharts } from './app/chartImage.js';
import { readSettings } from './settings.js';
import { startBot } from './server.js';
import { StoreError } from './store/errors.js';

const begun = Date.now();
const CHART_WARM_UP_DELAY_MS = 5_000;
try {
  const settings = readSettings();
  const bot = await startBot(settings, { syncFollowUpsInBackground: true });
  bot.jobsOpened.catch((error: unknown) => {
    cannotStart(error);
    process.exit(1);
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing turns in flight and flushing the store`);
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Said once a stop signal is handled: whoever waits for this line may stop the bot at once.
  console.log(
    `Enlace listening on ${bot.url}/api/messages (data: ${settings.dataDir}, auth: ${settings.appId ? 'on' : 'off'}, started in ${Date.now() - begun} ms)`,
  );
  // After the start, not in it: the first case view then finds the chart libraries loaded. The
  // start's own work (jobs, the follow-up sync) goes first. A chart that cannot be drawn is
  // reported when a case view needs one.
  void bot.jobsOpened.then(() => setTimeout(() => void warmUpCharts().catch(() => undefined), CHART_WARM_UP_DELAY_MS).unref()).catch(() => undefined);
} catch (error) {
  cannotStart(error);
  process.exit(1);
}

function cannotStart(error: unknown): void {
  if (error instanceof StoreError) {
    console.error(`Enlace cannot start: the data file ${error.file} ${error.problem}. The file has been left as it is; fix or restore it, then start again.`);
  } else {
    console.error(`Enlace cannot start: ${(error as Error).message}`);
  }
}
