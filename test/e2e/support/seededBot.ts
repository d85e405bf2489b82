// A data folder on disk with staff (and cases) registered, and the real server on it
// in this process, on 127.0.0.1 and a free port.
import { recordsAsRestartReads } from '../../support/recordsOnDisk.js';
import type { Case, ClientLink, ConversationRef, Staff } from '../../../src/domain/schemas.js';
import { startBot, type RunningBot } from '../../../src/server.js';
import { readSettings } from '../../../src/settings.js';
import { JsonStore } from '../../../src/store/jsonStore.js';
import { DEMO_STAFF } from '../../support/botHarness.js';
import { tempDir } from '../../support/tempDir.js';

export interface Seed {
  staff?: Staff[];
  cases?: Case[];
  /** Chat users linked to cases as their clients. */
  clientLinks?: ClientLink[];
  /** How to reach people proactively, as if they had written before. */
  conversationRefs?: ConversationRef[];
  /** A folder to use; by default a new one removed after the test. */
  dataDir?: string;
}

/** A data folder with the demo staff (or `seed.staff`) and `seed.cases` stored. */
export async function seededDataDir(seed: Seed = {}): Promise<string> {
  const dataDir = seed.dataDir ?? (await tempDir('enlace-e2e-'));
  const store = await JsonStore.open(dataDir);
  for (const staff of seed.staff ?? DEMO_STAFF) await store.repositories.staff.put(staff);
  for (const record of seed.cases ?? []) await store.repositories.cases.put(record);
  for (const link of seed.clientLinks ?? []) await store.repositories.clientLinks.put(link);
  for (const reference of seed.conversationRefs ?? []) await store.repositories.conversationRefs.put(reference);
  await store.close();
  return dataDir;
}

/** A stored conversation reference for `userId` in `conversationId`, on the stand-in connector at `serviceUrl`. */
export function conversationRef(userId: string, conversationId: string, serviceUrl: string): ConversationRef {
  return {
    id: userId,
    channelId: 'emulator',
    serviceUrl,
    updatedAt: '2026-01-01T00:00:00.000Z',
    reference: {
      channelId: 'emulator',
      serviceUrl,
      user: { id: userId, name: userId },
      bot: { id: 'enlace-bot', name: 'Enlace' },
      conversation: { id: conversationId },
    },
  };
}

/** Starts the server in this process on `dataDir`, with a clock when the test needs one; `env` adds settings. */
export async function startInProcess(dataDir: string, now?: () => Date, env: NodeJS.ProcessEnv = {}): Promise<RunningBot & { loopbackUrl: string }> {
  const bot = await startBot(readSettings({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env }), { now });
  // The bot reports http://localhost:<port>; it listens on 127.0.0.1 only.
  return { ...bot, loopbackUrl: `http://127.0.0.1:${bot.port}` };
}

/** The cases stored on disk (journal and files), as a restart would read them. */
export function casesOnDisk(dataDir: string): Promise<Case[]> {
  return recordsAsRestartReads<Case>(dataDir, 'cases');
}

/** The ids of the records of a collection stored on disk (users, conversationRefs, botState…). */
export async function recordIdsOnDisk(dataDir: string, collection: string): Promise<string[]> {
  return (await recordsAsRestartReads(dataDir, collection)).map((record) => record.id);
}
