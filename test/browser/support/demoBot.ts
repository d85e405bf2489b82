// The bot in this process on the demo data (`npm run seed:demo`), on a clock the test moves:
// follow-ups fall due when the test says, not after hours of waiting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../../src/cli/seedDemo.js';
import { type RunningBot, startBot } from '../../../src/server.js';
import { readSettings } from '../../../src/settings.js';
import { JsonStore } from '../../../src/store/jsonStore.js';

/** A clock that runs at normal speed from an instant, and that the test moves forward. */
export class MovableClock {
  private offsetMs: number;

  constructor(startsAt: string) {
    this.offsetMs = Date.parse(startsAt) - Date.now();
  }

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Moves the clock to `iso`; it never goes back. */
  moveTo(iso: string): void {
    const target = Date.parse(iso);
    if (target < this.now().getTime()) throw new Error(`the clock reads ${this.now().toISOString()} already; it does not go back to ${iso}`);
    this.offsetMs = target - Date.now();
  }
}

export interface DemoBot {
  bot: RunningBot;
  clock: MovableClock;
  /** Where the Playground posts: http://127.0.0.1:<port>/api/messages. */
  endpoint: string;
  dataDir: string;
  /** Moves the clock and runs a round of follow-ups at once; returns how many messages went out. */
  followUpsAt(iso: string): Promise<number>;
  stop(): Promise<void>;
}

/** Seeds the demo as of `startsAt` into a new folder and starts the bot on it, on 127.0.0.1 and a free port. */
export async function startDemoBot(startsAt: string): Promise<DemoBot> {
  const clock = new MovableClock(startsAt);
  const dataDir = await mkdtemp(join(tmpdir(), 'enlace-browser-'));
  const store = await JsonStore.open(dataDir);
  await seedDemo(store.repositories, clock.now());
  await store.close();
  const bot = await startBot(readSettings({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), { now: clock.now });
  return {
    bot,
    clock,
    endpoint: `http://127.0.0.1:${bot.port}/api/messages`,
    dataDir,
    async followUpsAt(iso) {
      clock.moveTo(iso);
      const report = await bot.followUps.runNow();
      return report.sent;
    },
    async stop() {
      await bot.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
