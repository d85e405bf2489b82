// Follow-ups end to end: the real server in this process on a data folder, a Bot Connector
// stand-in over HTTP, and a clock the test moves. Rounds of the scheduler are run on demand
// (the loop also runs on its own, reading the same clock).
import type { RoundReport } from '../../../src/app/scheduler.js';
import type { Job } from '../../../src/domain/followups/job.js';
import type { Case, Staff, UserProfile } from '../../../src/domain/schemas.js';
import { JsonStore } from '../../../src/store/jsonStore.js';
import { recordsAsRestartReads } from '../../support/recordsOnDisk.js';
import { startConnectorStandIn, type ConnectorStandIn } from './connectorStandIn.js';
import { conversationRef, seededDataDir, startInProcess } from './seededBot.js';

export class TestClock {
  ms: number;
  constructor(iso: string) {
    this.ms = Date.parse(iso);
  }
  now = (): Date => new Date(this.ms);
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface WorldSeed {
  cases: Case[];
  staff?: Staff[];
  /** Chat user → case: linked clients. */
  links?: Record<string, string>;
  /** People the bot can reach: each has a stored reference to conversation `conv-<id>`. */
  reachable?: string[];
}

export interface World {
  dataDir: string;
  connector: ConnectorStandIn;
  clock: TestClock;
  bot: Awaited<ReturnType<typeof startInProcess>>;
  /** One scheduler round at the clock's current reading. */
  round(): Promise<RoundReport>;
  /** Texts of the follow-ups accepted for `userId`'s conversation so far. */
  followUpsTo(userId: string): string[];
  /** Stops the bot (as a clean stop) and starts it again on the same folder, at `at` if given. */
  restart(at?: string): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(seed: WorldSeed, startAt: string): Promise<World> {
  const connector = await startConnectorStandIn();
  const dataDir = await seededDataDir({
    cases: seed.cases,
    ...(seed.staff ? { staff: seed.staff } : {}),
    clientLinks: Object.entries(seed.links ?? {}).map(([id, caseId]) => ({ id, caseId, linkedAt: '2026-01-01T00:00:00.000Z', codeId: `L-${id}` })),
    conversationRefs: (seed.reachable ?? []).map((id) => conversationRef(id, `conv-${id}`, connector.serviceUrl)),
  });
  const clock = new TestClock(startAt);
  let bot = await startInProcess(dataDir, clock.now);
  let running = true;
  const world: World = {
    dataDir,
    connector,
    clock,
    get bot() {
      return bot;
    },
    round: () => bot.followUps.runNow(),
    followUpsTo: (userId) => connector.proactiveTo(`conv-${userId}`).map((r) => r.activity.text ?? ''),
    async restart(at) {
      if (running) await bot.stop();
      if (at) clock.set(at);
      bot = await startInProcess(dataDir, clock.now);
      running = true;
    },
    async stop() {
      if (running) await bot.stop();
      running = false;
    },
    async close() {
      await world.stop();
      await connector.close();
    },
  };
  return world;
}

/** Changes stored records while the bot is stopped (as an admin restoring data would). */
export async function changeStore(dataDir: string, change: (store: JsonStore) => Promise<void>): Promise<void> {
  const store = await JsonStore.open(dataDir);
  await change(store);
  await store.close();
}

/**
 * The records of a collection on disk (outbox, users…), read straight from the files; the
 * jobs and the dialog state, which have no file each, as a restart would read them.
 */
export async function recordsOnDisk<T extends { id: string }>(dataDir: string, collection: string): Promise<T[]> {
  return recordsAsRestartReads<T>(dataDir, collection);
}

export const jobsOnDisk = (dataDir: string): Promise<Job[]> => recordsOnDisk<Job>(dataDir, 'jobs');

export async function profileOnDisk(dataDir: string, userId: string): Promise<UserProfile | undefined> {
  return (await recordsOnDisk<UserProfile>(dataDir, 'users')).find((p) => p.id === userId);
}
